//! The whole recruiting path through the service, on SQLite and on PostgreSQL: apply → queue →
//! interview → selected → contract → each of the six providers' signed deliveries → active →
//! sessions → statement → invoice check.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use axum::http::StatusCode;
use common::{Db, Signed, TestService, dropbox_sign, form, sign};
use mentor_core::esign::Provider;
use serde_json::{Value, json};

/// One provider's envelope: its id, the recipient id of the contracting party's signatory,
/// and the deliveries that sign it (the signatory's signature, then the envelope complete).
fn envelope(provider: Provider) -> (&'static str, &'static str, Vec<Signed>) {
    let text = |v: Value| v.to_string().into_bytes();
    match provider {
        Provider::Docusign => {
            let body = |event: &str, at: &str| {
                text(
                    json!({"event": event, "apiVersion": "v2.1", "generatedDateTime": at,
                    "data": {"accountId": "acc-1", "envelopeId": "env-1", "recipientId": "1"}}),
                )
            };
            (
                "env-1",
                "1",
                vec![
                    sign(provider, &body("recipient-completed", "2026-11-20T10:15:30Z")),
                    sign(provider, &body("envelope-completed", "2026-11-20T10:16:30Z")),
                ],
            )
        }
        Provider::DropboxSign => (
            "dsr-1",
            "sig-1",
            vec![
                dropbox_sign("signature_request_signed", "1795169730", "dsr-1", "sig-1"),
                dropbox_sign("signature_request_all_signed", "1795169790", "dsr-1", "sig-1"),
            ],
        ),
        Provider::Yousign => {
            let body = |id: &str, event: &str| {
                text(
                    json!({"event_id": id, "event_name": event, "event_time": "1795169730",
                    "data": {"signature_request": {"id": "sr-1"}, "signer": {"id": "signer-1"}}}),
                )
            };
            (
                "sr-1",
                "signer-1",
                vec![
                    sign(provider, &body("e-1", "signer.done")),
                    sign(provider, &body("e-2", "signature_request.done")),
                ],
            )
        }
        Provider::Documenso => {
            let body = |event: &str, at: &str| {
                text(
                    json!({"event": event, "createdAt": at, "payload": {"id": 7101, "status": "PENDING",
                    "recipients": [{"id": 9101, "role": "SIGNER", "signingStatus": "SIGNED"},
                                   {"id": 9102, "role": "SIGNER", "signingStatus": "NOT_SIGNED"}]}}),
                )
            };
            (
                "7101",
                "9101",
                vec![
                    sign(provider, &body("DOCUMENT_SIGNED", "2026-11-20T10:15:31.000Z")),
                    sign(provider, &body("DOCUMENT_COMPLETED", "2026-11-20T10:16:31.000Z")),
                ],
            )
        }
        Provider::Docuseal => (
            "4101",
            "3101",
            vec![
                sign(
                    provider,
                    &text(
                        json!({"event_type": "form.completed", "timestamp": "2026-11-20T10:15:30Z",
                        "data": {"id": 3101, "submission_id": 4101, "status": "completed"}}),
                    ),
                ),
                sign(
                    provider,
                    &text(
                        json!({"event_type": "submission.completed", "timestamp": "2026-11-20T10:16:30Z",
                        "data": {"id": 4101, "status": "completed"}}),
                    ),
                ),
            ],
        ),
        Provider::Concord => (
            "agr-1",
            "concord-signer",
            vec![sign(
                provider,
                &text(
                    json!({"uid": "agr-1", "status": "CURRENT_CONTRACT", "updatedAt": "2026-11-20T10:15:30Z"}),
                ),
            )],
        ),
    }
}

async fn event(t: &TestService, path: &str, body: Value) -> Value {
    let (status, answer) = t.operator("POST", path, Some(body.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{path} {body}: {answer}");
    answer
}

async fn deliver(t: &TestService, provider: Provider, delivery: &Signed) -> (StatusCode, Value) {
    t.send(
        "POST",
        &format!("/webhooks/{}", provider.name()),
        &delivery.header_refs(),
        delivery.body.clone(),
    )
    .await
}

async fn whole_path(db: Db) {
    let Some(t) = TestService::start(db).await else {
        return;
    };
    let providers: Vec<Provider> = Provider::ALL.iter().map(|(_, p)| *p).collect();
    let mut ids = Vec::new();
    for (i, _) in providers.iter().enumerate() {
        let (status, answer) = t
            .apply(&form(&format!("mentor{i}@example.org"), &format!("R-{i}")))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
        assert_eq!(answer["eligibility"]["outcome"], "eligible");
        assert!(answer["priority"]["score"].is_number());
        assert!(answer.get("email").is_none(), "no personal data echoed");
        ids.push(answer["id"].as_str().unwrap().to_owned());
    }
    // The same e-mail (other case) and offer: the first application is named.
    let (status, answer) = t.apply(&form("MENTOR0@example.org ", "R-again")).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::CONFLICT, Some("duplicate_application"))
    );
    assert_eq!(answer["first"], ids[0]);

    let (status, queue) = t.operator("GET", "/queue?now=2026-11-30T00:00:00Z", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(queue.as_array().unwrap().len(), providers.len());
    assert_eq!(queue[0]["rank"], 1);

    for (i, provider) in providers.iter().enumerate() {
        let id = &ids[i];
        let app = format!("/applications/{id}/events");
        // A refused transition: 409 with the core's code, state and event.
        let (status, refused) = t
            .operator(
                "POST",
                &app,
                Some(json!({"type": "selected", "actor": "mentor_manager"})),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(
            (
                refused["code"].as_str(),
                refused["state"].as_str(),
                refused["event"].as_str()
            ),
            (
                Some("transition_not_allowed"),
                Some("submitted"),
                Some("selected")
            )
        );
        event(
            &t,
            &app,
            json!({"type": "review_started", "actor": "mentor_manager"}),
        )
        .await;
        event(
            &t,
            &app,
            json!({"type": "interview_scheduled", "actor": "mentor_manager",
            "slot": {"start": "2026-12-10T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45}}),
        )
        .await;
        event(
            &t,
            &app,
            json!({"type": "interviewed", "actor": "mentor_manager"}),
        )
        .await;
        let shown = event(&t, &app, json!({"type": "selected", "actor": "mentor_manager"})).await;
        assert_eq!(shown["state"], "selected");

        let (envelope_id, recipient, deliveries) = envelope(*provider);
        let (status, contract) = t
            .operator(
                "POST",
                &format!("/applications/{id}/contract"),
                Some(json!({
                    "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
                              "start_date": "2026-01-01", "notice_period_days": 30},
                    "vat": "franchise",
                    "signers": [{"role": "contracting_party", "recipient_id": recipient},
                                {"role": "company", "recipient_id": format!("company-{i}")}],
                })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{contract}");
        assert_eq!(contract["state"], "draft");
        let contract_id = contract["id"].as_str().unwrap().to_owned();
        let contract_path = format!("/contracts/{contract_id}");

        // DocuSign's first delivery comes before the envelope is known: kept, not lost.
        let early = *provider == Provider::Docusign;
        if early {
            let (status, answer) = deliver(&t, *provider, &deliveries[0]).await;
            assert_eq!(
                (status, answer["outcome"].as_str()),
                (StatusCode::ACCEPTED, Some("pending")),
                "{answer}"
            );
        }
        let sent = event(
            &t,
            &format!("{contract_path}/events"),
            json!({"type": "sent", "actor": "system",
            "provider": provider.name(), "request_id": envelope_id}),
        )
        .await;
        if early {
            assert_eq!(
                sent["state"], "partially_signed",
                "the kept delivery applied on `sent`: {sent}"
            );
        }
        let (_, shown) = t.operator("GET", &format!("/applications/{id}"), None).await;
        assert_eq!(shown["state"], "contract_sent");

        for (n, delivery) in deliveries.iter().enumerate().skip(usize::from(early)) {
            let (status, answer) = deliver(&t, *provider, delivery).await;
            assert!(
                status.is_success(),
                "{provider:?} delivery {n}: {status} {answer}"
            );
            // A repeat is a 200 duplicate (Concord's hint is kept until confirmed).
            let (status, again) = deliver(&t, *provider, delivery).await;
            if *provider == Provider::Concord {
                assert_eq!(again["report"][0]["code"], "unconfirmed_hint", "{again}");
            } else {
                assert_eq!(
                    (status, again["outcome"].as_str()),
                    (StatusCode::OK, Some("duplicate")),
                    "{again}"
                );
            }
        }
        if *provider == Provider::Concord {
            let (status, confirmed) = t.operator("POST", &format!("{contract_path}/hints"), None).await;
            assert_eq!(status, StatusCode::OK, "{confirmed}");
        }
        let (_, shown) = t.operator("GET", &contract_path, None).await;
        assert_eq!(shown["state"], "signed", "{provider:?}: {shown}");
        let (_, shown) = t.operator("GET", &format!("/applications/{id}"), None).await;
        assert_eq!(shown["state"], "contract_signed");
        let active = event(
            &t,
            &format!("{contract_path}/events"),
            json!({"type": "activated", "actor": "system"}),
        )
        .await;
        assert_eq!(active["state"], "active");

        // A forged delivery: 401 with the core's code.
        if *provider != Provider::Concord && *provider != Provider::Documenso {
            let mut forged = deliveries[0].body.clone();
            forged.push(b' ');
            let (status, answer) = t
                .send(
                    "POST",
                    &format!("/webhooks/{}", provider.name()),
                    &deliveries[0].header_refs(),
                    forged,
                )
                .await;
            assert!(
                status == StatusCode::UNAUTHORIZED
                    || (status == StatusCode::OK && *provider == Provider::DropboxSign),
                "{provider:?}: {status} {answer}"
            );
        }

        if i == 0 {
            billing(&t, &contract_path).await;
        }
    }
    let (_, queue) = t.operator("GET", "/queue", None).await;
    assert_eq!(queue, json!([]), "decided applications leave the queue");
}

async fn billing(t: &TestService, contract: &str) {
    let session = |id: &str, day: u32, status: &str| {
        json!({"session_id": id, "started_at": format!("2026-01-{day:02}T17:00:00Z"), "duration_minutes": 45,
               "session_type": "mentoring", "student_ref": "stu-1", "status": status})
    };
    let sessions = json!([
        session("s-1", 5, "completed"),
        session("s-2", 12, "completed"),
        session("s-3", 19, "cancelled_late"),
        session("s-4", 26, "cancelled")
    ]);
    let (status, answer) = t
        .operator("POST", &format!("{contract}/sessions"), Some(sessions))
        .await;
    assert_eq!(
        (status, answer["stored"].as_u64()),
        (StatusCode::CREATED, Some(4)),
        "{answer}"
    );
    // All or none: a batch with one known session stores nothing.
    let (status, answer) = t
        .operator(
            "POST",
            &format!("{contract}/sessions"),
            Some(json!([
                session("s-5", 27, "completed"),
                session("s-1", 5, "completed")
            ])),
        )
        .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::CONFLICT, Some("duplicate_session"))
    );
    let (status, answer) = t
        .operator(
            "POST",
            &format!("{contract}/sessions"),
            Some(json!([{"session_id": "s-9"}])),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer["errors"][0]["path"].as_str().unwrap().starts_with("[0]."),
        "{answer}"
    );
    // A session the contract has no rate for would block January's statement: refused at
    // its index in the batch, with the core's code, and nothing of the batch is stored.
    let mut unbillable = session("s-7", 29, "completed");
    unbillable["session_type"] = json!("pair_programming");
    let (status, answer) = t
        .operator(
            "POST",
            &format!("{contract}/sessions"),
            Some(json!([session("s-6", 28, "completed"), unbillable])),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    let paths: Vec<(&str, &str)> = answer["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(paths, [("[1].session_type", "unknown_session_type")], "{answer}");
    // A session id twice in one batch is said so, at the second one.
    let (status, answer) = t
        .operator(
            "POST",
            &format!("{contract}/sessions"),
            Some(json!([
                session("s-8", 28, "completed"),
                session("s-8", 29, "completed")
            ])),
        )
        .await;
    assert_eq!(
        (
            status,
            answer["errors"][0]["path"].as_str(),
            answer["errors"][0]["code"].as_str()
        ),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("[1].session_id"),
            Some("duplicate_session")
        ),
        "{answer}"
    );

    let (status, statement) = t
        .operator("GET", &format!("{contract}/statement?period=2026-01"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{statement}");
    // By hand: 35.00 + 35.00 + 35.00 × 0.5 (a late cancellation) + 0 (cancelled) = 87.50,
    // no VAT under the franchise.
    assert_eq!(statement["total"], "87.50", "{statement}");
    let (_, empty) = t
        .operator("GET", &format!("{contract}/statement?period=2026-02"), None)
        .await;
    assert_eq!(empty["total"], "0.00");
    let (status, _) = t
        .operator("GET", &format!("{contract}/statement?period=2026-13"), None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // A stored session that cannot be billed (stored before the check existed) is named by
    // its id.
    let contract_id = contract.rsplit('/').next().unwrap();
    let mut stored = session("s-old", 3, "completed");
    stored["started_at"] = json!("2026-03-03T17:00:00Z");
    stored["session_type"] = json!("pair_programming");
    sqlx::query("INSERT INTO sessions (contract_id, session_id, body) VALUES ($1, $2, $3)")
        .bind(contract_id)
        .bind("s-old")
        .bind(stored.to_string())
        .execute(t.service.store.pool())
        .await
        .unwrap();
    let (status, answer) = t
        .operator("GET", &format!("{contract}/statement?period=2026-03"), None)
        .await;
    assert_eq!(
        (status, answer["sessions"][0]["session_id"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("s-old")),
        "{answer}"
    );

    let invoice = |total: &str| {
        json!({"invoice_number": "2026-001", "issued_on": "2026-02-02", "period": "2026-01",
               "issuer": {"country": "FR", "registration_number": "732 829 320 00074"},
               "currency": "EUR", "total_excluding_vat": total, "vat_amount": "0.00", "total": total,
               "mentions": ["TVA non applicable, art. 293 B du CGI"]})
    };
    let (status, check) = t
        .operator("POST", &format!("{contract}/invoices"), Some(invoice("87.50")))
        .await;
    assert_eq!(
        (status, check["matches"].as_bool()),
        (StatusCode::OK, Some(true)),
        "{check}"
    );
    let (_, check) = t
        .operator("POST", &format!("{contract}/invoices"), Some(invoice("90.00")))
        .await;
    assert_eq!(check["matches"], false, "{check}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whole_path_on_sqlite() {
    whole_path(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whole_path_on_postgres() {
    whole_path(Db::Postgres).await;
}
