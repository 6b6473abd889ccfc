//! The `mentor-server` binary on a real socket: it serves, stops cleanly on SIGTERM, and
//! killed with SIGKILL in the middle of a stream of webhook deliveries then restarted, still
//! has every delivery it acknowledged, on SQLite and on PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use std::collections::BTreeSet;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{Db, SECRET, Signed, TOKEN, TestService, contract_sent, docusign};
use serde_json::Value;
use sqlx::Row;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(database: &str, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_mentor-server"))
        .args(["--listen", &format!("127.0.0.1:{port}"), "--database", database])
        .env("MENTOR_SERVER_TOKEN", TOKEN)
        .env("MENTOR_WEBHOOK_SECRET_DOCUSIGN", SECRET)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// One HTTP/1.1 request on a new connection: the status and the JSON answer.
async fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<(u16, Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    let text = String::from_utf8_lossy(&answer);
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status line"))?;
    let json = text.split_once("\r\n\r\n").map_or(Value::Null, |(_, b)| {
        serde_json::from_str(b).unwrap_or(Value::Null)
    });
    Ok((status, json))
}

async fn wait_ready(port: u16) {
    for _ in 0..200 {
        if let Ok((200, _)) = request(port, "GET", "/openapi.json", &[], b"").await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not start");
}

/// Contracts prepared through the router on a fresh database of `db`, then served by the
/// binary, killed with SIGKILL in the middle of a stream of deliveries, restarted.
async fn acknowledged_deliveries_survive_sigkill(db: Db) {
    let Some(t) = TestService::start(db).await else {
        return; // PostgreSQL not configured: skipped (noted by `postgres_url`)
    };
    let database = t.url.clone();
    let mut deliveries: Vec<Signed> = Vec::new();
    for i in 0..10 {
        let envelope = format!("env-kill-{i}");
        contract_sent(&t, &format!("kill{i}@example.org"), &envelope).await;
        for minute in 0..20 {
            let at = format!("2026-11-20T10:{minute:02}:00Z");
            deliveries.push(docusign(&envelope, "recipient-delivered", "1", &at));
        }
        deliveries.push(docusign(
            &envelope,
            "recipient-completed",
            "1",
            "2026-11-20T11:00:00Z",
        ));
        deliveries.push(docusign(
            &envelope,
            "envelope-completed",
            "1",
            "2026-11-20T11:01:00Z",
        ));
    }
    let TestService {
        service,
        app,
        _dir: dir,
        ..
    } = t;
    drop(app);
    service.store.pool().close().await;
    drop(service);

    let port = free_port();
    let mut server = start(&database, port);
    wait_ready(port).await;
    let deliveries = Arc::new(deliveries);
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut clients = Vec::new();
    for _ in 0..8 {
        let (deliveries, acknowledged, next) = (deliveries.clone(), acknowledged.clone(), next.clone());
        clients.push(tokio::spawn(async move {
            loop {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(delivery) = deliveries.get(n) else { break };
                match request(
                    port,
                    "POST",
                    "/webhooks/docusign",
                    &delivery.header_refs(),
                    &delivery.body,
                )
                .await
                {
                    Ok((200, answer)) => {
                        for entry in answer["report"].as_array().unwrap() {
                            acknowledged
                                .lock()
                                .unwrap()
                                .insert(entry["event"]["dedupe_key"].as_str().unwrap().to_owned());
                        }
                    }
                    Ok((status, answer)) => panic!("{status} {answer}"),
                    Err(_) => break, // the server is gone
                }
            }
        }));
    }
    // Kill it in the middle of the stream.
    while acknowledged.lock().unwrap().len() < 60 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    for client in clients {
        client.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() < deliveries.len(), "killed before the end");

    let port = free_port();
    let mut server = start(&database, port);
    wait_ready(port).await;
    let store = mentor_server::Store::open(&database).await.unwrap();
    let rows = sqlx::query("SELECT dedupe_key FROM deliveries")
        .fetch_all(store.pool())
        .await
        .unwrap();
    let stored: BTreeSet<String> = rows.iter().map(|r| r.try_get("dedupe_key").unwrap()).collect();
    let lost: Vec<&String> = acknowledged.difference(&stored).collect();
    assert!(lost.is_empty(), "acknowledged but not stored: {lost:?}");

    // The providers retry what was not acknowledged: every contract ends signed.
    for delivery in deliveries.iter() {
        let (status, answer) = request(
            port,
            "POST",
            "/webhooks/docusign",
            &delivery.header_refs(),
            &delivery.body,
        )
        .await
        .unwrap();
        assert_eq!(status, 200, "{answer}");
    }
    let auth = format!("Bearer {TOKEN}");
    for i in 0..10 {
        let (status, contract) = request(
            port,
            "GET",
            &format!("/contracts/contract-app-{}", i + 1),
            &[("authorization", &auth)],
            b"",
        )
        .await
        .unwrap();
        assert_eq!(
            (status, contract["state"].as_str()),
            (200, Some("signed")),
            "{contract}"
        );
    }
    // SIGTERM: a graceful stop, exit status 0.
    let status = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(server.wait().unwrap().success());
    drop(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_deliveries_survive_sigkill_on_sqlite() {
    acknowledged_deliveries_survive_sigkill(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_deliveries_survive_sigkill_on_postgres() {
    acknowledged_deliveries_survive_sigkill(Db::Postgres).await;
}

/// `mentor-server load FILE`: one line per record on stdout, each refusal with its field
/// errors (path and code), and exit status 1 when a record was refused.
#[test]
fn load_prints_each_record_and_fails_on_a_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let load = |database: &str, file: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_mentor-server"))
            .args(["--database", database, "load"])
            .arg(file)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let example =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/applications.jsonl");
    let database = format!("sqlite://{}", dir.path().join("example.db").display());
    let output = load(&database, &example);
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 10, "{stdout}");
    assert_eq!(lines[0], "line 1: 201 app-1");
    // The example's two broken records: line 9's four field errors, line 10 not JSON.
    assert_eq!(
        lines[8],
        "line 9: 422 invalid_input: favourite_colour unknown_field, applicant.email invalid_email, \
         subjects[0].subject invalid_subject, subjects[0].level invalid_enum"
    );
    assert_eq!(lines[9], "line 10: 422 invalid_input: (record) invalid_json");
    assert_eq!(output.status.code(), Some(1), "a record was refused");

    let one = dir.path().join("one.jsonl");
    std::fs::write(&one, format!("{}\n", common::form("load.ok@example.org", "L-1"))).unwrap();
    let database = format!("sqlite://{}", dir.path().join("one.db").display());
    let output = load(&database, &one);
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "line 1: 201 app-1\n");
    assert_eq!(output.status.code(), Some(0));
}

/// A delivery for a provider with no secret configured answers 503 and is logged at WARN, once
/// a minute per provider: a configuration to fix or a stranger's request, not an ERROR.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unconfigured_provider_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("mentor.db").display());
    let port = free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_mentor-server"))
        .args(["--listen", &format!("127.0.0.1:{port}"), "--database", &database])
        .env("MENTOR_SERVER_TOKEN", TOKEN)
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_ready(port).await;
    for _ in 0..3 {
        let (status, answer) = request(port, "POST", "/webhooks/yousign", &[], b"{}")
            .await
            .unwrap();
        assert_eq!(
            (status, answer["code"].as_str()),
            (503, Some("provider_not_configured"))
        );
    }
    let status = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut log = String::new();
    std::io::Read::read_to_string(&mut server.stderr.take().unwrap(), &mut log).unwrap();
    assert!(server.wait().unwrap().success());
    assert!(!log.contains("ERROR"), "{log}");
    let warned: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("WARN") && l.contains("no secret configured"))
        .collect();
    assert_eq!(warned.len(), 1, "once a minute: {log}");
    assert!(warned[0].contains("provider=\"yousign\""), "{log}");
}
