//! The generated references, `docs/errors.md`, `docs/wire-format.md` and the country pages
//! `docs/registration/<cc>.md`, are what `mentor-core/examples/docs` writes from the code (else:
//! run `bash scripts/docs.sh`), and what they promise holds: a section per error code and per
//! wire schema, the anchors other pages link to, a page per country (issue 17).
#![cfg(feature = "schema")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

#[path = "../examples/docs/render.rs"]
mod render;

use std::collections::BTreeSet;
use std::path::PathBuf;

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

fn headings(text: &str, level: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix(level))
        .map(render::anchor)
        .collect()
}

#[test]
fn the_committed_references_are_what_the_code_writes() {
    let mut stale = Vec::new();
    for (name, written) in render::documents(&docs()) {
        let written = written.unwrap_or_else(|e| panic!("{name}: {e}"));
        let committed = std::fs::read_to_string(docs().join(&name)).unwrap();
        if committed != written {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} drifted from the code: run `{}` and commit the result",
        render::REGENERATE
    );
}

#[test]
fn every_error_code_has_its_anchor_and_every_kind_its_section() {
    let text = std::fs::read_to_string(docs().join("errors.md")).unwrap();
    let anchors: BTreeSet<String> = headings(&text, "## ").into_iter().collect();
    let kinds: BTreeSet<String> = headings(&text, "### ").into_iter().collect();
    let codes = mentor_core::error_codes();
    let codes = codes.as_array().unwrap();
    assert!(codes.len() > 50);
    for code in codes {
        let name = code["code"].as_str().unwrap();
        assert!(anchors.contains(name), "errors.md has no `## {name}`");
        let kind = format!("kind-{}", code["kind"].as_str().unwrap());
        assert!(kinds.contains(&kind), "errors.md has no section for {kind}");
        for lang in ["en", "fr"] {
            let message = code[lang].as_str().unwrap();
            assert!(
                text.contains(&format!("  - {lang}: {message}\n")),
                "{name}: {message}"
            );
        }
    }
    assert!(anchors.contains("duplicate_key"));
}

#[test]
fn the_wire_format_has_a_section_per_schema_and_the_promised_anchors() {
    let text = std::fs::read_to_string(docs().join("wire-format.md")).unwrap();
    let anchors = render::section_anchors(&text);
    let names: BTreeSet<&str> = anchors.keys().map(String::as_str).collect();
    let schemas: BTreeSet<&str> = mentor_core::schema::all().iter().map(|s| s.name).collect();
    assert_eq!(names, schemas, "one generated block per docs/schema file");
    let sections: BTreeSet<String> = headings(&text, "## ").into_iter().collect();
    for anchor in [
        "field-errors",
        "application-form",
        "working-situation",
        "decision",
    ] {
        assert!(sections.contains(anchor), "wire-format.md has no #{anchor}");
    }
    assert_eq!(anchors["decision"], "decision");
    assert_eq!(anchors["application-form"], "application-form");
    // Every field a schema declares is a row of its table: the form's required ones as required.
    for row in [
        "| `applicant.email` | string (email) | yes |",
        "| `subjects[].level` | string | yes |",
        "| `working_situation.employment.employer_agreement` |",
        "| `demand.*` |",
        // A decision's registration check is one of two objects: a well-formed number names
        // its scheme, the other may name none; merged, the scheme is a string or null.
        "| `registration.scheme` | string or null | yes |",
    ] {
        assert!(text.contains(row), "no row {row}");
    }
}

#[test]
fn fill_refuses_a_block_it_does_not_know_or_an_unclosed_one() {
    let known = |name: &str| (name == "a").then(|| "X".to_owned());
    assert_eq!(
        render::fill("t\n<!-- generated: a -->\nold\n<!-- end generated -->\nu", &known).unwrap(),
        "t\n<!-- generated: a -->\n\nX\n<!-- end generated -->\nu"
    );
    assert!(render::fill("<!-- generated: b -->\n<!-- end generated -->", &known).is_err());
    assert!(render::fill("<!-- generated: a -->\n", &known).is_err());
}

#[test]
fn every_country_has_its_page_and_its_row_in_the_registration_index() {
    let index = std::fs::read_to_string(docs().join("registration/README.md")).unwrap();
    let countries: Vec<_> = mentor_core::registration::countries().collect();
    assert_eq!(countries.len(), 15);
    for rules in countries {
        let cc = rules.country.to_lowercase();
        let page = std::fs::read_to_string(docs().join(format!("registration/{cc}.md"))).unwrap();
        assert!(
            page.lines()
                .next()
                .unwrap()
                .ends_with(&format!(" ({})", rules.country)),
            "{cc}.md does not start with its country's heading"
        );
        for block in ["registering", "schemes", "module-doc"] {
            assert!(
                page.contains(&format!("<!-- generated: {block} -->")),
                "{cc}.md: no {block}"
            );
        }
        let row = index
            .lines()
            .find(|l| l.contains(&format!("]({cc}.md) | {} |", rules.country)))
            .unwrap_or_else(|| panic!("registration/README.md has no row for {cc}"));
        for scheme in rules.schemes {
            assert!(row.contains(&format!("(`{}`)", scheme.id.as_str())), "{row}");
        }
    }
}

#[test]
fn module_docs_lose_their_intra_doc_links_on_the_pages() {
    let md = render::registration::code_host_markdown;
    assert_eq!(
        md("See [`Scheme`], [the check](crate::registration::validate) and [`x`][Scheme::validate]."),
        "See `Scheme`, the check and `x`."
    );
    // Web links, code spans (an index into a string), escaped brackets and links to pages stay.
    for kept in [
        "[INSEE](https://www.insee.fr) and [the guide](../README.md#countries)",
        "the letter `\"TRWAGMYFPDXBNJZSQVHLCKE\"[n mod 23]`",
        "an escaped \\[bracket]",
        "[VIES][vies]\n\n[vies]: https://ec.europa.eu/taxation_customs/vies/",
    ] {
        assert_eq!(md(kept), kept);
    }
    // A wrapped link, a reference to a Rust path (its definition dropped), a heading.
    assert_eq!(
        md("# Sources\nthe [normalisation\npolicy][policy] holds\n\n[policy]: crate::registration"),
        "### Sources\nthe normalisation\npolicy holds\n"
    );
    assert_eq!(
        render::registration::module_doc("//! One.\n//!\n//!   two\nuse x;\n"),
        "One.\n\n  two"
    );
}
