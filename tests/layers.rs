//! The crate's layers, checked from its source: every `crate::` path in `src/` must point to
//! its own layer or one listed before it, no two modules may import each other in a cycle, and
//! the JavaScript boundary may use only what the crate exports.
//!
//! Test modules (`#[cfg(test)]` to the end of a file) are left out: a unit test may call the
//! public functions of a higher layer to check its own.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first; each is a folder of `src/`.
const LAYERS: [&str; 10] = [
    "text",
    "diagnostics",
    "json",
    "model",
    "checks",
    "summary",
    "reconcile",
    "output",
    "api",
    "js",
];

/// Longest module allowed, in lines before its tests.
const MAX_LINES: usize = 450;

/// Modules still to be split (issue #11); each must leave this list as soon as it fits.
const SPLIT_PENDING: [&str; 0] = [];

struct Module {
    /// `checks::validate`, or `crate` for lib.rs.
    name: String,
    file: PathBuf,
    /// The code, without comments and test modules.
    code: String,
}

fn modules(root: &Path) -> Vec<Module> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(root).unwrap().with_extension("");
                let mut parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                    parts.pop();
                }
                let name = if parts.is_empty() {
                    "crate".to_string()
                } else {
                    parts.join("::")
                };
                let text = fs::read_to_string(&path).unwrap();
                out.push(Module {
                    name,
                    file: path,
                    code: code_of(&text),
                });
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The text up to the test module, without `//` comments (doc comments mention paths freely).
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| {
            // Keep `//` inside a string literal such as a URL: cut only where the quotes
            // before it are balanced.
            match l
                .match_indices("//")
                .find(|(i, _)| l[..*i].matches('"').count() % 2 == 0)
            {
                Some((i, _)) => &l[..i],
                None => l,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a::b::c` path in `code`, grouped imports (`crate::a::{b, c::d}`) expanded.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(i) = code[from..].find("crate::") {
        let at = from + i;
        from = at + 7;
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let mut end = from;
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b':')
        {
            end += 1;
        }
        let prefix = code[from..end].trim_end_matches(':').to_string();
        if bytes.get(end) == Some(&b'{') {
            let close = code[end..].find('}').map_or(code.len(), |j| end + j);
            for item in code[end + 1..close].split(',') {
                let item = item.trim().trim_start_matches('{');
                if item.is_empty() {
                    continue;
                }
                let item = item.split_whitespace().next().unwrap_or("");
                out.push(if item == "self" {
                    prefix.clone()
                } else if prefix.is_empty() {
                    item.to_string()
                } else {
                    format!("{prefix}::{item}")
                });
            }
        } else {
            out.push(prefix);
        }
    }
    out
}

/// `code` without what its `mod NAME { ... }` blocks hold: the statements at the top level.
fn top_level(code: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut inline = false;
    for (i, c) in code.char_indices() {
        match c {
            '{' if depth > 0 => depth += 1,
            '{' if code[..i].trim_end().rsplit(char::is_whitespace).nth(1) == Some("mod") => {
                depth = 1;
                inline = true;
            }
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 && inline {
                    inline = false;
                    out.push(';');
                }
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// What `mod NAME { ... }` in `code` holds.
fn inline_module<'a>(code: &'a str, name: &str) -> &'a str {
    let Some(at) = code.find(&format!("mod {name} {{")) else {
        return "";
    };
    let open = at + code[at..].find('{').unwrap();
    let mut depth = 0;
    for (i, c) in code[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &code[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    &code[open + 1..]
}

/// Names re-exported by `pub use a::b::{c, d as e};` statements at the top level of `code`
/// (`crate::` prefixes dropped), each with the path it stands for.
fn root_exports(code: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for stmt in top_level(code).split(';') {
        // Attributes (`#[cfg(...)]`) before the statement do not change what it exports.
        let stmt = stmt.trim();
        let stmt = match stmt.rfind(']') {
            Some(i) if stmt.starts_with("#[") => stmt[i + 1..].trim(),
            _ => stmt,
        };
        let Some(rest) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        let rest: String = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        let rest = rest.strip_prefix("crate::").unwrap_or(&rest);
        let mut add = |prefix: &str, item: &str| {
            let (path, name) = match item.split_once(" as ") {
                Some((path, name)) => (path.trim(), name.trim()),
                None => (item, item.rsplit("::").next().unwrap_or(item)),
            };
            let full = if prefix.is_empty() {
                path.to_string()
            } else {
                format!("{prefix}::{path}")
            };
            out.insert(name.to_string(), full);
        };
        if let Some((prefix, items)) = rest.split_once("::{") {
            for item in items.trim_end_matches('}').split(',') {
                let item = item.trim();
                if !item.is_empty() {
                    add(prefix, item);
                }
            }
        } else {
            add("", rest);
        }
    }
    out
}

/// The names `lib.rs` exports at its root and, apart, those of its `__private` module.
fn exports(lib: &str) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    (
        root_exports(lib),
        root_exports(inline_module(lib, "__private")),
    )
}

/// The module a path names: the longest module that prefixes it, root re-exports and
/// `__private` re-exports followed.
fn target<'a>(
    path: &str,
    names: &'a [String],
    exports: &(BTreeMap<String, String>, BTreeMap<String, String>),
) -> Option<&'a String> {
    let (root, private) = exports;
    let mut parts = path.splitn(2, "::");
    let first = parts.next().unwrap_or("");
    let path = if first == "__private" {
        let rest = parts.next().unwrap_or("");
        let name = rest.split("::").next().unwrap_or("");
        private.get(name).cloned().unwrap_or_default()
    } else {
        match root.get(first) {
            Some(real) if !names.iter().any(|n| n == first) => real.clone(),
            _ => path.to_string(),
        }
    };
    names
        .iter()
        .filter(|n| path == **n || path.starts_with(&format!("{n}::")))
        .max_by_key(|n| n.len())
}

fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next()?;
    LAYERS.iter().position(|l| *l == top)
}

struct Graph {
    names: Vec<String>,
    edges: BTreeMap<String, BTreeSet<String>>,
}

fn graph(mods: &[Module]) -> Graph {
    let names: Vec<String> = mods
        .iter()
        .map(|m| m.name.clone())
        .filter(|n| n != "crate")
        .collect();
    let lib = mods.iter().find(|m| m.name == "crate").unwrap();
    let exports = exports(&lib.code);
    let mut edges = BTreeMap::new();
    for m in mods {
        let mut to = BTreeSet::new();
        for p in crate_paths(&m.code) {
            if let Some(t) = target(&p, &names, &exports) {
                // A folder's mod.rs naming its own files is structure, not an import.
                if *t != m.name && !t.starts_with(&format!("{}::", m.name)) {
                    to.insert(t.clone());
                }
            }
        }
        // `super::x` inside a folder names a sibling.
        let parent = m.name.rsplit_once("::").map_or("", |(p, _)| p);
        for (i, _) in m.code.match_indices("super::") {
            let rest: String = m.code[i + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let cand = if parent.is_empty() {
                rest
            } else {
                format!("{parent}::{rest}")
            };
            if let Some(t) = names.iter().find(|n| **n == cand) {
                if *t != m.name {
                    to.insert(t.clone());
                }
            }
        }
        edges.insert(m.name.clone(), to);
    }
    Graph { names, edges }
}

/// Strongly connected components of more than one module (Tarjan).
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        g: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        on: BTreeSet<&'g str>,
        stack: Vec<&'g str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on.insert(v);
        for w in &s.g.edges[v] {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = State {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        on: BTreeSet::new(),
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in g.edges.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_module_sits_in_a_layer_folder() {
    let stray: Vec<String> = modules(&src())
        .into_iter()
        .filter(|m| m.name != "crate" && layer_of(&m.name).is_none())
        .map(|m| m.file.display().to_string())
        .collect();
    assert!(stray.is_empty(), "modules outside the layers: {stray:?}");
    for layer in LAYERS {
        let purpose = fs::read_to_string(src().join(layer).join("mod.rs")).unwrap();
        assert!(
            purpose.starts_with("//! "),
            "src/{layer}/mod.rs must open with a line saying what the layer is for"
        );
    }
}

#[test]
fn imports_point_down_the_layers() {
    let mods = modules(&src());
    let g = graph(&mods);
    let mut wrong = Vec::new();
    for (from, tos) in &g.edges {
        let Some(a) = layer_of(from) else { continue };
        for to in tos {
            if let Some(b) = layer_of(to) {
                if b > a {
                    wrong.push(format!("{from} ({}) -> {to} ({})", LAYERS[a], LAYERS[b]));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers' direction:\n{}",
        wrong.join("\n")
    );
    assert!(g.names.iter().any(|n| n == "checks::validate"));
}

/// What a `crate::` path from the JavaScript boundary may start with, or why not: a name the
/// crate root exports, `__private::` and a name it exports, or the boundary's own `js::`.
fn boundary_path_refused(
    path: &str,
    exports: &(BTreeMap<String, String>, BTreeMap<String, String>),
) -> Option<String> {
    let (root, private) = exports;
    let mut parts = path.split("::");
    let first = parts.next().unwrap_or("");
    match first {
        "js" => None,
        "__private" => {
            let name = parts.next().unwrap_or("");
            (!private.contains_key(name)).then(|| format!("`__private` does not export `{name}`"))
        }
        _ if root.contains_key(first) => None,
        _ => Some(format!(
            "`{first}` is neither exported by the crate root nor through `__private`"
        )),
    }
}

#[test]
fn the_boundary_uses_only_what_the_crate_exports() {
    let mods = modules(&src());
    let lib = mods.iter().find(|m| m.name == "crate").unwrap();
    let exports = exports(&lib.code);
    assert!(exports.0.contains_key("validate") && exports.1.contains_key("FromJs"));
    let mut wrong = Vec::new();
    let mut seen = 0;
    for m in mods
        .iter()
        .filter(|m| layer_of(&m.name) == Some(LAYERS.len() - 1))
    {
        for p in crate_paths(&m.code) {
            seen += 1;
            if let Some(why) = boundary_path_refused(&p, &exports) {
                wrong.push(format!("{}: crate::{p}: {why}", m.file.display()));
            }
        }
    }
    assert!(seen > 10, "the boundary's paths were not found");
    assert!(
        wrong.is_empty(),
        "the JavaScript boundary reaches past the crate's exports:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_import_cycles_between_modules() {
    let g = graph(&modules(&src()));
    let found = cycles(&g);
    assert!(found.is_empty(), "import cycles: {found:?}");
}

#[test]
fn modules_stay_small_enough_to_read() {
    let long: Vec<String> = modules(&src())
        .into_iter()
        .filter_map(|m| {
            let n = m.code.lines().count();
            let pending = SPLIT_PENDING.contains(&m.name.as_str());
            (pending != (n > MAX_LINES)).then(|| format!("{} ({n} lines)", m.file.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "modules over {MAX_LINES} lines before their tests, or listed as too long but no longer: {long:?}"
    );
}

#[test]
fn the_checker_sees_what_it_should() {
    // The parser of paths and the cycle finder, on cases small enough to check by eye.
    assert_eq!(
        crate_paths("use crate::a::{b, c::d, self};\nlet x = crate::e::f(1);"),
        ["a::b", "a::c::d", "a", "e::f"]
    );
    assert_eq!(
        crate_paths("use ccrate::a; my_crate::b"),
        Vec::<String>::new()
    );
    let mut edges = BTreeMap::new();
    edges.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    edges.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    edges.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    edges.insert("d".to_string(), BTreeSet::from(["a".to_string()]));
    let g = Graph {
        names: vec![],
        edges,
    };
    assert_eq!(cycles(&g), vec![vec!["a", "b", "c"]]);
    let lib = "pub use api::validate::{parse, validate};\npub use x::Y;\n\
               pub mod __private {\n    #[cfg(test)]\n    pub use crate::a::b::{c as d, e};\n}\n\
               pub use z::W;";
    let (root, private) = exports(lib);
    assert_eq!(root["validate"], "api::validate::validate");
    assert_eq!(root["Y"], "x::Y");
    assert_eq!(root["W"], "z::W");
    assert!(!root.contains_key("d") && !root.contains_key("e"));
    assert_eq!(private["d"], "a::b::c");
    assert_eq!(private["e"], "a::b::e");
    let both = (root, private);
    assert_eq!(boundary_path_refused("validate", &both), None);
    assert_eq!(boundary_path_refused("__private::d", &both), None);
    assert_eq!(boundary_path_refused("js::wasm::x", &both), None);
    assert!(boundary_path_refused("a::b::c", &both).is_some());
    assert!(boundary_path_refused("__private::c", &both).is_some());
    let names = vec!["a::b".to_string(), "api::validate".to_string()];
    assert_eq!(target("__private::d", &names, &both), Some(&names[0]));
    assert_eq!(target("validate", &names, &both), Some(&names[1]));
    assert_eq!(
        code_of("let u = \"http://x\"; // crate::z\n#[cfg(test)]\nmod t { crate::q }"),
        "let u = \"http://x\"; "
    );
}
