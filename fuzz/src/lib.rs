//! What the fuzz targets share: the policies and the instant they run under, the example
//! documents some of them combine fuzzed input with, and the webhook harness (one target per
//! provider). See `fuzz/README.md`.
//!
//! A target fails (and libFuzzer keeps the input) on a panic: the library's own (it must never
//! panic, whatever it reads), or an `assert!` of a property two readers must share.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "fuzz harness"
)]

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use mentor_core::Localized;
use mentor_core::lifecycle::{Event, Replay};
use mentor_core::policy::Policy;

pub mod webhook;

/// The example policy of the documentation (`docs/examples/policy.toml`): offers, demand,
/// excluded countries, so that `unknown_offer`, holds and exclusions are reachable.
const EXAMPLE_POLICY: &str = include_str!("../../docs/examples/policy.toml");

/// The policies a form is read under: the default one and the documentation's example.
pub fn policies() -> &'static [Policy; 2] {
    static POLICIES: OnceLock<[Policy; 2]> = OnceLock::new();
    POLICIES.get_or_init(|| {
        [
            Policy::default(),
            Policy::from_toml(EXAMPLE_POLICY).expect("the example policy loads"),
        ]
    })
}

/// The instant every target runs at (the examples' November 2026).
pub fn now() -> DateTime<Utc> {
    "2026-11-20T10:16:00Z".parse().expect("an RFC 3339 instant")
}

/// The example billing contract (`docs/examples/billing/contract.json`).
pub const EXAMPLE_CONTRACT: &str = include_str!("../../docs/examples/billing/contract.json");
/// The example month of sessions (`docs/examples/billing/sessions.jsonl`).
pub const EXAMPLE_SESSIONS: &str = include_str!("../../docs/examples/billing/sessions.jsonl");
/// The example invoice that matches the example statement.
pub const EXAMPLE_INVOICE: &str = include_str!("../../docs/examples/billing/invoice-matching.json");

/// An event log's events written back to their wire form must read back as the same events,
/// and the replay's wire answer must be writable in both languages.
pub fn check_log<A: mentor_core::lifecycle::Aggregate>(events: &[Event<A::Change>])
where
    A::Change: PartialEq + std::fmt::Debug + Clone,
{
    for event in events {
        let wire = event.to_json();
        let back = Event::<A::Change>::from_json(&wire)
            .unwrap_or_else(|e| panic!("an event's own wire form does not read back: {e:?}"));
        assert_eq!(&back, event, "an event changed through its wire form");
        assert_eq!(back.to_json(), wire, "an event's wire form is not stable");
    }
    let replay = Replay::<A>::run(events);
    assert!(replay.history.len() <= events.len());
    for lang in [mentor_core::Lang::En, mentor_core::Lang::Fr] {
        let _ = replay.to_json(lang);
    }
}

/// Simple deterministic chunk sizes for the streaming targets, from a seed byte: 0 feeds one
/// byte at a time; otherwise sizes from 1 to `seed` (and now and then a large one).
pub struct Chunks {
    state: u32,
    max: usize,
}

impl Chunks {
    /// Chunk sizes drawn from `seed`.
    pub fn new(seed: u8) -> Chunks {
        Chunks {
            state: u32::from(seed).wrapping_mul(2_654_435_761).wrapping_add(1),
            max: usize::from(seed),
        }
    }

    /// The next chunk's size, at least 1.
    pub fn next_size(&mut self) -> usize {
        if self.max == 0 {
            return 1;
        }
        self.state = self.state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let r = (self.state >> 8) as usize;
        if r.is_multiple_of(17) {
            4096
        } else {
            1 + r % self.max
        }
    }
}

pub mod billing {
    //! The billing pieces the billing targets share.

    use mentor_core::billing::{
        BillingContract, BillingPeriod, ReceivedInvoice, Session, Statement, check_invoice, statement,
        statement_json,
    };
    use mentor_core::lifecycle::read_each;
    use mentor_core::policy::BillingPolicy;
    use mentor_core::triage::read_records;
    use mentor_core::{Lang, Localized};
    use serde_json::Value;

    /// The example contract.
    pub fn contract() -> (Value, BillingContract) {
        let value: Value = serde_json::from_str(super::EXAMPLE_CONTRACT).unwrap();
        let contract = BillingContract::from_json(&value).unwrap();
        (value, contract)
    }

    /// The example sessions.
    pub fn sessions() -> Vec<Session> {
        read_each(&read_records(super::EXAMPLE_SESSIONS), Session::from_json).unwrap()
    }

    /// The example invoice.
    pub fn invoice() -> ReceivedInvoice {
        ReceivedInvoice::from_json(&serde_json::from_str(super::EXAMPLE_INVOICE).unwrap()).unwrap()
    }

    /// January 2026, the examples' month.
    pub fn january() -> BillingPeriod {
        BillingPeriod::parse("2026-01").unwrap()
    }

    /// A statement's wire form reads back as a statement with the same wire form, which an
    /// invoice can be checked against.
    pub fn check_statement(st: &Statement<'_>) {
        let wire = st.to_json(Lang::En);
        let back = Statement::from_json(&wire)
            .unwrap_or_else(|e| panic!("a statement's own wire form does not read back: {e:?}"));
        assert_eq!(
            back.to_json(Lang::En),
            wire,
            "a statement changed through its wire form"
        );
        let _ = st.to_json(Lang::Fr);
        let check = check_invoice(st, &invoice());
        let _ = check.to_json(Lang::Fr);
    }

    /// The statement of `sessions` under `contract` for `period`, typed and on the wire (the
    /// same answer), checked by [`check_statement`].
    pub fn bill(
        contract: (&Value, &BillingContract),
        sessions: &[Session],
        wire_sessions: &Value,
        period: BillingPeriod,
    ) {
        let policy = BillingPolicy::default();
        let typed = statement(contract.1, sessions, period, &policy);
        let text = period.to_string();
        let wire = statement_json(contract.0, wire_sessions, &text, &policy, Lang::En);
        match &typed {
            Ok(st) => {
                assert_eq!(
                    wire.as_ref().ok(),
                    Some(&st.to_json(Lang::En)),
                    "statement and statement_json differ"
                );
                check_statement(st);
            }
            Err(e) => {
                assert!(wire.is_err(), "statement_json made a statement statement refused");
                let _ = e.message(Lang::Fr);
            }
        }
    }
}
