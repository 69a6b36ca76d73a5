//! The small windows over a screen, one file each: help, the confirmations, restore-draft,
//! export, and the forms over the promises and plan screens. The app keeps them in one stack.

pub mod confirm;
pub mod details;
pub mod dialog;
pub mod export;
pub mod form;
pub mod hard_moment;
pub mod help;
pub mod leave_guard;
pub mod note_form;
pub mod outcome;
pub mod passphrase;
pub mod plan_dialog;
pub mod plan_form;
pub mod promise_form;
pub mod recovery_codes;
pub mod reply_form;
pub mod restore_draft;
pub mod unsaved;

use crate::tui::view::PopupView;
use confirm::Confirm;
use export::ExportWeek;
use form::FormPopup;
use hard_moment::HardMomentPopup;
use help::Help;
use passphrase::PassphrasePopup;
use restore_draft::RestoreDraft;

/// One popup on the stack; each owns its state and answers the same calls ([`PopupView`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    Help(Help),
    Confirm(Confirm),
    RestoreDraft(RestoreDraft),
    /// Which format to write the summary of a week in.
    Export(ExportWeek),
    /// A promise form, a note form or a record's details.
    Form(Box<FormPopup>),
    /// "A hard moment, now" (Ctrl-G), over whatever is showing.
    HardMoment(Box<HardMomentPopup>),
    /// A passphrase, typed hidden, to open an encrypted journal.
    Passphrase(Box<PassphrasePopup>),
    /// Each partner's recovery code, shown once after setup.
    RecoveryCodes(recovery_codes::RecoveryCodes),
}

impl Popup {
    /// The popup as a [`PopupView`].
    pub fn view(&self) -> &dyn PopupView {
        match self {
            Popup::Help(help) => help,
            Popup::Confirm(confirm) => confirm,
            Popup::RestoreDraft(restore) => restore,
            Popup::Export(export) => export,
            Popup::Form(form) => form.as_ref(),
            Popup::HardMoment(moment) => moment.as_ref(),
            Popup::Passphrase(ask) => ask.as_ref(),
            Popup::RecoveryCodes(codes) => codes,
        }
    }

    pub fn view_mut(&mut self) -> &mut dyn PopupView {
        match self {
            Popup::Help(help) => help,
            Popup::Confirm(confirm) => confirm,
            Popup::RestoreDraft(restore) => restore,
            Popup::Export(export) => export,
            Popup::Form(form) => form.as_mut(),
            Popup::HardMoment(moment) => moment.as_mut(),
            Popup::Passphrase(ask) => ask.as_mut(),
            Popup::RecoveryCodes(codes) => codes,
        }
    }
}
