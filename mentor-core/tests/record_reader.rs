//! The streaming reader of record files (`wire::RecordReader`, issue 15) hands over the same
//! records, with the same lines and errors, as the whole-file readers, whatever the chunks the
//! bytes arrive in: JSON Lines, arrays over one or several lines, one object over several
//! lines, blank lines, byte-order marks, carriage returns, bytes that are not UTF-8.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use mentor_core::wire::{NotText, Record, RecordReader, read_forms_bytes, read_records_bytes};
use proptest::prelude::*;

fn streamed(reader: RecordReader, bytes: &[u8], chunk: usize) -> Result<Vec<Record>, NotText> {
    let mut reader = reader;
    let mut out = Vec::new();
    for piece in bytes.chunks(chunk.max(1)) {
        reader.feed(piece, &mut |r| out.push(r))?;
    }
    reader.finish(&mut |r| out.push(r));
    Ok(out)
}

fn same_as_whole(bytes: &[u8], chunk: usize) {
    assert_eq!(
        streamed(RecordReader::forms(), bytes, chunk).unwrap(),
        read_forms_bytes(bytes),
        "forms, chunks of {chunk}: {:?}",
        String::from_utf8_lossy(bytes)
    );
    assert_eq!(
        streamed(RecordReader::records(), bytes, chunk).unwrap(),
        read_records_bytes(bytes),
        "records, chunks of {chunk}: {:?}",
        String::from_utf8_lossy(bytes)
    );
}

/// Files whose layout each decision of the reader depends on, checked in chunks of every size
/// from one byte to the whole file.
#[test]
fn every_layout_reads_as_the_whole_file_reads() {
    let files: &[&[u8]] = &[
        b"",
        b"\n\n  \n",
        b"{\"a\": 1}\n{\"a\": 2}\n",
        b"{\"a\": 1}\n{\"a\": 2}",
        b"{\"a\": 1}\r\n\r\n{\"a\": 2}\r\n",
        b"\xef\xbb\xbf{\"a\": 1}\n{\"a\": 2}\n",
        b"\xef\xbb\xbf\n{\"a\": 1}\n",
        b"[1, 2]\n{\"a\": 1}\n",
        b"[1, 2]\n",
        b"[1, 2]",
        b"[\n  {\"a\": 1},\n  {\"a\": 2}\n]\n",
        b"  [ {\"a\": 1}, {\"a\": 2} ]  \n\n",
        b"[{\"a\": 1},\n{\"a\": 2}]",
        b"[\n1,\n2\n",
        b"[1, 2\n",
        b"[1,, 2]\n{\"a\": 1}\n",
        b"{\n  \"a\": 1\n}\n",
        b"{\n  \"a\": 1\n}\n{\"b\": 2}\n",
        b"{\"a\": 1\n",
        b"not json\n{\"a\": 1}\n",
        b"{\"a\": \"Ren\xe9e\"}\n{\"a\": 1}\n",
        b"\xff\n[1]\n",
        b"[\"\xff\", 2]\n",
        b"[\n\"\xff\",\n2]\n",
        b"{\"a\": 1, \"a\": 2}\n{\"a\": 1}\n",
        b"\"only a string\"",
        b"\xe3\x80\x80\n[1, 2]\n",
        b"{\"a\": 1}\r",
    ];
    for bytes in files {
        for chunk in 1..=bytes.len().max(1) {
            same_as_whole(bytes, chunk);
        }
    }
}

#[test]
fn a_nul_byte_stops_the_reading() {
    let mut reader = RecordReader::forms();
    let mut seen = Vec::new();
    reader
        .feed(b"{\"a\": 1}\n", &mut |r| seen.push(r.line()))
        .unwrap();
    assert_eq!(
        reader.feed(b"{\0\"\0", &mut |r| seen.push(r.line())),
        Err(NotText)
    );
    assert_eq!(seen, [1]);
}

/// A line is handed over as soon as it ends, and only the unended line is held: the reader
/// never holds more than one record of a JSON Lines file.
#[test]
fn json_lines_are_handed_over_as_they_end() {
    let mut reader = RecordReader::forms();
    let mut seen = Vec::new();
    for i in 1..=10_000 {
        reader
            .feed(format!("{{\"n\": {i}}}\n").as_bytes(), &mut |r| {
                seen.push(r.line())
            })
            .unwrap();
        assert_eq!(seen.len(), i);
    }
    reader.finish(&mut |r| seen.push(r.line()));
    assert_eq!(seen.len(), 10_000);
}

fn piece() -> impl Strategy<Value = &'static [u8]> {
    prop::sample::select(vec![
        &b"{\"a\": 1}"[..],
        b"[1, 2]",
        b"[",
        b"]",
        b"{",
        b"}",
        b",",
        b"\"a\": 1",
        b"{\"a\": 1},",
        b"not json",
        b"\"x\"",
        b"",
        b"  ",
        b"\r",
        b"\xff",
        b"\xef\xbb\xbf",
        b"\xe3\x80\x80",
        b"[{\"a\": [1,",
        b"2]}]",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Lines made of pieces that open, close and break values, cut into chunks of any size.
    #[test]
    fn any_file_reads_as_the_whole_file_reads(
        lines in prop::collection::vec(prop::collection::vec(piece(), 0..4), 0..6),
        final_newline in any::<bool>(),
        chunk in 1usize..12,
    ) {
        let mut bytes = lines.iter().map(|l| l.concat()).collect::<Vec<_>>().join(&b'\n');
        if final_newline {
            bytes.push(b'\n');
        }
        same_as_whole(&bytes, chunk);
    }
}
