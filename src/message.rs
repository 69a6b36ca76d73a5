//! Turning an error and its causes into one message, punctuated once.

/// The error and each cause not already said in it, joined into one message: after a full
/// stop the next cause starts a new sentence, otherwise it follows a colon. A cause that an
/// outer message already quotes (an `io::Error` named inside a save error) is not repeated.
pub fn error_text(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain() {
        let part = cause.to_string();
        let part = part.trim();
        if part.is_empty() || text.contains(without_final_period(part)) {
            continue;
        }
        if text.is_empty() {
        } else if text.ends_with(['.', '!', '?']) {
            text.push(' ');
        } else {
            text.push_str(": ");
        }
        text.push_str(part);
    }
    text
}

/// `text` without its closing full stop(s), to be set inside a longer sentence.
pub fn without_final_period(text: &str) -> &str {
    text.trim_end().trim_end_matches('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn a_cause_already_quoted_is_not_repeated() {
        let io = std::io::Error::from_raw_os_error(28);
        let quoted = format!(
            "Could not save the journal j.json while writing: {io}. Your journal was not changed."
        );
        let err = anyhow::Error::new(io).context(quoted.clone());
        assert_eq!(error_text(&err), quoted);
    }

    #[test]
    fn contexts_join_with_one_mark_between() {
        let err = Err::<(), _>(anyhow::anyhow!("Disk full."))
            .context("Could not write the backup b.json")
            .context("Saved the entry.")
            .unwrap_err();
        assert_eq!(
            error_text(&err),
            "Saved the entry. Could not write the backup b.json: Disk full."
        );
    }

    #[test]
    fn a_final_period_is_dropped_once_or_more() {
        assert_eq!(without_final_period("outside 0-10.."), "outside 0-10");
        assert_eq!(without_final_period("fine"), "fine");
    }
}
