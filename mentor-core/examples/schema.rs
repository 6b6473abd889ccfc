//! Writes the JSON Schema of each wire input and answer to `docs/schema/<name>.schema.json`
//! (`mentor_core::schema::all`), or to the folder given as the first argument:
//!   cargo run -p mentor-core --features schema --example schema [DIR]
//! (`scripts/schema.sh`). A test (mentor-core/tests/schema.rs) fails when the committed files
//! differ from what this writes.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/schema"),
        PathBuf::from,
    );
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    for input in mentor_core::schema::all() {
        let path = dir.join(input.file_name());
        if let Err(e) = std::fs::write(&path, input.to_text()) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
