//! What the two lifecycles share (`docs/lifecycles.md`): events with who and when, transition tables,
//! replay, refusals, and the Mermaid export.
//!
//! An aggregate ([`crate::recruitment::Application`], [`crate::contract::Contract`]) is the fold
//! of its events. Each aggregate has **one** transition table ([`Aggregate::TRANSITIONS`]); the
//! same table decides [`Aggregate::apply`], answers [`Aggregate::allowed_events`] and draws
//! [`mermaid`]. An event the table does not allow from the current state is a [`Refused`]
//! naming the state and the event, and the aggregate is left unchanged.
//!
//! The actor of an event is recorded, not authorised: deciding who may act belongs to the
//! service that embeds the library.
//!
//! Wire form of an event (`docs/wire-format.md`):
//! `{"type": "interview_scheduled", "at": "2026-11-12T09:30:00Z", "actor": "mentor_manager",
//! "version": 1, …data}`. `version` is the schema version of the event; an event without it is
//! read as version 1, and every event the library writes carries it, so that logs stored by this
//! version keep loading when the schema grows (older versions are upgraded on read).

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::i18n::{In, Lang, Localized, Text};
use crate::provider::Provider;
use crate::read::{Path, Reader, See, present};
use crate::wire::Record;

pub use crate::vocabulary::Vocabulary;

/// The schema version of the events this library writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Who acted (`docs/lifecycles.md` `actor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Actor {
    /// The applicant.
    Candidate,
    /// A mentor manager (INT-1).
    MentorManager,
    /// The service itself (a timer, an import).
    System,
    /// An e-signature provider's delivery (CON-2).
    Provider(Provider),
}

impl Actor {
    /// The wire name: `candidate`, `mentor_manager`, `system` or a provider's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Actor::Candidate => "candidate",
            Actor::MentorManager => "mentor_manager",
            Actor::System => "system",
            Actor::Provider(p) => p.name(),
        }
    }

    /// The actor of a wire name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Actor> {
        match name {
            "candidate" => Some(Actor::Candidate),
            "mentor_manager" => Some(Actor::MentorManager),
            "system" => Some(Actor::System),
            _ => Provider::from_name(name).map(Actor::Provider),
        }
    }

    fn names() -> Vec<&'static str> {
        let mut names = vec!["candidate", "mentor_manager", "system"];
        names.extend(Provider::ALL.iter().map(|(n, _)| *n));
        names
    }
}

/// One event of a log: when, who, and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Event<C> {
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
    /// Who did it.
    pub actor: Actor,
    /// What happened, with its data.
    pub change: C,
}

/// The data of an event: one enum per aggregate, one variant per event type.
pub trait Change: Sized {
    /// The event types.
    type Type: Vocabulary;

    /// The type of this change.
    fn event_type(&self) -> Self::Type;

    /// The data keys an event of type `ty` may carry, besides `type`, `at`, `actor` and
    /// `version`.
    fn keys(ty: Self::Type) -> &'static [&'static str];

    /// Reads the data of an event of type `ty` from the event's object (whose keys are already
    /// checked against [`Change::keys`]).
    ///
    /// # Errors
    /// The data's field errors, with paths from the event's root (`slot.start`).
    fn read(ty: Self::Type, map: &Map<String, Value>) -> Result<Self, Vec<FieldError>>;

    /// Writes the data's entries into the event's map, after `type`, `at`, `actor` and
    /// `version`.
    ///
    /// # Errors
    /// Only the serializer's own errors.
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

const ENVELOPE: [&str; 4] = ["type", "at", "actor", "version"];

impl<C: Change> Event<C> {
    /// Reads an event from its wire form (see the module doc).
    ///
    /// # Errors
    /// Every problem as a field error: `required` (`type`, `at`, `actor`), `invalid_enum`
    /// (an unknown type or actor, listing the allowed ones), `invalid_datetime`,
    /// `unknown_field`, `out_of_range` (a `version` this library does not know), and the
    /// data's own errors.
    pub fn from_json(value: &Value) -> Result<Event<C>, InputError> {
        let mut r = Reader::new();
        let root = Path::Root;
        let event = read_event::<C>(&mut r, value, &root);
        r.finish(event)
    }

    /// The wire form, with `version` set to [`SCHEMA_VERSION`]: the event's [`Serialize`]
    /// form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }
}

/// `{"type", "at", "actor", "version", …data}` (see the module doc).
impl<C: Change> Serialize for Event<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.change.event_type().name())?;
        map.serialize_entry("at", &format_instant(self.at))?;
        map.serialize_entry("actor", self.actor.name())?;
        map.serialize_entry("version", &SCHEMA_VERSION)?;
        self.change.write(&mut map)?;
        map.end()
    }
}

fn read_event<C: Change>(r: &mut Reader, value: &Value, root: &Path<'_>) -> Option<Event<C>> {
    let Value::Object(map) = value else {
        r.object(value, root, &[]);
        return None;
    };
    let type_path = root.key("type");
    let ty = match present(map.get("type")) {
        None => {
            r.error(&type_path, ErrorCode::Required);
            None
        }
        Some(v) => r.choice(Some(v), &type_path, C::Type::ALL),
    };
    // The keys are checked once the type is known (each type has its own data).
    if let Some(ty) = ty {
        let keys = C::keys(ty);
        for key in map.keys() {
            if !ENVELOPE.contains(&key.as_str()) && !keys.contains(&key.as_str()) {
                r.error(&root.key(key), ErrorCode::UnknownField);
            }
        }
    }
    let version_path = root.key("version");
    if present(map.get("version")).is_some() {
        r.integer(map.get("version"), &version_path, 1, i64::from(SCHEMA_VERSION));
    }
    let at = read_instant(r, map.get("at"), &root.key("at"), true);
    let actor_path = root.key("actor");
    let actor = match r.required_text(map.get("actor"), &actor_path, 32) {
        Some(name) => {
            let actor = Actor::from_name(name);
            if actor.is_none() {
                r.error_with(
                    &actor_path,
                    ErrorCode::InvalidEnum,
                    Detail::Allowed(Actor::names()),
                );
            }
            actor
        }
        None => None,
    };
    let change = match C::read(ty?, map) {
        Ok(change) => Some(change),
        Err(errors) => {
            r.errors.extend(errors);
            None
        }
    };
    Some(Event {
        at: at?,
        actor: actor?,
        change: change?,
    })
}

/// Reads an RFC 3339 instant (any offset; stored in UTC). `required` when absent and
/// `required` is set; `out_of_range` before [`earliest_instant`] (issue 16: `0000-01-01`
/// would rank first in a review queue).
pub(crate) fn read_instant<'v, V: See<'v> + Copy>(
    r: &mut Reader,
    value: V,
    path: &Path<'_>,
    required: bool,
) -> Option<DateTime<Utc>> {
    let text = if required {
        r.required_text(value, path, 64)
    } else {
        r.text(value, path, 64, false)
    };
    let at = r.parse(text, path, ErrorCode::InvalidDatetime, parse_instant)?;
    if at < earliest_instant() {
        r.error_with(path, ErrorCode::OutOfRange, Detail::NotBefore(earliest_instant()));
        return None;
    }
    Some(at)
}

/// An instant given as text outside a document (a query parameter, a command-line option such
/// as `--now`), read by the rule of every instant of the wire format: RFC 3339 with any offset,
/// stored in UTC, no earlier than [`earliest_instant`].
///
/// ```
/// use mentor_core::lifecycle::instant;
/// assert_eq!(instant("2026-11-30T10:00:00+01:00", "now").unwrap().to_rfc3339(), "2026-11-30T09:00:00+00:00");
/// assert_eq!(instant("yesterday", "now").unwrap_err().code.as_str(), "invalid_datetime");
/// let early = instant("0001-01-01T00:00:00Z", "now").unwrap_err();
/// assert_eq!((early.path.as_str(), early.code.as_str()), ("now", "out_of_range"));
/// ```
///
/// # Errors
/// One [`FieldError`] at `name`: `invalid_datetime`, `out_of_range` before
/// [`earliest_instant`], or `too_long` past 64 characters.
pub fn instant(text: &str, name: &str) -> Result<DateTime<Utc>, FieldError> {
    let mut r = Reader::new();
    let value = Value::String(text.to_owned());
    let root = Path::Root;
    let at = read_instant(&mut r, Some(&value), &root.key(name), true);
    r.finish(at).map_err(|e| {
        e.errors
            .into_iter()
            .next()
            .unwrap_or_else(|| FieldError::new(name, ErrorCode::InvalidDatetime))
    })
}

/// The earliest instant an event of this domain may have: 2000-01-01T00:00:00Z, before any
/// online mentoring platform. Earlier instants in the wire format (`0000-01-01`, a Unix epoch
/// left by a default value) are typing or export mistakes.
#[must_use]
pub fn earliest_instant() -> DateTime<Utc> {
    DateTime::from_timestamp(946_684_800, 0).unwrap_or(DateTime::UNIX_EPOCH)
}

/// An RFC 3339 date-time, converted to UTC.
pub(crate) fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

/// The wire form of an instant: `2026-11-12T09:30:00Z` (fractions only when present).
pub(crate) fn format_instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// When an event may fire from a row's `from` state, besides the event type matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Guard {
    /// Always.
    Always,
    /// Only towards the state the aggregate was in before it left for the `from` state
    /// (reopening a rejection returns to the stage it came from).
    CameFrom,
    /// Only while another signer has still to sign.
    SignersPending,
    /// Only when this signature is the last one missing.
    LastSigner,
}

impl Guard {
    const fn label(self) -> Option<&'static str> {
        match self {
            Guard::Always => None,
            Guard::CameFrom => Some("back where it came from"),
            Guard::SignersPending => Some("others still to sign"),
            Guard::LastSigner => Some("last signature"),
        }
    }
}

/// One row of a transition table: from `from` (`None`: the log's first event), `event` leads to
/// `to` when `guard` holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition<S, T> {
    /// The state before; `None` for the event that starts a log.
    pub from: Option<S>,
    /// The event type.
    pub event: T,
    /// The state after.
    pub to: S,
    /// The condition on the aggregate's data.
    pub guard: Guard,
}

/// A row (shorthand for the tables).
pub(crate) const fn row<S, T>(from: S, event: T, to: S) -> Transition<S, T> {
    Transition {
        from: Some(from),
        event,
        to,
        guard: Guard::Always,
    }
}

/// A guarded row.
pub(crate) const fn guarded<S, T>(from: S, event: T, to: S, guard: Guard) -> Transition<S, T> {
    Transition {
        from: Some(from),
        event,
        to,
        guard,
    }
}

/// An event-sourced aggregate with a transition table.
pub trait Aggregate: Default {
    /// Its states.
    type State: Vocabulary;
    /// The data of its events.
    type Change: Change;
    /// Its name on the wire and in diagrams (`"application"`).
    const NAME: &'static str;
    /// The transition table: the only source of what may happen.
    const TRANSITIONS: &'static [Transition<Self::State, <Self::Change as Change>::Type>];

    /// The current state; `None` before the first event.
    fn state(&self) -> Option<Self::State>;

    /// Whether `guard` holds for a move to `to` (rows with [`Guard::Always`] never ask).
    fn guard_holds(&self, guard: Guard, to: Self::State) -> bool;

    /// Applies one event.
    ///
    /// # Errors
    /// [`Refused`] when the table does not allow the event from the current state, when the
    /// event is dated before the previous one, or when its data contradicts the aggregate
    /// (see each aggregate). The aggregate is then unchanged.
    fn apply(&mut self, event: &Event<Self::Change>) -> Result<(), Refused>;

    /// The event types the table allows now, in table order, each once.
    fn allowed_events(&self) -> Vec<<Self::Change as Change>::Type> {
        let mut allowed = Vec::new();
        for t in Self::TRANSITIONS {
            if t.from == self.state()
                && (t.guard == Guard::Always || self.guard_holds(t.guard, t.to))
                && !allowed.contains(&t.event)
            {
                allowed.push(t.event);
            }
        }
        allowed
    }

    /// The state the table leads to for `event` now; `None` when it does not allow it.
    fn next_state(&self, event: <Self::Change as Change>::Type) -> Option<Self::State> {
        let from = self.state();
        Self::TRANSITIONS
            .iter()
            .find(|t| {
                t.from == from
                    && t.event == event
                    && (t.guard == Guard::Always || self.guard_holds(t.guard, t.to))
            })
            .map(|t| t.to)
    }

    /// The refusal of `event` for `reason`, naming the current state.
    fn refuse(&self, event: <Self::Change as Change>::Type, reason: Refusal) -> Refused {
        Refused {
            aggregate: Self::NAME,
            state: self.state().map(Vocabulary::name),
            event: event.name(),
            reason,
        }
    }

    /// Writes the aggregate's data, for reports (`mentor replay`), into a map: at least
    /// `state`.
    ///
    /// # Errors
    /// Only the serializer's own errors.
    fn write_data<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("state", &self.state().map(Vocabulary::name))
    }

    /// The aggregate's data as JSON (see [`Aggregate::write_data`]).
    fn to_json(&self) -> Value {
        crate::i18n::json_value(&Data(self))
    }

    /// The fold of a log: applies its events in order from the empty aggregate.
    ///
    /// # Errors
    /// The first refused event, with its 0-based index in `events`.
    fn replay(events: &[Event<Self::Change>]) -> Result<Self, Rejected> {
        let mut aggregate = Self::default();
        for (index, event) in events.iter().enumerate() {
            aggregate
                .apply(event)
                .map_err(|refused| Rejected { index, refused })?;
        }
        Ok(aggregate)
    }
}

/// Why an event was refused, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// The transition table does not allow this event from the current state.
    NotAllowed,
    /// The event is dated before the previous event of the log.
    BeforePrevious,
    /// The signer has already signed or declined (signer states only move forward).
    SignerAlreadyFinal,
    /// The contract's data does not allow it (see the message), such as an amendment that does
    /// not raise the version.
    InvalidData(Text),
}

impl Refusal {
    /// The stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Refusal::NotAllowed => "transition_not_allowed",
            Refusal::BeforePrevious => "event_before_previous",
            Refusal::SignerAlreadyFinal => "signer_already_final",
            Refusal::InvalidData(_) => "invalid_event_data",
        }
    }
}

/// An event an aggregate refused: the aggregate, its state, the event type and why. The
/// aggregate that refused is unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct Refused {
    /// `application` or `contract`.
    pub aggregate: &'static str,
    /// The state's wire name; `None` before the first event.
    pub state: Option<&'static str>,
    /// The event type's wire name.
    pub event: &'static str,
    /// Why.
    pub reason: Refusal,
}

impl Refused {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let state = self.state.unwrap_or(match lang {
            Lang::En => "(no event yet)",
            Lang::Fr => "(aucun événement)",
        });
        let (aggregate, event) = (self.aggregate, self.event);
        match (self.reason, lang) {
            (Refusal::NotAllowed, Lang::En) => {
                format!("{aggregate} in state `{state}` does not allow the event `{event}`")
            }
            (Refusal::NotAllowed, Lang::Fr) => {
                format!("l'état `{state}` ({aggregate}) n'autorise pas l'événement `{event}`")
            }
            (Refusal::BeforePrevious, Lang::En) => format!(
                "the event `{event}` is dated before the previous event of the {aggregate} (state `{state}`)"
            ),
            (Refusal::BeforePrevious, Lang::Fr) => format!(
                "l'événement `{event}` est daté avant l'événement précédent ({aggregate}, état `{state}`)"
            ),
            (Refusal::SignerAlreadyFinal, Lang::En) => format!(
                "the event `{event}` concerns a signer who has already signed or declined (state `{state}`)"
            ),
            (Refusal::SignerAlreadyFinal, Lang::Fr) => format!(
                "l'événement `{event}` concerne un signataire qui a déjà signé ou refusé (état `{state}`)"
            ),
            (Refusal::InvalidData(text), Lang::En) => format!(
                "the event `{event}` cannot apply in state `{state}`: {}",
                text.get(lang)
            ),
            (Refusal::InvalidData(text), Lang::Fr) => format!(
                "l'événement `{event}` ne peut s'appliquer dans l'état `{state}` : {}",
                text.get(lang)
            ),
        }
    }
}

/// The wire form `{"code", "aggregate", "state", "event", "message"}`.
impl Localized for Refused {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire {
            code: &'static str,
            aggregate: &'static str,
            state: Option<&'static str>,
            event: &'static str,
            message: String,
        }
        Wire {
            code: self.reason.code(),
            aggregate: self.aggregate,
            state: self.state,
            event: self.event,
            message: self.message(lang),
        }
        .serialize(serializer)
    }
}

/// A replay that stopped: the 0-based index of the refused event in the log, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("event {index}: {refused}")]
pub struct Rejected {
    /// The index of the refused event (0-based).
    pub index: usize,
    /// The refusal.
    pub refused: Refused,
}

/// The erasure of a log's personal data (GDPR art. 17), shared by both lifecycles: each event
/// through `scrub`, then `erased` (by [`Actor::System`], at `at`) appended, unless the log
/// already ends with an event of its type.
///
/// The log must replay: its answers (states, allowed events, the aggregate's data other than
/// the scrubbed fields) are what the erased log must give again, so a log whose answers are
/// unknown cannot be erased without guessing. `scrub` removes data that no transition reads,
/// so the scrubbed log replays through the same states.
///
/// # Errors
/// The first refused event of `log` with its index; or the `erased` event refused, with the
/// index it would have had (`log.len()`): dated before the last event
/// ([`Refusal::BeforePrevious`]), or an empty log ([`Refusal::NotAllowed`]: no state to erase).
pub(crate) fn erase_log<A: Aggregate>(
    log: &[Event<A::Change>],
    at: DateTime<Utc>,
    scrub: impl Fn(&A::Change) -> A::Change,
    erased: A::Change,
) -> Result<Vec<Event<A::Change>>, Rejected> {
    let mut aggregate = A::replay(log)?;
    let mut out: Vec<Event<A::Change>> = Vec::with_capacity(log.len() + 1);
    out.extend(log.iter().map(|e| Event {
        at: e.at,
        actor: e.actor,
        change: scrub(&e.change),
    }));
    let erased_type = erased.event_type();
    if log.last().is_some_and(|e| e.change.event_type() == erased_type) {
        // Erased already (its personal data scrubbed again above, in case the log was written
        // by hand): one erasure, at the time it was first done.
        return Ok(out);
    }
    let event = Event {
        at,
        actor: Actor::System,
        change: erased,
    };
    aggregate.apply(&event).map_err(|refused| Rejected {
        index: log.len(),
        refused,
    })?;
    out.push(event);
    Ok(out)
}

/// Refuses an event dated before `last` (a log is in time order).
pub(crate) fn check_order(last: Option<DateTime<Utc>>, at: DateTime<Utc>) -> Result<(), Refusal> {
    match last {
        Some(last) if at < last => Err(Refusal::BeforePrevious),
        _ => Ok(()),
    }
}

/// The Mermaid `stateDiagram-v2` of an aggregate, drawn from its transition table: one arrow
/// per row (labelled with the event type, and the guard when there is one), `[*]` into the
/// first state and out of every state that no row leaves for another state (an `erased`
/// self-loop, allowed from every state, does not make a state less final).
///
/// ```
/// use mentor_core::lifecycle::mermaid;
/// use mentor_core::recruitment::Application;
/// let diagram = mermaid::<Application>();
/// assert!(diagram.starts_with("stateDiagram-v2\n"));
/// assert!(diagram.contains("    in_review --> interview_scheduled: interview_scheduled\n"));
/// assert!(diagram.contains("    onboarded --> [*]\n"));
/// ```
#[must_use]
pub fn mermaid<A: Aggregate>() -> String {
    use fmt::Write as _;
    let mut out = String::from("stateDiagram-v2\n");
    for t in A::TRANSITIONS {
        let from = t.from.map_or("[*]", Vocabulary::name);
        let _ = write!(out, "    {from} --> {}: {}", t.to.name(), t.event.name());
        if let Some(label) = t.guard.label() {
            let _ = write!(out, " ({label})");
        }
        out.push('\n');
    }
    for (name, state) in A::State::ALL {
        if !A::TRANSITIONS
            .iter()
            .any(|t| t.from == Some(*state) && t.to != *state)
        {
            let _ = writeln!(out, "    {name} --> [*]");
        }
    }
    out
}

/// Reads a log from records (a JSON array or JSON Lines, read by
/// [`crate::wire::read_records`]): every event, or every record that is not one.
///
/// # Errors
/// One [`BadRecord`] per record that is not an event (with its line and its field errors), so
/// that one bad record does not hide the others.
pub fn read_log<C: Change>(records: &[Record]) -> Result<Vec<Event<C>>, Vec<BadRecord>> {
    read_each(records, Event::<C>::from_json)
}

/// Reads every record of a file with `read` (an event, a billing session…): all the values, or
/// every record that could not be read, each with its line. A record that is not JSON is one
/// `invalid_json` error.
///
/// ```
/// use mentor_core::{lifecycle::read_each, wire::read_records, interview::Slot};
/// let records = read_records("not json\n{\"start\": \"2026-11-12T17:00:00Z\", \"time_zone\": \"Europe/Paris\", \"duration_minutes\": 45}\n");
/// let bad = read_each(&records, Slot::from_json).unwrap_err();
/// assert_eq!((bad.len(), bad[0].line, bad[0].errors[0].code.as_str()), (1, 1, "invalid_json"));
/// ```
///
/// # Errors
/// One [`BadRecord`] per record that could not be read.
pub fn read_each<T>(
    records: &[Record],
    read: impl Fn(&Value) -> Result<T, InputError>,
) -> Result<Vec<T>, Vec<BadRecord>> {
    let mut values = Vec::with_capacity(records.len());
    let mut bad = Vec::new();
    for record in records {
        let line = record.line();
        match record.value() {
            Ok(value) => match read(&value) {
                Ok(v) => values.push(v),
                Err(e) => bad.push(BadRecord {
                    line,
                    errors: e.errors,
                }),
            },
            Err(error) => bad.push(BadRecord {
                line,
                errors: vec![error],
            }),
        }
    }
    if bad.is_empty() { Ok(values) } else { Err(bad) }
}

/// A record of a log that is not an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRecord {
    /// The record's 1-based line (JSON Lines) or array index + 1 (JSON array).
    pub line: usize,
    /// What is wrong with it.
    pub errors: Vec<FieldError>,
}

/// One applied event of a replay: its position, type, time, actor and the move it made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// The event's 0-based index in the log.
    pub index: usize,
    /// The event type's wire name.
    pub event: &'static str,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: Actor,
    /// The state before (`None` for the first event).
    pub from: Option<&'static str>,
    /// The state after.
    pub to: &'static str,
}

/// A replay with its history: every applied step, and the refusal that stopped it, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay<A> {
    /// The aggregate after the last accepted event.
    pub aggregate: A,
    /// The accepted events, in order.
    pub history: Vec<Step>,
    /// The first refused event; the events after it were not applied.
    pub rejected: Option<Rejected>,
}

impl<A: Aggregate> Replay<A> {
    /// Replays `events` from the empty aggregate, recording each step, and stops at the first
    /// refused event (`docs/lifecycles.md`).
    ///
    /// ```
    /// use mentor_core::lifecycle::{Actor, Event, Replay};
    /// use mentor_core::recruitment::{Application, ApplicationChange};
    /// let at = "2026-11-12T09:30:00Z".parse().unwrap();
    /// let log = [
    ///     Event { at, actor: Actor::Candidate, change: ApplicationChange::Submitted { offer_id: "o-1".into() } },
    ///     Event { at, actor: Actor::MentorManager, change: ApplicationChange::Selected },
    /// ];
    /// let replay = Replay::<Application>::run(&log);
    /// assert_eq!(replay.history.len(), 1);
    /// let rejected = replay.rejected.unwrap();
    /// assert_eq!((rejected.index, rejected.refused.state, rejected.refused.event), (1, Some("submitted"), "selected"));
    /// ```
    #[must_use]
    pub fn run(events: &[Event<A::Change>]) -> Replay<A> {
        let mut aggregate = A::default();
        let mut history = Vec::with_capacity(events.len());
        for (index, event) in events.iter().enumerate() {
            let from = aggregate.state().map(Vocabulary::name);
            if let Err(refused) = aggregate.apply(event) {
                return Replay {
                    aggregate,
                    history,
                    rejected: Some(Rejected { index, refused }),
                };
            }
            let to = aggregate.state().map_or("", Vocabulary::name);
            history.push(Step {
                index,
                event: event.change.event_type().name(),
                at: event.at,
                actor: event.actor,
                from,
                to,
            });
        }
        Replay {
            aggregate,
            history,
            rejected: None,
        }
    }
}

/// The report: `{"aggregate", "state", "history": [{"index", "type", "at", "actor", "from",
/// "to"}], "allowed_events", "data", "refused": null | {"index", "code", "aggregate", "state",
/// "event", "message"}}`.
impl<A: Aggregate> Localized for Replay<A> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        #[serde(bound = "")]
        struct Wire<'a, A: Aggregate> {
            aggregate: &'static str,
            state: Option<&'static str>,
            history: &'a [Step],
            allowed_events: Vec<&'static str>,
            data: Data<'a, A>,
            refused: Option<RefusedAt<'a>>,
        }
        #[derive(Serialize)]
        struct RefusedAt<'a> {
            index: usize,
            #[serde(flatten)]
            refused: In<'a, Refused>,
        }
        Wire {
            aggregate: A::NAME,
            state: self.aggregate.state().map(Vocabulary::name),
            history: &self.history,
            allowed_events: self
                .aggregate
                .allowed_events()
                .into_iter()
                .map(Vocabulary::name)
                .collect(),
            data: Data(&self.aggregate),
            refused: self.rejected.as_ref().map(|r| RefusedAt {
                index: r.index,
                refused: r.refused.render(lang),
            }),
        }
        .serialize(serializer)
    }
}

/// The schema of the wire form above (`replay` in docs/schema/, one per aggregate): its
/// states and event types are the aggregate's vocabularies; `data` is open (each aggregate
/// writes its own, [`Aggregate::write_data`]), with at least `state`.
#[cfg(feature = "schema")]
impl<A> schemars::JsonSchema for Replay<A>
where
    A: Aggregate,
    A::State: schemars::JsonSchema,
    <A::Change as Change>::Type: schemars::JsonSchema,
{
    fn schema_name() -> std::borrow::Cow<'static, str> {
        let mut name = A::NAME.to_owned();
        if let Some(first) = name.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        std::borrow::Cow::Owned(format!("{name}Replay"))
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let state = generator.subschema_for::<A::State>();
        let maybe_state = generator.subschema_for::<Option<A::State>>();
        let event = generator.subschema_for::<<A::Change as Change>::Type>();
        let refusals = [
            Refusal::NotAllowed,
            Refusal::BeforePrevious,
            Refusal::SignerAlreadyFinal,
            Refusal::InvalidData(Text::new("", "")),
        ]
        .map(Refusal::code);
        schemars::json_schema!({
            "type": "object",
            "description": "The replay of an event log (`docs/lifecycles.md`): the final state, each applied step, what may happen next, and the refused event, if any.",
            "properties": {
                "aggregate": {"const": A::NAME},
                "state": maybe_state,
                "history": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "index": {"type": "integer", "minimum": 0},
                            "type": event,
                            "at": {"type": "string", "format": "date-time"},
                            "actor": {"type": "string", "enum": Actor::names()},
                            "from": maybe_state,
                            "to": state,
                        },
                        "required": ["index", "type", "at", "actor", "from", "to"],
                        "additionalProperties": false,
                    },
                },
                "allowed_events": {"type": "array", "items": event},
                "data": {
                    "type": "object",
                    "properties": {"state": maybe_state},
                    "required": ["state"],
                },
                "refused": {
                    "anyOf": [
                        {
                            "type": "object",
                            "properties": {
                                "index": {"type": "integer", "minimum": 0},
                                "code": {"type": "string", "enum": refusals},
                                "aggregate": {"const": A::NAME},
                                "state": maybe_state,
                                "event": event,
                                "message": {"type": "string"},
                            },
                            "required": ["index", "code", "aggregate", "state", "event", "message"],
                            "additionalProperties": false,
                        },
                        {"type": "null"},
                    ],
                },
            },
            "required": ["aggregate", "state", "history", "allowed_events", "data", "refused"],
            "additionalProperties": false,
        })
    }
}

/// `{"index", "type", "at", "actor", "from", "to"}`.
impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire {
            index: usize,
            #[serde(rename = "type")]
            event: &'static str,
            at: String,
            actor: &'static str,
            from: Option<&'static str>,
            to: &'static str,
        }
        Wire {
            index: self.index,
            event: self.event,
            at: format_instant(self.at),
            actor: self.actor.name(),
            from: self.from,
            to: self.to,
        }
        .serialize(serializer)
    }
}

/// An aggregate's data as a map (see [`Aggregate::write_data`]).
struct Data<'a, A>(&'a A);

impl<A: Aggregate> Serialize for Data<'_, A> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.0.write_data(&mut map)?;
        map.end()
    }
}
