//! The architecture as a test (`make layers`, or `cargo test --test layers`): the folders of
//! `src/` are layers with dependencies running one way, `platform` is a leaf, and no module takes
//! part in an import cycle. It reads the source, so it sees every `crate::…` and `super::…` path
//! outside comments, in `use` lines and in code alike.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may use its own layer, any lower one, and `platform`.
const LAYERS: [(&str, u8); 6] = [
    ("core", 0),
    ("document", 1),
    ("reader", 2),
    ("view", 3),
    ("embed", 4),
    ("page", 4),
];

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The module path of a source file: `src/reader/config.rs` → `["reader", "config"]`,
/// `src/view/components/mod.rs` → `["view", "components"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).expect("under src/");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The paths a file names, as module paths: `crate::a::b::C` → `[a, b, C]`, `super::x` resolved
/// against the file's module. Lines that are comments are skipped (doc links are not imports).
fn references(module: &[String], text: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let code = code.split(" //").next().unwrap_or(code);
        for (start, prefix) in [("crate::", None), ("super::", Some(()))] {
            let mut rest = code;
            while let Some(at) = rest.find(start) {
                let before = rest[..at].chars().last();
                rest = &rest[at + start.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                    continue;
                }
                let path = path_after(rest);
                if path.is_empty() {
                    continue;
                }
                match prefix {
                    None => found.push(path),
                    Some(()) => {
                        let mut base = module.to_vec();
                        base.pop();
                        base.extend(path);
                        found.push(base);
                    }
                }
            }
        }
    }
    found
}

/// `a::b::{c, d}` → `[a, b]`; `a::b::C` → `[a, b, C]`.
fn path_after(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        parts.push(rest[..end].to_owned());
        match rest[end..].strip_prefix("::") {
            Some(next) => rest = next,
            None => break,
        }
    }
    parts
}

/// The longest known module that is a prefix of `path`.
fn resolve(modules: &BTreeSet<Vec<String>>, path: &[String]) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|candidate| modules.contains(candidate))
}

fn rank(layer: &str) -> Option<u8> {
    LAYERS
        .iter()
        .find(|(name, _)| *name == layer)
        .map(|(_, r)| *r)
}

/// The crate's module graph: each file module and the modules it names (a folder's own
/// `mod.rs` naming its children is how a folder presents them, and is left out).
fn graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<(Vec<String>, String)> = sources(&src)
        .into_iter()
        .filter(|f| {
            !matches!(
                f.file_name().and_then(|n| n.to_str()),
                Some("lib.rs" | "main.rs")
            ) || f.parent() != Some(&src)
        })
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("a readable source file");
            (module_of(&src, &f), text)
        })
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut graph = BTreeMap::new();
    for (module, text) in &files {
        let edges: BTreeSet<Vec<String>> = references(module, text)
            .iter()
            .filter_map(|path| resolve(&modules, path))
            .filter(|target| target != module)
            .filter(|target| !(target.len() == module.len() + 1 && target.starts_with(module)))
            .collect();
        graph.insert(module.clone(), edges);
    }
    graph
}

#[test]
fn every_module_is_in_a_layer() {
    let graph = graph();
    assert!(graph.len() > 30, "found only {} modules", graph.len());
    for module in graph.keys() {
        let top = &module[0];
        assert!(
            rank(top).is_some() || top == "platform",
            "src/{top} is not a layer"
        );
    }
}

#[test]
fn dependencies_run_one_way() {
    let mut upward = Vec::new();
    for (module, targets) in graph() {
        let from = module[0].as_str();
        for target in targets {
            let to = target[0].as_str();
            let allowed = if from == "platform" {
                to == "platform"
            } else if to == "platform" || from == to {
                true
            } else {
                rank(to) < rank(from)
            };
            if !allowed {
                upward.push(format!("{} -> {}", module.join("::"), target.join("::")));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports against the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_import_cycles() {
    let graph = graph();
    // Depth-first search with colours: a grey module met again closes a cycle.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        colour: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        colour.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            match colour.get(next).copied().unwrap_or(0) {
                0 => visit(next, graph, colour, stack, cycles),
                1 => {
                    let from = stack.iter().position(|m| m == next).unwrap_or(0);
                    let mut names: Vec<String> =
                        stack[from..].iter().map(|m| m.join("::")).collect();
                    names.push(next.join("::"));
                    cycles.push(names.join(" -> "));
                }
                _ => {}
            }
        }
        stack.pop();
        colour.insert(node.clone(), 2);
    }
    let (mut colour, mut cycles) = (BTreeMap::new(), Vec::new());
    for node in graph.keys() {
        if colour.get(node).copied().unwrap_or(0) == 0 {
            visit(node, &graph, &mut colour, &mut Vec::new(), &mut cycles);
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_import() {
    // The checker itself can fail: a `use` of a higher layer is found, a comment is not.
    let module = vec!["core".to_owned(), "model".to_owned()];
    let found = references(
        &module,
        "// crate::view::x\nuse crate::view::components::{A, B};\n    super::date::Date",
    );
    assert_eq!(
        found,
        vec![
            vec!["view".to_owned(), "components".to_owned()],
            vec!["core".to_owned(), "date".to_owned(), "Date".to_owned()],
        ]
    );
}
