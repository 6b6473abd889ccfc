//! What the service refuses that it once took: bodies read as the library reads JSON text
//! (a repeated key, a byte order mark), events dated in the future, `erased` posted to an
//! events route, a contract for an application that is not selected; and the bearer scheme
//! in any case.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use axum::http::StatusCode;
use common::{Db, TOKEN, TestService, form};
use serde_json::{Value, json};

/// A submitted application's id.
async fn submitted(t: &TestService, email: &str) -> String {
    let (status, answer) = t.apply(&form(email, "env-input")).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    answer["id"].as_str().unwrap().to_owned()
}

/// The path and code of an answer's first field error.
fn first_error(answer: &Value) -> (Option<&str>, Option<&str>) {
    let error = &answer["errors"][0];
    (error["path"].as_str(), error["code"].as_str())
}

/// An operator's request with a raw body.
async fn raw(t: &TestService, path: &str, body: &[u8]) -> (StatusCode, Value) {
    let auth = format!("Bearer {TOKEN}");
    t.send("POST", path, &[("authorization", &auth)], body.to_vec())
        .await
}

#[tokio::test]
async fn a_key_given_twice_is_refused_not_read_as_its_last_value() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let id = submitted(&t, "twice@example.org").await;
    let events = format!("/applications/{id}/events");
    // serde_json alone keeps the last `type`: the application would have been withdrawn.
    let (status, answer) = raw(
        &t,
        &events,
        br#"{"type": "review_started", "actor": "mentor_manager", "type": "withdrawn"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(first_error(&answer), (Some("type"), Some("duplicate_key")));
    let (_, application) = t.operator("GET", &format!("/applications/{id}"), None).await;
    assert_eq!(application["state"], "submitted", "{application}");

    // A form with `offer_id` twice, nested in the applicant too.
    let mut text = form("twice-form@example.org", "env-input").to_string();
    text.insert_str(1, r#""offer_id": "other","#);
    let (status, answer) = t.send("POST", "/applications", &[], text.into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["errors"][0]["code"], "duplicate_key", "{answer}");

    // A byte order mark before the text is not an error.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(br#"{"type": "review_started", "actor": "mentor_manager"}"#);
    let (status, answer) = raw(&t, &events, &with_bom).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(answer["state"], "in_review", "{answer}");
}

#[tokio::test]
async fn an_event_dated_in_the_future_is_refused() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let id = submitted(&t, "future@example.org").await;
    let events = format!("/applications/{id}/events");
    let (status, answer) = t
        .operator(
            "POST",
            &events,
            Some(json!({"type": "review_started", "actor": "mentor_manager", "at": "2099-01-01T00:00:00Z"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(first_error(&answer), (Some("at"), Some("out_of_range")));
    // The log is not frozen: the next event, dated now, is applied.
    let (status, answer) = t
        .operator(
            "POST",
            &events,
            Some(json!({"type": "review_started", "actor": "mentor_manager"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}

#[tokio::test]
async fn erased_goes_through_the_erasure_route() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let id = submitted(&t, "erase-me@example.org").await;
    let (status, answer) = t
        .operator(
            "POST",
            &format!("/applications/{id}/events"),
            Some(json!({"type": "erased", "actor": "mentor_manager"})),
        )
        .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::CONFLICT, Some("erasure_route")),
        "{answer}"
    );
    // Nothing was erased: the queue still lists the form.
    let (_, queue) = t.operator("GET", "/queue", None).await;
    assert!(queue.to_string().contains("erase-me@example.org"), "{queue}");
}

#[tokio::test]
async fn only_a_selected_application_gets_a_contract() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let id = submitted(&t, "not-yet@example.org").await;
    let (status, answer) = t
        .operator(
            "POST",
            &format!("/applications/{id}/contract"),
            Some(json!({
                "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
                          "start_date": "2026-01-01", "notice_period_days": 30},
                "vat": "franchise",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert_eq!(
        (
            answer["code"].as_str(),
            answer["state"].as_str(),
            answer["event"].as_str()
        ),
        (
            Some("transition_not_allowed"),
            Some("submitted"),
            Some("contract_sent")
        ),
        "{answer}"
    );
    // No contract was stored: the application has none.
    let (status, _) = t.operator("GET", "/contracts/contract-app-1", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_bearer_scheme_is_read_in_any_case() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    for scheme in ["Bearer", "bearer", "BEARER"] {
        let auth = format!("{scheme} {TOKEN}");
        let (status, answer) = t
            .send("GET", "/queue", &[("authorization", &auth)], Vec::new())
            .await;
        assert_eq!(status, StatusCode::OK, "{scheme}: {answer}");
    }
    let (status, _) = t
        .send(
            "GET",
            "/queue",
            &[("authorization", &format!("Basic {TOKEN}"))],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_queue_is_not_ranked_before_2000() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let (status, answer) = t.operator("GET", "/queue?now=0001-01-01T00:00:00Z", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(first_error(&answer), (Some("now"), Some("out_of_range")));
    let (status, _) = t.operator("GET", "/queue?now=2000-01-01T00:00:00Z", None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn terms_left_out_are_required() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let id = submitted(&t, "no-terms@example.org").await;
    let (status, answer) = t
        .operator(
            "POST",
            &format!("/applications/{id}/contract"),
            Some(json!({"vat": "franchise"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(first_error(&answer), (Some("terms"), Some("required")));
    let (status, answer) = t
        .operator("POST", "/contracts/contract-app-1/amendments", Some(json!({})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(first_error(&answer), (Some("terms"), Some("required")));
}

#[tokio::test]
async fn an_unreachable_postgresql_says_why_at_once() {
    // Port 1 on the loopback: nothing listens there.
    let started = std::time::Instant::now();
    let error = mentor_server::Store::open("postgres://mentor@127.0.0.1:1/mentor")
        .await
        .unwrap_err()
        .to_string();
    assert!(error.to_lowercase().contains("refused"), "{error}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{error}");
}
