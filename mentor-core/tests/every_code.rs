//! Every stable code of the catalogue (`mentor_core::error_codes()`) is produced here at least
//! once, through the public API, from a concrete input, and found where the wire format puts a
//! code of its kind: a field error's `code` at the expected path, the `error` of a registration
//! number's check, the `code` of a replay's refusal, of a refused webhook delivery, of an
//! applied signature event's report entry, a draft or statement error's code, an invoice
//! discrepancy's `code`.
//!
//! The codes driven, plus [`NOT_DRIVEN`] (codes no call of this crate can produce, each with
//! why), must be the catalogue exactly: a new code without a case fails this test, and so does
//! a case for a code the catalogue does not list.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use common::minimal_form as form;

use std::collections::BTreeSet;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use mentor_core::billing::{
    self, BillingContract, BillingPeriod, FRANCHISE_MENTION, InvoicingParty, REVERSE_CHARGE_MENTION_FR,
    Session, Statement,
};
use mentor_core::catalogue::{CodeKind, catalogue};
use mentor_core::contract::{self, Contract, ContractChange, Terms};
use mentor_core::eligibility::{self, Decision, WorkingSituation};
use mentor_core::esign::{self, Deliveries, Delivery, EventKind, Hints, Provider, Secret, SignatureEvent};
use mentor_core::interview::Slot;
use mentor_core::lifecycle::{Aggregate, Replay, read_log};
use mentor_core::policy::{BillingPolicy, Policy, PolicyError};
use mentor_core::recruitment::Application;
use mentor_core::wire::read_records;
use mentor_core::{InputError, Lang, Localized, application, registration, triage};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use sha2::Sha256;

/// Codes that no call of `mentor-core` can produce, with why.
const NOT_DRIVEN: &[(&str, CodeKind, &str)] = &[
    (
        "invalid_input",
        CodeKind::Input,
        "thrown only by the bindings (mentor-wasm's `Error`, mentor-py's `InputError`) around an `InputError`, which has no code of its own in the core",
    ),
    (
        "internal",
        CodeKind::Internal,
        "thrown only by mentor-wasm, for a failure of the binding itself (a bug); the core has no such error",
    ),
    (
        "no_contracting_party",
        CodeKind::Draft,
        "defensive: `evaluate` never calls a decision eligible without a contracting party, and a `Decision` cannot be built or edited outside the library (its fields are private); `draft` still answers this code rather than panic",
    ),
];

/// One case: the code, its kind, and a run of the library on a concrete input that returns the
/// codes its answer holds where the wire puts codes of that kind.
type Case = (&'static str, CodeKind, fn() -> Vec<String>);

#[test]
fn every_code_of_the_catalogue_is_driven_or_listed_with_why() {
    let mut failures = Vec::new();
    let mut driven = BTreeSet::new();
    for (code, kind, run) in cases() {
        match std::panic::catch_unwind(run) {
            Ok(found) if found.iter().any(|c| c == code) => {}
            Ok(found) => failures.push(format!("{kind:?} `{code}`: the answer holds {found:?}")),
            Err(_) => failures.push(format!("{kind:?} `{code}`: the case panicked (see above)")),
        }
        if !driven.insert((kind, code)) {
            failures.push(format!("{kind:?} `{code}`: two cases"));
        }
    }
    let mut covered = driven.clone();
    for &(code, kind, why) in NOT_DRIVEN {
        assert!(!why.is_empty(), "{code}: say why it is not driven");
        if !covered.insert((kind, code)) {
            failures.push(format!("{kind:?} `{code}`: driven and also listed as not driven"));
        }
    }
    let listed: BTreeSet<(CodeKind, &str)> = catalogue().iter().map(|c| (c.kind(), c.code())).collect();
    for (kind, code) in listed.difference(&covered) {
        failures.push(format!(
            "{kind:?} `{code}`: in the catalogue, but neither driven nor listed in NOT_DRIVEN"
        ));
    }
    for (kind, code) in covered.difference(&listed) {
        failures.push(format!(
            "{kind:?} `{code}`: driven or listed here, but not in the catalogue"
        ));
    }
    // The catalogue on the wire (`error_codes()`, what the bindings expose) is the same list.
    let pair = |kind: &Value, code: &Value| format!("{kind} {code}");
    let wire: BTreeSet<String> = mentor_core::error_codes()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| pair(&c["kind"], &c["code"]))
        .collect();
    let typed: BTreeSet<String> = listed
        .iter()
        .map(|(kind, code)| pair(&serde_json::to_value(kind).unwrap(), &json!(code)))
        .collect();
    assert_eq!(wire, typed, "error_codes() and catalogue() differ");
    assert!(
        failures.is_empty(),
        "{} of {} codes fail:\n{}",
        failures.len(),
        listed.len(),
        failures.join("\n")
    );
}

fn cases() -> Vec<Case> {
    vec![
        // --- field: a field error's `code` at its path ------------------------------------
        ("required", CodeKind::Field, || {
            form_at(
                |f| f.as_object_mut().unwrap().retain(|key, _| key != "offer_id"),
                "offer_id",
            )
        }),
        ("invalid_type", CodeKind::Field, || {
            form_at(|f| f["offer_id"] = json!(7), "offer_id")
        }),
        ("invalid_json", CodeKind::Field, || {
            text_at(r#"{"offer_id": }"#, "")
        }),
        ("invalid_toml", CodeKind::Field, || {
            let e = Policy::from_toml("[demand\n").unwrap_err();
            e.problems()
                .iter()
                .filter(|p| p.error().path.is_empty())
                .map(|p| p.error().code.as_str().to_owned())
                .collect()
        }),
        ("unknown_field", CodeKind::Field, || {
            form_at(|f| f["nickname"] = json!("Ada"), "nickname")
        }),
        ("invalid_enum", CodeKind::Field, || {
            form_at(|f| f["subjects"][0]["level"] = json!("guru"), "subjects[0].level")
        }),
        ("invalid_email", CodeKind::Field, || {
            form_at(
                |f| f["applicant"]["email"] = json!("ada.example.org"),
                "applicant.email",
            )
        }),
        ("invalid_country", CodeKind::Field, || {
            form_at(|f| f["applicant"]["country"] = json!("XX"), "applicant.country")
        }),
        ("invalid_timezone", CodeKind::Field, || {
            form_at(
                |f| f["applicant"]["timezone"] = json!("Mars/Olympus"),
                "applicant.timezone",
            )
        }),
        ("invalid_url", CodeKind::Field, || {
            form_at(
                |f| f["links"] = json!({"linkedin": "ftp://example.org/ada"}),
                "links.linkedin",
            )
        }),
        ("invalid_phone", CodeKind::Field, || {
            form_at(
                |f| f["applicant"]["phone"] = json!("06 12 34 56 78"),
                "applicant.phone",
            )
        }),
        ("invalid_language", CodeKind::Field, || {
            form_at(
                |f| f["applicant"]["languages"] = json!(["en", "xx"]),
                "applicant.languages[1]",
            )
        }),
        ("invalid_subject", CodeKind::Field, || {
            form_at(
                |f| f["subjects"][0]["subject"] = json!("Web-Dev"),
                "subjects[0].subject",
            )
        }),
        ("invalid_datetime", CodeKind::Field, || {
            form_at(|f| f["submitted_at"] = json!("yesterday"), "submitted_at")
        }),
        // U+202E RIGHT-TO-LEFT OVERRIDE ("Trojan Source").
        ("invalid_characters", CodeKind::Field, || {
            form_at(
                |f| f["applicant"]["first_name"] = json!("A\u{202e}da"),
                "applicant.first_name",
            )
        }),
        ("too_long", CodeKind::Field, || {
            form_at(
                |f| f["applicant"]["last_name"] = json!("L".repeat(101)),
                "applicant.last_name",
            )
        }),
        ("out_of_range", CodeKind::Field, || {
            form_at(
                |f| f["availability_hours_per_week"] = json!(81),
                "availability_hours_per_week",
            )
        }),
        ("duplicate_subject", CodeKind::Field, || {
            form_at(
                |f| f["subjects"] = json!([{"subject": "python", "level": "expert"}, {"subject": "python", "level": "comfortable"}]),
                "subjects[1].subject",
            )
        }),
        ("consent_required", CodeKind::Field, || {
            form_at(
                |f| f["consent"]["data_processing"] = json!(false),
                "consent.data_processing",
            )
        }),
        ("unknown_offer", CodeKind::Field, || {
            let policy = Policy::from_toml(r#"offers = ["mentor-data-2026"]"#).unwrap();
            at(
                &application::validate_json(&form(), &policy, EN)["errors"],
                "offer_id",
            )
        }),
        ("invalid_registration_number", CodeKind::Field, || {
            let party = json!({"party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00075"});
            input_at(
                contract::ContractingParty::from_json(&party),
                "registration_number",
            )
        }),
        ("unsupported_country", CodeKind::Field, || {
            let party =
                json!({"party": "mentor_business", "country": "JP", "registration_number": "1234567890123"});
            input_at(
                contract::ContractingParty::from_json(&party),
                "registration_number",
            )
        }),
        ("invalid_currency", CodeKind::Field, || {
            terms_at(|t| t["currency"] = json!("eur"), "currency")
        }),
        ("invalid_money", CodeKind::Field, || {
            terms_at(|t| t["rates"]["mentoring"] = json!("35.001"), "rates.mentoring")
        }),
        ("invalid_date", CodeKind::Field, || {
            terms_at(|t| t["start_date"] = json!("2026-12-32"), "start_date")
        }),
        ("invalid_period", CodeKind::Field, || {
            statement_at(&billing_contract("franchise"), &json!([]), "2026-13", "period")
        }),
        ("unknown_session_type", CodeKind::Field, || {
            let sessions = json!([session("s-1", "2026-01-12T17:00:00Z", "workshop")]);
            statement_at(
                &billing_contract("franchise"),
                &sessions,
                "2026-01",
                "sessions[0].session_type",
            )
        }),
        ("currency_mismatch", CodeKind::Field, || {
            let mut contract = billing_contract("franchise");
            let usd = json!({"version": 2, "currency": "USD", "rates": {"mentoring": "40.00"}, "start_date": "2026-06-01", "notice_period_days": 30});
            contract["versions"].as_array_mut().unwrap().push(usd);
            input_at(BillingContract::from_json(&contract), "versions[1].currency")
        }),
        ("duplicate_application", CodeKind::Field, || {
            let report = triage::triage_json(&json!([form(), form()]), &Policy::default(), now(), EN);
            report
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|entry| at(&entry["errors"], "applicant.email"))
                .collect()
        }),
        ("nonexistent_local_time", CodeKind::Field, || {
            // Paris skips 02:00–03:00 on 29 March 2026.
            let slot = json!({"local_start": "2026-03-29T02:30", "time_zone": "Europe/Paris", "duration_minutes": 45});
            input_at(Slot::from_local_json(&slot), "local_start")
        }),
        ("ambiguous_local_time", CodeKind::Field, || {
            // Paris passes 02:00–03:00 twice on 25 October 2026.
            let slot = json!({"local_start": "2026-10-25T02:30", "time_zone": "Europe/Paris", "duration_minutes": 45});
            input_at(Slot::from_local_json(&slot), "local_start")
        }),
        ("duplicate_session", CodeKind::Field, || {
            let sessions = json!([
                session("s-1", "2026-01-12T17:00:00Z", "mentoring"),
                session("s-1", "2026-01-19T17:00:00Z", "mentoring")
            ]);
            statement_at(
                &billing_contract("franchise"),
                &sessions,
                "2026-01",
                "sessions[1].session_id",
            )
        }),
        ("no_terms_in_force", CodeKind::Field, || {
            let mut contract = billing_contract("franchise");
            contract["versions"][0]["start_date"] = json!("2026-01-15");
            let sessions = json!([session("s-1", "2026-01-12T17:00:00Z", "mentoring")]);
            statement_at(&contract, &sessions, "2026-01", "sessions[0].started_at")
        }),
        ("inconsistent_amount", CodeKind::Field, || {
            let mut wire = january_statement("franchise");
            wire["total"] = json!("1.00");
            input_at(Statement::from_json(&wire), "total")
        }),
        ("duplicate_key", CodeKind::Field, || {
            text_at(
                r#"{"offer_id": "mentor-web-2026", "offer_id": "mentor-data-2026"}"#,
                "offer_id",
            )
        }),
        ("too_deep", CodeKind::Field, || {
            // The path names the outermost 16 steps of the runaway value.
            let deep = format!(r#"{{"motivation": {}{}}}"#, "[".repeat(200), "]".repeat(200));
            text_at(&deep, &format!("motivation{}", "[0]".repeat(15)))
        }),
        // --- registration_number: the `error` of a number's check -------------------------
        ("empty", CodeKind::RegistrationNumber, || {
            registration_errors("FR", " - . - ")
        }),
        ("invalid_characters", CodeKind::RegistrationNumber, || {
            registration_errors("FR", "732*829*320")
        }),
        ("wrong_length", CodeKind::RegistrationNumber, || {
            registration_errors("FR", "7328")
        }),
        ("invalid_format", CodeKind::RegistrationNumber, || {
            registration_errors("US", "12-345678A")
        }),
        // 00 is not a prefix the IRS assigns.
        ("unknown_prefix", CodeKind::RegistrationNumber, || {
            registration_errors("US", "00-1234567")
        }),
        ("bad_check_digit", CodeKind::RegistrationNumber, || {
            registration_errors("FR", "732 829 320 00075")
        }),
        // --- input: the whole input cannot be used ----------------------------------------
        ("invalid_policy", CodeKind::Input, || {
            Policy::from_toml("ofers = []")
                .err()
                .map(|_| PolicyError::CODE.to_owned())
                .into_iter()
                .collect()
        }),
        // --- refusal: the `code` of the refusal that stops a replay ------------------------
        ("transition_not_allowed", CodeKind::Refusal, || {
            refusal::<Application>(&format!(
                "{SUBMITTED}\n{{\"type\": \"selected\", \"at\": \"2026-11-12T10:00:00Z\", \"actor\": \"mentor_manager\"}}"
            ))
        }),
        ("event_before_previous", CodeKind::Refusal, || {
            refusal::<Application>(&format!(
                "{SUBMITTED}\n{{\"type\": \"review_started\", \"at\": \"2026-11-12T09:00:00Z\", \"actor\": \"mentor_manager\"}}"
            ))
        }),
        ("signer_already_final", CodeKind::Refusal, || {
            let signed = r#"{"type": "signed", "at": "2026-11-20T10:00:00Z", "actor": "candidate", "signer": "contracting_party"}"#;
            refusal::<Contract>(&format!("{DRAFTED}\n{SENT}\n{signed}\n{signed}"))
        }),
        ("invalid_event_data", CodeKind::Refusal, || {
            refusal::<Contract>(&DRAFTED.replace(
                r#""contract_id": "c-1""#,
                r#""contract_id": "c-1", "supersedes": "c-1""#,
            ))
        }),
        // --- signature: the `code` of a refused webhook delivery ---------------------------
        ("empty_secret", CodeKind::Signature, || {
            let body =
                br#"{"event":"DOCUMENT_SENT","payload":{"id":88},"createdAt":"2026-11-20T11:00:00.000Z"}"#;
            refused(
                Provider::Documenso,
                &[("X-Documenso-Secret", "")],
                body,
                "",
                now(),
            )
        }),
        ("missing_header", CodeKind::Signature, || {
            refused(
                Provider::Yousign,
                &[],
                &yousign_body("ev-1", "signer.done", Some("r-party")),
                SECRET,
                now(),
            )
        }),
        ("malformed_header", CodeKind::Signature, || {
            refused(
                Provider::Yousign,
                &[("X-Yousign-Signature-256", "md5=abc")],
                &yousign_body("ev-1", "signer.done", Some("r-party")),
                SECRET,
                now(),
            )
        }),
        ("missing_signature", CodeKind::Signature, || {
            let unsigned = dropbox_json("signature_request_signed", Some("r-party"))
                .replace("event_hash", "event_hash_removed");
            refused(Provider::DropboxSign, &[], unsigned.as_bytes(), SECRET, now())
        }),
        ("bad_signature", CodeKind::Signature, || {
            let body = docusign_body("recipient-completed", Some("r-party"), "env-42", 0);
            let forged = STANDARD.encode(mac(b"an-attackers-guess", &body));
            refused(
                Provider::Docusign,
                &[("X-DocuSign-Signature-1", forged.as_str())],
                &body,
                SECRET,
                now(),
            )
        }),
        ("stale_timestamp", CodeKind::Signature, || {
            let body = br#"{"event_type":"form.completed","timestamp":"2026-11-20T11:00:00Z","data":{"id":301,"submission_id":4401}}"#;
            let an_hour_ago = now().timestamp() - 3600;
            let mut signed = format!("{an_hour_ago}.").into_bytes();
            signed.extend_from_slice(body);
            let header = format!("{an_hour_ago}.{}", hex::encode(mac(SECRET.as_bytes(), &signed)));
            refused(
                Provider::Docuseal,
                &[("X-Docuseal-Signature", header.as_str())],
                body,
                SECRET,
                now(),
            )
        }),
        ("invalid_body", CodeKind::Signature, || {
            // Authentic, but without DocuSign's `generatedDateTime`.
            let body =
                br#"{"event":"recipient-completed","data":{"envelopeId":"env-42","recipientId":"r-party"}}"#;
            let signature = STANDARD.encode(mac(SECRET.as_bytes(), body));
            refused(
                Provider::Docusign,
                &[("X-DocuSign-Signature-1", signature.as_str())],
                body,
                SECRET,
                now(),
            )
        }),
        // --- ignored: the `code` of an `ignored` entry of an applied delivery's report ------
        ("test_delivery", CodeKind::Ignored, || {
            outcomes(
                drafted(),
                &[dropbox(&dropbox_json("callback_test", None))],
                Hints::Refuse,
            )
        }),
        ("unknown_event_type", CodeKind::Ignored, || {
            outcomes(
                drafted(),
                &[docusign("envelope-resent", None, "env-42", 0)],
                Hints::Refuse,
            )
        }),
        ("unconfirmed_hint", CodeKind::Ignored, || {
            let body = br#"{"uid":"agr-5","status":"CURRENT_CONTRACT","updatedAt":"2026-11-20T11:00:00Z"}"#;
            let events = esign::receive(
                Provider::Concord,
                &Delivery { headers: &[], body },
                &Secret::new(""),
                now(),
            )
            .unwrap();
            outcomes(drafted(), &[events], Hints::Refuse)
        }),
        ("no_contract", CodeKind::Ignored, || {
            outcomes(
                Contract::default(),
                &[docusign("envelope-sent", None, "env-42", 0)],
                Hints::Refuse,
            )
        }),
        ("other_provider", CodeKind::Ignored, || {
            let yousign = yousign(&yousign_body("ev-1", "signature_request.activated", None));
            outcomes(
                drafted(),
                &[docusign("envelope-sent", None, "env-42", 0), yousign],
                Hints::Refuse,
            )
        }),
        ("other_request", CodeKind::Ignored, || {
            outcomes(
                drafted(),
                &[
                    docusign("envelope-sent", None, "env-42", 0),
                    docusign("envelope-voided", None, "env-99", 1),
                ],
                Hints::Refuse,
            )
        }),
        ("no_signer", CodeKind::Ignored, || {
            outcomes(
                drafted(),
                &[docusign("recipient-completed", None, "env-42", 0)],
                Hints::Refuse,
            )
        }),
        ("unknown_signer", CodeKind::Ignored, || {
            outcomes(
                drafted(),
                &[docusign("recipient-completed", Some("r-stranger"), "env-42", 0)],
                Hints::Refuse,
            )
        }),
        // DocuSign's `recipient-reassign` names the recipient who reassigned, not the new one.
        ("no_new_recipient", CodeKind::Ignored, || {
            outcomes(
                drafted(),
                &[docusign("recipient-reassign", Some("r-party"), "env-42", 0)],
                Hints::Refuse,
            )
        }),
        ("nothing_new", CodeKind::Ignored, || {
            outcomes(
                drafted(),
                &[
                    docusign("envelope-sent", None, "env-42", 0),
                    docusign("envelope-sent", None, "env-42", 1),
                ],
                Hints::Refuse,
            )
        }),
        // --- conflict: the `code` of a `conflict` entry of an applied delivery's report -----
        ("signer_already_final", CodeKind::Conflict, || {
            let signed = docusign("recipient-completed", Some("r-party"), "env-42", 0);
            outcomes(
                drafted(),
                &[
                    signed,
                    docusign("recipient-declined", Some("r-party"), "env-42", 1),
                ],
                Hints::Refuse,
            )
        }),
        ("contract_closed", CodeKind::Conflict, || {
            let voided = docusign("envelope-voided", None, "env-42", 0);
            outcomes(
                drafted(),
                &[
                    voided,
                    docusign("recipient-completed", Some("r-party"), "env-42", 1),
                ],
                Hints::Refuse,
            )
        }),
        ("contract_refused", CodeKind::Conflict, || {
            // No provider payload gives a blank envelope id (ids are trimmed and required), so
            // the event is built by hand: the contract refuses a `sent` with a blank id.
            let blank = SignatureEvent {
                provider: Provider::Docusign,
                request_id: Some("   ".into()),
                signer_id: None,
                new_signer_id: None,
                kind: EventKind::Sent,
                provider_event: "envelope-sent".into(),
                occurred_at: now(),
                dedupe_key: "docusign:blank:envelope-sent".into(),
                hint: false,
            };
            outcomes(drafted(), &[vec![blank]], Hints::Refuse)
        }),
        // --- draft: `DraftError::code()` ------------------------------------------------------
        ("not_eligible", CodeKind::Draft, || {
            let student = decision(json!({"country": "FR", "status": "student"}));
            draft_code(contract::draft("c-1", &student, terms(1), now()))
        }),
        ("invalid_contract_id", CodeKind::Draft, || {
            draft_code(contract::draft("   ", &eligible(), terms(1), now()))
        }),
        ("contract_not_active", CodeKind::Draft, || {
            draft_code(contract::amend(&drafted(), "c-2", terms(2), now()))
        }),
        ("version_not_next", CodeKind::Draft, || {
            draft_code(contract::amend(&active(), "c-2", terms(3), now()))
        }),
        // --- statement: `StatementError::code()` ---------------------------------------------
        ("invalid_sessions", CodeKind::Statement, || {
            let workshop = Session::from_json(&session("s-1", "2026-01-12T17:00:00Z", "workshop")).unwrap();
            statement_code(
                &BillingContract::from_json(&billing_contract("franchise")).unwrap(),
                &[workshop],
                &BillingPolicy::default(),
            )
        }),
        ("amount_overflow", CodeKind::Statement, || {
            // Typed terms take any rate exact in cents; two sessions at the largest decimal
            // add up past it. (On the wire a rate has at most 24 characters.)
            let rates = [("mentoring".to_owned(), Decimal::MAX)].into();
            let terms = Terms::new(
                1,
                mentor_core::money::Currency::parse("EUR").unwrap(),
                rates,
                "2026-01-01".parse().unwrap(),
                None,
                30,
            )
            .unwrap();
            let party = InvoicingParty::from_json(&billing_contract("franchise")["invoicing_party"]).unwrap();
            let contract = BillingContract::new("c-1", party, vec![terms]).unwrap();
            let sessions = ["s-1", "s-2"]
                .map(|id| Session::from_json(&session(id, "2026-01-12T17:00:00Z", "mentoring")).unwrap());
            statement_code(&contract, &sessions, &BillingPolicy::default())
        }),
        // --- discrepancy: the `code` of a discrepancy between an invoice and its statement --
        ("period_mismatch", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| i["period"] = json!("2026-02"))
        }),
        ("issuer_mismatch", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| i["issuer"]["country"] = json!("BE"))
        }),
        ("registration_number_mismatch", CodeKind::Discrepancy, || {
            // The SIREN where the statement has the SIRET.
            discrepancies("franchise", |i| {
                i["issuer"]["registration_number"] = json!("732 829 320")
            })
        }),
        ("currency_mismatch", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| i["currency"] = json!("USD"))
        }),
        ("amount_mismatch", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| i["total_excluding_vat"] = json!("30.00"))
        }),
        ("vat_charged", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| i["vat_amount"] = json!("7.00"))
        }),
        ("vat_amount_mismatch", CodeKind::Discrepancy, || {
            discrepancies("registered", |i| i["vat_amount"] = json!("6.00"))
        }),
        ("total_mismatch", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| i["total"] = json!("40.00"))
        }),
        ("missing_vat_mention", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| i["mentions"] = json!([]))
        }),
        ("wrong_vat_mention", CodeKind::Discrepancy, || {
            discrepancies("franchise", |i| {
                i["mentions"] = json!([FRANCHISE_MENTION, REVERSE_CHARGE_MENTION_FR])
            })
        }),
    ]
}

// -------------------------------------------------------------------------------------------
// Reading codes off the wire.

const EN: Lang = Lang::En;

fn strings<'v>(values: impl IntoIterator<Item = &'v Value>) -> Vec<String> {
    values
        .into_iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// The codes of the field errors (`[{"path", "code", "message"}]`) at `path`.
fn at(errors: &Value, path: &str) -> Vec<String> {
    strings(
        errors
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["path"] == path)
            .map(|e| &e["code"]),
    )
}

/// The codes at `path` of an input that does not parse, in its wire form.
fn input_at<T>(read: Result<T, InputError>, path: &str) -> Vec<String> {
    read.err().map_or_else(Vec::new, |e| at(&e.to_json(EN), path))
}

// -------------------------------------------------------------------------------------------
// Application forms.

fn now() -> DateTime<Utc> {
    "2026-11-20T12:00:00Z".parse().unwrap()
}

/// The codes at `path` of the valid form changed by `change`, validated on the wire.
fn form_at(change: impl FnOnce(&mut Value), path: &str) -> Vec<String> {
    let mut f = form();
    change(&mut f);
    at(
        &application::validate_json(&f, &Policy::default(), EN)["errors"],
        path,
    )
}

/// The codes at `path` of a form given as JSON text that cannot be read.
fn text_at(text: &str, path: &str) -> Vec<String> {
    application::validate_json_str(text, &Policy::default(), EN)
        .err()
        .map_or_else(Vec::new, |e| at(&json!([e.to_json(EN)]), path))
}

// -------------------------------------------------------------------------------------------
// Registration numbers.

/// Why `number` is not well-formed in `country`, where the wire says it: the `error` of its
/// check (`validate-id`), and of the `registration` and the `fix_registration_number` action
/// of a freelancer's eligibility decision; the three must agree.
fn registration_errors(country: &str, number: &str) -> Vec<String> {
    let check = registration::validate_json(country, number, EN).unwrap();
    let situation =
        json!({"country": country, "status": "freelancer", "business": {"registration_number": number}});
    let decision = eligibility::evaluate_json(&situation, &Policy::default(), EN).unwrap();
    let fix = decision["required_actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["code"] == "fix_registration_number");
    let errors = strings(
        [&check["error"], &decision["registration"]["error"]]
            .into_iter()
            .chain(fix.map(|a| &a["params"]["error"])),
    );
    assert!(
        errors.len() == 3 && errors.iter().all(|e| *e == errors[0]),
        "{country} `{number}`: {errors:?}"
    );
    errors
}

// -------------------------------------------------------------------------------------------
// Lifecycles.

const SUBMITTED: &str = r#"{"type": "submitted", "at": "2026-11-12T09:30:00Z", "actor": "candidate", "offer_id": "mentor-web-2026"}"#;

/// The `drafted` event of contract `c-1`, one line of a log.
const DRAFTED: &str = concat!(
    r#"{"type": "drafted", "at": "2026-11-20T08:00:00Z", "actor": "system", "contract_id": "c-1", "#,
    r#""terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30}, "#,
    r#""contracting_party": {"party": "employer", "country": "FR"}, "#,
    r#""signers": [{"role": "contracting_party", "recipient_id": "r-party"}, {"role": "company", "recipient_id": "r-company"}]}"#,
);

const SENT: &str = r#"{"type": "sent", "at": "2026-11-20T09:00:00Z", "actor": "system"}"#;

/// The `code` of the refusal that stops the replay of `log` (JSON Lines), on the wire.
fn refusal<A: Aggregate>(log: &str) -> Vec<String> {
    let events = read_log::<A::Change>(&read_records(log)).unwrap();
    strings([&Replay::<A>::run(&events).to_json(EN)["refused"]["code"]])
}

fn contract_of(log: &str) -> Contract {
    Contract::replay(&read_log::<ContractChange>(&read_records(log)).unwrap()).unwrap()
}

/// A contract drafted with the recipients `r-party` and `r-company`, not sent.
fn drafted() -> Contract {
    contract_of(DRAFTED)
}

/// The same contract, signed and in force.
fn active() -> Contract {
    let rest = ["completed", "activated"]
        .map(|ty| format!(r#"{{"type": "{ty}", "at": "2026-11-21T09:00:00Z", "actor": "system"}}"#));
    contract_of(&format!("{DRAFTED}\n{SENT}\n{}", rest.join("\n")))
}

fn terms_json(version: u32) -> Value {
    json!({"version": version, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})
}

fn terms(version: u32) -> Terms {
    Terms::from_json(&terms_json(version)).unwrap()
}

/// The codes at `path` of valid terms changed by `change`, read from the wire.
fn terms_at(change: impl FnOnce(&mut Value), path: &str) -> Vec<String> {
    let mut t = terms_json(1);
    change(&mut t);
    input_at(Terms::from_json(&t), path)
}

fn decision(situation: Value) -> Decision {
    eligibility::evaluate(
        &WorkingSituation::from_json(&situation).unwrap(),
        &Policy::default(),
    )
}

/// A freelancer with a well-formed SIRET: eligible.
fn eligible() -> Decision {
    decision(
        json!({"country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}}),
    )
}

fn draft_code<T>(drafted: Result<T, contract::DraftError>) -> Vec<String> {
    drafted.err().map(|e| e.code().to_owned()).into_iter().collect()
}

// -------------------------------------------------------------------------------------------
// Webhooks, signed here with the `hmac` crate as each provider documents.

const SECRET: &str = "test-webhook-secret";

fn mac(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    m.update(message);
    m.finalize().into_bytes().to_vec()
}

/// The `code` of the refusal of a delivery, on the wire.
fn refused(
    provider: Provider,
    headers: &[(&str, &str)],
    body: &[u8],
    secret: &str,
    now: DateTime<Utc>,
) -> Vec<String> {
    let received = esign::receive(provider, &Delivery { headers, body }, &Secret::new(secret), now);
    received
        .err()
        .map(|e| strings([&e.to_json(EN)["code"]]))
        .unwrap_or_default()
}

/// A DocuSign Connect JSON SIM message, generated at 10:`minute`.
fn docusign_body(event: &str, recipient: Option<&str>, envelope: &str, minute: u32) -> Vec<u8> {
    let mut data = json!({"accountId": "acc-1", "envelopeId": envelope});
    if let Some(r) = recipient {
        data["recipientId"] = json!(r);
    }
    serde_json::to_vec(&json!({"event": event, "apiVersion": "v2.1", "generatedDateTime": format!("2026-11-20T10:{minute:02}:00Z"), "data": data})).unwrap()
}

/// The events of a DocuSign message, signed with the secret.
fn docusign(event: &str, recipient: Option<&str>, envelope: &str, minute: u32) -> Vec<SignatureEvent> {
    let body = docusign_body(event, recipient, envelope, minute);
    let signature = STANDARD.encode(mac(SECRET.as_bytes(), &body));
    esign::receive(
        Provider::Docusign,
        &Delivery {
            headers: &[("X-DocuSign-Signature-1", signature.as_str())],
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap()
}

/// A Yousign v3 webhook payload.
fn yousign_body(event_id: &str, event_name: &str, signer: Option<&str>) -> Vec<u8> {
    let mut data = json!({"signature_request": {"id": "sr-7"}});
    if let Some(s) = signer {
        data["signer"] = json!({"id": s});
    }
    serde_json::to_vec(
        &json!({"event_id": event_id, "event_name": event_name, "event_time": "1795003200", "data": data}),
    )
    .unwrap()
}

fn yousign(body: &[u8]) -> Vec<SignatureEvent> {
    let header = format!("sha256={}", hex::encode(mac(SECRET.as_bytes(), body)));
    esign::receive(
        Provider::Yousign,
        &Delivery {
            headers: &[("X-Yousign-Signature-256", header.as_str())],
            body,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap()
}

/// A Dropbox Sign event (the `json` field, sent here as the whole body), its hash keyed with
/// the secret.
fn dropbox_json(event_type: &str, related: Option<&str>) -> String {
    let time = "1795003200";
    let hash = hex::encode(mac(SECRET.as_bytes(), format!("{time}{event_type}").as_bytes()));
    let event = json!({"event_type": event_type, "event_time": time, "event_hash": hash, "event_metadata": {"related_signature_id": related}});
    json!({"event": event, "signature_request": {"signature_request_id": "dsr-9"}}).to_string()
}

fn dropbox(json: &str) -> Vec<SignatureEvent> {
    esign::receive(
        Provider::DropboxSign,
        &Delivery {
            headers: &[],
            body: json.as_bytes(),
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap()
}

/// The `code`s of the `ignored` and `conflict` entries of the reports of applying each
/// delivery's events in turn to `contract`, on the wire.
fn outcomes(mut contract: Contract, deliveries: &[Vec<SignatureEvent>], hints: Hints) -> Vec<String> {
    let mut seen = Deliveries::new();
    let mut codes = Vec::new();
    for events in deliveries {
        let report = esign::apply(&mut contract, &mut seen, events, hints).to_json(EN);
        codes.extend(strings(
            report.as_array().unwrap().iter().map(|entry| &entry["code"]),
        ));
    }
    codes
}

// -------------------------------------------------------------------------------------------
// Billing.

/// A billing contract (`docs/billing.md`) of a French mentor's business whose VAT status is `vat`.
fn billing_contract(vat: &str) -> Value {
    json!({
        "contract_id": "c-2026-0042",
        "invoicing_party": {"party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00074", "vat": vat},
        "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-01-01", "notice_period_days": 30}],
    })
}

fn session(id: &str, started_at: &str, session_type: &str) -> Value {
    json!({"session_id": id, "started_at": started_at, "duration_minutes": 45, "session_type": session_type, "student_ref": "stu-1", "status": "completed"})
}

/// The codes at `path` of the statement of `sessions` for `period`, on the wire.
fn statement_at(contract: &Value, sessions: &Value, period: &str, path: &str) -> Vec<String> {
    input_at(
        billing::statement_json(contract, sessions, period, &BillingPolicy::default(), EN),
        path,
    )
}

/// The statement, on the wire, of one session of 35.00 in January 2026.
fn january_statement(vat: &str) -> Value {
    let sessions = json!([session("s-1", "2026-01-12T17:00:00Z", "mentoring")]);
    billing::statement_json(
        &billing_contract(vat),
        &sessions,
        "2026-01",
        &BillingPolicy::default(),
        EN,
    )
    .unwrap()
}

fn statement_code(contract: &BillingContract, sessions: &[Session], policy: &BillingPolicy) -> Vec<String> {
    let jan = BillingPeriod::parse("2026-01").unwrap();
    billing::statement(contract, sessions, jan, policy)
        .err()
        .map(|e| e.code().to_owned())
        .into_iter()
        .collect()
}

/// The discrepancy codes of the invoice of [`january_statement`], written to match it, then
/// changed by `change`.
fn discrepancies(vat: &str, change: impl FnOnce(&mut Value)) -> Vec<String> {
    let statement = january_statement(vat);
    let mut invoice = json!({
        "invoice_number": "F-2026-001", "issued_on": "2026-02-02", "period": "2026-01",
        "issuer": {"country": "FR", "registration_number": "732 829 320 00074"}, "currency": "EUR",
        "total_excluding_vat": statement["total_excluding_vat"], "vat_amount": statement["vat_amount"], "total": statement["total"],
        "mentions": strings([&statement["vat"]["mention"]]),
    });
    let check = |invoice: &Value| billing::check_invoice_json(&statement, invoice, EN).unwrap();
    assert_eq!(
        check(&invoice)["matches"],
        true,
        "the unchanged invoice matches its statement"
    );
    change(&mut invoice);
    strings(
        check(&invoice)["discrepancies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| &d["code"]),
    )
}
