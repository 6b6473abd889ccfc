//! criterion benchmarks of the e-signature webhooks (`docs/esign.md`, `benches/RESULTS.md#targets`): verify +
//! parse + apply one delivery with a 4 KB body, per provider that signs its deliveries (target: ≤ 10 µs,
//! `benches/RESULTS.md#targets`; the issue asked for 5 µs; HMAC-SHA256 of 4 KB alone is measured beside
//! them). Bodies are written in each provider's documented format, padded to 4 KB with the fields providers
//! add, and signed in the setup with the `hmac` crate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark stops loudly on bad setup"
)]

use std::hint::black_box;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use mentor_core::CountryCode;
use mentor_core::contract::{Contract, ContractChange, ContractingParty, SignerRole, SignerSetup, Terms};
use mentor_core::eligibility::Party;
use mentor_core::esign::{self, Deliveries, Delivery, Hints, Outcome, Provider, Secret};
use mentor_core::lifecycle::{Actor, Aggregate, Event};
use serde_json::{Value, json};
use sha2::Sha256;

const SECRET: &str = "bench-webhook-secret";
const BODY_BYTES: usize = 4096;

fn mac(message: &[u8]) -> Vec<u8> {
    let mut m = <Hmac<Sha256> as KeyInit>::new_from_slice(SECRET.as_bytes()).unwrap();
    m.update(message);
    m.finalize().into_bytes().to_vec()
}

/// `payload` with a filler field whose text brings the JSON body to 4 KB.
fn padded(mut payload: Value, filler_key: &str) -> Vec<u8> {
    let filler = "Please review and sign the mentoring contract. ".repeat(BODY_BYTES / 40);
    payload[filler_key] = json!("");
    let room = BODY_BYTES.saturating_sub(serde_json::to_vec(&payload).unwrap().len());
    payload[filler_key] = json!(filler.get(..room).unwrap());
    let body = serde_json::to_vec(&payload).unwrap();
    assert_eq!(body.len(), BODY_BYTES);
    body
}

/// A contract sent through `provider` as `request_id`, with the two signers' recipient ids.
fn sent_contract(provider: Provider, request_id: &str, party: &str, company: &str) -> Contract {
    let terms = Terms::from_json(&json!({
        "version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30,
    }))
    .unwrap();
    let at: DateTime<Utc> = "2026-11-20T08:00:00Z".parse().unwrap();
    let drafted = ContractChange::Drafted {
        contract_id: "c-bench".into(),
        terms,
        contracting_party: ContractingParty {
            party: Party::Employer,
            country: CountryCode::parse("FR").unwrap(),
            registration: None,
        },
        signers: [
            SignerSetup {
                role: SignerRole::ContractingParty,
                recipient_id: Some(party.into()),
            },
            SignerSetup {
                role: SignerRole::Company,
                recipient_id: Some(company.into()),
            },
        ],
        supersedes: None,
    };
    let sent = ContractChange::Sent {
        provider: Some(provider),
        request_id: Some(request_id.into()),
    };
    Contract::replay(&[
        Event {
            at,
            actor: Actor::System,
            change: drafted,
        },
        Event {
            at,
            actor: Actor::System,
            change: sent,
        },
    ])
    .unwrap()
}

struct Case {
    name: &'static str,
    provider: Provider,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    contract: Contract,
}

fn cases(now: DateTime<Utc>) -> Vec<Case> {
    let docusign = padded(
        json!({"event": "recipient-completed", "apiVersion": "v2.1", "uri": "/restapi/v2.1/accounts/acc-1/envelopes/env-1",
            "retryCount": 0, "configurationId": 10501, "generatedDateTime": "2026-11-20T10:00:00.1234567Z",
            "data": {"accountId": "acc-1", "userId": "u-1", "envelopeId": "env-1", "recipientId": "1"}}),
        "emailBlurb",
    );
    let yousign = padded(
        json!({"event_id": "0b5f3c2a-6d8e-4f1a-9b7c-2e4d6f8a0c1e", "event_name": "signer.done", "event_time": "1795168800",
            "subscription_id": "sub-1", "subscription_description": "contracts", "sandbox": false,
            "data": {"signature_request": {"id": "sr-1", "status": "ongoing"}, "signer": {"id": "ys-1", "status": "signed"}}}),
        "subscription_description",
    );
    let docuseal = padded(
        json!({"event_type": "form.completed", "timestamp": "2026-11-20T10:00:00Z",
            "data": {"id": 301, "submission_id": 4401, "status": "completed", "role": "Mentor"}}),
        "message",
    );
    let documenso = padded(
        json!({"event": "DOCUMENT_SIGNED", "createdAt": "2026-11-20T10:00:00.000Z", "webhookEndpoint": "https://example.invalid/hook",
            "payload": {"id": 88, "status": "PENDING", "recipients": [
                {"id": 501, "role": "SIGNER", "readStatus": "OPENED", "signingStatus": "SIGNED", "signedAt": "2026-11-20T09:59:30.000Z"},
                {"id": 502, "role": "SIGNER", "readStatus": "NOT_OPENED", "signingStatus": "NOT_SIGNED"}]}}),
        "webhookEndpointDescription",
    );
    let ts = now.timestamp().to_string();
    let mut docuseal_message = format!("{ts}.").into_bytes();
    docuseal_message.extend_from_slice(&docuseal);
    vec![
        Case {
            name: "docusign",
            provider: Provider::Docusign,
            headers: vec![("X-DocuSign-Signature-1", STANDARD.encode(mac(&docusign)))],
            contract: sent_contract(Provider::Docusign, "env-1", "1", "2"),
            body: docusign,
        },
        Case {
            name: "yousign",
            provider: Provider::Yousign,
            headers: vec![(
                "X-Yousign-Signature-256",
                format!("sha256={}", hex::encode(mac(&yousign))),
            )],
            contract: sent_contract(Provider::Yousign, "sr-1", "ys-1", "ys-2"),
            body: yousign,
        },
        Case {
            name: "docuseal",
            provider: Provider::Docuseal,
            headers: vec![(
                "X-Docuseal-Signature",
                format!("{ts}.{}", hex::encode(mac(&docuseal_message))),
            )],
            contract: sent_contract(Provider::Docuseal, "4401", "301", "302"),
            body: docuseal,
        },
        Case {
            name: "documenso",
            provider: Provider::Documenso,
            headers: vec![("X-Documenso-Secret", SECRET.to_owned())],
            contract: sent_contract(Provider::Documenso, "88", "501", "502"),
            body: documenso,
        },
    ]
}

fn webhooks(c: &mut Criterion) {
    let now: DateTime<Utc> = "2026-11-20T10:00:30Z".parse().unwrap();
    let secret = Secret::new(SECRET);
    let mut g = c.benchmark_group("webhook 4 KB");
    for case in cases(now) {
        let headers: Vec<(&str, &str)> = case.headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let delivery = Delivery {
            headers: &headers,
            body: &case.body,
        };
        // The setup is checked once: the delivery verifies and signs the contracting party.
        let mut check = case.contract.clone();
        let events = esign::receive(case.provider, &delivery, &secret, now).unwrap();
        let report = esign::apply(&mut check, &mut Deliveries::new(), &events, Hints::Refuse);
        assert!(
            matches!(report.entries[0].outcome, Outcome::Applied(_)),
            "{}: {:?}",
            case.name,
            report.entries[0].outcome
        );
        g.bench_function(format!("{}: verify + parse + apply", case.name), |b| {
            b.iter_batched(
                || (case.contract.clone(), Deliveries::new()),
                |(mut contract, mut seen)| {
                    let events = esign::receive(case.provider, black_box(&delivery), &secret, now).unwrap();
                    esign::apply(&mut contract, &mut seen, &events, Hints::Refuse)
                },
                BatchSize::SmallInput,
            )
        });
        g.bench_function(format!("{}: verify only", case.name), |b| {
            b.iter(|| {
                esign::verify(case.provider, black_box(&delivery), &secret, now).map(|v| v.verification())
            })
        });
    }
    let body = vec![b'x'; BODY_BYTES];
    g.bench_function("HMAC-SHA256 of 4 KB alone (hmac crate)", |b| {
        b.iter(|| mac(black_box(&body)))
    });
    g.finish();
}

criterion_group!(benches, webhooks);
criterion_main!(benches);
