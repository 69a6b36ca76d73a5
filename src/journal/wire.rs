//! Reading journal objects straight from the file: known fields by name, every other field kept.
//!
//! serde's `#[serde(flatten)]` would keep unknown fields too, but it first copies each object
//! (and, for the journal itself, the whole file) into an in-memory buffer and parses it again.
//! On a ten-year journal that was about a quarter of the load, so the objects that keep unknown
//! fields read them with the visitor `deserialize_keeping_unknown!` writes instead.

use chrono::{DateTime, Utc};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

use super::{Meta, PartnerId, RecordId, moment::Moment};

/// Implements `Deserialize` for a struct whose last field is `extra: Extra`.
///
/// Each listed field is read under its own name and is either `required` or filled in when
/// missing (`default`, or `(default = EXPR)`). `[via W]` reads the field as `W` and converts.
/// `meta: meta` makes the record's `Meta` fields (id, author, …) sit beside its own, as written.
/// A field given twice is refused, like serde's derive does.
macro_rules! deserialize_keeping_unknown {
    (
        $name:ident $(, meta: $meta:ident)? {
            $( $field:ident : $ty:ty $([via $wire:ty])? => $missing:tt ),* $(,)?
        }
    ) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct FieldsVisitor;

                impl<'de> serde::de::Visitor<'de> for FieldsVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($name)))
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        $( let mut $meta = $crate::journal::wire::MetaFields::default(); )?
                        $( let mut $field: Option<$ty> = None; )*
                        let mut extra = $crate::journal::Extra::new();
                        while let Some(key) = map.next_key::<$crate::journal::wire::Key<'de>>()? {
                            match key.as_str() {
                                $( stringify!($field) => {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field(
                                            stringify!($field),
                                        ));
                                    }
                                    let value = map.next_value::<
                                        $crate::journal::wire::wire_type!($ty $(, $wire)?)
                                    >()?;
                                    $field = Some(value.into());
                                } )*
                                _other => {
                                    $( if $meta.read(_other, &mut map)? { continue; } )?
                                    extra.insert(key.into_owned(), map.next_value()?);
                                }
                            }
                        }
                        Ok($name {
                            $( $meta: $meta.finish()?, )?
                            $( $field: $crate::journal::wire::when_missing!($field, $missing), )*
                            extra,
                        })
                    }
                }

                deserializer.deserialize_map(FieldsVisitor)
            }
        }
    };
}

/// The type a field is read as: its own, or the `[via W]` one.
macro_rules! wire_type {
    ($ty:ty) => {
        $ty
    };
    ($ty:ty, $wire:ty) => {
        $wire
    };
}

/// A field's value once the object is read: what was there, or what stands in when missing.
macro_rules! when_missing {
    ($field:ident, required) => {
        $field.ok_or_else(|| serde::de::Error::missing_field(stringify!($field)))?
    };
    ($field:ident, default) => {
        $field.unwrap_or_default()
    };
    ($field:ident, (default = $fallback:expr)) => {
        $field.unwrap_or_else(|| $fallback)
    };
}

pub(crate) use {deserialize_keeping_unknown, when_missing, wire_type};

/// An object key, borrowed from the file when it holds no escapes.
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(key.to_owned())))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(key)))
    }
}

/// The `Meta` fields of a record, gathered while its object is read.
#[derive(Default)]
pub struct MetaFields {
    id: Option<RecordId>,
    author: Option<PartnerId>,
    created: Option<DateTime<Utc>>,
    updated: Option<DateTime<Utc>>,
    rev: Option<u32>,
    deleted: Option<bool>,
}

impl MetaFields {
    /// Reads the value of `key` if it is a `Meta` field; otherwise leaves it and says false.
    pub fn read<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        match key {
            "id" => fill(&mut self.id, "id", map.next_value()?),
            "author" => fill(&mut self.author, "author", map.next_value()?),
            "created" => fill(&mut self.created, "created", map.next_value::<Moment>()?.0),
            "updated" => fill(&mut self.updated, "updated", map.next_value::<Moment>()?.0),
            "rev" => fill(&mut self.rev, "rev", map.next_value()?),
            "deleted" => fill(&mut self.deleted, "deleted", map.next_value()?),
            _ => Ok(false),
        }
    }

    /// The record's `Meta`, once its whole object has been read.
    pub fn finish<E: de::Error>(self) -> Result<Meta, E> {
        Ok(Meta {
            id: self.id.ok_or_else(|| E::missing_field("id"))?,
            author: self.author.ok_or_else(|| E::missing_field("author"))?,
            created: self.created.ok_or_else(|| E::missing_field("created"))?,
            updated: self.updated.ok_or_else(|| E::missing_field("updated"))?,
            rev: self.rev.ok_or_else(|| E::missing_field("rev"))?,
            deleted: self.deleted.unwrap_or_default(),
        })
    }
}

/// Stores a field's value, refusing a second one.
fn fill<T, E: de::Error>(slot: &mut Option<T>, name: &'static str, value: T) -> Result<bool, E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(true)
}

#[cfg(test)]
mod tests {
    use crate::journal::{Checkin, Entry, Visibility};

    const CHECKIN: &str = r#""id": "01900000-0000-7000-8000-000000000001",
        "author": "01900000-0000-7000-8000-000000000002",
        "created": "2026-11-25T21:00:00Z", "updated": "2026-11-25T21:00:00Z", "rev": 1,
        "day": "2026-11-25", "safety": 6, "trust": 5, "connection": 7"#;

    fn checkin(more: &str) -> Result<Checkin, String> {
        serde_json::from_str(&format!("{{{CHECKIN}{more}}}")).map_err(|err| err.to_string())
    }

    #[test]
    fn reads_own_and_meta_fields_and_keeps_the_rest() {
        let read = checkin(r#", "mood": "calm", "z": [1, 2], "a": null"#).unwrap();
        assert_eq!((read.safety.value(), read.trust.value()), (6, 5));
        assert_eq!(read.meta.rev, 1);
        assert!(!read.meta.deleted, "a missing `deleted` reads as false");
        assert_eq!(read.note, None);
        let kept: Vec<&str> = read.extra.keys().map(String::as_str).collect();
        assert_eq!(kept.len(), 3);
        assert_eq!(read.extra["mood"].get(), r#""calm""#);
        assert_eq!(read.extra["z"].get(), "[1, 2]");
    }

    #[test]
    fn a_key_written_with_escapes_is_still_its_field() {
        let read = checkin(r#", "n\u006fte": "slept badly", "caf\u00e9": 1"#).unwrap();
        assert_eq!(read.note.as_deref(), Some("slept badly"));
        assert_eq!(read.extra["café"].get(), "1");
    }

    #[test]
    fn a_field_given_twice_is_refused_by_name() {
        assert!(
            checkin(r#", "trust": 9"#)
                .unwrap_err()
                .contains("duplicate field `trust`")
        );
        assert!(
            checkin(r#", "rev": 2"#)
                .unwrap_err()
                .contains("duplicate field `rev`")
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        let without = |field: &str| {
            let text = CHECKIN.replace(&format!("\"{field}\""), "\"other\"");
            serde_json::from_str::<Checkin>(&format!("{{{text}}}"))
                .unwrap_err()
                .to_string()
        };
        assert!(without("trust").contains("missing field `trust`"));
        assert!(without("author").contains("missing field `author`"));
        assert!(without("created").contains("missing field `created`"));
    }

    #[test]
    fn a_wrong_value_says_what_was_expected() {
        let err = checkin(r#", "note": 12"#).unwrap_err();
        assert!(
            err.contains("invalid type: integer `12`, expected a string"),
            "{err}"
        );
        let err = serde_json::from_str::<Checkin>("[1, 2]")
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected struct Checkin"), "{err}");
        let late = CHECKIN.replace("\"2026-11-25T21:00:00Z\", \"rev\"", "\"late\", \"rev\"");
        let err = serde_json::from_str::<Checkin>(&format!("{{{late}}}")).unwrap_err();
        assert!(err.to_string().contains("invalid characters"), "{err}");
    }

    #[test]
    fn optional_fields_fall_back_when_missing() {
        let entry = CHECKIN.replace(
            r#""safety": 6, "trust": 5, "connection": 7"#,
            r#""stage": "healing", "text": "a quiet evening""#,
        );
        let read: Entry = serde_json::from_str(&format!("{{{entry}}}")).unwrap();
        assert_eq!(read.visibility, Visibility::Private);
        assert_eq!((read.prompt, read.prompt_id), (None, None));
    }
}
