//! What an operator tunes (DESIGN 4.5, POL-1): accepted offers, subject demand, contact
//! deadlines, review weights, employer sectors that suit WS-2, excluded countries, the
//! interview scorecard's thresholds, billing.
//!
//! Every key is optional; [`Policy::default`] holds the documented defaults. Loaded from TOML
//! or JSON; unknown keys are errors, so a typo in a policy file cannot go unnoticed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::country::CountryCode;
use crate::money::Share;
use crate::zone::TimeZone;
use crate::situation::EmployerSector;

/// How much a subject's mentors are needed (SEL-2, SEL-3); `closed` takes no new mentors.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Demand {
    /// Closed to new mentors (POL-1): applications for it alone are put on hold.
    Closed,
    /// The default for unlisted subjects (SEL-3).
    #[default]
    Normal,
    /// Needed soon.
    High,
    /// Urgently needed: candidates are contacted sooner (SEL-2).
    Urgent,
}

impl Demand {
    /// The wire name (`"urgent"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Demand::Closed => "closed",
            Demand::Normal => "normal",
            Demand::High => "high",
            Demand::Urgent => "urgent",
        }
    }
}

/// Days within which a candidate should be contacted, by the demand of their best subject.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
        ContactDeadlines { urgent: 3, high: 7, normal: 14 }
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

/// Weights of the review priority's components (DESIGN 4.6); each component is in 0..1.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
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
        ReviewWeights { demand: 0.4, experience: 0.3, completeness: 0.2, waiting: 0.1 }
    }
}

/// Billing settings (DESIGN 4.10, POL-1).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
        BillingPolicy { time_zone: TimeZone::PARIS, student_no_show: Share::WHOLE, cancelled_late: Share::HALF }
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
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
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
        InterviewPolicy { selection_threshold: 3.0, minimum_scored: 3, manner_minimum: 2 }
    }
}

/// An operator's policy (POL-1, DESIGN 4.5), from a TOML or JSON file: every key is optional
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
            employer_sectors_suited: vec![EmployerSector::Tutoring, EmployerSector::Education, EmployerSector::ItServices],
            excluded_countries: Vec::new(),
            demand: BTreeMap::new(),
            contact_deadline_days: ContactDeadlines::default(),
            review_weights: ReviewWeights::default(),
            interview: InterviewPolicy::default(),
            billing: BillingPolicy::default(),
        }
    }
}

/// A policy that could not be loaded: the parser's message (with line and column for TOML)
/// or the key whose value is out of bounds. Code `invalid_policy`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid policy: {message}")]
pub struct PolicyError {
    /// What is wrong, in English.
    pub message: String,
}

impl PolicyError {
    /// The stable code of every policy error.
    pub const CODE: &'static str = "invalid_policy";

    fn at(key: &str, what: &str) -> Self {
        PolicyError { message: format!("`{key}` {what}") }
    }

    /// A TOML error on one line, `line L, column C: [`key`] what`, instead of the parser's
    /// multi-line snippet (which quotes the text).
    fn toml(text: &str, e: &toml::de::Error, key: Option<&str>) -> Self {
        let what = e.message().trim_end().replace('\n', " ");
        let message = match key {
            Some(key) => format!("`{key}`: {what}"),
            None => what,
        };
        let Some(span) = e.span() else { return PolicyError { message } };
        let before = text.get(..span.start).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        PolicyError { message: format!("line {line}, column {column}: {message}") }
    }
}

/// The key path of a value that did not load (`billing.time_zone`), or `None` at the root.
fn key_path<E>(e: &serde_path_to_error::Error<E>) -> Option<String> {
    let path = e.path().to_string();
    (path != "." && !path.is_empty()).then_some(path)
}

impl Policy {
    /// Loads a policy from TOML text.
    ///
    /// # Errors
    /// [`PolicyError`] on a syntax error, an unknown key, a value of the wrong type or out of
    /// bounds.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        let deserializer = toml::Deserializer::parse(text).map_err(|e| PolicyError::toml(text, &e, None))?;
        let policy: Policy = serde_path_to_error::deserialize(deserializer).map_err(|e| {
            let path = key_path(&e);
            PolicyError::toml(text, e.inner(), path.as_deref())
        })?;
        policy.checked()
    }

    /// Loads a policy from JSON text.
    ///
    /// # Errors
    /// As [`Policy::from_toml`].
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        // Read as a value first: a subject repeated in `demand` is refused, not overwritten.
        let value = crate::wire::parse_value(text).map_err(|e| PolicyError { message: e.to_string() })?;
        Policy::from_value(&value)
    }

    /// Loads a policy from a JSON value (what bindings hand over).
    ///
    /// # Errors
    /// As [`Policy::from_toml`].
    pub fn from_value(value: &serde_json::Value) -> Result<Policy, PolicyError> {
        // serde reads a struct from an array too, field by position: a policy is an object.
        if !value.is_object() {
            return Err(PolicyError { message: "expected an object of policy keys".to_owned() });
        }
        let policy: Policy = serde_path_to_error::deserialize(value).map_err(|e| {
            let message = e.inner().to_string();
            match key_path(&e) {
                Some(path) => PolicyError { message: format!("`{path}`: {message}") },
                None => PolicyError { message },
            }
        })?;
        policy.checked()
    }

    /// Loads a policy from text that is JSON when it starts with `{`, TOML otherwise.
    ///
    /// # Errors
    /// As [`Policy::from_toml`].
    pub fn from_text(text: &str) -> Result<Policy, PolicyError> {
        if text.trim_start().starts_with('{') { Policy::from_json(text) } else { Policy::from_toml(text) }
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

    fn checked(self) -> Result<Policy, PolicyError> {
        let w = &self.review_weights;
        for (key, weight) in [("demand", w.demand), ("experience", w.experience), ("completeness", w.completeness), ("waiting", w.waiting)] {
            if !weight.is_finite() || weight < 0.0 {
                return Err(PolicyError::at(&format!("review_weights.{key}"), "must be a finite number, 0 or more"));
            }
        }
        if !(w.demand + w.experience + w.completeness + w.waiting).is_finite() {
            return Err(PolicyError::at("review_weights", "must add up to a finite number"));
        }
        let i = &self.interview;
        if !(f64::from(SCORE_MIN)..=f64::from(SCORE_MAX)).contains(&i.selection_threshold) {
            return Err(PolicyError::at("interview.selection_threshold", "must be a number from 1 to 4 (the scorecard's scale)"));
        }
        if !(1..=CRITERIA).contains(&usize::from(i.minimum_scored)) {
            return Err(PolicyError::at("interview.minimum_scored", "must be a whole number from 1 to 5 (the scorecard's criteria)"));
        }
        if !(SCORE_MIN..=SCORE_MAX).contains(&i.manner_minimum) {
            return Err(PolicyError::at("interview.manner_minimum", "must be a whole number from 1 to 4 (the scorecard's scale)"));
        }
        if let Some(bad) = self.demand.keys().find(|s| !crate::subject::is_subject_slug(s)) {
            return Err(PolicyError::at("demand", &format!("has `{}`, which is not a subject slug", bad.chars().take(64).collect::<String>())));
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_is_the_default_policy() {
        assert_eq!(Policy::from_toml("").unwrap(), Policy::default());
        assert_eq!(Policy::from_json("{}").unwrap(), Policy::default());
    }

    #[test]
    fn bad_values_are_refused_with_the_key() {
        let e = Policy::from_toml("[review_weights]\ndemand = -1.0").unwrap_err();
        assert!(e.message.contains("review_weights.demand"), "{e}");
        let e = Policy::from_toml("[billing]\ntime_zone = \"Mars/Olympus\"").unwrap_err();
        assert!(e.message.contains("billing.time_zone"), "{e}");
        assert!(Policy::from_toml("[demand]\npython = \"hot\"").is_err());
        assert!(Policy::from_toml("excluded_countries = [\"XX\"]").is_err());
        // Not an object: refused, not read field by position.
        for text in ["[]", r#"[["o"], ["tutoring"], ["FR"]]"#, "7"] {
            assert!(Policy::from_json(text).unwrap_err().message.contains("expected an object"), "{text}");
        }
    }

    #[test]
    fn the_shipped_defaults_are_the_documented_ones() {
        let p = Policy::default();
        assert_eq!((p.contact_deadline_days.urgent, p.contact_deadline_days.high, p.contact_deadline_days.normal), (3, 7, 14));
        assert_eq!(p.review_weights, ReviewWeights { demand: 0.4, experience: 0.3, completeness: 0.2, waiting: 0.1 });
        assert_eq!(p.billing.cancelled_late.to_string(), "0.5");
        assert_eq!(p.employer_sectors_suited.len(), 3);
        assert_eq!(p.interview, InterviewPolicy { selection_threshold: 3.0, minimum_scored: 3, manner_minimum: 2 });
    }
}
