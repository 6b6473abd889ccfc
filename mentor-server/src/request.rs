//! What every route reads the same way: the answer's language (`?lang=en|fr`), the operator's
//! bearer token, a JSON body.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use mentor_core::Lang;
use serde_json::Value;
use subtle::ConstantTimeEq;

use crate::Shared;
use crate::error::{ApiError, codes};

/// The language of the answer's messages: `?lang=en` (the default) or `?lang=fr`. Any other
/// value, or `lang` twice, is a 422 at `lang` ([`Params::lang`](crate::query::Params::lang)).
#[derive(Clone, Copy, Debug)]
pub struct AnswerLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for AnswerLang {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        crate::query::Params::of(&parts.uri)?.lang().map(AnswerLang)
    }
}

/// Proof that the request carries the operator's token (`Authorization: Bearer TOKEN`, the
/// scheme's name in any case; the token from the environment variable `MENTOR_SERVER_TOKEN`),
/// compared in constant time.
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
            .and_then(|v| v.split_once(' '))
            // The scheme's name is case-insensitive (RFC 9110 §11.1): `bearer` is `Bearer`.
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim_matches(' '))
            .ok_or_else(refused)?;
        if bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
            Ok(Operator)
        } else {
            Err(refused())
        }
    }
}

/// Reads a JSON body as every reader of the library reads JSON text
/// ([`mentor_core::wire::parse_value_bytes`]): a key given twice in one object is
/// `duplicate_key` at its path (serde_json alone would keep the last value, and a form or an
/// event would say what its sender did not mean), nesting too deep is `too_deep`, anything
/// else that is not JSON is `invalid_json` (its line and column, never its content). A UTF-8
/// byte order mark before the text is ignored (RFC 8259 §8.1), as `mentor triage` and the
/// Python package do.
///
/// # Errors
/// 422 `invalid_input` with that one field error.
pub fn json_body(body: &[u8], lang: Lang) -> Result<Value, ApiError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    mentor_core::wire::parse_value_bytes(body).map_err(|e| ApiError::fields(&[e], lang))
}
