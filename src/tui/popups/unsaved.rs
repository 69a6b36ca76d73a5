//! Where writing that is not in the journal yet is kept, as the confirmations word it.

/// Where writing that is not in the journal yet is kept, if there is any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    Nothing,
    /// In the draft file, which mend offers back next time.
    InDraft,
    /// Nowhere but on the screen: no draft holds it.
    OnlyOnScreen,
}
