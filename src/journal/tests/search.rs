//! Search: what one partner may read that holds a query, and never the other's private words.

use super::fixture::*;
use crate::journal::*;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

fn write_on(
    j: &mut Journal,
    by: PartnerId,
    day: NaiveDate,
    text: &str,
    visibility: Visibility,
) -> RecordId {
    j.add_entry(
        NewEntry {
            author: by,
            day,
            stage: Stage::Communication,
            prompt_id: None,
            prompt: None,
            text: text.into(),
            visibility,
        },
        now(),
        today(),
    )
    .unwrap()
}

fn at() -> DateTime<FixedOffset> {
    now().fixed_offset()
}

fn search(j: &Journal, query: &str, reader: PartnerId) -> Vec<(HitKind, String)> {
    let query = Query::new(query).unwrap();
    j.search(&query, reader, at())
        .into_iter()
        .map(|hit| {
            let found: Vec<&str> = hit.ranges.iter().map(|r| &hit.text[r.clone()]).collect();
            (hit.kind, found.join("|"))
        })
        .collect()
}

fn yesterday() -> NaiveDate {
    today() - Duration::days(1)
}

/// A couple who started a season ago, so earlier evenings can be written.
fn couple() -> (Journal, PartnerId, PartnerId) {
    let (mut j, a, s) = super::fixture::couple();
    j.started = today() - Duration::days(90);
    (j, a, s)
}

#[test]
fn the_other_partners_private_entry_is_never_found_and_ones_own_is() {
    let (mut j, a, s) = couple();
    write_on(
        &mut j,
        a,
        yesterday(),
        "Le café, privately",
        Visibility::Private,
    );
    write_on(&mut j, s, yesterday(), "Our CAFE walk", Visibility::Shared);

    assert_eq!(
        search(&j, "cafe", s),
        [(HitKind::Entry, "CAFE".to_owned())],
        "Sam finds his own shared entry, and nothing of Alex's private one"
    );
    let mut alex = search(&j, "Café", a);
    alex.sort();
    assert_eq!(
        alex,
        [
            (HitKind::Entry, "CAFE".to_owned()),
            (HitKind::Entry, "café".to_owned())
        ]
    );
    assert!(search(&j, "privately", s).is_empty());
}

#[test]
fn tonights_words_are_searched_only_once_they_have_opened_to_the_reader() {
    let (mut j, a, s) = couple();
    write_on(&mut j, a, today(), "The été we had", Visibility::Shared);
    assert!(
        search(&j, "ete", s).is_empty(),
        "Sam has not written tonight: Alex's words are not searched"
    );
    assert_eq!(search(&j, "ÉTÉ", a), [(HitKind::Entry, "été".to_owned())]);
    write_on(&mut j, s, today(), "Mine, tonight", Visibility::Private);
    assert_eq!(search(&j, "ÉTÉ", s), [(HitKind::Entry, "été".to_owned())]);
}

#[test]
fn replies_notes_promises_and_kind_acts_are_found_for_who_may_read_them() {
    let (mut j, a, s) = couple();
    let entry = write_on(
        &mut j,
        a,
        yesterday(),
        "A quiet evening",
        Visibility::Shared,
    );
    j.reply_to_entry(entry, s, Some("Quiet was good".into()), now(), today())
        .unwrap();
    for (by, visibility, note) in [
        (a, Visibility::Private, "quiet fear"),
        (s, Visibility::Shared, "quiet relief"),
    ] {
        let checkin = NewCheckin {
            author: by,
            day: today(),
            safety: Rating::new(5).unwrap(),
            trust: Rating::new(5).unwrap(),
            connection: Rating::new(5).unwrap(),
            note: Some(note.into()),
            note_visibility: visibility,
        };
        j.upsert_checkin(checkin, now(), today()).unwrap();
    }
    let p = promise(&mut j, a, s);
    j.change_promise(
        p,
        a,
        PromiseAction::Keep,
        Some("A quiet call".into()),
        now(),
        today(),
    )
    .unwrap();
    j.acknowledge_promise(p, s, Some("Quietly glad".into()), now())
        .unwrap();
    let act = j
        .add_kind_act(a, "Made quiet tea", today(), now(), today())
        .unwrap();
    j.acknowledge_kind_act(act, s, Some("So quiet, so kind".into()), now())
        .unwrap();

    let kinds = |reader| {
        let mut kinds: Vec<HitKind> = search(&j, "QUIET", reader)
            .into_iter()
            .map(|(kind, _)| kind)
            .collect();
        kinds.sort();
        kinds
    };
    use HitKind::*;
    let all_but_a_note = [
        Entry,
        Reply,
        CheckinNote,
        PromiseNote,
        PromiseNote,
        KindAct,
        KindActNote,
    ];
    assert_eq!(
        kinds(s),
        all_but_a_note,
        "Sam never finds Alex's private note"
    );
    let mut alex = all_but_a_note.to_vec();
    alex.insert(2, CheckinNote);
    assert_eq!(kinds(a), alex, "Alex finds her own private note");
    assert!(search(&j, "fear", s).is_empty());
    assert_eq!(search(&j, "fear", a), [(CheckinNote, "fear".to_owned())]);
    assert_eq!(search(&j, "call if", s), [(Promise, "Call if".to_owned())]);
    let reply = j.search(&Query::new("was good").unwrap(), a, at());
    assert_eq!(reply.len(), 1);
    assert_eq!(
        (reply[0].kind, reply[0].entry, reply[0].author),
        (Reply, Some(entry), s),
        "a reply opens the entry it answers"
    );
}

#[test]
fn hits_come_newest_first_with_every_match_in_them() {
    let (mut j, a, s) = couple();
    let old = today() - Duration::days(30);
    write_on(&mut j, a, old, "Rain. More rain.", Visibility::Shared);
    write_on(&mut j, s, yesterday(), "rain again", Visibility::Shared);
    let hits = j.search(&Query::new("rain").unwrap(), a, at());
    let days: Vec<NaiveDate> = hits.iter().map(|h| h.day).collect();
    assert_eq!(days, [yesterday(), old]);
    assert_eq!(hits[1].ranges, [0..4, 11..15]);
    assert_eq!(hits[0].entry, Some(hits[0].record));
    assert_eq!(hits[0].author, s);
}

#[test]
fn log_grep_matches_an_entry_by_its_words_or_its_replies() {
    let (mut j, a, s) = couple();
    let entry = write_on(&mut j, a, yesterday(), "Dinner out", Visibility::Shared);
    j.reply_to_entry(entry, s, Some("Merci, chérie".into()), now(), today())
        .unwrap();
    let e = j.live_entries().find(|e| e.meta.id == entry).unwrap();
    assert!(j.entry_matches(e, &Query::new("DINNER").unwrap()));
    assert!(j.entry_matches(e, &Query::new("cherie").unwrap()));
    assert!(!j.entry_matches(e, &Query::new("lunch").unwrap()));
}

#[test]
fn narrowing_the_hits_of_a_shorter_query_finds_what_a_whole_search_would() {
    let (mut j, a, s) = couple();
    write_on(&mut j, a, yesterday(), "A café at noon", Visibility::Shared);
    write_on(&mut j, s, yesterday(), "Cats and CAFES", Visibility::Shared);
    write_on(
        &mut j,
        s,
        yesterday(),
        "Cafés, privately",
        Visibility::Private,
    );
    let query = |text| Query::new(text).unwrap();
    let wide = j.search(&query("ca"), a, at());
    assert_eq!(wide.len(), 2);
    let narrowed = narrow(wide, &query("CAFÉ"));
    assert_eq!(narrowed, j.search(&query("cafe"), a, at()));
    assert_eq!(narrowed.len(), 2);
    assert_eq!(narrow(narrowed, &query("cafes")).len(), 1);
}
