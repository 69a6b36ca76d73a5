//! The summary as JSON: the same figures and lists as structured data, under a format header.

use serde::Serialize;

use super::summary::Summary;

/// The value of the top-level `format` field.
pub const FORMAT: &str = "mend-weekly-summary";
/// The version of the summary's JSON fields: 2 since the keep rate was left out, 3 since
/// `hard_moments` (moments shared, pauses asked for, the plan's changes) was added.
pub const VERSION: u32 = 3;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    summary: &'a Summary,
}

/// The summary as pretty-printed JSON, ending in one newline.
pub fn render(summary: &Summary) -> Result<String, serde_json::Error> {
    let mut out = serde_json::to_string_pretty(&Document {
        format: FORMAT,
        version: VERSION,
        summary,
    })?;
    out.push('\n');
    Ok(out)
}
