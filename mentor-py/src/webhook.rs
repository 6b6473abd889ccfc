//! `verify_webhook`: one e-signature delivery (`docs/esign.md`) verified and parsed by the core
//! (`esign::verify`, then `Verified::events`), with the GIL released. The answer is what
//! `mentor webhook PROVIDER … --json` prints: `{"provider", "verified", "events"}`.
//!
//! - a failed authenticity check → `SignatureError` with the core's code (`bad_signature`,
//!   `stale_timestamp`…) and its message naming the check, in `lang`;
//! - a body that is not the provider's documented payload → `InputError` with its field
//!   errors (the payload's paths; values are never quoted).

use std::borrow::Cow;

use mentor_core::error::Detail;
use mentor_core::esign::{self, Delivery, Provider, Secret, SignatureEvent, Verification, WebhookError};
use mentor_core::{ErrorCode, FieldError, Lang, Text};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString, PyTuple, PyType};
use serde_json::{Value, json};

use crate::args::{Language, now_of};
use crate::convert::{string_arg, to_python};
use crate::errors::{field_error, input_error};

static SIGNATURE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

const SECRET: Text = Text::new(
    "the webhook secret as str (or UTF-8 bytes), or None",
    "le secret du webhook en str (ou en octets UTF-8), ou None",
);
const HEADERS: Text = Text::new(
    "the request headers: a mapping of str to str, or an iterable of (name, value) pairs of str",
    "les en-têtes de la requête : un mapping de str vers str, ou un itérable de paires (nom, valeur) de str",
);
const HEADER: Text = Text::new("a (name, value) pair of str", "une paire (nom, valeur) de str");
const BODY: Text = Text::new(
    "the raw request body as bytes, exactly as received (a decoded or re-encoded body does not verify)",
    "le corps brut de la requête en bytes, tel que reçu (un corps décodé ou ré-encodé ne se vérifie pas)",
);

/// Verifies one webhook delivery and returns its normalised events.
#[pyfunction]
#[pyo3(
    signature = (provider, secret, headers, body, *, now = None, lang = Language::EN),
    text_signature = "(provider, secret, headers, body, *, now=None, lang='en')"
)]
pub(crate) fn verify_webhook<'py>(
    py: Python<'py>,
    provider: &Bound<'py, PyAny>,
    secret: &Bound<'py, PyAny>,
    headers: &Bound<'py, PyAny>,
    body: &Bound<'py, PyAny>,
    now: Option<&Bound<'py, PyAny>>,
    lang: Language,
) -> PyResult<Bound<'py, PyAny>> {
    let provider = provider_of(provider, lang.0)?;
    let secret = secret_of(secret, lang.0)?;
    let headers = headers_of(headers, lang.0)?;
    let body = body_of(body, lang.0)?;
    // The core reads no clock: the binding does, when the caller gives no `now`.
    let now = now_of(py, now, lang.0)?;
    let outcome = py.detach(|| -> Result<Value, WebhookError> {
        let pairs: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let delivery = Delivery {
            headers: &pairs,
            body: &body,
        };
        let verified = esign::verify(provider, &delivery, &secret, now)?;
        let events: Vec<Value> = verified.events()?.iter().map(SignatureEvent::to_json).collect();
        let is_verified = verified.verification() == Verification::Verified;
        Ok(json!({"provider": provider.name(), "verified": is_verified, "events": events}))
    });
    match outcome {
        Ok(answer) => to_python(py, &answer),
        Err(WebhookError::Malformed(e)) => Err(input_error(py, &e, lang.0)),
        Err(refused) => Err(signature_error(py, provider, &refused, lang.0)),
    }
}

/// `SignatureError(message, code, provider)`: the check that failed, said in `lang`.
fn signature_error(py: Python<'_>, provider: Provider, e: &WebhookError, lang: Lang) -> PyErr {
    let raise = || -> PyResult<PyErr> {
        let class = SIGNATURE_ERROR.import(py, "mentor._errors", "SignatureError")?;
        let message = format!("{}: {}", provider.name(), e.message(lang));
        Ok(PyErr::from_value(class.call1((
            message,
            e.code(),
            provider.name(),
        ))?))
    };
    raise().unwrap_or_else(|failure| failure)
}

/// A provider's wire name (`"dropbox_sign"`); anything else is an `InputError` at `provider`.
fn provider_of(obj: &Bound<'_, PyAny>, lang: Lang) -> PyResult<Provider> {
    let name = obj
        .cast::<PyString>()
        .ok()
        .and_then(|s| s.to_cow().ok().map(String::from));
    name.as_deref().and_then(Provider::from_name).ok_or_else(|| {
        let names = Provider::ALL.iter().map(|(name, _)| *name).collect();
        field_error(
            obj.py(),
            FieldError::with("provider", ErrorCode::InvalidEnum, Detail::Allowed(names)),
            lang,
        )
    })
}

/// The secret: `str`, UTF-8 `bytes` (the core keys with the text's UTF-8 bytes), or `None`
/// for none (what Concord needs; the other providers refuse it with `empty_secret`).
fn secret_of(obj: &Bound<'_, PyAny>, lang: Lang) -> PyResult<Secret> {
    if obj.is_none() {
        return Ok(Secret::new(""));
    }
    if obj.cast::<PyString>().is_ok() {
        return string_arg(obj, "secret", lang).map(Secret::new);
    }
    let text = obj
        .cast::<PyBytes>()
        .ok()
        .and_then(|b| std::str::from_utf8(b.as_bytes()).ok().map(Secret::new));
    text.ok_or_else(|| {
        field_error(
            obj.py(),
            FieldError::with("secret", ErrorCode::InvalidType, Detail::Expected(SECRET)),
            lang,
        )
    })
}

/// The headers, in order: from a mapping (anything with `items()`: a dict, the header objects
/// of web frameworks, `email.message.Message`) or from an iterable of `(name, value)` pairs.
fn headers_of(obj: &Bound<'_, PyAny>, lang: Lang) -> PyResult<Vec<(String, String)>> {
    let py = obj.py();
    let not_headers = || {
        field_error(
            py,
            FieldError::with("headers", ErrorCode::InvalidType, Detail::Expected(HEADERS)),
            lang,
        )
    };
    if obj.is_none() || obj.cast::<PyString>().is_ok() || obj.cast::<PyBytes>().is_ok() {
        return Err(not_headers());
    }
    let pairs = if obj.hasattr("items")? {
        obj.call_method0("items")?
    } else {
        obj.clone()
    };
    let Ok(items) = pairs.try_iter() else {
        return Err(not_headers());
    };
    let mut out = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        let pair = pair_of(&item).ok_or_else(|| {
            field_error(
                py,
                FieldError::with(
                    format!("headers[{i}]"),
                    ErrorCode::InvalidType,
                    Detail::Expected(HEADER),
                ),
                lang,
            )
        })?;
        out.push(pair);
    }
    Ok(out)
}

/// A `(name, value)` tuple or list of two `str`.
fn pair_of(item: &Bound<'_, PyAny>) -> Option<(String, String)> {
    let text = |v: Bound<'_, PyAny>| {
        v.cast::<PyString>()
            .ok()
            .and_then(|s| s.to_cow().ok().map(String::from))
    };
    let (name, value) = if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() != 2 {
            return None;
        }
        (t.get_item(0).ok()?, t.get_item(1).ok()?)
    } else if let Ok(l) = item.cast::<PyList>() {
        if l.len() != 2 {
            return None;
        }
        (l.get_item(0).ok()?, l.get_item(1).ok()?)
    } else {
        return None;
    };
    Some((text(name)?, text(value)?))
}

/// The raw body: `bytes` as they are (not copied), or a copy of a `bytearray`.
fn body_of<'a>(obj: &'a Bound<'_, PyAny>, lang: Lang) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Cow::Owned(b.to_vec()));
    }
    Err(field_error(
        obj.py(),
        FieldError::with("body", ErrorCode::InvalidType, Detail::Expected(BODY)),
        lang,
    ))
}
