//! Turning what a screen asks for into new state and effects, and the moves between screens.

use super::{App, Popup, Screen};
use crate::journal::support;
use crate::journal::{Change, PartnerId, Week};
use crate::tui::action::Action;
use crate::tui::effects::Effect;
use crate::tui::popups::{
    confirm::{Confirm, Question},
    export::ExportWeek,
    form::FormPopup,
    restore_draft::RestoreDraft,
};
use crate::tui::screens::{
    checkin::CheckinForm, home::HomeScreen, journal::BrowseState, progress::ProgressState,
    settings::SettingsScreen, talk::TalkScreen, who::WhoScreen, write::WriteState,
};

impl App {
    /// Does what a screen asked for; returns the effects the loop must run.
    pub(super) fn act(&mut self, action: Action) -> Vec<Effect> {
        if let Some(effects) = self.wait_for_passphrase(&action) {
            return effects;
        }
        match action {
            Action::Create(journal) => return vec![Effect::Create(journal)],
            Action::CreateSealed {
                journal,
                passphrases,
            } => {
                return vec![Effect::CreateSealed {
                    journal,
                    passphrases,
                }];
            }
            Action::Apply(change) => return vec![Effect::Apply(change)],
            Action::SaveEntry { draft, change } => {
                return match self.draft_waits(draft.partner) {
                    true => vec![Effect::Apply(change)],
                    false => vec![Effect::SaveDraft(*draft), Effect::Apply(change)],
                };
            }
            Action::KeepDraft(draft) if self.draft_waits(draft.partner) => {
                self.set_draft_kept(draft.partner, false);
                self.warn(
                    "Your writing is only on this screen for now: the unsaved writing kept earlier waits to be brought back or let go, and is not written over.",
                );
            }
            Action::KeepDraft(draft) => return vec![Effect::SaveDraft(*draft)],
            Action::OpenEditor { text, partner } => {
                return vec![Effect::OpenEditor { text, partner }];
            }
            Action::EditEntry(id) => {
                if let Some(entry) = self
                    .journal
                    .as_ref()
                    .and_then(|j| j.entries.iter().find(|e| e.meta.id == id))
                {
                    self.screen = Screen::Write(Box::new(WriteState::editing(entry)));
                }
            }
            Action::ConfirmDelete(id) => self.ask(Question::Delete(id)),
            Action::ConfirmLetEarlierGo(id, seen) => self.ask(Question::LetEarlierGo(id, seen)),
            Action::UndoDelete => return self.undo_delete(),
            Action::AskExport(week) => self.popups.push(Popup::Export(ExportWeek { week })),
            Action::OpenForm(dialog) => self
                .popups
                .push(Popup::Form(Box::new(FormPopup::new(*dialog)))),
            Action::Saved { record, words } => {
                if let Some(record) = record {
                    self.screen.view_mut().follow(record);
                }
                self.tell(words);
            }
            Action::Tell(text) => self.tell(text),
            Action::HardMoment => self.open_hard_moment(),
            Action::Warn(text) => self.warn(text),
            Action::Written { words, edited, day } => return self.written(words, edited, day),
            Action::CheckedIn => {
                self.go_home();
                self.tell(self.checked_in_words());
            }
            Action::GoHome => self.go_home(),
            Action::ConfirmLeave => self.ask(Question::LeaveWriting),
            Action::Quit => return self.ask_quit(),
            Action::QuitNow => return self.quit_now(),
            Action::LeaveWriting => return self.leave_writing(),
            Action::DeleteEntry(id) => return self.delete_entry(id),
            Action::Export(week, format) => return self.export(week, format),
            Action::RestoreDraft(partner) => self.restore_draft(partner),
            Action::DropDraft(partner) => return self.drop_draft(partner),
            // Leaving an evening whose words are open, or were sealed meanwhile while it
            // showed: what was typed is kept (a sealed draft, or held) as the journal locks.
            Action::ChooseWho
                if self.holds_words_open()
                    || self.partner.is_some_and(|p| self.needs_passphrase_of(p)) =>
            {
                return self.lock_on_leaving();
            }
            Action::ChooseWho => self.go_who(),
            Action::ChoosePartner(partner) => return self.choose_partner(partner),
            Action::LookBackTogether => self.look_back_together(),
            Action::Unlock {
                partner,
                passphrase,
            } => {
                return vec![Effect::Unlock {
                    partner,
                    passphrase,
                }];
            }
            Action::Write => self.start_writing(),
            Action::CheckIn => {
                if let (Some(tonight), Some(journal), Some(partner)) =
                    (&self.tonight, self.shown(), self.partner)
                {
                    let form =
                        CheckinForm::for_evening(journal, partner, tonight.day, self.today());
                    self.screen = Screen::Checkin(form);
                }
            }
            Action::OpenJournal => {
                let mut browse = BrowseState::default();
                if let Some(journal) = self.shown() {
                    browse.rebuild(journal, self.partner, self.now);
                }
                self.screen = Screen::Journal(browse);
            }
            Action::ReadEntry(id) => {
                let mut browse = BrowseState::default();
                if let Some(journal) = self.shown() {
                    browse.rebuild(journal, self.partner, self.now);
                    if let Some(at) = browse.rows.iter().position(|row| row.id == id) {
                        browse.selected = at;
                        browse.reading = Some(browse.rows[at]);
                    }
                }
                self.screen = Screen::Journal(browse);
            }
            Action::OpenPromises => self.open_promises(),
            Action::OpenTalk(week) => {
                self.partner = None;
                self.screen = Screen::Talk(Box::new(TalkScreen::new(week)));
                self.refresh();
            }
            Action::LeaveTalk(week) => {
                self.screen = Screen::Progress(ProgressState::new(week));
                self.refresh();
                let open = self
                    .journal
                    .as_ref()
                    .and_then(|j| j.talk_for(week))
                    .is_some_and(|t| !t.is_closed());
                if open {
                    self.tell(
                        "The talk is paused, with every word kept. Press w to carry on this week.",
                    );
                }
            }
            Action::OpenPlan => {
                self.screen = Screen::Plan(Box::default());
                self.refresh();
            }
            Action::OpenSettings => {
                if let Some(journal) = self.shown() {
                    self.screen = Screen::Settings(Box::new(SettingsScreen::new(journal)));
                }
            }
            Action::ChooseStage(stage) => {
                self.stage_choice = Some(stage);
                self.another = 0;
                self.refresh();
            }
            Action::AnotherPrompt => {
                self.another += 1;
                self.refresh();
            }
        }
        Vec::new()
    }

    /// Brings back the entry deleted last in this session, by the partner who is here.
    fn undo_delete(&mut self) -> Vec<Effect> {
        let Some(me) = self.partner else {
            return Vec::new();
        };
        let Some(entry) = self.deleted.pop() else {
            self.tell("Nothing to undo.");
            return Vec::new();
        };
        self.tell("The entry is back.");
        vec![Effect::Apply(Change::RestoreEntry {
            id: entry.id,
            by: me,
            text: entry.text,
            prompt: entry.prompt,
        })]
    }

    /// Opens the progress view on this week, for both partners at one screen; or on last
    /// week when this one holds nothing yet, saying so.
    pub(crate) fn open_progress(&mut self) {
        let week = match self.shown() {
            Some(j) => j.clock().week_of(self.today()),
            None => Week::iso_containing(self.today()),
        };
        self.screen = Screen::Progress(ProgressState::new(week));
        self.refresh();
        if let (Some(journal), Some(progress)) = (self.shown(), &self.progress) {
            let (first, this) = journal.week_range(self.today());
            let (state, last_week) = ProgressState::opening(progress, first, this);
            self.screen = Screen::Progress(state);
            if last_week {
                self.tell(crate::tui::screens::progress::JUST_BEGUN);
            }
        }
    }

    pub(crate) fn open_promises(&mut self) {
        self.screen = Screen::Promises(Box::default());
        self.refresh();
    }

    /// Whether a draft offered back to `partner` waits, neither brought back nor let go:
    /// other words on the writing screen never go over it or let it go.
    pub(super) fn draft_waits(&self, partner: PartnerId) -> bool {
        self.drafts.contains_key(&partner)
    }

    /// After an entry is saved: back home, a kind word, and the draft let go.
    fn written(&mut self, words: usize, edited: bool, day: chrono::NaiveDate) -> Vec<Effect> {
        let words = crate::words::count(words, "word", "words");
        let said = if edited {
            "Your changes are saved.".to_owned()
        } else if day == self.today() {
            format!("Saved: {words}. Thank you for writing tonight.")
        } else {
            // A draft kept from an earlier evening is saved for that evening.
            format!(
                "Saved for {}: {words}. Thank you for writing.",
                day.format("%a %-d %b")
            )
        };
        self.go_home();
        self.tell(said);
        match self.partner {
            Some(partner) if !self.draft_waits(partner) => vec![Effect::DeleteDraft(partner)],
            _ => Vec::new(),
        }
    }

    /// Offers the partner's draft back, or opens an empty page on tonight's prompt.
    /// What the check-in's save says: thanks, or, after a safety of 2 or below, where help is.
    fn checked_in_words(&self) -> String {
        let today = self.today();
        let saved = self.journal.as_ref().and_then(|journal| {
            let checkin = journal.checkin_for(self.partner?, today)?;
            Some((journal, checkin.safety))
        });
        match saved {
            Some((journal, safety)) if support::needs_support(safety) => {
                support::support_brief(&journal.settings)
            }
            _ => "Check-in saved. Thank you.".to_owned(),
        }
    }

    fn start_writing(&mut self) {
        let (Some(tonight), Some(partner)) = (&self.tonight, self.partner) else {
            return;
        };
        if self.drafts.contains_key(&partner) {
            self.popups
                .push(Popup::RestoreDraft(RestoreDraft { partner }));
        } else {
            self.screen = Screen::Write(Box::new(WriteState::new(partner, tonight)));
        }
    }

    /// Quits at once, or asks first when there is writing that is not saved.
    pub fn ask_quit(&mut self) -> Vec<Effect> {
        if self.has_unsaved_text() {
            self.ask(Question::Quit);
            Vec::new()
        } else {
            self.running = false;
            vec![Effect::Quit]
        }
    }

    fn ask(&mut self, question: Question) {
        self.popups.push(Popup::Confirm(Confirm { question }));
    }

    /// Chooses who is here tonight and shows their home screen.
    pub fn choose_partner(&mut self, partner: PartnerId) -> Vec<Effect> {
        if self.needs_passphrase_of(partner) {
            self.ask_passphrase(Some(partner));
            return Vec::new();
        }
        if self.partner != Some(partner) {
            self.stage_choice = None;
            self.another = 0;
        }
        self.partner = Some(partner);
        self.go_home();
        let mut effects = vec![Effect::RememberPartner(partner)];
        if self.drafts.contains_key(&partner) {
            self.popups
                .push(Popup::RestoreDraft(RestoreDraft { partner }));
        } else if self.locking.drafts_let_go {
            // Decrypted while locked: no passphrase read this partner's draft back.
            effects.push(Effect::LoadDraft(partner));
        }
        // Words held for them when mend locked itself come back with their evening.
        self.give_back_held_words(partner);
        if let Some(path) = self.kept_texts.get(&partner) {
            let name = self
                .journal
                .as_ref()
                .map_or("NAME", |j| j.name_of(partner))
                .to_owned();
            self.tell(format!(
                "Writing from an editor is kept in {}; `{}` opens it again.",
                path.display(),
                crate::shell::command(&["mend", "write", "--as", &name])
            ));
        }
        effects
    }

    /// Both partners look back together: shared things only, opened with either passphrase.
    pub(super) fn look_back_together(&mut self) {
        if self.needs_any_passphrase() {
            self.ask_passphrase(None);
            return;
        }
        self.partner = None;
        self.open_progress();
        self.refresh();
    }

    pub fn go_home(&mut self) {
        self.screen = Screen::Home(HomeScreen::default());
        self.refresh();
    }

    pub fn go_who(&mut self) {
        let selected = self
            .journal
            .as_ref()
            .and_then(|j| {
                self.partner
                    .and_then(|id| j.partners.iter().position(|p| p.id == id))
            })
            .unwrap_or(0);
        self.screen = Screen::Who(WhoScreen { selected });
    }
}
