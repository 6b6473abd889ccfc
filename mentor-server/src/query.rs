//! The query string, read parameter by parameter, so that a wrong parameter is a 422 with a
//! field error at its name (`lang`, `now`, `period`) and the core's stable codes, as a wrong
//! field of a body is: `invalid_enum` (a value outside `en`, `fr`), `invalid_datetime`,
//! `invalid_period`, `required`, and `duplicate_key` for a parameter given twice (which value
//! was meant is unknown, so neither is taken). A query string that cannot be decoded at all is
//! a 400 `bad_request`.

use axum::extract::Query;
use axum::http::{StatusCode, Uri};
use chrono::{DateTime, Utc};
use mentor_core::error::Detail;
use mentor_core::{ErrorCode, FieldError, Lang};

use crate::error::{ApiError, codes};

/// A request's query parameters, decoded, in order.
#[derive(Debug)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// The parameters of `uri`'s query string (none without one).
    ///
    /// # Errors
    /// 400 `bad_request` when the query string cannot be decoded.
    pub fn of(uri: &Uri) -> Result<Params, ApiError> {
        Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map(|q| Params(q.0))
            .map_err(|_| ApiError::own(StatusCode::BAD_REQUEST, codes::BAD_REQUEST, Lang::En))
    }

    /// The one value of `name`, `None` when it is absent.
    ///
    /// # Errors
    /// 422 `duplicate_key` at `name` when it is given more than once.
    pub fn single(&self, name: &str, lang: Lang) -> Result<Option<&str>, ApiError> {
        let mut values = self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str());
        let first = values.next();
        if values.next().is_some() {
            return Err(ApiError::fields(
                &[FieldError::new(name, ErrorCode::DuplicateKey)],
                lang,
            ));
        }
        Ok(first)
    }

    /// The answer's language: `lang` is `en` (the default, also when empty) or `fr`.
    ///
    /// # Errors
    /// 422 (in English) at `lang`: `invalid_enum` naming the languages, or `duplicate_key`.
    pub fn lang(&self) -> Result<Lang, ApiError> {
        match self.single("lang", Lang::En)? {
            None | Some("") => Ok(Lang::En),
            Some(code) => code.parse().map_err(|_| {
                ApiError::fields(
                    &[FieldError::with(
                        "lang",
                        ErrorCode::InvalidEnum,
                        Detail::Allowed(vec!["en", "fr"]),
                    )],
                    Lang::En,
                )
            }),
        }
    }

    /// The instant of `name`, `None` when absent, read by the core's rule for instants
    /// ([`mentor_core::lifecycle::instant`]: RFC 3339, no earlier than 2000-01-01, as
    /// `mentor triage --now` reads it).
    ///
    /// # Errors
    /// 422 at `name`: `invalid_datetime`, `out_of_range` before 2000, or `duplicate_key`.
    pub fn instant(&self, name: &str, lang: Lang) -> Result<Option<DateTime<Utc>>, ApiError> {
        self.single(name, lang)?
            .map(|text| mentor_core::lifecycle::instant(text, name).map_err(|e| ApiError::fields(&[e], lang)))
            .transpose()
    }

    /// The value of `name`, which must be given.
    ///
    /// # Errors
    /// 422 at `name`: `required` when absent or empty, or `duplicate_key`.
    pub fn required(&self, name: &str, lang: Lang) -> Result<&str, ApiError> {
        match self.single(name, lang)? {
            Some(value) if !value.is_empty() => Ok(value),
            _ => Err(ApiError::fields(
                &[FieldError::new(name, ErrorCode::Required)],
                lang,
            )),
        }
    }
}
