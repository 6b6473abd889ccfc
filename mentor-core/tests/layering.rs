//! The core's top-level modules form layers: primitives (country, language, rule ids, errors,
//! the wire format's reading, providers, subjects, the working situation) under the domain
//! modules, and no module reaches, through its `crate::` paths, a module that reaches it back
//! (issue 14). Read from the sources, so that a new `use crate::…` that closes a cycle fails
//! here with the cycle named.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level module a source file belongs to (`esign/apply.rs` → `esign`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `module → modules it names with `crate::`, in code (comments and doc comments are not
/// dependencies).
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let targets = graph.entry(module.clone()).or_default();
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            let code = line.split("//").next().unwrap_or_default();
            let mut rest = code;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty()
                    && name != module
                    && name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                {
                    targets.insert(name);
                }
            }
        }
    }
    graph
}

/// The first cycle found, as the modules along it (`[a, b, a]`).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, stack, done) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_core_modules_have_no_cycle() {
    let graph = edges();
    assert!(graph.len() > 15, "modules found: {:?}", graph.keys());
    if let Some(found) = cycle(&graph) {
        panic!(
            "the core's modules depend on each other in a cycle: {}",
            found.join(" → ")
        );
    }
}

#[test]
fn primitives_depend_on_nothing_above_them() {
    let graph = edges();
    // Each primitive, and the modules it may name (themselves primitives).
    let allowed: &[(&str, &[&str])] = &[
        ("i18n", &[]),
        ("vocabulary", &[]),
        ("rule", &[]),
        ("country", &["i18n"]),
        ("subject", &[]),
        ("provider", &[]),
        ("registration", &["country", "i18n"]),
        ("error", &["i18n", "registration", "vocabulary", "wire"]),
        ("wire", &["error"]),
        ("read", &["error", "i18n", "wire"]),
    ];
    for (module, may) in allowed {
        let names = graph
            .get(*module)
            .unwrap_or_else(|| panic!("no module `{module}`"));
        let above: Vec<&String> = names.iter().filter(|n| !may.contains(&n.as_str())).collect();
        assert!(
            above.is_empty(),
            "`{module}` depends on {above:?}, which are above it"
        );
    }
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&graph), None);
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
}
