//! The shape of the code, checked: layers only look down, no two files import each other in a
//! circle, only `main.rs` and `cli/` print, screens never reach into the app, and every source
//! file is small and says what it is for on its first line.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// How high each top-level module stands; a module may use its own layer and those below.
const LAYERS: &[(&str, u8)] = &[
    // Small helpers that know nothing of the rest: counting words, joining error messages,
    // quoting words for a shell.
    ("words", 0),
    ("message", 0),
    ("shell", 0),
    ("small_file", 0),
    ("journal", 1),
    ("paths", 2),
    ("now", 2),
    ("store", 2),
    ("prompts", 2),
    ("progress", 2),
    ("editor", 2),
    ("demo", 3),
    ("export", 3),
    ("unlock", 3),
    ("tui", 4),
    ("cli", 5),
    ("main", 6),
];

/// Source files allowed to be longer than this are none; tests of a module live beside it.
const MAX_LINES: usize = 400;

struct Source {
    /// `journal::promise`, `tui::screens::home`, `` for lib.rs, `main` for main.rs.
    module: String,
    path: PathBuf,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).unwrap().with_extension("");
                let mut parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                    parts.pop();
                }
                out.push(Source {
                    module: parts.join("::"),
                    text: std::fs::read_to_string(&path).expect("read source"),
                    path,
                });
            }
        }
    }
    out.sort_by(|a, b| a.module.cmp(&b.module));
    out
}

/// The code of a file without comments and string contents, so a path in a doc is not a use.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_string && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' {
                in_string = !in_string;
                out.push('"');
                continue;
            }
            if !in_string {
                out.push(c);
            }
        }
        out.push('\n');
    }
    out
}

/// Every path a file names: `use` trees expanded, and `crate::`/`super::` paths in code.
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let tail = &rest[at + 4..];
        rest = tail;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = tail.find(';') else { break };
        expand(tail[..end].trim(), String::new(), &mut paths);
    }
    for prefix in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(prefix) {
            let start = from + at;
            let end = code[start..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| start + e);
            paths.push(code[start..end].trim_end_matches(':').to_owned());
            from = end.max(start + prefix.len());
        }
    }
    paths
}

/// Expands a `use` tree such as `a::{b, c::{d, e}}` into full paths.
fn expand(tree: &str, prefix: String, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let base = join(&prefix, head);
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..i], base.clone(), out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], base, out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(join(&prefix, path));
    }
}

fn join(prefix: &str, path: &str) -> String {
    match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}::{path}"),
    }
}

/// The module a path names from `module`, resolved to the deepest source file it reaches.
/// In `a/b.rs` (module `a::b`), `super` is `a` and a child path is `a::b::child`.
fn resolve(module: &str, path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let mut base: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
    match parts.first().copied() {
        Some("crate") => {
            base.clear();
            parts.remove(0);
        }
        Some("super") => {
            while parts.first() == Some(&"super") {
                parts.remove(0);
                base.pop();
            }
        }
        Some("self") => {
            parts.remove(0);
        }
        Some(first) => {
            let child = join(&base.join("::"), first);
            if !modules.contains(&child) {
                return None; // an outside crate or std
            }
        }
        None => return None,
    }
    let mut full = base.clone();
    full.extend(parts);
    while !full.is_empty() {
        let candidate = full.join("::");
        if modules.contains(&candidate) {
            return Some(candidate);
        }
        full.pop();
    }
    None
}

/// The name a path takes from `module`: the part right after the module's own parts, so
/// `crate::journal::Extra::new` names `Extra` in `journal`, not `new`.
fn name_in(module: &str, path: &str) -> String {
    let parts: Vec<&str> = path
        .split("::")
        .filter(|p| !p.is_empty() && !matches!(*p, "crate" | "super" | "self"))
        .collect();
    let last = module.rsplit("::").next().unwrap_or("");
    match parts.iter().rposition(|p| *p == last) {
        Some(at) if !last.is_empty() => parts.get(at + 1).copied().unwrap_or(""),
        _ => parts.first().copied().unwrap_or(""),
    }
    .to_owned()
}

/// Which file each name re-exported by a module (`pub use x::Name`) really lives in.
fn reexports(sources: &[Source], modules: &BTreeSet<String>) -> HashMap<(String, String), String> {
    let mut map = HashMap::new();
    for s in sources {
        let code = code_only(&s.text);
        for line in code.split(';') {
            let line = line.trim();
            let Some(tree) = line
                .strip_prefix("pub use ")
                .or(line.strip_prefix("pub(crate) use "))
            else {
                continue;
            };
            let mut paths = Vec::new();
            expand(tree, String::new(), &mut paths);
            for path in paths {
                let name = path.rsplit("::").next().unwrap_or("").to_owned();
                if let Some(target) = resolve(&s.module, &path, modules) {
                    map.insert((s.module.clone(), name), target);
                }
            }
        }
    }
    map
}

/// The paths a file names, each with the module it is named from: an inline
/// `#[cfg(test)] mod tests { .. }` is a child of the file, so its `super` is the file itself.
fn paths_by_module(s: &Source) -> Vec<(String, String)> {
    let code = code_only(&s.text);
    let (outer, inner) = match code.find("#[cfg(test)]\nmod tests {") {
        Some(at) => code.split_at(at),
        None => (code.as_str(), ""),
    };
    let tests = join(&s.module, "tests");
    let outer = named_paths(outer)
        .into_iter()
        .map(|p| (s.module.clone(), p));
    let inner = named_paths(inner).into_iter().map(|p| (tests.clone(), p));
    outer.chain(inner).collect()
}

/// The file-to-file import graph.
fn graph(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let through = reexports(sources, &modules);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        for (module, path) in paths_by_module(s) {
            let Some(mut target) = resolve(&module, &path, &modules) else {
                continue;
            };
            let name = name_in(&target, &path);
            if name.is_empty() {
                // `super::{..}` seen as a bare `super`, or a module named only as a namespace:
                // the names taken from it are followed one by one.
                continue;
            }
            let mut hops = 0;
            while let Some(real) = through.get(&(target.clone(), name.clone())) {
                if *real == target || hops > 8 {
                    break;
                }
                target = real.clone();
                hops += 1;
            }
            if target != s.module && !target.is_empty() {
                edges.entry(s.module.clone()).or_default().insert(target);
            }
        }
    }
    edges
}

fn layer_of(module: &str) -> Option<u8> {
    let top = module.split("::").next().unwrap_or("");
    LAYERS
        .iter()
        .find(|(name, _)| *name == top)
        .map(|(_, l)| *l)
}

#[test]
fn layers_only_look_down() {
    let sources = sources();
    let mut wrong = Vec::new();
    for (from, targets) in graph(&sources) {
        let Some(from_layer) = layer_of(&from) else {
            continue;
        };
        for to in targets {
            let Some(to_layer) = layer_of(&to) else {
                continue;
            };
            let same_top = from.split("::").next() == to.split("::").next();
            if !same_top && to_layer >= from_layer {
                wrong.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up or sideways:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_files_import_each_other_in_a_circle() {
    let edges = graph(&sources());
    // Tarjan's strongly connected components.
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: HashMap<String, usize>,
        low: HashMap<String, usize>,
        stack: Vec<String>,
        on_stack: BTreeSet<String>,
        next: usize,
        circles: Vec<Vec<String>>,
    }
    fn visit(s: &mut State<'_>, v: &str) {
        s.index.insert(v.to_owned(), s.next);
        s.low.insert(v.to_owned(), s.next);
        s.next += 1;
        s.stack.push(v.to_owned());
        s.on_stack.insert(v.to_owned());
        let targets: Vec<String> = s
            .edges
            .get(v)
            .map(|t| t.iter().cloned().collect())
            .unwrap_or_default();
        for w in targets {
            if !s.index.contains_key(&w) {
                visit(s, &w);
                let low = s.low[v].min(s.low[&w]);
                s.low.insert(v.to_owned(), low);
            } else if s.on_stack.contains(&w) {
                let low = s.low[v].min(s.index[&w]);
                s.low.insert(v.to_owned(), low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut circle = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(&w);
                let done = w == v;
                circle.push(w);
                if done {
                    break;
                }
            }
            if circle.len() > 1 {
                circle.sort();
                s.circles.push(circle);
            }
        }
    }
    let mut state = State {
        edges: &edges,
        index: HashMap::new(),
        low: HashMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        circles: Vec::new(),
    };
    let nodes: Vec<String> = edges.keys().cloned().collect();
    for v in nodes {
        if !state.index.contains_key(&v) {
            visit(&mut state, &v);
        }
    }
    let shown: Vec<String> = state.circles.iter().map(|c| c.join(" <-> ")).collect();
    assert!(
        shown.is_empty(),
        "files that import each other:\n{}",
        shown.join("\n")
    );
}

#[test]
fn only_main_and_the_command_line_print() {
    let mut wrong = Vec::new();
    for s in sources() {
        if s.module == "main" || s.module.starts_with("cli") {
            continue;
        }
        let code = code_only(&s.text);
        for printer in ["println!", "eprintln!", "print!", "eprint!", "dbg!"] {
            if code.contains(printer) {
                wrong.push(format!("{} uses {printer}", s.path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn screens_and_popups_never_reach_into_the_app() {
    let mut wrong = Vec::new();
    for s in sources() {
        let inside = s.module.starts_with("tui::screens") || s.module.starts_with("tui::popups");
        if !inside {
            continue;
        }
        let code = code_only(&s.text);
        if code.contains("impl App") || code.contains("tui::app") || code.contains("app::App") {
            wrong.push(s.path.display().to_string());
        }
    }
    assert!(
        wrong.is_empty(),
        "screens that know the app:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_source_file_is_small_and_says_what_it_is_for() {
    let mut wrong = Vec::new();
    for s in sources() {
        let lines = s.text.lines().count();
        if lines > MAX_LINES {
            wrong.push(format!("{} has {lines} lines", s.path.display()));
        }
        if !s.text.starts_with("//!") {
            wrong.push(format!(
                "{} does not open with a //! line",
                s.path.display()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// No word or figure that grades a partner: no "keep rate", no percentage of promises, no
/// streak, anywhere in the code or the prompts (issue 14: the scoreboard goes).
#[test]
fn nothing_keeps_score() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // What a person can see: the code's strings, not its comments or its own tests' guards.
    let mut texts: Vec<(String, String)> = sources()
        .into_iter()
        .filter(|s| !s.module.ends_with("tests") && !s.module.contains("::tests::"))
        .map(|s| {
            let shown: Vec<&str> = s
                .text
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect();
            (s.path.display().to_string(), shown.join("\n"))
        })
        .collect();
    for asset in ["assets/prompts.json", "assets/journal.schema.json"] {
        let text = std::fs::read_to_string(root.join(asset)).expect("read an asset");
        texts.push((asset.to_owned(), text));
    }
    let mut wrong = Vec::new();
    for (path, text) in &texts {
        let lower = text.to_lowercase();
        for word in ["keep rate", "keep_rate", "streak"] {
            // This test names them, and the code may say it keeps no streak.
            if lower.contains(word) && !lower.contains(&format!("no {word}")) {
                wrong.push(format!("{path} says {word:?}"));
            }
        }
        // A number formatted and followed by a percent sign: `{:.0}%`, `{rate}%`.
        if text.contains("}%") {
            wrong.push(format!("{path} prints a percentage"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
