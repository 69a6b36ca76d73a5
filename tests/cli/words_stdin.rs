//! Promise and kind-act text and every note can come from standard input instead of argv.
//!
//! So no words need to go into shell history or `ps`; the argument forms still work.

use crate::kit::pty::Session;
use crate::kit::{Mend, stderr};
use serde_json::Value;
use std::time::Duration;

fn only(list: &Value) -> &Value {
    let items = list.as_array().expect("a list");
    assert_eq!(items.len(), 1, "{list:#}");
    &items[0]
}

fn promise_id(m: &Mend, text: &str) -> String {
    m.id_with_text(&["promise", "list", "--json"], text)
}

#[test]
fn a_promise_its_notes_and_a_renegotiation_read_from_standard_input() {
    let m = Mend::with_journal();
    m.ok(
        &["promise", "add", "--by", "alice", "--to", "bob"],
        "Call when I am running late\n",
    );
    let id = promise_id(&m, "Call when I am running late");
    m.ok(
        &["promise", "keep", &id, "--note-stdin"],
        "called from the station",
    );
    m.ok(
        &["promise", "ack", &id, "--as", "bob", "--note-stdin"],
        "I noticed, thank you",
    );
    let kept = only(&m.json(&["promise", "list", "--json"])).clone();
    assert_eq!(kept["status"], "kept");
    assert_eq!(kept["history"][0]["note"], "called from the station");
    assert_eq!(kept["acknowledged"]["note"], "I noticed, thank you");

    m.ok(
        &["promise", "add", "--by", "bob", "--to", "alice"],
        "Walk on Sunday",
    );
    let walk = promise_id(&m, "Walk on Sunday");
    m.ok(
        &[
            "promise",
            "renegotiate",
            &walk,
            "--due",
            "2026-12-06",
            "--text-stdin",
        ],
        "Walk on Saturday instead",
    );
    promise_id(&m, "Walk on Saturday instead");
    for (args, note) in [(&["break"][..], "it slipped"), (&["withdraw"], "not now")] {
        m.ok(&["promise", "add", "--by", "bob", "--to", "alice"], note);
        let id = promise_id(&m, note);
        let mut full = vec!["promise"];
        full.extend_from_slice(args);
        full.extend([id.as_str(), "--note-stdin"]);
        m.ok(&full, format!("{note}, said from stdin"));
        let list = m.json(&["promise", "list", "--json"]);
        let closed = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id.as_str())
            .unwrap();
        assert_eq!(
            closed["history"][0]["note"],
            format!("{note}, said from stdin")
        );
    }
}

#[test]
fn a_kind_act_and_its_note_read_from_standard_input() {
    let m = Mend::with_journal();
    m.ok(
        &["kind", "add", "--by", "bob"],
        "Made tea before you woke up",
    );
    let act = only(&m.json(&["kind", "list", "--json"])).clone();
    assert_eq!(act["text"], "Made tea before you woke up");
    let id = act["id"].as_str().unwrap();
    m.ok(
        &["kind", "ack", id, "--as", "alice", "--note-stdin"],
        "It was lovely",
    );
    let act = only(&m.json(&["kind", "list", "--json"])).clone();
    assert_eq!(act["acknowledged_note"], "It was lovely");
}

#[test]
fn nothing_on_standard_input_is_refused_and_the_argument_forms_still_work() {
    let m = Mend::with_journal();
    let out = m.run(&["promise", "add", "--by", "alice", "--to", "bob"], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("promise is empty"),
        "{}",
        stderr(&out)
    );
    let out = m.run(&["kind", "add", "--by", "bob"], "  \n");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    m.ok(
        &[
            "promise", "add", "--by", "alice", "--to", "bob", "Call", "tonight",
        ],
        "",
    );
    let id = promise_id(&m, "Call tonight");
    let both = m.run(
        &["promise", "keep", &id, "--note", "typed", "--note-stdin"],
        "piped",
    );
    assert_eq!(both.status.code(), Some(2), "one note at a time");
    m.ok(&["promise", "keep", &id, "--note", "typed"], "");
    m.ok(&["kind", "add", "--by", "bob", "Tea"], "");
    assert_eq!(only(&m.json(&["kind", "list", "--json"]))["text"], "Tea");
}

/// Runs `mend ARGS` with its standard input, output and error on a pseudo-terminal and
/// `EDITOR` set to `editor`, as a person typing at a terminal would; returns the exit code.
fn at_a_terminal(m: &Mend, args: &[&str], editor: &str) -> u32 {
    let mut cmd = m.pty_command(args);
    cmd.env("EDITOR", editor);
    let mut session = Session::spawn(cmd);
    session.wait_exit(Duration::from_secs(60)).exit_code()
}

#[test]
fn at_a_terminal_a_promise_and_a_kind_act_are_written_in_the_editor() {
    let m = Mend::with_journal();
    // The app runs `sh -c "$EDITOR \"$1\""`, so this editor overwrites the file.
    let code = at_a_terminal(
        &m,
        &["promise", "add", "--by", "alice", "--to", "bob"],
        "printf 'Written in my editor' >",
    );
    assert_eq!(code, 0);
    promise_id(&m, "Written in my editor");
    let code = at_a_terminal(
        &m,
        &["kind", "add", "--by", "bob"],
        "printf 'Tea, from the editor' >",
    );
    assert_eq!(code, 0);
    assert_eq!(
        only(&m.json(&["kind", "list", "--json"]))["text"],
        "Tea, from the editor"
    );
}
