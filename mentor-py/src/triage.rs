//! `triage`, `triage_json_bytes` and `triage_file`: the main job (`docs/cli.md`) on a batch of
//! forms, answered as a list of `mentor.TriageEntry` (`crate::entry`). The core works with the
//! GIL released; only reading Python objects and making the entries' objects hold it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use mentor_core::error::Detail;
use mentor_core::triage::{Entry, Record, Triage, read_forms_bytes, triage};
use mentor_core::wire::{NotText, RecordReader, Unread};
use mentor_core::{ErrorCode, FieldError, Lang, Text};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::args::{Language, now_of, policy_of};
use crate::convert::{to_value, without_gc};
use crate::entry::TriageEntry;
use crate::errors::{input_error_saying, os_error};
use crate::policy::Policy;

/// Triage of forms given as Python objects: a list (or any iterable) of dicts, the `line`
/// of each being its index + 1. One dict (or any other single value) is a batch of one, as
/// in the core's `triage_json`.
#[pyfunction]
#[pyo3(signature = (forms, *, policy = None, now = None, lang = Language::EN), text_signature = "(forms, *, policy=None, now=None, lang='en')")]
#[pyo3(name = "triage")]
pub(crate) fn triage_forms<'py>(
    py: Python<'py>,
    forms: &Bound<'py, PyAny>,
    policy: Option<&Bound<'py, Policy>>,
    now: Option<&Bound<'py, PyAny>>,
    lang: Language,
) -> PyResult<Bound<'py, PyList>> {
    let now = now_of(py, now, lang.0)?;
    let single = forms.is_none()
        || forms.cast::<PyDict>().is_ok()
        || forms.cast::<PyString>().is_ok()
        || forms.cast::<PyBytes>().is_ok();
    let mut records = Vec::new();
    if single {
        records.push(record(1, forms));
    } else {
        match forms.try_iter() {
            Ok(items) => {
                for (i, item) in items.enumerate() {
                    records.push(record(i + 1, &item?));
                }
            }
            // Not iterable (a number…): a batch of one record, which the core reports.
            Err(_) => records.push(record(1, forms)),
        }
    }
    let policy = policy_of(policy);
    let entries = py.detach(move || triage(&records, policy, now));
    report(py, entries, lang.0)
}

/// Triage of a JSON array or JSON Lines text given as bytes: the fast path for big exports.
/// The reading and the triage run with the GIL released.
#[pyfunction]
#[pyo3(signature = (data, *, policy = None, now = None, lang = Language::EN), text_signature = "(data, *, policy=None, now=None, lang='en')")]
pub(crate) fn triage_json_bytes<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyBytes>,
    policy: Option<&Bound<'py, Policy>>,
    now: Option<&Bound<'py, PyAny>>,
    lang: Language,
) -> PyResult<Bound<'py, PyList>> {
    let now = now_of(py, now, lang.0)?;
    let policy = policy_of(policy);
    let bytes = data.as_bytes();
    // The records (the parsed forms) are dropped as soon as they are assessed.
    let entries = py.detach(|| triage(&read_forms_bytes(bytes), policy, now));
    report(py, entries, lang.0)
}

/// Triage of a JSON array or JSON Lines file given by its path: `triage_json_bytes` on the
/// file's bytes, the same report, but the file is read in chunks as `mentor triage` reads it
/// (each form is assessed as its line ends, and only its entry is kept). The reading and the
/// triage run with the GIL released.
#[pyfunction]
#[pyo3(signature = (path, *, policy = None, now = None, lang = Language::EN), text_signature = "(path, *, policy=None, now=None, lang='en')")]
pub(crate) fn triage_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    policy: Option<&Bound<'py, Policy>>,
    now: Option<&Bound<'py, PyAny>>,
    lang: Language,
) -> PyResult<Bound<'py, PyList>> {
    let now = now_of(py, now, lang.0)?;
    let policy = policy_of(policy);
    let entries = py
        .detach(|| triage_streamed(&path, policy, now))
        .map_err(|failure| match failure {
            Unread::Io(e) => os_error(py, &e, &path),
            Unread::NotText(_) => not_text(py, &path, lang.0),
        })?;
    report(py, entries, lang.0)
}

/// Every form of the file at `path`, read chunk by chunk and assessed as it arrives, then
/// ranked: the report `triage` makes of the whole file's records.
fn triage_streamed(
    path: &Path,
    policy: &mentor_core::policy::Policy,
    now: DateTime<Utc>,
) -> Result<Vec<Entry>, Unread> {
    let mut file = std::fs::File::open(path).map_err(Unread::Io)?;
    let mut queue = Triage::new(policy, now);
    RecordReader::forms().read_from(&mut file, &mut |record| queue.push(&record))?;
    Ok(queue.finish())
}

const UTF8_TEXT: Text = Text::new(
    "JSON text in UTF-8, but the file holds a NUL byte (binary data or UTF-16)",
    "du texte JSON en UTF-8, or le fichier contient un octet NUL (données binaires ou UTF-16)",
);

/// A file that is not text is one problem for the whole file, as `mentor triage` says it:
/// `InputError` with one `invalid_json` error at the root, the exception's text naming the file.
fn not_text(py: Python<'_>, path: &Path, lang: Lang) -> PyErr {
    let error = FieldError::with("", ErrorCode::InvalidJson, Detail::Expected(UTF8_TEXT));
    let message = format!("`{}` is {NotText}", path.display());
    input_error_saying(
        py,
        &mentor_core::InputError { errors: vec![error] },
        lang,
        message,
    )
}

/// One form as a record. A Python value with no JSON form inside it makes the record
/// unreadable, like a line of a JSON Lines file that is not JSON: the core reports it as
/// `invalid_json`, naming where, and the batch goes on.
fn record(line: usize, form: &Bound<'_, PyAny>) -> Record {
    match to_value(form) {
        Ok(value) => Record::Json { line, value },
        Err(e) => Record::Unreadable {
            line,
            error: FieldError::with("", ErrorCode::InvalidJson, Detail::Parser(e.to_string())),
        },
    }
}

/// The report as a list of `mentor.TriageEntry`, each holding its core entry and rendering
/// its fields when they are read: no entry is rendered here. The entries are boxed with the
/// GIL released; what holds it is one small Python object per entry (some 5 ms for 100,000),
/// with the cyclic garbage collector paused (the entries are tracked objects, and making
/// 100,000 of them would otherwise run it some hundred times over the ones made so far).
fn report<'py>(py: Python<'py>, entries: Vec<Entry>, lang: Lang) -> PyResult<Bound<'py, PyList>> {
    let entries: Vec<TriageEntry> = py.detach(move || {
        entries
            .into_iter()
            .map(|entry| TriageEntry::new(entry, lang))
            .collect()
    });
    without_gc(py, || {
        let entries = entries
            .into_iter()
            .map(|entry| Bound::new(py, entry))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, entries)
    })
}
