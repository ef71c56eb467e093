//! The shape of the code: core's modules form no dependency circle, and core stays pure.
//!
//! Reads the sources as text: every `crate::core::<module>` path outside test code is an edge
//! from the module the file belongs to (the first folder or file under `src/core`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/core is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The code of a file without its tests: `tests.rs` files are skipped, and a file is read up
/// to its `#[cfg(test)]` module.
fn code_without_tests(path: &Path) -> Option<String> {
    if path.file_name().is_some_and(|name| name == "tests.rs") {
        return None;
    }
    let text = fs::read_to_string(path).expect("a readable source file");
    Some(match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    })
}

/// The core modules a piece of code names, through `crate::core::x` or `crate::core::{x, y}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (at, _) in code.match_indices("crate::core::") {
        let rest = &code[at + "crate::core::".len()..];
        let list = match rest.strip_prefix('{') {
            Some(group) => &group[..group.find('}').unwrap_or(group.len())],
            None => rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or(""),
        };
        for item in list.split(',') {
            let name: String = item
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                named.insert(name);
            }
        }
    }
    named
}

fn core_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&root).expect("under src/core");
        let first = relative.components().next().expect("a path");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "mod" {
            continue;
        }
        let Some(code) = code_without_tests(&file) else {
            continue;
        };
        let edges = graph.entry(module.clone()).or_default();
        edges.extend(named_modules(&code).into_iter().filter(|m| *m != module));
    }
    graph
}

/// A circle through `start`, if one exists, as the list of modules on it.
fn circle_through(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((module, path)) = stack.pop() {
        for next in graph.get(&module).into_iter().flatten() {
            if next == start {
                let mut circle = path.clone();
                circle.push(start.to_string());
                return Some(circle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_core_module_depends_on_a_module_that_depends_back_on_it() {
    let graph = core_graph();
    assert!(graph.len() > 10, "the graph was read: {graph:?}");
    let circles: Vec<String> = graph
        .keys()
        .filter_map(|module| circle_through(&graph, module))
        .map(|circle| circle.join(" → "))
        .collect();
    assert!(
        circles.is_empty(),
        "dependency circles in core: {circles:#?}"
    );
}

#[test]
fn the_ledger_and_the_model_depend_on_no_feature() {
    let graph = core_graph();
    let features = [
        "aging",
        "interest",
        "letters",
        "settlement",
        "ladder",
        "views",
        "import",
        "case",
    ];
    for module in ["ledger", "model", "books"] {
        let named: Vec<&String> = graph[module]
            .iter()
            .filter(|m| features.contains(&m.as_str()))
            .collect();
        assert!(named.is_empty(), "{module} depends on features {named:?}");
    }
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(m, edges)| (m.into(), edges.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        circle_through(&graph, "a"),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(circle_through(&graph, "d"), None);
    assert_eq!(
        named_modules("use crate::core::{ledger::Ledger, money};\nuse crate::core::dates::x;"),
        ["dates", "ledger", "money"].map(String::from).into()
    );
}
