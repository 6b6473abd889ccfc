//! A file of billing sessions (`docs/billing.md`), as `mentor statement --sessions` reads it:
//! records from bytes, each a session; the sessions read are billed under the example contract
//! for January 2026 and for the month of the first session, typed and on the wire (the same
//! statement); sessions and statements read back from their own wire forms.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::billing::{BillingPeriod, Session};
use mentor_core::lifecycle::read_each;
use mentor_core::policy::BillingPolicy;
use mentor_core::triage::read_records_bytes;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let records = read_records_bytes(data);
    let Ok(sessions) = read_each(&records, Session::from_json) else {
        return;
    };
    for session in &sessions {
        let back = Session::from_json(&session.to_json()).expect("a session's wire form reads back");
        assert_eq!(&back, session, "a session changed through its wire form");
    }
    let wire = Value::Array(
        records
            .iter()
            .map(|r| r.value().expect("a session read from it").into_owned())
            .collect(),
    );
    let (value, contract) = mentor_fuzz::billing::contract();
    let mut periods = vec![mentor_fuzz::billing::january()];
    if let Some(first) = sessions.first() {
        periods.push(BillingPeriod::of(
            first.started_at(),
            BillingPolicy::default().time_zone.tz(),
        ));
    }
    for period in periods {
        mentor_fuzz::billing::bill((&value, &contract), &sessions, &wire, period);
    }
});
