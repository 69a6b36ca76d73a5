//! Small pieces shared by the screens.

pub mod hints;
pub mod popup;
