//! What the benchmarks share: demo journals of one and ten years, the app on them, and a
//! pseudo-terminal for whole-process measures.
#![allow(dead_code)]

pub mod fixtures;
pub mod pty;
