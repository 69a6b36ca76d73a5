//! Which screen is showing, each one a [`View`] that owns its state.

use crate::tui::screens::{
    checkin::CheckinForm, home::HomeScreen, journal::BrowseState, plan::PlanState,
    progress::ProgressState, promises::PromisesState, settings::SettingsScreen, setup::SetupForm,
    talk::TalkScreen, who::WhoScreen, write::WriteState,
};
use crate::tui::view::View;

/// Which screen is showing.
#[derive(Debug, Clone)]
pub enum Screen {
    Setup(SetupForm),
    /// Choosing who is here: one of the partners, or both (the last row).
    Who(WhoScreen),
    Home(HomeScreen),
    Write(Box<WriteState>),
    Checkin(CheckinForm),
    Journal(BrowseState),
    Promises(Box<PromisesState>),
    /// Both partners looking back together at one screen.
    Progress(ProgressState),
    /// The plan for hard moments, both partners' items.
    Plan(Box<PlanState>),
    /// Settings for both partners, reached from "who is here".
    Settings(Box<SettingsScreen>),
    /// The weekly talk, both partners at one screen.
    Talk(Box<TalkScreen>),
}

impl Screen {
    /// The screen as a [`View`]: every screen owns its state and answers the same calls.
    pub fn view(&self) -> &dyn View {
        match self {
            Screen::Setup(form) => form,
            Screen::Who(who) => who,
            Screen::Home(home) => home,
            Screen::Write(write) => write.as_ref(),
            Screen::Checkin(form) => form,
            Screen::Journal(browse) => browse,
            Screen::Progress(state) => state,
            Screen::Promises(state) => state.as_ref(),
            Screen::Plan(state) => state.as_ref(),
            Screen::Settings(state) => state.as_ref(),
            Screen::Talk(state) => state.as_ref(),
        }
    }

    pub fn view_mut(&mut self) -> &mut dyn View {
        match self {
            Screen::Setup(form) => form,
            Screen::Who(who) => who,
            Screen::Home(home) => home,
            Screen::Write(write) => write.as_mut(),
            Screen::Checkin(form) => form,
            Screen::Journal(browse) => browse,
            Screen::Progress(state) => state,
            Screen::Promises(state) => state.as_mut(),
            Screen::Plan(state) => state.as_mut(),
            Screen::Settings(state) => state.as_mut(),
            Screen::Talk(state) => state.as_mut(),
        }
    }
}
