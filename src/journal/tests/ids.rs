//! Journal rules: ids: prefixes as people type them, and the order of ids made at one moment.

use super::fixture::*;
use crate::journal::*;

#[test]
fn id_prefixes_must_be_unique_and_hex() {
    let ids = [
        uuid::Uuid::parse_str("019abc00-0000-7000-8000-000000000001").unwrap(),
        uuid::Uuid::parse_str("019abc00-0000-7000-8000-000000000002").unwrap(),
    ];
    assert_eq!(
        resolve_prefix("019abc", ids.into_iter()),
        Err(DomainError::AmbiguousId("019abc".into()))
    );
    assert_eq!(
        resolve_prefix("019abc00-0000-7000-8000-0000000000", ids.into_iter()),
        Err(DomainError::AmbiguousId(
            "019abc00-0000-7000-8000-0000000000".into()
        ))
    );
    assert_eq!(
        resolve_prefix(
            "019ABC0000007000800000000000000 2"
                .replace(' ', "")
                .as_str(),
            ids.into_iter()
        ),
        Ok(ids[1])
    );
    assert_eq!(
        resolve_prefix("ffff", ids.into_iter()),
        Err(DomainError::NoSuchId("ffff".into()))
    );
    assert_eq!(
        resolve_prefix("xyz", ids.into_iter()),
        Err(DomainError::BadId("xyz".into()))
    );
}

#[test]
fn records_stay_sorted_by_id_and_ids_are_unique_at_a_fixed_now() {
    let (mut j, a, _) = couple();
    for i in 0..50 {
        j.add_kind_act(a, &format!("act {i}"), today(), now(), today())
            .unwrap();
    }
    let ids: Vec<_> = j.kind_acts.iter().map(|k| k.meta.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted);
    assert!(j.problems(today()).is_empty());
    // Made in one millisecond, they still list in the order they were made.
    let texts: Vec<String> = j.kind_acts.iter().map(|k| k.text.clone()).collect();
    let made: Vec<String> = (0..50).map(|i| format!("act {i}")).collect();
    assert_eq!(texts, made);
}
