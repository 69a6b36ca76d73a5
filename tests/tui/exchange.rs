//! The evening as an exchange: the other's words open once both have written, replies from the
//! journal, and what the other noticed, on the evening screen.

use crate::harness as tui_support;

use chrono::{Duration, TimeZone, Utc};
use mend::journal::{Journal, NewEntry, PartnerId, Reveal, Stage, Visibility};
use tui_support::{ALEX, Harness, SAM, day, empty_journal, now};

fn snapshot(name: &str, harness: &Harness) {
    insta::assert_snapshot!(name, harness.render(80, 24));
}

fn flat(h: &Harness) -> String {
    h.render(80, 24)
        .lines()
        .map(|row| row.trim().trim_matches('"').trim())
        .filter(|row| !row.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const ALEX_WORDS: &str = "I noticed you waited up for me.\nIt meant more than I said.";

/// One entry by `author` tonight (25 November), saved `minutes` before nine.
fn write(j: &mut Journal, author: PartnerId, text: &str, visibility: Visibility, minutes: i64) {
    let at = now().to_utc() - Duration::minutes(minutes);
    let new = NewEntry {
        author,
        day: day(11, 25),
        stage: Stage::Communication,
        prompt_id: None,
        prompt: Some("What did you notice about each other today?".into()),
        text: text.into(),
        visibility,
    };
    j.add_entry(new, at, day(11, 25)).expect("an entry");
}

/// Alex has written tonight; Sam has not.
fn alex_wrote() -> Journal {
    let mut j = empty_journal();
    write(&mut j, ALEX, ALEX_WORDS, Visibility::Shared, 60);
    j
}

fn sam_home(j: Journal) -> Harness {
    let mut h = Harness::new(Some(j));
    h.keys("<Down><Enter>");
    h
}

#[test]
fn the_others_words_wait_until_you_have_written_yours() {
    let h = sam_home(alex_wrote());
    let screen = flat(&h);
    assert!(
        screen.contains("Alex has written tonight. Their words open when you have written yours."),
        "{screen}"
    );
    assert!(
        !screen.contains("waited up"),
        "no word shows early: {screen}"
    );
    snapshot("exchange_home_waiting", &h);
}

#[test]
fn the_others_words_open_once_you_have_written() {
    let mut j = alex_wrote();
    write(&mut j, SAM, "A quiet day.", Visibility::Shared, 10);
    let h = sam_home(j);
    let screen = flat(&h);
    assert!(screen.contains("From Alex tonight"), "{screen}");
    assert!(
        screen.contains("I noticed you waited up for me."),
        "{screen}"
    );
    assert!(!screen.contains("Their words open"), "{screen}");
    snapshot("exchange_home_revealed", &h);
}

#[test]
fn a_private_entry_of_yours_opens_their_words_but_theirs_never_shows() {
    let mut j = alex_wrote();
    write(&mut j, SAM, "Only for me.", Visibility::Private, 10);
    write(&mut j, ALEX, "Alex's private words", Visibility::Private, 5);
    let h = sam_home(j);
    let screen = flat(&h);
    assert!(
        screen.contains("I noticed you waited up for me."),
        "{screen}"
    );
    assert!(!screen.contains("Alex's private words"), "{screen}");
}

#[test]
fn with_the_reveal_turned_off_their_words_show_at_once() {
    let mut j = alex_wrote();
    j.settings.reveal = Reveal::AtOnce;
    let screen = flat(&sam_home(j));
    assert!(
        screen.contains("I noticed you waited up for me."),
        "{screen}"
    );
}

#[test]
fn an_entry_changed_after_it_opened_says_when() {
    let mut j = alex_wrote();
    write(&mut j, SAM, "A quiet day.", Visibility::Shared, 30);
    let id = j
        .entries
        .iter()
        .find(|e| e.meta.author == ALEX)
        .unwrap()
        .meta
        .id;
    let at = now().to_utc() - Duration::minutes(20);
    j.edit_entry(
        id,
        ALEX,
        "I noticed you waited up. Thank you.",
        Visibility::Shared,
        at,
    )
    .expect("edited");
    let mut h = sam_home(j);
    let screen = flat(&h);
    assert!(screen.contains("edited 20:40"), "{screen}");
    // The journal marks it too, in the list and when reading it.
    h.keys("j");
    assert!(
        flat(&h).contains("(edited) I noticed you waited up."),
        "the mark never runs into the words: {}",
        flat(&h)
    );
}

#[test]
fn the_journal_leaves_out_words_that_still_wait() {
    let mut h = sam_home(alex_wrote());
    h.keys("j");
    let screen = flat(&h);
    assert!(!screen.contains("waited up"), "{screen}");
    assert!(screen.contains("0 entries"), "{screen}");
}

/// Sam reads Alex's entry in the journal and replies; returns the harness on the entry.
fn sam_replies(words: &str) -> Harness {
    let mut j = alex_wrote();
    write(&mut j, SAM, "A quiet day.", Visibility::Shared, 10);
    let mut h = sam_home(j);
    // The list is newest first: Sam's own entry, then Alex's.
    h.keys("j<Down><Enter>r");
    h.keys(words);
    h
}

#[test]
fn replying_from_the_journal_saves_and_shows_under_the_entry() {
    let mut h = sam_replies("");
    snapshot("exchange_reply_form", &h);
    assert!(
        flat(&h).contains("Enter save “I read this.”"),
        "{}",
        flat(&h)
    );
    h.keys("Thank you for telling me.<Enter>");
    let saved = h.saved.clone().expect("saved");
    let reply = saved.replies.first().expect("a reply");
    assert_eq!(reply.meta.author, SAM);
    assert_eq!(reply.text.as_deref(), Some("Thank you for telling me."));
    let screen = flat(&h);
    assert!(
        screen.contains("Sam, Wed 25 Nov 21:00: Thank you for telling me."),
        "{screen}"
    );
    snapshot("exchange_reply_under_entry", &h);
}

#[test]
fn an_empty_reply_says_i_read_this() {
    let mut h = sam_replies("<Enter>");
    let saved = h.saved.clone().expect("saved");
    assert_eq!(
        saved.replies.first().expect("a reply").words(),
        "I read this."
    );
    assert!(flat(&h).contains("I read this."));
    h.keys("<Esc>");
}

#[test]
fn replying_to_your_own_entry_is_refused_kindly() {
    let mut j = alex_wrote();
    write(&mut j, SAM, "A quiet day.", Visibility::Shared, 10);
    let mut h = sam_home(j);
    h.keys("j<Enter>r");
    let screen = flat(&h);
    assert!(screen.contains("This is your own entry"), "{screen}");
    assert!(h.saved.clone().unwrap().replies.is_empty());
}

#[test]
fn the_author_sees_the_reply_and_what_was_noticed_the_next_evening() {
    let mut j = empty_journal();
    let yesterday = Utc.with_ymd_and_hms(2026, 11, 24, 20, 0, 0).unwrap();
    let entry = j
        .add_entry(
            NewEntry {
                author: ALEX,
                day: day(11, 24),
                stage: Stage::Communication,
                prompt_id: None,
                prompt: None,
                text: "I kept the Tuesday call.".into(),
                visibility: Visibility::Shared,
            },
            yesterday,
            day(11, 24),
        )
        .unwrap();
    let later = yesterday + Duration::hours(1);
    j.add_entry(
        NewEntry {
            author: SAM,
            day: day(11, 24),
            stage: Stage::Healing,
            prompt_id: None,
            prompt: None,
            text: "Tired.".into(),
            visibility: Visibility::Shared,
        },
        later,
        day(11, 24),
    )
    .unwrap();
    j.reply_to_entry(entry, SAM, Some("It helped.".into()), later, day(11, 24))
        .unwrap();
    let tea = j
        .add_kind_act(ALEX, "Made tea", day(11, 24), later, day(11, 24))
        .unwrap();
    j.acknowledge_kind_act(tea, SAM, Some("It came at 17:41.".into()), later)
        .unwrap();
    let mut h = Harness::new(Some(j));
    h.keys("<Enter>");
    let screen = flat(&h);
    assert!(
        screen.contains("Sam replied to what you wrote yesterday: It helped."),
        "{screen}"
    );
    assert!(
        screen.contains("Sam noticed “Made tea”: It came at 17:41."),
        "{screen}"
    );
    snapshot("exchange_home_reply", &h);
    // The author reads it under the entry too (the list is newest first: Sam's, then Alex's).
    h.keys("j<Down><Enter>");
    let screen = flat(&h);
    assert!(screen.contains("I kept the Tuesday call."), "{screen}");
    assert!(
        screen.contains("↳ Sam, Tue 24 Nov 21:00: It helped."),
        "{screen}"
    );
}

#[test]
fn long_words_and_many_replies_are_cut_calmly_and_fit_any_size() {
    let mut j = empty_journal();
    let long = "A line of what happened today, told plainly.\n".repeat(12);
    write(&mut j, ALEX, &long, Visibility::Shared, 90);
    let mut ids = Vec::new();
    for n in 0..5 {
        let at = now().to_utc() - Duration::days(n + 1);
        let new = NewEntry {
            author: SAM,
            day: day(11, 24 - n as u32),
            stage: Stage::Healing,
            prompt_id: None,
            prompt: None,
            text: format!("Sam's evening {n}"),
            visibility: Visibility::Shared,
        };
        ids.push(j.add_entry(new, at, day(11, 25)).unwrap());
    }
    for id in ids {
        j.reply_to_entry(id, ALEX, None, now().to_utc(), day(11, 25))
            .unwrap();
    }
    write(&mut j, SAM, "Tonight, briefly.", Visibility::Shared, 10);
    let h = sam_home(j);
    let screen = flat(&h);
    assert!(
        screen.contains("… the rest is in the journal (j)."),
        "{screen}"
    );
    assert!(screen.contains("and 2 more"), "{screen}");
    assert_eq!(screen.matches("told plainly.").count(), 3, "{screen}");
    for (w, ht) in [(20, 5), (1, 1), (40, 10)] {
        h.render(w, ht);
    }
}
