//! Unit tests of the progress figures against values worked out by hand on a small journal.
//!
//! The journal (Monday weeks, evenings end at 04:00, started Monday 2025-12-01, today Monday
//! 2026-01-05) spans the turn of the year: ISO week 2026-W01 runs from Monday 2025-12-29
//! to Sunday 2026-01-04. Stored times are read in UTC unless a test says otherwise.

mod fixture;
mod plan_and_moments;
mod reciprocity_and_writing;
mod records_and_edges;
mod weeks_and_healing;
