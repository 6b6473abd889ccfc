//! The generated parts of `docs/errors.md`, `docs/wire-format.md` and the country pages of
//! `docs/registration/` (module [`registration`]). A document is hand-written text with
//! generated blocks, each between `<!-- generated: NAME -->` and
//! `<!-- end generated -->`; [`fill`] rewrites the blocks and keeps the rest. Shared by the
//! `docs` example (which writes the files) and `tests/reference_docs.rs` (which fails when the
//! committed files differ from what this writes).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

#[path = "registration.rs"]
pub mod registration;

/// The command that rewrites every generated document.
pub const REGENERATE: &str = "bash scripts/docs.sh";

const BEGIN: &str = "<!-- generated: ";
const END: &str = "<!-- end generated -->";

/// `doc` with each generated block replaced by `block(name, heading anchor)`; an error names a
/// block without an end, or one `block` does not know.
pub fn fill(doc: &str, block: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = doc;
    while let Some(start) = rest.find(BEGIN) {
        let after = &rest[start + BEGIN.len()..];
        let close = after
            .find("-->")
            .ok_or("a generated block's marker is not closed")?;
        let name = after[..close].trim();
        let end = after
            .find(END)
            .ok_or_else(|| format!("block `{name}` has no `{END}`"))?;
        let text = block(name).ok_or_else(|| format!("no generated block is named `{name}`"))?;
        out.push_str(&rest[..start]);
        out.push_str(&format!("{BEGIN}{name} -->\n\n{}\n{END}", text.trim_end()));
        rest = &after[end + END.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The anchor GitHub gives a heading: lower case, spaces to dashes, punctuation dropped.
pub fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// For each schema block of `doc`, the anchor of the `## ` heading above it.
pub fn section_anchors(doc: &str) -> BTreeMap<String, String> {
    let mut anchors = BTreeMap::new();
    let mut heading = String::new();
    for line in doc.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            heading = anchor(h);
        } else if let Some(name) = line.strip_prefix(BEGIN) {
            anchors.insert(name.trim_end_matches("-->").trim().to_owned(), heading.clone());
        }
    }
    anchors
}

/// The related rules of each error code, from the "Related codes" of `docs/rules.md`.
pub fn related_rules(rules_md: &str) -> BTreeMap<String, Vec<String>> {
    let mut related: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut rule = String::new();
    let mut in_related = false;
    for line in rules_md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            rule = h.trim().to_owned();
            in_related = false;
        }
        if line.starts_with("**Related codes:**") {
            in_related = true;
        } else if line.trim().is_empty() {
            in_related = false;
        }
        if in_related {
            for code in line.split('`').skip(1).step_by(2) {
                related.entry(code.to_owned()).or_default().push(rule.clone());
            }
        }
    }
    related
}

/// The error catalogue: a section per code (`## duplicate_key`), each kind it has with its
/// English and French messages, and the rules it relates to.
pub fn errors(catalogue: &Value, rules_md: &str) -> String {
    let related = related_rules(rules_md);
    let mut by_code: Vec<(String, Vec<&Value>)> = Vec::new();
    for entry in catalogue.as_array().into_iter().flatten() {
        let code = entry["code"].as_str().unwrap_or_default().to_owned();
        match by_code.iter_mut().find(|(c, _)| *c == code) {
            Some((_, entries)) => entries.push(entry),
            None => by_code.push((code, vec![entry])),
        }
    }
    let mut out = String::new();
    for (code, entries) in &by_code {
        out.push_str(&format!("## {code}\n\n"));
        for entry in entries {
            let kind = entry["kind"].as_str().unwrap_or_default();
            out.push_str(&format!("- Kind: [`{kind}`](#kind-{})\n", anchor(kind)));
            out.push_str(&format!(
                "  - en: {}\n",
                escape(entry["en"].as_str().unwrap_or_default())
            ));
            out.push_str(&format!(
                "  - fr: {}\n",
                escape(entry["fr"].as_str().unwrap_or_default())
            ));
        }
        match related.get(code) {
            Some(rules) => {
                let links: Vec<String> = rules
                    .iter()
                    .map(|r| format!("[{r}](rules.md#{})", anchor(r)))
                    .collect();
                out.push_str(&format!("- Rules: {}\n", links.join(", ")));
            }
            None => out.push_str(
                "- Rules: none (the code guards the wire format or the tooling, not a rule of the process)\n",
            ),
        }
        out.push('\n');
    }
    out
}

/// Text for a Markdown table cell or list item: pipes escaped, on one line.
fn escape(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// One row of a field table.
struct Row {
    path: String,
    kind: String,
    required: bool,
    description: String,
}

/// The field table of a schema, its nested objects flattened with dotted paths (`applicant.email`,
/// `subjects[].level`). A field whose shape is another documented schema links to its section
/// (`links`: a schema's root properties, as JSON text, to the anchor of its section).
pub fn fields(schema: &Value, links: &[(Value, String)]) -> String {
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    let ctx = Ctx { defs: &defs, links };
    let mut out = String::new();
    let variants: Vec<Value> = match schema.get("oneOf").and_then(Value::as_array) {
        Some(v) if schema.get("properties").is_none() => v.iter().map(|s| ctx.resolve(s)).collect(),
        _ => vec![schema.clone()],
    };
    for (i, variant) in variants.iter().enumerate() {
        if variants.len() > 1 {
            let d = variant["description"].as_str().unwrap_or_default();
            out.push_str(&format!("One of ({}): {}\n\n", i + 1, escape(d)));
        }
        let mut rows = Vec::new();
        ctx.object(variant, "", &mut rows, 0);
        out.push_str("| Field | Type | Required | Description |\n|---|---|---|---|\n");
        for r in rows {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                r.path,
                r.kind,
                if r.required { "yes" } else { "no" },
                r.description
            ));
        }
        out.push('\n');
    }
    out
}

struct Ctx<'a> {
    defs: &'a Value,
    links: &'a [(Value, String)],
}

impl Ctx<'_> {
    /// The schema a `$ref` points to, with the referring schema's own keys over it.
    fn resolve(&self, schema: &Value) -> Value {
        let Some(target) = schema.get("$ref").and_then(Value::as_str) else {
            return schema.clone();
        };
        let name = target.trim_start_matches("#/$defs/");
        let mut merged: Map<String, Value> = self.defs[name].as_object().cloned().unwrap_or_default();
        for (k, v) in schema.as_object().into_iter().flatten() {
            if k != "$ref" {
                merged.insert(k.clone(), v.clone());
            }
        }
        Value::Object(merged)
    }

    /// The schema without its `null` alternative, and whether it had one.
    fn nullable(&self, schema: &Value) -> (Value, bool) {
        let schema = self.resolve(schema);
        for key in ["anyOf", "oneOf"] {
            if let Some(alts) = schema.get(key).and_then(Value::as_array) {
                let others: Vec<&Value> = alts
                    .iter()
                    .filter(|a| a.get("type") != Some(&Value::from("null")))
                    .collect();
                if others.len() < alts.len() && others.len() == 1 {
                    let mut inner = self.resolve(others[0]).as_object().cloned().unwrap_or_default();
                    if let Some(d) = schema.get("description") {
                        inner.insert("description".into(), d.clone());
                    }
                    return (Value::Object(inner), true);
                }
            }
        }
        let null = schema["type"]
            .as_array()
            .is_some_and(|t| t.contains(&Value::from("null")));
        (schema, null)
    }

    fn link(&self, schema: &Value) -> Option<&str> {
        let props = schema.get("properties")?;
        self.links
            .iter()
            .find(|(p, _)| p == props)
            .map(|(_, a)| a.as_str())
    }

    fn object(&self, schema: &Value, prefix: &str, rows: &mut Vec<Row>, depth: usize) {
        let required: Vec<&str> = schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let Some(props) = schema.get("properties").and_then(Value::as_object) else {
            return;
        };
        let mut keys: Vec<&String> = props.keys().collect();
        keys.sort_by_key(|k| required.iter().position(|r| r == k).unwrap_or(usize::MAX));
        for key in keys {
            let path = format!("{prefix}{key}");
            self.field(&props[key], &path, required.contains(&key.as_str()), rows, depth);
        }
    }

    fn field(&self, raw: &Value, path: &str, required: bool, rows: &mut Vec<Row>, depth: usize) {
        let (schema, null) = self.nullable(raw);
        let mut description = schema["description"].as_str().map(escape).unwrap_or_default();
        let (kind, child) = self.kind(&schema, &mut description);
        let kind = if null { format!("{kind} or null") } else { kind };
        let link = child.as_ref().and_then(|c| self.link(c));
        if let Some(anchor) = link {
            description = format!("{description} See [its fields](#{anchor}).")
                .trim()
                .to_owned();
        }
        rows.push(Row {
            path: path.to_owned(),
            kind,
            required,
            description,
        });
        if let (Some(child), None) = (child, link) {
            let suffix = if schema.get("items").is_some() { "[]." } else { "." };
            if child.get("properties").is_some() {
                self.object(&child, &format!("{path}{suffix}"), rows, depth + 1);
            } else if let Some(map) = child.get("additionalProperties").filter(|v| v.is_object()) {
                self.field(map, &format!("{path}.*"), false, rows, depth + 1);
            }
        }
    }

    /// The type's name and the object (or map) whose fields come under it, if any; notes on
    /// the value (vocabulary, limits, default) added to `description`.
    fn kind(&self, schema: &Value, description: &mut String) -> (String, Option<Value>) {
        let mut notes = Vec::new();
        let values = vocabulary(schema);
        if !values.is_empty() {
            notes.push(format!("One of: {}.", values.join(", ")));
        }
        if let Some(c) = schema.get("const") {
            notes.push(format!("Always `{c}`."));
        }
        for (key, text) in [("minimum", "at least"), ("maximum", "at most")] {
            if let Some(n) = schema.get(key) {
                notes.push(format!("{} {n}.", capital(text)));
            }
        }
        if let Some(n) = schema.get("maxLength") {
            notes.push(format!("At most {n} characters."));
        }
        if let Some(n) = schema.get("minItems") {
            notes.push(format!("At least {n} item(s)."));
        }
        if let Some(p) = schema.get("pattern").and_then(Value::as_str) {
            notes.push(format!("Pattern `{}`.", p.replace('|', "\\|")));
        }
        if let Some(d) = schema.get("default") {
            notes.push(format!("Default `{d}`."));
        }
        if !notes.is_empty() {
            *description = format!("{description} {}", notes.join(" ")).trim().to_owned();
        }
        let types: Vec<&str> = match &schema["type"] {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| *t != "null")
                .collect(),
            _ if !values.is_empty() || schema.get("const").is_some_and(Value::is_string) => vec!["string"],
            _ if schema.get("const").is_some_and(Value::is_boolean) => vec!["boolean"],
            _ => vec![],
        };
        let format = schema
            .get("format")
            .and_then(Value::as_str)
            .map(|f| format!(" ({f})"))
            .unwrap_or_default();
        match types.first().copied() {
            Some("array") => {
                let (items, _) = self.nullable(&schema["items"]);
                let mut ignored = String::new();
                let (item, child) = self.kind(&items, &mut ignored);
                let item_values = vocabulary(&items);
                if !item_values.is_empty() {
                    *description = format!("{description} Each one of: {}.", item_values.join(", "))
                        .trim()
                        .to_owned();
                }
                (format!("array of {item}"), child)
            }
            Some("object") => (
                if schema.get("additionalProperties").is_some_and(Value::is_object) {
                    "map".into()
                } else {
                    "object".into()
                },
                Some(schema.clone()),
            ),
            Some(t) => (format!("{t}{format}"), None),
            None => match schema
                .get("oneOf")
                .or_else(|| schema.get("anyOf"))
                .and_then(Value::as_array)
            {
                Some(alts) => {
                    let objects: Vec<Value> = alts
                        .iter()
                        .map(|a| self.resolve(a))
                        .filter(|a| a.get("properties").is_some())
                        .collect();
                    (String::from("object"), merge(&objects))
                }
                None => (String::from("any"), None),
            },
        }
    }
}

fn capital(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The values of an enumeration (`enum`, or `oneOf` of constants with their descriptions).
fn vocabulary(schema: &Value) -> Vec<String> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| format!("`{}`", v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
            .collect();
    }
    let Some(alts) = schema.get("oneOf").and_then(Value::as_array) else {
        return vec![];
    };
    if !alts.iter().all(|a| a.get("const").is_some()) {
        return vec![];
    }
    alts.iter()
        .filter_map(|a| {
            let v = a["const"].as_str()?;
            Some(match a["description"].as_str() {
                Some(d) => format!("`{v}` ({})", escape(d).trim_end_matches('.')),
                None => format!("`{v}`"),
            })
        })
        .collect()
}

/// Objects that are alternatives, as one: every property of any of them (the values it takes
/// in each, where they differ), required where all require it.
fn merge(objects: &[Value]) -> Option<Value> {
    let first = objects.first()?;
    let mut shapes: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut order = Vec::new();
    for o in objects {
        for (k, v) in o["properties"].as_object().into_iter().flatten() {
            let seen = shapes.entry(k.clone()).or_default();
            if seen.is_empty() {
                order.push(k.clone());
            }
            // A bare `anyOf` (a nullable value) counts as its alternatives, so a scheme that is
            // set in one object and nullable in the other merges to "scheme or null".
            let leaves = match v.get("anyOf").and_then(Value::as_array) {
                Some(alts) if v.as_object().is_some_and(|o| o.len() == 1) => alts.clone(),
                _ => vec![v.clone()],
            };
            for leaf in leaves {
                if !seen.contains(&leaf) {
                    seen.push(leaf);
                }
            }
        }
    }
    let mut props = Map::new();
    for key in order {
        let alternatives = shapes.remove(&key).unwrap_or_default();
        let merged = match alternatives.as_slice() {
            [one] => one.clone(),
            many if many.iter().all(|a| a.get("const").is_some()) => {
                let values: Vec<Value> = many.iter().map(|a| a["const"].clone()).collect();
                let kind = if values.iter().all(Value::is_boolean) {
                    "boolean"
                } else {
                    "string"
                };
                serde_json::json!({"type": kind, "enum": values})
            }
            many => serde_json::json!({"anyOf": many}),
        };
        props.insert(key, merged);
    }
    let required: Vec<Value> = first["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|k| {
            objects
                .iter()
                .all(|o| o["required"].as_array().is_some_and(|r| r.contains(k)))
        })
        .cloned()
        .collect();
    Some(serde_json::json!({"type": "object", "properties": props, "required": required}))
}

/// Each generated document of `docs` (`errors.md`, `wire-format.md`, `registration/<cc>.md`)
/// with its text as this writes it, or why it cannot be written.
pub fn documents(docs: &std::path::Path) -> Vec<(String, Result<String, String>)> {
    let read = |name: &str| std::fs::read_to_string(docs.join(name)).map_err(|e| format!("{name}: {e}"));
    let errors = read("rules.md").and_then(|rules| {
        let table = self::errors(&mentor_core::error_codes(), &rules);
        read("errors.md").and_then(|doc| fill(&doc, &|name| (name == "catalogue").then(|| table.clone())))
    });
    let wire = read("wire-format.md").and_then(|doc| {
        let anchors = section_anchors(&doc);
        let schemas = mentor_core::schema::all();
        let missing: Vec<&str> = schemas
            .iter()
            .map(|s| s.name)
            .filter(|n| !anchors.contains_key(*n))
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "wire-format.md has no generated block for the schemas {missing:?}"
            ));
        }
        let links: Vec<(Value, String)> = schemas
            .iter()
            .filter_map(|s| Some((s.schema.get("properties")?.clone(), anchors.get(s.name)?.clone())))
            .collect();
        fill(&doc, &|name| {
            let schema = schemas.iter().find(|s| s.name == name)?;
            let own: Vec<(Value, String)> = links
                .iter()
                .filter(|(p, _)| Some(p) != schema.schema.get("properties"))
                .cloned()
                .collect();
            Some(fields(&schema.schema, &own))
        })
    });
    let mut all = vec![
        ("errors.md".to_owned(), errors),
        ("wire-format.md".to_owned(), wire),
    ];
    all.extend(registration::pages(docs));
    all
}
