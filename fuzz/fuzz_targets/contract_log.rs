//! A contract's event log (`docs/lifecycles.md`), as `mentor replay contract` reads it: records
//! from bytes, each an event; every event's wire form reads back as itself, and the log
//! replays.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::contract::{Contract, ContractChange};
use mentor_core::lifecycle::read_log;
use mentor_core::triage::read_records_bytes;

fuzz_target!(|data: &[u8]| {
    let records = read_records_bytes(data);
    match read_log::<ContractChange>(&records) {
        Ok(events) => mentor_fuzz::check_log::<Contract>(&events),
        Err(bad) => assert!(bad.iter().all(|b| !b.errors.is_empty())),
    }
});
