//! The generated parts of the country pages `docs/registration/<cc>.md` (issue 17): the
//! statuses and procedure, the schemes with the library's own check of each example, and the
//! module documentation of `mentor-core/src/registration/<cc>.rs`, from the public API
//! (`mentor_core::registration`). The python-stdnum verdicts of the pages are hand-written
//! (Rust cannot ask python-stdnum); `tests/stdnum_differential.rs` checks them.

use std::collections::BTreeSet;
use std::path::Path;

use mentor_core::CountryCode;
use mentor_core::registration::{self, CountryRules};

use super::{escape, fill};

/// The page of each country the library has rules for (`registration/fr.md`), with its text as
/// this writes it, or why it cannot be written.
pub fn pages(docs: &Path) -> Vec<(String, Result<String, String>)> {
    let source = docs.join("../mentor-core/src/registration");
    registration::countries()
        .map(|rules| {
            let cc = rules.country.to_lowercase();
            let name = format!("registration/{cc}.md");
            let page = std::fs::read_to_string(docs.join(&name)).map_err(|e| format!("{name}: {e}"));
            let module = std::fs::read_to_string(source.join(format!("{cc}.rs")))
                .map_err(|e| format!("registration/{cc}.rs: {e}"));
            let written = page.and_then(|page| {
                let blocks = Blocks {
                    registering: registering(rules),
                    schemes: schemes(rules)?,
                    module_doc: code_host_markdown(&module_doc(&module?)),
                };
                let written = fill(&page, &|block| blocks.get(block))?;
                for block in Blocks::NAMES {
                    if !written.contains(&format!("<!-- generated: {block} -->")) {
                        return Err(format!("{name} has no generated block `{block}`"));
                    }
                }
                Ok(written)
            });
            (name, written)
        })
        .collect()
}

/// The generated blocks of a country page.
struct Blocks {
    registering: String,
    schemes: String,
    module_doc: String,
}

impl Blocks {
    const NAMES: [&str; 3] = ["registering", "schemes", "module-doc"];

    fn get(&self, name: &str) -> Option<String> {
        match name {
            "registering" => Some(self.registering.clone()),
            "schemes" => Some(self.schemes.clone()),
            "module-doc" => Some(self.module_doc.clone()),
            _ => None,
        }
    }
}

/// The self-employed statuses (local name and English gloss) and the procedure.
pub fn registering(rules: &CountryRules) -> String {
    let mut out = String::new();
    for status in rules.statuses {
        out.push_str(&format!(
            "- **{}**: {}\n",
            status.local_name,
            escape(status.gloss.en)
        ));
    }
    out.push_str(&format!("\nProcedure: {}.\n", escape(rules.procedure.en)));
    out
}

/// The table of the country's schemes, each example checked as `mentor validate-id` checks it
/// (`registration::validate`); an example that is not well-formed is an error.
pub fn schemes(rules: &CountryRules) -> Result<String, String> {
    let country =
        CountryCode::parse(rules.country).ok_or_else(|| format!("`{}` is no country code", rules.country))?;
    let mut out = String::from(
        "| scheme | name | what a pass proves | example | `mentor validate-id` |\n|---|---|---|---|---|\n",
    );
    for scheme in rules.schemes {
        let id = scheme.id.as_str();
        let checked = registration::validate(country, scheme.example)
            .map_err(|e| format!("the example `{}` of {id} is not well-formed: {e}", scheme.example))?;
        out.push_str(&format!(
            "| `{id}` | {} ({}) | {} | `{}` | well-formed, {}, normalized `{}` |\n",
            escape(scheme.name),
            escape(scheme.title.en),
            escape(scheme.proves.en),
            scheme.example,
            checked.scheme_id().as_str(),
            checked.normalized()
        ));
    }
    Ok(out)
}

/// The `//!` documentation of a module's source, without the comment markers.
pub fn module_doc(source: &str) -> String {
    let lines: Vec<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    lines.join("\n").trim().to_owned()
}

/// Rustdoc Markdown as a code host renders it: intra-doc links (`` [`Scheme`] ``,
/// `[text](crate::x)`, `[text][Scheme]`) become their text, definitions of references to Rust
/// paths are dropped, and headings go two levels down (under the page's `##`). Web links and
/// code spans stay as written.
pub fn code_host_markdown(doc: &str) -> String {
    let mut web = BTreeSet::new();
    let mut lines = Vec::new();
    let mut in_fence = false;
    for line in doc.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence {
            if let Some((label, target)) = reference_definition(trimmed) {
                if is_rust_path(target) {
                    continue;
                }
                web.insert(label.to_lowercase());
            }
            let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
            if (1..=4).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
                lines.push(format!("##{trimmed}"));
                continue;
            }
        }
        lines.push(line.to_owned());
    }
    strip_links(&lines.join("\n"), &web)
}

/// `[label]: target` at the start of a line.
fn reference_definition(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let target = rest[close + 2..].split_whitespace().next()?;
    Some((&rest[..close], target))
}

/// A link target that names a Rust item (`crate::registration::Scheme`, `Scheme::validate`)
/// rather than a page: it has no `/` and is no anchor.
fn is_rust_path(target: &str) -> bool {
    !target.contains('/') && !target.starts_with('#') && !target.contains(".md")
}

/// `text` with every intra-doc link replaced by its text; `web` holds the labels of the
/// references that point to pages (kept).
fn strip_links(text: &str, web: &BTreeSet<String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(['[', '`']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('`') {
            let ticks = tail.len() - tail.trim_start_matches('`').len();
            let run = &tail[..ticks];
            let stop = tail[ticks..].find(run).map_or(ticks, |end| ticks + end + ticks);
            out.push_str(&tail[..stop]);
            rest = &tail[stop..];
            continue;
        }
        match intra_doc_link(tail, web) {
            Some((shown, len)) if !out.ends_with('\\') => {
                out.push_str(&strip_links(shown, web));
                rest = &tail[len..];
            }
            _ => {
                out.push('[');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of the intra-doc link `tail` starts with, and the link's length; `None` when
/// `tail` starts with a web link or no link.
fn intra_doc_link<'a>(tail: &'a str, web: &BTreeSet<String>) -> Option<(&'a str, usize)> {
    let close = closing_bracket(tail)?;
    let shown = &tail[1..close];
    let after = &tail[close + 1..];
    if let Some(target) = after.strip_prefix('(') {
        let end = target.find(')')?;
        return is_rust_path(target[..end].trim()).then_some((shown, close + 2 + end + 1));
    }
    if let Some(label) = after.strip_prefix('[') {
        let end = label.find(']')?;
        let label = if end == 0 { shown } else { &label[..end] };
        return (!web.contains(&label.to_lowercase())).then_some((shown, close + 2 + end + 1));
    }
    if after.starts_with(':') || web.contains(&shown.to_lowercase()) {
        return None;
    }
    Some((shown, close + 1))
}

/// The index of the `]` that closes the `[` `tail` starts with, skipping code spans and nested
/// brackets; `None` past the paragraph.
fn closing_bracket(tail: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_code = false;
    let mut newline = false;
    for (i, c) in tail.char_indices() {
        match c {
            '`' => in_code = !in_code,
            '[' if !in_code => depth += 1,
            ']' if !in_code => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            '\n' if newline => return None,
            _ => {}
        }
        newline = c == '\n' || (newline && c.is_whitespace());
    }
    None
}
