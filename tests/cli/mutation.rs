//! Random damage to a journal's bytes, shared by the loader fuzz tests (plain and encrypted).

use proptest::prelude::*;

/// One change to the bytes of a journal; positions are taken modulo the length.
#[derive(Debug, Clone)]
pub enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, byte: u8 },
    Delete { at: usize },
    Truncate { at: usize },
}

/// Any one change, inserting only bytes from `inserted`.
pub fn mutation(inserted: &'static [u8]) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), prop::sample::select(inserted.to_vec()))
            .prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        any::<usize>().prop_map(|at| Mutation::Delete { at }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

pub fn apply(bytes: &mut Vec<u8>, change: &Mutation) {
    let len = bytes.len().max(1);
    match *change {
        Mutation::Flip { at, bit } if !bytes.is_empty() => bytes[at % len] ^= 1 << bit,
        Mutation::Insert { at, byte } => bytes.insert(at % (bytes.len() + 1), byte),
        Mutation::Delete { at } if !bytes.is_empty() => {
            bytes.remove(at % len);
        }
        Mutation::Truncate { at } => bytes.truncate(at % len),
        _ => {}
    }
}
