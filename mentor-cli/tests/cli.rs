//! Behaviour of the built `mentor` binary (`docs/cli.md`): output and exit status.
//!
//! Commands run from the workspace root, so that `../shared/fixtures` is the path the issue
//! gives. Tests on the shared fixtures print a notice and pass when the fixtures are absent.

#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is a test failure (clippy.toml allows these in tests, but not in an integration test's helper functions)"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{Value, json};

const FIXTURES: &str = "../shared/fixtures";
const NOW: &str = "2026-11-30T09:00:00Z";

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn mentor() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mentor"));
    cmd.current_dir(workspace());
    cmd
}

fn fixtures() -> bool {
    let present = workspace().join(FIXTURES).join("applications.jsonl").is_file();
    if !present {
        eprintln!("notice: {FIXTURES} not found next to the workspace; fixture test skipped");
    }
    present
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(workspace().join(FIXTURES).join(name)).unwrap()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().expect("the command was not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

fn triage_fixtures(extra: &[&str]) -> Run {
    let mut cmd = mentor();
    cmd.args([
        "triage",
        &format!("{FIXTURES}/applications.jsonl"),
        "--policy",
        &format!("{FIXTURES}/policy.toml"),
        "--now",
        NOW,
    ]);
    cmd.args(extra);
    run(&mut cmd)
}

fn codes(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| {
            item.as_str()
                .map_or_else(|| item["code"].as_str().unwrap().to_owned(), str::to_owned)
        })
        .collect()
}

/// Checks the report against `applications.expected.jsonl` as fixtures/README.md says.
fn check_fixture_report(report: &[Value]) {
    let expected: Vec<Value> = fixture_text("applications.expected.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(report.len(), expected.len(), "one report line per form");
    let by_ref: BTreeMap<&str, &Value> = report
        .iter()
        .map(|l| (l["reference"].as_str().unwrap(), l))
        .collect();
    assert_eq!(by_ref.len(), report.len(), "each reference once");
    let mut problems = Vec::new();
    for want in &expected {
        let reference = want["reference"].as_str().unwrap();
        let Some(got) = by_ref.get(reference) else {
            problems.push(format!("{reference}: missing"));
            continue;
        };
        if want["invalid"] == true {
            if got["status"] != "invalid" {
                problems.push(format!("{reference}: status {}", got["status"]));
            }
            let paths: BTreeSet<&str> = got["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["path"].as_str().unwrap())
                .collect();
            for p in want["error_paths"].as_array().unwrap() {
                if !paths.contains(p.as_str().unwrap()) {
                    problems.push(format!("{reference}: no error at {p} ({paths:?})"));
                }
            }
            continue;
        }
        let d = &got["eligibility"];
        if d.is_null() {
            problems.push(format!(
                "{reference}: no eligibility (status {}, errors {})",
                got["status"], got["errors"]
            ));
            continue;
        }
        for key in ["outcome", "contracting_party"] {
            if d[key] != want[key] {
                problems.push(format!("{reference}: {key} {} instead of {}", d[key], want[key]));
            }
        }
        for key in ["required_actions", "recommended_actions"] {
            if codes(&d[key]) != codes(&want[key]) {
                problems.push(format!(
                    "{reference}: {key} {:?} instead of {:?}",
                    codes(&d[key]),
                    codes(&want[key])
                ));
            }
        }
        if !codes(&want["reasons"]).is_subset(&codes(&d["reasons"])) {
            problems.push(format!(
                "{reference}: reasons {:?} lack some of {:?}",
                codes(&d["reasons"]),
                codes(&want["reasons"])
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn without_messages(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "message" | "gloss" | "procedure"))
                .map(|(k, v)| (k.clone(), without_messages(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_messages).collect()),
        other => other.clone(),
    }
}

fn messages(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("message", Value::String(s)) => out.push(s.clone()),
                    _ => messages(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| messages(v, out)),
        _ => {}
    }
}

fn temp_file(content: impl AsRef<[u8]>) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), content).unwrap();
    file
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A small valid form, one person per reference (the same person applying twice to the same
/// offer would be a `duplicate_application`).
fn form(reference: &str) -> Value {
    json!({
        "reference": reference,
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": format!("{reference}@example.org"), "country": "GB"},
        "subjects": [{"subject": "python", "level": "expert", "years_experience": 12}],
        "working_situation": {"status": "freelancer", "business": {"registration_number": "GB980780684"}},
        "consent": {"data_processing": true},
        "submitted_at": "2026-11-20T10:00:00Z"
    })
}

// ---------------------------------------------------------------------------------------------
// triage on the shared fixtures

#[test]
fn triage_of_the_fixtures_as_json_lines_matches_the_expected_file_and_exits_1() {
    if !fixtures() {
        return;
    }
    let r = triage_fixtures(&["--json"]);
    assert_eq!(r.code, 1, "one form is invalid; stderr: {}", r.stderr);
    let report = json_lines(&r.stdout);
    check_fixture_report(&report);
    // `docs/cli.md`: each line has these keys (and `on_hold`, why a form is on hold: issue 16);
    // ranked first, then on_hold, ineligible, invalid.
    for line in &report {
        let keys: BTreeSet<&str> = line.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "reference",
                "line",
                "email",
                "status",
                "rank",
                "errors",
                "completeness",
                "eligibility",
                "priority",
                "contact_by",
                "on_hold"
            ]),
        );
    }
    let order: Vec<usize> = report
        .iter()
        .map(|l| {
            ["ranked", "on_hold", "ineligible", "invalid"]
                .iter()
                .position(|s| l["status"] == *s)
                .unwrap()
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
}

#[test]
fn triage_of_the_fixtures_in_french_has_the_same_codes_and_french_messages() {
    if !fixtures() {
        return;
    }
    let en = triage_fixtures(&["--json"]);
    let fr = triage_fixtures(&["--json", "--lang", "fr"]);
    assert_eq!(fr.code, 1);
    let (en, fr) = (json_lines(&en.stdout), json_lines(&fr.stdout));
    check_fixture_report(&fr);
    assert_eq!(
        en.iter().map(without_messages).collect::<Vec<_>>(),
        fr.iter().map(without_messages).collect::<Vec<_>>()
    );
    let (mut me, mut mf) = (Vec::new(), Vec::new());
    en.iter().for_each(|l| messages(l, &mut me));
    fr.iter().for_each(|l| messages(l, &mut mf));
    assert_eq!(me.len(), mf.len());
    assert!(me.len() >= 20, "only {} messages", me.len());
    for (e, f) in me.iter().zip(&mf) {
        assert_ne!(e, f, "untranslated message");
    }
    // Unmistakably French: the consent error of F-15.
    assert!(mf.iter().any(|m| m.contains("consentement")), "{mf:?}");
}

#[test]
fn the_default_table_names_every_form() {
    if !fixtures() {
        return;
    }
    for lang in ["en", "fr"] {
        let r = triage_fixtures(&["--lang", lang]);
        assert_eq!(r.code, 1);
        assert!(!r.stdout.trim_start().starts_with('{'), "a table, not JSON");
        for line in fixture_text("applications.jsonl")
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let reference = serde_json::from_str::<Value>(line).unwrap()["reference"]
                .as_str()
                .unwrap()
                .to_owned();
            assert!(
                r.stdout.contains(&reference),
                "{reference} missing from the {lang} table:\n{}",
                r.stdout
            );
        }
    }
    let fr = triage_fixtures(&["--lang", "fr"]);
    assert!(fr.stdout.contains("référence"), "{}", fr.stdout);
}

#[test]
fn standard_input_gives_the_same_report_as_the_file() {
    if !fixtures() {
        return;
    }
    let from_file = triage_fixtures(&["--json"]);
    let from_stdin = run(mentor()
        .args([
            "triage",
            "-",
            "--policy",
            &format!("{FIXTURES}/policy.toml"),
            "--now",
            NOW,
            "--json",
        ])
        .write_stdin(fixture_text("applications.jsonl")));
    assert_eq!(from_stdin.code, 1);
    assert_eq!(from_stdin.stdout, from_file.stdout);
}

#[test]
fn a_json_array_gives_the_same_answers_as_json_lines() {
    if !fixtures() {
        return;
    }
    let forms: Vec<Value> = fixture_text("applications.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let array = temp_file(serde_json::to_string_pretty(&forms).unwrap());
    let from_array = run(mentor().args([
        "triage",
        path_str(array.path()),
        "--policy",
        &format!("{FIXTURES}/policy.toml"),
        "--now",
        NOW,
        "--json",
    ]));
    let from_lines = triage_fixtures(&["--json"]);
    assert_eq!(from_array.code, 1);
    // The fixture has no blank line, so array index + 1 is the line number: the reports are equal.
    assert_eq!(json_lines(&from_array.stdout), json_lines(&from_lines.stdout));
}

// ---------------------------------------------------------------------------------------------
// triage on bad input

#[test]
fn a_line_that_is_not_json_is_an_invalid_record_and_the_rest_is_processed() {
    let text = format!(
        "{}\n{{\"reference\": \"broken\", \"offer_id\": \n\n{}\n",
        form("A-1"),
        form("A-2")
    );
    let file = temp_file(text);
    for lang in ["en", "fr"] {
        let r = run(mentor().args([
            "triage",
            path_str(file.path()),
            "--now",
            NOW,
            "--json",
            "--lang",
            lang,
        ]));
        assert_eq!(r.code, 1, "{}", r.stderr);
        let report = json_lines(&r.stdout);
        assert_eq!(report.len(), 3, "{report:?}");
        let bad: Vec<&Value> = report.iter().filter(|l| l["status"] == "invalid").collect();
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0]["line"], 2);
        assert_eq!(bad[0]["errors"][0]["code"], "invalid_json");
        assert!(!bad[0]["errors"][0]["message"].as_str().unwrap().is_empty());
        let good: BTreeMap<&str, &Value> = report
            .iter()
            .filter(|l| l["status"] == "ranked")
            .map(|l| (l["reference"].as_str().unwrap(), l))
            .collect();
        assert_eq!(good.keys().copied().collect::<Vec<_>>(), ["A-1", "A-2"]);
        assert_eq!(good["A-1"]["line"], 1);
        assert_eq!(good["A-2"]["line"], 4, "blank lines count");
        assert_eq!(good["A-1"]["eligibility"]["outcome"], "eligible");
    }
}

#[test]
fn a_line_that_is_not_utf8_is_an_invalid_record_and_the_rest_is_processed() {
    // A form saved in Latin-1 ("Renée" as 52 65 6e e9 65) between two good ones.
    let mut bytes = format!("{}\n", form("A-1")).into_bytes();
    bytes.extend(b"{\"reference\": \"LATIN-1\", \"applicant\": {\"first_name\": \"Ren\xe9e\"}}\n");
    bytes.extend(format!("{}\n", form("A-2")).into_bytes());
    assert!(std::str::from_utf8(&bytes).is_err());
    let file = temp_file(&bytes);
    let r = run(mentor().args(["triage", path_str(file.path()), "--now", NOW, "--json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report = json_lines(&r.stdout);
    assert_eq!(report.len(), 3, "{report:?}");
    let bad: Vec<&Value> = report.iter().filter(|l| l["status"] == "invalid").collect();
    assert_eq!(
        (bad.len(), &bad[0]["line"], &bad[0]["errors"][0]["code"]),
        (1, &json!(2), &json!("invalid_json"))
    );
    let good: BTreeSet<&str> = report
        .iter()
        .filter(|l| l["status"] == "ranked")
        .map(|l| l["reference"].as_str().unwrap())
        .collect();
    assert_eq!(good, BTreeSet::from(["A-1", "A-2"]));
    // The same from standard input.
    let r = run(mentor()
        .args(["triage", "-", "--now", NOW, "--json"])
        .write_stdin(bytes));
    assert_eq!((r.code, json_lines(&r.stdout).len()), (1, 3));
}

#[test]
fn an_empty_file_is_an_empty_report_and_says_so() {
    for content in ["", "\n\n  \n", "[]", "\u{feff}"] {
        let file = temp_file(content);
        let r = run(mentor().args(["triage", path_str(file.path()), "--now", NOW, "--json"]));
        assert_eq!(r.code, 0, "{content:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{content:?}");
        assert!(r.stderr.contains("holds no records"), "{content:?}: {}", r.stderr);
        let table = run(mentor().args(["triage", path_str(file.path()), "--now", NOW, "--lang", "fr"]));
        assert_eq!(table.code, 0, "{content:?}: {}", table.stderr);
        assert!(
            table.stderr.contains("aucun enregistrement"),
            "{content:?}: {}",
            table.stderr
        );
        let replay = run(mentor().args(["replay", "application", path_str(file.path())]));
        assert!(
            replay.stderr.contains("holds no records"),
            "{content:?}: {}",
            replay.stderr
        );
    }
    // Empty standard input too.
    let r = run(mentor().args(["triage", "-", "--now", NOW]).write_stdin(""));
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("`<stdin>` holds no records"), "{}", r.stderr);
}

/// A file that is not text (binary data, UTF-16) is one error for the file, exit 2: not one
/// `invalid_json` record per line of noise (issue 16).
#[test]
fn a_binary_file_is_one_error_for_the_file() {
    let mut noise = Vec::new();
    let mut x: u32 = 7;
    for _ in 0..100_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        noise.push((x >> 16) as u8);
    }
    let utf16: Vec<u8> = form("A-1")
        .to_string()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for content in [noise, utf16] {
        let file = temp_file(&content);
        for command in [
            &["triage", path_str(file.path()), "--json"][..],
            &["replay", "contract", path_str(file.path())],
        ] {
            let r = run(mentor().args(command));
            assert_eq!(r.code, 2, "{command:?}: {}", r.stderr);
            assert!(r.stdout.is_empty(), "{command:?}");
            assert_eq!(r.stderr.lines().count(), 1, "{command:?}: {}", r.stderr);
            assert!(
                r.stderr.contains("is not a text file"),
                "{command:?}: {}",
                r.stderr
            );
        }
    }
}

/// With standard output closed (`>&-`) the report is lost: said on stderr. The runtime puts
/// `/dev/null` open read-write in its place, which is also how Python's `subprocess.DEVNULL`
/// discards output on purpose: so it is a warning, and the command exits as it would have.
/// Sent to `/dev/null` write-only (`> /dev/null`), nothing is said.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_standard_output_is_said() {
    let file = temp_file(format!("{}\n", form("A-1")));
    for (lang, said, redirection) in [
        ("en", "mentor: warning: standard output is closed", ">&-"),
        (
            "fr",
            "mentor: avertissement : la sortie standard est fermée",
            ">&-",
        ),
        ("en", "mentor: warning: standard output is closed", "1<>/dev/null"),
    ] {
        let out = std::process::Command::new("sh")
            .args([
                "-c",
                &format!("exec \"$0\" triage \"$1\" --now \"$2\" --lang \"$3\" {redirection}"),
                env!("CARGO_BIN_EXE_mentor"),
                path_str(file.path()),
                NOW,
                lang,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{lang} {redirection}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with(said), "{stderr}");
    }
    let out = std::process::Command::new("sh")
        .args([
            "-c",
            "exec \"$0\" triage \"$1\" --now \"$2\" > /dev/null",
            env!("CARGO_BIN_EXE_mentor"),
            path_str(file.path()),
            NOW,
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    // A disk that is full: said in the language asked for, exit 2.
    let out = std::process::Command::new("sh")
        .args([
            "-c",
            "exec \"$0\" triage \"$1\" --now \"$2\" --lang fr > /dev/full",
            env!("CARGO_BIN_EXE_mentor"),
            path_str(file.path()),
            NOW,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "mentor: erreur: impossible d'écrire la réponse : plus de place sur le périphérique"
    );
}

/// Input errors are said in the chosen language, without the system's `os error` numbers.
#[test]
fn a_missing_file_is_said_in_plain_words_in_both_languages() {
    let r = run(mentor().args(["triage", "/nonexistent/forms.jsonl", "--lang", "fr"]));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim(),
        "mentor: erreur: impossible de lire `/nonexistent/forms.jsonl` : fichier introuvable"
    );
    let r = run(mentor().args(["eligibility", "/nonexistent/situation.json"]));
    assert_eq!(
        r.stderr.trim(),
        "mentor: error: cannot read `/nonexistent/situation.json`: no such file"
    );
}

#[test]
fn a_batch_of_valid_forms_exits_0() {
    let file = temp_file(format!("{}\n{}\n", form("A-1"), form("A-2")));
    let r = run(mentor().args(["triage", path_str(file.path()), "--now", NOW, "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report = json_lines(&r.stdout);
    assert_eq!(
        report.iter().map(|l| l["rank"].clone()).collect::<Vec<_>>(),
        [json!(1), json!(2)]
    );
}

#[test]
fn a_missing_file_exits_2_with_one_line_in_the_chosen_language() {
    let mut said = Vec::new();
    for lang in ["en", "fr"] {
        let r = run(mentor().args(["triage", "no/such/file.jsonl", "--lang", lang, "--json"]));
        assert_eq!(r.code, 2);
        assert_eq!(r.stdout, "");
        assert_eq!(r.stderr.trim_end().lines().count(), 1, "one line: {:?}", r.stderr);
        assert!(r.stderr.contains("no/such/file.jsonl"), "{}", r.stderr);
        said.push(r.stderr);
    }
    assert_ne!(said[0], said[1]);
    assert!(said[1].contains("impossible de lire"), "{}", said[1]);
    // The same for `eligibility`.
    let r = run(mentor().args(["eligibility", "no/such/situation.json", "--lang", "fr"]));
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.trim_end().lines().count(), 1, "{:?}", r.stderr);
}

#[test]
fn a_bad_policy_file_exits_2() {
    let forms = temp_file(format!("{}\n", form("A-1")));
    let unknown_key = temp_file("ofers = [\"mentor-web-2026\"]\n");
    let bad_syntax = temp_file("offers = [\n");
    let bad_value = temp_file("[review_weights]\ndemand = -1.0\n");
    let bad_json = temp_file("{\"demand\": {\"python\": \"hot\"}}");
    for policy in [
        unknown_key.path(),
        bad_syntax.path(),
        bad_value.path(),
        bad_json.path(),
        Path::new("no/such/policy.toml"),
    ] {
        for lang in ["en", "fr"] {
            let r = run(mentor().args([
                "triage",
                path_str(forms.path()),
                "--policy",
                path_str(policy),
                "--now",
                NOW,
                "--json",
                "--lang",
                lang,
            ]));
            assert_eq!(r.code, 2, "{}: {}", policy.display(), r.stderr);
            assert_eq!(r.stdout, "", "no report with a bad policy");
            assert!(!r.stderr.trim().is_empty());
        }
    }
    // A good JSON policy is accepted too (`docs/policy.md`).
    let good_json = temp_file("{\"offers\": [\"mentor-web-2026\"], \"demand\": {\"python\": \"closed\"}}");
    let r = run(mentor().args([
        "triage",
        path_str(forms.path()),
        "--policy",
        path_str(good_json.path()),
        "--now",
        NOW,
        "--json",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(json_lines(&r.stdout)[0]["status"], "on_hold");
}

#[test]
fn bad_arguments_exit_2() {
    let forms = temp_file(format!("{}\n", form("A-1")));
    for args in [
        vec!["triage", path_str(forms.path()), "--now", "yesterday"],
        vec!["triage", path_str(forms.path()), "--lang", "de"],
        vec!["triage"],
        vec!["frobnicate"],
    ] {
        let r = run(mentor().args(&args));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(!r.stderr.is_empty());
    }
}

#[test]
fn a_ten_megabyte_string_and_odd_unicode_names_give_a_clear_result() {
    let mut huge = form("HUGE");
    huge["motivation"] = json!("é".repeat(5 * 1024 * 1024));
    let mut huge_name = form("HUGE-NAME");
    huge_name["applicant"]["first_name"] = json!("👩\u{200d}💻".repeat(1024 * 1024));
    let names = [
        ("UNI-1", "E\u{301}lodie", "Lefe\u{300}vre"),
        ("UNI-2", "\u{5e9}\u{5e8}\u{5d4}", "\u{5dc}\u{5d5}\u{5d9}"),
        ("UNI-3", "محمد", "\u{200f}الفاسي"), // a right-to-left mark; overrides (U+202E) are refused
        ("UNI-4", "🦄", "Love👩\u{200d}💻lace"),
    ];
    // Past the field's limit (5,000 characters) but within a document's (1 MiB): the field's
    // error, with its path.
    let mut long = form("LONG");
    long["motivation"] = json!("é".repeat(100_000));
    let mut lines = vec![huge.to_string(), huge_name.to_string(), long.to_string()];
    for (reference, first, last) in names {
        let mut f = form(reference);
        f["applicant"]["first_name"] = json!(first);
        f["applicant"]["last_name"] = json!(last);
        lines.push(f.to_string());
    }
    let file = temp_file(lines.join("\n"));
    assert!(std::fs::metadata(file.path()).unwrap().len() > 10_000_000);
    let r = run(mentor().args(["triage", path_str(file.path()), "--now", NOW, "--json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.len() < 100_000,
        "the report does not echo the huge values ({} bytes)",
        r.stdout.len()
    );
    // Entries by reference, or by line for a form too long to be read (its reference unknown).
    let report: BTreeMap<String, Value> = json_lines(&r.stdout)
        .into_iter()
        .map(|l| match l["reference"].as_str() {
            Some(reference) => (reference.to_owned(), l),
            None => (format!("line {}", l["line"]), l),
        })
        .collect();
    assert_eq!(report.len(), 7);
    // The 10 MB and 4 MB forms are past a document's 1 MiB (`wire::MAX_DOCUMENT_BYTES`): each
    // is `too_long` at its root, told from its length, and the other forms are read.
    for line in ["line 1", "line 2"] {
        let entry = &report[line];
        assert_eq!(entry["status"], "invalid");
        assert_eq!(
            (&entry["errors"][0]["path"], &entry["errors"][0]["code"]),
            (&json!(""), &json!("too_long")),
            "{line}"
        );
    }
    let long = &report["LONG"];
    assert_eq!(long["status"], "invalid");
    assert_eq!(
        (&long["errors"][0]["path"], &long["errors"][0]["code"]),
        (&json!("motivation"), &json!("too_long"))
    );
    for (reference, ..) in names {
        assert_eq!(
            report[reference]["status"], "ranked",
            "{reference}: {}",
            report[reference]["errors"]
        );
    }
    // And the table renders them.
    let table = run(mentor().args(["triage", path_str(file.path()), "--now", NOW]));
    assert_eq!(table.code, 1);
    for (reference, ..) in names {
        assert!(table.stdout.contains(reference));
    }
}

// ---------------------------------------------------------------------------------------------
// eligibility

#[test]
fn eligibility_of_a_working_situation() {
    let situation = temp_file(
        r#"{"country": "FR", "status": "freelancer", "business": {"legal_form": "micro_entrepreneur", "registration_number": "732 829 320 00074"}}"#,
    );
    let en = run(mentor().args(["eligibility", path_str(situation.path()), "--json"]));
    assert_eq!(en.code, 0, "{}", en.stderr);
    let d: Value = serde_json::from_str(en.stdout.trim()).unwrap();
    assert_eq!(d["outcome"], "eligible");
    assert_eq!(d["contracting_party"], "mentor_business");
    assert_eq!(d["invoicing_party"], "mentor_business");
    assert_eq!(d["payout"], "invoice");
    assert_eq!(
        d["registration"],
        json!({"scheme": "fr_siret", "normalized": "73282932000074", "formatted": "732 829 320 00074", "valid": true})
    );
    assert_eq!(
        codes(&d["reasons"]),
        BTreeSet::from(["mentor_business_signs".to_owned()])
    );

    let student = temp_file(r#"{"country": "FR", "status": "student"}"#);
    let (en, fr) = (
        run(mentor().args(["eligibility", path_str(student.path()), "--json"])),
        run(mentor().args(["eligibility", path_str(student.path()), "--json", "--lang", "fr"])),
    );
    let (en, fr): (Value, Value) = (
        serde_json::from_str(&en.stdout).unwrap(),
        serde_json::from_str(&fr.stdout).unwrap(),
    );
    assert_eq!(en["outcome"], "action_required");
    assert_eq!(
        codes(&en["required_actions"]),
        BTreeSet::from(["register_as_self_employed".to_owned()])
    );
    assert_eq!(en["required_actions"][0]["params"]["country"], "FR");
    assert_eq!(without_messages(&en), without_messages(&fr));
    assert_ne!(
        en["required_actions"][0]["message"],
        fr["required_actions"][0]["message"]
    );

    // The table form, and standard input.
    let table = run(mentor()
        .args(["eligibility", "-"])
        .write_stdin(r#"{"country": "GB", "status": "employee"}"#));
    assert_eq!(table.code, 0);
    assert!(
        table.stdout.contains("action_required") && table.stdout.contains("choose_route"),
        "{}",
        table.stdout
    );
}

#[test]
fn eligibility_of_a_bad_situation_reports_field_errors() {
    let bad = temp_file(r#"{"country": "FR", "status": "pirate", "rout": "via_employer"}"#);
    let r = run(mentor().args(["eligibility", path_str(bad.path()), "--json"]));
    assert_eq!(r.code, 1);
    let out: Value = serde_json::from_str(&r.stdout).unwrap();
    let found: BTreeSet<(String, String)> = out["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        found.contains(&("status".to_owned(), "invalid_enum".to_owned())),
        "{found:?}"
    );
    assert!(
        found.contains(&("rout".to_owned(), "unknown_field".to_owned())),
        "{found:?}"
    );

    let not_json = temp_file("{\"country\": ");
    let r = run(mentor().args(["eligibility", path_str(not_json.path()), "--json"]));
    assert_eq!(r.code, 1);
    let out: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(out["errors"][0]["code"], "invalid_json");
}

// ---------------------------------------------------------------------------------------------
// validate-id

#[test]
fn validate_id_prints_the_documented_object() {
    let r = run(mentor().args(["validate-id", "FR", "732 829 320 00074", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.trim_end(),
        r#"{"country":"FR","scheme":"fr_siret","normalized":"73282932000074","formatted":"732 829 320 00074","valid":true}"#
    );
    let text = run(mentor().args(["validate-id", "FR", "732 829 320 00074"]));
    assert_eq!(text.code, 0);
    assert!(text.stdout.contains("732 829 320 00074"));
}

#[test]
fn validate_id_of_a_number_that_is_not_well_formed_exits_1() {
    for (country, number) in [
        ("FR", "732 829 320 00075"),
        ("US", "07-1144442"),
        ("GB", "GB980780685"),
        ("DE", "DE136695977"),
    ] {
        let r = run(mentor().args(["validate-id", country, number, "--json"]));
        assert_eq!(r.code, 1, "{country} {number}: {}", r.stdout);
        let out: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(out["valid"], false);
        assert_eq!(out["country"], country);
    }
    for (country, number) in [
        ("US", "91-1144442"),
        ("GB", "GB980780684"),
        ("DE", "DE136695976"),
        ("fr", "fr 40 303265045"),
    ] {
        let r = run(mentor().args(["validate-id", country, number, "--json"]));
        assert_eq!(r.code, 0, "{country} {number}: {}", r.stdout);
        assert_eq!(serde_json::from_str::<Value>(&r.stdout).unwrap()["valid"], true);
    }
}

#[test]
fn validate_id_of_an_unknown_country_exits_2() {
    for lang in ["en", "fr"] {
        let r = run(mentor().args(["validate-id", "XX", "123", "--json", "--lang", lang]));
        assert_eq!(r.code, 2);
        assert_eq!(r.stderr.trim_end().lines().count(), 1, "{:?}", r.stderr);
        assert!(r.stderr.contains("XX"));
    }
}

/// The diagrams in docs/lifecycles.md are the output of `mentor diagram`, so they cannot drift
/// from the transition tables.
#[test]
fn the_documented_diagrams_are_the_generated_ones() {
    let doc = std::fs::read_to_string(workspace().join("docs/lifecycles.md")).unwrap();
    for lifecycle in ["application", "contract"] {
        let r = run(mentor().args(["diagram", lifecycle]));
        assert_eq!(r.code, 0);
        assert!(r.stdout.starts_with("stateDiagram-v2\n"));
        let block = format!("```mermaid\n{}```\n", r.stdout);
        assert!(
            doc.contains(&block),
            "docs/lifecycles.md is out of date for `{lifecycle}`: regenerate it with `mentor diagram {lifecycle}`"
        );
    }
}

#[test]
fn replay_of_a_valid_log_prints_state_history_and_next_events() {
    let log = workspace().join("docs/examples/application-events.jsonl");
    let r = run(mentor().args(["replay", "application", path_str(&log), "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["state"], "contract_sent");
    assert_eq!(report["history"].as_array().unwrap().len(), 7);
    assert_eq!(report["history"][2]["from"], "in_review");
    assert_eq!(report["history"][2]["to"], "interview_scheduled");
    assert_eq!(
        report["allowed_events"],
        json!(["contract_sent", "contract_signed", "withdrawn", "erased"])
    );
    assert_eq!(report["refused"], Value::Null);
    let human = run(mentor().args(["replay", "application", path_str(&log)]));
    assert_eq!(human.code, 0);
    assert!(human.stdout.contains("contract_sent"), "{}", human.stdout);
}

#[test]
fn replay_stops_at_the_first_refused_event_naming_index_state_and_type() {
    let log = workspace().join("docs/examples/application-events-refused.jsonl");
    let r = run(mentor().args(["replay", "application", path_str(&log), "--json"]));
    assert_eq!(r.code, 1);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["state"], "in_review");
    assert_eq!(report["refused"]["index"], 2);
    assert_eq!(report["refused"]["state"], "in_review");
    assert_eq!(report["refused"]["event"], "selected");
    assert_eq!(report["refused"]["code"], "transition_not_allowed");
    // The fourth event is never applied.
    assert_eq!(report["history"].as_array().unwrap().len(), 2);
    let human = run(mentor().args(["replay", "application", path_str(&log), "--lang", "fr"]));
    assert_eq!(human.code, 1);
    assert!(
        human.stderr.contains("ligne 3")
            && human.stderr.contains("`in_review`")
            && human.stderr.contains("`selected`"),
        "{}",
        human.stderr
    );
    // Said as every other error (issue 16).
    assert!(
        human
            .stderr
            .starts_with("mentor: erreur: événement 2 (ligne 3) : "),
        "{}",
        human.stderr
    );
}

#[test]
fn replay_reports_every_record_that_is_not_an_event_and_exits_1() {
    let log = temp_file(
        "{\"type\": \"submitted\", \"at\": \"2026-11-02T08:15:00Z\", \"actor\": \"candidate\", \"offer_id\": \"o\"}\nnot json\n{\"type\": \"hired\", \"at\": \"2026-11-02T08:15:00Z\", \"actor\": \"candidate\"}\n",
    );
    let r = run(mentor().args(["replay", "application", path_str(log.path()), "--json"]));
    assert_eq!(r.code, 1);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 2);
    assert_eq!(lines[0]["errors"][0]["code"], "invalid_json");
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["errors"][0]["path"], "type");
    assert_eq!(lines[1]["errors"][0]["code"], "invalid_enum");
    let missing = run(mentor().args(["replay", "contract", "/nonexistent/log.jsonl"]));
    assert_eq!(missing.code, 2);
}

// ---------------------------------------------------------------------------------------------
// `mentor erase` (`docs/lifecycles.md#personal-data`, `docs/cli.md`).

/// `mentor replay … --json` of a log's text: its state and allowed events.
fn replayed(lifecycle: &str, log: &str) -> (Value, Value) {
    let file = temp_file(log);
    let r = run(mentor().args(["replay", lifecycle, path_str(file.path()), "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    (report["state"].clone(), report["allowed_events"].clone())
}

#[test]
fn erase_prints_the_log_without_personal_data_and_the_same_answers() {
    // The erasure's instant is stored in UTC.
    for (lifecycle, example, at, utc, personal) in [
        (
            "application",
            "docs/examples/application-events.jsonl",
            "2026-12-01T09:00:00Z",
            "2026-12-01T09:00:00Z",
            &["Europe/Paris"][..],
        ),
        (
            "contract",
            "docs/examples/contract-events.jsonl",
            "2027-01-04T10:00:00+01:00",
            "2027-01-04T09:00:00Z",
            &["123 456 782", "123456782"][..],
        ),
    ] {
        let original = std::fs::read_to_string(workspace().join(example)).unwrap();
        // The example holds the value as typed (the first); the erased log holds it in no form.
        assert!(original.contains(personal[0]), "{example}");
        let r = run(mentor().args(["erase", lifecycle, example, "--at", at]));
        assert_eq!((r.code, r.stderr.as_str()), (0, ""), "{lifecycle}");
        for value in personal {
            assert!(!r.stdout.contains(value), "{value} left: {}", r.stdout);
        }
        let events = json_lines(&r.stdout);
        assert_eq!(events.len(), original.lines().count() + 1);
        assert_eq!(
            events.last().unwrap(),
            &json!({"type": "erased", "at": utc, "actor": "system", "version": 1})
        );
        // The erased log replays to the same state and allowed events.
        assert_eq!(replayed(lifecycle, &r.stdout), replayed(lifecycle, &original));
        // Erasing it again prints it unchanged, from standard input too.
        let again = run(mentor()
            .args(["erase", lifecycle, "-", "--at", "2030-01-01T00:00:00Z"])
            .write_stdin(r.stdout.clone()));
        assert_eq!((again.code, again.stdout.as_str()), (0, r.stdout.as_str()));
    }
    // The documented lines, checked by hand against docs/examples/application-events.jsonl.
    let r = run(mentor().args([
        "erase",
        "application",
        "docs/examples/application-events.jsonl",
        "--at",
        "2026-12-01T09:00:00Z",
    ]));
    let events = json_lines(&r.stdout);
    assert_eq!(
        events[2]["slot"],
        json!({"start": "2026-11-10T17:00:00Z", "time_zone": "UTC", "duration_minutes": 45})
    );
    assert_eq!(events[4]["scorecard"]["kindness"], 4);
    assert_eq!(events[6]["contract_id"], "c-2026-0042");
}

#[test]
fn erase_prints_nothing_and_exits_1_when_there_is_nothing_it_may_erase() {
    // A log that does not replay: its first refused event, with its index and line.
    let refused = "docs/examples/application-events-refused.jsonl";
    let r = run(mentor().args(["erase", "application", refused]));
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert_eq!(
        r.stderr,
        "mentor: error: nothing erased: event 2 (line 3): application in state `in_review` does not allow the event `selected`\n"
    );
    let fr = run(mentor().args(["erase", "application", refused, "--lang", "fr"]));
    assert!(
        fr.stderr
            .starts_with("mentor: erreur: rien n'est effacé : événement 2 (ligne 3) : "),
        "{}",
        fr.stderr
    );
    // `--at` before the last event.
    let log = "docs/examples/application-events.jsonl";
    let early = run(mentor().args(["erase", "application", log, "--at", "2026-11-13T10:04:59Z"]));
    assert_eq!((early.code, early.stdout.as_str()), (1, ""));
    assert!(
        early.stderr.starts_with("mentor: error: nothing erased: ")
            && early
                .stderr
                .contains("`erased` is dated before the previous event"),
        "{}",
        early.stderr
    );
    // An empty log: nothing to erase.
    let empty = temp_file("");
    let r = run(mentor().args(["erase", "contract", path_str(empty.path())]));
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(
        r.stderr.contains("holds no records") && r.stderr.contains("`erased`"),
        "{}",
        r.stderr
    );
    // A record that is not an event.
    let bad = temp_file("{\"type\": \"drafted\"}\n");
    let r = run(mentor().args(["erase", "contract", path_str(bad.path()), "--lang", "fr"]));
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(r.stderr.starts_with("ligne 1: pas un événement"), "{}", r.stderr);
    // Usage and I/O errors: 2.
    let missing = run(mentor().args(["erase", "application", "/nonexistent/log.jsonl"]));
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "mentor: error: cannot read `/nonexistent/log.jsonl`: no such file\n"
    );
    for at in ["yesterday", "1999-12-31T23:59:59Z"] {
        let r = run(mentor().args(["erase", "application", log, "--at", at]));
        assert_eq!((r.code, r.stdout.as_str()), (2, ""), "{at}");
        assert!(r.stderr.starts_with("mentor: error: "), "{}", r.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// `mentor webhook` (`docs/esign.md`, `docs/cli.md`): the examples of docs/esign.md, and refusals.

/// Splits a documented command line into arguments: words, and `'single-quoted'` runs.
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// The `mentor webhook …` commands of docs/esign.md, as arguments (without `mentor`).
fn documented_webhook_commands() -> Vec<Vec<String>> {
    let doc = std::fs::read_to_string(workspace().join("docs/esign.md")).unwrap();
    doc.lines()
        .filter(|l| l.starts_with("mentor webhook ") && !l.contains("PROVIDER"))
        .map(|l| shell_words(l).into_iter().skip(1).collect())
        .collect()
}

#[test]
fn webhook_every_documented_example_verifies_as_shipped() {
    let commands = documented_webhook_commands();
    let providers: BTreeSet<String> = commands.iter().map(|c| c[1].clone()).collect();
    assert_eq!(providers.len(), 6, "one example per provider: {providers:?}");
    for args in commands {
        let provider = args[1].clone();
        let r = run(mentor().args(&args).arg("--json"));
        assert_eq!(r.code, 0, "{provider}: {}", r.stderr);
        let out: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(out["provider"], provider.as_str());
        assert_eq!(out["verified"], provider != "concord", "{provider}");
        let event = &out["events"][0];
        let expected = if provider == "concord" {
            "completed"
        } else {
            "signed"
        };
        assert_eq!(event["kind"], expected, "{provider}: {out}");
        assert_eq!(event["hint"], provider == "concord");
        assert!(
            event["dedupe_key"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{provider}:")),
            "{out}"
        );
        // The human summary too.
        let human = run(mentor().args(&args));
        assert_eq!(human.code, 0);
        assert!(human.stdout.contains(expected), "{}", human.stdout);
    }
}

#[test]
fn webhook_a_failed_verification_exits_3_and_says_which_check_failed() {
    let examples = workspace().join("docs/examples/webhooks");
    let yousign = examples.join("yousign.json");
    let header =
        "X-Yousign-Signature-256: sha256=3aa8531a7084b644006940ba1fd7b592b9a9abf7a33370f71094f6dac4ea460f";
    let forged = run(mentor().args([
        "webhook",
        "yousign",
        "--secret",
        "a-guess",
        "--header",
        header,
        "--body",
        path_str(&yousign),
    ]));
    assert_eq!(forged.code, 3);
    assert!(
        forged.stderr.contains("bad_signature") && forged.stderr.contains("does not match"),
        "{}",
        forged.stderr
    );
    let unsigned = run(mentor().args([
        "webhook",
        "yousign",
        "--secret",
        "mentor-example-secret",
        "--body",
        path_str(&yousign),
        "--json",
    ]));
    assert_eq!(unsigned.code, 3);
    let out: Value = serde_json::from_str(&unsigned.stdout).unwrap();
    assert_eq!(
        (out["verified"].clone(), out["error"]["code"].clone()),
        (json!(false), json!("missing_header"))
    );
    let malformed = run(mentor().args([
        "webhook",
        "yousign",
        "--secret",
        "x",
        "--header",
        "x-yousign-signature-256: md5=00",
        "--body",
        path_str(&yousign),
    ]));
    assert_eq!(malformed.code, 3);
    assert!(
        malformed.stderr.contains("malformed_header"),
        "{}",
        malformed.stderr
    );
    // The DocuSeal example, received 30 minutes after it was signed: stale, said in French.
    let docuseal = documented_webhook_commands()
        .into_iter()
        .find(|c| c[1] == "docuseal")
        .unwrap();
    let mut args: Vec<String> = docuseal.into_iter().take_while(|a| a != "--now").collect();
    args.extend(["--now", "2026-11-20T10:45:31Z", "--lang", "fr"].map(str::to_owned));
    let stale = run(mentor().args(&args));
    assert_eq!(stale.code, 3);
    assert!(
        stale.stderr.contains("stale_timestamp") && stale.stderr.contains("1800 s"),
        "{}",
        stale.stderr
    );
    assert!(stale.stderr.contains("livraison rejetée"), "{}", stale.stderr);
}

#[test]
fn webhook_a_malformed_body_exits_1_and_usage_or_io_errors_exit_2() {
    let examples = workspace().join("docs/examples/webhooks");
    let secret = "mentor-example-secret";
    let header = format!("X-Documenso-Secret: {secret}");
    // A verified delivery whose body is not Documenso's payload (it is DocuSign's).
    let wrong = run(mentor().args([
        "webhook",
        "documenso",
        "--secret",
        secret,
        "--header",
        &header,
        "--body",
        path_str(&examples.join("docusign.json")),
        "--json",
    ]));
    assert_eq!(wrong.code, 1, "{}", wrong.stderr);
    let out: Value = serde_json::from_str(&wrong.stdout).unwrap();
    assert_eq!(out["error"]["code"], "invalid_body");
    // The secret matched: the delivery is authentic, only its body is not Documenso's.
    assert_eq!(out["verified"], true);
    let paths: BTreeSet<String> = out["error"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_owned())
        .collect();
    assert!(paths.contains("createdAt"), "{out}");
    let not_json = temp_file("not json at all");
    let r = run(mentor().args([
        "webhook",
        "documenso",
        "--secret",
        secret,
        "--header",
        &header,
        "--body",
        path_str(not_json.path()),
    ]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("invalid_body") && r.stderr.contains("JSON"),
        "{}",
        r.stderr
    );
    for args in [
        vec![
            "webhook",
            "hellosign",
            "--secret",
            secret,
            "--body",
            "docs/examples/webhooks/yousign.json",
        ],
        vec![
            "webhook",
            "yousign",
            "--secret",
            secret,
            "--body",
            "/nonexistent/body.json",
        ],
        vec![
            "webhook",
            "yousign",
            "--secret",
            secret,
            "--header",
            "no colon here",
            "--body",
            "docs/examples/webhooks/yousign.json",
        ],
        vec![
            "webhook",
            "docuseal",
            "--secret",
            secret,
            "--body",
            "docs/examples/webhooks/docuseal.json",
            "--now",
            "yesterday",
        ],
    ] {
        assert_eq!(run(mentor().args(&args)).code, 2, "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// `mentor statement` and `mentor check-invoice` (`docs/billing.md`, BIL-1): the examples of
// docs/billing.md. January 2026 in Europe/Paris, worked out by hand: s-0099 (00:30 on
// 1 January there) 35.00, s-0101 35.00, s-0102 no-show 35.00, s-0103 defense 50.00, s-0104
// (00:30 on 15 January, the day version 2 starts) 38.00, s-0105 late cancellation
// 38.00 × 0.5 = 19.00, s-0106 cancelled 0.00, s-0107 38.00: 250.00; s-0108 (00:30 on
// 1 February there) is February's.

const BILLING: &str = "docs/examples/billing";

fn statement_args(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        "statement",
        "--contract",
        &format!("{BILLING}/contract.json"),
        "--sessions",
        &format!("{BILLING}/sessions.jsonl"),
    ]
    .map(str::to_owned)
    .to_vec();
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args
}

#[test]
fn statement_of_the_shipped_example_as_json() {
    let r = run(mentor().args(statement_args(&["--period", "2026-01", "--json"])));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let st: Value = serde_json::from_str(&r.stdout).unwrap();
    let lines = st["lines"].as_array().unwrap();
    let ids: Vec<&str> = lines.iter().map(|l| l["session_id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "s-0099", "s-0101", "s-0102", "s-0103", "s-0104", "s-0105", "s-0106", "s-0107"
        ]
    );
    assert_eq!(lines[0]["date"], "2026-01-01");
    assert_eq!(
        (lines[4]["terms_version"].as_u64(), lines[4]["amount"].as_str()),
        (Some(2), Some("38.00"))
    );
    assert_eq!(
        (lines[5]["share"].as_str(), lines[5]["amount"].as_str()),
        (Some("0.5"), Some("19.00"))
    );
    assert_eq!(
        st["subtotals"],
        json!([
            {"session_type": "defense", "sessions": 1, "amount": "50.00"},
            {"session_type": "mentoring", "sessions": 7, "amount": "200.00"},
        ])
    );
    assert_eq!(
        (
            st["total_excluding_vat"].as_str(),
            st["vat_amount"].as_str(),
            st["total"].as_str()
        ),
        (Some("250.00"), Some("0.00"), Some("250.00"))
    );
    assert_eq!(st["vat"]["treatment"], "franchise");
    assert_eq!(st["vat"]["mention"], "TVA non applicable, art. 293 B du CGI");
    let feb = run(mentor().args(statement_args(&["--period", "2026-02", "--json"])));
    let feb: Value = serde_json::from_str(&feb.stdout).unwrap();
    assert_eq!(feb["lines"][0]["session_id"], "s-0108");
    assert_eq!(feb["total"], "38.00");
}

#[test]
fn statement_for_people_has_the_lines_totals_and_mention_in_both_languages() {
    let en = run(mentor().args(statement_args(&["--period", "2026-01"])));
    assert_eq!(en.code, 0);
    for needle in [
        "s-0104",
        "v2",
        "Total excluding VAT",
        "250.00",
        "\"TVA non applicable, art. 293 B du CGI\"",
        "SIRET 732 829 320 00074",
    ] {
        assert!(en.stdout.contains(needle), "{needle}: {}", en.stdout);
    }
    assert!(!en.stdout.contains("s-0108") && !en.stdout.contains("stu-"));
    let fr = run(mentor().args(statement_args(&["--period", "2026-01", "--lang", "fr"])));
    assert_eq!(fr.code, 0);
    for needle in [
        "Relevé de facturation 2026-01",
        "annulée tardivement",
        "Total HT",
        "Mention à porter sur la facture",
    ] {
        assert!(fr.stdout.contains(needle), "{needle}: {}", fr.stdout);
    }
}

#[test]
fn check_invoice_of_the_shipped_examples() {
    let st = run(mentor().args(statement_args(&["--period", "2026-01", "--json"])));
    let statement = temp_file(&st.stdout);
    let check = |invoice: &str, extra: &[&str]| {
        let invoice = format!("{BILLING}/{invoice}");
        run(mentor()
            .args([
                "check-invoice",
                "--statement",
                path_str(statement.path()),
                "--invoice",
                &invoice,
            ])
            .args(extra))
    };
    let ok = check("invoice-matching.json", &["--json"]);
    assert_eq!(ok.code, 0, "{}{}", ok.stdout, ok.stderr);
    assert_eq!(
        serde_json::from_str::<Value>(&ok.stdout).unwrap(),
        json!({"invoice_number": "2026-007", "matches": true, "discrepancies": []})
    );
    let bad = check("invoice-not-matching.json", &["--json"]);
    assert_eq!(bad.code, 1);
    let report: Value = serde_json::from_str(&bad.stdout).unwrap();
    let codes: Vec<&str> = report["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "registration_number_mismatch",
            "amount_mismatch",
            "vat_charged",
            "total_mismatch",
            "missing_vat_mention"
        ]
    );
    assert_eq!(report["discrepancies"][1]["expected"], "250.00");
    let fr = check("invoice-not-matching.json", &["--lang", "fr"]);
    assert_eq!(fr.code, 1);
    assert!(
        fr.stdout.contains("5 écart(s)")
            && fr
                .stdout
                .contains("la facture applique de la TVA alors qu'aucune n'est due"),
        "{}",
        fr.stdout
    );
}

#[test]
fn statement_with_bad_sessions_reports_every_one_with_its_line_and_prints_no_statement() {
    let session = |id: &str, day: u32, session_type: &str, duration: i64| {
        json!({"session_id": id, "started_at": format!("2026-01-{day:02}T10:00:00Z"), "duration_minutes": duration,
               "session_type": session_type, "student_ref": "stu-1", "status": "completed"})
        .to_string()
    };
    // Unreadable records first: nothing is priced while one is there.
    let unreadable = temp_file(format!(
        "{}\nnot json\n{}\n",
        session("s-1", 5, "mentoring", -45),
        session("s-2", 6, "mentoring", 45)
    ));
    let r = run(mentor().args([
        "statement",
        "--contract",
        &format!("{BILLING}/contract.json"),
        "--sessions",
        path_str(unreadable.path()),
        "--period",
        "2026-01",
        "--json",
    ]));
    assert_eq!(r.code, 1);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        (lines[0]["line"].as_u64(), lines[0]["errors"][0]["code"].as_str()),
        (Some(1), Some("out_of_range"))
    );
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[1]["errors"][0]["code"].as_str()),
        (Some(2), Some("invalid_json"))
    );
    assert!(r.stderr.contains("no statement"), "{}", r.stderr);
    // Sessions that read but cannot be billed: a type without a rate, a repeated id.
    let unbillable = temp_file(format!(
        "{}\n\n{}\n{}\n",
        session("s-1", 5, "mentoring", 45),
        session("s-2", 6, "workshop", 45),
        session("s-1", 7, "mentoring", 45)
    ));
    let r = run(mentor().args([
        "statement",
        "--contract",
        &format!("{BILLING}/contract.json"),
        "--sessions",
        path_str(unbillable.path()),
        "--period",
        "2026-01",
        "--lang",
        "fr",
    ]));
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(
        r.stderr.contains("ligne 3") && r.stderr.contains("unknown_session_type"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("ligne 4") && r.stderr.contains("vue d'abord à la ligne 1"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("aucun relevé n'est établi"), "{}", r.stderr);
}

#[test]
fn statement_usage_errors_exit_2() {
    let r = run(mentor().args(statement_args(&["--period", "2026-13", "--lang", "fr"])));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("période de facturation"), "{}", r.stderr);
    let r = run(mentor().args([
        "statement",
        "--contract",
        "/nonexistent/contract.json",
        "--sessions",
        "-",
        "--period",
        "2026-01",
    ]));
    assert_eq!(r.code, 2);
    let bad_contract = temp_file(r#"{"contract_id": "c-1", "versions": []}"#);
    let r = run(mentor().args([
        "statement",
        "--contract",
        path_str(bad_contract.path()),
        "--sessions",
        &format!("{BILLING}/sessions.jsonl"),
        "--period",
        "2026-01",
        "--json",
    ]));
    assert_eq!(r.code, 1);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let paths: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["invoicing_party", "versions"]);
}

#[test]
fn check_invoice_of_unreadable_files() {
    let st = run(mentor().args(statement_args(&["--period", "2026-01", "--json"])));
    let statement = temp_file(&st.stdout);
    let invoice = temp_file(r#"{"invoice_number": "F-1", "period": "2026-13"}"#);
    let r = run(mentor().args([
        "check-invoice",
        "--statement",
        path_str(statement.path()),
        "--invoice",
        path_str(invoice.path()),
        "--json",
    ]));
    assert_eq!(r.code, 1);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["path"] == "period" && e["code"] == "invalid_period")
    );
    // A statement edited by hand is not a reference any more.
    let edited = temp_file(st.stdout.replace("\"total\":\"250.00\"", "\"total\":\"25.00\""));
    let r = run(mentor().args([
        "check-invoice",
        "--statement",
        path_str(edited.path()),
        "--invoice",
        &format!("{BILLING}/invoice-matching.json"),
    ]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("inconsistent_amount"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// A key given twice in one object: refused with `duplicate_key` at its path by every command
// that reads JSON, never "the last one wins" (issue 14).

/// `(line, path, code)` of the first error of each reported line.
fn first_errors(stdout: &str) -> Vec<(u64, String, String)> {
    json_lines(stdout)
        .iter()
        .filter(|l| l["errors"].as_array().is_some_and(|e| !e.is_empty()))
        .map(|l| {
            (
                l["line"].as_u64().unwrap(),
                l["errors"][0]["path"].as_str().unwrap().to_owned(),
                l["errors"][0]["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_command_refuses_a_repeated_key_at_its_path() {
    // triage: the form with `country` twice is invalid, the other is still ranked.
    let twice =
        form("A-1")
            .to_string()
            .replacen("\"country\":\"GB\"", "\"country\":\"GB\",\"country\":\"DE\"", 1);
    assert!(twice.contains("\"country\":\"DE\""), "{twice}");
    let batch = temp_file(format!("{twice}\n{}\n", form("A-2")));
    let r = run(mentor().args(["triage", path_str(batch.path()), "--now", NOW, "--json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        first_errors(&r.stdout),
        [(1, "applicant.country".to_owned(), "duplicate_key".to_owned())]
    );
    assert!(
        json_lines(&r.stdout)
            .iter()
            .any(|l| l["reference"] == "A-2" && l["status"] == "ranked")
    );
    // The same in a JSON array: the element is invalid, the others are read.
    let array = temp_file(format!("[{twice}, {}]", form("A-2")));
    let r = run(mentor().args(["triage", path_str(array.path()), "--now", NOW, "--json"]));
    assert_eq!(
        first_errors(&r.stdout),
        [(1, "applicant.country".to_owned(), "duplicate_key".to_owned())]
    );
    assert_eq!(json_lines(&r.stdout).len(), 2);

    // eligibility
    let situation = temp_file(r#"{"country": "FR", "status": "student", "status": "freelancer"}"#);
    let r = run(mentor().args(["eligibility", path_str(situation.path()), "--json"]));
    assert_eq!(r.code, 1);
    let out: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        (&out["errors"][0]["path"], &out["errors"][0]["code"]),
        (&json!("status"), &json!("duplicate_key"))
    );
    let r = run(mentor().args(["eligibility", path_str(situation.path()), "--lang", "fr"]));
    assert!(r.stderr.contains("deux fois"), "{}", r.stderr);

    // replay
    let log = temp_file(
        "{\"type\": \"submitted\", \"at\": \"2026-11-02T08:15:00Z\", \"at\": \"2026-11-03T08:15:00Z\", \"actor\": \"candidate\", \"offer_id\": \"o\"}\n",
    );
    let r = run(mentor().args(["replay", "application", path_str(log.path()), "--json"]));
    assert_eq!(r.code, 1);
    assert_eq!(
        first_errors(&r.stdout),
        [(1, "at".to_owned(), "duplicate_key".to_owned())]
    );

    // statement: a session, then the contract.
    let session = r#"{"session_id": "s-1", "started_at": "2026-01-05T10:00:00Z", "duration_minutes": 45, "duration_minutes": 60, "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"}"#;
    let sessions = temp_file(format!("{session}\n"));
    let r = run(mentor().args([
        "statement",
        "--contract",
        &format!("{BILLING}/contract.json"),
        "--sessions",
        path_str(sessions.path()),
        "--period",
        "2026-01",
        "--json",
    ]));
    assert_eq!(r.code, 1);
    assert_eq!(
        first_errors(&r.stdout),
        [(1, "duration_minutes".to_owned(), "duplicate_key".to_owned())]
    );
    let contract_text = std::fs::read_to_string(workspace().join(BILLING).join("contract.json")).unwrap();
    let contract = temp_file(contract_text.replacen('{', "{\"contract_id\": \"c-0\",", 1));
    let r = run(mentor().args([
        "statement",
        "--contract",
        path_str(contract.path()),
        "--sessions",
        &format!("{BILLING}/sessions.jsonl"),
        "--period",
        "2026-01",
        "--json",
    ]));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("duplicate_key") && r.stdout.contains("contract_id"),
        "{}",
        r.stdout
    );

    // policy (JSON): a subject's demand given twice.
    let policy = temp_file(r#"{"demand": {"python": "urgent", "python": "closed"}}"#);
    let r = run(mentor().args([
        "triage",
        path_str(batch.path()),
        "--policy",
        path_str(policy.path()),
    ]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("demand.python"), "{}", r.stderr);
}

/// The text report speaks to the operator (issue 16): actions said of the applicant, country
/// names not codes, and why a form is on hold; never the applicant's "you".
#[test]
fn the_triage_report_speaks_to_the_operator() {
    let args = [
        "triage",
        "docs/examples/applications.jsonl",
        "--policy",
        "docs/examples/policy.toml",
        "--now",
        NOW,
    ];
    let en = run(mentor().args(args)).stdout;
    assert!(
        en.contains("to do: must set up a small business (United States) (register_business, WS-3)"),
        "{en}"
    );
    assert!(en.contains("EX-08:\n  on hold: every subject of the form is closed to new mentors by the policy: ux_design (subject_closed, POL-1)"), "{en}");
    let fr = run(mentor().args(args).args(["--lang", "fr"])).stdout;
    assert!(
        fr.contains("à faire: doit créer une petite entreprise (États-Unis) (register_business, WS-3)"),
        "{fr}"
    );
    for (report, you) in [(&en, [" you ", " your "]), (&fr, [" vous ", " votre "])] {
        for word in you {
            assert!(!report.contains(word), "{word:?} in {report}");
        }
    }
}

/// A situation that does not parse is said as every other failure: `mentor: error:`, the
/// file's name, then one line per problem (issue 16).
#[test]
fn eligibility_errors_say_mentor_and_the_file() {
    let file = temp_file(r#"{"country": "FR", "status": "pirate"}"#);
    let r = run(mentor().args(["eligibility", path_str(file.path()), "--lang", "fr"]));
    assert_eq!(r.code, 1);
    let mut lines = r.stderr.lines();
    assert_eq!(
        lines.next(),
        Some(
            format!(
                "mentor: erreur: `{}` n'est pas une situation de travail :",
                path_str(file.path())
            )
            .as_str()
        )
    );
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("  - status [invalid_enum] cette valeur")),
        "{}",
        r.stderr
    );
    let r = run(mentor().args(["eligibility", "-"]).write_stdin("{}"));
    assert!(
        r.stderr
            .starts_with("mentor: error: `<stdin>` is not a working situation:\n  - "),
        "{}",
        r.stderr
    );
}

/// `--now` before 2000 is refused (issue 16): it would make every form "submitted after now".
#[test]
fn now_before_2000_is_refused() {
    let file = temp_file(format!("{}\n", form("A-1")));
    let r = run(mentor().args(["triage", path_str(file.path()), "--now", "0000-01-01T00:00:00Z"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("before 2000-01-01"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn a_byte_order_mark_is_skipped_in_every_file() {
    let situation = "{\"country\": \"FR\", \"status\": \"freelancer\", \"business\": {\"registration_number\": \"732 829 320 00074\"}}";
    let plain = temp_file(situation);
    let marked = temp_file(format!("\u{feff}{situation}"));
    let with = |file: &tempfile::NamedTempFile| {
        run(mentor()
            .args(["eligibility", path_str(file.path()), "--json"])
            .env_remove("LANG"))
    };
    let (a, b) = (with(&plain), with(&marked));
    assert_eq!((a.code, &a.stdout), (0, &b.stdout), "{}", b.stderr);
    assert!(a.stdout.contains("\"eligible\""), "{}", a.stdout);

    // A JSON policy with a mark is still JSON: it excludes the form's country (GB), so the
    // form is ineligible (read as TOML, it would be a policy error, exit 2).
    let policy = temp_file("\u{feff}{\"excluded_countries\": [\"GB\"]}");
    let forms = temp_file(format!("{}\n", form("A-1")));
    let out = run(mentor().args([
        "triage",
        path_str(forms.path()),
        "--policy",
        path_str(policy.path()),
        "--now",
        NOW,
        "--json",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        json_lines(&out.stdout)[0]["status"],
        "ineligible",
        "{}",
        out.stdout
    );
}

/// The command line's own errors are said as every other failure, `mentor: error: …` (status
/// 2), and in French with `--lang fr`, whichever argument is wrong; help and version are
/// still clap's, with status 0.
#[test]
fn argument_errors_are_said_in_the_chosen_language() {
    let refused = |args: &[&str]| {
        let r = run(mentor().args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}");
        r.stderr
    };
    let en = refused(&["triage", "f.jsonl", "--jobs", "x"]);
    assert!(
        en.starts_with("mentor: error: invalid value 'x' for '--jobs <N>': expected a whole number of threads from 0 to 256"),
        "{en}"
    );
    for (args, start) in [
        (
            &["triage", "f.jsonl", "--jobs", "+2", "--lang", "fr"][..],
            "mentor: erreur: valeur invalide pour `--jobs <N>` : nombre entier de fils d'exécution de 0 à 256 attendu",
        ),
        (
            &["triage", "f.jsonl", "--lang=fr", "--jobs", "257"],
            "mentor: erreur: valeur invalide pour `--jobs <N>`",
        ),
        (
            &[
                "triage",
                "f.jsonl",
                "--now",
                "1999-12-31T23:00:00Z",
                "--lang",
                "fr",
            ],
            "mentor: erreur: valeur invalide pour `--now <NOW>` : `1999-12-31T23:00:00Z` est avant le 2000-01-01",
        ),
        (
            &["triage", "f.jsonl", "--jsn", "--lang", "fr"],
            "mentor: erreur: argument inattendu `--jsn`\n\n  conseil : vouliez-vous dire `--json` ?",
        ),
        (
            &["triage", "--lang", "fr"],
            "mentor: erreur: argument obligatoire absent : `<FILE>`",
        ),
        (
            &["triag", "f.jsonl", "--lang", "fr"],
            "mentor: erreur: commande inconnue `triag`",
        ),
        (
            &["webhook", "acme", "--body", "b.json", "--lang", "fr"],
            "mentor: erreur: valeur invalide pour `<PROVIDER>` : fournisseur inconnu `acme`",
        ),
    ] {
        let fr = refused(args);
        assert!(fr.starts_with(start), "{args:?}:\n{fr}");
        assert!(
            fr.trim_end()
                .ends_with("Pour en savoir plus, essayez « --help »."),
            "{fr}"
        );
        assert!(!fr.contains("error:") && !fr.contains("For more"), "{fr}");
    }
    // Still accepted: every whole number of threads from 0 to 256 (the file is what fails).
    let r = run(mentor().args(["triage", "/nonexistent/f.jsonl", "--jobs", "256"]));
    assert!(r.stderr.starts_with("mentor: error: cannot read"), "{}", r.stderr);
    let help = run(mentor().args(["triage", "--help", "--lang", "fr"]));
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("--jobs <N>"));
    let version = run(mentor().arg("--version"));
    assert_eq!(
        (version.code, version.stdout.trim()),
        (0, concat!("mentor ", env!("CARGO_PKG_VERSION")))
    );
}
