//! Behaviour of the e-signature webhooks (`docs/esign.md`; CON-2, CON-3): each provider's
//! deliveries verified with its documented scheme, normalised, and applied to a contract
//! idempotently, monotonically and in any order. Deliveries are written here in each
//! provider's documented format with this file's own ids, and signed here with the `hmac`
//! crate, independently of the library's helper.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use hmac::{Hmac, KeyInit, Mac};
use mentor_core::contract::{
    Contract, ContractChange, ContractState, ContractingParty, SignerRole, SignerSetup, Terms,
};
use mentor_core::eligibility::Party;
use mentor_core::esign::{
    self, Conflict, Deliveries, Delivery, EventKind, Hints, Ignored, Outcome, Provider, Secret,
    SignatureEvent, Verification, VerifyError, WebhookError,
};
use mentor_core::lifecycle::{Actor, Aggregate, Event};
use mentor_core::{CountryCode, ErrorCode, Lang};
use proptest::prelude::*;
use serde_json::json;
use sha2::Sha256;

const SECRET: &str = "test-webhook-secret";
const PARTY: &str = "r-party";
const COMPANY: &str = "r-company";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    at("2026-11-20T12:00:00Z")
}

/// HMAC-SHA256, computed here with the `hmac` crate directly.
fn mac(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    m.update(message);
    m.finalize().into_bytes().to_vec()
}

fn drafted_with(party_id: &str, company_id: &str) -> Contract {
    let terms = Terms::from_json(&json!({
        "version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30,
    }))
    .unwrap();
    let party = ContractingParty {
        party: Party::Employer,
        country: CountryCode::parse("IN").unwrap(),
        registration: None,
    };
    let change = ContractChange::Drafted {
        contract_id: "c-1".into(),
        terms,
        contracting_party: party,
        signers: [
            SignerSetup {
                role: SignerRole::ContractingParty,
                recipient_id: Some(party_id.into()),
            },
            SignerSetup {
                role: SignerRole::Company,
                recipient_id: Some(company_id.into()),
            },
        ],
        supersedes: None,
    };
    Contract::replay(&[Event {
        at: at("2026-11-20T08:00:00Z"),
        actor: Actor::System,
        change,
    }])
    .unwrap()
}

fn drafted() -> Contract {
    drafted_with(PARTY, COMPANY)
}

fn statuses(contract: &Contract) -> Vec<&'static str> {
    contract.signers().iter().map(|s| s.status.name()).collect()
}

// ---------------------------------------------------------------------------------------------
// Deliveries in each provider's documented format.

/// A DocuSign Connect JSON SIM message.
fn docusign_body(event: &str, recipient: Option<&str>, generated: &str) -> Vec<u8> {
    let mut data = json!({"accountId": "acc-1", "userId": "u-1", "envelopeId": "env-42"});
    if let Some(r) = recipient {
        data["recipientId"] = json!(r);
    }
    serde_json::to_vec(&json!({
        "event": event, "apiVersion": "v2.1", "uri": "/restapi/v2.1/accounts/acc-1/envelopes/env-42",
        "retryCount": 0, "configurationId": 10501, "generatedDateTime": generated, "data": data,
    }))
    .unwrap()
}

fn docusign_receive(body: &[u8], key: &str) -> Result<Vec<SignatureEvent>, WebhookError> {
    let signature = STANDARD.encode(mac(key.as_bytes(), body));
    let headers = [
        ("X-DocuSign-Signature-1", signature.as_str()),
        ("Content-Type", "application/json"),
    ];
    esign::receive(
        Provider::Docusign,
        &Delivery {
            headers: &headers,
            body,
        },
        &Secret::new(SECRET),
        now(),
    )
}

/// A Yousign v3 webhook payload.
fn yousign_body(event_id: &str, event_name: &str, signer: Option<&str>, time: i64) -> Vec<u8> {
    let mut data = json!({"signature_request": {"id": "sr-7", "status": "ongoing"}});
    if let Some(s) = signer {
        data["signer"] = json!({"id": s, "status": "signed"});
    }
    serde_json::to_vec(&json!({
        "event_id": event_id, "event_name": event_name, "event_time": time.to_string(),
        "subscription_id": "sub-1", "subscription_description": "contracts", "sandbox": true, "data": data,
    }))
    .unwrap()
}

fn yousign_receive(body: &[u8]) -> Result<Vec<SignatureEvent>, WebhookError> {
    let header = format!("sha256={}", hex::encode(mac(SECRET.as_bytes(), body)));
    let headers = [("X-Yousign-Signature-256", header.as_str())];
    esign::receive(
        Provider::Yousign,
        &Delivery {
            headers: &headers,
            body,
        },
        &Secret::new(SECRET),
        now(),
    )
}

/// A DocuSeal webhook payload.
fn docuseal_body(event_type: &str, data: serde_json::Value, timestamp: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({"event_type": event_type, "timestamp": timestamp, "data": data})).unwrap()
}

fn docuseal_header(ts: i64, body: &[u8]) -> String {
    let mut message = ts.to_string().into_bytes();
    message.push(b'.');
    message.extend_from_slice(body);
    format!("{ts}.{}", hex::encode(mac(SECRET.as_bytes(), &message)))
}

fn docuseal_receive(
    body: &[u8],
    header: &str,
    now: DateTime<Utc>,
) -> Result<Vec<SignatureEvent>, WebhookError> {
    let headers = [("x-docuseal-signature", header)];
    esign::receive(
        Provider::Docuseal,
        &Delivery {
            headers: &headers,
            body,
        },
        &Secret::new(SECRET),
        now,
    )
}

/// A Dropbox Sign callback: `json` of a multipart/form-data body.
fn dropbox_json(
    event_type: &str,
    time: &str,
    related: Option<&str>,
    signatures: serde_json::Value,
) -> String {
    let hash = hex::encode(mac(SECRET.as_bytes(), format!("{time}{event_type}").as_bytes()));
    let mut event = json!({
        "event_type": event_type, "event_time": time, "event_hash": hash,
        "event_metadata": {"related_signature_id": related, "reported_for_account_id": "acct-1", "reported_for_app_id": null},
    });
    if event_type == "callback_test" {
        event["event_metadata"] = json!({"related_signature_id": null, "reported_for_account_id": "acct-1"});
        return json!({"event": event}).to_string();
    }
    json!({
        "event": event, "account_guid": "acct-1",
        "signature_request": {"signature_request_id": "dsr-9", "test_mode": true, "is_complete": false, "signatures": signatures},
    })
    .to_string()
}

fn multipart(json: &str) -> (String, Vec<u8>) {
    let boundary = "----mentorBoundary7MA4YWxk";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{json}\r\n--{boundary}--\r\n"
    );
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

fn dropbox_receive(json: &str) -> Result<Vec<SignatureEvent>, WebhookError> {
    let (content_type, body) = multipart(json);
    let headers = [("Content-Type", content_type.as_str())];
    esign::receive(
        Provider::DropboxSign,
        &Delivery {
            headers: &headers,
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    )
}

// ---------------------------------------------------------------------------------------------
// Idempotence and monotony.

#[test]
fn the_same_completed_delivery_received_twice_gives_one_transition() {
    let body = docusign_body("envelope-completed", None, "2026-11-20T10:15:00.1234567Z");
    let mut contract = drafted();
    let mut seen = Deliveries::new();
    let first = esign::apply(
        &mut contract,
        &mut seen,
        &docusign_receive(&body, SECRET).unwrap(),
        Hints::Refuse,
    );
    let after_first = contract.clone();
    let second = esign::apply(
        &mut contract,
        &mut seen,
        &docusign_receive(&body, SECRET).unwrap(),
        Hints::Refuse,
    );
    // The first delivery: the implied `sent`, then `completed`; the retry: nothing.
    let types: Vec<_> = first
        .contract_events()
        .map(|e| e.to_json()["type"].clone())
        .collect();
    assert_eq!(types, [json!("sent"), json!("completed")]);
    assert_eq!(second.entries[0].outcome, Outcome::Duplicate);
    assert_eq!(second.contract_events().count(), 0);
    assert_eq!(contract, after_first);
    assert_eq!(contract.state(), Some(ContractState::Signed));
    assert_eq!(seen.len(), 1);
}

#[test]
fn a_signer_who_signed_and_later_declines_stays_signed_and_the_conflict_is_reported() {
    let mut contract = drafted_with("ys-party", "ys-company");
    let mut seen = Deliveries::new();
    let t = at("2026-11-20T10:00:00Z").timestamp();
    for (id, name, signer, time) in [
        ("ev-1", "signature_request.activated", None, t),
        ("ev-2", "signer.done", Some("ys-party"), t + 60),
        ("ev-3", "signature_request.declined", Some("ys-party"), t + 120),
    ] {
        let events = yousign_receive(&yousign_body(id, name, signer, time)).unwrap();
        let report = esign::apply(&mut contract, &mut seen, &events, Hints::Refuse);
        if id == "ev-3" {
            let conflict = report.conflicts().next().copied().expect("a conflict");
            assert!(matches!(
                conflict,
                Conflict::SignerAlreadyFinal {
                    signer: SignerRole::ContractingParty,
                    event: EventKind::Declined,
                    ..
                }
            ));
            assert_eq!(conflict.code(), "signer_already_final");
            assert!(
                conflict.message(Lang::Fr).contains("premier résultat"),
                "{}",
                conflict.message(Lang::Fr)
            );
            assert_eq!(report.contract_events().count(), 0);
        }
    }
    assert_eq!(statuses(&contract), ["signed", "pending"]);
    assert_eq!(contract.state(), Some(ContractState::PartiallySigned));
}

#[test]
fn only_an_envelope_level_completed_arrives_and_every_signer_is_signed() {
    let mut contract = drafted_with("301", "302");
    let mut seen = Deliveries::new();
    let body = docuseal_body(
        "submission.completed",
        json!({"id": 4401, "status": "completed"}),
        "2026-11-20T11:58:00Z",
    );
    let header = docuseal_header(now().timestamp() - 30, &body);
    let events = docuseal_receive(&body, &header, now()).unwrap();
    assert_eq!(
        (events[0].kind, events[0].request_id.as_deref()),
        (EventKind::Completed, Some("4401"))
    );
    let _ = esign::apply(&mut contract, &mut seen, &events, Hints::Refuse);
    assert!(contract.is_fully_signed());
    assert_eq!(statuses(&contract), ["signed", "signed"]);
    assert_eq!(contract.state(), Some(ContractState::Signed));
    assert_eq!(contract.request_id(), Some("4401"));
}

#[test]
fn every_signer_signed_without_the_providers_completed_is_fully_signed() {
    let mut contract = drafted_with("301", "302");
    let mut seen = Deliveries::new();
    for (submitter, ts) in [(301, "2026-11-20T11:50:00Z"), (302, "2026-11-20T11:55:00Z")] {
        let body = docuseal_body(
            "form.completed",
            json!({"id": submitter, "submission_id": 4401, "status": "completed"}),
            ts,
        );
        let events = docuseal_receive(&body, &docuseal_header(now().timestamp(), &body), now()).unwrap();
        let _ = esign::apply(&mut contract, &mut seen, &events, Hints::Refuse);
    }
    assert!(contract.is_fully_signed());
    assert_eq!(contract.state(), Some(ContractState::Signed));
}

// ---------------------------------------------------------------------------------------------
// Each provider's verification scheme.

#[test]
fn docusign_the_hmac_key_is_the_secrets_utf8_bytes_not_its_base64_decoding() {
    // DocuSign's keys look like base64, and this one is valid base64: it is still used as text.
    let secret = "c2VjcmV0LWtleS0xMjM0NTY3ODkwYWJjZGVm";
    assert!(STANDARD.decode(secret).is_ok());
    let body = docusign_body("recipient-completed", Some(PARTY), "2026-11-20T10:00:00Z");
    let headers_for = |key: &[u8]| STANDARD.encode(mac(key, &body));
    let delivery_with = |sig: &str| -> Result<(), WebhookError> {
        let headers = [("X-DocuSign-Signature-1", sig)];
        esign::verify(
            Provider::Docusign,
            &Delivery {
                headers: &headers,
                body: &body,
            },
            &Secret::new(secret),
            now(),
        )
        .map(|_| ())
    };
    assert_eq!(delivery_with(&headers_for(secret.as_bytes())), Ok(()));
    let decoded = STANDARD.decode(secret).unwrap();
    assert_eq!(
        delivery_with(&headers_for(&decoded)),
        Err(WebhookError::Rejected(VerifyError::BadSignature))
    );
}

#[test]
fn docusign_any_signature_header_may_match_during_key_rotation() {
    let body = docusign_body("envelope-sent", None, "2026-11-20T10:00:00Z");
    let old = STANDARD.encode(mac(b"the-previous-key", &body));
    let current = STANDARD.encode(mac(SECRET.as_bytes(), &body));
    let headers = [
        ("X-DocuSign-Signature-1", old.as_str()),
        ("x-docusign-signature-2", current.as_str()),
    ];
    let events = esign::receive(
        Provider::Docusign,
        &Delivery {
            headers: &headers,
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap();
    assert_eq!(events[0].kind, EventKind::Sent);
    let only_old = [("X-DocuSign-Signature-1", old.as_str())];
    let err = esign::verify(
        Provider::Docusign,
        &Delivery {
            headers: &only_old,
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "bad_signature");
}

#[test]
fn docuseal_the_signed_message_is_the_timestamp_a_dot_and_the_body() {
    let body = docuseal_body(
        "form.viewed",
        json!({"id": 301, "submission_id": 4401}),
        "2026-11-20T11:59:00Z",
    );
    let ts = now().timestamp();
    assert!(docuseal_receive(&body, &docuseal_header(ts, &body), now()).is_ok());
    // Signing the body alone, or the timestamp and the body without the dot, does not verify.
    let body_only = format!("{ts}.{}", hex::encode(mac(SECRET.as_bytes(), &body)));
    let mut no_dot = ts.to_string().into_bytes();
    no_dot.extend_from_slice(&body);
    let without_dot = format!("{ts}.{}", hex::encode(mac(SECRET.as_bytes(), &no_dot)));
    for header in [body_only, without_dot] {
        assert_eq!(
            docuseal_receive(&body, &header, now()).unwrap_err().code(),
            "bad_signature"
        );
    }
}

#[test]
fn docuseal_a_delivery_6_minutes_old_is_refused_4_minutes_accepted_6_minutes_ahead_refused() {
    let body = docuseal_body(
        "form.completed",
        json!({"id": 301, "submission_id": 4401}),
        "2026-11-20T11:50:00Z",
    );
    let signed_at = now() - Duration::minutes(6);
    let stale = docuseal_receive(&body, &docuseal_header(signed_at.timestamp(), &body), now()).unwrap_err();
    assert_eq!(
        stale,
        WebhookError::Rejected(VerifyError::StaleTimestamp {
            age_seconds: 360,
            tolerance_seconds: 300
        })
    );
    assert!(
        stale.message(Lang::En).contains("360 s old"),
        "{}",
        stale.message(Lang::En)
    );
    let recent = now() - Duration::minutes(4);
    assert!(docuseal_receive(&body, &docuseal_header(recent.timestamp(), &body), now()).is_ok());
    let ahead = now() + Duration::minutes(6);
    let future = docuseal_receive(&body, &docuseal_header(ahead.timestamp(), &body), now()).unwrap_err();
    assert_eq!(future.code(), "stale_timestamp");
    assert!(
        future.message(Lang::Fr).contains("dans le futur"),
        "{}",
        future.message(Lang::Fr)
    );
}

#[test]
fn dropbox_sign_callback_test_is_accepted_and_changes_nothing() {
    let json = dropbox_json("callback_test", "1795003200", None, json!([]));
    let events = dropbox_receive(&json).unwrap();
    assert_eq!(
        (events[0].kind, events[0].request_id.as_deref()),
        (EventKind::Test, None)
    );
    let mut contract = drafted();
    let before = contract.clone();
    let mut seen = Deliveries::new();
    let report = esign::apply(&mut contract, &mut seen, &events, Hints::Refuse);
    assert_eq!(report.entries[0].outcome, Outcome::Ignored(Ignored::Test));
    assert_eq!(contract, before);
    // The same event as a raw JSON body (no multipart) is read too.
    let headers = [("Content-Type", "application/json")];
    let raw = esign::receive(
        Provider::DropboxSign,
        &Delivery {
            headers: &headers,
            body: json.as_bytes(),
        },
        &Secret::new(SECRET),
        now(),
    );
    assert_eq!(raw.unwrap()[0].kind, EventKind::Test);
}

#[test]
fn dropbox_sign_event_hash_covers_time_and_type_only() {
    let json = dropbox_json(
        "signature_request_signed",
        "1795003200",
        Some("sig-party"),
        json!([]),
    );
    assert_eq!(
        dropbox_receive(&json).unwrap()[0].signer_id.as_deref(),
        Some("sig-party")
    );
    // Another event type under the same hash is refused.
    let forged = json.replace("\"signature_request_signed\"", "\"signature_request_declined\"");
    assert_eq!(dropbox_receive(&forged).unwrap_err().code(), "bad_signature");
    let unsigned = json.replace("event_hash", "event_hash_removed");
    assert_eq!(
        dropbox_receive(&unsigned).unwrap_err(),
        WebhookError::Rejected(VerifyError::MissingSignature("event.event_hash"))
    );
}

#[test]
fn yousign_documenso_and_a_missing_header() {
    let body = yousign_body("ev-9", "signer.link_opened", Some("ys-party"), now().timestamp());
    assert_eq!(yousign_receive(&body).unwrap()[0].kind, EventKind::Viewed);
    let none: [(&str, &str); 0] = [];
    let err = esign::verify(
        Provider::Yousign,
        &Delivery {
            headers: &none,
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        WebhookError::Rejected(VerifyError::MissingHeader("X-Yousign-Signature-256"))
    );
    let bad_scheme = [("X-Yousign-Signature-256", "md5=abc")];
    let err = esign::verify(
        Provider::Yousign,
        &Delivery {
            headers: &bad_scheme,
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "malformed_header");
    // Documenso: the plain secret; an empty one (Documenso's "no secret configured") is refused.
    let doc = br#"{"event":"DOCUMENT_COMPLETED","payload":{"id":88,"recipients":[]},"createdAt":"2026-11-20T11:00:00.000Z","webhookEndpoint":"https://example.invalid/hook"}"#;
    let headers = [("X-Documenso-Secret", SECRET)];
    let events = esign::receive(
        Provider::Documenso,
        &Delivery {
            headers: &headers,
            body: doc,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap();
    assert_eq!(
        (events[0].kind, events[0].request_id.as_deref()),
        (EventKind::Completed, Some("88"))
    );
    let empty = [("X-Documenso-Secret", "")];
    let err = esign::verify(
        Provider::Documenso,
        &Delivery {
            headers: &empty,
            body: doc,
        },
        &Secret::new(""),
        now(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "empty_secret");
}

#[test]
fn documenso_a_signed_snapshot_gives_one_event_per_signed_recipient() {
    let doc = json!({
        "event": "DOCUMENT_SIGNED", "createdAt": "2026-11-20T11:00:00.000Z",
        "payload": {"id": 88, "status": "PENDING", "recipients": [
            {"id": 501, "role": "SIGNER", "readStatus": "OPENED", "signingStatus": "SIGNED", "signedAt": "2026-11-20T10:59:30.000Z"},
            {"id": 502, "role": "SIGNER", "readStatus": "NOT_OPENED", "signingStatus": "NOT_SIGNED", "signedAt": null},
            {"id": 503, "role": "CC", "readStatus": "OPENED", "signingStatus": "SIGNED"},
        ]},
    });
    let body = serde_json::to_vec(&doc).unwrap();
    let headers = [("X-Documenso-Secret", SECRET)];
    let events = esign::receive(
        Provider::Documenso,
        &Delivery {
            headers: &headers,
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].kind, events[0].signer_id.as_deref()),
        (EventKind::Signed, Some("501"))
    );
    assert_eq!(events[0].occurred_at, at("2026-11-20T10:59:30Z"));
    let mut contract = drafted_with("501", "502");
    let _ = esign::apply(&mut contract, &mut Deliveries::new(), &events, Hints::Refuse);
    assert_eq!(statuses(&contract), ["signed", "pending"]);
}

// ---------------------------------------------------------------------------------------------
// Signers and dates.

#[test]
fn a_reassigned_event_moves_the_signer_role_to_the_new_person_matched_by_provider_id_not_email() {
    let mut contract = drafted_with("sig-party", "sig-company");
    let mut seen = Deliveries::new();
    // The new person's signature replaces `sig-party`; its e-mail is irrelevant.
    let signatures = json!([
        {"signature_id": "sig-company", "signer_email_address": "countersign@example.invalid", "status_code": "awaiting_signature"},
        {"signature_id": "sig-new", "reassigned_from": "sig-party", "signer_email_address": "new.person@example.invalid", "status_code": "awaiting_signature"},
    ]);
    let reassigned = dropbox_receive(&dropbox_json(
        "signature_request_reassigned",
        "1795003200",
        Some("sig-party"),
        signatures,
    ))
    .unwrap();
    assert_eq!(
        (
            reassigned[0].signer_id.as_deref(),
            reassigned[0].new_signer_id.as_deref()
        ),
        (Some("sig-party"), Some("sig-new"))
    );
    let report = esign::apply(&mut contract, &mut seen, &reassigned, Hints::Refuse);
    assert_eq!(report.contract_events().count(), 2); // implied `sent`, then `reassigned`
    assert_eq!(
        contract
            .signer(SignerRole::ContractingParty)
            .unwrap()
            .recipient_id
            .as_deref(),
        Some("sig-new")
    );
    // The old person's id no longer names a signer; the new person's signature is the role's.
    let old = dropbox_receive(&dropbox_json(
        "signature_request_signed",
        "1795003300",
        Some("sig-party"),
        json!([]),
    ))
    .unwrap();
    let report = esign::apply(&mut contract, &mut seen, &old, Hints::Refuse);
    assert_eq!(
        report.entries[0].outcome,
        Outcome::Ignored(Ignored::UnknownSigner)
    );
    let new = dropbox_receive(&dropbox_json(
        "signature_request_signed",
        "1795003400",
        Some("sig-new"),
        json!([]),
    ))
    .unwrap();
    let _ = esign::apply(&mut contract, &mut seen, &new, Hints::Refuse);
    assert_eq!(statuses(&contract), ["signed", "pending"]);
    // The reassignment delivered again is a duplicate.
    let again = esign::apply(&mut contract, &mut seen, &reassigned, Hints::Refuse);
    assert_eq!(again.entries[0].outcome, Outcome::Duplicate);
}

#[test]
fn the_date_a_contract_was_signed_shown_in_the_signers_zone_is_the_signers_local_date() {
    let mut contract = drafted();
    let body = docusign_body("recipient-completed", Some(PARTY), "2026-11-20T23:30:00Z");
    let _ = esign::apply(
        &mut contract,
        &mut Deliveries::new(),
        &docusign_receive(&body, SECRET).unwrap(),
        Hints::Refuse,
    );
    let signed = contract.signed_on(SignerRole::ContractingParty).unwrap();
    assert_eq!(
        signed.date_naive(),
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    );
    let local = contract
        .signed_on_local(SignerRole::ContractingParty, chrono_tz::Asia::Kolkata)
        .unwrap();
    assert_eq!(local, NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
}

// ---------------------------------------------------------------------------------------------
// Refused deliveries never change a contract.

#[test]
fn forged_tampered_stale_and_malformed_deliveries_are_refused_with_clear_errors_and_change_nothing() {
    let contract = drafted();
    let body = docusign_body("recipient-completed", Some(PARTY), "2026-11-20T10:00:00Z");
    let good = STANDARD.encode(mac(SECRET.as_bytes(), &body));
    let forged = STANDARD.encode(mac(b"an-attackers-guess", &body));
    let tampered = String::from_utf8(body.clone())
        .unwrap()
        .replace(PARTY, COMPANY)
        .into_bytes();
    let not_json = b"recipient-completed for r-party".to_vec();
    let not_json_sig = STANDARD.encode(mac(SECRET.as_bytes(), &not_json));
    let missing_field = br#"{"event":"recipient-completed","data":{"envelopeId":"env-42"}}"#.to_vec();
    let missing_field_sig = STANDARD.encode(mac(SECRET.as_bytes(), &missing_field));
    let cases: [(&str, &[u8], Option<&str>, &str); 6] = [
        ("forged", &body, Some(&forged), "bad_signature"),
        ("tampered", &tampered, Some(&good), "bad_signature"),
        ("unsigned", &body, None, "missing_header"),
        ("malformed header", &body, Some("not base64!"), "malformed_header"),
        ("not JSON", &not_json, Some(&not_json_sig), "invalid_body"),
        (
            "missing field",
            &missing_field,
            Some(&missing_field_sig),
            "invalid_body",
        ),
    ];
    for (name, body, signature, code) in cases {
        let headers: Vec<(&str, &str)> = signature
            .map(|s| vec![("X-DocuSign-Signature-1", s)])
            .unwrap_or_default();
        let err = esign::receive(
            Provider::Docusign,
            &Delivery {
                headers: &headers,
                body,
            },
            &Secret::new(SECRET),
            now(),
        )
        .unwrap_err();
        assert_eq!(err.code(), code, "{name}");
        for lang in [Lang::En, Lang::Fr] {
            let message = err.message(lang);
            assert!(
                !message.is_empty() && !message.contains(PARTY),
                "{name}: {message}"
            );
        }
    }
    // The malformed body names the missing field, with the payload's path.
    let headers = [("X-DocuSign-Signature-1", missing_field_sig.as_str())];
    let WebhookError::Malformed(e) = esign::receive(
        Provider::Docusign,
        &Delivery {
            headers: &headers,
            body: &missing_field,
        },
        &Secret::new(SECRET),
        now(),
    )
    .unwrap_err() else {
        panic!("a malformed body")
    };
    assert_eq!(
        (e.errors[0].path.as_str(), e.errors[0].code),
        ("generatedDateTime", ErrorCode::Required)
    );
    // A stale DocuSeal delivery, correctly signed.
    let seal = docuseal_body(
        "form.completed",
        json!({"id": 301, "submission_id": 4401}),
        "2026-11-20T11:00:00Z",
    );
    let stale =
        docuseal_receive(&seal, &docuseal_header(now().timestamp() - 3600, &seal), now()).unwrap_err();
    assert_eq!(stale.code(), "stale_timestamp");
    // Nothing reached the contract.
    assert_eq!(contract, drafted());
}

#[test]
fn the_secret_and_the_body_never_show_in_debug_output() {
    let body = docusign_body("recipient-completed", Some(PARTY), "2026-11-20T10:00:00Z");
    let headers = [("X-DocuSign-Signature-1", "c2lnbmF0dXJl")];
    let delivery = Delivery {
        headers: &headers,
        body: &body,
    };
    let verified = esign::verify(
        Provider::Documenso,
        &Delivery {
            headers: &[("X-Documenso-Secret", SECRET)],
            body: &body,
        },
        &Secret::new(SECRET),
        now(),
    );
    let shown = format!("{delivery:?} {:?} {verified:?}", Secret::new(SECRET));
    assert!(
        !shown.contains(SECRET) && !shown.contains(PARTY) && !shown.contains("c2lnbmF0dXJl"),
        "{shown}"
    );
}

// ---------------------------------------------------------------------------------------------
// Unknown events, hints, out-of-order deliveries.

#[test]
fn unknown_event_types_are_accepted_and_ignored() {
    let mut contract = drafted();
    let mut seen = Deliveries::new();
    let body = docusign_body("envelope-resent", None, "2026-11-20T10:00:00Z");
    let events = docusign_receive(&body, SECRET).unwrap();
    assert_eq!(
        (events[0].kind, events[0].provider_event.as_str()),
        (EventKind::Unknown, "envelope-resent")
    );
    let yousign = yousign_receive(&yousign_body(
        "ev-77",
        "signer.notified",
        Some("ys-party"),
        now().timestamp(),
    ))
    .unwrap();
    let report = esign::apply(
        &mut contract,
        &mut seen,
        &[events, yousign].concat(),
        Hints::Refuse,
    );
    for entry in &report.entries {
        assert_eq!(entry.outcome, Outcome::Ignored(Ignored::UnknownEventType));
    }
    assert_eq!(contract, drafted());
    // An unknown event need not name an envelope at all.
    let bare = br#"{"event":"template-created","generatedDateTime":"2026-11-20T10:00:00Z","data":{}}"#;
    assert_eq!(
        docusign_receive(bare, SECRET).unwrap()[0].kind,
        EventKind::Unknown
    );
}

#[test]
fn concord_deliveries_are_unverified_hints_applied_only_once_confirmed() {
    let body = br#"{"uid":"agr-5","status":"CURRENT_CONTRACT","updatedAt":"2026-11-20T11:00:00Z"}"#;
    let none: [(&str, &str); 0] = [];
    let delivery = Delivery { headers: &none, body };
    let verified = esign::verify(Provider::Concord, &delivery, &Secret::new(""), now()).unwrap();
    assert_eq!(verified.verification(), Verification::Unverified);
    let events = verified.events().unwrap();
    assert!(events[0].hint);
    assert_eq!(events[0].kind, EventKind::Completed);
    let mut contract = drafted();
    let mut seen = Deliveries::new();
    let refused = esign::apply(&mut contract, &mut seen, &events, Hints::Refuse);
    assert_eq!(
        refused.entries[0].outcome,
        Outcome::Ignored(Ignored::UnconfirmedHint)
    );
    assert_eq!((contract.state(), seen.len()), (Some(ContractState::Draft), 0));
    let _ = esign::apply(&mut contract, &mut seen, &events, Hints::Confirmed);
    assert!(contract.is_fully_signed());
}

#[test]
fn out_of_order_deliveries_converge_a_signature_on_a_draft_implies_it_was_sent() {
    let mut contract = drafted();
    let mut seen = Deliveries::new();
    let late_first = docusign_receive(
        &docusign_body("recipient-completed", Some(COMPANY), "2026-11-20T10:30:00Z"),
        SECRET,
    )
    .unwrap();
    let report = esign::apply(&mut contract, &mut seen, &late_first, Hints::Refuse);
    let types: Vec<_> = report
        .contract_events()
        .map(|e| e.to_json()["type"].clone())
        .collect();
    assert_eq!(types, [json!("sent"), json!("signed")]);
    assert_eq!(contract.request_id(), Some("env-42"));
    assert_eq!(contract.provider(), Some(Provider::Docusign));
    // Older deliveries arrive afterwards: the `sent` changes nothing; the first signer's
    // signature, dated before the contract's last event, is applied at that last event.
    for (event, recipient, when) in [
        ("envelope-sent", None, "2026-11-20T09:00:00Z"),
        ("recipient-completed", Some(PARTY), "2026-11-20T10:10:00Z"),
    ] {
        let events = docusign_receive(&docusign_body(event, recipient, when), SECRET).unwrap();
        let report = esign::apply(&mut contract, &mut seen, &events, Hints::Refuse);
        if event == "envelope-sent" {
            assert_eq!(report.entries[0].outcome, Outcome::Ignored(Ignored::NothingNew));
        } else {
            assert_eq!(events[0].occurred_at, at("2026-11-20T10:10:00Z"));
            assert_eq!(
                report.contract_events().next().unwrap().at,
                at("2026-11-20T10:30:00Z")
            );
        }
    }
    assert_eq!(contract.state(), Some(ContractState::Signed));
    // A late `viewed` after `signed` is ignored.
    let viewed = docusign_receive(
        &docusign_body("recipient-delivered", Some(PARTY), "2026-11-20T10:05:00Z"),
        SECRET,
    )
    .unwrap();
    let report = esign::apply(&mut contract, &mut seen, &viewed, Hints::Refuse);
    assert_eq!(report.entries[0].outcome, Outcome::Ignored(Ignored::NothingNew));
    assert_eq!(statuses(&contract), ["signed", "signed"]);
}

#[test]
fn an_event_for_another_envelope_is_ignored_and_not_recorded() {
    let mut contract = drafted();
    let mut seen = Deliveries::new();
    let _ = esign::apply(
        &mut contract,
        &mut seen,
        &docusign_receive(
            &docusign_body("envelope-sent", None, "2026-11-20T09:00:00Z"),
            SECRET,
        )
        .unwrap(),
        Hints::Refuse,
    );
    let other = String::from_utf8(docusign_body("envelope-voided", None, "2026-11-20T09:30:00Z"))
        .unwrap()
        .replace("env-42", "env-99");
    let report = esign::apply(
        &mut contract,
        &mut seen,
        &docusign_receive(other.as_bytes(), SECRET).unwrap(),
        Hints::Refuse,
    );
    assert_eq!(report.entries[0].outcome, Outcome::Ignored(Ignored::OtherRequest));
    assert_eq!((contract.state(), seen.len()), (Some(ContractState::Sent), 1));
}

// ---------------------------------------------------------------------------------------------
// Convergence.

/// A valid DocuSign delivery sequence, in the order it happened: (event, recipient, minute).
const ALL_SIGN: [(&str, Option<&str>, u32); 6] = [
    ("envelope-sent", None, 0),
    ("recipient-delivered", Some(PARTY), 1),
    ("recipient-completed", Some(PARTY), 2),
    ("recipient-delivered", Some(COMPANY), 3),
    ("recipient-completed", Some(COMPANY), 4),
    ("envelope-completed", None, 5),
];

const DECLINE: [(&str, Option<&str>, u32); 3] = [
    ("envelope-sent", None, 0),
    ("recipient-delivered", Some(PARTY), 1),
    ("recipient-declined", Some(PARTY), 2),
];

fn deliveries(sequence: &[(&str, Option<&str>, u32)]) -> Vec<Vec<SignatureEvent>> {
    sequence
        .iter()
        .map(|(event, recipient, minute)| {
            docusign_receive(
                &docusign_body(event, *recipient, &format!("2026-11-20T10:{minute:02}:00Z")),
                SECRET,
            )
            .unwrap()
        })
        .collect()
}

fn final_state(
    order: &[usize],
    sequence: &[Vec<SignatureEvent>],
) -> (Option<ContractState>, Vec<&'static str>) {
    let mut contract = drafted();
    let mut seen = Deliveries::new();
    for &i in order {
        let _ = esign::apply(&mut contract, &mut seen, &sequence[i], Hints::Refuse);
    }
    (contract.state(), statuses(&contract))
}

/// Every index once, plus some repeated, in any order.
fn orders(n: usize) -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..n, 0..8).prop_flat_map(move |extra| {
        let mut all: Vec<usize> = (0..n).collect();
        all.extend(extra);
        Just(all).prop_shuffle()
    })
}

proptest! {
    #[test]
    fn any_permutation_with_any_duplicates_converges_when_everyone_signs(order in orders(ALL_SIGN.len())) {
        let sequence = deliveries(&ALL_SIGN);
        prop_assert_eq!(final_state(&order, &sequence), (Some(ContractState::Signed), vec!["signed", "signed"]));
    }

    #[test]
    fn any_permutation_with_any_duplicates_converges_when_a_signer_declines(order in orders(DECLINE.len())) {
        let sequence = deliveries(&DECLINE);
        prop_assert_eq!(final_state(&order, &sequence), (Some(ContractState::Declined), vec!["declined", "pending"]));
    }
}
