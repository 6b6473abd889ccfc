//! The streaming reader of batches (`RecordReader`): fed the file in any chunking (the first
//! input byte chooses it), it hands over exactly the records that reading the whole file gives
//! (`read_forms_bytes`, `read_records_bytes`), or stops on a NUL byte (`NotText`) exactly when
//! the whole file is binary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::triage::{Record, read_forms_bytes, read_records_bytes};
use mentor_core::wire::{RecordReader, is_binary};

fn stream(mut reader: RecordReader, file: &[u8], seed: u8) -> Option<Vec<Record>> {
    let mut records = Vec::new();
    let mut chunks = mentor_fuzz::Chunks::new(seed);
    let mut rest = file;
    while !rest.is_empty() {
        let (chunk, after) = rest.split_at(chunks.next_size().min(rest.len()));
        reader.feed(chunk, &mut |r| records.push(r)).ok()?;
        rest = after;
    }
    reader.finish(&mut |r| records.push(r));
    Some(records)
}

fuzz_target!(|data: &[u8]| {
    let Some((&seed, file)) = data.split_first() else {
        return;
    };
    let forms = stream(RecordReader::forms(), file, seed);
    let values = stream(RecordReader::records(), file, seed);
    if is_binary(file) {
        assert!(
            forms.is_none() && values.is_none(),
            "a NUL byte did not stop the reader"
        );
        return;
    }
    assert_eq!(
        forms,
        Some(read_forms_bytes(file)),
        "streamed forms differ from the whole file's"
    );
    assert_eq!(
        values,
        Some(read_records_bytes(file)),
        "streamed records differ from the whole file's"
    );
});
