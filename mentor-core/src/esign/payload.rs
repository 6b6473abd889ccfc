//! Reading a provider's payload: typed, in one pass, borrowing from the body, and never failing
//! on a value's type (a wrong type becomes a field error with its path, reported with every
//! other problem). Providers add fields over time, so keys this library does not read are
//! skipped, not refused (unlike the library's own wire format, `docs/wire-format.md`).

use chrono::{DateTime, Utc};
use serde::de::Deserialize;

use super::Provider;
use super::event::{EventKind, SignatureEvent};
use crate::contract::MAX_ID_CHARS;
use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::i18n::Text;
use crate::lifecycle::parse_instant;
use crate::read::Reader;
pub(crate) use crate::wire::{Field, List, Object};
use crate::wire::{Number, Obj, Scalar};

const AN_OBJECT: Text = Text::new("an object", "un objet");
const AN_ID: Text = Text::new("a string or a whole number", "une chaîne ou un nombre entier");
const UNIX_TIME: Text = Text::new("a Unix time in seconds", "un temps Unix en secondes");

/// The longest event name read, in characters.
const MAX_EVENT_CHARS: usize = 128;

/// One scalar of a payload, whatever its JSON type.
pub(crate) type Leaf<'a> = Field<Scalar<'a>>;

impl Field<Scalar<'_>> {
    /// The text as sent, trimmed, when the value is a string (a dedupe key's part).
    pub(crate) fn as_text(&self) -> Option<&str> {
        match self {
            Field::Given(Scalar::Text(t)) => Some(t.trim()),
            _ => None,
        }
    }

    /// A whole number as sent, in decimal, when the value is one (a JSON integer).
    pub(crate) fn integer(&self) -> Option<String> {
        match self {
            Field::Given(Scalar::Number(Number::Int(i))) => Some(i.to_string()),
            Field::Given(Scalar::Number(Number::UInt(u))) => Some(u.to_string()),
            _ => None,
        }
    }
}

/// Reads a payload's root object as `T`.
///
/// # Errors
/// `invalid_json` for a body that is not JSON (where and what kind of error, never the text),
/// `invalid_type` for a root that is not an object.
pub(crate) fn read_root<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, InputError> {
    let root: Object<T> = crate::wire::from_slice(body).map_err(|e| InputError { errors: vec![e] })?;
    match root {
        Field::Given(Obj(t)) => Ok(t),
        Field::Absent | Field::Wrong(_) => Err(InputError {
            errors: vec![FieldError::with(
                "",
                ErrorCode::InvalidType,
                Detail::Expected(AN_OBJECT),
            )],
        }),
    }
}

/// Collects the field errors of one payload: the library's [`Reader`], with the paths a
/// payload's readers write as text (`payload.recipients[2].id`).
#[derive(Default)]
pub(crate) struct Check {
    reader: Reader,
}

impl Check {
    pub(crate) fn new() -> Self {
        Check::default()
    }

    /// The object at `path`; `required` when absent and `required` is set.
    pub(crate) fn object<'o, T>(&mut self, obj: &'o Object<T>, path: &str, required: bool) -> Option<&'o T> {
        self.reader.obj(obj, &path, required)
    }

    /// The items of the array at `path` (absent: none).
    pub(crate) fn array<'o, T>(&mut self, arr: &'o List<T>, path: &str) -> &'o [T] {
        self.reader.list(arr, &path).unwrap_or_default()
    }

    /// A short text (an event name, a status), trimmed; `required` when absent or blank and
    /// `required` is set.
    pub(crate) fn text<'l>(&mut self, leaf: &'l Leaf<'_>, path: &str, required: bool) -> Option<&'l str> {
        self.trimmed(leaf, path, MAX_EVENT_CHARS, required)
    }

    fn trimmed<'l>(
        &mut self,
        leaf: &'l Leaf<'_>,
        path: &str,
        max_chars: usize,
        required: bool,
    ) -> Option<&'l str> {
        if required {
            self.reader.required_text(leaf, &path, max_chars)
        } else {
            self.reader.text(leaf, &path, max_chars, false)
        }
    }

    /// A provider id: a string or a whole number, at most [`MAX_ID_CHARS`] characters.
    pub(crate) fn id(&mut self, leaf: &Leaf<'_>, path: &str, required: bool) -> Option<String> {
        if let Some(number) = leaf.integer() {
            return Some(number);
        }
        match leaf {
            Field::Given(Scalar::Text(_)) | Field::Absent => self
                .trimmed(leaf, path, MAX_ID_CHARS, required)
                .map(str::to_owned),
            _ => {
                self.reader.wrong_type(&path, AN_ID);
                None
            }
        }
    }

    /// A required RFC 3339 instant (any offset, stored in UTC).
    pub(crate) fn instant(&mut self, leaf: &Leaf<'_>, path: &str) -> Option<DateTime<Utc>> {
        let text = self.text(leaf, path, true);
        self.reader
            .parse(text, &path, ErrorCode::InvalidDatetime, parse_instant)
    }

    /// A required Unix time in seconds, given as a number or a string of digits.
    pub(crate) fn unix_time(&mut self, leaf: &Leaf<'_>, path: &str) -> Option<DateTime<Utc>> {
        let seconds = match leaf {
            Field::Given(Scalar::Text(s)) => s.trim().parse::<i64>().ok(),
            Field::Given(Scalar::Number(Number::Int(i))) => Some(*i),
            Field::Given(Scalar::Number(Number::UInt(u))) => i64::try_from(*u).ok(),
            Field::Absent => {
                self.reader.error(&path, ErrorCode::Required);
                return None;
            }
            _ => None,
        };
        let at = seconds.and_then(|s| DateTime::from_timestamp(s, 0));
        if at.is_none() {
            self.reader
                .error_with(&path, ErrorCode::InvalidDatetime, Detail::Expected(UNIX_TIME));
        }
        at
    }

    /// The value, or every error found.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, InputError> {
        self.reader.finish(value)
    }

    /// The delivery's one event, from its name and time (both required) and what else the
    /// payload says of it; or every error found.
    pub(crate) fn one_event(
        self,
        provider: Provider,
        event: Option<&str>,
        occurred_at: Option<DateTime<Utc>>,
        about: About,
    ) -> Result<Vec<SignatureEvent>, InputError> {
        let About {
            kind,
            request_id,
            signer_id,
            new_signer_id,
            dedupe_key,
        } = about;
        let built = event.zip(occurred_at).map(|(event, occurred_at)| SignatureEvent {
            provider,
            request_id,
            signer_id,
            new_signer_id,
            kind,
            provider_event: event.to_owned(),
            occurred_at,
            dedupe_key,
            hint: false,
        });
        self.finish(built).map(|e| vec![e])
    }
}

/// What a payload says of its one event besides its name and time (see [`SignatureEvent`]).
pub(crate) struct About {
    pub(crate) kind: EventKind,
    pub(crate) request_id: Option<String>,
    pub(crate) signer_id: Option<String>,
    pub(crate) new_signer_id: Option<String>,
    pub(crate) dedupe_key: String,
}

/// The dedupe key `provider:part:part…`, `-` for a missing part.
pub(crate) fn key(parts: &[Option<&str>]) -> String {
    let mut out = String::with_capacity(96);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.push_str(part.unwrap_or("-"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::borrow::Cow;

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Root<'a> {
        #[serde(borrow)]
        name: Leaf<'a>,
        #[serde(borrow)]
        data: Object<Data<'a>>,
    }

    #[derive(Debug, Deserialize, Default)]
    #[serde(default)]
    struct Data<'a> {
        #[serde(borrow)]
        id: Leaf<'a>,
    }

    #[test]
    fn wrong_types_are_field_errors_not_parse_failures() {
        let root: Root<'_> =
            read_root(br#"{"name": 5, "data": {"id": [1], "extra": {"deep": true}}}"#).unwrap();
        let mut c = Check::new();
        assert_eq!(c.text(&root.name, "name", true), None);
        let data = c.object(&root.data, "data", true).unwrap();
        assert_eq!(c.id(&data.id, "data.id", true), None);
        let paths: Vec<_> = c
            .reader
            .errors
            .iter()
            .map(|e| (e.path.as_str(), e.code))
            .collect();
        assert_eq!(
            paths,
            [
                ("name", ErrorCode::InvalidType),
                ("data.id", ErrorCode::InvalidType)
            ]
        );
    }

    #[test]
    fn strings_borrow_from_the_body_unless_escaped() {
        let root: Root<'_> = read_root(br#"{"name": "plain", "data": {"id": "a\"b"}}"#).unwrap();
        assert!(matches!(
            root.name,
            Field::Given(Scalar::Text(Cow::Borrowed("plain")))
        ));
        let Field::Given(Obj(data)) = root.data else {
            panic!()
        };
        assert_eq!(data.id, Field::Given(Scalar::Text(Cow::Owned("a\"b".into()))));
    }

    #[test]
    fn a_body_that_is_not_an_object_is_refused() {
        assert_eq!(
            read_root::<Root<'_>>(b"[1]").unwrap_err().errors[0].code,
            ErrorCode::InvalidType
        );
        assert_eq!(
            read_root::<Root<'_>>(b"{").unwrap_err().errors[0].code,
            ErrorCode::InvalidJson
        );
        // A key given twice: refused at its path, as every reader of the library refuses it.
        let e = read_root::<Root<'_>>(br#"{"data": {"id": 1, "id": 2}}"#).unwrap_err();
        assert_eq!(
            (e.errors[0].path.as_str(), e.errors[0].code),
            ("data.id", ErrorCode::DuplicateKey)
        );
    }
}
