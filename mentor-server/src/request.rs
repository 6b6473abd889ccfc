//! What every route reads the same way: the answer's language (`?lang=en|fr`), the operator's
//! bearer token, a JSON body.

use axum::extract::{FromRequestParts, Query};
use axum::http::StatusCode;
use axum::http::request::Parts;
use mentor_core::{FieldError, Lang};
use serde::Deserialize;
use serde_json::Value;
use subtle::ConstantTimeEq;

use crate::Shared;
use crate::error::{ApiError, codes};

/// The language of the answer's messages: `?lang=en` (the default) or `?lang=fr`. Any other
/// value is a 400.
#[derive(Clone, Copy, Debug)]
pub struct AnswerLang(pub Lang);

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for AnswerLang {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let query = Query::<LangQuery>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::own(StatusCode::BAD_REQUEST, codes::BAD_REQUEST, Lang::En))?;
        match query.0.lang.as_deref() {
            None | Some("") => Ok(AnswerLang(Lang::En)),
            Some(code) => code
                .parse()
                .map(AnswerLang)
                .map_err(|_| ApiError::own(StatusCode::BAD_REQUEST, codes::BAD_REQUEST, Lang::En)),
        }
    }
}

/// Proof that the request carries the operator's token (`Authorization: Bearer TOKEN`, the
/// token from the environment variable `MENTOR_SERVER_TOKEN`), compared in constant time.
/// Without a configured token every operator route answers 401: an operator endpoint is
/// never open by default.
#[derive(Clone, Copy, Debug)]
pub struct Operator;

impl FromRequestParts<Shared> for Operator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Self::Rejection> {
        let lang = AnswerLang::from_request_parts(parts, state)
            .await
            .map_or(Lang::En, |l| l.0);
        let refused = || ApiError::own(StatusCode::UNAUTHORIZED, codes::UNAUTHORIZED, lang);
        let Some(expected) = state.operator_token.as_deref() else {
            return Err(refused());
        };
        let given = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(refused)?;
        if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
            Ok(Operator)
        } else {
            Err(refused())
        }
    }
}

/// Reads a JSON body: a body that is not JSON is a 422 with the core's `invalid_json` field
/// error (its line and column, never its content).
///
/// # Errors
/// 422 `invalid_input`.
pub fn json_body(body: &[u8], lang: Lang) -> Result<Value, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::fields(&[FieldError::invalid_json(&e)], lang))
}
