//! The lifecycles (`docs/lifecycles.md`) as Python classes: `Application` and `Contract`, each the fold
//! of its events, with the core's transition table deciding every move.
//!
//! An event is a dict in the wire form (`{"type", "at", "actor", "version", …data}`); `at`
//! may be an aware `datetime` or an RFC 3339 string.

use chrono::{DateTime, Utc};
use mentor_core::lifecycle::{Aggregate, Change, Event, Rejected, Replay, Vocabulary, mermaid};
use mentor_core::{FieldError, InputError, Lang};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::args::instant_of;
use crate::convert::{list_to_python, to_python, to_value};
use crate::errors::{field_error, input_error, transition_error};

/// An aggregate with the events it accepted, in order.
struct Log<A: Aggregate> {
    aggregate: A,
    events: Vec<Event<A::Change>>,
}

impl<A: Aggregate> Log<A> {
    fn new() -> Self {
        Log {
            aggregate: A::default(),
            events: Vec::new(),
        }
    }

    /// Applies one event; on a refusal nothing changes.
    fn apply(&mut self, event: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = event.py();
        let value = to_value(event).map_err(|e| field_error(py, e, Lang::En))?;
        let event = Event::<A::Change>::from_json(&value).map_err(|e| input_error(py, &e, Lang::En))?;
        self.aggregate
            .apply(&event)
            .map_err(|refused| transition_error(py, &refused, None))?;
        self.events.push(event);
        Ok(())
    }

    /// The fold of a log. Every event that does not parse is reported at once, its errors'
    /// paths starting with its index (`[2].at`); then the first refused event, with its index.
    fn replay(events: &Bound<'_, PyAny>) -> PyResult<Self> {
        let py = events.py();
        let parsed = read_events::<A::Change>(events)?;
        let replay = Replay::<A>::run(&parsed);
        if let Some(rejected) = replay.rejected {
            return Err(transition_error(py, &rejected.refused, Some(rejected.index)));
        }
        Ok(Log {
            aggregate: replay.aggregate,
            events: parsed,
        })
    }

    fn state(&self) -> Option<&'static str> {
        self.aggregate.state().map(Vocabulary::name)
    }

    fn allowed_events(&self) -> Vec<&'static str> {
        self.aggregate
            .allowed_events()
            .into_iter()
            .map(Vocabulary::name)
            .collect()
    }

    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let values: Vec<serde_json::Value> = self.events.iter().map(Event::to_json).collect();
        list_to_python(py, &values)
    }

    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.aggregate.to_json())
    }

    fn repr(&self, class: &str) -> String {
        let state = self
            .state()
            .map_or_else(|| "None".to_owned(), |s| format!("'{s}'"));
        format!("<mentor.{class} state={state} events={}>", self.events.len())
    }
}

/// The events of a log (any iterable of dicts). Every event that does not parse is reported at
/// once, its errors' paths starting with its index (`[2].at`).
fn read_events<C: Change>(events: &Bound<'_, PyAny>) -> PyResult<Vec<Event<C>>> {
    let mut parsed = Vec::new();
    let mut errors: Vec<FieldError> = Vec::new();
    for (index, item) in events.try_iter()?.enumerate() {
        let read = to_value(&item?)
            .map_err(|e| vec![e])
            .and_then(|v| Event::<C>::from_json(&v).map_err(|e| e.errors));
        match read {
            Ok(event) => parsed.push(event),
            Err(found) => errors.extend(found.into_iter().map(|e| e.under(&format!("[{index}]")))),
        }
    }
    if errors.is_empty() {
        Ok(parsed)
    } else {
        Err(input_error(events.py(), &InputError { errors }, Lang::En))
    }
}

/// An erasure of the core: `recruitment::erase` or `contract::erase`.
type Erase<C> = fn(&[Event<C>], DateTime<Utc>) -> Result<Vec<Event<C>>, Rejected>;

/// The erasure of a log's personal data (`docs/lifecycles.md#personal-data`) by the core's
/// `erase`, as a list of event dicts.
fn erase_log<'py, C: Change>(
    events: &Bound<'py, PyAny>,
    at: Option<&Bound<'py, PyAny>>,
    erase: Erase<C>,
) -> PyResult<Bound<'py, PyList>> {
    let py = events.py();
    let at = instant_of(py, at, "at", Lang::En)?;
    let log = read_events::<C>(events)?;
    let erased = erase(&log, at).map_err(|r| transition_error(py, &r.refused, Some(r.index)))?;
    let values: Vec<serde_json::Value> = erased.iter().map(Event::to_json).collect();
    list_to_python(py, &values)
}

/// The application's event log with its personal data removed and an ``erased`` event
/// appended (``docs/lifecycles.md#personal-data``, GDPR art. 17): the interview's time zone
/// becomes ``UTC``; ids, scores and dates are kept; the log replays to the same states.
/// ``at`` (an aware ``datetime`` or an RFC 3339 string; default: now) dates the ``erased``
/// event. A log that ends with ``erased`` comes back unchanged.
///
/// Raises ``InputError`` when an event does not parse (paths ``[2].at``), ``TransitionError``
/// (with ``index``) when the log does not replay, is empty, or ``at`` is before its last event.
#[pyfunction]
#[pyo3(signature = (events, at = None), text_signature = "(events, at=None)")]
pub(crate) fn erase_application<'py>(
    events: &Bound<'py, PyAny>,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    erase_log(events, at, mentor_core::recruitment::erase)
}

/// The contract's event log with its personal data removed and an ``erased`` event appended
/// (``docs/lifecycles.md#personal-data``, GDPR art. 17): the contracting party's registration
/// number becomes ``None``; ids, terms and dates are kept; the log replays to the same states.
/// ``at`` and the errors as for ``erase_application``.
#[pyfunction]
#[pyo3(signature = (events, at = None), text_signature = "(events, at=None)")]
pub(crate) fn erase_contract<'py>(
    events: &Bound<'py, PyAny>,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    erase_log(events, at, mentor_core::contract::erase)
}

macro_rules! lifecycle_class {
    ($rust:ident, $name:literal, $aggregate:ty, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(module = "mentor", name = $name)]
        pub(crate) struct $rust {
            log: Log<$aggregate>,
        }

        #[pymethods]
        impl $rust {
            #[new]
            fn new() -> Self {
                $rust { log: Log::new() }
            }

            /// Applies one event.
            fn apply(&mut self, event: &Bound<'_, PyAny>) -> PyResult<()> {
                self.log.apply(event)
            }

            /// The fold of a log of events.
            #[classmethod]
            fn replay(_cls: &Bound<'_, pyo3::types::PyType>, events: &Bound<'_, PyAny>) -> PyResult<Self> {
                Log::replay(events).map(|log| $rust { log })
            }

            /// The current state; `None` before the first event.
            #[getter]
            fn state(&self) -> Option<&'static str> {
                self.log.state()
            }

            /// The accepted events, in their wire form.
            #[getter]
            fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
                self.log.events(py)
            }

            /// The event types allowed now.
            fn allowed_events(&self) -> Vec<&'static str> {
                self.log.allowed_events()
            }

            /// The aggregate's data as a dict.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.log.data(py)
            }

            /// The aggregate's data as a dict (same as `to_dict()`).
            #[getter]
            fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.log.data(py)
            }

            /// The Mermaid `stateDiagram-v2` of the lifecycle, from its transition table.
            #[staticmethod]
            fn to_mermaid() -> String {
                mermaid::<$aggregate>()
            }

            fn __repr__(&self) -> String {
                self.log.repr($name)
            }

            /// Pickles as a replay of its events.
            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
                let py = slf.py();
                let replay = slf.get_type().getattr("replay")?;
                let events = slf.borrow().log.events(py)?;
                Ok((replay, PyTuple::new(py, [events])?))
            }
        }
    };
}

lifecycle_class!(
    Application,
    "Application",
    mentor_core::recruitment::Application,
    "An application's lifecycle (`docs/lifecycles.md`): submitted, in review, interview, selection, contract, onboarding."
);
lifecycle_class!(
    Contract,
    "Contract",
    mentor_core::contract::Contract,
    "A contract's lifecycle (`docs/lifecycles.md`): draft, sent, viewed, signed one signer at a time, active, and its ends."
);
