//! The lifecycles (`docs/lifecycles.md`) as Python classes: `Application` and `Contract`, each the fold
//! of its events, with the core's transition table deciding every move.
//!
//! An event is a dict in the wire form (`{"type", "at", "actor", "version", …data}`); `at`
//! may be an aware `datetime` or an RFC 3339 string.

use mentor_core::lifecycle::{Aggregate, Event, Replay, Vocabulary, mermaid};
use mentor_core::{FieldError, InputError, Lang};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

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
        let mut parsed = Vec::new();
        let mut errors: Vec<FieldError> = Vec::new();
        for (index, item) in events.try_iter()?.enumerate() {
            let read = to_value(&item?)
                .map_err(|e| vec![e])
                .and_then(|v| Event::<A::Change>::from_json(&v).map_err(|e| e.errors));
            match read {
                Ok(event) => parsed.push(event),
                Err(found) => errors.extend(found.into_iter().map(|e| e.under(&format!("[{index}]")))),
            }
        }
        if !errors.is_empty() {
            return Err(input_error(py, &InputError { errors }, Lang::En));
        }
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
