//! Looking back at a prompt: when a partner last answered the one in front of them tonight.

use chrono::NaiveDate;

use super::book::Journal;
use super::entry::Entry;
use super::ids::PartnerId;

impl Journal {
    /// `author`'s own latest live entry on the prompt `prompt_id` from an evening before
    /// `before`, shared or private (it is their own); `None` when they never answered it.
    /// The other partner's entries never count, whatever they are.
    pub fn last_answer(
        &self,
        author: PartnerId,
        prompt_id: &str,
        before: NaiveDate,
    ) -> Option<&Entry> {
        self.live_entries()
            .filter(|e| e.meta.author == author && e.day < before)
            .filter(|e| e.prompt_id.as_deref() == Some(prompt_id))
            .max_by_key(|e| (e.day, e.meta.created, e.meta.id))
    }
}
