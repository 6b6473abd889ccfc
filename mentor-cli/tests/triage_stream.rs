//! `mentor triage` reads its file in 64 KiB chunks (issue 15): a batch spread over many chunks
//! gives the report the same forms give when read whole, as one JSON array.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::{Value, json};

const NOW: &str = "2026-11-30T09:00:00Z";
/// The CLI's chunk size.
const CHUNK: usize = 64 * 1024;
const FORMS: usize = 400;

fn mentor() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mentor"));
    cmd.current_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."));
    cmd
}

/// A valid form under the default policy; every form of the batch ranks alike (same subjects,
/// situation and submission time), so ranks follow input order.
fn form(reference: &str, email: &str) -> Value {
    json!({
        "reference": reference,
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": email, "country": "GB"},
        "subjects": [{"subject": "python", "level": "expert", "years_experience": 12}],
        "working_situation": {"status": "freelancer", "business": {"registration_number": "GB980780684"}},
        "consent": {"data_processing": true},
        "submitted_at": "2026-11-20T10:00:00Z"
    })
}

/// `FORMS` forms, one person each, except two that repeat the person of the fourth form (index
/// 3, line 4) on the same offer, the e-mail typed in other capitals: at index 250 (line 251,
/// past the first chunk) and at the last index (line 400, the file's last line).
fn forms() -> Vec<Value> {
    (0..FORMS)
        .map(|i| match i {
            250 => form("DUP-1", "S-3@Example.ORG"),
            399 => form("DUP-2", "s-3@EXAMPLE.org"),
            _ => form(&format!("S-{i}"), &format!("s-{i}@example.org")),
        })
        .collect()
}

fn triage(path: &str, stdin: Option<Vec<u8>>, extra: &[&str]) -> (i32, String) {
    let mut cmd = mentor();
    cmd.args(["triage", path, "--now", NOW]).args(extra);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    let out = cmd.output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

fn temp_file(content: &[u8]) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), content).unwrap();
    file
}

#[test]
fn a_batch_over_many_chunks_with_crlf_and_duplicates_is_reported_as_the_same_array_read_whole() {
    let forms = forms();
    // JSON Lines with CRLF endings, no blank line: line k holds the form at index k - 1, so
    // `line` means the same in both files.
    let mut lines = Vec::new();
    for f in &forms {
        lines.extend_from_slice(serde_json::to_string(f).unwrap().as_bytes());
        lines.extend_from_slice(b"\r\n");
    }
    assert!(lines.len() > 2 * CHUNK, "the batch spans several chunks");
    let array = serde_json::to_string_pretty(&forms).unwrap();
    assert!(array.len() > 2 * CHUNK);
    let lines_file = temp_file(&lines);
    let array_file = temp_file(array.as_bytes());
    let lines_path = lines_file.path().to_str().unwrap();
    let array_path = array_file.path().to_str().unwrap();

    let (code, streamed) = triage(lines_path, None, &["--json"]);
    assert_eq!(code, 1, "two forms are duplicates, hence invalid");
    let report: Vec<Value> = streamed
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    // What the report must be: the 398 other forms ranked in line order (equal priorities fall
    // back on input order), then the two duplicates, invalid, in line order, each naming line 4.
    let ranked: Vec<u64> = (1..=400).filter(|l| *l != 251 && *l != 400).collect();
    assert_eq!(report.len(), FORMS);
    for (at, (entry, line)) in report.iter().zip(&ranked).enumerate() {
        assert_eq!(entry["line"], json!(line));
        assert_eq!(entry["status"], "ranked");
        assert_eq!(entry["rank"], json!(at + 1));
        assert_eq!(entry["reference"], json!(format!("S-{}", line - 1)));
    }
    for (entry, (line, reference)) in report[398..].iter().zip([(251, "DUP-1"), (400, "DUP-2")]) {
        assert_eq!(entry["line"], json!(line));
        assert_eq!(entry["reference"], reference);
        assert_eq!(entry["status"], "invalid");
        assert_eq!(entry["rank"], Value::Null);
        assert_eq!(entry["eligibility"], Value::Null);
        assert_eq!(
            entry["errors"],
            json!([{
                "path": "applicant.email",
                "code": "duplicate_application",
                "message": "the same person has already applied to this offer (same e-mail address): first seen at line 4"
            }])
        );
    }

    // Read whole as one array, or streamed from standard input: the same report, byte for byte,
    // in both renderings.
    for extra in [&["--json"][..], &[][..], &["--lang", "fr"][..]] {
        let (code, from_file) = triage(lines_path, None, extra);
        let (array_code, from_array) = triage(array_path, None, extra);
        let (stdin_code, from_stdin) = triage("-", Some(lines.clone()), extra);
        assert_eq!((code, array_code, stdin_code), (1, 1, 1));
        assert_eq!(from_array, from_file, "{extra:?}");
        assert_eq!(from_stdin, from_file, "{extra:?}");
    }
}

/// Forms assessed in batches of 4,096 (the CLI's `jobs::BATCH`).
const JOBS_BATCH: usize = 4096;

#[test]
fn forms_assessed_on_several_threads_give_the_report_of_one_thread() {
    // 9,000 forms: three batches, the last one partial. Priorities differ (years of
    // experience, level), a line in every hundred is not JSON, and the person of line 10
    // applies again at line 8,500 (third batch): a duplicate across batches and threads.
    let mut text = String::new();
    for i in 0..9_000_usize {
        let line = i + 1;
        if line % 100 == 37 {
            text.push_str("{not json\n");
            continue;
        }
        let mut f = if line == 8_500 {
            form("AGAIN", "s-9@example.org")
        } else {
            form(&format!("S-{i}"), &format!("s-{i}@example.org"))
        };
        f["subjects"][0]["years_experience"] = json!(i % 17);
        f["subjects"][0]["level"] = json!(["comfortable", "proficient", "expert"][i % 3]);
        text.push_str(&serde_json::to_string(&f).unwrap());
        text.push('\n');
    }
    let file = temp_file(text.as_bytes());
    let path = file.path().to_str().unwrap();
    const { assert!(9_000 > 2 * JOBS_BATCH) };

    for extra in [&["--json"][..], &[][..]] {
        let (code, one) = triage(path, None, &[extra, &["--jobs", "1"]].concat());
        assert_eq!(code, 1, "lines that are not JSON and a duplicate are invalid");
        for jobs in ["2", "3", "0"] {
            let (code, many) = triage(path, None, &[extra, &["--jobs", jobs]].concat());
            assert_eq!(code, 1);
            assert_eq!(many, one, "--jobs {jobs} {extra:?}");
        }
        let (_, from_stdin) = triage(
            "-",
            Some(text.clone().into_bytes()),
            &[extra, &["--jobs", "2"]].concat(),
        );
        assert_eq!(from_stdin, one, "standard input, --jobs 2 {extra:?}");
    }

    let (_, report) = triage(path, None, &["--json", "--jobs", "2"]);
    let report: Vec<Value> = report.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(report.len(), 9_000, "no form lost");
    let again = report.iter().find(|e| e["reference"] == "AGAIN").unwrap();
    assert_eq!(again["line"], 8_500);
    assert_eq!(again["errors"][0]["code"], "duplicate_application");
    assert!(
        again["errors"][0]["message"]
            .as_str()
            .unwrap()
            .ends_with("first seen at line 10")
    );
    let broken = report
        .iter()
        .filter(|e| e["errors"][0]["code"] == "invalid_json")
        .count();
    assert_eq!(broken, 90);
}

#[test]
fn a_file_that_is_not_text_is_refused_alike_on_several_threads() {
    let mut bytes = serde_json::to_vec(&form("S-1", "s-1@example.org")).unwrap();
    bytes.extend_from_slice(b"\n{\"a\": \0}\n");
    let file = temp_file(&bytes);
    let path = file.path().to_str().unwrap();
    let run = |jobs: &str| {
        let out = mentor()
            .args(["triage", path, "--now", NOW, "--jobs", jobs])
            .output()
            .unwrap();
        (
            out.status.code(),
            out.stdout,
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, stdout, stderr) = run("2");
    assert_eq!(code, Some(2));
    assert!(stdout.is_empty());
    assert!(stderr.contains("not a text file"), "{stderr}");
    assert_eq!(run("2"), run("1"));
}

#[test]
fn jobs_must_be_a_whole_number_up_to_256() {
    for jobs in ["two", "257", "100000"] {
        let out = mentor().args(["triage", "-", "--jobs", jobs]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "--jobs {jobs}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--jobs"),
            "--jobs {jobs}"
        );
    }
}
