//! The application's lifecycle (`docs/lifecycles.md`): from submission to onboarding, as the fold of its
//! events.
//!
//! ```text
//! submitted → in_review → interview_scheduled → interviewed → selected | rejected
//! selected → contract_sent → contract_signed → onboarded
//! ```
//! - `on_hold` when no subject of the application is in demand (POL-1), from `submitted` or
//!   `in_review`; `resumed` takes it back to `in_review`.
//! - `rejected` from `in_review`, `on_hold`, `interview_scheduled`, `no_show` or `interviewed`;
//!   `reopened` returns it to the state it was rejected from (never anywhere else).
//! - an interview may be rescheduled, cancelled (back to `in_review`), or end in `no_show`,
//!   from which it may be scheduled again or the application rejected (INT-1).
//! - `withdrawn`: the candidate withdraws, from any state before `onboarded` except
//!   `rejected` (a rejected application is closed already; reopen it first). Reading of
//!   `docs/lifecycles.md`: "any state before onboarded" is read along the path to onboarding.
//! - a contract that was declined or voided may be followed by a new one:
//!   `contract_sent` → `contract_sent`.
//! - `erased`: the applicant's personal data was removed from the log ([`erase`], GDPR art. 17);
//!   from every state, back to the same state.
//!
//! [`TRANSITIONS`](Aggregate::TRANSITIONS) is the only source of these rules: `apply`,
//! `allowed_events` and the diagram all read it.
//!
//! ```
//! use mentor_core::lifecycle::{Aggregate, Event, Actor};
//! use mentor_core::recruitment::{Application, ApplicationChange, ApplicationState};
//! let at = "2026-11-12T09:30:00Z".parse().unwrap();
//! let log = [
//!     Event { at, actor: Actor::Candidate, change: ApplicationChange::Submitted { offer_id: "mentor-web-2026".into() } },
//!     Event { at, actor: Actor::MentorManager, change: ApplicationChange::ReviewStarted },
//!     Event { at, actor: Actor::MentorManager, change: ApplicationChange::Rejected },
//!     Event { at, actor: Actor::MentorManager, change: ApplicationChange::Reopened },
//! ];
//! let app = Application::replay(&log).unwrap();
//! assert_eq!(app.state(), Some(ApplicationState::InReview));
//! ```

use chrono::{DateTime, Utc};
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use crate::error::{ErrorCode, FieldError};
use crate::interview::{Scorecard, Slot, read_scorecard, read_slot};
use crate::lifecycle::{
    Aggregate, Change, Event, Guard, Refusal, Refused, Rejected, Transition, Vocabulary, check_order,
    guarded, row,
};
use crate::read::{Path, Reader};

vocabulary! {
    /// Where an application stands.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum ApplicationState {
        /// Received (APP-1).
        Submitted = "submitted",
        /// A mentor manager is looking at it (SEL-1).
        InReview = "in_review",
        /// No demand for its subjects now (POL-1, SEL-3).
        OnHold = "on_hold",
        /// An interview is booked (INT-1).
        InterviewScheduled = "interview_scheduled",
        /// The candidate did not come to the interview.
        NoShow = "no_show",
        /// The interview took place (INT-3, INT-4).
        Interviewed = "interviewed",
        /// Selected after the interview (CON-2).
        Selected = "selected",
        /// Not selected; may be reopened.
        Rejected = "rejected",
        /// The contract was sent for online signature (CON-2).
        ContractSent = "contract_sent",
        /// The contract is signed (CON-3).
        ContractSigned = "contract_signed",
        /// The mentor has started.
        Onboarded = "onboarded",
        /// The candidate withdrew.
        Withdrawn = "withdrawn",
    }
}

vocabulary! {
    /// The type of an application event (`type` on the wire).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum ApplicationEventType {
        /// `submitted`.
        Submitted = "submitted",
        /// `review_started`.
        ReviewStarted = "review_started",
        /// `put_on_hold`.
        PutOnHold = "put_on_hold",
        /// `resumed`.
        Resumed = "resumed",
        /// `interview_scheduled`.
        InterviewScheduled = "interview_scheduled",
        /// `interview_rescheduled`.
        InterviewRescheduled = "interview_rescheduled",
        /// `interview_cancelled`.
        InterviewCancelled = "interview_cancelled",
        /// `no_show`.
        NoShow = "no_show",
        /// `interviewed`.
        Interviewed = "interviewed",
        /// `scorecard_submitted`.
        ScorecardSubmitted = "scorecard_submitted",
        /// `selected`.
        Selected = "selected",
        /// `rejected`.
        Rejected = "rejected",
        /// `reopened`.
        Reopened = "reopened",
        /// `contract_sent`.
        ContractSent = "contract_sent",
        /// `contract_signed`.
        ContractSigned = "contract_signed",
        /// `onboarded`.
        Onboarded = "onboarded",
        /// `withdrawn`.
        Withdrawn = "withdrawn",
        /// `erased`.
        Erased = "erased",
    }
}

/// What happened to an application, with its data. Wire data keys are given per variant.
#[derive(Clone, Debug, PartialEq)]
pub enum ApplicationChange {
    /// The form was submitted to an offer (APP-1). Data: `offer_id`.
    Submitted {
        /// The job offer's id.
        offer_id: String,
    },
    /// A mentor manager started the review (SEL-1).
    ReviewStarted,
    /// No demand for the subjects now (POL-1, SEL-3).
    PutOnHold,
    /// Back to review.
    Resumed,
    /// An interview was booked (INT-1). Data: `slot`.
    InterviewScheduled {
        /// When.
        slot: Slot,
    },
    /// The interview moved (from `interview_scheduled`, or after a `no_show`). Data: `slot`.
    InterviewRescheduled {
        /// The new slot.
        slot: Slot,
    },
    /// The interview was called off; back to review.
    InterviewCancelled,
    /// The candidate did not come.
    NoShow,
    /// The interview took place (INT-3, INT-4). Data: `scorecard` (optional: it may follow).
    Interviewed {
        /// The interviewer's scorecard, if filled in already.
        scorecard: Option<Scorecard>,
    },
    /// The scorecard was filled in or corrected after the interview (INT-4). Data: `scorecard`.
    ScorecardSubmitted {
        /// The scorecard.
        scorecard: Scorecard,
    },
    /// Selected (CON-2).
    Selected,
    /// Not selected.
    Rejected,
    /// A rejection was reopened: back to the stage it was rejected from.
    Reopened,
    /// The contract went out for online signature (CON-2). Data: `contract_id`.
    ContractSent {
        /// The contract's id.
        contract_id: String,
    },
    /// The contract is signed (CON-3). Data: `contract_id`.
    ContractSigned {
        /// The contract's id.
        contract_id: String,
    },
    /// The mentor started.
    Onboarded,
    /// The candidate withdrew.
    Withdrawn,
    /// The applicant's personal data was removed from the log before this event ([`erase`],
    /// GDPR art. 17). From every state, back to the same state; no data.
    Erased,
}

use ApplicationEventType as T;
use ApplicationState as S;

const TRANSITIONS: [Transition<S, T>; 48] = [
    Transition {
        from: None,
        event: T::Submitted,
        to: S::Submitted,
        guard: Guard::Always,
    },
    row(S::Submitted, T::ReviewStarted, S::InReview),
    row(S::Submitted, T::PutOnHold, S::OnHold),
    row(S::InReview, T::PutOnHold, S::OnHold),
    row(S::OnHold, T::Resumed, S::InReview),
    row(S::InReview, T::InterviewScheduled, S::InterviewScheduled),
    row(
        S::InterviewScheduled,
        T::InterviewRescheduled,
        S::InterviewScheduled,
    ),
    row(S::InterviewScheduled, T::InterviewCancelled, S::InReview),
    row(S::InterviewScheduled, T::NoShow, S::NoShow),
    row(S::NoShow, T::InterviewRescheduled, S::InterviewScheduled),
    row(S::InterviewScheduled, T::Interviewed, S::Interviewed),
    row(S::Interviewed, T::ScorecardSubmitted, S::Interviewed),
    row(S::Interviewed, T::Selected, S::Selected),
    row(S::Selected, T::ContractSent, S::ContractSent),
    row(S::ContractSent, T::ContractSent, S::ContractSent),
    row(S::ContractSent, T::ContractSigned, S::ContractSigned),
    row(S::ContractSigned, T::Onboarded, S::Onboarded),
    // Rejection, and reopening to exactly the state it came from.
    row(S::InReview, T::Rejected, S::Rejected),
    row(S::OnHold, T::Rejected, S::Rejected),
    row(S::InterviewScheduled, T::Rejected, S::Rejected),
    row(S::NoShow, T::Rejected, S::Rejected),
    row(S::Interviewed, T::Rejected, S::Rejected),
    guarded(S::Rejected, T::Reopened, S::InReview, Guard::CameFrom),
    guarded(S::Rejected, T::Reopened, S::OnHold, Guard::CameFrom),
    guarded(S::Rejected, T::Reopened, S::InterviewScheduled, Guard::CameFrom),
    guarded(S::Rejected, T::Reopened, S::NoShow, Guard::CameFrom),
    guarded(S::Rejected, T::Reopened, S::Interviewed, Guard::CameFrom),
    // The candidate withdraws, from any state on the way to onboarding.
    row(S::Submitted, T::Withdrawn, S::Withdrawn),
    row(S::InReview, T::Withdrawn, S::Withdrawn),
    row(S::OnHold, T::Withdrawn, S::Withdrawn),
    row(S::InterviewScheduled, T::Withdrawn, S::Withdrawn),
    row(S::NoShow, T::Withdrawn, S::Withdrawn),
    row(S::Interviewed, T::Withdrawn, S::Withdrawn),
    row(S::Selected, T::Withdrawn, S::Withdrawn),
    row(S::ContractSent, T::Withdrawn, S::Withdrawn),
    row(S::ContractSigned, T::Withdrawn, S::Withdrawn),
    // Erasure (GDPR art. 17) changes no state: a rejected application stays rejected, and the
    // ids and scores kept for legal claims still say where it stood.
    row(S::Submitted, T::Erased, S::Submitted),
    row(S::InReview, T::Erased, S::InReview),
    row(S::OnHold, T::Erased, S::OnHold),
    row(S::InterviewScheduled, T::Erased, S::InterviewScheduled),
    row(S::NoShow, T::Erased, S::NoShow),
    row(S::Interviewed, T::Erased, S::Interviewed),
    row(S::Selected, T::Erased, S::Selected),
    row(S::Rejected, T::Erased, S::Rejected),
    row(S::ContractSent, T::Erased, S::ContractSent),
    row(S::ContractSigned, T::Erased, S::ContractSigned),
    row(S::Onboarded, T::Erased, S::Onboarded),
    row(S::Withdrawn, T::Erased, S::Withdrawn),
];

/// An application: the fold of its events (`docs/lifecycles.md`). `Default` is the empty log.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Application {
    state: Option<ApplicationState>,
    rejected_from: Option<ApplicationState>,
    offer_id: Option<String>,
    interview: Option<Slot>,
    reschedules: u32,
    no_shows: u32,
    scorecard: Option<Scorecard>,
    contract_id: Option<String>,
    last_at: Option<DateTime<Utc>>,
}

impl Application {
    /// The offer applied to.
    #[must_use]
    pub fn offer_id(&self) -> Option<&str> {
        self.offer_id.as_deref()
    }

    /// The current (or last) interview slot.
    #[must_use]
    pub fn interview(&self) -> Option<&Slot> {
        self.interview.as_ref()
    }

    /// How many times the interview was rescheduled.
    #[must_use]
    pub fn reschedules(&self) -> u32 {
        self.reschedules
    }

    /// How many interviews the candidate missed.
    #[must_use]
    pub fn no_shows(&self) -> u32 {
        self.no_shows
    }

    /// The latest scorecard (INT-4).
    #[must_use]
    pub fn scorecard(&self) -> Option<&Scorecard> {
        self.scorecard.as_ref()
    }

    /// The contract sent or signed for this application.
    #[must_use]
    pub fn contract_id(&self) -> Option<&str> {
        self.contract_id.as_deref()
    }

    /// The state a rejected application would return to if reopened.
    #[must_use]
    pub fn rejected_from(&self) -> Option<ApplicationState> {
        self.rejected_from
    }

    /// When the last event happened.
    #[must_use]
    pub fn last_event_at(&self) -> Option<DateTime<Utc>> {
        self.last_at
    }
}

impl Aggregate for Application {
    type State = ApplicationState;
    type Change = ApplicationChange;
    const NAME: &'static str = "application";
    const TRANSITIONS: &'static [Transition<S, T>] = &TRANSITIONS;

    fn state(&self) -> Option<S> {
        self.state
    }

    /// `{"state", "offer_id", "interview", "reschedules", "no_shows", "scorecard",
    /// "contract_id", "rejected_from", "last_event_at"}`.
    fn write_data<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("state", &self.state.map(Vocabulary::name))?;
        map.serialize_entry("offer_id", &self.offer_id)?;
        map.serialize_entry("interview", &self.interview.map(|s| s.to_json()))?;
        map.serialize_entry("reschedules", &self.reschedules)?;
        map.serialize_entry("no_shows", &self.no_shows)?;
        map.serialize_entry("scorecard", &self.scorecard.map(|c| c.to_json()))?;
        map.serialize_entry("contract_id", &self.contract_id)?;
        map.serialize_entry("rejected_from", &self.rejected_from.map(Vocabulary::name))?;
        map.serialize_entry(
            "last_event_at",
            &self.last_at.map(crate::lifecycle::format_instant),
        )
    }

    fn guard_holds(&self, guard: Guard, to: S) -> bool {
        match guard {
            Guard::Always => true,
            Guard::CameFrom => self.rejected_from == Some(to),
            Guard::SignersPending | Guard::LastSigner => false,
        }
    }

    fn apply(&mut self, event: &Event<ApplicationChange>) -> Result<(), Refused> {
        let ty = event.change.event_type();
        let Some(to) = self.next_state(ty) else {
            return Err(self.refuse(ty, Refusal::NotAllowed));
        };
        check_order(self.last_at, event.at).map_err(|reason| self.refuse(ty, reason))?;
        // Nothing below can fail: the aggregate changes only once the event is accepted.
        let from = self.state;
        match &event.change {
            ApplicationChange::Submitted { offer_id } => self.offer_id = Some(offer_id.clone()),
            ApplicationChange::InterviewScheduled { slot } => self.interview = Some(*slot),
            ApplicationChange::InterviewRescheduled { slot } => {
                self.interview = Some(*slot);
                self.reschedules += 1;
            }
            ApplicationChange::NoShow => self.no_shows += 1,
            ApplicationChange::Interviewed { scorecard } => self.scorecard = *scorecard,
            ApplicationChange::ScorecardSubmitted { scorecard } => self.scorecard = Some(*scorecard),
            ApplicationChange::ContractSent { contract_id }
            | ApplicationChange::ContractSigned { contract_id } => {
                self.contract_id = Some(contract_id.clone());
            }
            ApplicationChange::Rejected => self.rejected_from = from,
            ApplicationChange::Reopened => self.rejected_from = None,
            ApplicationChange::ReviewStarted
            | ApplicationChange::PutOnHold
            | ApplicationChange::Resumed
            | ApplicationChange::InterviewCancelled
            | ApplicationChange::Selected
            | ApplicationChange::Onboarded
            | ApplicationChange::Withdrawn
            | ApplicationChange::Erased => {}
        }
        self.state = Some(to);
        self.last_at = Some(event.at);
        Ok(())
    }
}

impl Change for ApplicationChange {
    type Type = ApplicationEventType;

    fn event_type(&self) -> T {
        match self {
            ApplicationChange::Submitted { .. } => T::Submitted,
            ApplicationChange::ReviewStarted => T::ReviewStarted,
            ApplicationChange::PutOnHold => T::PutOnHold,
            ApplicationChange::Resumed => T::Resumed,
            ApplicationChange::InterviewScheduled { .. } => T::InterviewScheduled,
            ApplicationChange::InterviewRescheduled { .. } => T::InterviewRescheduled,
            ApplicationChange::InterviewCancelled => T::InterviewCancelled,
            ApplicationChange::NoShow => T::NoShow,
            ApplicationChange::Interviewed { .. } => T::Interviewed,
            ApplicationChange::ScorecardSubmitted { .. } => T::ScorecardSubmitted,
            ApplicationChange::Selected => T::Selected,
            ApplicationChange::Rejected => T::Rejected,
            ApplicationChange::Reopened => T::Reopened,
            ApplicationChange::ContractSent { .. } => T::ContractSent,
            ApplicationChange::ContractSigned { .. } => T::ContractSigned,
            ApplicationChange::Onboarded => T::Onboarded,
            ApplicationChange::Withdrawn => T::Withdrawn,
            ApplicationChange::Erased => T::Erased,
        }
    }

    fn keys(ty: T) -> &'static [&'static str] {
        match ty {
            T::Submitted => &["offer_id"],
            T::InterviewScheduled | T::InterviewRescheduled => &["slot"],
            T::Interviewed | T::ScorecardSubmitted => &["scorecard"],
            T::ContractSent | T::ContractSigned => &["contract_id"],
            _ => &[],
        }
    }

    fn read(ty: T, map: &Map<String, Value>) -> Result<Self, Vec<FieldError>> {
        let mut r = Reader::new();
        let root = Path::Root;
        let slot = |r: &mut Reader| {
            let p = root.key("slot");
            match map.get("slot").filter(|v| !v.is_null()) {
                Some(v) => read_slot(r, v, &p),
                None => {
                    r.error(&p, ErrorCode::Required);
                    None
                }
            }
        };
        let id = |r: &mut Reader, key: &'static str| {
            r.required_text(map.get(key), &root.key(key), 128)
                .map(str::to_owned)
        };
        let change = match ty {
            T::Submitted => id(&mut r, "offer_id").map(|offer_id| ApplicationChange::Submitted { offer_id }),
            T::ReviewStarted => Some(ApplicationChange::ReviewStarted),
            T::PutOnHold => Some(ApplicationChange::PutOnHold),
            T::Resumed => Some(ApplicationChange::Resumed),
            T::InterviewScheduled => slot(&mut r).map(|slot| ApplicationChange::InterviewScheduled { slot }),
            T::InterviewRescheduled => {
                slot(&mut r).map(|slot| ApplicationChange::InterviewRescheduled { slot })
            }
            T::InterviewCancelled => Some(ApplicationChange::InterviewCancelled),
            T::NoShow => Some(ApplicationChange::NoShow),
            T::Interviewed => match map.get("scorecard").filter(|v| !v.is_null()) {
                None => Some(ApplicationChange::Interviewed { scorecard: None }),
                Some(v) => read_scorecard(&mut r, v, &root.key("scorecard"))
                    .map(|c| ApplicationChange::Interviewed { scorecard: Some(c) }),
            },
            T::ScorecardSubmitted => {
                let p = root.key("scorecard");
                match map.get("scorecard").filter(|v| !v.is_null()) {
                    None => {
                        r.error(&p, ErrorCode::Required);
                        None
                    }
                    Some(v) => read_scorecard(&mut r, v, &p)
                        .map(|scorecard| ApplicationChange::ScorecardSubmitted { scorecard }),
                }
            }
            T::Selected => Some(ApplicationChange::Selected),
            T::Rejected => Some(ApplicationChange::Rejected),
            T::Reopened => Some(ApplicationChange::Reopened),
            T::ContractSent => {
                id(&mut r, "contract_id").map(|contract_id| ApplicationChange::ContractSent { contract_id })
            }
            T::ContractSigned => {
                id(&mut r, "contract_id").map(|contract_id| ApplicationChange::ContractSigned { contract_id })
            }
            T::Onboarded => Some(ApplicationChange::Onboarded),
            T::Withdrawn => Some(ApplicationChange::Withdrawn),
            T::Erased => Some(ApplicationChange::Erased),
        };
        r.finish(change).map_err(|e| e.errors)
    }

    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match self {
            ApplicationChange::Submitted { offer_id } => map.serialize_entry("offer_id", offer_id),
            ApplicationChange::InterviewScheduled { slot }
            | ApplicationChange::InterviewRescheduled { slot } => {
                map.serialize_entry("slot", &slot.to_json())
            }
            ApplicationChange::Interviewed {
                scorecard: Some(card),
            }
            | ApplicationChange::ScorecardSubmitted { scorecard: card } => {
                map.serialize_entry("scorecard", &card.to_json())
            }
            ApplicationChange::ContractSent { contract_id }
            | ApplicationChange::ContractSigned { contract_id } => {
                map.serialize_entry("contract_id", contract_id)
            }
            _ => Ok(()),
        }
    }
}

/// The Mermaid `stateDiagram-v2` of the application lifecycle, from [`Application`]'s
/// transition table.
#[must_use]
pub fn diagram() -> String {
    crate::lifecycle::mermaid::<Application>()
}

/// Removes the applicant's personal data from an application's event log and records that it
/// was done (GDPR art. 17, the right to erasure; `docs/lifecycles.md#personal-data`): the
/// same events with their personal data replaced, then an `erased` event by `system` at `at`.
///
/// Personal data in an application's events, and what replaces it: the interview slot's time
/// zone (`slot.time_zone`, where the candidate lives) becomes `UTC`; the slot's start is a UTC
/// instant already, so the interview keeps its time. That is all: the events carry no name,
/// e-mail address, phone number, free text or link (those are in the application form, which
/// the caller deletes itself).
///
/// Kept: the ids (offer, contract), the scorecard's ratings and recommendation, every event's
/// type, instant and actor. They name no one on their own, and the company keeps them to
/// establish, exercise or defend legal claims, GDPR art. 17(3)(e): a rejected applicant may
/// contest the decision, and the scores and dates are what it rested on. This reading is the
/// library's; the operator's data protection officer decides.
///
/// The erased log replays to the same states, allowed events, interview instants, reschedule
/// and no-show counts, scorecard and contract id: `erased` leads from every state back to it.
/// Erasing an erased log (one that ends with `erased`) appends nothing and returns it
/// unchanged: `erase(erase(log, a), b) == erase(log, a)`.
///
/// ```
/// use mentor_core::lifecycle::{read_log, Aggregate};
/// use mentor_core::recruitment::{erase, Application, ApplicationChange};
/// use mentor_core::triage::read_records;
///
/// let log = read_log::<ApplicationChange>(&read_records(r#"{"type": "submitted", "at": "2026-11-02T08:15:00Z", "actor": "candidate", "offer_id": "mentor-web-2026"}
/// {"type": "review_started", "at": "2026-11-03T09:00:00Z", "actor": "mentor_manager"}
/// {"type": "interview_scheduled", "at": "2026-11-03T09:20:00Z", "actor": "mentor_manager", "slot": {"start": "2026-11-10T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45}}"#)).unwrap();
/// let at = "2026-12-01T09:00:00Z".parse().unwrap();
/// let erased = erase(&log, at).unwrap();
/// assert_eq!(erased.len(), 4);
/// assert_eq!(erased[2].to_json()["slot"]["time_zone"], "UTC");
/// assert_eq!(erased[2].to_json()["slot"]["start"], "2026-11-10T17:00:00Z");
/// assert_eq!((erased[3].to_json()["type"].as_str(), erased[3].to_json()["actor"].as_str()), (Some("erased"), Some("system")));
/// let (before, after) = (Application::replay(&log).unwrap(), Application::replay(&erased).unwrap());
/// assert_eq!(after.state(), before.state());
/// assert_eq!(erase(&erased, at).unwrap(), erased); // once is enough
///
/// let early = "2026-11-01T00:00:00Z".parse().unwrap(); // before the last event
/// assert_eq!(erase(&log, early).unwrap_err().refused.reason.code(), "event_before_previous");
/// ```
///
/// # Errors
/// [`Rejected`] when `log` does not replay (its first refused event, with its index), or when
/// the `erased` event is refused, with index `log.len()`: `at` is before the last event
/// (`event_before_previous`), or the log is empty (`transition_not_allowed`: nothing to erase).
pub fn erase(
    log: &[Event<ApplicationChange>],
    at: DateTime<Utc>,
) -> Result<Vec<Event<ApplicationChange>>, Rejected> {
    crate::lifecycle::erase_log::<Application>(
        log,
        at,
        ApplicationChange::without_personal_data,
        ApplicationChange::Erased,
    )
}

impl ApplicationChange {
    /// The change with its personal data replaced (see [`erase`]). Every variant is listed, so
    /// that a new one must say what it keeps.
    fn without_personal_data(&self) -> ApplicationChange {
        let in_utc = |slot: &Slot| Slot {
            time_zone: chrono_tz::UTC,
            ..*slot
        };
        match self {
            ApplicationChange::InterviewScheduled { slot } => ApplicationChange::InterviewScheduled { slot: in_utc(slot) },
            ApplicationChange::InterviewRescheduled { slot } => {
                ApplicationChange::InterviewRescheduled { slot: in_utc(slot) }
            }
            // Ids and scores: kept (GDPR art. 17(3)(e), see `erase`).
            ApplicationChange::Submitted { .. }
            | ApplicationChange::Interviewed { .. }
            | ApplicationChange::ScorecardSubmitted { .. }
            | ApplicationChange::ContractSent { .. }
            | ApplicationChange::ContractSigned { .. }
            // No data.
            | ApplicationChange::ReviewStarted
            | ApplicationChange::PutOnHold
            | ApplicationChange::Resumed
            | ApplicationChange::InterviewCancelled
            | ApplicationChange::NoShow
            | ApplicationChange::Selected
            | ApplicationChange::Rejected
            | ApplicationChange::Reopened
            | ApplicationChange::Onboarded
            | ApplicationChange::Withdrawn
            | ApplicationChange::Erased => self.clone(),
        }
    }
}

/// What makes two submissions the same application: the normalised e-mail address and the
/// offer id. Submitting the same form twice (a double click, a retry) is one application,
/// not two.
///
/// Normalisation: surrounding spaces removed and the whole address lower-cased. The local
/// part is case-sensitive in RFC 5321 but no mainstream mail provider treats it so; dots and
/// `+tags` are kept, since they are meaningful at most providers.
///
/// ```
/// use mentor_core::recruitment::DuplicateKey;
/// let a = DuplicateKey::new(" Ada.Lovelace@Example.org ", "mentor-web-2026");
/// let b = DuplicateKey::new("ada.lovelace@example.org", "mentor-web-2026");
/// assert_eq!(a, b);
/// assert_ne!(a, DuplicateKey::new("ada.lovelace@example.org", "mentor-data-2026"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DuplicateKey {
    email: String,
    offer_id: String,
}

impl DuplicateKey {
    /// The key of an e-mail address and an offer id.
    #[must_use]
    pub fn new(email: &str, offer_id: &str) -> DuplicateKey {
        DuplicateKey {
            email: email.trim().to_lowercase(),
            offer_id: offer_id.trim().to_owned(),
        }
    }

    /// 128 bits of the SHA-256 of the key: what a batch keeps to find repeated submissions
    /// (issue 15), 16 bytes a form instead of its normalised e-mail and offer id. The e-mail's
    /// length comes first, so no two keys feed the same bytes. Two different keys share a
    /// fingerprint with probability 2⁻¹²⁸; among n keys, at most n²/2¹²⁹ (a million forms:
    /// about 1.5·10⁻²⁷), and making two collide on purpose takes a collision of SHA-256.
    ///
    /// ```
    /// use mentor_core::recruitment::DuplicateKey;
    /// let a = DuplicateKey::new(" Ada@Example.org", "o").fingerprint();
    /// assert_eq!(a, DuplicateKey::new("ada@example.org ", "o").fingerprint());
    /// assert_ne!(a, DuplicateKey::new("ada@example.org", "p").fingerprint());
    /// ```
    #[must_use]
    pub fn fingerprint(&self) -> [u8; 16] {
        use sha2::{Digest as _, Sha256};
        let mut hasher = Sha256::new();
        hasher.update((self.email.len() as u64).to_le_bytes());
        hasher.update(self.email.as_bytes());
        hasher.update(self.offer_id.as_bytes());
        let digest = hasher.finalize();
        let mut out = [0u8; 16];
        for (to, from) in out.iter_mut().zip(digest.iter()) {
            *to = *from;
        }
        out
    }
}

impl std::fmt::Debug for DuplicateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DuplicateKey")
            .field("email", &"<redacted>")
            .field("offer_id", &self.offer_id)
            .finish()
    }
}
