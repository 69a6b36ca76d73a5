//! Asking once before a form holding typed words is left: the key that would leave says
//! what would be lost instead, the same key again leaves, any other key goes back to them.

/// The words said when leaving with `key` would lose what was typed.
pub fn leave_words(key: &str) -> String {
    format!(
        "What you typed here is not saved. {key} again leaves without it; any other key goes back to it."
    )
}

/// Which key, if any, asked at the last key press, so the same key may leave now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeaveGuard {
    asked_with: Option<&'static str>,
    asked_at_last_key: Option<&'static str>,
}

impl LeaveGuard {
    /// Called first at every key: remembers which key, if any, asked at the key before.
    pub fn on_key(&mut self) {
        self.asked_at_last_key = self.asked_with.take();
    }

    /// Whether the form may be left now with `key` (its name as the hint says it): when
    /// nothing is typed, or when this same key asked at the key before. Otherwise this key
    /// asks (the caller says [`leave_words`]); another leaving key asks afresh.
    pub fn may_leave(&mut self, has_typed_words: bool, key: &'static str) -> bool {
        if !has_typed_words || self.asked_at_last_key == Some(key) {
            return true;
        }
        self.asked_with = Some(key);
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
        assert!(
            guard.may_leave(false, "Esc"),
            "nothing typed: it leaves at once"
        );
        guard.on_key();
        assert!(!guard.may_leave(true, "Esc"), "typed words: it asks");
        guard.on_key();
        assert!(
            guard.may_leave(true, "Esc"),
            "asked, the same key again leaves"
        );
        guard.on_key();
        assert!(!guard.may_leave(true, "Esc"));
        guard.on_key(); // another key: back to the words
        guard.on_key();
        assert!(!guard.may_leave(true, "Esc"), "asks again after going back");
    }

    #[test]
    fn another_leaving_key_after_the_question_asks_afresh() {
        let mut guard = LeaveGuard::default();
        guard.on_key();
        assert!(!guard.may_leave(true, "Esc"));
        guard.on_key();
        assert!(
            !guard.may_leave(true, "Ctrl-C"),
            "Ctrl-C was not the key that asked"
        );
        guard.on_key();
        assert!(
            guard.may_leave(true, "Ctrl-C"),
            "now Ctrl-C asked: again leaves"
        );
    }
}
