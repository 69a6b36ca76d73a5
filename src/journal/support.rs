//! The safety net: when a check-in asks for it, and what mend says then, in calm, plain words.
//!
//! mend is not therapy and never phones, sends or shares anything. A low safety rating is
//! answered with where help is, including the couple's own contacts from the settings.

use super::{Rating, Settings};

/// A safety rating at or below this is answered with where help is.
pub const LOW_SAFETY: u8 = 2;
/// One calm line that says mend is not therapy, for the welcome, the help and the README.
pub const NOT_THERAPY: &str =
    "mend is a place to write and keep promises together; it is not therapy or crisis help.";

/// Whether a check-in's safety rating asks for the support line.
pub fn needs_support(safety: Rating) -> bool {
    safety.value() <= LOW_SAFETY
}

/// What mend says after a low safety check-in: where help is, and the couple's own contacts.
pub fn support_lines(settings: &Settings) -> Vec<String> {
    let mut lines = vec![
        "Thank you for saying how safe you feel. If you are in danger right now, call your local emergency number.".to_owned(),
        "If you are not in danger but it is heavy, a counsellor, or a domestic-abuse helpline where you live, can help.".to_owned(),
    ];
    lines.extend(
        settings
            .support_contacts
            .iter()
            .map(|contact| format!("Your contacts: {contact}")),
    );
    lines
}

/// The same, short enough for the line at the bottom of the full screen.
pub fn support_brief(settings: &Settings) -> String {
    let mut brief = "Check-in saved. If you are in danger, call your local emergency number; if not, a counsellor or a domestic-abuse helpline can help.".to_owned();
    if !settings.support_contacts.is_empty() {
        brief.push_str(" Yours: ");
        brief.push_str(&settings.support_contacts.join("; "));
    }
    brief
}
