//! A batch of forms (`docs/triage.md`): a JSON array or JSON Lines, and the detection between
//! them. The records kept as text (`read_forms`, what triage reads) and read into values
//! (`read_records`) are cut the same way, from text and from bytes; triaging either gives the
//! same report, and so does the streaming queue (`Triage::push`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::triage::{
    Record, Triage, read_forms, read_forms_bytes, read_records, read_records_bytes, triage,
};
use mentor_core::{Lang, Localized};

fn lines(records: &[Record]) -> Vec<usize> {
    records.iter().map(Record::line).collect()
}

fuzz_target!(|data: &[u8]| {
    let (forms, values) = match std::str::from_utf8(data) {
        Ok(text) => {
            let forms = read_forms(text);
            let values = read_records(text);
            assert_eq!(
                read_forms_bytes(data),
                forms,
                "text and bytes are cut differently"
            );
            assert_eq!(
                read_records_bytes(data),
                values,
                "text and bytes are cut differently"
            );
            (forms, values)
        }
        Err(_) => (read_forms_bytes(data), read_records_bytes(data)),
    };
    assert_eq!(
        lines(&forms),
        lines(&values),
        "forms and values are cut differently"
    );
    assert!(lines(&forms).windows(2).all(|w| w[0] < w[1]), "lines go forward");
    let now = mentor_fuzz::now();
    for policy in mentor_fuzz::policies() {
        let report = triage(&forms, policy, now);
        assert_eq!(
            report,
            triage(&values, policy, now),
            "text and value records triage differently"
        );
        let mut queue = Triage::new(policy, now);
        for record in &forms {
            queue.push(record);
        }
        assert_eq!(queue.finish(), report, "the streaming queue differs from triage");
        for entry in &report {
            let _ = entry.to_json(Lang::Fr);
        }
    }
});
