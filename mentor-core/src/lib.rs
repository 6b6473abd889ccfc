//! `mentor-core`: the rules for recruiting freelance mentors, from the application form to the
//! decision on the applicant's working status, the review queue, the interview, the
//! contract's lifecycle and the monthly billing of sessions.
//!
//! The crate is pure: no I/O, no clock, no global state, no panics. Every answer cites the
//! rule id of DESIGN section 2 it comes from (`WS-2`, `APP-3`, `POL-1`…).

/// The README's Rust examples, compiled and run as doc tests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")] // mentor-core/README.md: a link to the workspace README
struct ReadmeExamples;

/// The user guide's Rust examples (docs/), run as doc tests in the same way.
#[cfg(doctest)]
#[doc = include_str!("../../docs/getting-started.md")]
struct GuideExamples;

pub mod country;
pub mod i18n;
#[macro_use]
pub mod vocabulary;
pub mod registration;
pub mod zone;

pub use country::CountryCode;
pub use i18n::{Lang, Localized, Text};
pub mod application;
pub mod billing;
pub mod catalogue;
pub mod contract;
pub mod eligibility;
pub mod error;
pub mod esign;
pub mod interview;
pub mod lifecycle;
pub mod money;
pub mod policy;
pub mod provider;
mod read;
pub mod recruitment;
pub mod rule;
pub mod wire;

pub use catalogue::error_codes;
pub use error::{ErrorCode, FieldError, InputError};
pub use rule::Rule;
pub mod review;
#[cfg(feature = "schema")]
pub mod schema;
pub mod situation;
pub mod subject;
pub mod triage;
