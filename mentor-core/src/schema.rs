//! The JSON Schema (draft 2020-12) of each wire input (DESIGN 4), with the `schema` feature:
//! what the library reads, field by field, with each field's description, JSON type, limits
//! and vocabulary, taken from the declarations the library reads the input with (its raw
//! forms, `raw_form!`, and the policy's types). `docs/schema/` holds them, written by
//! `scripts/schema.sh`; a test fails when they drift from the code.
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

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::Value;

use crate::application::ApplicationForm;
use crate::billing::SessionForm;
use crate::policy::Policy;
use crate::situation::SituationForm;

/// The command that writes the schemas to `docs/schema/` (what a drift test tells to run).
pub const REGENERATE: &str = "bash scripts/schema.sh";

/// The schema of one wire input.
#[derive(Clone, Debug, PartialEq)]
pub struct InputSchema {
    /// Its name: the file is `docs/schema/<name>.schema.json`.
    pub name: &'static str,
    /// The schema, a JSON Schema 2020-12 document.
    pub schema: Value,
}

impl InputSchema {
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

/// The schemas of the wire inputs, in the order of DESIGN 4:
/// - `application-form`: an application form (4.2), what `validate`, `triage` and the CLI's
///   `triage` read;
/// - `working-situation`: a working situation on its own (4.3), what the eligibility decision
///   reads (its `country` is then required);
/// - `policy`: a policy file (4.5), as JSON (a TOML file has the same keys);
/// - `billing-session`: one session of a billing statement (4.10).
#[must_use]
pub fn inputs() -> Vec<InputSchema> {
    vec![
        InputSchema { name: "application-form", schema: root::<ApplicationForm<'static>>("Application form") },
        InputSchema { name: "working-situation", schema: situation_alone(root::<SituationForm<'static>>("Working situation")) },
        InputSchema { name: "policy", schema: root::<Policy>("Policy") },
        InputSchema { name: "billing-session", schema: root::<SessionForm<'static>>("Billing session") },
    ]
}

/// The schema of `T` as a document of its own (JSON Schema 2020-12, the forms it refers to
/// under `$defs`), with its title.
fn root<T: JsonSchema>(title: &str) -> Value {
    let mut schema = SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>();
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
/// the default: DESIGN 4.3), as a string.
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
