//! The plan screen's keys, one table like every screen's (re-exported from [`super::tables`]).

use ratatui::crossterm::event::KeyCode::{Down, End, Esc, Home, PageDown, PageUp, Up};

use super::{Binding, bind, ch, key, quiet};

/// The plan for hard moments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKey {
    New,
    Edit,
    Retire,
    Agree,
    Suggest,
    LookedAt,
    Back,
    Up,
    Down,
    First,
    Last,
}

pub const PLAN: &[Binding<PlanKey>] = &[
    bind(&[ch('n')], "n", "new", PlanKey::New),
    bind(&[ch('e')], "e", "edit", PlanKey::Edit),
    bind(&[ch('x')], "x", "retire", PlanKey::Retire),
    bind(&[ch('a')], "a", "agree", PlanKey::Agree),
    bind(&[ch('s')], "s", "suggest", PlanKey::Suggest),
    bind(&[ch('l')], "l", "looked at it", PlanKey::LookedAt),
    bind(&[key(Esc), ch('q')], "Esc", "back", PlanKey::Back),
    bind(&[key(Up)], "↑/↓", "move", PlanKey::Up),
    quiet(&[key(Down)], "move down", PlanKey::Down),
    quiet(&[key(PageUp), key(Home)], "the first", PlanKey::First),
    quiet(&[key(PageDown), key(End)], "the last", PlanKey::Last),
];
