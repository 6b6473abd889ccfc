//! The errors the service answers with: JSON `{"code", "message", …}`, the core's stable codes
//! and messages where the core decided, the service's own codes (below) otherwise.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use mentor_core::{FieldError, InputError, Lang, Localized, Text};
use serde_json::{Value, json};

/// An answer other than success: an HTTP status and its JSON body.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: Value,
    /// Whether another attempt at the same write may succeed (a concurrent writer won).
    retry: bool,
}

/// The service's own codes and their messages (the core's codes come with their own).
pub mod codes {
    use mentor_core::Text;

    /// `not_found`: no such route, application or contract.
    pub const NOT_FOUND: (&str, Text) = ("not_found", Text::new("not found", "introuvable"));
    /// `unauthorized`: the operator token is missing, wrong, or not configured.
    pub const UNAUTHORIZED: (&str, Text) = (
        "unauthorized",
        Text::new(
            "a valid operator bearer token is required",
            "un jeton d'opérateur valide est requis",
        ),
    );
    /// `payload_too_large`: the body is over the limit (1 MiB).
    pub const PAYLOAD_TOO_LARGE: (&str, Text) = (
        "payload_too_large",
        Text::new(
            "the request body is over 1 MiB",
            "le corps de la requête dépasse 1 Mio",
        ),
    );
    /// `bad_request`: the request cannot be read (query, headers, body type).
    pub const BAD_REQUEST: (&str, Text) = (
        "bad_request",
        Text::new("the request cannot be read", "la requête est illisible"),
    );
    /// `method_not_allowed`.
    pub const METHOD_NOT_ALLOWED: (&str, Text) = (
        "method_not_allowed",
        Text::new(
            "method not allowed on this route",
            "méthode non autorisée sur cette route",
        ),
    );
    /// `invalid_input`: field errors, listed in `errors`.
    pub const INVALID_INPUT: (&str, Text) = (
        "invalid_input",
        Text::new("the input has errors", "l'entrée comporte des erreurs"),
    );
    /// `duplicate_application`: the same e-mail already applied to this offer.
    pub const DUPLICATE_APPLICATION: (&str, Text) = (
        "duplicate_application",
        Text::new(
            "an application with this e-mail address was already submitted to this offer",
            "une candidature avec cette adresse e-mail a déjà été déposée pour cette offre",
        ),
    );
    /// `duplicate_session`: a session id already posted for this contract.
    pub const DUPLICATE_SESSION: (&str, Text) = (
        "duplicate_session",
        Text::new(
            "a session with this id was already posted for this contract",
            "une séance avec cet identifiant a déjà été déclarée pour ce contrat",
        ),
    );
    /// `contract_exists`: the application already has a contract.
    pub const CONTRACT_EXISTS: (&str, Text) = (
        "contract_exists",
        Text::new(
            "the application already has a contract",
            "la candidature a déjà un contrat",
        ),
    );
    /// `contract_id_taken`: an amendment names a contract id already in use.
    pub const CONTRACT_ID_TAKEN: (&str, Text) = (
        "contract_id_taken",
        Text::new(
            "a contract with this id already exists",
            "un contrat avec cet identifiant existe déjà",
        ),
    );
    /// `erased`: the application's personal data was erased; its form cannot be used.
    pub const ERASED: (&str, Text) = (
        "erased",
        Text::new(
            "the application's personal data was erased",
            "les données personnelles de la candidature ont été effacées",
        ),
    );
    /// `erasure_route`: an `erased` event posted to an events route; erasure goes through
    /// `DELETE /applicants/{email}`, which removes the stored personal data with the event.
    pub const ERASURE_ROUTE: (&str, Text) = (
        "erasure_route",
        Text::new(
            "an erasure goes through DELETE /applicants/{email}, which also removes the stored personal data",
            "un effacement passe par DELETE /applicants/{email}, qui retire aussi les données personnelles enregistrées",
        ),
    );
    /// `provider_not_configured`: no webhook secret for this provider.
    pub const PROVIDER_NOT_CONFIGURED: (&str, Text) = (
        "provider_not_configured",
        Text::new(
            "this e-signature provider is not configured on the service",
            "ce fournisseur de signature électronique n'est pas configuré sur le service",
        ),
    );
    /// `too_many_pending`: the provider has [`MAX_PENDING`](crate::settlement::MAX_PENDING)
    /// signature events waiting for their envelope already; the delivery is not kept.
    pub const TOO_MANY_PENDING: (&str, Text) = (
        "too_many_pending",
        Text::new(
            "too many deliveries of this provider are waiting for their envelope; retry later",
            "trop de notifications de ce fournisseur attendent leur enveloppe ; réessayez plus tard",
        ),
    );
    /// `unknown_provider`.
    pub const UNKNOWN_PROVIDER: (&str, Text) = (
        "unknown_provider",
        Text::new(
            "unknown e-signature provider",
            "fournisseur de signature électronique inconnu",
        ),
    );
    /// `storage_error`: the database failed; nothing was written.
    pub const STORAGE_ERROR: (&str, Text) = (
        "storage_error",
        Text::new(
            "the database failed; nothing was written",
            "la base de données a échoué ; rien n'a été écrit",
        ),
    );
    /// `busy`: too many concurrent writers on the same record; retry.
    pub const BUSY: (&str, Text) = (
        "busy",
        Text::new(
            "too many concurrent writes to the same record; retry",
            "trop d'écritures simultanées sur le même enregistrement ; réessayez",
        ),
    );
}

impl ApiError {
    /// An error with `status` and a JSON `body` as is.
    #[must_use]
    pub fn new(status: StatusCode, body: Value) -> ApiError {
        ApiError {
            status,
            body,
            retry: false,
        }
    }

    /// An error of the service's own: `{"code", "message"}` in `lang`.
    #[must_use]
    pub fn own(status: StatusCode, (code, text): (&str, Text), lang: Lang) -> ApiError {
        ApiError::new(status, json!({"code": code, "message": text.get(lang)}))
    }

    /// 422 with the core's field errors: `{"code": "invalid_input", "message", "errors": […]}`.
    #[must_use]
    pub fn fields(errors: &[FieldError], lang: Lang) -> ApiError {
        let (code, text) = codes::INVALID_INPUT;
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"code": code, "message": text.get(lang), "errors": errors.to_json(lang)}),
        )
    }

    /// [`ApiError::fields`] of an [`InputError`], each path under `prefix` (`sessions[2]`).
    #[must_use]
    pub fn input(error: InputError, prefix: Option<&str>, lang: Lang) -> ApiError {
        let errors: Vec<FieldError> = match prefix {
            Some(prefix) => error.errors.into_iter().map(|e| e.under(prefix)).collect(),
            None => error.errors,
        };
        ApiError::fields(&errors, lang)
    }

    /// 404 `not_found`.
    #[must_use]
    pub fn not_found(lang: Lang) -> ApiError {
        ApiError::own(StatusCode::NOT_FOUND, codes::NOT_FOUND, lang)
    }

    /// A database failure. Lost races (unique key taken, SQLite busy, PostgreSQL
    /// serialization failure) are marked for a retry; anything else is a 500 whose details go
    /// to the log only (they may quote values).
    #[must_use]
    pub fn storage(error: &sqlx::Error) -> ApiError {
        let retry = is_lost_race(error);
        if !retry {
            tracing::error!(error = %StorageFailure(error), "storage error");
        }
        let (code, text) = codes::STORAGE_ERROR;
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            body: json!({"code": code, "message": text.get(Lang::En)}),
            retry,
        }
    }

    /// Whether the write lost a race and may be tried again.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.retry
    }

    /// The stable code of the answer (`code`), if it has one.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.body.get("code").and_then(Value::as_str)
    }

    /// The same error with its message in `lang`, when it is one of the service's own
    /// `codes` (a message written before the caller's language was known).
    #[must_use]
    pub fn in_lang(self, own: (&str, Text), lang: Lang) -> ApiError {
        if self.code() == Some(own.0) {
            ApiError::own(self.status, own, lang)
        } else {
            self
        }
    }

    /// The JSON body.
    #[must_use]
    pub fn body(&self) -> &Value {
        &self.body
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// What a write that kept losing races answers: 503 `busy`.
    #[must_use]
    pub fn busy(lang: Lang) -> ApiError {
        ApiError::own(StatusCode::SERVICE_UNAVAILABLE, codes::BUSY, lang)
    }
}

/// A database error as logged: its kind and database code, never its message (a constraint
/// message may quote a value).
struct StorageFailure<'a>(&'a sqlx::Error);

impl std::fmt::Display for StorageFailure<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            sqlx::Error::Database(db) => {
                write!(f, "database error, code {}", db.code().as_deref().unwrap_or("?"))
            }
            sqlx::Error::PoolTimedOut => f.write_str("pool timed out"),
            sqlx::Error::Io(e) => write!(f, "i/o: {}", e.kind()),
            other => write!(f, "{}", error_kind(other)),
        }
    }
}

fn error_kind(error: &sqlx::Error) -> &'static str {
    match error {
        sqlx::Error::Configuration(_) => "configuration",
        sqlx::Error::RowNotFound => "row not found",
        sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => "decode",
        sqlx::Error::Protocol(_) => "protocol",
        sqlx::Error::Tls(_) => "tls",
        sqlx::Error::PoolClosed => "pool closed",
        sqlx::Error::Migrate(_) => "migration",
        _ => "other",
    }
}

/// A unique key taken by a concurrent writer, SQLite's busy or locked database, or
/// PostgreSQL's serialization failure and deadlock: the transaction was rolled back whole.
fn is_lost_race(error: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = error else {
        return false;
    };
    if db.kind() == sqlx::error::ErrorKind::UniqueViolation {
        return true;
    }
    let code = db.code();
    let code = code.as_deref().unwrap_or("");
    // SQLite: 5 SQLITE_BUSY, 6 SQLITE_LOCKED, 517 SQLITE_BUSY_SNAPSHOT, 1555 and 2067 primary
    // key and unique constraints (extended codes). PostgreSQL: 23505 unique_violation, 40001
    // serialization_failure, 40P01 deadlock_detected.
    matches!(
        code,
        "5" | "6" | "517" | "261" | "1555" | "2067" | "23505" | "40001" | "40P01"
    )
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
