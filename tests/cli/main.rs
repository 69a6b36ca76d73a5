//! The command-line tests: every `mend` command, every refused input, the store beneath them
//! and the exports, through the built binary and the library. One binary, one module an area.

#[path = "../kit/mod.rs"]
mod kit;

mod helpers;

// `mend` commands, section by section.
mod check_path_completions;
mod checkin;
mod checkin_note;
mod demo;
mod init;
mod kind_acts;
mod log;
mod merge;
mod merge_git;
mod mode_backups;
mod moments_and_pauses;
mod mutation;
mod partner;
mod plan;
mod promise_truth;
mod promises;
mod replies;
mod reveal_summary;
mod runtime_errors;
mod settings_and_safety;
mod share;
mod share_git;
mod share_sync;
mod share_sync_laptop;
mod sync_engine;
mod usage_errors;
mod words;
mod words_stdin;
mod write;

// Exports and what they may show.
mod days_range;
mod delete_words;
mod encryption;
mod encryption_exit_codes;
mod encryption_files;
mod encryption_other_paths;
mod encryption_shared;
mod encryption_shared_later;
mod export;
mod privacy_differential;
mod text_safety;

// The journal file: loading, saving, refusing, surviving.
mod concurrency;
mod failed_save;
mod hostile_journal;
mod kill;
mod loader_fuzz;
mod parse_errors;
mod roundtrip;
mod schema;
mod sealed_copy;
mod sealed_damage;
mod sealed_kill;
mod sealed_kit;
mod sealed_large;
mod sealed_merge;
mod store_backups;
mod store_files;
mod store_kill_save;
mod store_messages;
mod store_roundtrip_props;
mod store_unknown_fields;
