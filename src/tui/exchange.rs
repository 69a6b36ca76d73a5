//! What the other partner gave this evening: their words once open, what they noticed, replies.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crate::journal::{Journal, PartnerId, Reader, Sight};

/// How many evenings back (tonight included) "they noticed" is shown.
pub const NOTICED_EVENINGS: i64 = 3;
/// How many evenings back (tonight included) a reply is shown, unless it came after the
/// partner last wrote.
pub const REPLY_EVENINGS: i64 = 7;

/// The other partner's side of the evening, worked out with [`super::tonight::Tonight`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exchange {
    /// Tonight's shared entries of the other partner that are open to this one, oldest first.
    pub their_words: Vec<TheirWords>,
    /// The other has written tonight, and their words open once this partner writes.
    pub waiting: bool,
    /// What the other noticed of this partner's promises and kind acts, newest first.
    pub noticed: Vec<Noticed>,
    /// Replies the other gave to this partner's entries, newest first.
    pub replies: Vec<ReplyLine>,
}

/// One open entry of the other partner's: never a private one, never one still waiting.
#[derive(Debug, Clone, PartialEq)]
pub struct TheirWords {
    pub prompt: Option<String>,
    pub text: String,
    /// When its author changed it after it opened to this partner.
    pub edited: Option<DateTime<Utc>>,
}

/// "Sam noticed 'Call at lunch'", with their note if they left one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noticed {
    pub subject: String,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

/// A reply to one of this partner's entries: the evening of the entry, and the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyLine {
    pub entry_day: NaiveDate,
    pub words: String,
    pub at: DateTime<Utc>,
}

impl Exchange {
    /// The exchange `me` sees at `now`, on the evening `today`.
    pub fn compute(
        journal: &Journal,
        me: PartnerId,
        now: DateTime<FixedOffset>,
        today: NaiveDate,
    ) -> Exchange {
        let Some(other) = journal.other_partner(me).map(|p| p.id) else {
            return Exchange::default();
        };
        let reader = Reader::Partner(me);
        let mut their_words = Vec::new();
        let mut waiting = false;
        let mut tonight: Vec<_> = journal
            .live_entries()
            .filter(|e| e.meta.author == other && e.day == today)
            .collect();
        tonight.sort_by_key(|e| (e.meta.created, e.meta.id));
        for entry in tonight {
            match journal.sight(entry, reader, now) {
                Sight::Open { edited } => their_words.push(TheirWords {
                    prompt: entry.prompt.clone(),
                    text: entry.text.clone(),
                    edited,
                }),
                Sight::Waiting => waiting = true,
                Sight::Hidden => {}
            }
        }
        let clock = journal.clock();
        let evening = |at: DateTime<Utc>| clock.evening_at(at, now.offset());
        let recent = |at: DateTime<Utc>, evenings: i64| (today - evening(at)).num_days() < evenings;
        let mut noticed: Vec<Noticed> = Vec::new();
        for p in journal.live_promises().filter(|p| p.by() == me) {
            if let Some(ack) = p.noticed().filter(|a| a.by == other) {
                noticed.push(Noticed {
                    subject: p.text.clone(),
                    note: ack.note.clone(),
                    at: ack.at,
                });
            }
        }
        for act in journal.live_kind_acts().filter(|k| k.meta.author == me) {
            if let Some(ack) = act.acknowledged.as_ref().filter(|a| a.by == other) {
                noticed.push(Noticed {
                    subject: act.text.clone(),
                    note: ack.note.clone(),
                    at: ack.at,
                });
            }
        }
        noticed.retain(|n| recent(n.at, NOTICED_EVENINGS));
        noticed.sort_by_key(|n| std::cmp::Reverse(n.at));
        let last_written = journal
            .live_entries()
            .filter(|e| e.meta.author == me)
            .map(|e| e.meta.created)
            .max();
        let mut replies: Vec<ReplyLine> = journal
            .live_replies()
            .filter(|r| r.meta.author == other)
            .filter(|r| {
                recent(r.meta.updated, REPLY_EVENINGS) || Some(r.meta.updated) > last_written
            })
            .filter_map(|r| {
                let entry = journal
                    .live_entries()
                    .find(|e| e.meta.id == r.entry && e.meta.author == me)?;
                Some(ReplyLine {
                    entry_day: entry.day,
                    words: r.words().to_owned(),
                    at: r.meta.updated,
                })
            })
            .collect();
        replies.sort_by_key(|r| std::cmp::Reverse(r.at));
        Exchange {
            their_words,
            waiting,
            noticed,
            replies,
        }
    }
}
