//! Erasure of an event log's personal data (issue 19.4, `docs/lifecycles.md#personal-data`,
//! GDPR art. 17): `recruitment::erase` and `contract::erase`.
//!
//! Properties, on 1,000 generated logs of each lifecycle (random valid paths through the
//! transition tables, random time zones and registration numbers): no personal value of the
//! original log is left in the erased log's wire text; the erased log replays, event by event,
//! to the same state, the same allowed events and the same data once the personal fields are
//! set aside (the expected data is the original's with those fields replaced here, by the
//! test, from `docs/lifecycles.md#personal-data`); erasing twice is erasing once. Examples
//! with hand-written expected logs follow.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use mentor_core::contract::{
    self, Contract, ContractChange, ContractState, ContractingParty, SignerRole, SignerSetup, Terms,
};
use mentor_core::eligibility::Party;
use mentor_core::esign::Provider;
use mentor_core::interview::{Rating, Recommendation, Scorecard, Slot};
use mentor_core::lifecycle::{Actor, Aggregate, Event, Refusal, Vocabulary, read_log};
use mentor_core::recruitment::{self, Application, ApplicationChange};
use mentor_core::registration::{self, RegistrationNumber};
use mentor_core::triage::read_records;
use mentor_core::{CountryCode, Lang};
use proptest::prelude::*;
use serde_json::{Value, json};

fn t0() -> DateTime<Utc> {
    "2026-11-02T08:00:00Z".parse().unwrap()
}

/// The wire text of a log, as it is stored: JSON Lines.
fn wire_text<C: mentor_core::lifecycle::Change>(log: &[Event<C>]) -> String {
    log.iter().map(|e| format!("{}\n", e.to_json())).collect()
}

/// Every IANA zone chrono-tz knows.
fn zone(index: usize) -> chrono_tz::Tz {
    chrono_tz::TZ_VARIANTS[index % chrono_tz::TZ_VARIANTS.len()]
}

// ---- applications ----

fn card(seed: u8) -> Scorecard {
    let score = |k: u8| {
        let n = seed % 100 + k;
        if n % 5 == 0 {
            Rating::NoDecision
        } else {
            Rating::Score(n % 4 + 1)
        }
    };
    Scorecard {
        kindness: score(0),
        patience: score(1),
        humility: score(2),
        communication: score(3),
        subject_knowledge: score(4),
        recommendation: Recommendation::Yes,
    }
}

/// One change of each type (19), the slots in `tz` starting `minutes` after t0.
fn application_change(pick: usize, tz: chrono_tz::Tz, minutes: i64, seed: u8) -> ApplicationChange {
    use ApplicationChange as C;
    let slot = Slot {
        start: t0() + Duration::minutes(minutes) + Duration::days(3),
        time_zone: tz,
        duration_minutes: 30 + u16::from(seed % 60),
    };
    match pick % 19 {
        0 => C::Submitted {
            offer_id: format!("mentor-web-{seed}"),
        },
        1 => C::ReviewStarted,
        2 => C::PutOnHold,
        3 => C::Resumed,
        4 => C::InterviewScheduled { slot },
        5 => C::InterviewRescheduled { slot },
        6 => C::InterviewCancelled,
        7 => C::NoShow,
        8 => C::Interviewed {
            scorecard: Some(card(seed)),
        },
        9 => C::Interviewed { scorecard: None },
        10 => C::ScorecardSubmitted {
            scorecard: card(seed),
        },
        11 => C::Selected,
        12 => C::Rejected,
        13 => C::Reopened,
        14 => C::ContractSent {
            contract_id: format!("c-{seed}"),
        },
        15 => C::ContractSigned {
            contract_id: format!("c-{seed}"),
        },
        16 => C::Onboarded,
        17 => C::Withdrawn,
        _ => C::Erased,
    }
}

/// The accepted events of a random walk: each pick applied if the lifecycle allows it.
fn application_log(picks: &[(usize, usize, u8)]) -> Vec<Event<ApplicationChange>> {
    let mut app = Application::default();
    let mut log = Vec::new();
    for (i, (pick, tz, seed)) in picks.iter().enumerate() {
        let minutes = i64::try_from(i).unwrap() * 7;
        let event = Event {
            at: t0() + Duration::minutes(minutes),
            actor: Actor::MentorManager,
            change: application_change(*pick, zone(*tz), minutes, *seed),
        };
        if app.apply(&event).is_ok() {
            log.push(event);
        }
    }
    log
}

/// The personal values of an application log: the slots' zone names (`UTC` itself, the value
/// that replaces them, reveals nothing).
fn application_personal(log: &[Event<ApplicationChange>]) -> Vec<String> {
    log.iter()
        .filter_map(|e| match &e.change {
            ApplicationChange::InterviewScheduled { slot }
            | ApplicationChange::InterviewRescheduled { slot } => Some(slot.time_zone.name().to_owned()),
            _ => None,
        })
        .filter(|zone| zone != "UTC")
        .collect()
}

/// An application's data as it must read once erased (`docs/lifecycles.md#personal-data`:
/// the interview's zone becomes `UTC`).
fn application_data_erased(app: &Application) -> Value {
    let mut data = app.to_json();
    if let Some(slot) = data.get_mut("interview").filter(|s| !s.is_null()) {
        slot["time_zone"] = json!("UTC");
    }
    data
}

/// The replay answers of every prefix of `log` (state, allowed events, data through `data`).
fn answers<A: Aggregate>(
    log: &[Event<A::Change>],
    data: impl Fn(&A) -> Value,
) -> Vec<(Option<&'static str>, Vec<&'static str>, Value)> {
    let mut aggregate = A::default();
    log.iter()
        .map(|e| {
            aggregate.apply(e).unwrap();
            (
                aggregate.state().map(Vocabulary::name),
                aggregate
                    .allowed_events()
                    .into_iter()
                    .map(Vocabulary::name)
                    .collect(),
                data(&aggregate),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn an_erased_application_log_keeps_its_answers_and_no_personal_value(
        picks in proptest::collection::vec((0usize..19, any::<usize>(), any::<u8>()), 0..40),
        later in 0i64..100_000,
    ) {
        let mut picks = picks;
        picks.insert(0, (0, 0, 1)); // submitted: every generated log has a first event
        let log = application_log(&picks);
        let last = log.last().unwrap().at;
        let at = last + Duration::minutes(later);
        let erased = recruitment::erase(&log, at).unwrap();

        // No personal value of the original is left in the erased log's text.
        let text = wire_text(&erased);
        for value in application_personal(&log) {
            prop_assert!(!text.contains(&format!("\"{value}\"")), "{value} left in {text}");
        }

        // The same events, one `erased` appended (by `system`, at `at`) unless the log ended
        // with one already.
        let ended_erased = matches!(log.last().unwrap().change, ApplicationChange::Erased);
        prop_assert_eq!(erased.len(), log.len() + usize::from(!ended_erased));
        for (before, after) in log.iter().zip(&erased) {
            prop_assert_eq!((before.at, before.actor), (after.at, after.actor));
            prop_assert_eq!(
                mentor_core::lifecycle::Change::event_type(&before.change),
                mentor_core::lifecycle::Change::event_type(&after.change)
            );
        }
        if !ended_erased {
            let last = erased.last().unwrap();
            prop_assert_eq!((last.at, last.actor, &last.change), (at, Actor::System, &ApplicationChange::Erased));
        }

        // Replayed event by event: the same states, allowed events and data, the zone aside.
        let original = answers::<Application>(&log, application_data_erased);
        let replayed = answers::<Application>(&erased, Application::to_json);
        prop_assert_eq!(&replayed[..log.len()], &original[..]);
        let (state, allowed, data) = replayed.last().unwrap();
        let (state0, allowed0, data0) = original.last().unwrap();
        prop_assert_eq!((state, allowed), (state0, allowed0));
        let mut expected = data0.clone();
        if !ended_erased {
            expected["last_event_at"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
        }
        prop_assert_eq!(data, &expected);

        // Erasing again changes nothing; the erased log survives its wire form.
        prop_assert_eq!(&recruitment::erase(&erased, at + Duration::days(1)).unwrap(), &erased);
        prop_assert_eq!(&read_log::<ApplicationChange>(&read_records(&text)).unwrap(), &erased);
    }
}

// ---- contracts ----

/// Registration numbers that may be an individual's: every scheme's example, in each
/// country's rules, and 200 French SIRENs (a micro-entrepreneur's number), with the country.
fn numbers() -> Vec<(CountryCode, String)> {
    let mut all = Vec::new();
    for rules in registration::countries() {
        let country = CountryCode::parse(rules.country).unwrap();
        for scheme in rules.schemes {
            all.push((country, scheme.example.to_owned()));
        }
    }
    let fr = CountryCode::parse("FR").unwrap();
    for n in 0..200u32 {
        // Eight digits, then the Luhn check digit that makes the SIREN well-formed.
        let body = format!("{:08}", 10_000_000 + n * 437_911 % 89_999_999);
        let digits: Vec<u32> = body.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let sum: u32 = digits
            .iter()
            .rev()
            .enumerate()
            .map(|(i, d)| {
                if i % 2 == 0 {
                    (d * 2) / 10 + (d * 2) % 10
                } else {
                    *d
                }
            })
            .sum();
        all.push((fr, format!("{body}{}", (10 - sum % 10) % 10)));
    }
    all
}

fn terms() -> Terms {
    Terms::from_json(&json!({
        "version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
        "start_date": "2026-12-01", "end_date": "2027-11-30", "notice_period_days": 30,
    }))
    .unwrap()
}

fn drafted(registration: Option<RegistrationNumber>, country: CountryCode, employer: bool) -> ContractChange {
    ContractChange::Drafted {
        contract_id: "c-1".into(),
        terms: terms(),
        contracting_party: ContractingParty {
            party: if employer {
                Party::Employer
            } else {
                Party::MentorBusiness
            },
            country,
            registration,
        },
        signers: [
            SignerSetup {
                role: SignerRole::ContractingParty,
                recipient_id: Some("r-1".into()),
            },
            SignerSetup {
                role: SignerRole::Company,
                recipient_id: None,
            },
        ],
        supersedes: None,
    }
}

fn contract_change(pick: usize) -> ContractChange {
    use ContractChange as C;
    let role = |i: usize| {
        if i % 2 == 0 {
            SignerRole::ContractingParty
        } else {
            SignerRole::Company
        }
    };
    match pick % 18 {
        0 => C::Sent {
            provider: Some(Provider::Yousign),
            request_id: Some("sr-1".into()),
        },
        1 => C::Completed,
        2 => C::Voided,
        3 => C::SigningExpired,
        4 => C::Activated,
        5 => C::Amended {
            superseded_by: "c-2".into(),
        },
        6 => C::Terminated {
            effective_on: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        },
        7 => C::Expired,
        8 => C::Erased,
        9 | 10 => C::Viewed { signer: role(pick) },
        11 | 12 => C::Signed { signer: role(pick) },
        13 | 14 => C::Declined { signer: role(pick) },
        15 | 16 => C::Reassigned {
            signer: role(pick),
            recipient_id: "r-9".into(),
        },
        _ => C::Sent {
            provider: None,
            request_id: None,
        },
    }
}

/// The personal values of a contract log: the contracting party's number, compact and as
/// typed.
fn contract_personal(log: &[Event<ContractChange>], typed: &str) -> Vec<String> {
    let mut values = vec![typed.to_owned()];
    for e in log {
        if let ContractChange::Drafted {
            contracting_party:
                ContractingParty {
                    registration: Some(number),
                    ..
                },
            ..
        } = &e.change
        {
            values.push(number.normalized().to_owned());
            values.push(number.formatted());
        }
    }
    values
}

/// A contract's data as it must read once erased: the contracting party's number is null.
fn contract_data_erased(contract: &Contract) -> Value {
    let mut data = contract.to_json();
    if let Some(party) = data.get_mut("contracting_party").filter(|p| !p.is_null()) {
        party["registration_number"] = Value::Null;
    }
    data
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn an_erased_contract_log_keeps_its_answers_and_no_personal_value(
        number in any::<prop::sample::Index>(),
        employer in any::<bool>(),
        picks in proptest::collection::vec(0usize..18, 0..30),
        later in 0i64..100_000,
    ) {
        let pool = numbers();
        let (country, typed) = number.get(&pool).clone();
        let registration = registration::validate(country, &typed).unwrap();
        // The log as a service stores it: read from its wire text, the number as typed.
        let first = Event { at: t0(), actor: Actor::System, change: drafted(Some(registration), country, employer) };
        let mut wire = first.to_json();
        wire["contracting_party"]["registration_number"] = json!(typed);
        let mut lines = vec![wire];
        let mut contract = Contract::default();
        contract.apply(&first).unwrap();
        for (i, pick) in picks.iter().enumerate() {
            let event = Event {
                at: t0() + Duration::minutes(i64::try_from(i).unwrap() + 1),
                actor: Actor::Provider(Provider::Yousign),
                change: contract_change(*pick),
            };
            if contract.apply(&event).is_ok() {
                lines.push(event.to_json());
            }
        }
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        let log = read_log::<ContractChange>(&read_records(&text)).unwrap();
        let at = log.last().unwrap().at + Duration::minutes(later);
        let erased = contract::erase(&log, at).unwrap();

        let erased_text = wire_text(&erased);
        for value in contract_personal(&log, &typed) {
            prop_assert!(!erased_text.contains(&value), "{value} left in {erased_text}");
        }
        let ended_erased = matches!(log.last().unwrap().change, ContractChange::Erased);
        prop_assert_eq!(erased.len(), log.len() + usize::from(!ended_erased));

        let original = answers::<Contract>(&log, contract_data_erased);
        let replayed = answers::<Contract>(&erased, Contract::to_json);
        prop_assert_eq!(&replayed[..log.len()], &original[..]);
        let (state, allowed, data) = replayed.last().unwrap();
        let (state0, allowed0, data0) = original.last().unwrap();
        prop_assert_eq!((state, allowed), (state0, allowed0));
        let mut expected = data0.clone();
        if !ended_erased {
            expected["last_event_at"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
        }
        prop_assert_eq!(data, &expected);
        // The party and its country are kept.
        prop_assert_eq!(&data["contracting_party"]["country"], &json!(country.as_str()));

        prop_assert_eq!(&contract::erase(&erased, at + Duration::days(1)).unwrap(), &erased);
        prop_assert_eq!(&read_log::<ContractChange>(&read_records(&erased_text)).unwrap(), &erased);
    }
}

// ---- examples, expected logs written by hand ----

#[test]
fn the_documented_application_log_erased() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/examples/application-events.jsonl"
    ))
    .unwrap();
    let log = read_log::<ApplicationChange>(&read_records(&text)).unwrap();
    let erased = recruitment::erase(&log, "2026-12-01T09:00:00Z".parse().unwrap()).unwrap();
    let expected = r#"{"type":"submitted","at":"2026-11-02T08:15:00Z","actor":"candidate","version":1,"offer_id":"mentor-web-2026"}
{"type":"review_started","at":"2026-11-03T09:00:00Z","actor":"mentor_manager","version":1}
{"type":"interview_scheduled","at":"2026-11-03T09:20:00Z","actor":"mentor_manager","version":1,"slot":{"start":"2026-11-10T17:00:00Z","time_zone":"UTC","duration_minutes":45}}
{"type":"interview_rescheduled","at":"2026-11-06T14:00:00Z","actor":"mentor_manager","version":1,"slot":{"start":"2026-11-12T17:00:00Z","time_zone":"UTC","duration_minutes":45}}
{"type":"interviewed","at":"2026-11-12T17:50:00Z","actor":"mentor_manager","version":1,"scorecard":{"kindness":4,"patience":4,"humility":3,"communication":3,"subject_knowledge":"no_decision","recommendation":"yes"}}
{"type":"selected","at":"2026-11-13T10:00:00Z","actor":"mentor_manager","version":1}
{"type":"contract_sent","at":"2026-11-13T10:05:00Z","actor":"system","version":1,"contract_id":"c-2026-0042"}
{"type":"erased","at":"2026-12-01T09:00:00Z","actor":"system","version":1}
"#;
    let got: Vec<Value> = erased.iter().map(Event::to_json).collect();
    let want: Vec<Value> = expected
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got, want);
    let app = Application::replay(&erased).unwrap();
    assert_eq!(app.state().map(Vocabulary::name), Some("contract_sent"));
    assert_eq!(
        app.allowed_events()
            .into_iter()
            .map(Vocabulary::name)
            .collect::<Vec<_>>(),
        ["contract_sent", "contract_signed", "withdrawn", "erased"]
    );
}

#[test]
fn a_contract_erased_keeps_its_party_and_country_but_not_its_number() {
    let fr = CountryCode::parse("FR").unwrap();
    let number = registration::validate(fr, "732 829 320 00074").unwrap();
    for employer in [false, true] {
        let log = [
            Event {
                at: t0(),
                actor: Actor::System,
                change: drafted(Some(number), fr, employer),
            },
            Event {
                at: t0(),
                actor: Actor::System,
                change: ContractChange::Sent {
                    provider: Some(Provider::Docusign),
                    request_id: Some("env-1".into()),
                },
            },
        ];
        let erased = contract::erase(&log, t0()).unwrap();
        let drafted = erased[0].to_json();
        let party = if employer { "employer" } else { "mentor_business" };
        assert_eq!(
            drafted["contracting_party"],
            json!({"party": party, "country": "FR", "registration_number": null})
        );
        // Ids and terms are kept (GDPR art. 17(3)(e)).
        assert_eq!(drafted["contract_id"], "c-1");
        assert_eq!(drafted["signers"][0]["recipient_id"], "r-1");
        assert_eq!(drafted["terms"]["rates"]["mentoring"], "35.00");
        assert_eq!(erased[1], log[1]);
        assert_eq!(
            erased[2].to_json(),
            json!({"type": "erased", "at": "2026-11-02T08:00:00Z", "actor": "system", "version": 1})
        );
        let contract = Contract::replay(&erased).unwrap();
        assert_eq!(contract.state(), Some(ContractState::Sent));
        assert_eq!(contract.contracting_party().unwrap().registration, None);
        assert_eq!(contract.request_id(), Some("env-1"));
    }
}

#[test]
fn an_empty_log_a_log_that_does_not_replay_and_an_early_erasure_are_refused() {
    let at = t0();
    // Nothing to erase: the table has no `erased` before the first event.
    let empty = recruitment::erase(&[], at).unwrap_err();
    assert_eq!((empty.index, empty.refused.reason), (0, Refusal::NotAllowed));
    assert_eq!((empty.refused.state, empty.refused.event), (None, "erased"));
    assert_eq!(contract::erase(&[], at).unwrap_err().index, 0);

    // The first refused event of the log, with its index.
    let event = |minute: i64, change| Event {
        at: t0() + Duration::minutes(minute),
        actor: Actor::MentorManager,
        change,
    };
    let broken = [
        event(0, ApplicationChange::Submitted { offer_id: "o".into() }),
        event(1, ApplicationChange::Selected),
    ];
    let refused = recruitment::erase(&broken, at).unwrap_err();
    assert_eq!((refused.index, refused.refused.event), (1, "selected"));

    // An erasure dated before the last event: refused with the index it would have had.
    let log = [
        event(0, ApplicationChange::Submitted { offer_id: "o".into() }),
        event(10, ApplicationChange::ReviewStarted),
    ];
    let early = recruitment::erase(&log, t0() + Duration::minutes(9)).unwrap_err();
    assert_eq!((early.index, early.refused.reason), (2, Refusal::BeforePrevious));
    assert_eq!(early.refused.state, Some("in_review"));
    assert!(early.refused.message(Lang::Fr).contains("`erased`"));
    // At the same instant as the last event is in order.
    assert_eq!(
        recruitment::erase(&log, t0() + Duration::minutes(10))
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn an_erased_log_may_go_on_and_be_erased_again() {
    let zone = chrono_tz::America::Argentina::ComodRivadavia;
    let slot = |day: i64| Slot {
        start: t0() + Duration::days(day),
        time_zone: zone,
        duration_minutes: 45,
    };
    let event = |minute: i64, change| Event {
        at: t0() + Duration::minutes(minute),
        actor: Actor::MentorManager,
        change,
    };
    let log = [
        event(0, ApplicationChange::Submitted { offer_id: "o".into() }),
        event(1, ApplicationChange::ReviewStarted),
        event(2, ApplicationChange::InterviewScheduled { slot: slot(3) }),
    ];
    let mut erased = recruitment::erase(&log, t0() + Duration::minutes(3)).unwrap();
    // Later events after an erasure, with new personal data: erasing again removes it and
    // records a second erasure.
    erased.push(event(
        4,
        ApplicationChange::InterviewRescheduled { slot: slot(5) },
    ));
    let again = recruitment::erase(&erased, t0() + Duration::minutes(5)).unwrap();
    assert_eq!(again.len(), 6);
    assert!(!wire_text(&again).contains("America/Argentina/ComodRivadavia"));
    assert_eq!(again[5].change, ApplicationChange::Erased);
    assert_eq!(
        Application::replay(&again)
            .unwrap()
            .interview()
            .map(|s| (s.start, s.time_zone)),
        Some((t0() + Duration::days(5), chrono_tz::UTC))
    );
    // A log written by hand that ends with `erased` but still holds a zone: scrubbed, and not
    // erased a second time.
    let mut by_hand = log.to_vec();
    by_hand.push(event(9, ApplicationChange::Erased));
    let scrubbed = recruitment::erase(&by_hand, t0() + Duration::minutes(60)).unwrap();
    assert_eq!(scrubbed.len(), 4);
    assert!(!wire_text(&scrubbed).contains("Comod"));
    assert_eq!(scrubbed[3].at, t0() + Duration::minutes(9));
}
