//! The invitation to the video interview (INT-1..3): when, what to prepare (the readiness
//! checklist) and what the interview covers (the agenda).

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::InputError;
use crate::i18n::{In, Lang, Localized, Text};
use crate::lifecycle::format_instant;
use crate::rule::Rule;

use super::slot::Slot;

/// Something the candidate prepares before the video interview: INT-2's microphone and calm,
/// well-lit place, and what any video call needs (INT-1).
///
/// ```
/// use mentor_core::{interview::ReadinessItem, Rule};
/// assert_eq!(ReadinessItem::Microphone.rule(), Rule::Int2);
/// assert_eq!(ReadinessItem::Camera.rule(), Rule::Int1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReadinessItem {
    /// A microphone, built into the computer or plugged into it (INT-2).
    Microphone,
    /// A calm place (INT-2).
    CalmPlace,
    /// A well-lit place (INT-2).
    WellLitPlace,
    /// A working camera: the interview is a video call (INT-1).
    Camera,
    /// A connection good enough for video (INT-1).
    InternetConnection,
}

impl ReadinessItem {
    /// The checklist, in the order an invitation lists it.
    pub const ALL: [ReadinessItem; 5] = [
        ReadinessItem::Microphone,
        ReadinessItem::CalmPlace,
        ReadinessItem::WellLitPlace,
        ReadinessItem::Camera,
        ReadinessItem::InternetConnection,
    ];

    /// The stable code (`"well_lit_place"`).
    ///
    /// ```
    /// use mentor_core::interview::ReadinessItem;
    /// assert_eq!(ReadinessItem::CalmPlace.code(), "calm_place");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            ReadinessItem::Microphone => "microphone",
            ReadinessItem::CalmPlace => "calm_place",
            ReadinessItem::WellLitPlace => "well_lit_place",
            ReadinessItem::Camera => "camera",
            ReadinessItem::InternetConnection => "internet_connection",
        }
    }

    /// The rule it comes from: INT-2 for what the seed lists, INT-1 (a video interview) for
    /// the camera and the connection.
    ///
    /// ```
    /// use mentor_core::{interview::ReadinessItem, Rule};
    /// assert_eq!(ReadinessItem::InternetConnection.rule(), Rule::Int1);
    /// ```
    #[must_use]
    pub const fn rule(self) -> Rule {
        match self {
            ReadinessItem::Microphone | ReadinessItem::CalmPlace | ReadinessItem::WellLitPlace => Rule::Int2,
            ReadinessItem::Camera | ReadinessItem::InternetConnection => Rule::Int1,
        }
    }

    /// What to prepare, in English and French.
    ///
    /// ```
    /// use mentor_core::{interview::ReadinessItem, Lang};
    /// assert!(ReadinessItem::Microphone.text().get(Lang::Fr).starts_with("un micro"));
    /// ```
    #[must_use]
    pub const fn text(self) -> Text {
        match self {
            ReadinessItem::Microphone => Text::new(
                "a working microphone, built into your computer or plugged into it",
                "un micro qui fonctionne, intégré à votre ordinateur ou branché dessus",
            ),
            ReadinessItem::CalmPlace => Text::new(
                "a calm place where you will not be disturbed",
                "un endroit calme où personne ne vous dérangera",
            ),
            ReadinessItem::WellLitPlace => Text::new(
                "a well-lit place, so that your face can be seen",
                "un endroit bien éclairé, pour que l'on voie votre visage",
            ),
            ReadinessItem::Camera => Text::new(
                "a working camera: the interview is a video call",
                "une caméra qui fonctionne : l'entretien se fait en visioconférence",
            ),
            ReadinessItem::InternetConnection => Text::new(
                "an internet connection good enough for a video call",
                "une connexion internet suffisante pour un appel vidéo",
            ),
        }
    }
}

/// `{"code", "rule", "text"}`, the text in the caller's language.
impl Localized for ReadinessItem {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        ItemWire {
            code: self.code(),
            rule: self.rule(),
            text: self.text().get(lang),
        }
        .serialize(serializer)
    }
}

/// What the interview covers (INT-3): the mentor manager explains mentorship and answers the
/// candidate's questions; the candidate introduces themselves, their current activity and
/// recent projects.
///
/// ```
/// use mentor_core::{interview::AgendaItem, Rule};
/// assert_eq!(AgendaItem::RecentProjects.code(), "recent_projects");
/// assert!(AgendaItem::ALL.iter().all(|i| i.rule() == Rule::Int3));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AgendaItem {
    /// What mentorship involves.
    WhatMentorshipIs,
    /// The candidate introduces themselves.
    IntroduceYourself,
    /// What they do in life now.
    CurrentActivity,
    /// Projects they worked on recently.
    RecentProjects,
    /// The candidate's questions (the seed: "the time … to answer any of your questions").
    YourQuestions,
}

impl AgendaItem {
    /// The agenda, in order.
    pub const ALL: [AgendaItem; 5] = [
        AgendaItem::WhatMentorshipIs,
        AgendaItem::IntroduceYourself,
        AgendaItem::CurrentActivity,
        AgendaItem::RecentProjects,
        AgendaItem::YourQuestions,
    ];

    /// The stable code (`"what_mentorship_is"`).
    ///
    /// ```
    /// use mentor_core::interview::AgendaItem;
    /// assert_eq!(AgendaItem::WhatMentorshipIs.code(), "what_mentorship_is");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            AgendaItem::WhatMentorshipIs => "what_mentorship_is",
            AgendaItem::IntroduceYourself => "introduce_yourself",
            AgendaItem::CurrentActivity => "current_activity",
            AgendaItem::RecentProjects => "recent_projects",
            AgendaItem::YourQuestions => "your_questions",
        }
    }

    /// The rule it comes from: INT-3.
    ///
    /// ```
    /// use mentor_core::{interview::AgendaItem, Rule};
    /// assert_eq!(AgendaItem::CurrentActivity.rule(), Rule::Int3);
    /// ```
    #[must_use]
    pub const fn rule(self) -> Rule {
        Rule::Int3
    }

    /// The item, in English and French.
    ///
    /// ```
    /// use mentor_core::{interview::AgendaItem, Lang};
    /// assert_eq!(AgendaItem::IntroduceYourself.text().get(Lang::Fr), "vous présenter");
    /// ```
    #[must_use]
    pub const fn text(self) -> Text {
        match self {
            AgendaItem::WhatMentorshipIs => Text::new(
                "what mentorship involves, explained by a mentor manager",
                "ce qu'est le mentorat, présenté par un responsable des mentors",
            ),
            AgendaItem::IntroduceYourself => Text::new("introduce yourself", "vous présenter"),
            AgendaItem::CurrentActivity => {
                Text::new("what you currently do", "ce que vous faites actuellement")
            }
            AgendaItem::RecentProjects => Text::new(
                "recent projects you have worked on",
                "des projets récents sur lesquels vous avez travaillé",
            ),
            AgendaItem::YourQuestions => {
                Text::new("answers to your questions", "les réponses à vos questions")
            }
        }
    }
}

/// `{"code", "rule", "text"}`, the text in the caller's language.
impl Localized for AgendaItem {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        ItemWire {
            code: self.code(),
            rule: self.rule(),
            text: self.text().get(lang),
        }
        .serialize(serializer)
    }
}

/// The wire form of a checklist or agenda item.
#[derive(Serialize)]
struct ItemWire {
    code: &'static str,
    rule: Rule,
    text: &'static str,
}

/// The invitation to a video interview (INT-1..3): when (in UTC and on the candidate's wall
/// clock), how long, what to prepare and what will be covered.
///
/// ```
/// use mentor_core::interview::{invitation, ReadinessItem, Slot};
/// let slot = Slot::from_local_json(&serde_json::json!({
///     "local_start": "2026-11-12T18:00", "time_zone": "Europe/Paris", "duration_minutes": 45
/// })).unwrap();
/// let inv = invitation(&slot);
/// assert_eq!(inv.checklist[0], ReadinessItem::Microphone);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invitation {
    /// When.
    pub slot: Slot,
    /// What to prepare (INT-2, and INT-1 for video).
    pub checklist: &'static [ReadinessItem],
    /// What the interview covers (INT-3).
    pub agenda: &'static [AgendaItem],
}

/// The invitation to the interview in `slot` (INT-1..3).
///
/// ```
/// use mentor_core::interview::{invitation, Slot};
/// use mentor_core::{Lang, Localized};
/// let slot = Slot::from_local_json(&serde_json::json!({
///     "local_start": "2026-11-12T18:00", "time_zone": "Europe/Paris", "duration_minutes": 45
/// })).unwrap();
/// let j = invitation(&slot).to_json(Lang::En);
/// assert_eq!(j["start"], "2026-11-12T17:00:00Z");
/// assert_eq!(j["local_start"], "2026-11-12T18:00:00+01:00");
/// assert_eq!(j["agenda"][0]["rule"], "INT-3");
/// ```
#[must_use]
pub fn invitation(slot: &Slot) -> Invitation {
    Invitation {
        slot: *slot,
        checklist: &ReadinessItem::ALL,
        agenda: &AgendaItem::ALL,
    }
}

/// The wire form, texts in the caller's language: `{"start", "end", "local_start",
/// "local_end", "time_zone", "duration_minutes", "checklist": [{"code", "rule", "text"}],
/// "agenda": […]}`. `start` and `end` are UTC instants; `local_start` and `local_end` are the
/// same instants on the candidate's wall clock, with the offset in force then (`+01:00`).
///
/// ```
/// use mentor_core::interview::{invitation, Slot};
/// use mentor_core::{Lang, Localized};
/// let slot = Slot::from_json(&serde_json::json!({
///     "start": "2026-07-01T16:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 60
/// })).unwrap();
/// let j = invitation(&slot).to_json(Lang::Fr);
/// assert_eq!(j["local_end"], "2026-07-01T19:00:00+02:00");
/// assert_eq!(j["checklist"][3]["code"], "camera");
/// assert_eq!(j["checklist"][3]["rule"], "INT-1");
/// ```
impl Localized for Invitation {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            start: String,
            end: String,
            local_start: String,
            local_end: String,
            time_zone: &'static str,
            duration_minutes: u16,
            checklist: In<'a, [ReadinessItem]>,
            agenda: In<'a, [AgendaItem]>,
        }
        let local = |at: DateTime<Utc>| {
            at.with_timezone(&self.slot.time_zone)
                .to_rfc3339_opts(SecondsFormat::AutoSi, false)
        };
        let (start, end) = (self.slot.start, self.slot.end());
        Wire {
            start: format_instant(start),
            end: format_instant(end),
            local_start: local(start),
            local_end: local(end),
            time_zone: self.slot.time_zone.name(),
            duration_minutes: self.slot.duration_minutes,
            checklist: self.checklist.render(lang),
            agenda: self.agenda.render(lang),
        }
        .serialize(serializer)
    }
}

/// [`invitation`] on the wire format: a slot `{"start", "time_zone", "duration_minutes"}` in,
/// the invitation out, texts in `lang`.
///
/// ```
/// use mentor_core::{interview::invitation_json, Lang};
/// let j = invitation_json(&serde_json::json!({
///     "start": "2026-11-12T17:00:00Z", "time_zone": "America/New_York", "duration_minutes": 30
/// }), Lang::En).unwrap();
/// assert_eq!(j["local_start"], "2026-11-12T12:00:00-05:00");
/// ```
///
/// # Errors
/// [`InputError`] when the slot does not parse (see [`Slot::from_json`]).
pub fn invitation_json(slot: &Value, lang: Lang) -> Result<Value, InputError> {
    Ok(invitation(&Slot::from_json(slot)?).to_json(lang))
}
