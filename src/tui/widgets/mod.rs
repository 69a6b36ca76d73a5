//! Small pieces shared by the screens.

pub mod hints;
pub mod line_input;
pub mod outcome_bars;
pub mod popup;
pub mod reciprocity_card;
pub mod rows;
pub mod scroll;
pub mod text;
