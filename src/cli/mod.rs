//! The command line: clap definitions, and the commands that need no terminal UI.

mod check;
mod check_shared;
mod context;
mod demo;
mod encrypt;
mod encrypt_elsewhere;
mod entries;
mod export;
pub mod input;
mod kind;
mod log;
mod merge;
mod moment;
mod output;
mod partner;
mod pause;
mod plan;
mod plan_input;
mod plan_list;
mod promises;
mod recovery_codes;
mod reply;
mod settings;
mod share;
mod talk;
mod usage_error;
mod week_flag;
mod words;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use context::{CommandContext, acting_partner};
pub use demo::{DemoArgs, DemoLength, demo_journal};
pub use export::{ExportArgs, FormatArg};
pub use output::{StdoutClosed, warn, write_stderr};
pub use settings::SettingsArgs;
pub use usage_error::{UsageError, usage};

#[derive(Debug, Parser)]
#[command(
    name = "mend",
    version,
    about = "A calm evening journal for two people rebuilding trust.",
    long_about = "A calm evening journal for two people rebuilding trust.\n\nRun `mend` on its own to open the journal in the terminal. The commands below do the same things without the full screen.\nEntry text is read from standard input (or your $EDITOR), never from the command line, so it stays out of your shell history. Promise and kind-act text and notes are read the same way when they are not given as arguments (--note-stdin, --text-stdin); words given as arguments end up in your shell history."
)]
pub struct Cli {
    /// The journal file to use [default: journal.json in your data folder; see `mend path`]
    #[arg(long, global = true, env = "MEND_JOURNAL", value_name = "PATH")]
    pub journal: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new journal for the two of you
    Init(InitArgs),
    /// Add an entry; the text comes from standard input or $EDITOR
    Write(WriteArgs),
    /// Add (or replace) a partner's check-in for an evening
    Checkin(CheckinArgs),
    /// Make, list and close promises, and say you noticed one
    #[command(subcommand)]
    Promise(PromiseCommand),
    /// Log kind acts done without being asked, and say you noticed one
    #[command(subcommand)]
    Kind(KindCommand),
    /// The plan for hard moments: add, list, agree to, suggest a change to, edit and retire items
    #[command(subcommand)]
    Plan(plan::PlanCommand),
    /// Note a hard moment (from standard input; private unless --shared), or say how one went
    Moment(moment::MomentArgs),
    /// Ask for a pause until a time this evening; your partner sees it as a request to respect
    Pause(pause::PauseArgs),
    /// List entries (private entries only with --as their author; tonight's shared words
    /// once the reader has written too), with their replies
    Log(LogArgs),
    /// Reply to your partner's shared entry: "I read this", and a few words if you like
    Reply(reply::ReplyArgs),
    /// Write a week's summary to read before your weekly talk (Markdown, JSON or HTML)
    Export(ExportArgs),
    /// Read a week's talk (written together on the full screen, from "Both of us")
    #[command(subcommand)]
    Talk(talk::TalkCommand),
    /// Check the journal and report what it holds (and any conflict copies beside it);
    /// exits non-zero on any problem
    Check,
    /// Fold other copies of this journal into it: a sync engine's conflict copy, a backup,
    /// a copy from a USB stick. The given files are only read, never moved or deleted
    Merge {
        /// The copies to fold in
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Show or change the settings: when an evening ends, the first day of the week, your
    /// own support contacts, and each partner's role
    Settings(SettingsArgs),
    /// Give a partner a new name, or change their role
    #[command(subcommand)]
    Partner(partner::PartnerCommand),
    /// Share this journal between two laptops through a folder a sync engine (Syncthing,
    /// Dropbox, Nextcloud, iCloud Drive) or git keeps in step; prints what to run on the other
    Share {
        /// The folder (made if needed, readable only by you)
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Use, on this laptop, the journal your partner shared with `mend share`
    Join {
        /// The shared folder, once the sync engine has delivered it here
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Whose laptop this is: one of the two partners' names
        #[arg(long = "as", value_name = "NAME")]
        name: String,
    },
    /// Show where the journal, backups, drafts and your own prompts live
    Path,
    /// Encrypt the journal: each partner chooses a passphrase and gets a recovery code.
    /// Passphrases come from the terminal or the file MEND_PASSPHRASE_FILE names
    Encrypt,
    /// Write the journal unsealed again (needs both partners' passphrases, and --yes)
    Decrypt {
        /// Yes, both of us want the words written unsealed
        #[arg(long)]
        yes: bool,
    },
    /// Change a passphrase, set a new one with a recovery code, or make a new recovery code
    #[command(subcommand)]
    Passphrase(encrypt::PassphraseCommand),
    /// Write a sample journal of two partners, to try mend without touching yours
    Demo(DemoArgs),
    /// Print shell completions
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// A partner's name; give it twice, once for each of you
    #[arg(long = "partner", value_name = "NAME", required = true, num_args = 1)]
    pub partners: Vec<String>,
    /// Each partner's role, in the same order, comma separated (hurt, repairing or both)
    #[arg(long, value_name = "ROLE,ROLE", value_delimiter = ',')]
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StageArg {
    Communication,
    Reciprocity,
    Healing,
}

#[derive(Debug, Args)]
pub struct WriteArgs {
    /// Who is writing
    #[arg(long = "as", value_name = "NAME")]
    pub author: String,
    /// Which part of rebuilding trust this entry is about
    #[arg(long, value_enum, ignore_case = true)]
    pub stage: StageArg,
    /// Keep the entry to yourself (sealed with your own passphrase if the journal is encrypted;
    /// otherwise anyone with the file can read it)
    #[arg(long)]
    pub private: bool,
    /// The evening it belongs to [default: this evening]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub day: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// Who is checking in
    #[arg(long = "as", value_name = "NAME")]
    pub author: String,
    /// How safe you feel, 0-10
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub safety: u8,
    /// How much you trust, 0-10
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub trust: u8,
    /// How connected you feel, 0-10
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=10))]
    pub connection: u8,
    /// The evening it belongs to [default: this evening]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub day: Option<NaiveDate>,
    /// Read a short note from standard input (without it, an earlier note that evening is kept)
    #[arg(long)]
    pub note_stdin: bool,
    /// Remove the note of an earlier check-in that evening
    #[arg(long, conflicts_with = "note_stdin")]
    pub clear_note: bool,
    /// Keep the note to yourself: hidden from your partner's screens and from the weekly
    /// summary; sealed with your own passphrase only if the journal is encrypted. The ratings are
    /// always shared
    #[arg(long, conflicts_with = "clear_note")]
    pub private_note: bool,
    /// Share the note with your partner (in the weekly summary). Without either flag, the
    /// choice made earlier that evening stays; a first note is shared
    #[arg(long, conflicts_with_all = ["clear_note", "private_note"])]
    pub shared_note: bool,
}

#[derive(Debug, Subcommand)]
pub enum PromiseCommand {
    /// Make a promise to your partner
    Add {
        /// Who makes the promise
        #[arg(long, value_name = "NAME")]
        by: String,
        /// Who it is made to
        #[arg(long, value_name = "NAME")]
        to: String,
        /// When it is due
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<NaiveDate>,
        /// A bigger commitment rather than an everyday promise
        #[arg(long)]
        big: bool,
        /// What you promise [default: read from standard input, or $EDITOR at a terminal,
        /// which keeps it out of your shell history]
        #[arg(value_name = "TEXT")]
        text: Vec<String>,
    },
    /// List promises, open ones first
    List {
        /// Only open promises
        #[arg(long)]
        open: bool,
        /// Print JSON (the fields are described in the README)
        #[arg(long)]
        json: bool,
    },
    /// Mark a promise kept
    Keep(CloseArgs),
    /// Mark a promise not kept (also: break)
    #[command(name = "not-kept", visible_alias = "break")]
    Break(CloseArgs),
    /// Replace a promise with a new text or due day
    Renegotiate {
        #[command(flatten)]
        close: CloseArgs,
        /// The new promise's text [default: the same text]
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,
        /// Read the new promise's text from standard input (it stays out of your shell history)
        #[arg(long, conflicts_with_all = ["text", "note_stdin"])]
        text_stdin: bool,
        /// The new due day
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<NaiveDate>,
    },
    /// Withdraw a promise
    Withdraw(CloseArgs),
    /// Say you noticed a promise your partner kept or renegotiated (also: ack)
    #[command(name = "notice", visible_alias = "ack")]
    Ack(AckArgs),
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    /// The promise's id, or the first few characters of it
    pub id: String,
    /// A few words about how it went
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Read the note from standard input (it stays out of your shell history)
    #[arg(long, conflicts_with = "note")]
    pub note_stdin: bool,
}

#[derive(Debug, Args)]
pub struct AckArgs {
    /// The id, or the first few characters of it
    pub id: String,
    /// Who noticed (the partner who received it)
    #[arg(long = "as", value_name = "NAME")]
    pub author: String,
    /// A few words to go with it
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Read the note from standard input (it stays out of your shell history)
    #[arg(long, conflicts_with = "note")]
    pub note_stdin: bool,
}

#[derive(Debug, Subcommand)]
pub enum KindCommand {
    /// Log something kind you did, expecting nothing back
    Add {
        /// Who did it
        #[arg(long, value_name = "NAME")]
        by: String,
        /// The evening it happened [default: this evening]
        #[arg(long, value_name = "YYYY-MM-DD")]
        day: Option<NaiveDate>,
        /// What you did [default: read from standard input, or $EDITOR at a terminal,
        /// which keeps it out of your shell history]
        #[arg(value_name = "TEXT")]
        text: Vec<String>,
    },
    /// Log something kind your partner did for you: "you did this for me". It counts as
    /// noticed by you
    Received {
        /// Who is writing it down (the partner it was done for)
        #[arg(long = "as", value_name = "NAME")]
        author: String,
        /// Who did it [default: the other partner]
        #[arg(long, value_name = "NAME")]
        from: Option<String>,
        /// The evening it happened [default: this evening]
        #[arg(long, value_name = "YYYY-MM-DD")]
        day: Option<NaiveDate>,
        /// What they did [default: read from standard input, or $EDITOR at a terminal,
        /// which keeps it out of your shell history]
        #[arg(value_name = "TEXT")]
        text: Vec<String>,
    },
    /// List kind acts, newest first
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Say you noticed your partner's kind act (also: ack)
    #[command(name = "notice", visible_alias = "ack")]
    Ack(AckArgs),
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only this ISO week, like 2026-W48
    #[arg(long, value_name = "YYYY-Www")]
    pub week: Option<String>,
    /// Also show this partner's private entries
    #[arg(long = "as", value_name = "NAME")]
    pub author: Option<String>,
    /// Only entries whose words or replies hold TEXT, ignoring case and accents
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

/// Runs a command that needs no terminal UI.
pub fn run(command: Command, ctx: &CommandContext) -> anyhow::Result<()> {
    for note in crate::unlock::input::secret_files_others_can_read() {
        output::warn(format_args!("{note}"));
    }
    match command {
        Command::Init(args) => entries::init(ctx, args),
        Command::Write(args) => entries::write(ctx, args),
        Command::Checkin(args) => entries::checkin(ctx, args),
        Command::Log(args) => log::log(ctx, args),
        Command::Reply(args) => reply::reply(ctx, args),
        Command::Export(args) => export::export(ctx, args),
        Command::Promise(command) => promises::run(ctx, command),
        Command::Kind(command) => kind::run(ctx, command),
        Command::Plan(command) => plan::run(ctx, command),
        Command::Moment(args) => moment::run(ctx, args),
        Command::Pause(args) => pause::run(ctx, args),
        Command::Talk(command) => talk::run(ctx, command),
        Command::Check => check::check(ctx),
        Command::Merge { files } => merge::merge(ctx, &files),
        Command::Path => check::path(ctx),
        Command::Encrypt => encrypt::encrypt(ctx),
        Command::Decrypt { yes } => encrypt::decrypt(ctx, yes),
        Command::Passphrase(command) => encrypt::passphrase(ctx, command),
        Command::Share { dir } => share::share(ctx, &dir),
        Command::Join { dir, name } => share::join(ctx, &dir, &name),
        Command::Settings(args) => settings::settings(ctx, args),
        Command::Partner(command) => partner::run(ctx, command),
        Command::Demo(args) => demo::demo(ctx, args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "mend", &mut script);
            output::write_stdout(format_args!("{}", String::from_utf8_lossy(&script)))
        }
    }
}
