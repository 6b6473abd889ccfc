//! Contract amendments (`POST /contracts/{id}/amendments`, the core's `contract::amend`): the
//! refusals, the two contracts of an amendment, and a statement spanning the amendment's start
//! date billed at each version's rates, on SQLite and on PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use axum::http::StatusCode;
use common::{Db, TestService, contract_sent};
use serde_json::{Value, json};

/// Terms of `version` at `rate` EUR a mentoring session from `start`.
fn terms(version: u32, rate: &str, start: &str) -> Value {
    json!({"version": version, "currency": "EUR", "rates": {"mentoring": rate},
           "start_date": start, "notice_period_days": 30})
}

async fn statement_total(t: &TestService, contract: &str) -> String {
    let (status, statement) = t
        .operator(
            "GET",
            &format!("/contracts/{contract}/statement?period=2026-01"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{statement}");
    statement["total"].as_str().unwrap().to_owned()
}

async fn amendments(db: Db) {
    let Some(t) = TestService::start(db).await else {
        return; // PostgreSQL not configured: skipped (noted by `postgres_url`)
    };
    // Version 1 (common::contract_sent): 35.00 EUR a mentoring session from 2026-01-01,
    // VAT franchise (no VAT).
    let id = contract_sent(&t, "amend@example.org", "env-amend").await;
    let amendments = format!("/contracts/{id}/amendments");

    // Only an active contract can be amended (it is `sent`).
    let (status, answer) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"terms": terms(2, "40.00", "2026-01-15")})),
        )
        .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::CONFLICT, Some("contract_not_active")),
        "{answer}"
    );
    for event in [
        json!({"type": "completed", "actor": "system"}),
        json!({"type": "activated", "actor": "system"}),
    ] {
        let (status, answer) = t
            .operator("POST", &format!("/contracts/{id}/events"), Some(event))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
    }

    let session = |n: u32, day: u32, status: &str| {
        json!({"session_id": format!("s-{n}"), "started_at": format!("2026-01-{day:02}T17:00:00Z"),
               "duration_minutes": 45, "session_type": "mentoring", "student_ref": "stu-1",
               "status": status})
    };
    let (status, answer) = t
        .operator(
            "POST",
            &format!("/contracts/{id}/sessions"),
            Some(json!([
                session(1, 5, "completed"),
                session(2, 12, "completed"),
                session(3, 15, "completed"),
                session(4, 19, "cancelled_late"),
                session(5, 26, "completed"),
            ])),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    // By hand, before any amendment, all at version 1: 35.00 × 4 completed + 35.00 × 0.5 (a
    // late cancellation) = 140.00 + 17.50 = 157.50.
    assert_eq!(statement_total(&t, &id).await, "157.50");

    // Refused amendments leave the contract as it was.
    let (status, answer) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"terms": terms(3, "40.00", "2026-01-15")})),
        )
        .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::CONFLICT, Some("version_not_next")),
        "{answer}"
    );
    let (status, answer) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"terms": terms(2, "40.00", "2026-01-01")})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["errors"][0]["path"], "terms.start_date", "{answer}");
    let (status, answer) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"contract_id": id, "terms": terms(2, "40.00", "2026-01-15")})),
        )
        .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::CONFLICT, Some("invalid_contract_id")),
        "{answer}"
    );
    let (status, answer) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"terms": terms(2, "40.00", "2026-01-15"), "rate": 1})),
        )
        .await;
    assert_eq!(
        (status, answer["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown_field")),
        "{answer}"
    );
    let (status, answer) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"contract_id": 2, "terms": terms(2, "40.00", "2026-01-15")})),
        )
        .await;
    assert_eq!(
        (status, answer["errors"][0]["path"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("contract_id")),
        "{answer}"
    );
    assert_eq!(statement_total(&t, &id).await, "157.50");

    // Version 2: 40.00 EUR from 2026-01-15.
    let (status, amended) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"terms": terms(2, "40.00", "2026-01-15")})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{amended}");
    let new_id = amended["id"].as_str().unwrap().to_owned();
    assert_eq!(
        new_id,
        format!("{id}-v2"),
        "contract-{{application}}-v{{version}}"
    );
    assert_eq!(amended["state"], "draft", "{amended}");
    assert_eq!(amended["application_id"], "app-1");
    let (_, old) = t.operator("GET", &format!("/contracts/{id}"), None).await;
    assert_eq!(old["state"], "amended", "{old}");
    // Sending the amendment's contract leaves the application where the first contract took
    // it: nothing is applied to it, and nothing refused.
    let (_, application_before) = t.operator("GET", "/applications/app-1", None).await;
    let (status, answer) = t
        .operator(
            "POST",
            &format!("/contracts/{new_id}/events"),
            Some(json!({"type": "sent", "actor": "system", "provider": "docusign", "request_id": "env-amend-v2"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert!(answer.get("application_refused").is_none(), "{answer}");
    let (_, application_after) = t.operator("GET", "/applications/app-1", None).await;
    assert_eq!(application_after, application_before);
    // Amended once: not again.
    let (status, answer) = t
        .operator(
            "POST",
            &amendments,
            Some(json!({"terms": terms(2, "45.00", "2026-01-20")})),
        )
        .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::CONFLICT, Some("contract_not_active")),
        "{answer}"
    );

    // By hand, the same sessions with version 2 from 2026-01-15, that day included (17:00 UTC
    // is 18:00 in Paris, the same day):
    //   5 Jan  completed        version 1  35.00
    //   12 Jan completed        version 1  35.00
    //   15 Jan completed        version 2  40.00
    //   19 Jan cancelled_late   version 2  40.00 × 0.5 = 20.00
    //   26 Jan completed        version 2  40.00
    //   total 35.00 + 35.00 + 40.00 + 20.00 + 40.00 = 170.00 (franchise: no VAT)
    assert_eq!(statement_total(&t, &id).await, "170.00");
    // The new contract's chain goes back to version 1: by hand, a session on 10 Jan at
    // version 1 (35.00) and one on 20 Jan at version 2 (40.00) make 75.00.
    let (status, answer) = t
        .operator(
            "POST",
            &format!("/contracts/{new_id}/sessions"),
            Some(json!([session(6, 10, "completed"), session(7, 20, "completed")])),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(statement_total(&t, &new_id).await, "75.00");
}

#[tokio::test]
async fn amendments_on_sqlite() {
    amendments(Db::Sqlite).await;
}

#[tokio::test]
async fn amendments_on_postgres() {
    amendments(Db::Postgres).await;
}
