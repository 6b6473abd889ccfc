//! The JSON Schema (draft 2020-12) of each wire input and of the main answers (`docs/wire-format.md`), with
//! the `schema` feature. An input's schema says what the library reads, field by field, with
//! each field's description, JSON type, limits and vocabulary, taken from the declarations the
//! library reads the input with (its raw forms, `raw_form!`, and the policy's types). An
//! answer's schema is written beside the one serializer that writes the answer (its
//! `Serialize` or `Localized` impl), its vocabularies taken from the types the answer writes.
//! `docs/schema/` holds them, written by `scripts/schema.sh`; a test fails when they drift
//! from the code, and another holds real answers to them.
//!
//! A schema says what a well-formed input looks like. The library checks more than a schema
//! can say (an e-mail's form, an assigned country code, a registration number's check digit),
//! and tolerates some input a schema calls malformed (spaces around a text, blank text where a
//! value is optional): the tests hold every example, vector and fixture the library accepts to
//! be valid against its schema.
//!
//! ```
//! let inputs = mentor_core::schema::inputs();
//! let form = inputs.iter().find(|s| s.name == "application-form").unwrap();
//! assert_eq!(form.schema["properties"]["subjects"]["minItems"], 1);
//! assert_eq!(form.schema["additionalProperties"], false);
//! ```

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::application::{ApplicationForm, Validation};
use crate::billing::{InvoiceCheck, SessionForm, Statement};
use crate::contract::Contract;
use crate::eligibility::Decision;
use crate::error::FieldError;
use crate::lifecycle::Replay;
use crate::policy::Policy;
use crate::recruitment::Application;
use crate::registration::IdCheck;
use crate::situation::SituationForm;
use crate::triage::Entry;

/// The command that writes the schemas to `docs/schema/` (what a drift test tells to run).
pub const REGENERATE: &str = "bash scripts/schema.sh";

/// The schema of one wire input or answer.
#[derive(Clone, Debug, PartialEq)]
pub struct WireSchema {
    /// Its name: the file is `docs/schema/<name>.schema.json`.
    pub name: &'static str,
    /// The schema, a JSON Schema 2020-12 document.
    pub schema: Value,
}

impl WireSchema {
    /// The file's name in `docs/schema/`.
    #[must_use]
    pub fn file_name(&self) -> String {
        format!("{}.schema.json", self.name)
    }

    /// The file's text: JSON, pretty-printed with keys sorted (a stable text, so that a
    /// change in a schema is a change in its file), and a final newline.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(&sorted(&self.schema)).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The schemas of the wire inputs, in the order of `docs/wire-format.md`:
/// - `application-form`: an application form (`docs/wire-format.md#application-form`), what
///   `validate`, `triage` and the CLI's `triage` read;
/// - `working-situation`: a working situation on its own
///   (`docs/wire-format.md#working-situation`), what the eligibility decision reads (its
///   `country` is then required);
/// - `policy`: a policy file (`docs/policy.md`), as JSON (a TOML file has the same keys);
/// - `billing-session`: one session of a billing statement (`docs/billing.md`).
#[must_use]
pub fn inputs() -> Vec<WireSchema> {
    vec![
        WireSchema {
            name: "application-form",
            schema: root::<ApplicationForm<'static>>("Application form"),
        },
        WireSchema {
            name: "working-situation",
            schema: situation_alone(root::<SituationForm<'static>>("Working situation")),
        },
        WireSchema {
            name: "policy",
            schema: root::<Policy>("Policy"),
        },
        WireSchema {
            name: "billing-session",
            schema: root::<SessionForm<'static>>("Billing session"),
        },
    ]
}

/// The schemas of the main answers, in either language (messages are free text):
/// - `field-error`: a field error (`docs/wire-format.md#field-errors`);
/// - `validation`: what `validate` says of a form (`{"valid", "reference", "completeness",
///   "errors"}`);
/// - `decision`: the eligibility decision (`docs/wire-format.md#decision`);
/// - `triage-entry`: one line of `triage --json` (`docs/cli.md`);
/// - `registration-check`: what `validate-id` says of a number, well-formed or not (`docs/cli.md`);
/// - `replay`: the report of a replayed event log, of an application or a contract (`docs/lifecycles.md`);
/// - `statement`: a monthly billing statement (`docs/billing.md`);
/// - `invoice-check`: a received invoice checked against its statement (`docs/billing.md`).
///
/// Each object lists its keys as `required` and allows no other (but a replay's `data`, which
/// each aggregate writes its own way): an answer that gains a key must say so in its schema.
#[must_use]
pub fn outputs() -> Vec<WireSchema> {
    vec![
        WireSchema {
            name: "field-error",
            schema: root::<FieldError>("Field error"),
        },
        WireSchema {
            name: "validation",
            schema: root::<Validation>("Validation"),
        },
        WireSchema {
            name: "decision",
            schema: root::<Decision>("Eligibility decision"),
        },
        WireSchema {
            name: "triage-entry",
            schema: root::<Entry>("Triage entry"),
        },
        WireSchema {
            name: "registration-check",
            schema: root::<IdCheck<'static>>("Registration number check"),
        },
        WireSchema {
            name: "replay",
            schema: root::<AnyReplay>("Replay"),
        },
        WireSchema {
            name: "statement",
            schema: root::<Statement<'static>>("Billing statement"),
        },
        WireSchema {
            name: "invoice-check",
            schema: root::<InvoiceCheck>("Invoice check"),
        },
    ]
}

/// Every schema: [`inputs`], then [`outputs`].
#[must_use]
pub fn all() -> Vec<WireSchema> {
    let mut all = inputs();
    all.extend(outputs());
    all
}

/// A replay of either lifecycle, told apart by `aggregate`.
struct AnyReplay;

impl JsonSchema for AnyReplay {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Replay")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"oneOf": [generator.subschema_for::<Replay<Application>>(), generator.subschema_for::<Replay<Contract>>()]})
    }
}

/// The schema of `T` as a document of its own (JSON Schema 2020-12, the forms it refers to
/// under `$defs`), with its title.
fn root<T: JsonSchema>(title: &str) -> Value {
    let mut schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("title".to_owned(), Value::from(title));
    let mut schema = schema.to_value();
    descriptions(&mut schema, false);
    schema
}

/// Every description as the wire's users read it: the first paragraph of the doc comment it
/// comes from, on one line (the paragraphs after it, examples included, are for the code's
/// readers). `properties` is set where the keys are property names, not keywords.
fn descriptions(value: &mut Value, properties: bool) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                match item {
                    Value::String(text) if key == "description" && !properties => {
                        let first = text.split("\n\n").next().unwrap_or_default();
                        *text = first.split_whitespace().collect::<Vec<_>>().join(" ");
                    }
                    _ => descriptions(item, !properties && key == "properties"),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| descriptions(item, false)),
        _ => {}
    }
}

/// A working situation read on its own must give its country (in a form, the applicant's is
/// the default: `docs/wire-format.md#working-situation`), as a string.
fn situation_alone(mut schema: Value) -> Value {
    if let Some(Value::Object(country)) = schema.pointer_mut("/properties/country") {
        country.insert("type".to_owned(), Value::from("string"));
    }
    if let Some(map) = schema.as_object_mut() {
        let required = map.entry("required").or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(keys) = required {
            keys.insert(0, Value::from("country"));
        }
    }
    schema
}

/// The value with every object's keys in order, whatever the map type `serde_json` was built
/// with.
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k.clone(), sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}
