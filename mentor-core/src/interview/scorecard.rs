//! The interviewer's scorecard (INT-4): five criteria of manner and content, each rated 1–4 or
//! `no_decision`, and an overall recommendation.

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{ErrorCode, InputError};
use crate::i18n::Text;
use crate::read::{Path, Reader};
use crate::vocabulary::Vocabulary;

/// One criterion's rating: a score on the fixed 1–4 scale, or an explicit "no decision",
/// which is left out of every average (INT-4).
///
/// ```
/// use mentor_core::interview::{Rating, Scorecard};
/// let card = Scorecard::from_json(&serde_json::json!({
///     "kindness": 4, "patience": "no_decision", "humility": 3, "communication": 4,
///     "subject_knowledge": 3, "recommendation": "yes"
/// })).unwrap();
/// assert_eq!(card.patience, Rating::NoDecision);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rating {
    /// 1 (poor) to 4 (excellent).
    Score(u8),
    /// The interviewer could not judge it.
    NoDecision,
}

/// The score as a number, or `"no_decision"`.
impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Rating::Score(score) => serializer.serialize_u8(score),
            Rating::NoDecision => serializer.serialize_str("no_decision"),
        }
    }
}

vocabulary! {
    /// The interviewer's overall recommendation (INT-4); `no` and `strong_no` prevent a
    /// suggestion of selection ([`suggest`](super::suggest)).
    ///
    /// ```
    /// use mentor_core::interview::Recommendation;
    /// use mentor_core::vocabulary::Vocabulary;
    /// assert_eq!(Recommendation::StrongNo.name(), "strong_no");
    /// assert_eq!(Recommendation::NoDecision.name(), "no_decision");
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Recommendation {
        /// Definitely not.
        StrongNo = "strong_no",
        /// No.
        No = "no",
        /// Yes.
        Yes = "yes",
        /// Definitely yes.
        StrongYes = "strong_yes",
        /// No recommendation.
        NoDecision = "no_decision",
    }
}

/// The scorecard of an interview: both content and manner (INT-4). Manner is kindness,
/// patience and humility (the seed's "nice, patient and humble"); content is communication
/// and subject knowledge.
///
/// Its [`Serialize`] form is the wire form `{"kindness", "patience", "humility",
/// "communication", "subject_knowledge", "recommendation"}`, each criterion `1`..`4` or
/// `"no_decision"`, which [`Scorecard::from_json`] reads back.
///
/// ```
/// use mentor_core::interview::{Rating, Recommendation, Scorecard};
/// let card = Scorecard {
///     kindness: Rating::Score(4), patience: Rating::Score(4), humility: Rating::Score(3),
///     communication: Rating::Score(3), subject_knowledge: Rating::NoDecision,
///     recommendation: Recommendation::Yes,
/// };
/// assert_eq!(Scorecard::from_json(&card.to_json()).unwrap(), card);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Scorecard {
    /// Kindness (INT-4).
    pub kindness: Rating,
    /// Patience (INT-4).
    pub patience: Rating,
    /// Humility (INT-4).
    pub humility: Rating,
    /// How clearly they explain (APP-4, INT-3).
    pub communication: Rating,
    /// Knowledge of their mentoring subjects (SEL-1).
    pub subject_knowledge: Rating,
    /// The overall recommendation.
    pub recommendation: Recommendation,
}

/// The criteria in wire order (the names of [`Criterion::ALL`]).
///
/// ```
/// use mentor_core::interview::{Criterion, CRITERIA};
/// assert_eq!(CRITERIA[4], Criterion::SubjectKnowledge.name());
/// ```
pub const CRITERIA: [&str; 5] = [
    "kindness",
    "patience",
    "humility",
    "communication",
    "subject_knowledge",
];

impl Scorecard {
    /// The ratings in [`CRITERIA`] order.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::Score(2),
    ///     communication: Rating::Score(1), subject_knowledge: Rating::NoDecision,
    ///     recommendation: Recommendation::NoDecision,
    /// };
    /// assert_eq!(card.ratings()[2], Rating::Score(2));
    /// ```
    #[must_use]
    pub fn ratings(&self) -> [Rating; 5] {
        [
            self.kindness,
            self.patience,
            self.humility,
            self.communication,
            self.subject_knowledge,
        ]
    }

    /// The rating of one criterion.
    ///
    /// ```
    /// use mentor_core::interview::{Criterion, Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::Score(2),
    ///     communication: Rating::Score(1), subject_knowledge: Rating::NoDecision,
    ///     recommendation: Recommendation::NoDecision,
    /// };
    /// assert_eq!(card.rating(Criterion::Humility), Rating::Score(2));
    /// ```
    #[must_use]
    pub const fn rating(&self, criterion: Criterion) -> Rating {
        match criterion {
            Criterion::Kindness => self.kindness,
            Criterion::Patience => self.patience,
            Criterion::Humility => self.humility,
            Criterion::Communication => self.communication,
            Criterion::SubjectKnowledge => self.subject_knowledge,
        }
    }

    /// How many criteria are scored (not `no_decision`), 0 to 5.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::NoDecision, humility: Rating::Score(2),
    ///     communication: Rating::NoDecision, subject_knowledge: Rating::NoDecision,
    ///     recommendation: Recommendation::NoDecision,
    /// };
    /// assert_eq!(card.scored(), 2);
    /// ```
    #[must_use]
    pub fn scored(&self) -> u8 {
        self.ratings()
            .into_iter()
            .fold(0, |n, r| if matches!(r, Rating::Score(_)) { n + 1 } else { n })
    }

    /// The average of the scored criteria, leaving `no_decision` out; `None` when none is
    /// scored.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::NoDecision,
    ///     communication: Rating::Score(4), subject_knowledge: Rating::Score(3),
    ///     recommendation: Recommendation::Yes,
    /// };
    /// assert_eq!(card.average(), Some(3.5));
    /// ```
    #[must_use]
    pub fn average(&self) -> Option<f64> {
        let scores = self.ratings().into_iter().filter_map(|r| match r {
            Rating::Score(s) => Some(f64::from(s)),
            Rating::NoDecision => None,
        });
        let (sum, n) = scores.fold((0.0, 0u8), |(sum, n), s| (sum + s, n + 1));
        (n > 0).then(|| sum / f64::from(n))
    }

    /// Reads `{"kindness": 1..4 | "no_decision", …, "recommendation"}`; every criterion and
    /// the recommendation are required (an unjudged one is written `no_decision`).
    ///
    /// ```
    /// use mentor_core::interview::Scorecard;
    /// let e = Scorecard::from_json(&serde_json::json!({
    ///     "kindness": 5, "patience": 3, "humility": 3, "communication": 3,
    ///     "subject_knowledge": 3, "recommendation": "yes"
    /// })).unwrap_err();
    /// assert_eq!(e.errors[0].path, "kindness");
    /// assert_eq!(e.errors[0].code.as_str(), "out_of_range");
    /// ```
    ///
    /// # Errors
    /// Field errors: `required`, `out_of_range`, `invalid_enum`, `invalid_type`,
    /// `unknown_field`.
    pub fn from_json(value: &Value) -> Result<Scorecard, InputError> {
        let mut r = Reader::new();
        let card = read_scorecard(&mut r, value, &Path::Root);
        r.finish(card)
    }

    /// The wire form, which [`Scorecard::from_json`] reads back: the scorecard's [`Serialize`]
    /// form as a JSON value.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::NoDecision,
    ///     communication: Rating::Score(4), subject_knowledge: Rating::Score(3),
    ///     recommendation: Recommendation::StrongYes,
    /// };
    /// assert_eq!(card.to_json()["humility"], "no_decision");
    /// assert_eq!(card.to_json()["recommendation"], "strong_yes");
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }
}

const SCORECARD_KEYS: [&str; 6] = [
    "kindness",
    "patience",
    "humility",
    "communication",
    "subject_knowledge",
    "recommendation",
];

pub(crate) fn read_scorecard(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Scorecard> {
    let map = r.object(value, path, &SCORECARD_KEYS)?;
    let mut ratings = [Rating::NoDecision; 5];
    let mut complete = true;
    for (slot, name) in ratings.iter_mut().zip(CRITERIA) {
        let p = path.key(name);
        match map.get(name) {
            None | Some(Value::Null) => {
                r.error(&p, ErrorCode::Required);
                complete = false;
            }
            Some(Value::String(s)) if s == "no_decision" => {}
            Some(v @ Value::Number(_)) => {
                match r.integer(Some(v), &p, 1, 4).and_then(|s| u8::try_from(s).ok()) {
                    Some(s) => *slot = Rating::Score(s),
                    None => complete = false,
                }
            }
            Some(_) => {
                r.error_with(
                    &p,
                    ErrorCode::InvalidEnum,
                    crate::error::Detail::Allowed(vec!["1", "2", "3", "4", "no_decision"]),
                );
                complete = false;
            }
        }
    }
    let rec_path = path.key("recommendation");
    let recommendation = match map.get("recommendation") {
        None | Some(Value::Null) => {
            r.error(&rec_path, ErrorCode::Required);
            None
        }
        v => r.choice(v, &rec_path, Recommendation::ALL),
    };
    let [kindness, patience, humility, communication, subject_knowledge] = ratings;
    (complete).then_some(())?;
    Some(Scorecard {
        kindness,
        patience,
        humility,
        communication,
        subject_knowledge,
        recommendation: recommendation?,
    })
}

/// A criterion of the scorecard (INT-4): three of manner, two of content.
///
/// ```
/// use mentor_core::interview::Criterion;
/// assert!(Criterion::Patience.is_manner());
/// assert!(!Criterion::Communication.is_manner());
/// assert_eq!(Criterion::SubjectKnowledge.name(), "subject_knowledge");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// Kindness: the seed's "nice" (manner).
    Kindness,
    /// Patience (manner).
    Patience,
    /// Humility (manner).
    Humility,
    /// How clearly they explain (content; APP-4, INT-3).
    Communication,
    /// Knowledge of their mentoring subjects (content; SEL-1).
    SubjectKnowledge,
}

impl Criterion {
    /// Every criterion, in [`CRITERIA`] order.
    pub const ALL: [Criterion; 5] = [
        Criterion::Kindness,
        Criterion::Patience,
        Criterion::Humility,
        Criterion::Communication,
        Criterion::SubjectKnowledge,
    ];

    /// The wire name (`"subject_knowledge"`).
    ///
    /// ```
    /// use mentor_core::interview::Criterion;
    /// assert_eq!(Criterion::Kindness.name(), "kindness");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Criterion::Kindness => "kindness",
            Criterion::Patience => "patience",
            Criterion::Humility => "humility",
            Criterion::Communication => "communication",
            Criterion::SubjectKnowledge => "subject_knowledge",
        }
    }

    /// Whether it is one of manner, "how you say it" (INT-4): kindness, patience, humility.
    ///
    /// ```
    /// use mentor_core::interview::Criterion;
    /// assert_eq!(Criterion::ALL.iter().filter(|c| c.is_manner()).count(), 3);
    /// ```
    #[must_use]
    pub const fn is_manner(self) -> bool {
        matches!(
            self,
            Criterion::Kindness | Criterion::Patience | Criterion::Humility
        )
    }

    /// Its name for people, in English and French.
    ///
    /// ```
    /// use mentor_core::{interview::Criterion, Lang};
    /// assert_eq!(Criterion::Kindness.label().get(Lang::Fr), "bienveillance");
    /// ```
    #[must_use]
    pub const fn label(self) -> Text {
        match self {
            Criterion::Kindness => Text::new("kindness", "bienveillance"),
            Criterion::Patience => Text::new("patience", "patience"),
            Criterion::Humility => Text::new("humility", "humilité"),
            Criterion::Communication => Text::new("communication", "communication"),
            Criterion::SubjectKnowledge => Text::new("subject knowledge", "connaissance des sujets"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_names_agree_with_the_wire_order() {
        assert_eq!(Criterion::ALL.map(Criterion::name), CRITERIA);
        // The policy's bound on `minimum_scored` (and its schema's maximum).
        assert_eq!(crate::policy::CRITERIA, CRITERIA.len());
    }
}
