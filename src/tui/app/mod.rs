//! The session: which screen and popups are showing, the global keys, and the notice line.

mod actions;
mod lock;
mod locking;
mod screen;
pub use locking::Locking;
pub use screen::Screen;
mod popup_actions;
mod replies;
mod sealed_meanwhile;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use ratatui::crossterm::event::KeyEvent;
use std::collections::HashMap;
use std::sync::Arc;

use super::action::Action;
use super::ctx::Ctx;
use super::draft::Draft;
use super::effects::{Effect, Event};
use super::keys::{self, Global};
pub use super::popups::{Popup, hard_moment::HardMomentPopup, unsaved::Unsaved};
use super::screens::{home::HomeScreen, setup::SetupForm, who::WhoScreen};
use super::theme::Theme;
use super::tonight::Tonight;
use super::view::{Answer, PopupView, View};
use crate::journal::{Journal, PartnerId, RecordId, Stage};
use crate::prompts::PromptLibrary;

/// An entry deleted in this session, as it was, so `u` can bring it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedEntry {
    pub id: RecordId,
    pub text: String,
    pub prompt: Option<String>,
}

/// A one-line message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub problem: bool,
}

/// Everything the screens draw from.
pub struct App {
    pub theme: Theme,
    pub now: DateTime<FixedOffset>,
    pub journal_path: String,
    /// `journal_path` is a shared folder (`mend share`, `mend join`), not a single file.
    pub on_shared_folder: bool,
    pub prompts: PromptLibrary,
    /// Shared with the store, which owns the copy that is saved.
    pub journal: Option<Arc<Journal>>,
    pub partner: Option<PartnerId>,
    /// Tonight for the current partner, recomputed when the journal or the choice changes.
    pub tonight: Option<Tonight>,
    /// The stage the partner chose tonight instead of the suggested one, and how many
    /// times they asked for another prompt.
    pub stage_choice: Option<Stage>,
    pub another: usize,
    pub screen: Screen,
    /// The popups over the screen, the top one last; only the top one gets keys.
    pub popups: Vec<Popup>,
    pub notice: Option<Notice>,
    pub drafts: HashMap<PartnerId, Draft>,
    /// Writing kept from an editor that never came back (a killed terminal), per partner.
    pub kept_texts: HashMap<PartnerId, std::path::PathBuf>,
    /// Every weekly figure, for the progress view and the reciprocity card; worked out when
    /// the journal changes while one of them is showing, never per frame.
    pub progress: Option<Arc<crate::progress::Progress>>,
    /// Entries deleted in this session, newest last, with their words (the journal keeps
    /// none), so they can be brought back until the couple quits.
    pub deleted: Vec<DeletedEntry>,
    /// False once the couple has chosen to quit; the loop then stops.
    pub running: bool,
    /// A line shown at the top of every screen, such as "this is a sample journal".
    pub banner: Option<String>,
    /// When the last key came, and words held while an encrypted journal is locked (`lock.rs`).
    pub locking: Locking,
    /// The size of the window the app was last drawn in, once it has been drawn: a popup that
    /// cannot show what it must in it (the recovery codes) does not close on a key.
    pub window: Option<ratatui::layout::Rect>,
}

impl App {
    /// The app on a loaded journal (or on first-run setup when there is none).
    pub fn new(
        journal: Option<Arc<Journal>>,
        prompts: PromptLibrary,
        now: DateTime<FixedOffset>,
        journal_path: String,
        last_partner: Option<PartnerId>,
        drafts: HashMap<PartnerId, Draft>,
        theme: Theme,
    ) -> App {
        let screen = match &journal {
            None => Screen::Setup(SetupForm::default()),
            Some(j) => Screen::Who(WhoScreen {
                selected: last_partner
                    .and_then(|id| j.partners.iter().position(|p| p.id == id))
                    .unwrap_or(0),
            }),
        };
        App {
            theme,
            now,
            journal_path,
            on_shared_folder: false,
            prompts,
            journal,
            partner: None,
            tonight: None,
            stage_choice: None,
            another: 0,
            screen,
            popups: Vec::new(),
            notice: None,
            drafts,
            kept_texts: HashMap::new(),
            progress: None,
            deleted: Vec::new(),
            running: true,
            banner: None,
            locking: Locking::since(now),
            window: None,
        }
    }

    /// This evening, by the journal's day boundary.
    pub fn today(&self) -> NaiveDate {
        match &self.journal {
            Some(j) => j.clock().evening_of(self.now.naive_local()),
            None => self.now.date_naive(),
        }
    }

    /// The journal the screens show: the one held, or while a passphrase is asked for one
    /// encrypted meanwhile, the one shown before (`Locking::shown_before_sealing`).
    fn shown(&self) -> Option<&Arc<Journal>> {
        self.locking
            .shown_before_sealing
            .as_ref()
            .or(self.journal.as_ref())
    }

    /// What the screens may read, lent for one key or one frame.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx {
            journal: self.shown(),
            journal_path: &self.journal_path,
            on_shared_folder: self.on_shared_folder,
            partner: self.here(),
            locked: self.needs_any_passphrase(),
            now: self.now,
            today: self.today(),
            theme: self.theme,
            tonight: self.tonight.as_ref(),
            progress: self.progress.as_ref(),
            window: self.window,
        }
    }

    /// Who is here now: no one on "who is here" and the settings it opens, even when someone's
    /// evening was open before (it stays in `partner`, so "who is here" opens on their name).
    pub fn here(&self) -> Option<PartnerId> {
        match self.screen {
            Screen::Who(_) | Screen::Settings(_) => None,
            _ => self.partner,
        }
    }

    pub fn now_utc(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }

    /// Recomputes what the screens show from the journal; called only when something changed.
    pub fn refresh(&mut self) {
        let today = self.today();
        self.tonight = match (self.shown(), self.partner) {
            (Some(j), Some(p)) => Some(Tonight::compute(
                j,
                &self.prompts,
                p,
                self.now,
                today,
                self.stage_choice,
                self.another,
            )),
            _ => None,
        };
        // The promises card and the progress view draw from every weekly figure: worked out
        // here, when the journal changes while one of them is showing, never per frame.
        if let (Screen::Promises(_) | Screen::Progress(_) | Screen::Talk(_), Some(j)) =
            (&self.screen, self.shown())
        {
            self.progress = Some(Arc::new(crate::progress::Progress::compute(
                j,
                today,
                self.now.offset(),
            )));
        }
        self.with_view(|view, ctx| {
            view.on_journal_changed(ctx);
            None
        });
    }

    pub fn tell(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            problem: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            problem: true,
        });
    }

    /// Whether any writing on screen is not saved yet.
    pub fn has_unsaved_text(&self) -> bool {
        self.unsaved() != Unsaved::Nothing
    }

    /// Where the writing on screen is kept until it is saved, from what the disk reported.
    pub fn unsaved(&self) -> Unsaved {
        let in_a_popup = self.typed_in_popups();
        match self.screen.view().unsaved() {
            Unsaved::Nothing if in_a_popup => Unsaved::OnlyOnScreen,
            unsaved => unsaved,
        }
    }

    /// The writing on screen that is not saved yet, as a draft to keep when mend must stop.
    pub fn unsaved_draft(&self) -> Option<Draft> {
        self.screen.view().unsaved_draft(&self.ctx())
    }

    /// Turns one event into new state and the effects the loop must run.
    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Tick(now) => {
                if self.idle_too_long(now) {
                    self.now = now;
                    return self.lock_now();
                }
                let before = self.today();
                self.now = now;
                if self.today() != before {
                    self.stage_choice = None;
                    self.another = 0;
                    self.refresh();
                }
                Vec::new()
            }
            Event::Paste(text) => {
                self.locking.idle_since = self.now;
                if let Some(popup) = self.popups.last_mut()
                    && popup.view().types_text()
                {
                    popup.view_mut().on_paste(&text);
                    return Vec::new();
                }
                match self.with_view(|view, ctx| view.on_paste(&text, ctx)) {
                    Some(action) => self.act(action),
                    None => Vec::new(),
                }
            }
            Event::Key(key) => self.on_key(key),
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.kind == ratatui::crossterm::event::KeyEventKind::Release {
            return Vec::new();
        }
        self.notice = None;
        self.locking.idle_since = self.now;
        // The global keys are one table, handled here once.
        let global = keys::command(keys::GLOBAL, key, false);
        if global == Some(Global::HardMoment) {
            return self.act(Action::HardMoment);
        }
        if let Some(popup) = self.popups.last() {
            if global == Some(Global::Quit) && popup.view().lets_ctrl_c_quit() {
                return self.ask_quit();
            }
            return self.on_popup_key(key);
        }
        match global {
            Some(Global::Quit) => return self.ask_quit(),
            Some(Global::Help) if self.screen_help_is_a_key() => {
                self.popups.push(Popup::Help(super::popups::help::Help));
                return Vec::new();
            }
            _ => {}
        }
        // The screen that owns its state handles the key; the app does what it asks.
        match self.with_view(|view, ctx| view.handle_key(key, ctx)) {
            Some(action) => self.act(action),
            None => Vec::new(),
        }
    }

    /// Runs `f` on the screen with the rest of the app lent as [`Ctx`]: the screen leaves the
    /// app meanwhile, so it can read everything else.
    fn with_view(
        &mut self,
        f: impl FnOnce(&mut dyn View, &Ctx) -> Option<Action>,
    ) -> Option<Action> {
        let mut screen = std::mem::replace(&mut self.screen, Screen::Home(HomeScreen::default()));
        let action = f(screen.view_mut(), &self.ctx());
        self.screen = screen;
        action
    }

    /// Lends the top popup to `f` with the rest of the app as [`Ctx`]; it goes back on the
    /// stack unless `f`'s answer closes it. `None` when no popup shows.
    fn with_popup(
        &mut self,
        f: impl FnOnce(&mut dyn PopupView, &Ctx) -> Option<Answer>,
    ) -> Option<Answer> {
        let mut popup = self.popups.pop()?;
        let answer = f(popup.view_mut(), &self.popup_ctx());
        if !answer.as_ref().is_some_and(|a| a.close) {
            self.popups.push(popup);
        }
        answer
    }

    /// Opens "a hard moment, now" over whatever is showing (a screen, a form, a question),
    /// unless it is open already; what is below stays as it was.
    pub(super) fn open_hard_moment(&mut self) {
        let open = self
            .popups
            .iter()
            .any(|p| matches!(p, Popup::HardMoment(_)));
        if !open {
            let moment = HardMomentPopup::new(&self.popup_ctx());
            self.popups.push(Popup::HardMoment(Box::new(moment)));
        }
    }

    /// "A hard moment, now", if it is open (on top or under a question it raised).
    pub fn hard_moment(&self) -> Option<&HardMomentPopup> {
        self.popups.iter().find_map(|p| match p {
            Popup::HardMoment(moment) => Some(moment.as_ref()),
            _ => None,
        })
    }

    /// The popup on top, which gets the keys, if any shows.
    pub fn popup(&self) -> Option<&Popup> {
        self.popups.last()
    }

    /// Whether `?` opens the help now, as the hint line says: no popup shows (only the top
    /// popup gets keys) and the screen is not taking text.
    pub fn help_is_a_key(&self) -> bool {
        self.popups.is_empty() && self.screen_help_is_a_key()
    }

    /// Whether `?` opens the help here: everywhere but where it is typed as text (setup, writing,
    /// the check-in note, a promise's form).
    ///
    /// `q` follows one rule, which each screen's bindings keep: on a list inside the evening
    /// (the journal, a read entry, promises) it goes back one level; on the evening screen, on
    /// "who is here" and on the progress view it quits (asking first if writing is unsaved).
    fn screen_help_is_a_key(&self) -> bool {
        !self.screen.view().types_text()
    }
}
