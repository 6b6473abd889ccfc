//! 2,000 webhook deliveries for 100 contracts, 30% of them repeats, shuffled, sent by 32
//! concurrent clients: every contract ends as the sequential replay of its events, and no
//! event is lost or doubled. On SQLite, and on PostgreSQL when configured.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::StatusCode;
use common::{Db, Shuffle, Signed, TestService, contract_sent, docusign};
use mentor_core::contract::{Contract, ContractChange};
use mentor_core::esign::{self, Deliveries, Delivery, Hints, Provider, Secret};
use mentor_core::lifecycle::{Aggregate, Event};
use serde_json::Value;
use sqlx::Row;

const CONTRACTS: usize = 100;
const DELIVERIES: usize = 2_000;
const CLIENTS: usize = 32;

/// The 14 different deliveries of one envelope: views, signatures (some repeated at another
/// time, so with another dedupe key), the envelope completed twice.
fn deliveries_of(envelope: &str) -> Vec<Signed> {
    let at = |minute: u32| format!("2026-11-20T10:{minute:02}:00Z");
    let mut all = Vec::new();
    for minute in 0..4 {
        all.push(docusign(envelope, "recipient-delivered", "1", &at(minute)));
        all.push(docusign(envelope, "recipient-delivered", "2", &at(minute + 10)));
    }
    for minute in [20, 21] {
        all.push(docusign(envelope, "recipient-completed", "1", &at(minute)));
        all.push(docusign(envelope, "recipient-completed", "2", &at(minute + 10)));
        all.push(docusign(envelope, "envelope-completed", "1", &at(minute + 20)));
    }
    all
}

async fn stored_log(t: &TestService, id: &str) -> Vec<Event<ContractChange>> {
    let rows = sqlx::query("SELECT body FROM events WHERE aggregate = 'contract' AND id = $1 ORDER BY seq")
        .bind(id)
        .fetch_all(t.service.store.pool())
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            let body: String = r.try_get("body").unwrap();
            Event::from_json(&serde_json::from_str::<Value>(&body).unwrap()).unwrap()
        })
        .collect()
}

fn signer_statuses(contract: &Contract) -> Vec<String> {
    contract
        .signers()
        .iter()
        .map(|s| s.to_json()["status"].to_string())
        .collect()
}

async fn deliveries_under_load(db: Db) {
    let Some(t) = TestService::start(db).await else {
        return;
    };
    let mut contracts = Vec::new();
    let mut unique: Vec<(usize, Signed)> = Vec::new();
    for i in 0..CONTRACTS {
        let envelope = format!("env-{i}");
        contracts.push(contract_sent(&t, &format!("load{i}@example.org"), &envelope).await);
        unique.extend(deliveries_of(&envelope).into_iter().map(|d| (i, d)));
    }
    assert_eq!(unique.len(), 1_400);
    let mut random = Shuffle(21);
    let mut order: Vec<usize> = (0..unique.len()).collect();
    while order.len() < DELIVERIES {
        order.push(random.below(unique.len()));
    }
    random.shuffle(&mut order);

    let unique = Arc::new(unique);
    let order = Arc::new(order);
    let next = Arc::new(AtomicUsize::new(0));
    let t = Arc::new(t);
    let mut clients = Vec::new();
    for _ in 0..CLIENTS {
        let (t, unique, order, next) = (t.clone(), unique.clone(), order.clone(), next.clone());
        clients.push(tokio::spawn(async move {
            let mut applied = 0usize;
            loop {
                let n = next.fetch_add(1, Ordering::SeqCst);
                let Some(&which) = order.get(n) else { break };
                let delivery = &unique[which].1;
                let (status, answer) = t
                    .send(
                        "POST",
                        "/webhooks/docusign",
                        &delivery.header_refs(),
                        delivery.body.clone(),
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{answer}");
                applied += answer["report"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["applied"].as_array().unwrap().len())
                    .sum::<usize>();
            }
            applied
        }));
    }
    let mut applied = 0;
    for client in clients {
        applied += client.await.unwrap();
    }

    // Nothing doubled: the contract events answered `applied` are exactly those stored past
    // each log's `drafted` and `sent`; every delivery's key is recorded once.
    let mut stored = 0;
    let now = "2026-11-20T12:00:00Z".parse().unwrap();
    for (i, id) in contracts.iter().enumerate() {
        let log = stored_log(&t, id).await;
        stored += log.len() - 2;
        let served = Contract::replay(&log).expect("the stored log replays");
        // The sequential replay: the same deliveries, one after the other, in their first order.
        let mut sequential = Contract::replay(&log[..2]).unwrap();
        let mut seen = Deliveries::new();
        for (_, delivery) in unique.iter().filter(|(c, _)| *c == i) {
            let headers = delivery.header_refs();
            let events = esign::receive(
                Provider::Docusign,
                &Delivery {
                    headers: &headers,
                    body: &delivery.body,
                },
                &Secret::new(common::SECRET),
                now,
            )
            .unwrap();
            let _ = esign::apply(&mut sequential, &mut seen, &events, Hints::Refuse);
        }
        assert_eq!(served.state(), sequential.state(), "contract {id}");
        assert_eq!(
            signer_statuses(&served),
            signer_statuses(&sequential),
            "contract {id}"
        );
        assert!(served.is_fully_signed());
        let (_, shown) = t.operator("GET", &format!("/contracts/{id}"), None).await;
        assert_eq!(shown["state"], "signed");
    }
    assert_eq!(
        applied, stored,
        "contract events answered as applied = contract events stored"
    );
    let keys: i64 = sqlx::query("SELECT COUNT(*) AS n FROM deliveries")
        .fetch_one(t.service.store.pool())
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
    assert_eq!(keys, 1_400, "every distinct delivery settled once");
    let pending: i64 = sqlx::query("SELECT COUNT(*) AS n FROM pending_deliveries")
        .fetch_one(t.service.store.pool())
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
    assert_eq!(pending, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn deliveries_under_load_on_sqlite() {
    deliveries_under_load(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn deliveries_under_load_on_postgres() {
    deliveries_under_load(Db::Postgres).await;
}
