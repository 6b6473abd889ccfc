//! The `mentor-server` command: serves the reference service, or loads example data into it.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use mentor_core::policy::Policy;
use mentor_server::{Service, Store, router};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;

/// The reference service of mentor: the recruiting path over HTTP and a database.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: String,
    /// The database: sqlite://FILE (created on first start) or postgres://…
    #[arg(long, default_value = "sqlite://mentor.db")]
    database: String,
    /// The operator's policy (TOML or JSON, docs/policy.md); the defaults otherwise.
    #[arg(long)]
    policy: Option<PathBuf>,
    /// mentor-wasm's directory, whose demo form is served at `/` once built (`bash
    /// mentor-wasm/build.sh`); by default the source tree's `mentor-wasm/` when it is there.
    #[arg(long, value_name = "DIR")]
    web: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Submits every form of a file (a JSON array or JSON Lines, as `mentor triage` reads) to
    /// the database, as `POST /applications` would, and prints one line per form on stdout:
    /// its status and id, or its code and field errors (path and code). Exit status 1 when any
    /// form was refused.
    Load {
        /// The forms (docs/examples/applications.jsonl).
        file: PathBuf,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        .init();
    match run(Cli::parse()).await {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mentor-server: {message}");
            ExitCode::from(2)
        }
    }
}

/// Serves, or loads (exit status 1 when a record was refused); `Err` is exit status 2.
async fn run(cli: Cli) -> Result<ExitCode, String> {
    let policy = match &cli.policy {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Policy::from_text(&text).map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => Policy::default(),
    };
    let store = Store::open(&cli.database).await.map_err(|e| e.to_string())?;
    let service = Arc::new(Service {
        store,
        policy,
        operator_token: std::env::var("MENTOR_SERVER_TOKEN")
            .ok()
            .filter(|t| !t.is_empty()),
        webhook_secrets: Service::secrets_from_env(),
        web: web_dir(cli.web),
    });
    if let Some(Command::Load { file }) = cli.command {
        return load(service, &file).await.map(|all_taken| {
            if all_taken {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        });
    }
    match &service.web {
        Some(web) if mentor_server::page::demo_index(web).is_none() => tracing::warn!(
            web = %web.display(),
            "the demo form or its browser build is missing (bash mentor-wasm/build.sh): / says how to build it"
        ),
        Some(_) => {}
        None => tracing::info!("no web directory (--web): / says how to build the demo form"),
    }
    if service.operator_token.is_none() {
        tracing::warn!("MENTOR_SERVER_TOKEN is not set: every operator route answers 401");
    }
    let listener = TcpListener::bind(&cli.listen)
        .await
        .map_err(|e| format!("{}: {e}", cli.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(%address, backend = ?service.store.backend(), web = ?service.web, "listening");
    axum::serve(listener, router(service))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// The web directory: the one given, or the source tree's `mentor-wasm/` when it exists at
/// start (a binary run from its build); `None` otherwise (`/` then says how to build the demo).
fn web_dir(given: Option<PathBuf>) -> Option<PathBuf> {
    if given.is_some() {
        return given;
    }
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../mentor-wasm");
    source.join("demo").is_dir().then_some(source)
}

/// Submits each form of `file` through the router, as a client would, and prints one line per
/// record on stdout: `line N: 201 ID`, or the refusal, `line N: 422 invalid_input:
/// applicant.email invalid_email, …` (each field error's path and code, never a value). A
/// record that is not JSON is refused here as `POST /applications` refuses such a body (422
/// `invalid_input`, the core's `invalid_json`). `Ok(false)` when any record was refused.
async fn load(service: mentor_server::Shared, file: &std::path::Path) -> Result<bool, String> {
    use std::io::Write as _;
    use tower::ServiceExt as _;
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let app = router(service);
    let mut all_taken = true;
    let mut out = std::io::stdout().lock();
    for record in mentor_core::triage::read_records(&text) {
        let line = record.line();
        let (status, answer) = match record.value() {
            Ok(value) => {
                let request = axum::http::Request::post("/applications")
                    .header("content-type", "application/json")
                    .body(axum::body::Body::from(value.to_string()))
                    .map_err(|e| e.to_string())?;
                let response = app.clone().oneshot(request).await.map_err(|e| e.to_string())?;
                let status = response.status().as_u16();
                let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                    .await
                    .map_err(|e| e.to_string())?;
                (status, serde_json::from_slice(&bytes).unwrap_or_default())
            }
            Err(error) => {
                let refused = mentor_server::error::ApiError::fields(&[error], mentor_core::Lang::En);
                (refused.status().as_u16(), refused.body().clone())
            }
        };
        if !(200..300).contains(&status) {
            all_taken = false;
        }
        writeln!(out, "line {line}: {}", result_line(status, &answer)).map_err(|e| e.to_string())?;
    }
    Ok(all_taken)
}

/// What `load` prints of one answer: the status, then the id (taken) or the code, and each
/// field error as `path code` (`(record)` for the record itself).
fn result_line(status: u16, answer: &serde_json::Value) -> String {
    use serde_json::Value;
    let text = |key: &str| answer.get(key).and_then(Value::as_str).unwrap_or("");
    let mut line = format!(
        "{status} {}",
        if status < 300 { text("id") } else { text("code") }
    );
    let errors: Vec<String> = answer
        .get("errors")
        .and_then(Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    let path = e.get("path").and_then(Value::as_str).unwrap_or("");
                    let code = e.get("code").and_then(Value::as_str).unwrap_or("");
                    format!("{} {code}", if path.is_empty() { "(record)" } else { path })
                })
                .collect()
        })
        .unwrap_or_default();
    if !errors.is_empty() {
        line.push_str(": ");
        line.push_str(&errors.join(", "));
    }
    if let Some(first) = answer.get("first").and_then(Value::as_str) {
        line.push_str(&format!(" (first: {first})"));
    }
    line
}

/// Resolves on Ctrl-C or SIGTERM: the server stops taking connections and finishes the
/// requests under way.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
