//! The service's contract with its clients: the queue ranked as `mentor triage` ranks, JSON
//! errors everywhere (unknown route, wrong method, body too large, bad token), languages,
//! erasure, the OpenAPI document and the demo form at `/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use common::{Db, Shuffle, TOKEN, TestService, form};
use mentor_core::policy::Policy;
use mentor_core::triage::{self, Status};
use serde_json::{Value, json};

/// The example policy, excluding one country (POL-1) so that some forms are `ineligible`.
fn example_policy() -> Policy {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/examples/policy.toml"
    ))
    .unwrap();
    let text = text.replacen("excluded_countries = []", "excluded_countries = [\"RU\"]", 1);
    Policy::from_text(&text).unwrap()
}

/// Forms of every kind: the example batch, then generated ones (subjects of each demand,
/// levels, years, optional items, submission dates, working situations).
fn forms() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/examples/applications.jsonl"
    ))
    .unwrap();
    let mut forms: Vec<Value> = triage::read_records(&text)
        .iter()
        .filter_map(|r| r.value().ok().map(|v| v.into_owned()))
        .collect();
    let mut random = Shuffle(7);
    let subjects = [
        "python",
        "data_analysis",
        "machine_learning",
        "javascript",
        "ux_design",
        "cobol",
    ];
    let levels = ["comfortable", "proficient", "expert"];
    let statuses = ["student", "freelancer", "employee", "retired"];
    for i in 0..60 {
        let mut form = form(&format!("gen{i}@example.org"), &format!("G-{i}"));
        form["subjects"] = json!([{"subject": subjects[random.below(subjects.len())],
            "level": levels[random.below(levels.len())], "years_experience": random.below(12)}]);
        form["submitted_at"] = Value::from(format!("2026-11-{:02}T09:30:00Z", 1 + random.below(28)));
        if random.below(2) == 0 {
            form["motivation"] = Value::from("I like explaining things.");
            form["applicant"]["phone"] = Value::from("+33612345678");
        }
        let status = statuses[random.below(statuses.len())];
        form["working_situation"] = if status == "freelancer" {
            json!({"status": status, "business": {"registration_number": "732 829 320 00074"}})
        } else {
            json!({"status": status})
        };
        if random.below(10) == 0 {
            form["applicant"]["country"] = Value::from("RU");
        }
        forms.push(form);
    }
    forms
}

async fn queue_as_triage(db: Db) {
    let policy = example_policy();
    let Some(t) = TestService::with_policy(db, policy.clone()).await else {
        return;
    };
    let mut stored = Vec::new();
    for form in forms() {
        let (status, _) = t.apply(&form).await;
        if status == StatusCode::CREATED {
            stored.push(form);
        } else {
            assert!(
                matches!(status, StatusCode::UNPROCESSABLE_ENTITY | StatusCode::CONFLICT),
                "{status}"
            );
        }
    }
    assert!(stored.len() > 50, "most forms are stored");
    let now = "2026-11-30T00:00:00Z";
    let (status, queue) = t.operator("GET", &format!("/queue?now={now}"), None).await;
    assert_eq!(status, StatusCode::OK);
    let served: Vec<(Value, Value, Value)> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["reference"].clone(), e["status"].clone(), e["rank"].clone()))
        .collect();
    // What `mentor triage --now` says of the same forms, in the order they were submitted.
    let lines: String = stored.iter().map(|f| format!("{f}\n")).collect();
    let at = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
    let report = triage::triage(&triage::read_records(&lines), &policy, at);
    let expected: Vec<(Value, Value, Value)> = report
        .iter()
        .map(|e| {
            let status = serde_json::to_value(e.status).unwrap();
            (json!(e.reference), status, json!(e.rank))
        })
        .collect();
    assert_eq!(served, expected);
    assert!(report.iter().any(|e| e.status == Status::OnHold));
    assert!(report.iter().any(|e| e.status == Status::Ineligible));
    assert!(queue[0]["id"].as_str().unwrap().starts_with("app-"));
}

#[tokio::test]
async fn queue_ranks_as_triage_on_sqlite() {
    queue_as_triage(Db::Sqlite).await;
}

#[tokio::test]
async fn queue_ranks_as_triage_on_postgres() {
    queue_as_triage(Db::Postgres).await;
}

#[tokio::test]
async fn errors_are_json() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let (status, answer) = t.send("GET", "/nowhere", &[], Vec::new()).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    let (status, answer) = t.send("DELETE", "/applications", &[], Vec::new()).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, Some("method_not_allowed"))
    );
    let big = vec![b' '; 1024 * 1024 + 1];
    let (status, answer) = t.send("POST", "/applications", &[], big).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, Some("payload_too_large"))
    );

    let (status, answer) = t.send("POST", "/applications", &[], b"{not json".to_vec()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["errors"][0]["code"], "invalid_json");
    let (status, en) = t
        .apply(&json!({"offer_id": "mentor-web-2026", "subjets": []}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        en["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["path"] == "subjets" && e["code"] == "unknown_field")
    );
    let (_, fr) = t
        .send(
            "POST",
            "/applications?lang=fr",
            &[],
            json!({"offer_id": "mentor-web-2026", "subjets": []})
                .to_string()
                .into_bytes(),
        )
        .await;
    assert_eq!(fr["errors"][0]["code"], en["errors"][0]["code"]);
    assert_ne!(fr["errors"][0]["message"], en["errors"][0]["message"]);
    // A wrong query parameter: 422 with a field error at its name, in the answer's language
    // when it is known.
    let field_error = |answer: &Value| {
        (
            answer["code"].as_str().map(str::to_owned),
            answer["errors"][0]["path"].as_str().map(str::to_owned),
            answer["errors"][0]["code"].as_str().map(str::to_owned),
        )
    };
    let owned = |path: &str, code: &str| {
        (
            Some("invalid_input".to_owned()),
            Some(path.to_owned()),
            Some(code.to_owned()),
        )
    };
    let (status, answer) = t.send("POST", "/applications?lang=de", &[], Vec::new()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(field_error(&answer), owned("lang", "invalid_enum"), "{answer}");
    assert_eq!(
        answer["errors"][0]["message"],
        "this value is not one of the allowed values: expected one of `en`, `fr`",
        "{answer}"
    );
    let (status, answer) = t
        .send("POST", "/applications?lang=fr&lang=en", &[], Vec::new())
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(field_error(&answer), owned("lang", "duplicate_key"), "{answer}");
    let (status, answer) = t.operator("GET", "/queue?now=yesterday&lang=fr", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(field_error(&answer), owned("now", "invalid_datetime"), "{answer}");
    assert_eq!(answer["message"], "l'entrée comporte des erreurs", "{answer}");
    let (status, answer) = t.operator("GET", "/contracts/c-1/statement", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(field_error(&answer), owned("period", "required"), "{answer}");

    // Operator routes: no token, a wrong token, a token of another length.
    for auth in [
        None,
        Some("Bearer wrong-token-of-same-len".to_owned()),
        Some("Bearer x".to_owned()),
        Some(TOKEN.to_owned()),
    ] {
        let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("authorization", a.as_str())).collect();
        let (status, answer) = t.send("GET", "/queue", &headers, Vec::new()).await;
        assert_eq!(
            (status, answer["code"].as_str()),
            (StatusCode::UNAUTHORIZED, Some("unauthorized"))
        );
    }
    let (status, _) = t.send("POST", "/webhooks/fax", &[], Vec::new()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, answer) = t.send("POST", "/webhooks/yousign", &[], b"{}".to_vec()).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("missing_header"))
    );
    let (status, answer) = t.operator("GET", "/applications/app-404", None).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}

#[tokio::test]
async fn without_a_token_operator_routes_are_closed() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let open = mentor_server::Service {
        store: mentor_server::Store::open("sqlite::memory:").await.unwrap(),
        policy: Policy::default(),
        operator_token: None,
        webhook_secrets: std::collections::HashMap::new(),
        web: None,
    };
    let app = mentor_server::router(std::sync::Arc::new(open));
    let t = TestService { app, ..t };
    let (status, _) = t.operator("GET", "/queue", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, answer) = t.send("POST", "/webhooks/docusign", &[], b"{}".to_vec()).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("provider_not_configured"))
    );
}

async fn erasure(db: Db) {
    let Some(t) = TestService::start(db).await else {
        return;
    };
    let email = "erase.me@example.org";
    let (_, first) = t.apply(&form(email, "E-1")).await;
    let mut other_offer = form(email, "E-2");
    other_offer["offer_id"] = Value::from("mentor-data-2026");
    let (_, second) = t.apply(&other_offer).await;
    let id = first["id"].as_str().unwrap().to_owned();
    let (status, answer) = t
        .operator("DELETE", "/applicants/Erase.Me%40example.org", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["erased"], json!([id, second["id"]]));
    // Ids and states stay; the form and the key are gone; the log ends with `erased`.
    let (_, shown) = t.operator("GET", &format!("/applications/{id}"), None).await;
    assert_eq!(shown["state"], "submitted");
    assert_eq!(
        shown["history"].as_array().unwrap().last().unwrap()["type"],
        "erased"
    );
    let form_left: Option<String> = sqlx::query_scalar("SELECT form FROM applications WHERE id = $1")
        .bind(&id)
        .fetch_one(t.service.store.pool())
        .await
        .unwrap();
    assert_eq!(form_left, None);
    let (_, queue) = t.operator("GET", "/queue", None).await;
    assert_eq!(queue, json!([]));
    let (status, _) = t.operator("DELETE", &format!("/applicants/{email}"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = t.apply(&form(email, "E-3")).await;
    assert_eq!(status, StatusCode::CREATED, "an erased applicant may apply again");
}

#[tokio::test]
async fn erasure_on_sqlite() {
    erasure(Db::Sqlite).await;
}

#[tokio::test]
async fn erasure_on_postgres() {
    erasure(Db::Postgres).await;
}

/// Whether `needle` is in the bytes of the file at `path` (a missing file holds nothing).
fn file_holds(path: &std::path::Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn an_erased_form_leaves_the_sqlite_files() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let email = "zq7-unique-erasure-probe@example.org";
    let (status, _) = t.apply(&form(email, "E-DISK")).await;
    assert_eq!(status, StatusCode::CREATED);
    let db = std::path::PathBuf::from(t.url.strip_prefix("sqlite://").unwrap());
    let wal = db.with_file_name("mentor.db-wal");
    assert!(
        file_holds(&wal, email),
        "the form is in the write-ahead log first"
    );
    // Copied into the database file itself, as SQLite's automatic checkpoints do.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(t.service.store.pool())
        .await
        .unwrap();
    assert!(file_holds(&db, email), "the form is in the database file");
    let (status, answer) = t.operator("DELETE", &format!("/applicants/{email}"), None).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(!file_holds(&db, email), "the erased form is still in mentor.db");
    assert!(
        !file_holds(&wal, email),
        "the erased form is still in mentor.db-wal"
    );
}

/// A Concord delivery (unsigned) for the envelope `uid`.
async fn concord(t: &TestService, uid: &str, at: &str) -> (StatusCode, Value) {
    let body = json!({"uid": uid, "status": "CURRENT_CONTRACT", "updatedAt": at});
    t.send(
        "POST",
        "/webhooks/concord?lang=fr",
        &[],
        body.to_string().into_bytes(),
    )
    .await
}

async fn pending_count(t: &TestService) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM pending_deliveries WHERE provider = 'concord'")
        .fetch_one(t.service.store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn anonymous_deliveries_cannot_fill_the_database() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let max = mentor_server::settlement::MAX_PENDING;
    // Kept deliveries up to one below the cap, written directly.
    let mut tx = t.service.store.pool().begin().await.unwrap();
    for i in 0..max - 1 {
        sqlx::query(
            "INSERT INTO pending_deliveries (dedupe_key, provider, request_id, event, received_at) \
             VALUES ($1, 'concord', $2, '{}', '2026-01-01T00:00:00Z')",
        )
        .bind(format!("filler-{i}"))
        .bind(format!("agr-filler-{i}"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    let (status, answer) = concord(&t, "agr-last", "2026-11-20T10:15:30Z").await;
    assert_eq!(status, StatusCode::ACCEPTED, "the last place is taken: {answer}");
    assert_eq!(pending_count(&t).await, max);
    let (status, answer) = concord(&t, "agr-one-too-many", "2026-11-20T10:15:30Z").await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("too_many_pending")),
        "{answer}"
    );
    assert!(
        answer["message"]
            .as_str()
            .unwrap()
            .starts_with("trop de notifications"),
        "{answer}"
    );
    assert_eq!(pending_count(&t).await, max, "nothing kept, the oldest stay");
    // A repeat of a kept delivery is still answered as kept.
    let (status, answer) = concord(&t, "agr-last", "2026-11-20T10:15:30Z").await;
    assert_eq!(status, StatusCode::ACCEPTED, "{answer}");
}

#[tokio::test]
async fn openapi_and_page() {
    let t = TestService::start(Db::Sqlite).await.unwrap();
    let (status, doc) = t.send("GET", "/openapi.json", &[], Vec::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/applications",
        "/queue",
        "/webhooks/{provider}",
        "/contracts/{id}/statement",
        "/contracts/{id}/amendments",
        "/applicants/{email}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path}");
    }
    assert!(doc["components"]["securitySchemes"]["operator"].is_object());
}

/// `GET path`: the status, the content type and the body as text.
async fn get_text(app: &axum::Router, path: &str) -> (StatusCode, String, String) {
    let response = tower::ServiceExt::oneshot(
        app.clone(),
        axum::http::Request::get(path)
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, kind, String::from_utf8_lossy(&body).into_owned())
}

/// A router over the default policy whose web directory is `web`.
async fn with_web(web: Option<std::path::PathBuf>) -> axum::Router {
    let service = mentor_server::Service {
        store: mentor_server::Store::open("sqlite::memory:").await.unwrap(),
        policy: Policy::default(),
        operator_token: None,
        webhook_secrets: std::collections::HashMap::new(),
        web,
    };
    mentor_server::router(std::sync::Arc::new(service))
}

#[tokio::test]
async fn root_serves_the_demo_form_once_built() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../mentor-wasm/demo");
    let index = std::fs::read_to_string(demo.join("index.html")).unwrap();
    let web = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(web.path().join("demo")).unwrap();
    for name in ["index.html", "app.js", "labels.js", "style.css"] {
        std::fs::copy(demo.join(name), web.path().join("demo").join(name)).unwrap();
    }

    // No web directory, then one whose browser build is missing: the page saying how to build
    // it, with the plain JSON form (200, not 404).
    for app in [with_web(None).await, with_web(Some(web.path().to_owned())).await] {
        let (status, kind, page) = get_text(&app, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(kind.starts_with("text/html"), "{kind}");
        assert!(page.contains("bash mentor-wasm/build.sh"), "{page}");
        assert!(page.contains("fetch(\"/applications"));
        assert!(!page.contains("id=\"application\""), "not the demo");
    }

    // Built (the entry app.js imports stands for the build): the demo's own page, with the
    // element that makes it post to /applications, and its files at the addresses it names.
    let entry = web.path().join("pkg/web/js");
    std::fs::create_dir_all(&entry).unwrap();
    std::fs::write(entry.join("wrapper.js"), "export default 1;\n").unwrap();
    let app = with_web(Some(web.path().to_owned())).await;
    let (status, kind, page) = get_text(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/html"), "{kind}");
    assert!(page.contains("<form id=\"application\""), "the demo's form");
    assert!(page.contains(r#"<meta name="mentor-applications" content="/applications">"#));
    assert_eq!(
        page.replacen(
            "\n  <meta name=\"mentor-applications\" content=\"/applications\">",
            "",
            1
        ),
        index,
        "the page unchanged but for the element"
    );
    assert!(!page.contains("bash mentor-wasm/build.sh"));
    let (status, kind, script) = get_text(&app, "/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("text/javascript"), "{kind}");
    assert!(script.contains("../pkg/web/js/wrapper.js"));
    let (status, _, wrapper) = get_text(&app, "/pkg/web/js/wrapper.js").await;
    assert_eq!(
        (status, wrapper.as_str()),
        (StatusCode::OK, "export default 1;\n")
    );
    let (status, kind, _) = get_text(&app, "/style.css").await;
    assert_eq!((status, kind.starts_with("text/css")), (StatusCode::OK, true));
    // Nothing else of the directory is served: not the demo's server script, nor a way up.
    for path in ["/serve.mjs", "/demo/serve.mjs", "/pkg/web/../../demo/index.html"] {
        let (status, _, _) = get_text(&app, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}
