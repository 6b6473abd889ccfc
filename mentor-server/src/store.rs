//! The database: SQLite (one file, created on first start, WAL) or PostgreSQL, through sqlx's
//! `any` driver with the same SQL on both (`$1` placeholders, TEXT and BIGINT columns).
//!
//! Every write is one transaction. Event logs use optimistic concurrency: a writer reads a
//! log, decides with mentor-core, and appends at the next `seq`; a concurrent writer that
//! appended first makes the primary key collide, the transaction rolls back whole, and the
//! write is tried again on the log as it now is ([`retrying`](crate::retrying)).

use std::time::Duration;

use mentor_core::lifecycle::{Change, Event};
use serde_json::Value;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{Any, AnyPool, Connection, Row, Transaction};
use tokio::sync::{Mutex, MutexGuard};

use crate::error::ApiError;

/// The migrations, applied in order once each (`schema_migrations`).
const MIGRATIONS: [(i64, &str, &str); 4] = [
    (1, "events", include_str!("../migrations/0001_events.sql")),
    (2, "contracts", include_str!("../migrations/0002_contracts.sql")),
    (3, "sessions", include_str!("../migrations/0003_sessions.sql")),
    (4, "amendments", include_str!("../migrations/0004_amendments.sql")),
];

/// How many times a write that lost a race is tried again before answering 503.
pub const MAX_ATTEMPTS: u32 = 64;

/// Which database the URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite://FILE` (or `sqlite::memory:`).
    Sqlite,
    /// `postgres://…` or `postgresql://…`.
    Postgres,
}

/// Why the database could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The URL is neither `sqlite:` nor `postgres:`.
    #[error("unsupported database URL: expected sqlite://FILE or postgres://…")]
    UnsupportedUrl,
    /// Connecting or migrating failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// The service's database: a pool, and for SQLite a gate that lets one write transaction run
/// at a time (SQLite has one writer anyway; the gate spares busy retries).
#[derive(Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    write_gate: Option<Mutex<()>>,
}

/// A write transaction.
pub type Tx = Transaction<'static, Any>;

impl Store {
    /// Opens the database at `url`, creating a SQLite file if it does not exist, and applies
    /// the migrations not applied yet.
    ///
    /// # Errors
    /// [`OpenError`] when the URL is not supported, or connecting or migrating fails.
    pub async fn open(url: &str) -> Result<Store, OpenError> {
        install_default_drivers();
        let (backend, url) = if url.starts_with("sqlite:") {
            let url = if url.contains(":memory:") || url.contains("mode=") {
                url.to_owned()
            } else if url.contains('?') {
                format!("{url}&mode=rwc")
            } else {
                format!("{url}?mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            (Backend::Postgres, url.to_owned())
        } else {
            return Err(OpenError::UnsupportedUrl);
        };
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(30));
        if backend == Backend::Sqlite {
            options = options
                .max_connections(if url.contains(":memory:") { 1 } else { 8 })
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        sqlx::query("PRAGMA busy_timeout = 5000")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *conn)
                            .await?;
                        // Deleted content is overwritten with zeros, so that an erased form
                        // does not stay in the file's free space ([`Store::purge_erased`]).
                        sqlx::query("PRAGMA secure_delete = ON")
                            .execute(&mut *conn)
                            .await?;
                        Ok(())
                    })
                });
        } else {
            options = options.max_connections(16);
            // One connection first, alone: the pool retries until its acquire timeout and then
            // says only "pool timed out", where this says why ("Connection refused", a bad
            // password, an unknown database) at once.
            sqlx::AnyConnection::connect(&url).await?.close().await?;
        }
        let pool = options.connect(&url).await?;
        if backend == Backend::Sqlite {
            // WAL: readers do not wait for the writer; the mode stays with the file.
            sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
        let store = Store {
            pool,
            backend,
            write_gate: (backend == Backend::Sqlite).then(|| Mutex::new(())),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// Makes erased personal data leave the disk, after an erasure's commit. On SQLite, every
    /// connection runs with `secure_delete` (deleted content is zeroed), but the write-ahead
    /// log still holds the pages as they were before: `PRAGMA wal_checkpoint(TRUNCATE)` copies
    /// the log into the file and truncates it. On PostgreSQL, an updated or deleted row stays
    /// on disk as a dead tuple until it is vacuumed: `VACUUM` of `applications` and `events`
    /// (the tables an erasure rewrites) marks those tuples' space free for reuse; it does not
    /// zero it, so the bytes may stay in the data files until overwritten (PostgreSQL's own
    /// write-ahead log, replicas and backups are the operator's, outside this service).
    ///
    /// # Errors
    /// [`ApiError`] (`storage_error`) when the statement fails.
    pub async fn purge_erased(&self) -> Result<(), ApiError> {
        match self.backend {
            Backend::Sqlite => {
                // The gate: no write transaction runs meanwhile, so the checkpoint can
                // copy every frame and truncate the log.
                let _gate = match &self.write_gate {
                    Some(gate) => Some(gate.lock().await),
                    None => None,
                };
                sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                    .execute(&self.pool)
                    .await
                    .map_err(|e| ApiError::storage(&e))?;
            }
            Backend::Postgres => {
                // VACUUM cannot run inside a transaction: one statement each, on the pool.
                for table in ["applications", "events"] {
                    sqlx::query(&format!("VACUUM {table}"))
                        .execute(&self.pool)
                        .await
                        .map_err(|e| ApiError::storage(&e))?;
                }
            }
        }
        Ok(())
    }

    /// Which database this is.
    #[must_use]
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for reads.
    #[must_use]
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    async fn migrate(&self) -> Result<(), sqlx::Error> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL)",
        )
        .execute(&self.pool)
        .await?;
        for (version, name, sql) in MIGRATIONS {
            let mut tx = self.pool.begin().await?;
            let done = sqlx::query("SELECT version FROM schema_migrations WHERE version = $1")
                .bind(version)
                .fetch_optional(&mut *tx)
                .await?;
            if done.is_some() {
                continue;
            }
            // Comments are dropped first: they may hold a `;`.
            let code: Vec<&str> = sql
                .lines()
                .filter(|l| !l.trim_start().starts_with("--"))
                .collect();
            let code = code.join("\n");
            for statement in code.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                sqlx::query(statement).execute(&mut *tx).await?;
            }
            sqlx::query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)")
                .bind(version)
                .bind(name)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            tracing::info!(version, name, "migration applied");
        }
        Ok(())
    }

    /// Starts a write transaction; on SQLite, waits for the write gate first (the guard must
    /// live as long as the transaction).
    ///
    /// # Errors
    /// A database error.
    pub async fn begin(&self) -> Result<(Option<MutexGuard<'_, ()>>, Tx), ApiError> {
        let gate = match &self.write_gate {
            Some(gate) => Some(gate.lock().await),
            None => None,
        };
        let tx = self.pool.begin().await.map_err(|e| ApiError::storage(&e))?;
        Ok((gate, tx))
    }

    /// Waits a little before the `attempt`-th retry (grows to about 50 ms, with jitter from
    /// the clock so that racing writers spread out).
    pub async fn back_off(attempt: u32) {
        let jitter = u64::from(chrono::Utc::now().timestamp_subsec_micros() % 1000);
        let base = u64::from(attempt.min(10)) * 5_000;
        tokio::time::sleep(Duration::from_micros(base + jitter)).await;
    }
}

/// Runs a write (an `async` block that returns `Result<T, ApiError>`) again while it loses
/// races to concurrent writers, at most [`MAX_ATTEMPTS`](crate::store::MAX_ATTEMPTS) times,
/// then answers 503 `busy`.
#[macro_export]
macro_rules! retrying {
    ($lang:expr, $write:expr) => {{
        let mut attempt = 0u32;
        loop {
            let result: Result<_, $crate::error::ApiError> = $write.await;
            match result {
                Err(e) if e.is_retryable() => {
                    attempt += 1;
                    if attempt >= $crate::store::MAX_ATTEMPTS {
                        break Err($crate::error::ApiError::busy($lang));
                    }
                    $crate::store::Store::back_off(attempt).await;
                }
                other => break other,
            }
        }
    }};
}

/// An aggregate's kind in the `events` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An application's log.
    Application,
    /// A contract's log.
    Contract,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Application => "application",
            Kind::Contract => "contract",
        }
    }
}

/// Reads an aggregate's log, in order, inside `tx`.
///
/// # Errors
/// A database error, or a stored event that does not read back (a 500: the log is the
/// service's own writing).
pub async fn read_log<C: Change>(tx: &mut Tx, kind: Kind, id: &str) -> Result<Vec<Event<C>>, ApiError> {
    let rows = sqlx::query("SELECT body FROM events WHERE aggregate = $1 AND id = $2 ORDER BY seq")
        .bind(kind.name())
        .bind(id)
        .fetch_all(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    rows.iter()
        .map(|row| {
            let body: String = row.try_get("body").map_err(|e| ApiError::storage(&e))?;
            let value: Value = serde_json::from_str(&body).map_err(|_| corrupt())?;
            Event::<C>::from_json(&value).map_err(|_| corrupt())
        })
        .collect()
}

/// A stored row the service cannot read back: 500, logged without its content.
#[must_use]
pub fn corrupt() -> ApiError {
    tracing::error!("a stored record does not read back");
    ApiError::storage(&sqlx::Error::Protocol("stored record does not read back".into()))
}

/// Appends `events` to an aggregate's log after its first `from` events. A concurrent writer
/// that appended first makes this fail with a retryable error.
///
/// # Errors
/// A database error (retryable when a concurrent writer took the `seq`).
pub async fn append<C: Change>(
    tx: &mut Tx,
    kind: Kind,
    id: &str,
    from: usize,
    events: &[Event<C>],
) -> Result<(), ApiError> {
    for (offset, event) in events.iter().enumerate() {
        let seq = i64::try_from(from + offset).map_err(|_| corrupt())?;
        let body = serde_json::to_string(event).map_err(|_| corrupt())?;
        sqlx::query("INSERT INTO events (aggregate, id, seq, body) VALUES ($1, $2, $3, $4)")
            .bind(kind.name())
            .bind(id)
            .bind(seq)
            .bind(body)
            .execute(&mut **tx)
            .await
            .map_err(|e| ApiError::storage(&e))?;
    }
    Ok(())
}

/// Replaces an aggregate's whole log (erasure rewrites the events it scrubs).
///
/// # Errors
/// A database error.
pub async fn replace_log<C: Change>(
    tx: &mut Tx,
    kind: Kind,
    id: &str,
    events: &[Event<C>],
) -> Result<(), ApiError> {
    sqlx::query("DELETE FROM events WHERE aggregate = $1 AND id = $2")
        .bind(kind.name())
        .bind(id)
        .execute(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    append(tx, kind, id, 0, events).await
}

/// The next value of a named counter (1, 2, …), inside `tx`.
///
/// # Errors
/// A database error.
pub async fn next_value(tx: &mut Tx, name: &str) -> Result<i64, ApiError> {
    let updated = sqlx::query("UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value")
        .bind(name)
        .fetch_optional(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    if let Some(row) = updated {
        return row.try_get::<i64, _>("value").map_err(|e| ApiError::storage(&e));
    }
    sqlx::query("INSERT INTO counters (name, value) VALUES ($1, 1)")
        .bind(name)
        .execute(&mut **tx)
        .await
        .map_err(|e| ApiError::storage(&e))?;
    Ok(1)
}
