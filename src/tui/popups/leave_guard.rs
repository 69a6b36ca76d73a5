//! Asking once before a form holding typed words is left: the key that would leave says
//! what would be lost instead, the same key again leaves, any other key goes back to them.

/// The words said when leaving with `key` would lose what was typed.
pub fn leave_words(key: &str) -> String {
    format!(
        "What you typed here is not saved. {key} again leaves without it; any other key goes back to it."
    )
}

/// Whether the last key asked before leaving, so this one may leave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeaveGuard {
    asked: bool,
    asked_at_last_key: bool,
}

impl LeaveGuard {
    /// Called first at every key: remembers whether the key before asked.
    pub fn on_key(&mut self) {
        self.asked_at_last_key = std::mem::take(&mut self.asked);
    }

    /// Whether the form may be left now: when nothing is typed, or when the key before
    /// asked. Otherwise this key asks (the caller says [`leave_words`]).
    pub fn may_leave(&mut self, has_typed_words: bool) -> bool {
        if !has_typed_words || self.asked_at_last_key {
            return true;
        }
        self.asked = true;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::LeaveGuard;

    #[test]
    fn leaving_with_typed_words_asks_once_and_any_other_key_takes_the_question_back() {
        let mut guard = LeaveGuard::default();
        guard.on_key();
        assert!(guard.may_leave(false), "nothing typed: it leaves at once");
        guard.on_key();
        assert!(!guard.may_leave(true), "typed words: it asks");
        guard.on_key();
        assert!(guard.may_leave(true), "asked, the same key again leaves");
        guard.on_key();
        assert!(!guard.may_leave(true));
        guard.on_key(); // another key: back to the words
        guard.on_key();
        assert!(!guard.may_leave(true), "asks again after going back");
    }
}
