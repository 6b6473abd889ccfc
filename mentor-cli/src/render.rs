//! Human and JSON renderings of the core's answers. Text only; no rule lives here.

use std::fmt::Write as _;
use std::io;

use mentor_core::eligibility::{Decision, RegistrationCheck};
use mentor_core::lifecycle::BadRecord;
use mentor_core::triage::{self, Entry, Status};
use mentor_core::{FieldError, Lang, Localized, Text};
use serde_json::{Value, json};

/// A short text in `lang` (the core's [`Text`], written inline).
pub fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    Text::new(en, fr).get(lang)
}

/// Left-aligned columns, two spaces apart; the last `right` columns right-aligned.
pub fn table(rows: &[Vec<String>], right: usize, indent: &str) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                if i + right >= columns {
                    format!("{c:>w$}")
                } else {
                    format!("{c:<w$}")
                }
            })
            .collect();
        let _ = writeln!(out, "{indent}{}", cells.join("  ").trim_end());
    }
    out
}

/// One JSON object per line, written to `out` as each is made (a million entries need no
/// string of their own).
///
/// # Errors
/// `out`'s own.
pub fn write_json_lines(
    out: &mut dyn io::Write,
    entries: impl IntoIterator<Item = Entry>,
    lang: Lang,
) -> io::Result<()> {
    for e in entries {
        serde_json::to_writer(&mut *out, &e.render(lang))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn as_code(v: &impl serde::Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        Ok(Value::Null) => "-".to_owned(),
        Ok(other) => other.to_string(),
        Err(_) => "?".to_owned(),
    }
}

/// A table: one row per form, then the details of each form (actions, errors), then the
/// totals. Each entry is dropped once its row and details are made: the columns' widths need
/// every row, but not every entry (a million forms).
pub fn triage_table(entries: impl IntoIterator<Item = Entry>, lang: Lang) -> String {
    let header = [
        tr(lang, "rank", "rang"),
        tr(lang, "status", "statut"),
        tr(lang, "reference", "référence"),
        tr(lang, "line", "ligne"),
        tr(lang, "outcome", "décision"),
        tr(lang, "signs", "signataire"),
        tr(lang, "score", "score"),
        tr(lang, "contact by", "contacter avant"),
    ];
    let mut rows: Vec<Vec<String>> = vec![header.map(str::to_owned).to_vec()];
    let mut details = String::new();
    let (mut ranked, mut on_hold, mut ineligible, mut invalid) = (0_usize, 0_usize, 0_usize, 0_usize);
    for e in entries {
        rows.push(vec![
            e.rank.map_or_else(|| "-".to_owned(), |r| r.to_string()),
            as_code(&e.status),
            e.reference.clone().unwrap_or_else(|| "-".to_owned()),
            e.line.to_string(),
            e.eligibility
                .as_ref()
                .map_or_else(|| "-".to_owned(), |d| as_code(&d.outcome())),
            e.eligibility
                .as_ref()
                .map_or_else(|| "-".to_owned(), |d| as_code(&d.contracting_party())),
            e.priority
                .map_or_else(|| "-".to_owned(), |p| format!("{:.3}", p.score)),
            e.contact_by().map_or_else(|| "-".to_owned(), |d| d.to_string()),
        ]);
        match e.status {
            Status::Ranked => ranked += 1,
            Status::OnHold => on_hold += 1,
            Status::Ineligible => ineligible += 1,
            Status::Invalid => invalid += 1,
        }
        entry_details(&mut details, &e, lang);
    }
    let mut out = table(&rows, 0, "");
    drop(rows);
    out.push('\n');
    out.push_str(&details);
    let _ = writeln!(
        out,
        "{}: {ranked} {}, {on_hold} {}, {ineligible} {}, {invalid} {}",
        tr(lang, "total", "total"),
        tr(lang, "ranked", "classés"),
        tr(lang, "on hold", "en attente"),
        tr(lang, "ineligible", "inéligibles"),
        tr(lang, "invalid", "invalides"),
    );
    out
}

/// One form's details under the table: its field errors, or why it is on hold and what its
/// decision asks and advises (nothing for a form with none).
fn entry_details(out: &mut String, e: &Entry, lang: Lang) {
    let name = e
        .reference
        .clone()
        .unwrap_or_else(|| format!("{} {}", tr(lang, "line", "ligne"), e.line));
    if e.status == Status::Invalid {
        let _ = writeln!(out, "{name}: {}", tr(lang, "invalid form", "formulaire invalide"));
        for err in &e.errors {
            let _ = writeln!(out, "  - {}", field_error_line(err, lang));
        }
        return;
    }
    let mut lines = String::new();
    if let Some(hold) = &e.on_hold {
        let _ = writeln!(
            lines,
            "  {}: {} ({}, POL-1)",
            tr(lang, "on hold", "en attente"),
            hold.message(lang),
            triage::Hold::CODE
        );
    }
    if let Some(d) = &e.eligibility {
        decision_lines(&mut lines, d, lang, "  ", Voice::Operator);
    }
    if !lines.is_empty() {
        let _ = write!(out, "{name}:\n{lines}");
    }
}

fn field_error_line(err: &FieldError, lang: Lang) -> String {
    if err.path.is_empty() {
        format!("[{}] {}", err.code, err.message(lang))
    } else {
        format!("{} [{}] {}", printable(&err.path), err.code, err.message(lang))
    }
}

/// A path as the terminal should show it: its keys come from the input, so control
/// characters (an escape sequence in a key name) are written as `\u{1b}`, never sent as is.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(char::is_control) {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| {
                    if c.is_control() {
                        c.escape_unicode().to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Whom a decision's lines speak to: the applicant (the library's own messages, with the
/// procedure to follow) or the operator of the triage report ([`crate::operator`]'s wording,
/// countries by name).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice {
    Applicant,
    Operator,
}

fn decision_lines(out: &mut String, d: &Decision, lang: Lang, indent: &str, voice: Voice) {
    let json = d.to_json(lang);
    let list = |key: &str| {
        json.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    // The operator's words for the item at `i` of `key`, where they differ from the library's.
    let operator_words = |key: &str, i: usize| -> Option<String> {
        let action = |actions: &[mentor_core::eligibility::Action]| {
            actions
                .get(i)
                .and_then(|a| crate::operator::action(a.code, d.country(), lang))
        };
        match key {
            "required_actions" => action(d.required_actions()),
            "recommended_actions" => action(d.recommended_actions()),
            _ => d
                .reasons()
                .get(i)
                .and_then(|r| crate::operator::reason(r.code, lang))
                .map(str::to_owned),
        }
    };
    for (key, label) in [
        ("required_actions", tr(lang, "to do", "à faire")),
        ("recommended_actions", tr(lang, "advised", "conseillé")),
        ("reasons", tr(lang, "why", "pourquoi")),
    ] {
        for (i, item) in list(key).iter().enumerate() {
            let code = item.get("code").and_then(Value::as_str).unwrap_or_default();
            let rule = item.get("rule").and_then(Value::as_str).unwrap_or_default();
            let library = || {
                item.get("message")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let message = if voice == Voice::Operator {
                operator_words(key, i).unwrap_or_else(library)
            } else {
                library()
            };
            let _ = writeln!(out, "{indent}{label}: {message} ({code}, {rule})");
            if voice == Voice::Applicant {
                if let Some(procedure) = item.pointer("/params/procedure").and_then(Value::as_str) {
                    let _ = writeln!(out, "{indent}  {procedure}");
                }
            }
        }
    }
}

/// A decision for people.
pub fn decision(d: &Decision, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}",
        tr(lang, "outcome", "décision"),
        as_code(&d.outcome())
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(lang, "contracting party", "partie contractante"),
        as_code(&d.contracting_party())
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(lang, "invoicing party", "partie qui facture"),
        as_code(&d.invoicing_party())
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(lang, "payout", "rémunération"),
        as_code(&d.payout())
    );
    match &d.registration() {
        Some(RegistrationCheck::WellFormed(n)) => {
            let _ = writeln!(
                out,
                "{}: {} ({})",
                tr(lang, "registration", "immatriculation"),
                n.formatted(),
                n.scheme_id()
            );
        }
        Some(RegistrationCheck::NotWellFormed(e)) => {
            let _ = writeln!(
                out,
                "{}: {} ({})",
                tr(lang, "registration", "immatriculation"),
                e.reason.message(lang),
                e.scheme
            );
        }
        None => {}
    }
    decision_lines(&mut out, d, lang, "", Voice::Applicant);
    out
}

/// Field errors of an input that did not parse.
pub fn errors(errors: &[FieldError], lang: Lang, json: bool) -> String {
    if json {
        return format!(
            "{}\n",
            json!({"errors": errors.iter().map(|e| e.to_json(lang)).collect::<Vec<_>>()})
        );
    }
    let mut out = String::new();
    for e in errors {
        let _ = writeln!(out, "{}", field_error_line(e, lang));
    }
    out
}

/// The records of a file that could not be used (`what` says what they are not: "not an
/// event"): `{"line", "errors"}` per record with `--json`, one block per record otherwise.
pub fn bad_records(bad: &[BadRecord], what: Text, lang: Lang, json: bool) -> String {
    let mut out = String::new();
    for record in bad {
        if json {
            let errors: Vec<Value> = record.errors.iter().map(|e| e.to_json(lang)).collect();
            let _ = writeln!(out, "{}", json!({"line": record.line, "errors": errors}));
        } else {
            let _ = writeln!(
                out,
                "{} {}: {}",
                tr(lang, "line", "ligne"),
                record.line,
                what.get(lang)
            );
            for e in &record.errors {
                let _ = writeln!(out, "  - {}", field_error_line(e, lang));
            }
        }
    }
    out
}

/// A replay for people: the final state, the history, and what may happen next (from the
/// core's report, `lifecycle::Replay::to_json`).
pub fn replay(report: &Value, lang: Lang) -> String {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("-").to_owned();
    let mut out = String::new();
    let aggregate = match (text(report.get("aggregate")).as_str(), lang) {
        ("application", Lang::Fr) => "candidature".to_owned(),
        ("contract", Lang::Fr) => "contrat".to_owned(),
        (other, _) => other.to_owned(),
    };
    let _ = writeln!(
        out,
        "{}: {}",
        tr(lang, "state", "état"),
        text(report.get("state"))
    );
    let _ = writeln!(out, "{}: {aggregate}", tr(lang, "lifecycle", "cycle de vie"));
    let _ = writeln!(out, "{}:", tr(lang, "history", "historique"));
    let steps = report
        .get("history")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let rows: Vec<Vec<String>> = steps
        .iter()
        .map(|s| {
            let index = s
                .get("index")
                .and_then(Value::as_u64)
                .map_or_else(|| "-".to_owned(), |i| i.to_string());
            vec![
                index,
                text(s.get("at")),
                text(s.get("actor")),
                text(s.get("type")),
                format!("{} -> {}", text(s.get("from")), text(s.get("to"))),
            ]
        })
        .collect();
    out.push_str(&table(&rows, 0, "  "));
    let allowed: Vec<&str> = report
        .get("allowed_events")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let none = tr(lang, "(none: final state)", "(aucun : état final)");
    let allowed = if allowed.is_empty() {
        none.to_owned()
    } else {
        allowed.join(", ")
    };
    let _ = writeln!(
        out,
        "{}: {allowed}",
        tr(lang, "allowed next", "événements possibles")
    );
    out
}

/// The result of `validate-id`: the core's wire form, or a readable summary of it.
pub fn registration(value: &Value, lang: Lang, json: bool) -> String {
    if json {
        return format!(
            "{}\n",
            in_order(
                value,
                &[
                    "country",
                    "scheme",
                    "normalized",
                    "formatted",
                    "valid",
                    "error",
                    "message"
                ]
            )
        );
    }
    let field = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or_default();
    if value.get("valid").and_then(Value::as_bool) == Some(true) {
        format!(
            "{}: {}\n{}: {}\n{}: {}\n{}\n",
            tr(lang, "well-formed", "bien formé"),
            field("scheme"),
            tr(lang, "normalized", "normalisé"),
            field("normalized"),
            tr(lang, "formatted", "formaté"),
            field("formatted"),
            tr(
                lang,
                "(well-formed means the format and check digits are right, not that the number is registered)",
                "(bien formé signifie que le format et la clé sont justes, pas que le numéro est immatriculé)"
            ),
        )
    } else {
        let label = if field("error") == "unsupported_country" {
            tr(lang, "cannot check", "vérification impossible")
        } else {
            tr(lang, "not well-formed", "mal formé")
        };
        format!("{label}: {} ({})\n", field("message"), field("error"))
    }
}

/// An object's JSON text with `keys` first, in that order (the order `docs/cli.md` documents),
/// then any other key: `serde_json`'s maps sort their keys.
fn in_order(value: &Value, keys: &[&str]) -> String {
    let Value::Object(map) = value else {
        return value.to_string();
    };
    let first = keys.iter().filter_map(|k| map.get(*k).map(|v| (*k, v)));
    let rest = map
        .iter()
        .filter(|(k, _)| !keys.contains(&k.as_str()))
        .map(|(k, v)| (k.as_str(), v));
    let members: Vec<String> = first
        .chain(rest)
        .map(|(k, v)| format!("{}:{v}", Value::from(k)))
        .collect();
    format!("{{{}}}", members.join(","))
}
