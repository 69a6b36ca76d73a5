//! Every place in a journal that holds words to seal, with the key and binding each uses.
//!
//! One walk serves both ways: sealing visits each place and puts a sealed token there,
//! opening visits the same places and puts the words back. A place is named by its record,
//! its field and a stamp: the record's clock for the record's own fields, and the moment of
//! an event, or an earlier version's clock, for what a merge carries over unchanged. A token
//! opens only in the place it was sealed for, so sealed words cannot be moved elsewhere.

use std::borrow::Cow;
use std::sync::Arc;

use uuid::Uuid;

use crate::journal::{Acknowledgement, Clock, Journal, PartnerId, RecordId, Visibility};

/// Which key seals a place: the couple's, or one partner's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyName {
    Couple,
    Private(PartnerId),
}

/// One place that holds words. The field's name is most often a constant, and a record's
/// places share one stamp, so naming a place allocates little.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    pub record: RecordId,
    pub field: Cow<'static, str>,
    pub stamp: Arc<str>,
    pub key: KeyName,
    /// The field the words are bound as, when not `field`: an entry's earlier version holds
    /// the words its text held at that version's clock, and a merge carries them over sealed
    /// as they were, bound as `text` with that clock.
    pub bound_as: Option<&'static str>,
}

impl Place {
    /// What the token is bound to: the scheme, the record, the field and the stamp.
    pub fn binding(&self) -> Vec<u8> {
        let mut binding = Vec::new();
        self.bind_into(&mut binding);
        binding
    }

    /// [`Place::binding`] written into `binding` (cleared first), to reuse its memory.
    pub fn bind_into(&self, binding: &mut Vec<u8>) {
        self.bind_field_into(self.bound_as.unwrap_or(&self.field), binding);
    }

    /// The binding mend wrote before places were bound as another field (an earlier
    /// version's words, sealed under their own field's name while the journal was whole on
    /// one laptop), if this place has one.
    pub fn older_binding_into(&self, binding: &mut Vec<u8>) -> bool {
        self.bound_as.is_some() && {
            self.bind_field_into(&self.field, binding);
            true
        }
    }

    fn bind_field_into(&self, field: &str, binding: &mut Vec<u8>) {
        let mut record = Uuid::encode_buffer();
        binding.clear();
        for part in [
            "mend-seal-1",
            self.record.hyphenated().encode_lower(&mut record),
            field,
            &self.stamp,
        ] {
            binding.extend_from_slice(part.as_bytes());
            binding.push(0);
        }
        binding.pop();
    }
}

/// What a visit does with the words at a place; an error stops the walk. The words are
/// lent for as long as the journal is, so a visit may gather them to work on together.
pub type Visit<'a, 'j, E> = dyn FnMut(Place, &'j mut String) -> Result<(), E> + 'a;

fn stamp(clock: &Clock) -> Arc<str> {
    let (mut wall, mut counter) = (itoa::Buffer::new(), itoa::Buffer::new());
    let parts = [
        wall.format(clock.wall_ms),
        ".",
        counter.format(clock.counter),
        ".",
        clock.device.as_str(),
    ];
    Arc::from(parts.concat())
}

/// The stamp of an event inside a record: its moment and who made it.
fn event_stamp(at: &chrono::DateTime<chrono::Utc>, by: PartnerId) -> Arc<str> {
    Arc::from(format!("{}.{by}", at.timestamp_micros()))
}

fn key_for(visibility: Visibility, author: PartnerId) -> KeyName {
    match visibility {
        Visibility::Private => KeyName::Private(author),
        Visibility::Shared => KeyName::Couple,
    }
}

/// Visits the place `record`'s `field` is (stamped and sealed with `key`) with its words.
fn at<'j, E>(
    visit: &mut Visit<'_, 'j, E>,
    record: RecordId,
    field: Cow<'static, str>,
    stamp: &Arc<str>,
    key: KeyName,
    words: &'j mut String,
) -> Result<(), E> {
    at_bound(visit, record, field, stamp, key, None, words)
}

/// As [`at`], for words bound as another field (`Place::bound_as`).
fn at_bound<'j, E>(
    visit: &mut Visit<'_, 'j, E>,
    record: RecordId,
    field: Cow<'static, str>,
    stamp: &Arc<str>,
    key: KeyName,
    bound_as: Option<&'static str>,
    words: &'j mut String,
) -> Result<(), E> {
    let place = Place {
        record,
        field,
        stamp: Arc::clone(stamp),
        key,
        bound_as,
    };
    visit(place, words)
}

/// Visits the note of a partner's "I noticed" on a promise or a kind act, if it has one:
/// stamped with the moment it was said and who said it.
fn acknowledged_note<'j, E>(
    visit: &mut Visit<'_, 'j, E>,
    record: RecordId,
    acknowledged: &'j mut Option<Acknowledgement>,
) -> Result<(), E> {
    let Some(seen) = acknowledged else {
        return Ok(());
    };
    let Some(note) = &mut seen.note else {
        return Ok(());
    };
    let when = event_stamp(&seen.at, seen.by);
    at(
        visit,
        record,
        "acknowledged.note".into(),
        &when,
        KeyName::Couple,
        note,
    )
}

/// Visits every place in `journal` that holds words.
pub fn each_place<'j, E>(journal: &'j mut Journal, visit: &mut Visit<'_, 'j, E>) -> Result<(), E> {
    for entry in &mut journal.entries {
        let (id, clock) = (entry.meta.id, stamp(&entry.meta.clock));
        let key = key_for(entry.visibility, entry.meta.author);
        at(visit, id, "text".into(), &clock, key, &mut entry.text)?;
        if let Some(prompt) = &mut entry.prompt {
            at(visit, id, "prompt".into(), &clock, key, prompt)?;
        }
        if let Some(prompt_id) = &mut entry.prompt_id {
            at(visit, id, "prompt_id".into(), &clock, key, prompt_id)?;
        }
        for version in &mut entry.earlier_versions {
            let key = key_for(version.visibility, entry.meta.author);
            at_bound(
                visit,
                id,
                "earlier_versions.text".into(),
                &stamp(&version.clock),
                key,
                Some("text"),
                &mut version.text,
            )?;
        }
    }
    for checkin in &mut journal.checkins {
        let (id, clock) = (checkin.meta.id, stamp(&checkin.meta.clock));
        if let Some(ratings) = &mut checkin.sealed_ratings {
            at(
                visit,
                id,
                "ratings".into(),
                &clock,
                KeyName::Couple,
                ratings,
            )?;
        }
        if let Some(note) = &mut checkin.note {
            let key = key_for(checkin.note_visibility, checkin.meta.author);
            at(visit, id, "note".into(), &clock, key, note)?;
        }
    }
    for promise in &mut journal.promises {
        let (id, clock) = (promise.meta.id, stamp(&promise.meta.clock));
        at(
            visit,
            id,
            "text".into(),
            &clock,
            KeyName::Couple,
            &mut promise.text,
        )?;
        for step in &mut promise.history {
            if let Some(note) = &mut step.note {
                let when = event_stamp(&step.at, step.by);
                at(
                    visit,
                    id,
                    "history.note".into(),
                    &when,
                    KeyName::Couple,
                    note,
                )?;
            }
        }
        acknowledged_note(visit, id, &mut promise.acknowledged)?;
    }
    for act in &mut journal.kind_acts {
        let (id, clock) = (act.meta.id, stamp(&act.meta.clock));
        at(
            visit,
            id,
            "text".into(),
            &clock,
            KeyName::Couple,
            &mut act.text,
        )?;
        acknowledged_note(visit, id, &mut act.acknowledged)?;
    }
    for item in &mut journal.plan_items {
        let (id, clock) = (item.meta.id, stamp(&item.meta.clock));
        at(
            visit,
            id,
            "brings_it_on".into(),
            &clock,
            KeyName::Couple,
            &mut item.brings_it_on,
        )?;
        at(
            visit,
            id,
            "helps_me".into(),
            &clock,
            KeyName::Couple,
            &mut item.helps_me,
        )?;
        at(
            visit,
            id,
            "i_ask_of_you".into(),
            &clock,
            KeyName::Couple,
            &mut item.i_ask_of_you,
        )?;
        for review in &mut item.reviews {
            if let Some(note) = &mut review.note {
                let when = event_stamp(&review.at, review.by);
                at(
                    visit,
                    id,
                    "reviews.note".into(),
                    &when,
                    KeyName::Couple,
                    note,
                )?;
            }
        }
    }
    for moment in &mut journal.hard_moments {
        let (id, clock) = (moment.meta.id, stamp(&moment.meta.clock));
        let key = key_for(moment.visibility, moment.meta.author);
        at(visit, id, "text".into(), &clock, key, &mut moment.text)?;
    }
    for pause in &mut journal.pauses {
        let (id, clock) = (pause.meta.id, stamp(&pause.meta.clock));
        if let Some(note) = &mut pause.note {
            at(visit, id, "note".into(), &clock, KeyName::Couple, note)?;
        }
    }
    for reply in &mut journal.replies {
        let (id, clock) = (reply.meta.id, stamp(&reply.meta.clock));
        if let Some(text) = &mut reply.text {
            at(visit, id, "text".into(), &clock, KeyName::Couple, text)?;
        }
    }
    for talk in &mut journal.talks {
        let (id, clock) = (talk.meta.id, stamp(&talk.meta.clock));
        for side in &mut talk.sides {
            let partner = side.partner;
            let field = |name: &str| format!("sides.{partner}.{name}");
            for (n, words) in side.appreciations.iter_mut().enumerate() {
                at(
                    visit,
                    id,
                    field(&format!("appreciations.{n}")).into(),
                    &clock,
                    KeyName::Couple,
                    words,
                )?;
            }
            for (name, words) in [
                ("issue", &mut side.issue),
                ("heard", &mut side.heard),
                ("clarified", &mut side.clarified),
                ("heard_again", &mut side.heard_again),
                ("cared_for", &mut side.cared_for),
            ] {
                if let Some(words) = words {
                    at(
                        visit,
                        id,
                        field(name).into(),
                        &clock,
                        KeyName::Couple,
                        words,
                    )?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Device;

    /// Every token ever sealed is bound to these bytes: a change here would make every
    /// encrypted journal unreadable.
    #[test]
    fn a_places_binding_is_the_scheme_the_record_the_field_and_the_stamp() {
        let record = RecordId::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
        let clock = Clock {
            wall_ms: 1_764_102_600_000,
            counter: 7,
            device: Device("laptop-a".to_owned()),
        };
        let place = Place {
            record,
            field: "text".into(),
            stamp: stamp(&clock),
            key: KeyName::Couple,
            bound_as: None,
        };
        assert_eq!(
            place.binding(),
            b"mend-seal-1\0\
              01234567-89ab-cdef-0123-456789abcdef\0\
              text\0\
              1764102600000.7.laptop-a"
                .to_vec()
        );
        let mut reused = b"left from before".to_vec();
        place.bind_into(&mut reused);
        assert_eq!(reused, place.binding());
    }
}
