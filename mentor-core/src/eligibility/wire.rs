//! The decision's wire form (`docs/wire-format.md#decision`), written straight into any serde serializer:
//! JSON text, a `serde_json::Value`, or a binding's native objects (Python dicts, JS objects),
//! without building an intermediate tree. Messages are rendered here, only when the decision
//! is serialized, in the caller's language.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{Action, ActionCode, Decision, Outcome, Party, Payout, Reason, RegistrationCheck};
use crate::i18n::{Lang, Localized};
use crate::registration::{self, CountryRules, SelfEmployedStatus};
use crate::rule::Rule;

/// The decision's wire form (`docs/wire-format.md#decision`: `outcome`, `contracting_party`,
/// `invoicing_party`, `payout`, `registration`, `required_actions`, `recommended_actions`, `reasons`), keys
/// in that order.
///
/// ```
/// use mentor_core::eligibility::{evaluate, WorkingSituation};
/// use mentor_core::{policy::Policy, Lang, Localized};
/// let s = WorkingSituation::from_json_str(r#"{"country": "FR", "status": "student"}"#).unwrap();
/// let text = serde_json::to_string(&evaluate(&s, &Policy::default()).render(Lang::En)).unwrap();
/// assert!(text.starts_with(r#"{"outcome":"action_required","contracting_party":"mentor_business""#));
/// ```
impl Localized for Decision {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self;
        Wire {
            outcome: d.outcome,
            contracting_party: d.contracting_party,
            invoicing_party: d.invoicing_party,
            payout: d.payout,
            registration: d.registration.map(|check| RegistrationWire { check, lang }),
            required_actions: Actions {
                list: &d.required_actions,
                decision: d,
                lang,
            },
            recommended_actions: Actions {
                list: &d.recommended_actions,
                decision: d,
                lang,
            },
            reasons: Reasons {
                list: &d.reasons,
                lang,
            },
        }
        .serialize(serializer)
    }
}

/// The schema of the wire form above (`decision` in docs/schema/).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Decision {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Decision")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let party = generator.subschema_for::<Option<Party>>();
        let registration = registration::checked_schema(generator, &[]);
        let actions = schemars::json_schema!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "code": generator.subschema_for::<ActionCode>(),
                    "rule": generator.subschema_for::<Rule>(),
                    "message": {"type": "string"},
                    "params": {
                        "type": "object",
                        "description": "By code: the country and its statuses, procedure and schemes; or, for a number that is not well-formed, the closest scheme, the error and a well-formed example of that scheme (a sample of the format, not a correction of the applicant's number).",
                        "properties": {
                            "country": generator.subschema_for::<crate::CountryCode>(),
                            "statuses": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {"local_name": {"type": "string"}, "gloss": {"type": "string"}},
                                    "required": ["local_name", "gloss"],
                                    "additionalProperties": false,
                                },
                            },
                            "procedure": {"type": "string"},
                            "schemes": {"type": "array", "items": generator.subschema_for::<registration::SchemeId>()},
                            "scheme": generator.subschema_for::<registration::SchemeId>(),
                            "error": {"type": "string", "enum": registration::InvalidReason::ALL.map(registration::InvalidReason::code)},
                            "example": {"type": "string"},
                        },
                        "additionalProperties": false,
                    },
                },
                "required": ["code", "rule", "message", "params"],
                "additionalProperties": false,
            },
        });
        schemars::json_schema!({
            "type": "object",
            "description": "The eligibility decision (`docs/wire-format.md#decision`).",
            "properties": {
                "outcome": generator.subschema_for::<Outcome>(),
                "contracting_party": party,
                "invoicing_party": party,
                "payout": generator.subschema_for::<Option<Payout>>(),
                "registration": {"anyOf": [registration, {"type": "null"}]},
                "required_actions": actions,
                "recommended_actions": actions,
                "reasons": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "code": generator.subschema_for::<super::ReasonCode>(),
                            "rule": generator.subschema_for::<Rule>(),
                            "message": {"type": "string"},
                        },
                        "required": ["code", "rule", "message"],
                        "additionalProperties": false,
                    },
                },
            },
            "required": ["outcome", "contracting_party", "invoicing_party", "payout", "registration", "required_actions", "recommended_actions", "reasons"],
            "additionalProperties": false,
        })
    }
}

#[derive(Serialize)]
struct Wire<'a> {
    outcome: Outcome,
    contracting_party: Option<Party>,
    invoicing_party: Option<Party>,
    payout: Option<Payout>,
    registration: Option<RegistrationWire>,
    required_actions: Actions<'a>,
    recommended_actions: Actions<'a>,
    reasons: Reasons<'a>,
}

/// `registration`: the shape of `validate-id` (see [`registration::Checked`]).
struct RegistrationWire {
    check: RegistrationCheck,
    lang: Lang,
}

impl Serialize for RegistrationWire {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.check {
            RegistrationCheck::WellFormed(n) => registration::Checked::WellFormed(n).serialize(serializer),
            RegistrationCheck::NotWellFormed(e) => {
                registration::Checked::Invalid(*e, self.lang).serialize(serializer)
            }
        }
    }
}

struct Actions<'a> {
    list: &'a [Action],
    decision: &'a Decision,
    lang: Lang,
}

impl Serialize for Actions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.list.len()))?;
        for action in self.list {
            seq.serialize_element(&ActionWire {
                code: action.code,
                rule: action.rule,
                message: ActionMessage {
                    code: action.code,
                    decision: self.decision,
                    lang: self.lang,
                },
                params: Params {
                    code: action.code,
                    decision: self.decision,
                    lang: self.lang,
                },
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct ActionWire<'a> {
    code: ActionCode,
    rule: Rule,
    message: ActionMessage<'a>,
    params: Params<'a>,
}

struct ActionMessage<'a> {
    code: ActionCode,
    decision: &'a Decision,
    lang: Lang,
}

impl Serialize for ActionMessage<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match super::action_message(self.code, self.lang) {
            Message::Fixed(text) => serializer.serialize_str(text),
            Message::Country(before, after) => {
                serializer.collect_str(&format_args!("{before}{}{after}", self.decision.country))
            }
        }
    }
}

/// An action's message: fixed, or a country code between two fixed parts.
pub(super) enum Message {
    Fixed(&'static str),
    Country(&'static str, &'static str),
}

/// `params` of an action, by code: the country and what the library knows of its statuses,
/// procedure and schemes (WS-5, WS-1); or, for a number that is not well-formed, the closest
/// scheme, the error and a well-formed example of that scheme (a sample of the format, not a
/// correction of the applicant's number).
struct Params<'a> {
    code: ActionCode,
    decision: &'a Decision,
    lang: Lang,
}

impl Serialize for Params<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let country = self.decision.country;
        let rules = registration::rules(country);
        let mut map = serializer.serialize_map(None)?;
        match self.code {
            ActionCode::RegisterAsSelfEmployed | ActionCode::RegisterBusiness => {
                map.serialize_entry("country", &country)?;
                if let Some(rules) = rules {
                    map.serialize_entry(
                        "statuses",
                        &Statuses {
                            rules,
                            lang: self.lang,
                        },
                    )?;
                    map.serialize_entry("procedure", rules.procedure.get(self.lang))?;
                }
            }
            ActionCode::ProvideRegistrationNumber => {
                map.serialize_entry("country", &country)?;
                if let Some(rules) = rules {
                    map.serialize_entry("schemes", &Schemes(rules))?;
                }
            }
            ActionCode::FixRegistrationNumber => {
                if let Some(RegistrationCheck::NotWellFormed(e)) = self.decision.registration {
                    map.serialize_entry("scheme", &e.scheme)?;
                    map.serialize_entry("error", &e.reason)?;
                    map.serialize_entry("example", e.scheme.scheme().example)?;
                }
            }
            ActionCode::ChooseRoute | ActionCode::ObtainEmployerAgreement | ActionCode::InformEmployer => {}
        }
        map.end()
    }
}

/// `schemes`: the ids of a country's schemes.
struct Schemes<'a>(&'a CountryRules);

impl Serialize for Schemes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.schemes.iter().map(|s| s.id))
    }
}

struct Statuses<'a> {
    rules: &'a CountryRules,
    lang: Lang,
}

impl Serialize for Statuses<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rules.statuses.iter().map(|s| Status {
            status: s,
            lang: self.lang,
        }))
    }
}

struct Status<'a> {
    status: &'a SelfEmployedStatus,
    lang: Lang,
}

impl Serialize for Status<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("local_name", self.status.local_name)?;
        map.serialize_entry("gloss", self.status.gloss.get(self.lang))?;
        map.end()
    }
}

struct Reasons<'a> {
    list: &'a [Reason],
    lang: Lang,
}

impl Serialize for Reasons<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.list.len()))?;
        for reason in self.list {
            seq.serialize_element(&ReasonWire {
                code: reason.code,
                rule: reason.rule,
                message: super::reason_text(reason.code).get(self.lang),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct ReasonWire {
    code: super::ReasonCode,
    rule: Rule,
    message: &'static str,
}
