//! The app's state, and how each event changes it; I/O is returned as effects for the loop to run.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::sync::Arc;

use super::draft::Draft;
use super::screens::{
    checkin::CheckinForm, journal::BrowseState, progress::ProgressState, promises::PromisesState,
    setup::SetupForm, write::WriteState,
};
use super::theme::Theme;
use super::tonight::Tonight;
use crate::journal::{Change, Journal, PartnerId, RecordId, Stage};
use crate::prompts::PromptLibrary;

/// Something that happened: a key, a paste, or time passing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Paste(String),
    /// Time passed (so "tonight" moves on after the day's end hour).
    Tick(DateTime<FixedOffset>),
}

/// What the loop must do for the app: everything that touches the disk or the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write a new journal (first run). Answered with [`Reply::Created`].
    Create(Journal),
    /// Apply a change to the newest journal on disk and save it. Answered with [`Reply::Saved`].
    Apply(Change),
    SaveDraft(Draft),
    DeleteDraft(PartnerId),
    RememberPartner(PartnerId),
    /// Open $VISUAL/$EDITOR on this text. Answered with [`Reply::Edited`].
    OpenEditor(String),
    /// Write the weekly summary to a new file. Answered with [`Reply::Exported`].
    Export(Box<ExportRequest>),
    Quit,
}

/// A weekly summary to write, with the journal and the figures it is made from.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub journal: Arc<Journal>,
    pub progress: Arc<crate::progress::Progress>,
    pub week: crate::journal::Week,
    pub format: crate::export::Format,
}

/// Two requests are the same when they ask for the same week, in the same format, of the very
/// same journal and figures.
impl PartialEq for ExportRequest {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.journal, &other.journal)
            && Arc::ptr_eq(&self.progress, &other.progress)
            && self.week == other.week
            && self.format == other.format
    }
}

/// An entry deleted in this session, as it was, so `u` can bring it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedEntry {
    pub id: RecordId,
    pub text: String,
    pub prompt: Option<String>,
}

/// The loop's answer to an effect.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Created(Result<Arc<Journal>, String>),
    Saved(Result<Arc<Journal>, String>),
    /// The entry being edited had changed in another window (or on another laptop) since it
    /// was opened: it was left as it is, and this window's text was saved as a new entry.
    SavedBesideChanged(Arc<Journal>),
    /// The change is in the file, but the system could not confirm it reached the disk.
    SavedUnconfirmed(Arc<Journal>, String),
    /// The change was refused or could not be saved; `on_disk` is the journal as it is on
    /// disk now (another window may have changed it), so the screens show the truth.
    NotSaved {
        message: String,
        on_disk: Option<Arc<Journal>>,
    },
    Edited(Result<String, String>),
    /// The draft file now holds this partner's writing as it is on screen.
    DraftKept(PartnerId),
    /// Writing the draft failed: the writing on screen is in no file.
    DraftNotKept(PartnerId, String),
    /// A draft that is no longer needed could not be removed.
    DraftNotRemoved(String),
    /// The weekly summary was written to this file, or why not.
    Exported(Result<std::path::PathBuf, String>),
}

/// Which screen is showing.
#[derive(Debug, Clone)]
pub enum Screen {
    Setup(SetupForm),
    /// Choosing who is here: one of the partners, or both (the last row).
    Who {
        selected: usize,
    },
    Home,
    Write(Box<WriteState>),
    Checkin(CheckinForm),
    Journal(BrowseState),
    Promises(Box<PromisesState>),
    /// Both partners looking back together at one screen.
    Progress(ProgressState),
}

/// A small window over the screen that asks or tells something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmLeaveWrite,
    ConfirmDelete(RecordId),
    RestoreDraft(PartnerId),
    /// Which format to write the summary of this week in.
    ExportWeek(crate::journal::Week),
}

/// A one-line message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub problem: bool,
}

/// Where writing that is not in the journal yet is kept, if there is any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    Nothing,
    /// In the draft file, which mend offers back next time.
    InDraft,
    /// Nowhere but on the screen: no draft holds it.
    OnlyOnScreen,
}

/// Everything the screens draw from.
pub struct App {
    pub theme: Theme,
    pub now: DateTime<FixedOffset>,
    pub journal_path: String,
    pub prompts: PromptLibrary,
    /// Shared with the store, which owns the copy that is saved.
    pub journal: Option<Arc<Journal>>,
    pub partner: Option<PartnerId>,
    /// Tonight for the current partner, recomputed when the journal or the choice changes.
    pub tonight: Option<Tonight>,
    /// The stage the partner chose tonight instead of the suggested one, and how many
    /// times they asked for another prompt.
    pub stage_choice: Option<Stage>,
    pub another: usize,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub notice: Option<Notice>,
    pub drafts: HashMap<PartnerId, Draft>,
    /// Writing kept from an editor that never came back (a killed terminal), per partner.
    pub kept_texts: HashMap<PartnerId, std::path::PathBuf>,
    /// Every weekly figure, for the progress view and the reciprocity card; worked out when
    /// the journal changes while one of them is showing, never per frame.
    pub progress: Option<Arc<crate::progress::Progress>>,
    /// Entries deleted in this session, newest last, with their words (the journal keeps
    /// none), so they can be brought back until the couple quits.
    pub deleted: Vec<DeletedEntry>,
    /// False once the couple has chosen to quit; the loop then stops.
    pub running: bool,
    /// A line shown at the top of every screen, such as "this is a sample journal".
    pub banner: Option<String>,
}

impl App {
    /// The app on a loaded journal (or on first-run setup when there is none).
    pub fn new(
        journal: Option<Arc<Journal>>,
        prompts: PromptLibrary,
        now: DateTime<FixedOffset>,
        journal_path: String,
        last_partner: Option<PartnerId>,
        drafts: HashMap<PartnerId, Draft>,
        theme: Theme,
    ) -> App {
        let screen = match &journal {
            None => Screen::Setup(SetupForm::default()),
            Some(j) => Screen::Who {
                selected: last_partner
                    .and_then(|id| j.partners.iter().position(|p| p.id == id))
                    .unwrap_or(0),
            },
        };
        App {
            theme,
            now,
            journal_path,
            prompts,
            journal,
            partner: None,
            tonight: None,
            stage_choice: None,
            another: 0,
            screen,
            overlay: None,
            notice: None,
            drafts,
            kept_texts: HashMap::new(),
            progress: None,
            deleted: Vec::new(),
            running: true,
            banner: None,
        }
    }

    /// This evening, by the journal's day boundary.
    pub fn today(&self) -> NaiveDate {
        match &self.journal {
            Some(j) => j.clock().evening_of(self.now.naive_local()),
            None => self.now.date_naive(),
        }
    }

    pub fn now_utc(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }

    /// Recomputes what the screens show from the journal; called only when something changed.
    pub fn refresh(&mut self) {
        let today = self.today();
        self.tonight = match (&self.journal, self.partner) {
            (Some(j), Some(p)) => Some(Tonight::compute(
                j,
                &self.prompts,
                p,
                today,
                self.stage_choice,
                self.another,
            )),
            _ => None,
        };
        match (&mut self.screen, &self.journal) {
            (Screen::Journal(browse), Some(j)) => browse.rebuild(j, self.partner),
            (Screen::Promises(state), Some(j)) => {
                if let Some(reader) = self.partner {
                    state.rebuild(j, reader, today);
                }
                let progress = crate::progress::Progress::compute(j, today, self.now.offset());
                state.card = super::widgets::reciprocity_card::rows(&progress, j);
                self.progress = Some(Arc::new(progress));
            }
            (Screen::Progress(_), Some(j)) => {
                self.progress = Some(Arc::new(crate::progress::Progress::compute(
                    j,
                    today,
                    self.now.offset(),
                )));
            }
            _ => {}
        }
    }

    pub fn tell(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            problem: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            problem: true,
        });
    }

    /// Whether any writing on screen is not saved yet.
    pub fn has_unsaved_text(&self) -> bool {
        self.unsaved() != Unsaved::Nothing
    }

    /// Where the writing on screen is kept until it is saved, from what the disk reported.
    pub fn unsaved(&self) -> Unsaved {
        match &self.screen {
            Screen::Write(w) if w.dirty && w.draft_kept => Unsaved::InDraft,
            Screen::Write(w) if w.dirty => Unsaved::OnlyOnScreen,
            // Check-in notes have no draft.
            Screen::Checkin(form) if form.note_changed() => Unsaved::OnlyOnScreen,
            _ => Unsaved::Nothing,
        }
    }

    /// The writing on screen that is not saved yet, as a draft to keep when mend must stop.
    pub fn unsaved_draft(&self) -> Option<Draft> {
        match &self.screen {
            Screen::Write(write) if write.dirty => Some(write.draft(self.now_utc())),
            _ => None,
        }
    }

    /// Turns one event into new state and the effects the loop must run.
    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Tick(now) => {
                let before = self.today();
                self.now = now;
                if self.today() != before {
                    self.stage_choice = None;
                    self.another = 0;
                    self.refresh();
                }
                Vec::new()
            }
            Event::Paste(text) => match &mut self.screen {
                Screen::Write(write) => {
                    write.paste(&text);
                    vec![Effect::SaveDraft(write.draft(self.now.with_timezone(&Utc)))]
                }
                Screen::Setup(form) => {
                    form.paste(&text);
                    Vec::new()
                }
                Screen::Checkin(form) => {
                    form.paste(&text);
                    Vec::new()
                }
                Screen::Promises(state) => {
                    if let Some(dialog) = &mut state.dialog {
                        dialog.paste(&text);
                    }
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Event::Key(key) => self.on_key(key),
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == ratatui::crossterm::event::KeyEventKind::Release {
            return Vec::new();
        }
        self.notice = None;
        if let Some(overlay) = self.overlay.clone() {
            return self.on_overlay_key(overlay, key);
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return self.ask_quit();
        }
        match &self.screen {
            Screen::Setup(_) => self.setup_key(key),
            Screen::Who { .. } => self.who_key(key),
            Screen::Home => self.home_key(key),
            Screen::Write(_) => self.write_key(key),
            Screen::Checkin(_) => self.checkin_key(key),
            Screen::Journal(_) => self.journal_key(key),
            Screen::Promises(_) => self.promises_key(key),
            Screen::Progress(_) => self.progress_key(key),
        }
    }

    /// Quits at once, or asks first when there is writing that is not saved.
    pub fn ask_quit(&mut self) -> Vec<Effect> {
        if self.has_unsaved_text() {
            self.overlay = Some(Overlay::ConfirmQuit);
            Vec::new()
        } else {
            self.running = false;
            vec![Effect::Quit]
        }
    }

    fn on_overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> Vec<Effect> {
        let yes = matches!(key.code, KeyCode::Char('y' | 'Y'));
        let no = matches!(key.code, KeyCode::Char('n' | 'N') | KeyCode::Esc);
        match overlay {
            Overlay::Help => {
                self.overlay = None;
                Vec::new()
            }
            Overlay::ConfirmQuit if yes => {
                self.overlay = None;
                self.running = false;
                // A draft file, if one could be written, keeps the text for next time.
                vec![Effect::Quit]
            }
            Overlay::ConfirmLeaveWrite if yes => {
                self.overlay = None;
                let writing = matches!(self.screen, Screen::Write(_));
                self.go_home();
                match self.partner {
                    Some(partner) if writing => {
                        self.drafts.remove(&partner);
                        vec![Effect::DeleteDraft(partner)]
                    }
                    _ => Vec::new(),
                }
            }
            Overlay::ConfirmDelete(id) if yes => {
                self.overlay = None;
                match self.partner {
                    Some(by) => {
                        if let Some(entry) = self
                            .journal
                            .as_ref()
                            .and_then(|j| j.entries.iter().find(|e| e.meta.id == id))
                        {
                            self.deleted.push(DeletedEntry {
                                id,
                                text: entry.text.clone(),
                                prompt: entry.prompt.clone(),
                            });
                        }
                        vec![Effect::Apply(Change::SetEntryDeleted {
                            id,
                            by,
                            deleted: true,
                        })]
                    }
                    None => Vec::new(),
                }
            }
            Overlay::ExportWeek(week) => {
                let format = match key.code {
                    KeyCode::Char('m' | 'M') | KeyCode::Enter => {
                        Some(crate::export::Format::Markdown)
                    }
                    KeyCode::Char('j' | 'J') => Some(crate::export::Format::Json),
                    KeyCode::Char('h' | 'H') => Some(crate::export::Format::Html),
                    _ => None,
                };
                if format.is_some() || no {
                    self.overlay = None;
                }
                match (format, &self.journal, &self.progress) {
                    (Some(format), Some(journal), Some(progress)) => {
                        vec![Effect::Export(Box::new(ExportRequest {
                            journal: Arc::clone(journal),
                            progress: Arc::clone(progress),
                            week,
                            format,
                        }))]
                    }
                    _ => Vec::new(),
                }
            }
            Overlay::RestoreDraft(partner) => match key.code {
                KeyCode::Char('r' | 'R') | KeyCode::Enter => {
                    self.overlay = None;
                    match self.drafts.get(&partner).cloned() {
                        Some(draft) => {
                            self.screen = Screen::Write(Box::new(WriteState::from_draft(&draft)));
                            self.tell("Your unsaved writing is back.");
                        }
                        None => self.go_home(),
                    }
                    Vec::new()
                }
                KeyCode::Char('d' | 'D') => {
                    self.overlay = None;
                    self.drafts.remove(&partner);
                    self.tell("The unsaved writing was let go.");
                    vec![Effect::DeleteDraft(partner)]
                }
                KeyCode::Esc => {
                    self.overlay = None;
                    Vec::new()
                }
                _ => Vec::new(),
            },
            _ if no => {
                self.overlay = None;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Chooses who is here tonight and shows their home screen.
    pub fn choose_partner(&mut self, partner: PartnerId) -> Vec<Effect> {
        if self.partner != Some(partner) {
            self.stage_choice = None;
            self.another = 0;
        }
        self.partner = Some(partner);
        self.go_home();
        if self.drafts.contains_key(&partner) {
            self.overlay = Some(Overlay::RestoreDraft(partner));
        }
        if let Some(path) = self.kept_texts.get(&partner) {
            let name = self
                .journal
                .as_ref()
                .map_or("NAME", |j| j.name_of(partner))
                .to_owned();
            self.tell(format!(
                "Writing from an editor is kept in {}; `mend write --as {name}` opens it again.",
                path.display()
            ));
        }
        vec![Effect::RememberPartner(partner)]
    }

    pub fn go_home(&mut self) {
        self.screen = Screen::Home;
        self.refresh();
    }

    pub fn go_who(&mut self) {
        let selected = self
            .journal
            .as_ref()
            .and_then(|j| {
                self.partner
                    .and_then(|id| j.partners.iter().position(|p| p.id == id))
            })
            .unwrap_or(0);
        self.screen = Screen::Who { selected };
    }

    /// The loop's answer to an effect, and any effects that follow from it.
    pub fn on_reply(&mut self, reply: Reply) -> Vec<Effect> {
        match reply {
            Reply::Created(Ok(journal)) => {
                self.journal = Some(journal);
                self.go_who();
                self.tell("Your journal is ready. Choose who is here tonight.");
            }
            Reply::Created(Err(message)) => {
                if let Screen::Setup(form) = &mut self.screen {
                    form.error = Some(message.clone());
                }
                self.warn(message);
            }
            Reply::Saved(Ok(journal)) => {
                let before = self.journal.replace(journal);
                return self.after_save(before);
            }
            Reply::SavedBesideChanged(journal) => {
                let before = self.journal.replace(journal);
                let effects = self.after_save(before);
                self.tell(
                    "This entry was changed in another window while you wrote. Both are kept: yours is saved as a new entry beside it.",
                );
                return effects;
            }
            Reply::SavedUnconfirmed(journal, warning) => {
                let before = self.journal.replace(journal);
                let effects = self.after_save(before);
                self.warn(warning);
                return effects;
            }
            Reply::NotSaved { message, on_disk } => {
                if let Some(journal) = on_disk {
                    self.journal = Some(journal);
                    self.refresh();
                }
                return self.on_reply(Reply::Saved(Err(message)));
            }
            Reply::Saved(Err(message)) => match &mut self.screen {
                Screen::Promises(state) => {
                    state.saving = None;
                    if let Some(dialog) = &mut state.dialog {
                        dialog.refused(format!("Not saved: {message}"));
                    }
                    self.warn(format!("Not saved: {message}"));
                }
                Screen::Write(write) => {
                    write.saving = false;
                    // Where the text is comes first: a long reason is cut at three lines.
                    let kept = if write.draft_kept {
                        "Not saved. Your text is still here and in the draft."
                    } else {
                        "Not saved, and only on this screen: the draft could not be written either."
                    };
                    self.warn(format!("{kept} {message}"));
                }
                _ => self.warn(format!("Not saved: {message}")),
            },
            Reply::Edited(Ok(text)) => {
                if let Screen::Write(write) = &mut self.screen {
                    write.replace_text(&text);
                    return vec![Effect::SaveDraft(write.draft(self.now.with_timezone(&Utc)))];
                }
            }
            Reply::Edited(Err(message)) => self.warn(message),
            Reply::DraftKept(partner) => self.set_draft_kept(partner, true),
            Reply::DraftNotKept(partner, message) => {
                self.set_draft_kept(partner, false);
                self.warn(format!(
                    "Your writing is only on this screen for now: the draft could not be written (mend tries again as you type). {message}."
                ));
            }
            Reply::DraftNotRemoved(message) => self.warn(message),
            Reply::Exported(Ok(path)) => self.tell(format!(
                "The summary is saved to {} (readable only by you).",
                path.display()
            )),
            Reply::Exported(Err(message)) => {
                self.warn(format!("No summary was written: {message}"))
            }
        }
        Vec::new()
    }

    /// Records whether the draft file holds the writing on screen, as the disk reported.
    fn set_draft_kept(&mut self, partner: PartnerId, kept: bool) {
        if let Screen::Write(write) = &mut self.screen
            && write.partner == partner
        {
            write.draft_kept = kept;
        }
    }

    /// After a successful save: leave the writing or check-in screen, and say so kindly.
    /// `before` is the journal as it was shown before the save.
    fn after_save(&mut self, before: Option<Arc<Journal>>) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Write(write) if write.saving => {
                let words = write.words;
                let edited = write.editing.is_some();
                self.go_home();
                self.tell(if edited {
                    "Your changes are saved.".to_owned()
                } else {
                    format!(
                        "Saved: {}, kept safe. Thank you for writing tonight.",
                        crate::words::count(words, "word", "words")
                    )
                });
                match self.partner {
                    Some(partner) => {
                        self.drafts.remove(&partner);
                        vec![Effect::DeleteDraft(partner)]
                    }
                    None => Vec::new(),
                }
            }
            Screen::Checkin(_) => {
                self.go_home();
                self.tell("Check-in saved. Thank you.");
                Vec::new()
            }
            Screen::Promises(state) if state.saving.is_some() => {
                let done = state.saving.take().unwrap_or_default();
                let change = state.sent.take();
                state.dialog = None;
                if let (Some(change), Some(before), Some(after)) = (change, before, &self.journal) {
                    state.follow(change.changed_record(&before, after));
                }
                self.refresh();
                self.tell(done);
                Vec::new()
            }
            _ => {
                self.refresh();
                Vec::new()
            }
        }
    }
}
