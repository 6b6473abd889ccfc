//! The JSON Schema of a raw form (the `schema` feature), written by `raw_form!` from the same
//! list of fields that reads the form: each field's JSON type comes from its Rust type
//! ([`Field`] is "absent, `null`, or the value"), its description from its doc comment, and its
//! limits from the rules of its `#[schema(…)]` attribute, which name the constants the reader
//! checks (`max_chars(NAME_MAX)`, `integer(0, YEARS_MAX)`, `one_of(LEVELS)`…). So a field is
//! declared once, and its schema (docs/schema/) follows it.
//!
//! The schema says what a well-formed input looks like. The library checks more (an e-mail's
//! form, an assigned country code), so a valid input may still be refused; and it reads some
//! malformed input leniently (text is trimmed before it is measured, blank text counts as
//! absent, a `null` item of a list of texts is skipped), which the schema does not promise.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use super::{Field, Number, Obj};

/// A field's schema is its value's: absent and `null` are said by the form (`required`, and
/// `null` allowed where the field is optional), not by the value's type.
impl<T: JsonSchema> JsonSchema for Field<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!("Field<{}>", T::schema_id()))
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

/// An object field is its raw form (a reference to the form's own schema).
impl<T: JsonSchema> JsonSchema for Obj<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!("Obj<{}>", T::schema_id()))
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
}

/// Any JSON number; a field's `integer` rule makes it a whole number in a range.
impl JsonSchema for Number {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Number")
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        object([("type", Value::from("number"))])
    }
}

/// A schema of the given keywords.
fn object<const N: usize>(entries: [(&str, Value); N]) -> Schema {
    Schema::from(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect::<Map<String, Value>>(),
    )
}

/// The description of a doc comment: its first paragraph, its lines joined (the paragraphs
/// after it are for the code's readers, not the wire's).
fn description(doc: &[&str]) -> String {
    let lines = doc
        .iter()
        .map(|line| line.trim())
        .take_while(|line| !line.is_empty());
    lines.collect::<Vec<_>>().join(" ")
}

/// One property of a raw form's schema: the schema of the field's type, then each rule of its
/// `#[schema(…)]` attribute, applied in turn by `raw_form!`.
pub(crate) struct Property {
    schema: Schema,
    required: bool,
}

impl Property {
    /// The property of a field of type `T`, described by its doc comment's lines.
    pub(crate) fn new<T: JsonSchema>(generator: &mut SchemaGenerator, doc: &[&str]) -> Property {
        let mut schema = generator.subschema_for::<T>();
        let text = description(doc);
        if !text.is_empty() {
            schema.insert("description".to_owned(), Value::from(text));
        }
        Property {
            schema,
            required: false,
        }
    }

    /// Sets a keyword of the value: of the items of a list (a list of texts is limited item by
    /// item), of the value itself otherwise.
    fn set(&mut self, key: &str, value: Value) {
        let is_list = self.schema.get("type").and_then(Value::as_str) == Some("array");
        let items = if is_list {
            self.schema.get_mut("items")
        } else {
            None
        };
        match items {
            Some(Value::Object(items)) => {
                items.insert(key.to_owned(), value);
            }
            _ => {
                self.schema.insert(key.to_owned(), value);
            }
        }
    }

    /// The field must be given, and not `null` (a required text must not be blank either, as
    /// the reader says: `required`).
    pub(crate) fn required(mut self) -> Property {
        self.required = true;
        self
    }

    /// A text of at most `max` characters (each text of a list).
    pub(crate) fn max_chars(mut self, max: usize) -> Property {
        self.set("maxLength", Value::from(max));
        self
    }

    /// A whole number from `lo` to `hi` (`6.0` counts as whole, as for the reader).
    pub(crate) fn integer(mut self, lo: i64, hi: i64) -> Property {
        self.set("type", Value::from("integer"));
        self.set("minimum", Value::from(lo));
        self.set("maximum", Value::from(hi));
        self
    }

    /// One of a vocabulary's names, listed from the table the reader reads it with.
    pub(crate) fn one_of<T>(mut self, table: &[(&str, T)]) -> Property {
        let names = table.iter().map(|(name, _)| Value::from(*name)).collect();
        self.set("enum", Value::Array(names));
        self
    }

    /// A text that matches a regular expression (ECMA-262, as JSON Schema reads them).
    pub(crate) fn pattern(mut self, pattern: &str) -> Property {
        self.set("pattern", Value::from(pattern));
        self
    }

    /// A list of at least `min` items.
    pub(crate) fn min_items(mut self, min: usize) -> Property {
        self.schema.insert("minItems".to_owned(), Value::from(min));
        self
    }

    /// A text of a JSON Schema format (`date-time`: RFC 3339), as an annotation.
    pub(crate) fn format(mut self, format: &str) -> Property {
        self.set("format", Value::from(format));
        self
    }

    /// The property's schema in its form: an optional field may also be `null` (`docs/wire-format.md`: the
    /// same as absent).
    fn finish(self) -> Schema {
        if self.required {
            return self.schema;
        }
        let mut schema = self.schema;
        let map = schema.ensure_object();
        if map.contains_key("$ref") {
            let description = map.remove("description");
            let reference = Value::Object(std::mem::take(map));
            map.insert(
                "anyOf".to_owned(),
                Value::Array(vec![reference, serde_json::json!({"type": "null"})]),
            );
            if let Some(description) = description {
                map.insert("description".to_owned(), description);
            }
            return schema;
        }
        if let Some(Value::Array(names)) = map.get_mut("enum") {
            names.push(Value::Null);
        }
        if let Some(Value::String(ty)) = map.get("type") {
            let types = Value::Array(vec![Value::from(ty.as_str()), Value::from("null")]);
            map.insert("type".to_owned(), types);
        }
        schema
    }
}

/// A raw form's schema, property by property, as `raw_form!` writes it: an object of the
/// form's keys, no other key (`unknown_field`).
pub(crate) struct Form {
    properties: Map<String, Value>,
    required: Vec<Value>,
    description: String,
}

impl Form {
    /// An object described by the form's doc comment.
    pub(crate) fn new(doc: &[&str]) -> Form {
        Form {
            properties: Map::new(),
            required: Vec::new(),
            description: description(doc),
        }
    }

    /// Adds the field `key`.
    pub(crate) fn property(&mut self, key: &str, property: Property) {
        if property.required {
            self.required.push(Value::from(key));
        }
        self.properties
            .insert(key.to_owned(), property.finish().to_value());
    }

    /// The form's schema.
    pub(crate) fn finish(self) -> Schema {
        let mut schema = object([
            ("type", Value::from("object")),
            ("properties", Value::Object(self.properties)),
            ("additionalProperties", Value::Bool(false)),
        ]);
        if !self.required.is_empty() {
            schema.insert("required".to_owned(), Value::Array(self.required));
        }
        if !self.description.is_empty() {
            schema.insert("description".to_owned(), Value::from(self.description));
        }
        schema
    }
}
