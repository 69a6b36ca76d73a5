//! Short texts for the demo: promises, kind acts, check-in notes and the notes that go with them.

pub const PROMISES: &[&str] = &[
    "Call when I'm running late",
    "Text you at lunch on busy days",
    "Be home by seven on Thursday",
    "Cook dinner on Wednesday",
    "Plan a walk for Sunday",
    "Put my phone away during dinner",
    "Ask before making weekend plans",
    "Take the bins out without being asked",
    "Book our session for next week",
    "Tell you about my day before you have to ask",
    "Come to bed at the same time tonight",
    "Share my calendar for the week",
    "Pick up the prescription on the way home",
    "Say when I need space, instead of going quiet",
    "Answer your questions without getting defensive",
    "Leave work on time on Friday",
    "Make breakfast on Saturday",
    "Keep Saturday evening free for us",
    "Tell you straight away if I am contacted",
    "Fix the bathroom light",
    "Walk the dog together after dinner",
    "Read the next chapter of our book",
    "No phones in the bedroom this week",
    "Tell you when something reminds me, rather than holding it in",
    "Call my sister back and tell you how it went",
];

pub const KIND_ACTS: &[&str] = &[
    "Made tea and brought it up",
    "Left a note in your coat pocket",
    "Filled up the car",
    "Cleaned the kitchen after dinner",
    "Picked flowers from the garden",
    "Ran you a bath",
    "Scraped the ice off your car",
    "Bought the bread you like",
    "Folded the laundry",
    "Sent a photo from my walk",
    "Did the early school run",
    "Made your lunch for tomorrow",
    "Booked a table for Friday",
    "Watered the plants",
    "Put a blanket over you on the sofa",
    "Fixed the squeaky door",
    "Wrote you a short thank-you card",
    "Let you sleep in on Sunday",
];

/// Check-in notes for an ordinary or a better evening.
pub const NOTES_STEADY: &[&str] = &[
    "Better than last week.",
    "A steady day.",
    "Felt close tonight.",
    "Calmer than usual.",
    "Good talk after dinner.",
    "Busy day, not much time together.",
    "Tired but okay.",
];

/// Check-in notes for a harder stretch.
pub const NOTES_HARDER: &[&str] = &[
    "A harder day. Still here.",
    "Old worries came back today.",
    "Tired and a bit raw.",
    "Needed some space tonight.",
];

pub const KEPT_NOTES: &[&str] = &["Done, and it felt good.", "Managed it, even on a busy day."];

pub const BROKEN_NOTES: &[&str] = &[
    "I forgot, and I'm sorry. I'll set a reminder next time.",
    "Work ran late and I didn't let you know. I want to do better.",
    "It slipped my mind. I'd like to try again.",
];

pub const RENEGOTIATED_NOTES: &[&str] = &[
    "The week got too full; moving it to a day I can keep.",
    "We talked and found a better day for this.",
];

pub const WITHDRAWN_NOTES: &[&str] = &[
    "We agreed this one doesn't fit right now.",
    "Not needed any more; we sorted it another way.",
];

pub const THANKS: &[&str] = &[
    "I noticed. Thank you.",
    "It meant a lot.",
    "Thank you for following through.",
    "That made my evening.",
];
