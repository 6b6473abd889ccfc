//! The video interview (INT-1..5): its slot across time zones, the candidate's invitation
//! (readiness checklist and agenda) and the interviewer's scorecard with a suggested outcome.
//!
//! A slot is stored as a UTC instant, the candidate's IANA time zone and a duration
//! (`docs/lifecycles.md`). A slot made from a local wall-clock time refuses times that a daylight-saving
//! change skips or repeats in that zone ([`SlotError`]): the library never guesses which hour was
//! meant. Zones come from chrono-tz (the IANA database).
//!
//! The scorecard rates five criteria on a 1–4 scale or `no_decision`, which is left out of the
//! average: an unscored criterion never pulls the average down. [`suggest`] turns a scorecard
//! into a suggested outcome with the policy's thresholds (`[interview]`, POL-1); the mentor
//! manager decides, the suggestion only says what the scores point to and why.

mod invitation;
mod scorecard;
mod slot;
mod suggestion;

pub use invitation::{AgendaItem, Invitation, ReadinessItem, invitation, invitation_json};
pub use scorecard::{CRITERIA, Criterion, Rating, Recommendation, Scorecard};
pub use slot::{MAX_DURATION_MINUTES, Slot, SlotError};
pub use suggestion::{SuggestedOutcome, Suggestion, SuggestionCode, SuggestionReason, suggest, suggest_json};

pub(crate) use scorecard::read_scorecard;
pub(crate) use slot::read_slot;
