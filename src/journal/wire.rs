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

use super::clock::Clock;
use super::ids::{PartnerId, RecordId};
use super::meta::Meta;
use super::moment::Moment;

/// Implements `Deserialize` for a struct whose last field is `extra: Extra`.
///
/// Each listed field is read under its own name and is either `required` or filled in when
/// missing (`default`, or `(default = EXPR)`). `[via W]` reads the field as `W` and converts.
/// `meta: meta` makes the record's `Meta` fields (id, author, …) sit beside its own, as written.
/// `unread: f` fills field `f`, which the file never holds, with its default.
/// A field given twice is refused, like serde's derive does.
macro_rules! deserialize_keeping_unknown {
    (
        $name:ident $(, meta: $meta:ident)? $(, unread: $unread:ident)* {
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
                        let mut extra = $crate::journal::meta::Extra::new();
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
                            $( $unread: Default::default(), )*
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
    clock: Option<Clock>,
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
            "clock" => fill(&mut self.clock, "clock", map.next_value()?),
            "deleted" => fill(&mut self.deleted, "deleted", map.next_value()?),
            _ => Ok(false),
        }
    }

    /// The record's `Meta`, once its whole object has been read.
    /// A record without a clock (from before mend kept them) gets the one `Clock::derived`
    /// makes of its update time.
    pub fn finish<E: de::Error>(self) -> Result<Meta, E> {
        let updated = self.updated.ok_or_else(|| E::missing_field("updated"))?;
        let rev = self.rev.ok_or_else(|| E::missing_field("rev"))?;
        Ok(Meta {
            id: self.id.ok_or_else(|| E::missing_field("id"))?,
            author: self.author.ok_or_else(|| E::missing_field("author"))?,
            created: self.created.ok_or_else(|| E::missing_field("created"))?,
            updated,
            rev,
            clock: self.clock.unwrap_or_else(|| Clock::derived(updated)),
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
