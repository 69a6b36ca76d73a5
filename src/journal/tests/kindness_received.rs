//! Journal rules: a kindness received, logged by the one it was done for.

use super::fixture::*;
use crate::journal::*;

#[test]
fn a_kindness_received_is_the_other_partners_act_and_counts_as_noticed() {
    let (mut j, alex, sam) = couple();
    let id = j
        .add_kind_act_received(sam, alex, "Brought me soup", today(), now(), today())
        .unwrap();
    let act = j.live_kind_acts().find(|k| k.meta.id == id).unwrap();
    assert_eq!(act.meta.author, sam, "Sam logged it");
    assert_eq!(act.doer(), alex, "Alex did it");
    assert_eq!(act.received_by(), Some(sam));
    assert!(act.is_noticed());
    let ack = act.acknowledged.as_ref().unwrap();
    assert_eq!((ack.by, ack.at, ack.note.as_deref()), (sam, now(), None));
}

#[test]
fn an_ordinary_kind_act_is_done_by_its_author_and_waits_to_be_noticed() {
    let (mut j, alex, _) = couple();
    let id = j
        .add_kind_act(alex, "Made tea", today(), now(), today())
        .unwrap();
    let act = j.live_kind_acts().find(|k| k.meta.id == id).unwrap();
    assert_eq!(act.doer(), alex);
    assert_eq!(act.received_by(), None);
    assert!(!act.is_noticed());
}

#[test]
fn neither_partner_can_notice_a_kindness_received_again() {
    let (mut j, alex, sam) = couple();
    let id = j
        .add_kind_act_received(sam, alex, "Walked the dog", today(), now(), today())
        .unwrap();
    assert_eq!(
        j.acknowledge_kind_act(id, sam, None, now()),
        Err(DomainError::ReceivedAlreadyNoticed),
        "the receiver noticed it by writing it down"
    );
    assert_eq!(
        j.acknowledge_kind_act(id, alex, None, now()),
        Err(DomainError::AckOwnKindAct),
        "the doer does not notice their own kindness"
    );
    let act = j.live_kind_acts().find(|k| k.meta.id == id).unwrap();
    assert_eq!(act.meta.rev, 1, "nothing changed");
}

#[test]
fn nobody_receives_a_kindness_from_themselves_or_a_stranger() {
    let (mut j, alex, sam) = couple();
    assert_eq!(
        j.add_kind_act_received(sam, sam, "Cooked", today(), now(), today()),
        Err(DomainError::KindnessFromSelf)
    );
    assert!(DomainError::KindnessFromSelf.is_usage());
    let stranger = PartnerId(uuid::Uuid::from_u128(7));
    assert_eq!(
        j.add_kind_act_received(sam, stranger, "Cooked", today(), now(), today()),
        Err(DomainError::UnknownPartnerId(stranger))
    );
    assert_eq!(
        j.add_kind_act_received(stranger, alex, "Cooked", today(), now(), today()),
        Err(DomainError::UnknownPartnerId(stranger))
    );
    assert!(j.kind_acts.is_empty(), "nothing was written");
}

#[test]
fn a_kindness_received_keeps_the_days_and_words_rules() {
    let (mut j, alex, sam) = couple();
    let tomorrow = today().succ_opt().unwrap();
    assert!(matches!(
        j.add_kind_act_received(sam, alex, "Cooked", tomorrow, now(), today()),
        Err(DomainError::FutureDay { .. })
    ));
    assert_eq!(
        j.add_kind_act_received(sam, alex, "  ", today(), now(), today()),
        Err(DomainError::EmptyText("kind act"))
    );
    assert!(j.kind_acts.is_empty());
}

const ACT: &str = r#""id": "01900000-0000-7000-8000-000000000001",
    "author": "01900000-0000-7000-8000-000000000002",
    "created": "2026-11-25T21:00:00Z", "updated": "2026-11-25T21:00:00Z", "rev": 1,
    "day": "2026-11-25", "text": "Made tea""#;

fn act(more: &str) -> KindAct {
    serde_json::from_str(&format!("{{{ACT}{more}}}")).unwrap()
}

#[test]
fn a_file_without_done_by_reads_as_done_by_the_author_and_writes_none() {
    let old = act(r#", "glow": true"#);
    assert_eq!(old.done_by, None);
    assert_eq!(old.doer(), old.meta.author);
    let written = serde_json::to_string(&old).unwrap();
    assert!(!written.contains("done_by"), "{written}");
    assert!(
        written.contains(r#""glow":true"#),
        "unknown fields kept: {written}"
    );
}

#[test]
fn done_by_and_unknown_fields_survive_a_round_trip() {
    let doer = "01900000-0000-7000-8000-000000000003";
    let read = act(&format!(r#", "done_by": "{doer}", "glow": true"#));
    assert_eq!(read.doer().to_string(), doer);
    assert_eq!(read.received_by(), Some(read.meta.author));
    let again: KindAct = serde_json::from_str(&serde_json::to_string(&read).unwrap()).unwrap();
    assert_eq!(again, read);
}

#[test]
fn a_kind_act_done_by_a_stranger_is_a_problem_in_the_file() {
    let (mut j, alex, sam) = couple();
    let id = j
        .add_kind_act_received(sam, alex, "Cooked", today(), now(), today())
        .unwrap();
    assert!(j.problems(today()).is_empty(), "{:?}", j.problems(today()));
    let stranger = PartnerId(uuid::Uuid::from_u128(7));
    j.kind_acts[0].done_by = Some(stranger);
    let problems = j.problems(today());
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&id.to_string()) && p.contains("unknown partner")),
        "{problems:?}"
    );
}
