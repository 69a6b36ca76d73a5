//! Privacy as a differential property: adding one partner's private entries changes nothing the
//! other partner or "both of us" can see, and so does adding private hard moments (met with
//! the plan or not, looked back on or not, beside a moment that was shared) or keeping a
//! check-in's note private (the ratings stay shared, so the comparison is with no note). Every export
//! of every week, the other partner's screens and the shared progress view are byte-identical
//! with and without them; so are `mend log`, `promise list`, `kind list` and `plan list`
//! through the binary.

use crate::kit::tui::{ALEX, Harness, SAM, day, lived_in_journal};
use chrono::{Duration, TimeZone, Utc};
use mend::export::Format;
use mend::journal::{
    Journal, MomentOutcome, NewCheckin, NewEntry, PartnerId, PlanParts, Rating, Stage, Visibility,
    Week,
};
use mend::progress::Progress;
use proptest::prelude::*;

/// Prompts a private entry may answer; the weekly summary quotes the first one's answers.
const PROMPTS: [Option<&str>; 4] = [
    Some("healing-what-would-help-next-week"),
    Some("communication-one-need-this-week"),
    Some("reciprocity-promise-kept-noticed"),
    None,
];

/// One private entry to add: who, how many days after the journal started, which stage and
/// prompt, and its words.
#[derive(Debug, Clone)]
struct Private {
    author: PartnerId,
    days_in: i64,
    stage: Stage,
    prompt: usize,
    text: String,
}

fn private_entry() -> impl Strategy<Value = Private> {
    (
        prop_oneof![Just(ALEX), Just(SAM)],
        0..25i64,
        prop_oneof![
            Just(Stage::Communication),
            Just(Stage::Reciprocity),
            Just(Stage::Healing)
        ],
        0..PROMPTS.len(),
        "[a-zA-Z ]{1,30}",
    )
        .prop_map(|(author, days_in, stage, prompt, words)| Private {
            author,
            days_in,
            stage,
            prompt,
            text: format!("SECRET {words}"),
        })
}

/// `base` with `privates` added, each written on its own evening.
fn with_private(base: &Journal, privates: &[Private]) -> Journal {
    let mut j = base.clone();
    let today = day(11, 25);
    for (n, p) in privates.iter().enumerate() {
        let evening = j.started + Duration::days(p.days_in);
        let at = Utc
            .with_ymd_and_hms(2026, 11, 1, 21, 0, 0)
            .unwrap()
            .checked_add_signed(Duration::days(p.days_in) + Duration::seconds(n as i64))
            .unwrap();
        let library = mend::prompts::PromptLibrary::built_in();
        let prompt_id = PROMPTS[p.prompt].map(str::to_owned);
        let prompt = prompt_id
            .as_deref()
            .and_then(|id| library.get(id))
            .map(|found| found.text.clone());
        j.add_entry(
            NewEntry {
                author: p.author,
                day: evening,
                stage: p.stage,
                prompt_id,
                prompt,
                text: p.text.clone(),
                visibility: Visibility::Private,
            },
            at,
            today,
        )
        .expect("a valid private entry");
        // Met with the plan's item and looked back on, every other one.
        let item = (n % 2 == 0)
            .then(|| j.plan_items.first().map(|i| i.meta.id))
            .flatten();
        let moment = j
            .add_hard_moment(
                p.author,
                &format!("{} (a hard moment)", p.text),
                item,
                Visibility::Private,
                at,
            )
            .expect("a valid private hard moment");
        if item.is_some() {
            j.set_moment_outcome(moment, p.author, MomentOutcome::Partly, at)
                .expect("its author says how it went");
        }
    }
    j
}

/// One check-in to add: who, how many days after the journal started, its ratings, and the
/// words of the note they keep private.
#[derive(Debug, Clone)]
struct PrivateNote {
    author: PartnerId,
    days_in: i64,
    ratings: [u8; 3],
    text: String,
}

fn private_note() -> impl Strategy<Value = PrivateNote> {
    (
        prop_oneof![Just(ALEX), Just(SAM)],
        0..25i64,
        [0..=10u8, 0..=10u8, 0..=10u8],
        "[a-zA-Z ]{1,30}",
    )
        .prop_map(|(author, days_in, ratings, words)| PrivateNote {
            author,
            days_in,
            ratings,
            text: format!("SECRET {words}"),
        })
}

/// `base` with these check-ins added, their notes kept private, or with no note at all.
fn with_checkins(base: &Journal, checkins: &[PrivateNote], with_notes: bool) -> Journal {
    let mut j = base.clone();
    let today = day(11, 25);
    for c in checkins {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap();
        let [safety, trust, connection] = c.ratings.map(|r| Rating::new(r).expect("0-10"));
        let new = NewCheckin {
            author: c.author,
            day: j.started + Duration::days(c.days_in),
            safety,
            trust,
            connection,
            note: with_notes.then(|| c.text.clone()),
            note_visibility: Visibility::Private,
        };
        j.upsert_checkin(new, at, today).expect("a valid check-in");
    }
    j
}

/// The lived-in journal with Sam's plan item, agreed to by Alex, and a hard moment Sam
/// shared: the plan section has something to show beside the private moments.
fn base() -> Journal {
    let mut j = lived_in_journal();
    let at = |d: u32| Utc.with_ymd_and_hms(2026, 11, d, 20, 0, 0).unwrap();
    let item = j
        .add_plan_item(
            SAM,
            PlanParts {
                brings_it_on: "A late message".into(),
                helps_me: "A walk".into(),
                i_ask_of_you: "Tell me who it is from".into(),
            },
            None,
            at(10),
        )
        .expect("a plan item");
    j.review_plan_item(item, ALEX, mend::journal::ReviewKind::Agreed, None, at(11))
        .expect("Alex agrees");
    j.add_hard_moment(
        SAM,
        "The song came on in the shop.",
        Some(item),
        Visibility::Shared,
        at(17),
    )
    .expect("a shared hard moment");
    j
}

/// Every weekly summary from the journal's first week to this one, in every format.
fn every_export(j: &Journal) -> Vec<String> {
    let progress = Progress::compute(j, day(11, 25), &Utc);
    let clock = j.clock();
    let last = clock.week_of(day(11, 25));
    let mut week: Week = clock.week_of(j.started);
    let mut out = Vec::new();
    while week <= last {
        for format in [Format::Markdown, Format::Html, Format::Json] {
            out.push(mend::export::render(j, &progress, week, format).expect("a summary"));
        }
        week = week.next();
    }
    out
}

/// What `viewer` sees on every screen that can show the other partner's writing, and what
/// "both of us" sees in every section of every week, at 80x24.
fn screens_of(j: &Journal, viewer: PartnerId) -> Vec<String> {
    let mut shots = Vec::new();
    let mut h = Harness::new(Some(j.clone()));
    h.keys(if viewer == ALEX {
        "<Enter>"
    } else {
        "<Down><Enter>"
    });
    shots.push(h.render(80, 24));
    for keys in ["j", "<End>", "<Enter>", "<Esc><Esc>o", "<Tab>", "<Esc>"] {
        h.keys(keys);
        shots.push(h.render(80, 24));
    }
    let mut both = Harness::new(Some(j.clone()));
    both.keys("<Down><Down><Enter>");
    for _week in 0..5 {
        for section in ["1", "2", "3", "4", "5", "6"] {
            both.keys(section);
            shots.push(both.render(80, 24));
        }
        both.keys("<Left>");
    }
    shots
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn private_entries_change_no_export_of_any_week(
        privates in prop::collection::vec(private_entry(), 1..6)
    ) {
        let base = base();
        let with = with_private(&base, &privates);
        prop_assert_eq!(every_export(&with), every_export(&base));
    }

    #[test]
    fn one_partners_private_entries_change_nothing_on_the_others_screens(
        privates in prop::collection::vec(private_entry(), 1..6)
    ) {
        let base = base();
        for viewer in [ALEX, SAM] {
            let theirs: Vec<Private> =
                privates.iter().filter(|p| p.author != viewer).cloned().collect();
            let with = with_private(&base, &theirs);
            let (seen_with, seen_without) = (screens_of(&with, viewer), screens_of(&base, viewer));
            for (a, b) in seen_with.iter().zip(&seen_without) {
                prop_assert_eq!(a, b);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn private_checkin_notes_change_no_export_and_nothing_on_the_others_screens(
        checkins in prop::collection::vec(private_note(), 1..5)
    ) {
        let base = lived_in_journal();
        let (with, without) =
            (with_checkins(&base, &checkins, true), with_checkins(&base, &checkins, false));
        prop_assert_eq!(every_export(&with), every_export(&without));
        for viewer in [ALEX, SAM] {
            let theirs: Vec<PrivateNote> =
                checkins.iter().filter(|c| c.author != viewer).cloned().collect();
            let (with, without) =
                (with_checkins(&base, &theirs, true), with_checkins(&base, &theirs, false));
            for (a, b) in screens_of(&with, viewer).iter().zip(&screens_of(&without, viewer)) {
                prop_assert_eq!(a, b);
            }
        }
    }
}

#[test]
fn the_summary_compared_does_show_a_shared_checkin_note() {
    // Guards the property above: the same note, shared, is in the week's summary.
    let mut j = lived_in_journal();
    let note = PrivateNote {
        author: SAM,
        days_in: (day(11, 24) - j.started).num_days(),
        ratings: [5, 5, 5],
        text: "SECRET shared after all".into(),
    };
    j = with_checkins(&j, &[note], true);
    for c in &mut j.checkins {
        c.note_visibility = Visibility::Shared;
    }
    assert!(
        every_export(&j)
            .concat()
            .contains("SECRET shared after all")
    );
}

#[test]
fn the_screens_compared_do_show_the_others_shared_words() {
    // Guards the property above: it must look where the other partner's words appear.
    let shots = screens_of(&base(), ALEX).join("\n");
    assert!(shots.contains("Noticed the dishes were done"), "{shots}");
    assert!(shots.contains("The song came on in the shop."), "{shots}");
    let exports = every_export(&base()).join("\n");
    assert!(
        exports.contains("The song came on in the shop."),
        "{exports}"
    );
}

#[test]
fn private_entries_change_no_log_or_list_through_the_binary() {
    let m = crate::kit::Mend::with_journal();
    m.write("alice", "We walked by the river.");
    m.ok(
        &[
            "promise", "add", "--by", "bob", "--to", "alice", "Cook", "on", "Friday",
        ],
        "",
    );
    m.ok(
        &["kind", "add", "--by", "alice", "Warmed", "the", "car"],
        "",
    );
    m.ok(
        &["plan", "add", "--as", "bob"],
        "Late messages\nA walk\nTell me\n",
    );
    let item = m.json(&["plan", "list", "--json"])[0]["id"]
        .as_str()
        .expect("a plan item id")
        .to_owned();
    let views: [&[&str]; 15] = [
        &["log"],
        &["log", "--json"],
        &["log", "--as", "alice"],
        &["log", "--as", "alice", "--json"],
        &["promise", "list"],
        &["promise", "list", "--json"],
        &["kind", "list"],
        &["kind", "list", "--json"],
        &["export", "--week", "2026-W48"],
        &["export", "--week", "2026-W48", "--format", "html"],
        &["export", "--week", "2026-W48", "--format", "json"],
        &["plan", "list"],
        &["plan", "list", "--json"],
        &["plan", "list", "--as", "bob"],
        &["plan", "list", "--as", "bob", "--json"],
    ];
    let checkin = [
        "checkin",
        "--as",
        "bob",
        "--safety",
        "6",
        "--trust",
        "5",
        "--connection",
        "7",
    ];
    m.ok(&checkin, "");
    let before: Vec<String> = views.iter().map(|args| m.ok(args, "")).collect();
    for stage in ["healing", "communication"] {
        m.ok(
            &["write", "--as", "bob", "--stage", stage, "--private"],
            "SECRET only Bob reads this",
        );
    }
    m.ok(&["moment", "--as", "bob"], "SECRET a hard moment");
    let mut private_note = checkin.to_vec();
    private_note.extend(["--note-stdin", "--private-note"]);
    m.ok(&private_note, "SECRET a check-in note");
    m.ok(
        &["moment", "--as", "bob", "--plan", &item],
        "SECRET another hard moment",
    );
    let after: Vec<String> = views.iter().map(|args| m.ok(args, "")).collect();
    for ((args, a), b) in views.iter().zip(&after).zip(&before) {
        assert_eq!(
            a, b,
            "mend {args:?} changed with Bob's private entries, hard moments and check-in note"
        );
    }
    let own = m.ok(&["log", "--as", "bob"], "");
    assert!(own.contains("SECRET only Bob"), "Bob sees his own: {own}");
}
