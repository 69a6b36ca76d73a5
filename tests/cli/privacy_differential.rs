//! Privacy as a differential property: adding one partner's private entries changes nothing the
//! other partner or "both of us" can see, and so does adding private hard moments (met with
//! the plan or not, looked back on or not), beside a moment that was shared. Every export
//! of every week, the other partner's screens and the shared progress view are byte-identical
//! with and without them; so are `mend log`, `promise list`, `kind list` and `plan list`
//! through the binary.

use crate::kit::tui::{ALEX, Harness, SAM, day, lived_in_journal};
use chrono::{Duration, TimeZone, Utc};
use mend::export::Format;
use mend::journal::{
    Journal, MomentOutcome, NewEntry, PartnerId, PlanParts, Stage, Visibility, Week,
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
    let before: Vec<String> = views.iter().map(|args| m.ok(args, "")).collect();
    for stage in ["healing", "communication"] {
        m.ok(
            &["write", "--as", "bob", "--stage", stage, "--private"],
            "SECRET only Bob reads this",
        );
    }
    m.ok(&["moment", "--as", "bob"], "SECRET a hard moment");
    m.ok(
        &["moment", "--as", "bob", "--plan", &item],
        "SECRET another hard moment",
    );
    let after: Vec<String> = views.iter().map(|args| m.ok(args, "")).collect();
    for ((args, a), b) in views.iter().zip(&after).zip(&before) {
        assert_eq!(
            a, b,
            "mend {args:?} changed with Bob's private entries and hard moments"
        );
    }
    let own = m.ok(&["log", "--as", "bob"], "");
    assert!(own.contains("SECRET only Bob"), "Bob sees his own: {own}");
}
