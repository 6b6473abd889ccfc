//! Behaviour of the contract lifecycle (`docs/lifecycles.md`, `docs/esign.md`; CON-1..3): the transition
//! table, signers tracked one by one, the wire form of every event, and drafting a contract from an
//! eligibility decision (`docs/wire-format.md#decision`). Expected values are written from
//! `docs/lifecycles.md` and `docs/esign.md`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use mentor_core::contract::{
    self, Contract, ContractChange, ContractEventType, ContractState, ContractingParty, DraftError,
    SignerRole, SignerSetup, SignerStatus, Terms, amend, draft,
};
use mentor_core::eligibility::WorkingSituation;
use mentor_core::eligibility::{Outcome, Party, evaluate};
use mentor_core::error::ErrorCode;
use mentor_core::esign::Provider;
use mentor_core::lifecycle::{Actor, Aggregate, Change, Event, Refusal, Vocabulary};
use mentor_core::policy::Policy;
use mentor_core::registration::SchemeId;
use mentor_core::{CountryCode, Lang};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use ContractChange as C;
use SignerRole::{Company, ContractingParty as Party_};

fn at(minute: u32) -> DateTime<Utc> {
    format!("2026-11-20T10:{minute:02}:00Z").parse().unwrap()
}

fn terms_json(version: u32) -> Value {
    json!({
        "version": version, "currency": "EUR", "rates": {"mentoring": "35.00", "defense": "50.00"},
        "billing": "monthly", "start_date": "2026-12-01", "end_date": "2027-11-30", "notice_period_days": 30,
    })
}

fn terms(version: u32) -> Terms {
    Terms::from_json(&terms_json(version)).unwrap()
}

fn employer_fr() -> ContractingParty {
    ContractingParty {
        party: Party::Employer,
        country: CountryCode::parse("FR").unwrap(),
        registration: None,
    }
}

fn drafted(id: &str) -> ContractChange {
    C::Drafted {
        contract_id: id.into(),
        terms: terms(1),
        contracting_party: employer_fr(),
        signers: [
            SignerSetup {
                role: Party_,
                recipient_id: Some("r-1".into()),
            },
            SignerSetup {
                role: Company,
                recipient_id: Some("r-2".into()),
            },
        ],
        supersedes: None,
    }
}

fn event(minute: u32, change: ContractChange) -> Event<ContractChange> {
    Event {
        at: at(minute),
        actor: Actor::Provider(Provider::Docusign),
        change,
    }
}

/// Applies `changes` one minute apart, from minute 0.
fn contract(changes: Vec<ContractChange>) -> Contract {
    let log: Vec<_> = changes.into_iter().zip(0..).map(|(c, m)| event(m, c)).collect();
    Contract::replay(&log).unwrap()
}

fn sent() -> ContractChange {
    C::Sent {
        provider: Some(Provider::Docusign),
        request_id: Some("env-1".into()),
    }
}

fn signed(role: SignerRole) -> ContractChange {
    C::Signed { signer: role }
}

/// A contract in each state, reached the way `docs/lifecycles.md` draws it.
fn one_of_each_state() -> Vec<(Option<ContractState>, Contract)> {
    let to_sent = || vec![drafted("c-1"), sent()];
    let with = |extra: Vec<ContractChange>| {
        let mut log = to_sent();
        log.extend(extra);
        contract(log)
    };
    let active = || vec![C::Completed, C::Activated];
    let active_then = |last: ContractChange| {
        let mut log = active();
        log.push(last);
        with(log)
    };
    vec![
        (None, Contract::default()),
        (Some(ContractState::Draft), contract(vec![drafted("c-1")])),
        (Some(ContractState::Sent), with(vec![])),
        (
            Some(ContractState::Viewed),
            with(vec![C::Viewed { signer: Party_ }]),
        ),
        (Some(ContractState::PartiallySigned), with(vec![signed(Party_)])),
        (Some(ContractState::Signed), with(vec![C::Completed])),
        (Some(ContractState::Active), with(active())),
        (
            Some(ContractState::Amended),
            active_then(C::Amended {
                superseded_by: "c-2".into(),
            }),
        ),
        (
            Some(ContractState::Terminated),
            active_then(C::Terminated {
                effective_on: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
            }),
        ),
        (Some(ContractState::Expired), active_then(C::Expired)),
        (
            Some(ContractState::Declined),
            with(vec![C::Declined { signer: Party_ }]),
        ),
        (Some(ContractState::Voided), with(vec![C::Voided])),
        (Some(ContractState::SigningExpired), with(vec![C::SigningExpired])),
    ]
}

/// One event of each type, with data that fits a contract drafted by [`drafted`].
fn one_of_each_event() -> Vec<ContractChange> {
    vec![
        drafted("c-9"),
        sent(),
        C::Viewed { signer: Company },
        signed(Company),
        C::Completed,
        C::Declined { signer: Company },
        C::Voided,
        C::SigningExpired,
        C::Reassigned {
            signer: Company,
            recipient_id: "r-9".into(),
        },
        C::Activated,
        C::Amended {
            superseded_by: "c-2".into(),
        },
        C::Terminated {
            effective_on: NaiveDate::from_ymd_opt(2027, 6, 30).unwrap(),
        },
        C::Expired,
        C::Erased,
    ]
}

/// What `docs/lifecycles.md` lets happen in each state.
fn allowed_by_design(state: Option<ContractState>) -> BTreeSet<&'static str> {
    let signing = [
        "viewed",
        "signed",
        "completed",
        "declined",
        "voided",
        "signing_expired",
        "reassigned",
    ];
    let names: &[&str] = match state {
        None => &["drafted"],
        Some(ContractState::Draft) => &["sent"],
        Some(ContractState::Sent | ContractState::Viewed | ContractState::PartiallySigned) => &signing,
        Some(ContractState::Signed) => &["completed", "activated"],
        Some(ContractState::Active) => &["amended", "terminated", "expired"],
        Some(_) => &[],
    };
    let mut allowed: BTreeSet<_> = names.iter().copied().collect();
    // Erasure, from every state (`docs/lifecycles.md#personal-data`).
    if state.is_some() {
        allowed.insert("erased");
    }
    allowed
}

#[test]
fn the_states_allow_what_design_draws_and_refusals_change_nothing() {
    for (state, contract) in one_of_each_state() {
        assert_eq!(contract.state(), state);
        let allowed: BTreeSet<_> = contract
            .allowed_events()
            .into_iter()
            .map(Vocabulary::name)
            .collect();
        assert_eq!(allowed, allowed_by_design(state), "{state:?}");
        for change in one_of_each_event() {
            let name = change.event_type().name();
            let mut copy = contract.clone();
            let result = copy.apply(&event(59, change.clone()));
            if allowed.contains(name) {
                assert!(result.is_ok(), "{state:?} {name}: {result:?}");
                continue;
            }
            let refused = result.expect_err(name);
            assert_eq!(
                copy, contract,
                "{state:?} {name}: a refused event changes nothing"
            );
            assert_eq!(
                (refused.aggregate, refused.state, refused.event),
                ("contract", state.map(Vocabulary::name), name)
            );
            // A signer who signed or declined is reported as such, whatever the state (`docs/esign.md`).
            let final_signer = matches!(
                change,
                C::Signed { .. } | C::Declined { .. } | C::Reassigned { .. }
            ) && contract.signer(Company).is_some_and(|s| s.status.is_final());
            let expected = if final_signer {
                Refusal::SignerAlreadyFinal
            } else {
                Refusal::NotAllowed
            };
            assert_eq!(refused.reason, expected, "{state:?} {name}");
            let message = refused.message(Lang::En);
            assert!(message.contains(&format!("`{name}`")), "{message}");
        }
    }
}

#[test]
fn an_event_dated_before_the_previous_one_is_refused() {
    let c = contract(vec![drafted("c-1"), sent()]);
    let mut copy = c.clone();
    let early = Event {
        at: at(0) - chrono::TimeDelta::seconds(1),
        actor: Actor::Candidate,
        change: C::Viewed { signer: Party_ },
    };
    let refused = copy.apply(&early).unwrap_err();
    assert_eq!(refused.reason, Refusal::BeforePrevious);
    assert_eq!((refused.state, refused.event), (Some("sent"), "viewed"));
    assert_eq!(copy, c);
    // The same instant as the previous event is in order.
    copy.apply(&event(1, C::Viewed { signer: Party_ })).unwrap();
}

#[test]
fn both_signers_in_either_order_make_it_signed() {
    for (first, second) in [(Party_, Company), (Company, Party_)] {
        let mut c = contract(vec![drafted("c-1"), sent()]);
        c.apply(&event(5, signed(first))).unwrap();
        assert_eq!(c.state(), Some(ContractState::PartiallySigned));
        assert!(!c.is_fully_signed());
        c.apply(&event(6, signed(second))).unwrap();
        assert_eq!(c.state(), Some(ContractState::Signed));
        assert!(c.is_fully_signed());
        assert_eq!(
            (c.signed_on(first), c.signed_on(second)),
            (Some(at(5)), Some(at(6)))
        );
        assert_eq!(
            c.allowed_events(),
            [
                ContractEventType::Completed,
                ContractEventType::Activated,
                ContractEventType::Erased
            ]
        );
    }
}

#[test]
fn completed_alone_signs_every_signer_still_to_sign() {
    let mut c = contract(vec![drafted("c-1"), sent()]);
    c.apply(&event(7, C::Completed)).unwrap();
    assert_eq!(c.state(), Some(ContractState::Signed));
    assert_eq!(
        (c.signed_on(Party_), c.signed_on(Company)),
        (Some(at(7)), Some(at(7)))
    );

    // After one signature, the other signer is signed at the completion; the first keeps its time.
    let mut c = contract(vec![drafted("c-1"), sent()]);
    c.apply(&event(3, signed(Party_))).unwrap();
    c.apply(&event(8, C::Completed)).unwrap();
    assert_eq!(
        (c.signed_on(Party_), c.signed_on(Company)),
        (Some(at(3)), Some(at(8)))
    );

    // A late completion after the last signature is accepted and changes no signer.
    let mut c = contract(vec![drafted("c-1"), sent(), signed(Party_), signed(Company)]);
    let before = c.signers().to_vec();
    c.apply(&event(30, C::Completed)).unwrap();
    assert_eq!(c.state(), Some(ContractState::Signed));
    assert_eq!(c.signers(), before.as_slice());
    assert_eq!(c.last_event_at(), Some(at(30)));
}

#[test]
fn a_view_after_a_signature_does_not_move_the_signer_back() {
    let mut c = contract(vec![drafted("c-1"), sent()]);
    c.apply(&event(4, signed(Party_))).unwrap();
    c.apply(&event(9, C::Viewed { signer: Party_ })).unwrap();
    assert_eq!(c.state(), Some(ContractState::PartiallySigned));
    assert_eq!(
        c.signer(Party_).unwrap().status,
        SignerStatus::Signed { at: at(4) }
    );
    // The other signer's view is recorded.
    c.apply(&event(10, C::Viewed { signer: Company })).unwrap();
    assert_eq!(c.signer(Company).unwrap().status, SignerStatus::Viewed);
}

#[test]
fn the_first_final_outcome_of_a_signer_wins() {
    let c = contract(vec![drafted("c-1"), sent(), signed(Party_)]);
    for late in [
        C::Declined { signer: Party_ },
        signed(Party_),
        C::Reassigned {
            signer: Party_,
            recipient_id: "r-7".into(),
        },
    ] {
        let mut copy = c.clone();
        let refused = copy.apply(&event(20, late)).unwrap_err();
        assert_eq!(refused.reason, Refusal::SignerAlreadyFinal);
        assert_eq!(refused.reason.code(), "signer_already_final");
        assert_eq!(refused.state, Some("partially_signed"));
        assert_eq!(copy, c);
    }
    // A decline first: the contract is declined, and a later signature by that signer is a conflict.
    let mut c = contract(vec![drafted("c-1"), sent(), C::Declined { signer: Company }]);
    assert_eq!(c.state(), Some(ContractState::Declined));
    assert_eq!(
        c.signer(Company).unwrap().status,
        SignerStatus::Declined { at: at(2) }
    );
    assert_eq!(
        c.apply(&event(20, signed(Company))).unwrap_err().reason,
        Refusal::SignerAlreadyFinal
    );
}

#[test]
fn a_reassigned_signer_keeps_its_status_and_gets_the_new_recipient() {
    let mut c = contract(vec![drafted("c-1"), sent(), C::Viewed { signer: Company }]);
    c.apply(&event(
        11,
        C::Reassigned {
            signer: Company,
            recipient_id: "r-20".into(),
        },
    ))
    .unwrap();
    assert_eq!(c.state(), Some(ContractState::Viewed));
    let company = c.signer(Company).unwrap();
    assert_eq!(
        (company.status, company.recipient_id.as_deref()),
        (SignerStatus::Viewed, Some("r-20"))
    );
    assert_eq!(c.signer(Party_).unwrap().recipient_id.as_deref(), Some("r-1"));
}

#[test]
fn the_signature_day_is_the_signers_own() {
    let mut c = contract(vec![drafted("c-1"), sent()]);
    let late: DateTime<Utc> = "2026-11-20T23:30:00Z".parse().unwrap();
    c.apply(&Event {
        at: late,
        actor: Actor::Candidate,
        change: signed(Party_),
    })
    .unwrap();
    assert_eq!(
        c.signed_on_local(Party_, chrono_tz::Asia::Kolkata),
        NaiveDate::from_ymd_opt(2026, 11, 21)
    );
    assert_eq!(
        c.signed_on_local(Party_, chrono_tz::America::New_York),
        NaiveDate::from_ymd_opt(2026, 11, 20)
    );
    assert_eq!(c.signed_on_local(Company, chrono_tz::Europe::Paris), None);
}

#[test]
fn data_that_contradicts_the_contract_is_refused() {
    // An amendment's contract has terms of version 2 or more.
    let C::Drafted {
        contract_id,
        terms,
        contracting_party,
        signers,
        ..
    } = drafted("c-2")
    else {
        unreachable!()
    };
    let bad = C::Drafted {
        contract_id,
        terms,
        contracting_party,
        signers,
        supersedes: Some("c-1".into()),
    };
    let refused = Contract::default().apply(&event(0, bad)).unwrap_err();
    assert!(matches!(refused.reason, Refusal::InvalidData(_)), "{refused:?}");
    assert_eq!(refused.reason.code(), "invalid_event_data");

    // Signers out of order.
    let C::Drafted {
        contract_id,
        terms,
        contracting_party,
        ..
    } = drafted("c-1")
    else {
        unreachable!()
    };
    let [a, b] = SignerSetup::without_recipients();
    let swapped = C::Drafted {
        contract_id,
        terms,
        contracting_party,
        signers: [b, a],
        supersedes: None,
    };
    assert!(matches!(
        Contract::default().apply(&event(0, swapped)).unwrap_err().reason,
        Refusal::InvalidData(_)
    ));

    // An open-ended contract cannot expire.
    let C::Drafted {
        contract_id,
        contracting_party,
        signers,
        ..
    } = drafted("c-1")
    else {
        unreachable!()
    };
    let mut open = terms_json(1);
    open["end_date"] = Value::Null;
    let open = C::Drafted {
        contract_id,
        terms: Terms::from_json(&open).unwrap(),
        contracting_party,
        signers,
        supersedes: None,
    };
    let mut c = contract(vec![open, sent(), C::Completed, C::Activated]);
    let before = c.clone();
    assert!(matches!(
        c.apply(&event(30, C::Expired)).unwrap_err().reason,
        Refusal::InvalidData(_)
    ));
    assert_eq!(c, before);
    c.apply(&event(
        30,
        C::Terminated {
            effective_on: NaiveDate::from_ymd_opt(2027, 1, 31).unwrap(),
        },
    ))
    .unwrap();
    assert_eq!(c.terminated_on(), NaiveDate::from_ymd_opt(2027, 1, 31));

    // A contract is not superseded by itself.
    let mut c = contract(vec![drafted("c-1"), sent(), C::Completed, C::Activated]);
    assert!(matches!(
        c.apply(&event(
            30,
            C::Amended {
                superseded_by: "c-1".into()
            }
        ))
        .unwrap_err()
        .reason,
        Refusal::InvalidData(_)
    ));
}

#[test]
fn every_event_type_survives_its_wire_form() {
    let mut with_registration = employer_fr();
    with_registration.party = Party::MentorBusiness;
    with_registration.registration =
        Some(mentor_core::registration::validate(with_registration.country, "732 829 320 00074").unwrap());
    let mut changes = one_of_each_event();
    changes.push(C::Drafted {
        contract_id: "c-3".into(),
        terms: terms(2),
        contracting_party: with_registration,
        signers: SignerSetup::without_recipients(),
        supersedes: Some("c-1".into()),
    });
    changes.push(C::Sent {
        provider: None,
        request_id: None,
    });
    let mut types = BTreeSet::new();
    for change in changes {
        types.insert(change.event_type().name());
        for actor in [
            Actor::System,
            Actor::MentorManager,
            Actor::Provider(Provider::Yousign),
        ] {
            let e = Event {
                at: at(15),
                actor,
                change: change.clone(),
            };
            let wire = e.to_json();
            assert_eq!(Event::<ContractChange>::from_json(&wire).unwrap(), e, "{wire}");
            assert_eq!(wire["type"], change.event_type().name());
        }
    }
    assert_eq!(types.len(), ContractEventType::ALL.len());
}

#[test]
fn the_drafted_event_is_written_as_design_shows_it() {
    let wire = Event {
        at: at(0),
        actor: Actor::System,
        change: drafted("c-1"),
    }
    .to_json();
    assert_eq!(
        wire,
        json!({
            "type": "drafted", "at": "2026-11-20T10:00:00Z", "actor": "system", "version": 1,
            "contract_id": "c-1",
            "terms": {
                "version": 1, "currency": "EUR", "rates": {"defense": "50.00", "mentoring": "35.00"},
                "billing": "monthly", "start_date": "2026-12-01", "end_date": "2027-11-30", "notice_period_days": 30,
            },
            "contracting_party": {"party": "employer", "country": "FR", "registration_number": null},
            "signers": [{"role": "contracting_party", "recipient_id": "r-1"}, {"role": "company", "recipient_id": "r-2"}],
            "supersedes": null,
        })
    );
}

#[test]
fn a_drafted_event_with_the_optional_parts_left_out() {
    let e = Event::<ContractChange>::from_json(&json!({
        "type": "drafted", "at": "2026-11-20T10:00:00+01:00", "actor": "system",
        "contract_id": "c-1",
        "terms": {"version": 1, "currency": "JPY", "rates": {"mentoring": "4000"}, "start_date": "2026-12-01", "notice_period_days": 0},
        "contracting_party": {"party": "mentor_business", "country": "fr", "registration_number": "732 829 320 00074"},
    }))
    .unwrap();
    assert_eq!(e.at, "2026-11-20T09:00:00Z".parse::<DateTime<Utc>>().unwrap());
    let C::Drafted {
        terms,
        contracting_party,
        signers,
        supersedes,
        ..
    } = e.change
    else {
        panic!("drafted")
    };
    assert_eq!(signers, SignerSetup::without_recipients());
    assert_eq!(supersedes, None);
    assert_eq!(
        (terms.currency().code(), terms.rate("mentoring"), terms.end_date()),
        ("JPY", Some(Decimal::new(4000, 0)), None)
    );
    assert_eq!(terms.rate("defense"), None);
    let registration = contracting_party.registration.unwrap();
    assert_eq!(
        (registration.scheme_id(), registration.normalized()),
        (SchemeId::FrSiret, "73282932000074")
    );
}

/// The field errors of reading `value` as an event: `(path, code)`.
fn errors(value: &Value) -> Vec<(String, ErrorCode)> {
    Event::<ContractChange>::from_json(value)
        .unwrap_err()
        .errors
        .into_iter()
        .map(|e| (e.path, e.code))
        .collect()
}

fn drafted_with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut wire = Event {
        at: at(0),
        actor: Actor::System,
        change: drafted("c-1"),
    }
    .to_json();
    edit(&mut wire);
    wire
}

#[test]
fn bad_events_are_reported_field_by_field() {
    let one = |path: &str, code| vec![(path.to_owned(), code)];

    let unknown = Event::<ContractChange>::from_json(
        &json!({"type": "signed_off", "at": "2026-11-20T10:00:00Z", "actor": "system"}),
    )
    .unwrap_err();
    assert_eq!(
        (unknown.errors[0].path.as_str(), unknown.errors[0].code),
        ("type", ErrorCode::InvalidEnum)
    );
    let message = unknown.errors[0].message(Lang::En);
    for (name, _) in ContractEventType::ALL {
        assert!(message.contains(&format!("`{name}`")), "{message}");
    }

    let extra = json!({"type": "voided", "at": "2026-11-20T10:00:00Z", "actor": "system", "reason": "typo"});
    assert_eq!(errors(&extra), one("reason", ErrorCode::UnknownField));

    let currency = drafted_with(|w| w["terms"]["currency"] = json!("eur"));
    assert_eq!(
        errors(&currency),
        one("terms.currency", ErrorCode::InvalidCurrency)
    );

    let number = drafted_with(|w| w["terms"]["rates"]["mentoring"] = json!(35));
    assert_eq!(
        errors(&number),
        one("terms.rates.mentoring", ErrorCode::InvalidType)
    );

    let decimals = drafted_with(|w| w["terms"]["rates"]["mentoring"] = json!("35.001"));
    assert_eq!(
        errors(&decimals),
        one("terms.rates.mentoring", ErrorCode::InvalidMoney)
    );

    let negative = drafted_with(|w| w["terms"]["rates"]["defense"] = json!("-50.00"));
    assert_eq!(
        errors(&negative),
        one("terms.rates.defense", ErrorCode::InvalidMoney)
    );

    let no_rate = drafted_with(|w| w["terms"]["rates"] = json!({}));
    assert_eq!(errors(&no_rate), one("terms.rates", ErrorCode::Required));

    let slug = drafted_with(|w| w["terms"]["rates"] = json!({"Mentoring": "35.00"}));
    assert_eq!(
        errors(&slug),
        one("terms.rates.Mentoring", ErrorCode::InvalidSubject)
    );

    let end_before_start = drafted_with(|w| w["terms"]["end_date"] = json!("2026-11-30"));
    assert_eq!(
        errors(&end_before_start),
        one("terms.end_date", ErrorCode::InvalidDate)
    );

    let same_day = drafted_with(|w| w["terms"]["end_date"] = json!("2026-12-01"));
    assert_eq!(errors(&same_day), one("terms.end_date", ErrorCode::InvalidDate));

    let bad_date = drafted_with(|w| w["terms"]["start_date"] = json!("2026-13-01"));
    assert_eq!(errors(&bad_date), one("terms.start_date", ErrorCode::InvalidDate));

    let billing = drafted_with(|w| w["terms"]["billing"] = json!("weekly"));
    assert_eq!(errors(&billing), one("terms.billing", ErrorCode::InvalidEnum));

    let notice = drafted_with(|w| w["terms"]["notice_period_days"] = json!(366));
    assert_eq!(
        errors(&notice),
        one("terms.notice_period_days", ErrorCode::OutOfRange)
    );

    let version = drafted_with(|w| w["terms"]["version"] = json!(0));
    assert_eq!(errors(&version), one("terms.version", ErrorCode::OutOfRange));

    let order = drafted_with(|w| w["signers"] = json!([{"role": "company"}, {"role": "contracting_party"}]));
    assert_eq!(
        errors(&order),
        vec![
            ("signers[0].role".to_owned(), ErrorCode::InvalidEnum),
            ("signers[1].role".to_owned(), ErrorCode::InvalidEnum)
        ]
    );

    let three = drafted_with(|w| {
        w["signers"] = json!([{"role": "contracting_party"}, {"role": "company"}, {"role": "company"}])
    });
    assert_eq!(errors(&three), one("signers", ErrorCode::InvalidType));

    let siret = drafted_with(|w| {
        w["contracting_party"] =
            json!({"party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00075"});
    });
    assert_eq!(
        errors(&siret),
        one(
            "contracting_party.registration_number",
            ErrorCode::InvalidRegistrationNumber
        )
    );

    let party = drafted_with(|w| w["contracting_party"]["party"] = json!("mentor"));
    assert_eq!(
        errors(&party),
        one("contracting_party.party", ErrorCode::InvalidEnum)
    );

    let missing = drafted_with(|w| {
        let map = w.as_object_mut().unwrap();
        map.remove("terms");
        map.remove("contract_id");
    });
    assert_eq!(
        errors(&missing),
        vec![
            ("contract_id".to_owned(), ErrorCode::Required),
            ("terms".to_owned(), ErrorCode::Required)
        ]
    );

    let terminated = json!({"type": "terminated", "at": "2026-11-20T10:00:00Z", "actor": "mentor_manager", "effective_on": "31/03/2027"});
    assert_eq!(errors(&terminated), one("effective_on", ErrorCode::InvalidDate));

    let signer = json!({"type": "signed", "at": "2026-11-20T10:00:00Z", "actor": "docusign"});
    assert_eq!(errors(&signer), one("signer", ErrorCode::Required));

    let reassigned = json!({"type": "reassigned", "at": "2026-11-20T10:00:00Z", "actor": "docusign", "signer": "mentor", "recipient_id": " "});
    assert_eq!(
        errors(&reassigned),
        vec![
            ("signer".to_owned(), ErrorCode::InvalidEnum),
            ("recipient_id".to_owned(), ErrorCode::Required)
        ]
    );
}

#[test]
fn terms_read_on_their_own() {
    let t = Terms::from_json(&terms_json(1)).unwrap();
    assert_eq!(t.rates().len(), 2);
    assert_eq!(t.to_json(), terms_json(1));
    let tnd = Terms::from_json(&json!({
        "version": 3, "currency": "TND", "rates": {"mentoring": "70.5"}, "start_date": "2026-12-01", "notice_period_days": 15,
    }))
    .unwrap();
    assert_eq!(tnd.to_json()["rates"]["mentoring"], "70.500");
    let err = Terms::from_json(
        &json!({"version": 1, "currency": "EUR", "rates": {"mentoring": "35"}, "start_date": "2026-12-01"}),
    )
    .unwrap_err();
    assert_eq!(
        err.errors
            .iter()
            .map(|e| (e.path.as_str(), e.code))
            .collect::<Vec<_>>(),
        [("notice_period_days", ErrorCode::Required)]
    );
}

fn decision(situation: Value) -> mentor_core::eligibility::Decision {
    evaluate(
        &WorkingSituation::from_json(&situation).unwrap(),
        &Policy::default(),
    )
}

#[test]
fn an_employee_through_the_employer_gets_the_employer_as_contracting_party() {
    let d = decision(json!({
        "country": "FR", "status": "employee", "route": "via_employer",
        "employment": {"full_time": true, "employer_name": "Acme", "employer_sector": "it_services", "employer_agreement": "agreed"},
    }));
    assert_eq!(d.outcome(), Outcome::Eligible);
    let e = draft("c-1", &d, terms(1), at(0)).unwrap();
    assert_eq!(e.actor, Actor::System);
    let C::Drafted {
        contract_id,
        contracting_party,
        signers,
        supersedes,
        ..
    } = &e.change
    else {
        panic!("drafted")
    };
    assert_eq!(contract_id, "c-1");
    assert_eq!(
        *contracting_party,
        ContractingParty {
            party: Party::Employer,
            country: CountryCode::parse("FR").unwrap(),
            registration: None
        }
    );
    assert_eq!(*signers, SignerSetup::without_recipients());
    assert_eq!(*supersedes, None);
    let c = Contract::replay(&[e]).unwrap();
    assert_eq!(c.state(), Some(ContractState::Draft));
    assert_eq!(
        c.signers().iter().map(|s| s.role).collect::<Vec<_>>(),
        [Party_, Company]
    );
}

#[test]
fn a_freelancer_signs_through_their_business_with_its_number() {
    let d = decision(
        json!({"country": "FR", "status": "freelancer", "business": {"legal_form": "micro_entrepreneur", "registration_number": "732 829 320 00074"}}),
    );
    let e = draft(" c-2 ", &d, terms(1), at(0)).unwrap();
    let C::Drafted {
        contract_id,
        contracting_party,
        ..
    } = &e.change
    else {
        panic!("drafted")
    };
    assert_eq!(contract_id, "c-2");
    assert_eq!(contracting_party.party, Party::MentorBusiness);
    assert_eq!(contracting_party.country.as_str(), "FR");
    let number = contracting_party.registration.unwrap();
    assert_eq!(
        (number.scheme_id(), number.normalized()),
        (SchemeId::FrSiret, "73282932000074")
    );
    assert_eq!(
        e.to_json()["contracting_party"]["registration_number"],
        "73282932000074"
    );
}

#[test]
fn only_an_eligible_decision_drafts_a_contract() {
    let student = decision(json!({"country": "FR", "status": "student"}));
    assert_eq!(student.outcome(), Outcome::ActionRequired);
    let err = draft("c-1", &student, terms(1), at(0)).unwrap_err();
    assert_eq!(err, DraftError::NotEligible(Outcome::ActionRequired));
    assert_eq!(err.code(), "not_eligible");
    assert!(err.message(Lang::Fr).contains("action_required"));

    let eligible = decision(
        json!({"country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}}),
    );
    for bad in ["", "   ", &"x".repeat(129)] {
        assert_eq!(
            draft(bad, &eligible, terms(1), at(0)).unwrap_err().code(),
            "invalid_contract_id"
        );
    }
    assert!(draft(&"x".repeat(128), &eligible, terms(1), at(0)).is_ok());
}

#[test]
fn an_amendment_supersedes_an_active_contract_with_the_next_version() {
    let mut old = contract(vec![drafted("c-1"), sent(), C::Completed, C::Activated]);
    assert_eq!(
        amend(&old, "c-2", terms(3), at(30)).unwrap_err(),
        DraftError::VersionNotNext {
            expected: 2,
            found: 3
        }
    );
    assert_eq!(
        amend(&old, "c-1", terms(2), at(30)).unwrap_err(),
        DraftError::InvalidContractId
    );
    let (amended, drafted_new) = amend(&old, "c-2", terms(2), at(30)).unwrap();
    old.apply(&amended).unwrap();
    assert_eq!(
        (old.state(), old.superseded_by()),
        (Some(ContractState::Amended), Some("c-2"))
    );
    let new = Contract::replay(&[drafted_new]).unwrap();
    assert_eq!(
        (new.id(), new.supersedes(), new.terms().map(Terms::version)),
        (Some("c-2"), Some("c-1"), Some(2))
    );
    assert_eq!(new.contracting_party(), Some(&employer_fr()));
    assert!(
        new.signers()
            .iter()
            .all(|s| s.recipient_id.is_none() && s.status == SignerStatus::Pending)
    );

    let signed_only = contract(vec![drafted("c-1"), sent(), C::Completed]);
    assert_eq!(
        amend(&signed_only, "c-2", terms(2), at(30)).unwrap_err(),
        DraftError::NotActive(Some(ContractState::Signed))
    );
}

#[test]
fn the_diagram_draws_every_row_of_the_table() {
    let diagram = contract::diagram();
    assert!(diagram.starts_with("stateDiagram-v2\n"));
    for row in Contract::TRANSITIONS {
        let from = row.from.map_or("[*]", Vocabulary::name);
        assert!(
            diagram.contains(&format!("    {from} --> {}: {}", row.to.name(), row.event.name())),
            "{row:?}"
        );
    }
    for end in [
        "amended",
        "terminated",
        "expired",
        "declined",
        "voided",
        "signing_expired",
    ] {
        assert!(diagram.contains(&format!("    {end} --> [*]\n")), "{end}");
    }
    assert!(diagram.contains("    partially_signed --> signed: signed (last signature)\n"));
}

#[test]
fn the_contract_reports_itself() {
    let c = contract(vec![drafted("c-1"), sent(), signed(Party_)]);
    let v = c.to_json();
    assert_eq!(v["state"], "partially_signed");
    assert_eq!(v["contract_id"], "c-1");
    assert_eq!(
        (&v["provider"], &v["request_id"]),
        (&json!("docusign"), &json!("env-1"))
    );
    assert_eq!(
        v["signers"][0],
        json!({"role": "contracting_party", "recipient_id": "r-1", "status": "signed", "at": "2026-11-20T10:02:00Z"})
    );
    assert_eq!(v["signers"][1]["status"], "pending");
    let empty = Contract::default().to_json();
    assert_eq!((&empty["state"], &empty["signers"]), (&Value::Null, &json!([])));
}
