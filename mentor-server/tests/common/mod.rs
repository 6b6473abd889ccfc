//! What the service's tests share: a service on a fresh database (a SQLite file in a temporary
//! directory, or a new PostgreSQL database when `MENTOR_TEST_POSTGRES_URL` is set), requests
//! through the router, and the providers' signatures.
#![allow(dead_code, reason = "each test file uses its own part")]

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use mentor_core::esign::{Provider, Secret};
use mentor_core::policy::Policy;
use mentor_server::{Service, Store, router};
use serde_json::Value;
use sha2::Sha256;
use tower::ServiceExt as _;

/// The operator token of the tests.
pub const TOKEN: &str = "test-operator-token";
/// Every provider's webhook secret in the tests.
pub const SECRET: &str = "mentor-example-secret";

/// A service on a fresh database, and what keeps that database alive.
pub struct TestService {
    pub app: Router,
    pub service: mentor_server::Shared,
    /// The database's URL (`sqlite://…` or `postgres://…`), for a second process on it.
    pub url: String,
    pub _dir: Option<tempfile::TempDir>,
}

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// The PostgreSQL URL of the tests, or `None` with a note printed (the test is skipped).
pub fn postgres_url() -> Option<String> {
    match std::env::var("MENTOR_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("note: MENTOR_TEST_POSTGRES_URL is not set: the PostgreSQL variant is skipped");
            None
        }
    }
}

static DATABASES: AtomicU32 = AtomicU32::new(0);

/// A new, empty PostgreSQL database on the server of `url`; its URL.
async fn fresh_postgres(url: &str) -> String {
    sqlx::any::install_default_drivers();
    let name = format!(
        "mentor_test_{}_{}_{}",
        std::process::id(),
        DATABASES.fetch_add(1, Ordering::SeqCst),
        chrono::Utc::now().timestamp_subsec_nanos()
    );
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(url)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let (base, _) = url.rsplit_once('/').unwrap();
    let query = url
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    format!("{base}/{name}{query}")
}

impl TestService {
    /// A service on a fresh database of `db`, with the default policy; `None` when PostgreSQL is
    /// asked for and not configured.
    pub async fn start(db: Db) -> Option<TestService> {
        Self::with_policy(db, Policy::default()).await
    }

    pub async fn with_policy(db: Db, policy: Policy) -> Option<TestService> {
        let (url, dir) = match db {
            Db::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                (
                    format!("sqlite://{}", dir.path().join("mentor.db").display()),
                    Some(dir),
                )
            }
            Db::Postgres => (fresh_postgres(&postgres_url()?).await, None),
        };
        let store = Store::open(&url).await.unwrap();
        let secrets: HashMap<Provider, Secret> = Provider::ALL
            .iter()
            .filter(|(_, p)| *p != Provider::Concord)
            .map(|(_, p)| (*p, Secret::new(SECRET)))
            .collect();
        let service = Arc::new(Service {
            store,
            policy,
            operator_token: Some(TOKEN.to_owned()),
            webhook_secrets: secrets,
            web: None,
        });
        Some(TestService {
            app: router(service.clone()),
            service,
            url,
            _dir: dir,
        })
    }

    /// Sends a request; the status and the JSON answer (`Value::Null` when not JSON).
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> (StatusCode, Value) {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = self
            .app
            .clone()
            .oneshot(request.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    /// An operator's request with a JSON body.
    pub async fn operator(&self, method: &str, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let auth = format!("Bearer {TOKEN}");
        let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        self.send(
            method,
            path,
            &[("authorization", &auth), ("content-type", "application/json")],
            body,
        )
        .await
    }

    /// An applicant's `POST /applications`.
    pub async fn apply(&self, form: &Value) -> (StatusCode, Value) {
        self.send(
            "POST",
            "/applications",
            &[("content-type", "application/json")],
            form.to_string().into_bytes(),
        )
        .await
    }
}

/// A valid, eligible form (a French freelancer with a well-formed SIRET).
pub fn form(email: &str, reference: &str) -> Value {
    serde_json::json!({
        "reference": reference,
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": email,
                      "country": "FR", "timezone": "Europe/Paris"},
        "subjects": [{"subject": "python", "level": "proficient", "years_experience": 4}],
        "working_situation": {"status": "freelancer", "business": {"registration_number": "732 829 320 00074"}},
        "consent": {"data_processing": true},
        "submitted_at": "2026-11-12T09:30:00Z"
    })
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

/// A signed delivery: its headers and body, as each provider documents it (`docs/esign.md`).
pub struct Signed {
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Signed {
    pub fn header_refs(&self) -> Vec<(&str, &str)> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect()
    }
}

/// Signs `body` for `provider` with [`SECRET`] (Dropbox Sign's hash is inside the body: see
/// [`dropbox_sign`]).
pub fn sign(provider: Provider, body: &[u8]) -> Signed {
    let header = |n: &str, v: String| vec![(n.to_owned(), v)];
    let headers = match provider {
        Provider::Docusign => header(
            "X-DocuSign-Signature-1",
            base64::engine::general_purpose::STANDARD.encode(hmac(SECRET.as_bytes(), body)),
        ),
        Provider::Yousign => header(
            "X-Yousign-Signature-256",
            format!("sha256={}", hex::encode(hmac(SECRET.as_bytes(), body))),
        ),
        Provider::Documenso => header("X-Documenso-Secret", SECRET.to_owned()),
        Provider::Docuseal => {
            let ts = chrono::Utc::now().timestamp().to_string();
            let mut signed = format!("{ts}.").into_bytes();
            signed.extend_from_slice(body);
            header(
                "X-Docuseal-Signature",
                format!("{ts}.{}", hex::encode(hmac(SECRET.as_bytes(), &signed))),
            )
        }
        Provider::DropboxSign => header(
            "Content-Type",
            "multipart/form-data; boundary=mentorTestBoundary".to_owned(),
        ),
        Provider::Concord => Vec::new(),
    };
    Signed {
        headers,
        body: body.to_vec(),
    }
}

/// A Dropbox Sign delivery: the `json` field of a multipart body, with its `event_hash`.
pub fn dropbox_sign(event_type: &str, event_time: &str, request_id: &str, signature_id: &str) -> Signed {
    let hash = hex::encode(hmac(
        SECRET.as_bytes(),
        format!("{event_time}{event_type}").as_bytes(),
    ));
    let json = serde_json::json!({
        "event": {"event_type": event_type, "event_time": event_time, "event_hash": hash,
                  "event_metadata": {"related_signature_id": signature_id}},
        "signature_request": {"signature_request_id": request_id,
                              "signatures": [{"signature_id": signature_id, "status_code": "signed"}]}
    });
    let body = format!(
        "--mentorTestBoundary\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{json}\r\n--mentorTestBoundary--\r\n"
    );
    sign(Provider::DropboxSign, body.as_bytes())
}

/// A DocuSign Connect delivery (JSON SIM) about `recipient` of `envelope`, signed.
pub fn docusign(envelope: &str, event: &str, recipient: &str, at: &str) -> Signed {
    let body = serde_json::json!({"event": event, "apiVersion": "v2.1", "generatedDateTime": at,
        "data": {"accountId": "acc-1", "envelopeId": envelope, "recipientId": recipient}});
    sign(Provider::Docusign, body.to_string().as_bytes())
}

/// Takes an application from submission to a contract sent through DocuSign in envelope
/// `envelope`, signers `1` (the contracting party) and `2` (the company); the contract's id.
pub async fn contract_sent(t: &TestService, email: &str, envelope: &str) -> String {
    let (status, answer) = t.apply(&form(email, envelope)).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let id = answer["id"].as_str().unwrap().to_owned();
    let path = format!("/applications/{id}/events");
    for event in [
        serde_json::json!({"type": "review_started", "actor": "mentor_manager"}),
        serde_json::json!({"type": "interview_scheduled", "actor": "mentor_manager",
            "slot": {"start": "2026-12-10T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45}}),
        serde_json::json!({"type": "interviewed", "actor": "mentor_manager"}),
        serde_json::json!({"type": "selected", "actor": "mentor_manager"}),
    ] {
        let (status, answer) = t.operator("POST", &path, Some(event)).await;
        assert_eq!(status, StatusCode::CREATED, "{answer}");
    }
    let (status, contract) = t
        .operator(
            "POST",
            &format!("/applications/{id}/contract"),
            Some(serde_json::json!({
                "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
                          "start_date": "2026-01-01", "notice_period_days": 30},
                "vat": "franchise",
                "signers": [{"role": "contracting_party", "recipient_id": "1"},
                            {"role": "company", "recipient_id": "2"}],
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{contract}");
    let contract_id = contract["id"].as_str().unwrap().to_owned();
    let (status, answer) = t
        .operator(
            "POST",
            &format!("/contracts/{contract_id}/events"),
            Some(serde_json::json!({
            "type": "sent", "actor": "system", "provider": "docusign", "request_id": envelope})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    contract_id
}

/// A small deterministic generator (SplitMix64) for shuffles.
pub struct Shuffle(pub u64);

impl Shuffle {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
