//! A test harness for the TUI: a fixed journal, keys as text, and effects run in memory.

#![allow(dead_code)]

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use mend::journal::{
    Change, Journal, NewCheckin, NewEntry, NewPromise, PartnerId, PromiseAction, Rating, Role,
    Stage, Visibility,
};
use mend::prompts::PromptLibrary;
use mend::tui::app::App;
use mend::tui::draft::Draft;
use mend::tui::draw::draw;
use mend::tui::effects::{Effect, Event, ExportRequest, Reply};
use mend::tui::theme::Theme;
use mend::tui::world::{World, run_effects};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::sync::Arc;

pub fn now() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 25, 21, 0, 0)
        .unwrap()
}

pub fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

pub const ALEX: PartnerId = PartnerId(uuid::Uuid::from_u128(
    0x0193_0000_0000_7000_8000_0000_0000_0001,
));
pub const SAM: PartnerId = PartnerId(uuid::Uuid::from_u128(
    0x0193_0000_0000_7000_8000_0000_0000_0002,
));

/// A new journal for Alex (repairing) and Sam (hurt), started on 1 November 2026, with fixed ids.
pub fn empty_journal() -> Journal {
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 20, 0, 0).unwrap();
    let mut j = Journal::new(
        ("Alex", Some(Role::Repairing)),
        ("Sam", Some(Role::Hurt)),
        at,
        day(11, 1),
    )
    .unwrap();
    j.partners[0].id = ALEX;
    j.partners[1].id = SAM;
    j
}

/// Alex's shared entry of the evening before, "We walked by the river.", for Sam to read
/// and reply to; the id of the entry with it.
pub fn with_alexs_walk() -> (Journal, mend::journal::RecordId) {
    let mut j = empty_journal();
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 21, 0, 0).unwrap();
    let walk = NewEntry {
        author: ALEX,
        day: day(11, 24),
        stage: Stage::Communication,
        prompt_id: None,
        prompt: None,
        text: "We walked by the river.".into(),
        visibility: Visibility::Shared,
    };
    let entry = j.add_entry(walk, at, day(11, 24)).unwrap();
    (j, entry)
}

/// A journal with a few weeks of writing, check-ins and promises.
pub fn lived_in_journal() -> Journal {
    let mut j = empty_journal();
    let today = day(11, 25);
    for (d, author, stage, text, visibility) in [
        (
            18,
            ALEX,
            Stage::Communication,
            "I was scared to say it, but I said it.\nYou listened.",
            Visibility::Shared,
        ),
        (
            19,
            SAM,
            Stage::Healing,
            "A slow day. Still here.",
            Visibility::Shared,
        ),
        (
            20,
            SAM,
            Stage::Reciprocity,
            "Noticed the dishes were done before I asked.",
            Visibility::Shared,
        ),
        (
            22,
            ALEX,
            Stage::Healing,
            "Something only for me.",
            Visibility::Private,
        ),
        (
            24,
            SAM,
            Stage::Communication,
            "Private thoughts Alex must not see.",
            Visibility::Private,
        ),
        (
            24,
            ALEX,
            Stage::Reciprocity,
            "I kept the Tuesday call.",
            Visibility::Shared,
        ),
    ] {
        let at = Utc.with_ymd_and_hms(2026, 11, d, 21, 0, 0).unwrap();
        let new = NewEntry {
            author,
            day: day(11, d),
            stage,
            prompt_id: None,
            prompt: Some("What is one thing you noticed today?".into()),
            text: text.into(),
            visibility,
        };
        j.add_entry(new, at, today).unwrap();
    }
    let at = Utc.with_ymd_and_hms(2026, 11, 20, 21, 0, 0).unwrap();
    let mut promise = |by, to, text: &str, due| {
        let new = NewPromise {
            by,
            to,
            text: text.into(),
            made: day(11, 20),
            due,
            size: None,
        };
        j.add_promise(new, at, today).unwrap()
    };
    promise(ALEX, SAM, "Call when I'm running late", Some(day(11, 23)));
    promise(ALEX, SAM, "Plan a walk on Sunday", Some(day(11, 29)));
    let kept = promise(SAM, ALEX, "Tell you when I need space", None);
    promise(SAM, ALEX, "Share one worry a day", None);
    j.change_promise(kept, SAM, PromiseAction::Keep, None, at, today)
        .unwrap();
    let tea = j
        .add_kind_act(ALEX, "Made tea without asking", day(11, 21), at, today)
        .unwrap();
    j.acknowledge_kind_act(tea, SAM, Some("It was lovely".into()), at)
        .unwrap();
    j.add_kind_act(SAM, "Left a note on the mirror", day(11, 24), at, today)
        .unwrap();
    let checkin = NewCheckin {
        author: SAM,
        day: today,
        safety: Rating::new(6).unwrap(),
        trust: Rating::new(4).unwrap(),
        connection: Rating::new(7).unwrap(),
        note: Some("Better than last week".into()),
        note_visibility: mend::journal::Visibility::Shared,
    };
    j.upsert_checkin(checkin, at, today).unwrap();
    j
}

/// The app over a journal, with effects run in memory as the real loop would run them.
pub struct Harness {
    pub app: App,
    /// What the "disk" holds: the journal as last saved.
    pub saved: Option<Journal>,
    pub drafts: HashMap<PartnerId, Draft>,
    pub editor_text: String,
    pub fail_saves: bool,
    /// Saves land in the file but the folder flush fails, as on a flaky disk.
    pub unconfirmed_saves: bool,
    /// Weekly summaries "written": the file name and the text.
    pub exports: Vec<(String, String)>,
    /// A real drafts folder, used with a real journal file (`keys_saving_to`): drafts are
    /// written there as the running app writes them (sealed in an encrypted journal).
    pub real_drafts: Option<mend::tui::draft::Drafts>,
}

impl Harness {
    pub fn new(journal: Option<Journal>) -> Harness {
        let app = App::new(
            journal.clone().map(Arc::new),
            PromptLibrary::built_in(),
            now(),
            "/home/you/.local/share/mend/journal.json".into(),
            None,
            HashMap::new(),
            Theme { color: true },
        );
        Harness {
            app,
            saved: journal,
            drafts: HashMap::new(),
            editor_text: String::new(),
            fail_saves: false,
            unconfirmed_saves: false,
            exports: Vec::new(),
            real_drafts: None,
        }
    }

    /// Types `keys`: plain characters, or `<Enter>`, `<Esc>`, `<Tab>`, `<Up>`, `<Down>`,
    /// `<Left>`, `<Right>`, `<BS>`, `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`, `<C-s>` (Ctrl and a letter).
    pub fn keys(&mut self, keys: &str) -> &mut Self {
        for key in parse_keys(keys) {
            let effects = self.app.update(Event::Key(key));
            self.run(effects);
        }
        self
    }

    pub fn paste(&mut self, text: &str) -> &mut Self {
        let effects = self.app.update(Event::Paste(text.into()));
        self.run(effects);
        self
    }

    pub fn run(&mut self, effects: Vec<Effect>) {
        self.run_on(Disk::Memory, effects);
    }

    /// Runs `effects` through the same loop as the real app, against the in-memory world.
    fn run_on(&mut self, disk: Disk<'_>, effects: Vec<Effect>) {
        let mut world = MemoryWorld {
            saved: &mut self.saved,
            drafts: &mut self.drafts,
            editor_text: &self.editor_text,
            fail_saves: self.fail_saves,
            unconfirmed_saves: self.unconfirmed_saves,
            exports: &mut self.exports,
            real_drafts: self.real_drafts.as_ref(),
            disk,
        };
        run_effects(&mut world, &mut self.app, effects);
    }

    /// The screen as text, at the given size.
    pub fn render(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| draw(&self.app, frame)).unwrap();
        terminal.backend().to_string()
    }

    /// The hint line at the foot of the screen, at a width that fits every hint.
    pub fn hint_line(&self) -> String {
        let screen = self.render(200, 30);
        let last = screen.lines().last().unwrap_or_default();
        last.trim_matches('"').trim_end().to_owned()
    }
}

/// A rendered screen's words in reading order, without the rows' quotes and the popups'
/// side borders, on one line: for looking for a sentence that wraps.
pub fn flat(screen: &str) -> String {
    let rows = screen
        .lines()
        .map(|row| row.trim().trim_matches('"').replace('│', " "));
    let words = rows.collect::<Vec<_>>().join(" ");
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let key = match name {
                "Enter" => Some(KeyEvent::from(KeyCode::Enter)),
                "Esc" => Some(KeyEvent::from(KeyCode::Esc)),
                "Tab" => Some(KeyEvent::from(KeyCode::Tab)),
                "Up" => Some(KeyEvent::from(KeyCode::Up)),
                "Down" => Some(KeyEvent::from(KeyCode::Down)),
                "Left" => Some(KeyEvent::from(KeyCode::Left)),
                "Right" => Some(KeyEvent::from(KeyCode::Right)),
                "BS" => Some(KeyEvent::from(KeyCode::Backspace)),
                "Home" => Some(KeyEvent::from(KeyCode::Home)),
                "End" => Some(KeyEvent::from(KeyCode::End)),
                "PgUp" => Some(KeyEvent::from(KeyCode::PageUp)),
                "PgDn" => Some(KeyEvent::from(KeyCode::PageDown)),
                ctrl if ctrl.starts_with("C-") && ctrl.len() == 3 => {
                    let letter = ctrl.chars().nth(2).unwrap();
                    Some(KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL))
                }
                _ => None,
            };
            if let Some(key) = key {
                out.push(key);
                rest = &rest[end + 1..];
                continue;
            }
        }
        out.push(KeyEvent::from(KeyCode::Char(c)));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The harness on a full disk: the journal save and every draft write fail, as they would
/// with no space left; everything else runs as in [`Harness::run`].
impl Harness {
    pub fn keys_on_full_disk(&mut self, keys: &str) -> &mut Self {
        for key in parse_keys(keys) {
            let effects = self.app.update(Event::Key(key));
            self.run_on_full_disk(effects);
        }
        self
    }

    pub fn run_on_full_disk(&mut self, effects: Vec<Effect>) {
        self.run_on(Disk::Full, effects);
    }
}

/// The harness as one window on a real journal file: changes are saved through `store` as
/// the running app saves them; everything else runs as in [`Harness::run`].
impl Harness {
    pub fn keys_saving_to(&mut self, store: &mut mend::store::Store, keys: &str) -> &mut Self {
        for key in parse_keys(keys) {
            let effects = self.app.update(Event::Key(key));
            self.run_on(Disk::Store(store), effects);
        }
        self
    }

    /// Runs `effects` (a tick's, say) saving through `store`, as [`Harness::keys_saving_to`].
    pub fn run_saving_to(&mut self, store: &mut mend::store::Store, effects: Vec<Effect>) {
        self.run_on(Disk::Store(store), effects);
    }
}

/// Where the in-memory world saves the journal and drafts.
enum Disk<'a> {
    /// In memory: the harness's `saved` journal and `drafts`.
    Memory,
    /// A full disk: saving the journal or a draft fails.
    Full,
    /// A real journal file, saved as the running app saves it.
    Store(&'a mut mend::store::Store),
}

const FULL_DISK: &str = "No space left on device (os error 28)";

/// The harness's world: the "disk" is a journal and drafts in memory, the editor gives back
/// `editor_text`, and exports are kept as text.
struct MemoryWorld<'a> {
    saved: &'a mut Option<Journal>,
    drafts: &'a mut HashMap<PartnerId, Draft>,
    editor_text: &'a str,
    fail_saves: bool,
    unconfirmed_saves: bool,
    exports: &'a mut Vec<(String, String)>,
    real_drafts: Option<&'a mend::tui::draft::Drafts>,
    disk: Disk<'a>,
}

impl World for MemoryWorld<'_> {
    fn create(&mut self, journal: Journal) -> Reply {
        *self.saved = Some(journal.clone());
        Reply::Created(Ok(Arc::new(journal)))
    }

    fn create_sealed(
        &mut self,
        journal: Journal,
        passphrases: &[(PartnerId, mend::tui::effects::Passphrase)],
        now: DateTime<FixedOffset>,
    ) -> Reply {
        match &mut self.disk {
            Disk::Store(store) => {
                Reply::CreatedSealed(mend::tui::create_sealed(store, journal, passphrases, now))
            }
            _ => Reply::CreatedSealed(Err("Only a real file can be sealed.".to_owned())),
        }
    }

    fn apply(&mut self, change: &Change, now: DateTime<FixedOffset>) -> Reply {
        match &mut self.disk {
            Disk::Store(store) => return mend::tui::save_change(store, change, now),
            Disk::Full => {
                return Reply::NotSaved {
                    message: format!(
                        "Could not save the journal /j.json while writing: {FULL_DISK}."
                    ),
                    on_disk: self.saved.clone().map(Arc::new),
                };
            }
            Disk::Memory => {}
        }
        let mut journal = self.saved.clone().expect("a journal to change");
        let today = journal.clock().evening_of(now.naive_local());
        let result = if self.fail_saves {
            Err("Could not save the journal /j.json while writing: No space left on device (os error 28).".to_owned())
        } else {
            change
                .apply(&mut journal, now.with_timezone(&Utc), today)
                .map(|()| journal)
                .map_err(|e| e.to_string())
        };
        if let Ok(j) = &result {
            *self.saved = Some(j.clone());
        }
        match result {
            Ok(j) if self.unconfirmed_saves => Reply::SavedUnconfirmed(
                Arc::new(j),
                "The new version is in place, but the system could not confirm it is safely on disk.".to_owned(),
            ),
            Ok(j) => Reply::Saved(Ok(Arc::new(j))),
            Err(message) => Reply::NotSaved {
                message,
                on_disk: self.saved.clone().map(Arc::new),
            },
        }
    }

    fn save_draft(&mut self, draft: Draft) -> Option<Reply> {
        if let Disk::Full = self.disk {
            return Some(Reply::DraftNotKept(
                draft.partner,
                format!("Could not keep the draft in /state/drafts/x.json: {FULL_DISK}"),
            ));
        }
        if let (Disk::Store(store), Some(real)) = (&self.disk, self.real_drafts) {
            return Some(match mend::tui::keep_draft(store, real, &draft) {
                Ok(()) => Reply::DraftKept(draft.partner),
                Err(e) => Reply::DraftNotKept(draft.partner, e.to_string()),
            });
        }
        self.drafts.insert(draft.partner, draft);
        None
    }

    fn write_held_draft(&mut self, _next: Option<&Effect>) -> Option<Reply> {
        None
    }

    fn load_draft(&mut self, partner: PartnerId) -> Reply {
        let found = match (&self.disk, self.real_drafts) {
            (Disk::Store(store), Some(real)) => mend::tui::found_draft(store, real, partner),
            _ => self.drafts.get(&partner).cloned(),
        };
        Reply::DraftFound(partner, found)
    }

    fn delete_draft(&mut self, partner: PartnerId) -> Option<Reply> {
        self.drafts.remove(&partner);
        None
    }

    fn remember_partner(&mut self, _partner: PartnerId) {}

    fn open_editor(&mut self, _text: &str, _partner: PartnerId) -> Reply {
        Reply::Edited(Ok(self.editor_text.to_owned()))
    }

    fn export(&mut self, request: &ExportRequest) -> Reply {
        let (week, format) = (request.week, request.format);
        let text = mend::export::render(&request.journal, &request.progress, week, format)
            .map_err(|e| e.to_string());
        let name = mend::export::default_file_name(week, format);
        Reply::Exported(text.map(|text| {
            self.exports.push((name.clone(), text));
            std::path::PathBuf::from("/home/you").join(name)
        }))
    }

    fn take_warnings(&mut self) -> Vec<String> {
        Vec::new()
    }

    fn unlock(
        &mut self,
        partner: Option<PartnerId>,
        passphrase: &mend::tui::effects::Passphrase,
    ) -> Reply {
        match &mut self.disk {
            Disk::Store(store) => {
                mend::tui::unlock_store(store, self.real_drafts, partner, passphrase)
            }
            _ => Reply::NotUnlocked {
                partner,
                message: "This journal is not encrypted.".to_owned(),
            },
        }
    }

    fn lock(&mut self) -> Reply {
        match &mut self.disk {
            Disk::Store(store) => mend::tui::lock_store(store),
            _ => Reply::Locked(self.saved.clone().map(Arc::new)),
        }
    }
}
