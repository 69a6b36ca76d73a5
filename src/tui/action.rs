//! What a screen asks the app to do after a key: the app alone turns these into effects.

use super::draft::Draft;
use super::popups::dialog::Dialog;
use crate::journal::{Change, Clock, Journal, PartnerId, RecordId, Stage, Week};

/// One request from a screen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Write this new journal (first run).
    Create(Box<Journal>),
    /// Write this new journal sealed, each partner's keys wrapped for their passphrase.
    CreateSealed {
        journal: Box<Journal>,
        passphrases: Vec<(PartnerId, super::effects::Passphrase)>,
    },
    /// Apply this change to the journal and save it.
    Apply(Change),
    /// Keep this draft, then apply the change that saves it.
    SaveEntry {
        draft: Box<Draft>,
        change: Change,
    },
    /// Keep the writing on screen in the draft file.
    KeepDraft(Box<Draft>),
    /// Open $VISUAL/$EDITOR on this text.
    OpenEditor {
        text: String,
        partner: PartnerId,
    },
    /// Change this saved entry on the writing screen.
    EditEntry(RecordId),
    /// Ask before deleting this entry.
    ConfirmDelete(RecordId),
    /// Ask before letting go of these earlier versions (by clock) of this entry.
    ConfirmLetEarlierGo(RecordId, Vec<Clock>),
    /// Bring back the entry deleted last in this session.
    UndoDelete,
    /// Ask which format to write this week's summary in.
    AskExport(Week),
    /// Open this form over the screen.
    OpenForm(Box<Dialog>),
    /// A form's change is saved: say these words, and choose the record it changed.
    Saved {
        record: Option<RecordId>,
        words: String,
    },
    /// Show this on the notice line.
    Tell(String),
    /// Show this problem on the notice line.
    Warn(String),
    /// The entry on the writing screen is saved: say so, and let its draft go.
    Written {
        words: usize,
        edited: bool,
        /// The evening the entry is for: tonight, or an earlier one a draft was kept for.
        day: chrono::NaiveDate,
    },
    /// The check-in is saved: say so, back on tonight's screen.
    CheckedIn,
    /// Back to tonight's screen.
    GoHome,
    /// Ask before leaving writing that is not saved.
    ConfirmLeave,
    /// Quit now: the couple said yes.
    QuitNow,
    /// Leave the writing or check-in screen, letting its unsaved words go.
    LeaveWriting,
    /// Delete this entry (the couple said yes).
    DeleteEntry(RecordId),
    /// Write this week's summary in this format.
    Export(Week, crate::export::Format),
    /// Bring this partner's draft back onto the writing screen.
    RestoreDraft(PartnerId),
    /// Let this partner's draft go.
    DropDraft(PartnerId),
    /// Quit, asking first when writing on screen is not saved.
    Quit,
    /// Show "who is here".
    ChooseWho,
    /// This partner is here tonight: show their evening.
    ChoosePartner(PartnerId),
    /// Both partners look back together.
    LookBackTogether,
    /// Start writing tonight's entry, offering the partner's draft back first if there is one.
    Write,
    CheckIn,
    OpenJournal,
    /// The journal, reading this entry.
    ReadEntry(crate::journal::RecordId),
    OpenPromises,
    /// The plan for hard moments: both partners' items.
    OpenPlan,
    /// Tonight's prompt from this stage instead of the suggested one.
    ChooseStage(Stage),
    /// Another prompt from tonight's stage.
    AnotherPrompt,
    /// Names, roles, the evening's end, the week's first day and the reveal, for both.
    OpenSettings,
    /// The weekly talk for this week: started, or resumed where it stopped.
    OpenTalk(Week),
    /// Back from the weekly talk to "Both of us", on the talk's week.
    LeaveTalk(Week),
    /// Open "a hard moment, now" over whatever is showing.
    HardMoment,
    /// Open the encrypted journal with this passphrase, for this partner (`None`: both of you).
    Unlock {
        partner: Option<PartnerId>,
        passphrase: super::effects::Passphrase,
    },
}
