//! The review queue's priority (`docs/triage.md#review-queue`; SEL-1..3, APP-3): a score in 0..1 that is the
//! weighted sum of four components, each in 0..1, and the date by which to contact the
//! candidate.
//!
//! Components (weights from the policy, [`crate::policy::ReviewWeights`]):
//! - `demand`: the best open subject's demand: urgent 1.0, high 0.66, normal 0.33 (SEL-2/3);
//! - `experience`: over the open subjects, the best of ½·level + ½·years, where level is
//!   comfortable ⅓, proficient ⅔, expert 1, and years are capped at 10 (SEL-1);
//! - `completeness`: the form's completeness (APP-3);
//! - `waiting`: days since submission over the policy's normal deadline, capped at 1.
//!
//! Ties on the score are broken by the uncapped facts, in this order: demand, level, years,
//! completeness, earlier submission; so "all else equal, more of one factor ranks higher"
//! holds even where a component is capped or weighted 0.

use std::cmp::Ordering;

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::application::{Application, Level};
use crate::policy::{Demand, Policy};

/// Years of subject experience beyond which more years add nothing to the score.
pub const YEARS_CAP: u8 = 10;

/// The components of a priority, each in 0..1.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Components {
    /// Demand of the best open subject.
    pub demand: f64,
    /// Best subject level and years.
    pub experience: f64,
    /// Completeness of the form.
    pub completeness: f64,
    /// Time waited, relative to the normal deadline.
    pub waiting: f64,
}

/// A candidate's review priority.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
pub struct Priority {
    /// The weighted sum of the components.
    pub score: f64,
    /// Each component, before weighting.
    pub components: Components,
    /// Contact the candidate by this UTC date (SEL-2/3).
    #[serde(skip)]
    pub contact_by: NaiveDate,
    #[serde(skip)]
    tie: TieBreak,
}

/// The uncapped facts that order equal scores.
#[derive(Clone, Copy, Debug, PartialEq)]
struct TieBreak {
    demand: Demand,
    level: Level,
    years: u8,
    completeness: f64,
    submitted_at: DateTime<Utc>,
}

impl Priority {
    /// Orders priorities from the most to the least urgent to review.
    #[must_use]
    pub fn cmp_urgency(&self, other: &Priority) -> Ordering {
        self.urgency().cmp_urgency(&other.urgency())
    }

    /// What orders this priority among others, without the rest (a sort key less than half
    /// its size).
    #[must_use]
    pub fn urgency(&self) -> Urgency {
        Urgency {
            score: self.score,
            tie: self.tie,
        }
    }
}

/// The part of a [`Priority`] that orders it: its score and the facts that break ties.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Urgency {
    score: f64,
    tie: TieBreak,
}

impl Urgency {
    /// Orders from the most to the least urgent to review, as [`Priority::cmp_urgency`].
    #[must_use]
    pub fn cmp_urgency(&self, other: &Urgency) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(other.tie.demand.cmp(&self.tie.demand))
            .then(other.tie.level.cmp(&self.tie.level))
            .then(other.tie.years.cmp(&self.tie.years))
            .then(other.tie.completeness.total_cmp(&self.tie.completeness))
            .then(self.tie.submitted_at.cmp(&other.tie.submitted_at))
    }
}

/// A [`Priority`] as a queue of many keeps it (`triage::Triage`, issue 15): what cannot be
/// rebuilt from the form's completeness and the best demand, 48 bytes instead of 72.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PackedPriority {
    score: f64,
    experience: f64,
    waiting: f64,
    submitted_at: DateTime<Utc>,
    contact_by: NaiveDate,
    demand: Demand,
    level: Level,
    years: u8,
}

impl Priority {
    /// The priority packed, for a form of this `completeness`; `None` when the completeness
    /// is not the one it was computed with (it would not unpack to an equal priority).
    pub(crate) fn pack(&self, completeness: f64) -> Option<PackedPriority> {
        let same = |a: f64, b: f64| a.to_bits() == b.to_bits();
        (same(self.components.completeness, completeness)
            && same(self.tie.completeness, completeness)
            && same(self.components.demand, demand_component(self.tie.demand)))
        .then_some(PackedPriority {
            score: self.score,
            experience: self.components.experience,
            waiting: self.components.waiting,
            submitted_at: self.tie.submitted_at,
            contact_by: self.contact_by,
            demand: self.tie.demand,
            level: self.tie.level,
            years: self.tie.years,
        })
    }
}

impl PackedPriority {
    /// The priority that was packed with this `completeness`.
    pub(crate) fn unpack(&self, completeness: f64) -> Priority {
        Priority {
            score: self.score,
            components: Components {
                demand: demand_component(self.demand),
                experience: self.experience,
                completeness,
                waiting: self.waiting,
            },
            contact_by: self.contact_by,
            tie: TieBreak {
                demand: self.demand,
                level: self.level,
                years: self.years,
                completeness,
                submitted_at: self.submitted_at,
            },
        }
    }
}

fn demand_component(d: Demand) -> f64 {
    match d {
        Demand::Urgent => 1.0,
        Demand::High => 0.66,
        Demand::Normal => 0.33,
        Demand::Closed => 0.0,
    }
}

fn level_component(l: Level) -> f64 {
    match l {
        Level::Comfortable => 1.0 / 3.0,
        Level::Proficient => 2.0 / 3.0,
        Level::Expert => 1.0,
    }
}

/// The priority of a valid application at `now`, or `None` when every subject is `closed`
/// (the application is then on hold, POL-1).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use mentor_core::{application, policy::Policy, review};
/// let policy = Policy::from_toml("[demand]\npython = \"urgent\"").unwrap();
/// let form = serde_json::json!({
///     "offer_id": "o", "consent": {"data_processing": true},
///     "applicant": {"first_name": "A", "last_name": "B", "email": "a@b.org", "country": "FR"},
///     "subjects": [{"subject": "python", "level": "expert", "years_experience": 20}],
///     "submitted_at": "2026-11-01T10:00:00Z"
/// });
/// let app = application::validate(&form, &policy).result.unwrap();
/// let now = Utc.with_ymd_and_hms(2026, 11, 8, 10, 0, 0).unwrap();
/// let p = review::priority(&app, &policy, now).unwrap();
/// assert_eq!(p.components.demand, 1.0);
/// assert_eq!(p.components.experience, 1.0);
/// assert_eq!(p.components.waiting, 0.5); // 7 days of the 14-day normal deadline
/// assert_eq!(p.contact_by.to_string(), "2026-11-04"); // urgent: 3 days after submission
/// ```
#[must_use]
pub fn priority(app: &Application, policy: &Policy, now: DateTime<Utc>) -> Option<Priority> {
    let open = app
        .subjects()
        .iter()
        .map(|s| (s, policy.demand_of(&s.subject)))
        .filter(|(_, d)| *d != Demand::Closed);
    let mut best_demand: Option<Demand> = None;
    let mut best_experience = 0.0f64;
    let mut best_level = Level::Comfortable;
    let mut best_years = 0u8;
    for (subject, demand) in open {
        best_demand = best_demand.max(Some(demand));
        let years = subject.years_experience.unwrap_or(0);
        let experience = 0.5 * level_component(subject.level)
            + 0.5 * f64::from(years.min(YEARS_CAP)) / f64::from(YEARS_CAP);
        best_experience = best_experience.max(experience);
        best_level = best_level.max(subject.level);
        best_years = best_years.max(years);
    }
    let best_demand = best_demand?;
    let submitted_at = app.submitted_at().unwrap_or(now);
    let waited_days = (now - submitted_at).num_seconds().max(0) as f64 / 86_400.0;
    let normal = f64::from(policy.contact_deadline_days.normal);
    let waiting = if normal > 0.0 {
        (waited_days / normal).min(1.0)
    } else if waited_days > 0.0 {
        1.0
    } else {
        0.0
    };
    let components = Components {
        demand: demand_component(best_demand),
        experience: best_experience,
        completeness: app.completeness(),
        waiting,
    };
    let w = &policy.review_weights;
    let score = w.demand * components.demand
        + w.experience * components.experience
        + w.completeness * components.completeness
        + w.waiting * components.waiting;
    let days = policy.contact_deadline_days.days(best_demand).unwrap_or(0);
    let day = submitted_at.date_naive();
    let contact_by = day.checked_add_days(Days::new(u64::from(days))).unwrap_or(day);
    Some(Priority {
        score,
        components,
        contact_by,
        tie: TieBreak {
            demand: best_demand,
            level: best_level,
            years: best_years,
            completeness: app.completeness(),
            submitted_at,
        },
    })
}
