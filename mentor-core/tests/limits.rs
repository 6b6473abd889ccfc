//! Size limits (issue 19): a document longer than `wire::MAX_DOCUMENT_BYTES` (a form, a
//! situation, a policy, one record of a batch, a webhook body) is `too_long` at its root,
//! told from its length before it is parsed, and every reader agrees on it; the rest of a
//! batch is still read. Memory stays bounded: this test binary counts every allocation
//! (`peak_alloc`, a counting global allocator), and the peak while a 100 MB line streams through
//! `RecordReader`, or while a 100 MB webhook body is refused, is checked against the limit.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use mentor_core::Lang;
use mentor_core::application::validate_str;
use mentor_core::esign::{Delivery, Provider, Secret, WebhookError, verify};
use mentor_core::policy::Policy;
use mentor_core::situation::WorkingSituation;
use mentor_core::wire::{
    MAX_DOCUMENT_BYTES, Record, RecordReader, parse_value, parse_value_bytes, read_forms, read_forms_bytes,
    read_records, read_records_bytes,
};
use peak_alloc::PeakAlloc;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// The counters are global: the tests of this file take turns, so that none counts another's
/// allocations.
static TURN: Mutex<()> = Mutex::new(());

fn turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The most bytes allocated at once while `f` runs, above what was allocated when it started.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let start = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let out = f();
    (out, ALLOCATOR.peak_usage().saturating_sub(start))
}

const MIB: usize = 1 << 20;

fn is_too_long(record: &Record, line: usize) -> bool {
    matches!(record, Record::Unreadable { line: l, error } if *l == line && error.code.as_str() == "too_long" && error.path.is_empty())
}

/// Every reader of a file of records: the four whole-file readers and the streaming reader in
/// chunks of `chunk` bytes.
fn every_reading(bytes: &[u8], chunk: usize) -> Vec<Vec<Record>> {
    let mut all = vec![read_forms_bytes(bytes), read_records_bytes(bytes)];
    if let Ok(text) = std::str::from_utf8(bytes) {
        all.push(read_forms(text));
        all.push(read_records(text));
    }
    for reader in [RecordReader::forms(), RecordReader::records()] {
        let mut reader = reader;
        let mut out = Vec::new();
        for piece in bytes.chunks(chunk) {
            reader.feed(piece, &mut |r| out.push(r)).unwrap();
        }
        reader.finish(&mut |r| out.push(r));
        all.push(out);
    }
    all
}

#[test]
fn the_limit_is_one_mebibyte() {
    assert_eq!(MAX_DOCUMENT_BYTES, 1_048_576);
}

#[test]
fn a_line_past_the_limit_is_too_long_and_the_others_are_read() {
    let _turn = turn();
    // A JSON string of exactly the limit is read (it is then a form of the wrong type); one
    // byte more is `too_long`. A line's carriage return is its ending, not its text.
    let at_limit = format!("\"{}\"", "a".repeat(MAX_DOCUMENT_BYTES - 2));
    let past_limit = format!("\"{}\"", "a".repeat(MAX_DOCUMENT_BYTES - 1));
    let blanks = " ".repeat(MAX_DOCUMENT_BYTES + 1);
    let file = format!("{{}}\n{at_limit}\r\n{past_limit}\n\n{blanks}\n{{\"a\": 1}}\r\n{past_limit}");
    for chunk in [1 << 16, 4096, 1_000_003, file.len()] {
        for records in every_reading(file.as_bytes(), chunk) {
            let lines: Vec<usize> = records.iter().map(Record::line).collect();
            assert_eq!(lines, [1, 2, 3, 5, 6, 7], "chunks of {chunk}");
            assert!(!is_too_long(&records[0], 1) && !is_too_long(&records[1], 2));
            assert!(
                is_too_long(&records[2], 3),
                "chunks of {chunk}: {:?}",
                records[2].line()
            );
            assert!(is_too_long(&records[3], 5), "a line of blanks past the limit");
            assert!(!is_too_long(&records[4], 6));
            assert!(
                is_too_long(&records[5], 7),
                "the last line, without a line ending"
            );
        }
    }
}

#[test]
fn an_array_element_past_the_limit_is_too_long_and_the_others_are_read() {
    let _turn = turn();
    let big = format!("{{\"motivation\": \"{}\"}}", "b".repeat(MAX_DOCUMENT_BYTES));
    let file = format!("[{{\"a\": 1}},\n {big},\n {{\"a\": 2}}]");
    for records in every_reading(file.as_bytes(), 1 << 16) {
        assert_eq!(records.len(), 3);
        assert!(!is_too_long(&records[0], 1));
        assert!(is_too_long(&records[1], 2));
        assert!(!is_too_long(&records[2], 3));
    }
}

#[test]
fn single_documents_past_the_limit_are_too_long_before_parsing() {
    let _turn = turn();
    // Not even JSON: the length alone decides.
    let junk = "x".repeat(MAX_DOCUMENT_BYTES + 1);
    for e in [
        parse_value(&junk).unwrap_err(),
        parse_value_bytes(junk.as_bytes()).unwrap_err(),
    ] {
        assert_eq!((e.path.as_str(), e.code.as_str()), ("", "too_long"));
        assert_eq!(
            e.message(Lang::En),
            "this value is too long: at most 1048576 bytes"
        );
        assert_eq!(
            e.message(Lang::Fr),
            "cette valeur est trop longue : 1048576 octets au plus"
        );
    }
    let form = validate_str(&junk, &Policy::default()).result.unwrap_err();
    assert_eq!((form[0].path.as_str(), form[0].code.as_str()), ("", "too_long"));
    let situation = WorkingSituation::from_json_str(&junk).unwrap_err();
    assert_eq!(situation.errors[0].code.as_str(), "too_long");
    let toml = format!("# {junk}\n");
    for policy in [
        Policy::from_toml(&toml),
        Policy::from_json(&junk),
        Policy::from_text(&toml),
    ] {
        let e = policy.unwrap_err();
        assert_eq!(e.problems()[0].error().code.as_str(), "too_long");
    }
}

fn now() -> DateTime<Utc> {
    "2026-11-20T10:00:00Z".parse().unwrap()
}

#[test]
fn a_100_mb_webhook_body_is_refused_without_reading_it() {
    let _turn = turn();
    let body = vec![b'{'; 100 * MIB];
    let headers = [("X-Documenso-Secret", "s3cret")];
    let delivery = Delivery {
        headers: &headers,
        body: &body,
    };
    for (_, provider) in Provider::ALL {
        let (refused, peak) = peak_during(|| verify(*provider, &delivery, &Secret::new("s3cret"), now()));
        let Err(WebhookError::Malformed(e)) = refused else {
            panic!("{provider:?}: a 100 MB body must be refused as too long");
        };
        assert_eq!(
            (e.errors[0].path.as_str(), e.errors[0].code.as_str()),
            ("", "too_long")
        );
        assert!(
            peak < 64 * 1024,
            "{provider:?}: {peak} bytes allocated to refuse the body"
        );
    }
}

#[test]
fn a_100_mb_line_streams_through_in_bounded_memory() {
    let _turn = turn();
    let chunk = vec![b'7'; 1 << 16];
    let (records, peak) = peak_during(|| {
        let mut reader = RecordReader::forms();
        let mut records = Vec::new();
        reader.feed(b"{\"a\": 1}\n[", &mut |r| records.push(r)).unwrap();
        for _ in 0..(100 * MIB / chunk.len()) {
            reader.feed(&chunk, &mut |r| records.push(r)).unwrap();
        }
        reader.feed(b"]\n{\"a\": 2}\n", &mut |r| records.push(r)).unwrap();
        reader.finish(&mut |r| records.push(r));
        records
    });
    assert_eq!(records.len(), 3);
    assert!(is_too_long(&records[1], 2));
    // The line held up to the limit and the chunk that took it past: a `Vec` doubles its
    // capacity as it grows, so 2 MiB, and 1 MiB more while the old buffer moves to the new
    // one. Never the 100 MB.
    assert!(peak <= 3 * MIB + 64 * 1024, "{peak} bytes at the peak");
}

#[test]
fn a_million_element_array_costs_a_bounded_amount_per_element() {
    let _turn = turn();
    let elements = 1_000_000;
    let mut file = String::with_capacity(elements * 3 + 2);
    file.push('[');
    for i in 0..elements {
        file.push_str(if i == 0 { "{}" } else { ",{}" });
    }
    file.push(']');
    let (records, peak) = peak_during(|| read_forms_bytes(file.as_bytes()));
    assert_eq!(records.len(), elements);
    // Each element is one `Record` (the vector sized once) and its text, `{}`: no JSON tree,
    // nothing else that grows with the file's length. (Before the vector was sized once, its
    // growth took the peak to 126 bytes per element.)
    let per_element = std::mem::size_of::<Record>() + "{}".len();
    assert!(
        peak <= elements * per_element,
        "{peak} bytes at the peak for {elements} elements ({} per element)",
        peak / elements
    );
}
