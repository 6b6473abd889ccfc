//! What an operator tunes (`docs/policy.md`, POL-1): accepted offers, subject demand, contact
//! deadlines, review weights, employer sectors that suit WS-2, excluded countries, the
//! interview scorecard's thresholds, billing.
//!
//! Every key is optional; [`Policy::default`] holds the documented defaults. Loaded from TOML
//! or JSON; unknown keys are errors, so a typo in a policy file cannot go unnoticed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::country::CountryCode;
use crate::money::Share;
use crate::situation::EmployerSector;
use crate::zone::TimeZone;

vocabulary! {
    /// How much a subject's mentors are needed (SEL-2, SEL-3); `closed` takes no new mentors.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Demand {
        /// Closed to new mentors (POL-1): applications for it alone are put on hold.
        Closed = "closed",
        /// The default for unlisted subjects (SEL-3).
        #[default]
        Normal = "normal",
        /// Needed soon.
        High = "high",
        /// Urgently needed: candidates are contacted sooner (SEL-2).
        Urgent = "urgent",
    }
}

impl Demand {
    /// The wire name (`"urgent"`), as the vocabulary's one table of names gives it.
    ///
    /// ```
    /// assert_eq!(mentor_core::policy::Demand::Urgent.as_str(), "urgent");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        crate::vocabulary::Vocabulary::name(self)
    }
}

/// Days within which a candidate should be contacted, by the demand of their best subject.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContactDeadlines {
    /// Urgent subjects (SEL-2). Default 3.
    pub urgent: u16,
    /// High-demand subjects. Default 7.
    pub high: u16,
    /// Other open subjects (SEL-3). Default 14.
    pub normal: u16,
}

impl Default for ContactDeadlines {
    fn default() -> Self {
        ContactDeadlines {
            urgent: 3,
            high: 7,
            normal: 14,
        }
    }
}

impl ContactDeadlines {
    /// The deadline for an open demand level; `None` for `closed`.
    #[must_use]
    pub const fn days(&self, demand: Demand) -> Option<u16> {
        match demand {
            Demand::Closed => None,
            Demand::Normal => Some(self.normal),
            Demand::High => Some(self.high),
            Demand::Urgent => Some(self.urgent),
        }
    }
}

/// Weights of the review priority's components (`docs/triage.md#review-queue`); each component is in 0..1.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewWeights {
    /// Demand of the best open subject (SEL-2). Default 0.4.
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub demand: f64,
    /// Best subject level and years of experience (SEL-1). Default 0.3.
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub experience: f64,
    /// Completeness of the form (APP-3). Default 0.2.
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub completeness: f64,
    /// Time waited since submission. Default 0.1.
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub waiting: f64,
}

impl Default for ReviewWeights {
    fn default() -> Self {
        ReviewWeights {
            demand: 0.4,
            experience: 0.3,
            completeness: 0.2,
            waiting: 0.1,
        }
    }
}

/// Billing settings (`docs/billing.md`, POL-1).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct BillingPolicy {
    /// IANA zone whose calendar months are the billing periods. Default `Europe/Paris`.
    pub time_zone: TimeZone,
    /// Share of the session rate paid when the student does not show up. Default 1.
    pub student_no_show: Share,
    /// Share paid for a late cancellation. Default 0.5.
    pub cancelled_late: Share,
}

impl Default for BillingPolicy {
    fn default() -> Self {
        BillingPolicy {
            time_zone: TimeZone::PARIS,
            student_no_show: Share::WHOLE,
            cancelled_late: Share::HALF,
        }
    }
}

/// The thresholds of the scorecard's suggestion (INT-4, POL-1). Scores are on the scorecard's
/// 1–4 scale.
///
/// [`crate::interview::suggest`] makes the suggestion.
///
/// ```
/// use mentor_core::policy::Policy;
/// let policy = Policy::from_toml("[interview]\nselection_threshold = 3.5").unwrap();
/// assert_eq!(policy.interview.selection_threshold, 3.5);
/// assert_eq!(policy.interview.minimum_scored, 3);
/// assert!(Policy::from_toml("[interview]\nmanner_minimum = 5").is_err());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct InterviewPolicy {
    /// The average of the scored criteria needed to suggest selection, 1 to 4. Default 3.0.
    #[cfg_attr(feature = "schema", schemars(range(min = SCORE_MIN, max = SCORE_MAX)))]
    pub selection_threshold: f64,
    /// How many of the 5 criteria must be scored (not `no_decision`) to suggest anything,
    /// 1 to 5. Default 3.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = CRITERIA)))]
    pub minimum_scored: u8,
    /// The score each scored manner criterion (kindness, patience, humility: INT-4's "nice,
    /// patient and humble") must reach, 1 to 4. Default 2.
    #[cfg_attr(feature = "schema", schemars(range(min = SCORE_MIN, max = SCORE_MAX)))]
    pub manner_minimum: u8,
}

/// The scorecard's scale (INT-4): each criterion is scored from 1 to 4.
const SCORE_MIN: u8 = 1;
const SCORE_MAX: u8 = 4;
/// How many criteria the scorecard has (INT-4; `interview::CRITERIA` names them, and its tests
/// hold the two together: the interview depends on the policy, not the converse).
pub(crate) const CRITERIA: usize = 5;

impl Default for InterviewPolicy {
    fn default() -> Self {
        InterviewPolicy {
            selection_threshold: 3.0,
            minimum_scored: 3,
            manner_minimum: 2,
        }
    }
}

/// An operator's policy (POL-1, `docs/policy.md`), from a TOML or JSON file: every key is optional
/// and has the default shown.
///
/// Parse it once and reuse it across calls.
///
/// ```
/// use mentor_core::policy::{Demand, Policy};
/// let policy = Policy::from_toml(r#"
///     offers = ["mentor-web-2026"]
///     [demand]
///     python = "urgent"
/// "#).unwrap();
/// assert_eq!(policy.demand_of("python"), Demand::Urgent);
/// assert_eq!(policy.demand_of("rust"), Demand::Normal);
/// assert_eq!(policy.contact_deadline_days.normal, 14);
/// assert!(Policy::from_toml("ofers = []").is_err());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Accepted offer ids (APP-1); empty accepts any offer id.
    pub offers: Vec<String>,
    /// Employer sectors that suit mentoring through the employer (WS-2).
    pub employer_sectors_suited: Vec<EmployerSector>,
    /// Countries whose applicants the operator cannot contract with.
    pub excluded_countries: Vec<CountryCode>,
    /// Demand per subject slug; unlisted subjects are `normal`.
    #[cfg_attr(feature = "schema", schemars(extend("propertyNames" = {"pattern": crate::subject::SLUG_PATTERN, "maxLength": crate::subject::SUBJECT_MAX})))]
    pub demand: BTreeMap<String, Demand>,
    /// Contact deadlines by demand.
    pub contact_deadline_days: ContactDeadlines,
    /// Review weights.
    pub review_weights: ReviewWeights,
    /// The interview scorecard's thresholds.
    pub interview: InterviewPolicy,
    /// Billing settings.
    pub billing: BillingPolicy,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            offers: Vec::new(),
            employer_sectors_suited: vec![
                EmployerSector::Tutoring,
                EmployerSector::Education,
                EmployerSector::ItServices,
            ],
            excluded_countries: Vec::new(),
            demand: BTreeMap::new(),
            contact_deadline_days: ContactDeadlines::default(),
            review_weights: ReviewWeights::default(),
            interview: InterviewPolicy::default(),
            billing: BillingPolicy::default(),
        }
    }
}

mod read;

pub use read::{PolicyError, PolicyProblem, Position};

impl Policy {
    /// Loads a policy from TOML text.
    ///
    /// # Errors
    /// [`PolicyError`] with every problem of the file at once, in file order, each with its
    /// line and column: a syntax error (`invalid_toml`), an unknown key (`unknown_field`), a
    /// value of the wrong type (`invalid_type`) or out of bounds (`out_of_range`,
    /// `invalid_enum`, `invalid_country`, `invalid_timezone`, `invalid_subject`).
    ///
    /// ```
    /// use mentor_core::policy::Policy;
    /// use mentor_core::Lang;
    /// let e = Policy::from_toml("[contact_deadline_days]\nurgent = -1\n[billing]\ntime_zone = \"Mars\"\n").unwrap_err();
    /// assert_eq!(e.problems().len(), 2);
    /// assert_eq!(e.problems()[0].message(Lang::En), "line 2, column 10: `contact_deadline_days.urgent`: this value is out of range: expected a whole number from 0 to 65535");
    /// assert!(e.problems()[1].message(Lang::Fr).starts_with("ligne 4, colonne 13 : `billing.time_zone`"));
    /// ```
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        crate::wire::check_size(text.len()).map_err(PolicyError::from)?;
        read::from_toml(without_bom(text))
    }

    /// Loads a policy from JSON text. A key given twice is `duplicate_key`, never "the last
    /// one wins".
    ///
    /// # Errors
    /// As [`Policy::from_toml`], without lines for the keys' problems (a JSON syntax error
    /// says where it is: `invalid_json`).
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let value = crate::wire::parse_value(without_bom(text)).map_err(PolicyError::from)?;
        Policy::from_value(&value)
    }

    /// Loads a policy from a JSON value (what bindings hand over).
    ///
    /// # Errors
    /// As [`Policy::from_json`].
    pub fn from_value(value: &serde_json::Value) -> Result<Policy, PolicyError> {
        read::from_value(value, &|_| None)
    }

    /// Loads a policy from text that is JSON when it starts with `{`, TOML otherwise (a
    /// leading UTF-8 byte order mark is skipped, as by every `from_*` here).
    ///
    /// # Errors
    /// As [`Policy::from_toml`].
    pub fn from_text(text: &str) -> Result<Policy, PolicyError> {
        let text = without_bom(text);
        if text.trim_start().starts_with('{') {
            Policy::from_json(text)
        } else {
            Policy::from_toml(text)
        }
    }

    /// The demand of a subject (unlisted: `normal`).
    #[must_use]
    pub fn demand_of(&self, subject: &str) -> Demand {
        self.demand.get(subject).copied().unwrap_or_default()
    }

    /// Whether the policy accepts applications to `offer_id` (APP-1, POL-1).
    #[must_use]
    pub fn accepts_offer(&self, offer_id: &str) -> bool {
        self.offers.is_empty() || self.offers.iter().any(|o| o == offer_id)
    }
}

/// `text` without the UTF-8 byte order mark an editor may have written first.
fn without_bom(text: &str) -> &str {
    text.strip_prefix(crate::wire::BYTE_ORDER_MARK).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_no_part_of_the_text() {
        let json = Policy::from_text("\u{feff}{\"excluded_countries\": [\"US\"]}").unwrap();
        assert_eq!(
            json,
            Policy::from_json("{\"excluded_countries\": [\"US\"]}").unwrap()
        );
        assert_ne!(json, Policy::default());
        let toml = Policy::from_toml("\u{feff}excluded_countries = [\"US\"]").unwrap();
        assert_eq!(toml, json);
    }

    #[test]
    fn empty_text_is_the_default_policy() {
        assert_eq!(Policy::from_toml("").unwrap(), Policy::default());
        assert_eq!(Policy::from_json("{}").unwrap(), Policy::default());
    }

    #[test]
    fn bad_values_are_refused_with_the_key() {
        let e = Policy::from_toml("[review_weights]\ndemand = -1.0").unwrap_err();
        assert!(e.to_string().contains("review_weights.demand"), "{e}");
        let e = Policy::from_toml("[billing]\ntime_zone = \"Mars/Olympus\"").unwrap_err();
        assert!(e.to_string().contains("billing.time_zone"), "{e}");
        assert!(Policy::from_toml("[demand]\npython = \"hot\"").is_err());
        assert!(Policy::from_toml("excluded_countries = [\"XX\"]").is_err());
        // Not an object: refused, not read field by position.
        for text in ["[]", r#"[["o"], ["tutoring"], ["FR"]]"#, "7"] {
            assert!(
                Policy::from_json(text)
                    .unwrap_err()
                    .to_string()
                    .contains("expected an object"),
                "{text}"
            );
        }
    }

    #[test]
    fn the_shipped_defaults_are_the_documented_ones() {
        let p = Policy::default();
        assert_eq!(
            (
                p.contact_deadline_days.urgent,
                p.contact_deadline_days.high,
                p.contact_deadline_days.normal
            ),
            (3, 7, 14)
        );
        assert_eq!(
            p.review_weights,
            ReviewWeights {
                demand: 0.4,
                experience: 0.3,
                completeness: 0.2,
                waiting: 0.1
            }
        );
        assert_eq!(p.billing.cancelled_late.to_string(), "0.5");
        assert_eq!(p.employer_sectors_suited.len(), 3);
        assert_eq!(
            p.interview,
            InterviewPolicy {
                selection_threshold: 3.0,
                minimum_scored: 3,
                manner_minimum: 2
            }
        );
    }
}
