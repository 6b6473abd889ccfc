//! The outcome a scorecard suggests with the policy's thresholds (INT-4, POL-1), and every
//! reason against selection.

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::InputError;
use crate::i18n::{In, Lang, Localized};
use crate::policy::Policy;
use crate::rule::Rule;

use super::scorecard::{Criterion, Rating, Recommendation, Scorecard};

/// What the scores point to (INT-4, with the policy's thresholds, POL-1).
///
/// ```
/// use mentor_core::interview::SuggestedOutcome;
/// assert_eq!(SuggestedOutcome::Undecided.as_str(), "undecided");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestedOutcome {
    /// Enough criteria scored, the average reaches the threshold, manner is good enough and
    /// the interviewer does not recommend against.
    Selected,
    /// Enough criteria scored, and at least one reason against.
    Rejected,
    /// Too few criteria scored to suggest anything.
    Undecided,
}

impl SuggestedOutcome {
    /// The wire name (`"selected"`).
    ///
    /// ```
    /// use mentor_core::interview::SuggestedOutcome;
    /// assert_eq!(SuggestedOutcome::Selected.as_str(), "selected");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SuggestedOutcome::Selected => "selected",
            SuggestedOutcome::Rejected => "rejected",
            SuggestedOutcome::Undecided => "undecided",
        }
    }
}

/// The stable code of a [`SuggestionReason`].
///
/// ```
/// use mentor_core::interview::SuggestionCode;
/// assert_eq!(SuggestionCode::MannerBelowMinimum.as_str(), "manner_below_minimum");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SuggestionCode {
    /// Fewer criteria scored than the policy's `minimum_scored` (POL-1).
    TooFewScored,
    /// The average of the scored criteria is below `selection_threshold` (POL-1).
    AverageBelowThreshold,
    /// A manner criterion is below `manner_minimum` (INT-4).
    MannerBelowMinimum,
    /// The interviewer recommends `no` or `strong_no` (INT-4).
    InterviewerRecommendsAgainst,
}

impl SuggestionCode {
    /// The wire name (`"too_few_scored"`).
    ///
    /// ```
    /// use mentor_core::interview::SuggestionCode;
    /// assert_eq!(SuggestionCode::TooFewScored.as_str(), "too_few_scored");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SuggestionCode::TooFewScored => "too_few_scored",
            SuggestionCode::AverageBelowThreshold => "average_below_threshold",
            SuggestionCode::MannerBelowMinimum => "manner_below_minimum",
            SuggestionCode::InterviewerRecommendsAgainst => "interviewer_recommends_against",
        }
    }
}

/// Why a suggestion is not `selected`, with what it was measured against. Its wire form (it is
/// [`Localized`]) is `{"code", "rule", "message", "params"}`.
///
/// ```
/// use mentor_core::interview::{Criterion, SuggestionCode, SuggestionReason};
/// use mentor_core::{Lang, Rule};
/// let r = SuggestionReason::MannerBelowMinimum { criterion: Criterion::Kindness, score: 1, minimum: 2 };
/// assert_eq!(r.code(), SuggestionCode::MannerBelowMinimum);
/// assert_eq!(r.rule(), Rule::Int4);
/// assert_eq!(r.message(Lang::En), "kindness scored 1, below the minimum of 2 for manner (nice, patient and humble)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum SuggestionReason {
    /// Fewer criteria scored than the policy needs (POL-1).
    TooFewScored {
        /// How many are scored.
        scored: u8,
        /// How many the policy needs.
        minimum: u8,
    },
    /// The average of the scored criteria is below the policy's threshold (POL-1).
    AverageBelowThreshold {
        /// The average of the scored criteria.
        average: f64,
        /// The policy's `selection_threshold`.
        threshold: f64,
    },
    /// A manner criterion scored below the policy's minimum (INT-4: "nice, patient and
    /// humble"; the minimum is the policy's).
    MannerBelowMinimum {
        /// Kindness, patience or humility.
        criterion: Criterion,
        /// Its score.
        score: u8,
        /// The policy's `manner_minimum`.
        minimum: u8,
    },
    /// The interviewer recommends against selection (INT-4).
    InterviewerRecommendsAgainst(Recommendation),
}

impl SuggestionReason {
    /// The stable code.
    ///
    /// ```
    /// use mentor_core::interview::{SuggestionCode, SuggestionReason};
    /// assert_eq!(SuggestionReason::TooFewScored { scored: 1, minimum: 3 }.code(), SuggestionCode::TooFewScored);
    /// ```
    #[must_use]
    pub const fn code(&self) -> SuggestionCode {
        match self {
            SuggestionReason::TooFewScored { .. } => SuggestionCode::TooFewScored,
            SuggestionReason::AverageBelowThreshold { .. } => SuggestionCode::AverageBelowThreshold,
            SuggestionReason::MannerBelowMinimum { .. } => SuggestionCode::MannerBelowMinimum,
            SuggestionReason::InterviewerRecommendsAgainst(_) => SuggestionCode::InterviewerRecommendsAgainst,
        }
    }

    /// The rule it comes from: POL-1 for the policy's count and average thresholds, INT-4 for
    /// manner and the interviewer's own recommendation.
    ///
    /// ```
    /// use mentor_core::{interview::SuggestionReason, Rule};
    /// assert_eq!(SuggestionReason::AverageBelowThreshold { average: 2.5, threshold: 3.0 }.rule(), Rule::Pol1);
    /// ```
    #[must_use]
    pub const fn rule(&self) -> Rule {
        match self {
            SuggestionReason::TooFewScored { .. } | SuggestionReason::AverageBelowThreshold { .. } => {
                Rule::Pol1
            }
            SuggestionReason::MannerBelowMinimum { .. }
            | SuggestionReason::InterviewerRecommendsAgainst(_) => Rule::Int4,
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use mentor_core::{interview::SuggestionReason, Lang};
    /// let r = SuggestionReason::AverageBelowThreshold { average: 2.5, threshold: 3.0 };
    /// assert_eq!(r.message(Lang::Fr), "la moyenne des critères notés, 2,5, est sous le seuil de sélection de 3");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (*self, lang) {
            (SuggestionReason::TooFewScored { scored, minimum }, Lang::En) => {
                format!(
                    "{scored} of the 5 criteria scored: the policy needs at least {minimum} to suggest an outcome"
                )
            }
            (SuggestionReason::TooFewScored { scored, minimum }, Lang::Fr) => {
                format!(
                    "{scored} critère(s) noté(s) sur 5 : la politique en demande au moins {minimum} pour suggérer une issue"
                )
            }
            (SuggestionReason::AverageBelowThreshold { average, threshold }, _) => {
                let (average, threshold) = (decimal(average, lang), decimal(threshold, lang));
                match lang {
                    Lang::En => format!(
                        "the average of the scored criteria, {average}, is below the selection threshold of {threshold}"
                    ),
                    Lang::Fr => format!(
                        "la moyenne des critères notés, {average}, est sous le seuil de sélection de {threshold}"
                    ),
                }
            }
            (
                SuggestionReason::MannerBelowMinimum {
                    criterion,
                    score,
                    minimum,
                },
                Lang::En,
            ) => {
                format!(
                    "{} scored {score}, below the minimum of {minimum} for manner (nice, patient and humble)",
                    criterion.label().get(lang)
                )
            }
            (
                SuggestionReason::MannerBelowMinimum {
                    criterion,
                    score,
                    minimum,
                },
                Lang::Fr,
            ) => {
                // The three manner criteria are feminine nouns in French.
                format!(
                    "{} notée {score}, sous le minimum de {minimum} pour la manière d'être (bienveillant, patient et humble)",
                    capitalised(criterion.label().get(lang))
                )
            }
            (SuggestionReason::InterviewerRecommendsAgainst(Recommendation::StrongNo), Lang::En) => {
                "the interviewer strongly recommends against selecting the candidate".to_owned()
            }
            (SuggestionReason::InterviewerRecommendsAgainst(_), Lang::En) => {
                "the interviewer recommends against selecting the candidate".to_owned()
            }
            (SuggestionReason::InterviewerRecommendsAgainst(Recommendation::StrongNo), Lang::Fr) => {
                "le responsable des mentors recommande fortement de ne pas retenir la candidature".to_owned()
            }
            (SuggestionReason::InterviewerRecommendsAgainst(_), Lang::Fr) => {
                "le responsable des mentors recommande de ne pas retenir la candidature".to_owned()
            }
        }
    }

    /// What the reason was measured against, as JSON (`{"criterion", "score", "minimum"}`…).
    ///
    /// ```
    /// use mentor_core::interview::SuggestionReason;
    /// let p = SuggestionReason::TooFewScored { scored: 2, minimum: 3 }.params();
    /// assert_eq!(p, serde_json::json!({"scored": 2, "minimum": 3}));
    /// ```
    #[must_use]
    pub fn params(&self) -> Value {
        crate::i18n::json_value(&Params::of(self))
    }
}

/// What a reason was measured against, in its wire form (see [`SuggestionReason::params`]).
#[derive(Serialize)]
#[serde(untagged)]
enum Params {
    TooFewScored {
        scored: u8,
        minimum: u8,
    },
    AverageBelowThreshold {
        average: f64,
        threshold: f64,
    },
    MannerBelowMinimum {
        criterion: &'static str,
        score: u8,
        minimum: u8,
    },
    InterviewerRecommendsAgainst {
        recommendation: Recommendation,
    },
}

impl Params {
    fn of(reason: &SuggestionReason) -> Params {
        match *reason {
            SuggestionReason::TooFewScored { scored, minimum } => Params::TooFewScored { scored, minimum },
            SuggestionReason::AverageBelowThreshold { average, threshold } => {
                Params::AverageBelowThreshold { average, threshold }
            }
            SuggestionReason::MannerBelowMinimum {
                criterion,
                score,
                minimum,
            } => Params::MannerBelowMinimum {
                criterion: criterion.name(),
                score,
                minimum,
            },
            SuggestionReason::InterviewerRecommendsAgainst(recommendation) => {
                Params::InterviewerRecommendsAgainst { recommendation }
            }
        }
    }
}

/// The wire form `{"code", "rule", "message", "params"}`, the message in the caller's language.
///
/// ```
/// use mentor_core::{interview::{Recommendation, SuggestionReason}, Lang, Localized};
/// let j = SuggestionReason::InterviewerRecommendsAgainst(Recommendation::No).to_json(Lang::En);
/// assert_eq!(j["code"], "interviewer_recommends_against");
/// assert_eq!(j["rule"], "INT-4");
/// ```
impl Localized for SuggestionReason {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire {
            code: SuggestionCode,
            rule: Rule,
            message: String,
            params: Params,
        }
        Wire {
            code: self.code(),
            rule: self.rule(),
            message: self.message(lang),
            params: Params::of(self),
        }
        .serialize(serializer)
    }
}

/// A number for a message: at most two decimals, no trailing zeros, a decimal comma in French.
fn decimal(x: f64, lang: Lang) -> String {
    let fixed = format!("{x:.2}");
    let short = fixed.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::En => short.to_owned(),
        Lang::Fr => short.replace('.', ","),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What a scorecard suggests (INT-4, POL-1): the outcome, the average of the scored criteria,
/// how many were scored, and every reason against selection. The mentor manager decides; this
/// is a suggestion they can follow or not.
///
/// ```
/// use mentor_core::interview::{suggest, Scorecard, SuggestedOutcome};
/// use mentor_core::{policy::Policy, Lang, Localized};
/// let card = Scorecard::from_json(&serde_json::json!({
///     "kindness": 4, "patience": 4, "humility": 4, "communication": "no_decision",
///     "subject_knowledge": "no_decision", "recommendation": "yes"
/// })).unwrap();
/// let s = suggest(&card, &Policy::default());
/// assert_eq!((s.outcome, s.average, s.scored), (SuggestedOutcome::Selected, Some(4.0), 3));
/// assert_eq!(s.to_json(Lang::En)["outcome"], "selected");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What the scores point to.
    pub outcome: SuggestedOutcome,
    /// The average of the scored criteria (`no_decision` left out); `None` when none is scored.
    pub average: Option<f64>,
    /// How many criteria are scored, 0 to 5.
    pub scored: u8,
    /// Why it is not `selected`: empty when selected, `too_few_scored` alone when undecided,
    /// every reason that applies when rejected.
    pub reasons: Vec<SuggestionReason>,
}

/// The wire form `{"outcome", "average", "scored", "reasons": [{"code", "rule", "message",
/// "params"}]}`, messages in the caller's language.
///
/// ```
/// use mentor_core::interview::{suggest_json};
/// use mentor_core::{policy::Policy, Lang};
/// let out = suggest_json(&serde_json::json!({
///     "kindness": 4, "patience": "no_decision", "humility": "no_decision", "communication": 3,
///     "subject_knowledge": "no_decision", "recommendation": "yes"
/// }), &Policy::default(), Lang::Fr).unwrap();
/// assert_eq!(out["outcome"], "undecided");
/// assert_eq!(out["reasons"][0]["code"], "too_few_scored");
/// assert_eq!(out["reasons"][0]["rule"], "POL-1");
/// ```
impl Localized for Suggestion {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            outcome: SuggestedOutcome,
            average: Option<f64>,
            scored: u8,
            reasons: In<'a, [SuggestionReason]>,
        }
        Wire {
            outcome: self.outcome,
            average: self.average,
            scored: self.scored,
            reasons: self.reasons.as_slice().render(lang),
        }
        .serialize(serializer)
    }
}

/// Suggests an outcome for a scorecard with the policy's `[interview]` thresholds (INT-4,
/// POL-1):
/// - fewer than `minimum_scored` criteria scored → `undecided` (`too_few_scored`);
/// - otherwise `selected` when the average of the scored criteria reaches
///   `selection_threshold`, no scored manner criterion is below `manner_minimum` and the
///   recommendation is not `no` / `strong_no`;
/// - otherwise `rejected`, with every reason that applies (`average_below_threshold`,
///   `manner_below_minimum` once per criterion, `interviewer_recommends_against`).
///
/// `no_decision` is never a low score: it counts neither in the average nor against manner.
///
/// ```
/// use mentor_core::interview::{suggest, Scorecard, SuggestedOutcome, SuggestionCode};
/// use mentor_core::policy::Policy;
/// let card = Scorecard::from_json(&serde_json::json!({
///     "kindness": 1, "patience": 4, "humility": 4, "communication": 4,
///     "subject_knowledge": 4, "recommendation": "yes"
/// })).unwrap();
/// let s = suggest(&card, &Policy::default());
/// assert_eq!(s.outcome, SuggestedOutcome::Rejected);
/// assert_eq!(s.average, Some(3.4));
/// assert_eq!(s.reasons[0].code(), SuggestionCode::MannerBelowMinimum);
/// ```
#[must_use]
pub fn suggest(card: &Scorecard, policy: &Policy) -> Suggestion {
    let p = &policy.interview;
    let scored = card.scored();
    let average = card.average();
    // A policy built in code may say 0; an average still needs one score.
    let minimum = p.minimum_scored.max(1);
    let Some(avg) = average.filter(|_| scored >= minimum) else {
        let reasons = vec![SuggestionReason::TooFewScored { scored, minimum }];
        return Suggestion {
            outcome: SuggestedOutcome::Undecided,
            average,
            scored,
            reasons,
        };
    };
    let mut reasons = Vec::new();
    // The average of at most five whole scores, divided once: a correctly rounded quotient
    // compares with the threshold as the exact fraction does. A NaN threshold (a policy built in
    // code) is never reached.
    if !matches!(
        avg.partial_cmp(&p.selection_threshold),
        Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)
    ) {
        reasons.push(SuggestionReason::AverageBelowThreshold {
            average: avg,
            threshold: p.selection_threshold,
        });
    }
    for criterion in Criterion::ALL.into_iter().filter(|c| c.is_manner()) {
        if let Rating::Score(score) = card.rating(criterion)
            && score < p.manner_minimum
        {
            reasons.push(SuggestionReason::MannerBelowMinimum {
                criterion,
                score,
                minimum: p.manner_minimum,
            });
        }
    }
    if matches!(card.recommendation, Recommendation::No | Recommendation::StrongNo) {
        reasons.push(SuggestionReason::InterviewerRecommendsAgainst(
            card.recommendation,
        ));
    }
    let outcome = if reasons.is_empty() {
        SuggestedOutcome::Selected
    } else {
        SuggestedOutcome::Rejected
    };
    Suggestion {
        outcome,
        average,
        scored,
        reasons,
    }
}

/// [`suggest`] on the wire format: a scorecard in, the suggestion out, messages in `lang`.
///
/// ```
/// use mentor_core::interview::suggest_json;
/// use mentor_core::{policy::Policy, Lang};
/// let out = suggest_json(&serde_json::json!({
///     "kindness": 4, "patience": 4, "humility": 4, "communication": 4,
///     "subject_knowledge": 4, "recommendation": "no"
/// }), &Policy::default(), Lang::En).unwrap();
/// assert_eq!(out["outcome"], "rejected");
/// assert_eq!(out["reasons"][0]["code"], "interviewer_recommends_against");
/// ```
///
/// # Errors
/// [`InputError`] when the scorecard does not parse (see [`Scorecard::from_json`]).
pub fn suggest_json(card: &Value, policy: &Policy, lang: Lang) -> Result<Value, InputError> {
    let card = Scorecard::from_json(card)?;
    Ok(suggest(&card, policy).to_json(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_messages() {
        assert_eq!(decimal(3.0, Lang::En), "3");
        assert_eq!(decimal(2.0 / 3.0 + 2.0, Lang::Fr), "2,67");
        assert_eq!(decimal(3.5, Lang::En), "3.5");
        assert_eq!(capitalised("humilité"), "Humilité");
        assert_eq!(capitalised(""), "");
    }
}
