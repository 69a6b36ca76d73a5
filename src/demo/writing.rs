//! Entry texts for the demo: 60 to 180 words built from calm, varied sentences.

use fastrand::Rng;

use crate::journal::{Role, Stage};

/// The fewest and most words an entry gets.
pub const MIN_WORDS: usize = 60;
pub const MAX_WORDS: usize = 180;

const OPENERS: &[&str] = &[
    "It is late, but I wanted to write a few lines.",
    "A quiet evening.",
    "Writing this after dinner, with a cup of tea.",
    "Tonight's question made me think.",
    "Long day at work, so I will keep this fairly short.",
    "I almost skipped tonight, but I am glad I didn't.",
    "The house is quiet now.",
    "I have been turning this over since {weekday}.",
];

const CLOSERS: &[&str] = &[
    "That is enough for tonight.",
    "Tomorrow is another evening.",
    "I am going to bed feeling a little lighter.",
    "More tomorrow.",
    "Good night.",
    "I want to remember this one.",
    "Small steps, but they are steps.",
];

const COMMUNICATION: &[&str] = &[
    "Tonight we sat at the kitchen table and talked for a while without the television on.",
    "I tried to say what I felt instead of what I thought {other} had done.",
    "It was hard to find the words at first, so I started with the small things.",
    "{other} listened without interrupting, and I could tell it took some effort.",
    "I noticed my voice getting tight, so I paused and took a breath before going on.",
    "We took turns as speaker and listener again, and it slowed us down in a good way.",
    "When {other} repeated back what I said, most of it was right, and we sorted out the rest.",
    "I asked for one clear thing this week: a message if plans change.",
    "Some of what I said came out sharper than I meant, and I said so afterwards.",
    "There is still a lot I have not said, and that is all right for now.",
    "I want to keep telling the truth even when it is uncomfortable.",
    "We agreed to stop when either of us feels flooded, and to come back to it after a walk.",
    "I felt heard tonight, which does not happen every evening.",
    "On {weekday} I kept something to myself, and tonight I told {other} about it.",
];

const COMMUNICATION_HURT: &[&str] = &[
    "I told {other} that some evenings the questions still come back, and that I need patience with that.",
    "It helps when {other} answers plainly instead of explaining too much.",
    "I said I am not ready to talk about everything yet, and {other} accepted that.",
];

const COMMUNICATION_REPAIRING: &[&str] = &[
    "I tried to answer {other}'s questions openly, without getting defensive.",
    "When {other} was upset, I reminded myself that listening matters more than being understood.",
    "I said out loud what I did and why it hurt, without softening it.",
];

const RECIPROCITY: &[&str] = &[
    "{other} made coffee this morning before I was up, and I made a point of saying thank you.",
    "I noticed the small things today: the dishes done, a message at lunch, the porch light left on.",
    "We split the chores on {weekday} without any friction, which felt like progress.",
    "I want to give without keeping score, though I catch myself counting sometimes.",
    "I did one small kind thing without mentioning it, and it felt good just to do it.",
    "{other} remembered something I mentioned last week, and that meant a lot.",
    "Keeping small promises seems to matter more than big gestures right now.",
    "I said thank you twice today and meant it both times.",
    "We planned {activity} for the weekend and both of us are looking forward to it.",
    "It is easier to notice effort when I am looking for it.",
    "I was running late on {weekday} and I sent a message, as I said I would.",
    "We each did one thing the other had asked for, without needing a reminder.",
];

const RECIPROCITY_HURT: &[&str] = &[
    "I noticed that {other} followed through again, and I let myself feel it instead of waiting for the next slip.",
    "Saying thank you still feels strange some days, but I want to keep doing it.",
    "I did something kind for {other} today because I wanted to, not because I had to.",
];

const RECIPROCITY_REPAIRING: &[&str] = &[
    "I kept the promise I made on {weekday}, and I did not need to point it out.",
    "I am learning that being reliable in small ways builds more than any apology.",
    "When {other} thanked me, I just said you are welcome instead of brushing it off.",
];

const HEALING: &[&str] = &[
    "Today was gentle, and I am grateful for that.",
    "Change is slow, and I am trying to be patient with both of us.",
    "We went for {activity} and for a while it felt like before, only more honest.",
    "A hard moment came up in the afternoon, and it passed more quickly than it used to.",
    "I can see how far we have come when I read back a few weeks.",
    "I laughed at something {other} said tonight, and it surprised me how easy it was.",
    "Some days I feel hopeful and some days I feel tired; today was a bit of both.",
    "I want to be kind to myself about the days that go less well.",
    "We sat close on the sofa and did not need to talk much.",
    "A bad day is not a return to zero, and I am starting to believe that.",
    "I slept better this week, which helps with everything else.",
    "There is more calm in the house than there was a month ago.",
];

const HEALING_HURT: &[&str] = &[
    "The hurt is still there, but it is not the first thing I feel every morning now.",
    "I let {other} hold my hand on the walk home, and it felt safe.",
    "I caught myself planning something for next summer with {other}, and that felt new.",
];

const HEALING_REPAIRING: &[&str] = &[
    "I am trying to stay steady when {other} has a harder day, without taking it personally.",
    "I know trust comes back slowly, and I am willing to keep showing up.",
    "I forgave myself a little today, while still owning what I did.",
];

/// Sentences for a week that is harder than the ones before.
const SETBACK: &[&str] = &[
    "This week has been harder, and some old worries came back.",
    "Something small set me off on {weekday}, and it took a while to settle.",
    "We are both a bit raw, and we agreed to go gently for a few days.",
    "I do not feel as safe as I did last week, and I said so.",
    "It helps to remember that a hard week is part of this, not the end of it.",
];

const ACTIVITIES: &[&str] = &[
    "a walk by the river",
    "a long walk",
    "dinner at the little place on the corner",
    "a film at home",
    "a bike ride",
    "the market on Saturday",
    "a slow breakfast",
    "a swim",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// What shapes one entry's text.
pub struct Writer<'a> {
    pub stage: Stage,
    pub role: Option<Role>,
    /// The other partner's name, for sentences that mention them.
    pub other: &'a str,
    /// Whether the couple is in a harder stretch.
    pub setback: bool,
}

impl Writer<'_> {
    /// An entry of 60-180 words: an opener, sentences of the stage (and the writer's role),
    /// a closer, in one to three paragraphs.
    pub fn entry(&self, rng: &mut Rng) -> String {
        let target = rng.usize(MIN_WORDS..=MAX_WORDS - 20);
        let mut pool: Vec<&str> = self.sentences().collect();
        rng.shuffle(&mut pool);
        let mut sentences = vec![self.fill(pick(rng, OPENERS), rng)];
        let closer = self.fill(pick(rng, CLOSERS), rng);
        let mut words = words_in(&sentences[0]) + words_in(&closer);
        for sentence in pool {
            if words >= target {
                break;
            }
            let sentence = self.fill(sentence, rng);
            let more = words_in(&sentence);
            if words + more <= MAX_WORDS {
                words += more;
                sentences.push(sentence);
            }
        }
        sentences.push(closer);
        paragraphs(&sentences, rng)
    }

    fn sentences(&self) -> impl Iterator<Item = &'static str> {
        let (common, hurt, repairing) = match self.stage {
            Stage::Communication => (COMMUNICATION, COMMUNICATION_HURT, COMMUNICATION_REPAIRING),
            Stage::Reciprocity => (RECIPROCITY, RECIPROCITY_HURT, RECIPROCITY_REPAIRING),
            Stage::Healing => (HEALING, HEALING_HURT, HEALING_REPAIRING),
        };
        let own: &[&str] = match self.role {
            Some(Role::Hurt) => hurt,
            Some(Role::Repairing) => repairing,
            Some(Role::Both) | None => &[],
        };
        let setback: &[&str] = if self.setback { SETBACK } else { &[] };
        common.iter().chain(own).chain(setback).copied()
    }

    fn fill(&self, sentence: &str, rng: &mut Rng) -> String {
        let mut text = sentence.replace("{other}", self.other);
        if text.contains("{weekday}") {
            text = text.replace("{weekday}", pick(rng, WEEKDAYS));
        }
        if text.contains("{activity}") {
            text = text.replace("{activity}", pick(rng, ACTIVITIES));
        }
        text
    }
}

/// One item of a non-empty list, chosen by the generator.
pub fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list.get(rng.usize(..list.len().max(1)))
        .copied()
        .unwrap_or("")
}

fn words_in(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Joins sentences into one to three paragraphs.
fn paragraphs(sentences: &[String], rng: &mut Rng) -> String {
    let breaks = rng.usize(0..=2).min(sentences.len().saturating_sub(1));
    let mut at: Vec<usize> = (0..breaks).map(|_| rng.usize(1..sentences.len())).collect();
    at.sort_unstable();
    let mut text = String::new();
    for (i, sentence) in sentences.iter().enumerate() {
        if i > 0 {
            text.push_str(if at.contains(&i) { "\n\n" } else { " " });
        }
        text.push_str(sentence);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_stay_between_60_and_180_words_for_every_stage_and_role() {
        let mut rng = Rng::with_seed(3);
        for stage in Stage::ALL {
            for role in [Some(Role::Hurt), Some(Role::Repairing), None] {
                for setback in [false, true] {
                    let writer = Writer {
                        stage,
                        role,
                        other: "Sam",
                        setback,
                    };
                    for _ in 0..200 {
                        let text = writer.entry(&mut rng);
                        let words = words_in(&text);
                        assert!(
                            (MIN_WORDS..=MAX_WORDS).contains(&words),
                            "{words} words: {text}"
                        );
                        assert!(!text.contains('{'), "a slot was left unfilled: {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn entries_vary() {
        let mut rng = Rng::with_seed(5);
        let writer = Writer {
            stage: Stage::Healing,
            role: Some(Role::Hurt),
            other: "Alex",
            setback: false,
        };
        let texts: std::collections::HashSet<String> =
            (0..50).map(|_| writer.entry(&mut rng)).collect();
        assert!(texts.len() >= 48, "only {} different texts", texts.len());
    }
}
