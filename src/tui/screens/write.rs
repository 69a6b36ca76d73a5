//! Writing an entry: the prompt above a soft-wrapping editor, a word count, shared or private.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use crate::journal::text::printable;
use crate::journal::{Change, Clock, EntryEdit};
use crate::journal::{
    DomainError, Journal, NewEntry, PartnerId, RecordId, Stage, Visibility, check_text,
};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::draft::Draft;
use crate::tui::keys::tables::{WRITE, WriteKey};
use crate::tui::keys::{Hint, command, hints};
use crate::tui::popups::unsaved::Unsaved;
use crate::tui::tonight::Tonight;
use crate::tui::view::View;

/// The writing screen's state.
#[derive(Debug, Clone)]
pub struct WriteState {
    pub partner: PartnerId,
    pub day: NaiveDate,
    pub stage: Stage,
    pub prompt_id: Option<String>,
    pub prompt: Option<String>,
    pub textarea: TextArea<'static>,
    pub visibility: Visibility,
    /// The saved entry being changed, if this is an edit.
    pub editing: Option<RecordId>,
    /// That entry's clock when it was opened, so a change made elsewhere meanwhile (another
    /// window, or the other laptop's words merged in) is never overwritten.
    pub seen: Option<Clock>,
    /// Words in the text, counted when it changes.
    pub words: usize,
    pub bytes: usize,
    /// There are changes that are not in the journal yet.
    pub dirty: bool,
    /// The draft file holds the text as it is on screen: false from a failed draft write
    /// until one succeeds. (Each change is drafted before the next frame is drawn.)
    pub draft_kept: bool,
    pub saving: bool,
}

impl WriteState {
    fn with_text(partner: PartnerId, day: NaiveDate, stage: Stage, text: &str) -> WriteState {
        let mut textarea = TextArea::from(text.split('\n').map(str::to_owned));
        textarea.set_wrap_mode(WrapMode::Word);
        textarea.set_cursor_line_style(Style::default());
        textarea.set_placeholder_text("Take your time. Start anywhere.");
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        let mut state = WriteState {
            partner,
            day,
            stage,
            prompt_id: None,
            prompt: None,
            textarea,
            visibility: Visibility::Shared,
            editing: None,
            seen: None,
            words: 0,
            bytes: 0,
            dirty: false,
            draft_kept: true,
            saving: false,
        };
        state.count();
        state
    }

    /// A new entry answering tonight's prompt.
    pub fn new(partner: PartnerId, tonight: &Tonight) -> WriteState {
        let mut state = WriteState::with_text(partner, tonight.day, tonight.stage, "");
        state.prompt_id = tonight.prompt_id.clone();
        state.prompt = tonight.prompt.clone();
        state
    }

    /// Changing a saved entry.
    pub fn editing(entry: &crate::journal::Entry) -> WriteState {
        let mut state =
            WriteState::with_text(entry.meta.author, entry.day, entry.stage, &entry.text);
        state.prompt_id = entry.prompt_id.clone();
        state.prompt = entry.prompt.clone();
        state.visibility = entry.visibility;
        state.editing = Some(entry.meta.id);
        state.seen = Some(entry.meta.clock.clone());
        state
    }

    /// Writing brought back from a draft.
    pub fn from_draft(draft: &Draft) -> WriteState {
        let mut state = WriteState::with_text(draft.partner, draft.day, draft.stage, &draft.text);
        state.prompt_id = draft.prompt_id.clone();
        state.prompt = draft.prompt.clone();
        state.visibility = draft.visibility;
        state.editing = draft.editing;
        state.seen = draft.seen.clone();
        state.dirty = true;
        state
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    fn count(&mut self) {
        let lines = self.textarea.lines();
        self.words = lines.iter().map(|l| l.split_whitespace().count()).sum();
        self.bytes = lines
            .iter()
            .map(|l| l.len() + 1)
            .sum::<usize>()
            .saturating_sub(1);
    }

    pub fn draft(&self, now: chrono::DateTime<chrono::Utc>) -> Draft {
        Draft {
            partner: self.partner,
            day: self.day,
            stage: self.stage,
            prompt_id: self.prompt_id.clone(),
            prompt: self.prompt.clone(),
            text: self.text(),
            visibility: self.visibility,
            editing: self.editing,
            seen: self.seen.clone(),
            updated: now,
        }
    }

    /// Pasted text goes in as typed, made [`printable`]: terminals send lone carriage returns
    /// for new lines, and an escape pasted by mistake shows as a mark rather than vanishing.
    pub fn paste(&mut self, text: &str) {
        self.textarea.insert_str(printable(text));
        self.changed();
    }

    /// Replaces the whole text (after the external editor).
    pub fn replace_text(&mut self, text: &str) {
        let mut fresh = WriteState::with_text(self.partner, self.day, self.stage, text);
        std::mem::swap(&mut self.textarea, &mut fresh.textarea);
        self.count();
        self.dirty = true;
    }

    fn changed(&mut self) {
        self.count();
        self.dirty = true;
    }
}

impl View for WriteState {
    fn handle_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Option<Action> {
        let now = ctx.now.with_timezone(&chrono::Utc);
        let write = self;
        let Some(pressed) = command(WRITE, key, true) else {
            // Every other key is text.
            if write.textarea.input(key) {
                write.changed();
                return Some(Action::KeepDraft(Box::new(write.draft(now))));
            }
            return None;
        };
        match pressed {
            WriteKey::Save => {
                // The domain decides what may be saved; the screen only words its refusal.
                let text = write.text();
                match check_text("entry", &text) {
                    Err(DomainError::TextTooLong { .. }) => {
                        return Some(Action::Warn(
                            "This entry is over the 1 MiB limit; please shorten it before saving."
                                .to_owned(),
                        ));
                    }
                    Err(_) => {
                        return Some(Action::Warn("There is nothing to save yet.".to_owned()));
                    }
                    Ok(_) => {}
                }
                write.saving = true;
                let change = match write.editing {
                    Some(id) => Change::EditEntry(EntryEdit {
                        id,
                        by: write.partner,
                        text,
                        visibility: write.visibility,
                        seen: write.seen.clone(),
                        prompt: write.prompt.clone(),
                    }),
                    None => Change::AddEntry(NewEntry {
                        author: write.partner,
                        day: write.day,
                        stage: write.stage,
                        prompt_id: write.prompt_id.clone(),
                        prompt: write.prompt.clone(),
                        text,
                        visibility: write.visibility,
                    }),
                };
                Some(Action::SaveEntry {
                    draft: Box::new(write.draft(now)),
                    change,
                })
            }
            WriteKey::Visibility => {
                write.visibility = match write.visibility {
                    Visibility::Shared => Visibility::Private,
                    Visibility::Private => Visibility::Shared,
                };
                write.dirty = true;
                Some(Action::KeepDraft(Box::new(write.draft(now))))
            }
            WriteKey::Editor => Some(Action::OpenEditor {
                text: write.text(),
                partner: write.partner,
            }),
            WriteKey::Back if write.dirty => Some(Action::ConfirmLeave),
            WriteKey::Back => Some(Action::GoHome),
            WriteKey::Quit => Some(Action::Quit),
        }
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        draw(ctx, self, frame, area);
    }

    fn title(&self, name: &str) -> String {
        format!("Writing · {name}")
    }

    fn bindings(&self) -> Vec<Hint> {
        hints(WRITE)
    }

    fn on_paste(&mut self, text: &str, ctx: &Ctx) -> Option<Action> {
        self.paste(text);
        Some(Action::KeepDraft(Box::new(
            self.draft(ctx.now.with_timezone(&chrono::Utc)),
        )))
    }

    fn types_text(&self) -> bool {
        true
    }

    fn unsaved(&self) -> Unsaved {
        match (self.dirty, self.draft_kept) {
            (true, true) => Unsaved::InDraft,
            (true, false) => Unsaved::OnlyOnScreen,
            (false, _) => Unsaved::Nothing,
        }
    }

    fn unsaved_draft(&self, ctx: &Ctx) -> Option<Draft> {
        self.dirty
            .then(|| self.draft(ctx.now.with_timezone(&chrono::Utc)))
    }

    fn on_edited(&mut self, text: &str, ctx: &Ctx) -> Option<Action> {
        self.replace_text(text);
        Some(Action::KeepDraft(Box::new(
            self.draft(ctx.now.with_timezone(&chrono::Utc)),
        )))
    }

    fn on_draft_kept(&mut self, partner: PartnerId, kept: bool) {
        if self.partner == partner {
            self.draft_kept = kept;
        }
    }

    fn on_saved(&mut self, _before: Option<&Journal>, _ctx: &Ctx) -> Option<Action> {
        self.saving.then(|| Action::Written {
            words: self.words,
            edited: self.editing.is_some(),
            day: self.day,
        })
    }

    fn on_save_failed(&mut self, message: &str) -> String {
        self.saving = false;
        // Where the text is comes first: a long reason is cut at three lines.
        let kept = if self.draft_kept {
            "Not saved. Your text is still here and in the draft."
        } else {
            "Not saved, and only on this screen: the draft could not be written either."
        };
        format!("{kept} {message}")
    }
}

fn draw(ctx: &Ctx, write: &WriteState, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let prompt = write
        .prompt
        .clone()
        .unwrap_or_else(|| "Write whatever is on your mind tonight.".to_owned());
    let inner = usize::from(area.width.saturating_sub(2).max(1));
    let prompt_lines = u16::try_from(prompt.chars().count().div_ceil(inner))
        .unwrap_or(3)
        .clamp(1, 4);
    let [prompt_area, editor_area, status_area] = Layout::vertical([
        Constraint::Length(prompt_lines + 1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(prompt, theme.prompt())).wrap(Wrap { trim: true }),
        prompt_area,
    );
    let title = match (write.editing, write.day == ctx.today) {
        (Some(_), _) => " Changing your entry ".to_owned(),
        (None, true) => " Your entry ".to_owned(),
        // A draft kept from an earlier evening is saved for that evening, and says so.
        (None, false) => format!(" Your entry for {} ", write.day.format("%a %-d %b")),
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Line::from(vec![
            Span::raw(title),
            Span::styled(format!("· {} ", write.stage.title()), theme.muted()),
        ]));
    let inside = block.inner(editor_area);
    frame.render_widget(block, editor_area);
    frame.render_widget(&write.textarea, inside);
    hang_wrapped_spaces(&write.textarea, frame.buffer_mut(), inside);

    let visibility = match write.visibility {
        Visibility::Shared => Span::styled("shared with your partner", theme.muted()),
        Visibility::Private if ctx.journal.is_some_and(|j| j.is_sealed()) => {
            Span::styled("private: sealed with your own passphrase", theme.gentle())
        }
        Visibility::Private => Span::styled(
            "private: hidden from your partner's screens; not encrypted",
            theme.gentle(),
        ),
    };
    let words = crate::words::count(write.words, "word", "words");
    // Only a saved entry opened to change, and not changed yet, is "saved": an empty new
    // page has nothing saved at all.
    let saved = if write.editing.is_some() && !write.dirty {
        " · saved"
    } else {
        ""
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::raw(format!(" {words} · ")),
            visibility,
            Span::styled(saved, theme.muted()),
        ])),
        status_area,
    );
}

/// The editor wraps a line at a space by starting the next row with that space, so a wrapped
/// row read " fifteen sixteen". Draws such rows one space to the left, the way a page hangs the
/// space at the end of the row before. A row the cursor sits in the spaces of is left as drawn,
/// so the cursor never vanishes.
fn hang_wrapped_spaces(textarea: &TextArea, buf: &mut ratatui::buffer::Buffer, area: Rect) {
    let lines = textarea.lines();
    let (top, _) = textarea.scroll_offset();
    let cursor = textarea.screen_cursor();
    for y in area.top()..area.bottom() {
        let row = usize::from(top) + usize::from(y - area.y);
        let ratatui_textarea::DataCursor(line, col) = textarea.screen_to_data(row, 0);
        if col == 0 {
            continue;
        }
        let Some(text) = lines.get(line) else {
            continue;
        };
        let spaces = text.chars().skip(col).take_while(|c| *c == ' ').count();
        let spaces = u16::try_from(spaces).unwrap_or(u16::MAX).min(area.width);
        if spaces == 0 || (cursor.row == row && cursor.col < usize::from(spaces)) {
            continue;
        }
        for x in area.left()..area.right() {
            let from = x.saturating_add(spaces);
            let cell = if from < area.right() {
                buf[(from, y)].clone()
            } else {
                ratatui::buffer::Cell::default()
            };
            buf[(x, y)] = cell;
        }
    }
}
