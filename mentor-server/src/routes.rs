//! The router: every route, the body limit, JSON errors for whatever axum answers itself
//! (unknown route, wrong method, body too large), and request logs without personal data.

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::http::{Request, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use mentor_core::Lang;
use tower_http::classify::ServerErrorsFailureClass;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

use crate::error::{ApiError, codes};
use crate::{Shared, applications, billing, contracts, erasure, openapi, page, webhooks};

/// The largest body accepted: 1 MiB (mentor-core's own limit for one document).
pub const BODY_LIMIT: usize = 1024 * 1024;

/// The service's routes (see the crate's doc).
pub fn router(service: Shared) -> Router {
    let mut routes = Router::new();
    if let Some(web) = &service.web {
        // The demo's files (see `page`): looked up at each request, 404 while not built.
        for name in page::DEMO_FILES {
            routes = routes.route_service(&format!("/{name}"), ServeFile::new(web.join("demo").join(name)));
        }
        routes = routes.nest_service("/pkg/web", ServeDir::new(web.join("pkg").join("web")));
    }
    routes
        .route("/", get(page::form_page))
        .route("/openapi.json", get(openapi::document))
        .route("/applications", post(applications::submit))
        .route("/queue", get(applications::queue))
        .route("/applications/{id}", get(applications::show))
        .route("/applications/{id}/events", post(applications::post_event))
        .route("/applications/{id}/contract", post(contracts::draft))
        .route("/contracts/{id}", get(contracts::show))
        .route("/contracts/{id}/events", post(contracts::post_event))
        .route("/contracts/{id}/hints", post(contracts::confirm_hints))
        .route("/contracts/{id}/amendments", post(contracts::amend))
        .route("/contracts/{id}/sessions", post(billing::post_sessions))
        .route("/contracts/{id}/statement", get(billing::statement))
        .route("/contracts/{id}/invoices", post(billing::check_invoice))
        .route("/webhooks/{provider}", post(webhooks::receive))
        .route("/applicants/{email}", delete(erasure::erase))
        .fallback(not_found)
        .layer(middleware::from_fn(json_errors))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(
            // The span names the route's template (`/applicants/{email}`), never the URI: a
            // path or query may hold an e-mail address.
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<Body>| {
                    let route = request
                        .extensions()
                        .get::<MatchedPath>()
                        .map_or("(unmatched)", MatchedPath::as_str);
                    tracing::info_span!("request", method = %request.method(), route)
                })
                // A 503 (a provider not configured, too many pending deliveries, a write that
                // kept losing races) is a condition to watch, not a failure of the service:
                // WARN; any other 5xx is an ERROR.
                .on_failure(
                    |class: ServerErrorsFailureClass, latency: Duration, _span: &tracing::Span| match class {
                        ServerErrorsFailureClass::StatusCode(StatusCode::SERVICE_UNAVAILABLE) => {
                            tracing::warn!(status = 503, ?latency, "service unavailable");
                        }
                        other => tracing::error!(classification = %other, ?latency, "response failed"),
                    },
                ),
        )
        .with_state(service)
}

async fn not_found() -> ApiError {
    ApiError::not_found(Lang::En)
}

/// Turns the plain-text errors axum writes itself (405, 413, 415, 400 of an extractor) into
/// the service's JSON errors.
async fn json_errors(request: Request<Body>, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => codes::PAYLOAD_TOO_LARGE,
        StatusCode::METHOD_NOT_ALLOWED => codes::METHOD_NOT_ALLOWED,
        StatusCode::NOT_FOUND => codes::NOT_FOUND,
        StatusCode::INTERNAL_SERVER_ERROR => codes::STORAGE_ERROR,
        _ => codes::BAD_REQUEST,
    };
    let mut json = ApiError::own(status, code, Lang::En).into_response();
    if let Some(allow) = response.headers().get(header::ALLOW) {
        json.headers_mut().insert(header::ALLOW, allow.clone());
    }
    json
}
