//! The help popup: the keys of what is showing, and where the journal is kept.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::ctx::Ctx;
use crate::tui::keys::{GLOBAL, Global};
use crate::tui::view::{Answer, Below, PopupView};
use crate::tui::widgets::popup::{key_line, snug_popup};

/// The keys of the screen below, from the same bindings as its hint line; any key closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Help;

impl PopupView for Help {
    fn handle_key(&mut self, _key: KeyEvent, _ctx: &Ctx) -> Answer {
        Answer::CLOSE
    }

    fn render(&self, ctx: &Ctx, below: &Below, frame: &mut Frame, area: Rect) {
        let theme = ctx.theme;
        let key = |k: &str, what: &str| key_line(theme, k, what);
        let mut lines: Vec<Line> = below
            .bindings
            .iter()
            .map(|(k, what)| key(k, what))
            .collect();
        lines.push(Line::raw(""));
        // The global keys besides the help itself, which the screen shows where it works.
        for global in GLOBAL.iter().filter(|g| g.command != Some(Global::Help)) {
            lines.push(key(global.hint, global.does));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            crate::journal::support::NOT_THERAPY,
            theme.muted(),
        ));
        lines.extend(
            where_kept(ctx)
                .into_iter()
                .map(|l| Line::styled(l, theme.muted())),
        );
        lines.push(Line::styled("Press any key to close this.", theme.muted()));
        // Between the title line and the hint line, which stay in sight; on a short window the
        // blank lines go first.
        let area = area.inner(ratatui::layout::Margin::new(0, 1));
        snug_popup(frame, area, "Keys", lines, theme);
    }
}

/// Where the journal is kept and, on a shared folder, who else holds it.
fn where_kept(ctx: &Ctx) -> Vec<String> {
    let path = ctx.journal_path.to_owned();
    if !ctx.on_shared_folder {
        return vec!["Your journal stays on this computer:".to_owned(), path];
    }
    let encrypted = ctx.locked || ctx.journal.is_some_and(|j| j.is_sealed());
    let who_reads = match encrypted {
        true => "Its words are encrypted: whoever runs the engine's servers cannot read them.",
        false => {
            "It is not encrypted: whoever runs the engine's servers can read everything in it, private entries and notes included."
        }
    };
    vec![
        "Your journal is in the shared folder that syncs to the other laptop:".to_owned(),
        path,
        who_reads.to_owned(),
    ]
}
