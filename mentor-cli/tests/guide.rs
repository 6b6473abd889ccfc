//! The user guide's command-line examples run as written: every ```console block of a page
//! under docs/ is a shell session from the workspace root, `$ ` starting a command (a line
//! ending in `\` goes on) and the lines after it, up to the next command, being what the
//! terminal shows (standard output, then standard error, as they come). The `mentor` on the
//! PATH is the one this crate builds.
//!
//! A block's commands run in one `sh`, in order, so `$ echo $?` shows the exit status of the
//! command before it, as in a terminal.

#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is a test failure (clippy.toml allows these in tests, but not in an integration test's helper functions)"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One command of a console block and what the terminal shows after it.
#[derive(Debug)]
struct Step {
    command: String,
    output: String,
}

/// A console block: where it is, for messages, and its steps.
#[derive(Debug)]
struct Session {
    place: String,
    steps: Vec<Step>,
}

/// The Markdown pages of docs/, subfolders included, in a stable order.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(pages(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The ```console blocks of one page.
fn sessions(page: &Path) -> Vec<Session> {
    let text = std::fs::read_to_string(page).unwrap();
    let name = page
        .strip_prefix(workspace())
        .unwrap_or(page)
        .display()
        .to_string();
    let mut found = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((number, line)) = lines.next() {
        if line.trim_end() != "```console" {
            continue;
        }
        let mut steps: Vec<Step> = Vec::new();
        let mut continued = false;
        for (_, line) in lines.by_ref() {
            if line.trim_end() == "```" {
                break;
            }
            if continued {
                let step = steps.last_mut().unwrap();
                step.command.push('\n');
                step.command.push_str(line);
                continued = line.ends_with('\\');
            } else if let Some(command) = line.strip_prefix("$ ") {
                steps.push(Step {
                    command: command.to_owned(),
                    output: String::new(),
                });
                continued = command.ends_with('\\');
            } else {
                let step = steps
                    .last_mut()
                    .unwrap_or_else(|| panic!("{name}:{}: output before any `$ ` command", number + 1));
                step.output.push_str(line);
                step.output.push('\n');
            }
        }
        found.push(Session {
            place: format!("{name}:{}", number + 1),
            steps,
        });
    }
    found
}

/// Runs a session's commands in one shell and returns what each printed.
fn run(session: &Session) -> Vec<String> {
    const MARK: &str = "\u{1}guide-step\u{1}";
    let mut script = String::from("exec 2>&1\n");
    for step in &session.steps {
        // The marker must not change `$?`: the status is kept and set again before the command.
        script.push_str(&format!(
            "guide_status=$?\nprintf '%s\\n' '{MARK}'\n(exit $guide_status)\n{}\n",
            step.command
        ));
    }
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_mentor"))
        .parent()
        .unwrap()
        .to_owned();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(workspace())
        .env("PATH", path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut outputs: Vec<String> = text.split(&format!("{MARK}\n")).map(str::to_owned).collect();
    assert_eq!(
        outputs.remove(0),
        "",
        "{}: output before the first command",
        session.place
    );
    outputs
}

#[test]
fn the_guides_console_examples_print_what_they_show() {
    let all: Vec<Session> = pages(&workspace().join("docs"))
        .iter()
        .flat_map(|p| sessions(p))
        .collect();
    assert!(
        all.len() >= 5,
        "the guide has console examples (found {})",
        all.len()
    );
    let mut failures = Vec::new();
    for session in &all {
        assert!(
            !session.steps.is_empty(),
            "{}: a console block without a `$ ` command",
            session.place
        );
        let outputs = run(session);
        assert_eq!(
            outputs.len(),
            session.steps.len(),
            "{}: one output per command",
            session.place
        );
        for (step, got) in session.steps.iter().zip(&outputs) {
            if *got != step.output {
                failures.push(format!(
                    "{}: `$ {}`\n--- the page shows:\n{}--- the command printed:\n{}",
                    session.place, step.command, step.output, got
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_wrong_output_is_caught() {
    // The reader of pages, on a page written here: the comparison can fail.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(
        &page,
        "```console\n$ mentor validate-id FR 73282932000074\nnot what it prints\n$ echo $?\n0\n```\n",
    )
    .unwrap();
    let found = sessions(&page);
    assert_eq!(found.len(), 1);
    let outputs = run(&found[0]);
    assert_ne!(outputs[0], found[0].steps[0].output);
    assert_eq!(outputs[1], "0\n");
}
