//! Rewrites the generated blocks of `docs/errors.md` (from `mentor_core::error_codes()` and the
//! related codes of `docs/rules.md`) and `docs/wire-format.md` (a field table per JSON Schema of
//! `mentor_core::schema::all()`, the schemas `docs/schema/` holds) and the country pages
//! `docs/registration/<cc>.md` (from `mentor_core::registration` and the module docs of its
//! sources), keeping their hand-written text:
//! `cargo run -p mentor-core --features schema --example docs` (`scripts/docs.sh`).
//! `tests/reference_docs.rs` fails when the committed files differ from what this writes.

#![allow(
    clippy::indexing_slicing,
    reason = "a generator run by hand on the library's own schemas: `Value` indexes yield `Null`, and the one list index is guarded by its length"
)]

use std::path::PathBuf;
use std::process::ExitCode;

mod render;

fn main() -> ExitCode {
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs");
    for (name, result) in render::documents(&docs) {
        let path = docs.join(name);
        let written = result.and_then(|text| std::fs::write(&path, text).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!(
                "{}: {e} (run `{}` from the workspace)",
                path.display(),
                render::REGENERATE
            );
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
