//! The arguments every entry point shares: the language of the messages, the policy, and
//! `now`.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use mentor_core::error::Detail;
use mentor_core::{ErrorCode, FieldError, Lang, Text};
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyString};

use crate::convert::instant;
use crate::errors::field_error;
use crate::policy::Policy;

/// The `lang` argument: `"en"` or `"fr"` (any case). Anything else is an `InputError` at
/// `lang` (in English: the language is what was wrong).
#[derive(Clone, Copy)]
pub(crate) struct Language(pub(crate) Lang);

impl Language {
    /// The default, English.
    pub(crate) const EN: Language = Language(Lang::En);
}

impl<'a, 'py> FromPyObject<'a, 'py> for Language {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let parsed = obj
            .cast::<PyString>()
            .ok()
            .and_then(|s| s.to_cow().ok().and_then(|s| s.parse::<Lang>().ok()));
        parsed.map(Language).ok_or_else(|| {
            field_error(
                obj.py(),
                FieldError::with("lang", ErrorCode::InvalidEnum, Detail::Allowed(vec!["en", "fr"])),
                Lang::En,
            )
        })
    }
}

/// The policy of a call: the one given, else the documented defaults (`docs/policy.md`).
pub(crate) fn policy_of<'a>(policy: Option<&'a Bound<'_, Policy>>) -> &'a mentor_core::policy::Policy {
    static DEFAULT: OnceLock<mentor_core::policy::Policy> = OnceLock::new();
    match policy {
        Some(p) => &p.get().inner,
        None => DEFAULT.get_or_init(mentor_core::policy::Policy::default),
    }
}

const NOW: Text = Text::new(
    "an aware datetime or an RFC 3339 string such as \"2026-11-30T09:00:00Z\"; a naive datetime names no instant",
    "un datetime avec fuseau ou une chaîne RFC 3339 comme \"2026-11-30T09:00:00Z\" ; un datetime naïf ne désigne aucun instant",
);

/// The `now` argument (the core reads no clock): an aware `datetime` or an RFC 3339 string;
/// `None` is the current time. A naive `datetime` or any other value is an `InputError` at
/// `now` (`invalid_datetime`).
pub(crate) fn now_of(py: Python<'_>, now: Option<&Bound<'_, PyAny>>, lang: Lang) -> PyResult<DateTime<Utc>> {
    instant_of(py, now, "now", lang)
}

/// An instant argument named `key` (`now`, `at`), read as [`now_of`] reads `now`; the error's
/// path is `key`.
pub(crate) fn instant_of(
    py: Python<'_>,
    now: Option<&Bound<'_, PyAny>>,
    key: &str,
    lang: Lang,
) -> PyResult<DateTime<Utc>> {
    let Some(now) = now.filter(|n| !n.is_none()) else {
        return Ok(Utc::now());
    };
    let text = if now.cast::<PyDateTime>().is_ok() {
        instant(now)
    } else {
        now.cast::<PyString>()
            .ok()
            .and_then(|s| s.to_cow().ok().map(String::from))
    };
    text.and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
        .map(|d| d.with_timezone(&Utc))
        .ok_or_else(|| {
            field_error(
                py,
                FieldError::with(key, ErrorCode::InvalidDatetime, Detail::Expected(NOW)),
                lang,
            )
        })
}
