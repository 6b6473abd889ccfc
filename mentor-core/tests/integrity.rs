//! Input integrity (issue 16): nothing silently lost or changed, nothing wrongly refused.
//! Each test names the rule it checks; the inputs are the general cases, not one example.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use common::minimal_form as form;
use mentor_core::application;
use mentor_core::eligibility;
use mentor_core::policy::Policy;
use mentor_core::{FieldError, Lang};
use serde_json::{Value, json};

/// The `(path, code)` of every error of `form`, or nothing when it is valid.
fn errors(form: &Value) -> Vec<(String, String)> {
    match application::validate(form, &Policy::default()).result {
        Ok(_) => Vec::new(),
        Err(errors) => codes(&errors),
    }
}

fn codes(errors: &[FieldError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.path.clone(), e.code.as_str().to_owned()))
        .collect()
}

fn with(path: [&str; 2], value: &str) -> Value {
    let mut f = form();
    f[path[0]][path[1]] = json!(value);
    f
}

/// Format characters (Unicode Cf) are invisible: in an e-mail, a phone or a registration
/// number they make a second identity that looks like the first and escapes duplicate
/// detection. Every kind of them is refused there with `invalid_characters`.
#[test]
fn identifiers_refuse_invisible_characters() {
    let invisible = [
        '\u{200b}',
        '\u{200c}',
        '\u{200d}',
        '\u{200e}',
        '\u{200f}',
        '\u{2060}',
        '\u{feff}',
        '\u{ad}',
        '\u{202a}',
        '\u{2066}',
        '\u{e0041}',
        '\u{61c}',
    ];
    for c in invisible {
        let email = format!("ada{c}@example.org");
        assert_eq!(
            errors(&with(["applicant", "email"], &email)),
            [("applicant.email".to_owned(), "invalid_characters".to_owned())],
            "U+{:04X}",
            c as u32
        );
        let phone = format!("+33 6 12{c} 34 56 78");
        assert_eq!(
            errors(&with(["applicant", "phone"], &phone)),
            [("applicant.phone".to_owned(), "invalid_characters".to_owned())],
            "U+{:04X}",
            c as u32
        );
        let situation = json!({"country": "FR", "status": "freelancer", "business": {"registration_number": format!("732 829 320{c} 00074")}});
        let refused = eligibility::evaluate_json(&situation, &Policy::default(), Lang::En)
            .err()
            .map(|e| codes(&e.errors));
        assert_eq!(
            refused,
            Some(vec![(
                "business.registration_number".to_owned(),
                "invalid_characters".to_owned()
            )]),
            "U+{:04X}",
            c as u32
        );
    }
    // The same addresses without them are fine, and so are letters of any script.
    assert!(errors(&with(["applicant", "email"], "élise@exemple.fr")).is_empty());
}

/// Names may need the joiners and direction marks (Persian, Indic, right-to-left scripts),
/// but never a zero-width space, a word joiner, a byte-order mark or a tag character.
#[test]
fn names_keep_joiners_and_refuse_invisible_spaces() {
    for name in ["می\u{200c}خواهم", "क्\u{200d}ष", "\u{200f}דוד"] {
        assert!(
            errors(&with(["applicant", "first_name"], name)).is_empty(),
            "{name:?}"
        );
    }
    for c in ['\u{200b}', '\u{2060}', '\u{feff}', '\u{e0041}'] {
        let name = format!("A{c}da");
        assert_eq!(
            errors(&with(["applicant", "first_name"], &name)),
            [("applicant.first_name".to_owned(), "invalid_characters".to_owned())],
            "U+{:04X}",
            c as u32
        );
    }
}

/// Past events cannot precede the domain (2000-01-01) in any field: `0000-01-01` would rank a
/// form first in the review queue and a session would be billed in year 0.
#[test]
fn past_events_before_2000_are_out_of_range() {
    for at in [
        "0000-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "1999-12-31T23:59:59Z",
        "2000-01-01T00:59:59+01:00",
    ] {
        let mut f = form();
        f["submitted_at"] = json!(at);
        assert_eq!(
            errors(&f),
            [("submitted_at".to_owned(), "out_of_range".to_owned())],
            "{at}"
        );
        let event = json!({"type": "submitted", "at": at, "actor": "candidate", "offer_id": "o"});
        let refused =
            mentor_core::lifecycle::Event::<mentor_core::recruitment::ApplicationChange>::from_json(&event)
                .err()
                .map(|e| codes(&e.errors));
        assert_eq!(
            refused,
            Some(vec![("at".to_owned(), "out_of_range".to_owned())]),
            "{at}"
        );
    }
    let mut f = form();
    f["submitted_at"] = json!("2000-01-01T00:00:00Z");
    assert!(errors(&f).is_empty());
}

/// A form submitted after the batch's `now` (more than a day's margin for clocks and zones)
/// is a mistake: it is reported invalid with `out_of_range`, not ranked as the newest.
#[test]
fn forms_submitted_after_now_are_not_ranked() {
    use mentor_core::triage;
    let now: chrono::DateTime<chrono::Utc> = "2026-11-20T12:00:00Z".parse().unwrap();
    let at = |submitted: &str| {
        let mut f = form();
        f["submitted_at"] = json!(submitted);
        let entry = &triage::triage(&triage::read_records(&f.to_string()), &Policy::default(), now)[0];
        (entry.status, codes(&entry.errors))
    };
    assert_eq!(
        at("9999-12-31T23:59:59Z"),
        (
            triage::Status::Invalid,
            vec![("submitted_at".to_owned(), "out_of_range".to_owned())]
        )
    );
    assert_eq!(
        at("2026-11-21T12:00:01Z"),
        (
            triage::Status::Invalid,
            vec![("submitted_at".to_owned(), "out_of_range".to_owned())]
        )
    );
    assert_eq!(at("2026-11-21T12:00:00Z"), (triage::Status::Ranked, vec![]));
    assert_eq!(at("2026-11-20T09:00:00Z"), (triage::Status::Ranked, vec![]));
}

/// Short international numbers exist (ITU-T E.164 sets no minimum), and a bracketed trunk
/// prefix is never kept as a digit.
#[test]
fn phones_follow_e164_bounds() {
    let mut f = form();
    f["applicant"]["phone"] = json!("+683 4002");
    assert!(errors(&f).is_empty());
    f["applicant"]["phone"] = json!("+44 (0)20 7946 0958");
    let v = application::validate(&f, &Policy::default());
    assert_eq!(
        v.result
            .unwrap()
            .applicant()
            .phone
            .as_ref()
            .map(|p| p.expose().to_owned())
            .as_deref(),
        Some("+442079460958")
    );
}

/// Browsers submit internationalised domains in their ASCII form (IDNA A-labels).
#[test]
fn punycode_domains_are_e_mail_domains() {
    assert!(errors(&with(["applicant", "email"], "моя@xn--h1alffa9f.xn--p1ai")).is_empty());
    assert!(errors(&with(["applicant", "email"], "моя@россия.рф")).is_empty());
}

/// The discrepancy codes of an invoice for one session of 35.00 in January 2026, issued by a
/// business of `country` with `number` under VAT status `vat`, carrying `mentions` and issued
/// with `issuer_number`.
fn invoice_codes(
    country: &str,
    number: &str,
    vat: &str,
    issuer_number: &str,
    mentions: &[&str],
) -> Vec<String> {
    use mentor_core::billing;
    use mentor_core::policy::BillingPolicy;
    let contract = json!({
        "contract_id": "c-1",
        "invoicing_party": {"party": "mentor_business", "country": country, "registration_number": number, "vat": vat},
        "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-01-01", "notice_period_days": 30}],
    });
    let sessions = json!([{"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45, "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"}]);
    let statement = billing::statement_json(
        &contract,
        &sessions,
        "2026-01",
        &BillingPolicy::default(),
        Lang::En,
    )
    .unwrap();
    let invoice = json!({
        "invoice_number": "F-1", "issued_on": "2026-02-02", "period": "2026-01",
        "issuer": {"country": country, "registration_number": issuer_number}, "currency": "EUR",
        "total_excluding_vat": statement["total_excluding_vat"], "vat_amount": statement["vat_amount"], "total": statement["total"],
        "mentions": mentions,
    });
    let check = billing::check_invoice_json(&statement, &invoice, Lang::En).unwrap();
    check["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// Registration numbers are compared by whom they identify: a Swiss VAT number's suffix is
/// the language it is written in (MWST, TVA, IVA), not a different number.
#[test]
fn a_swiss_vat_number_is_the_same_in_every_language() {
    for written in [
        "CHE-116.281.710 TVA",
        "CHE-116.281.710 IVA",
        "che116281710mwst",
        "CHE 116 281 710 MWST",
    ] {
        assert_eq!(
            invoice_codes("CH", "CHE-116.281.710 MWST", "registered", written, &[]),
            Vec::<String>::new(),
            "{written}"
        );
    }
    // Another business, or the UID without VAT, is not the same number.
    assert_eq!(
        invoice_codes(
            "CH",
            "CHE-116.281.710 MWST",
            "registered",
            "CHE-109.322.551 TVA",
            &[]
        ),
        ["registration_number_mismatch"]
    );
    assert_eq!(
        invoice_codes("CH", "CHE-116.281.710 MWST", "registered", "CHE-116.281.710", &[]),
        ["registration_number_mismatch"]
    );
}

/// A supplier in another member state writes the reverse-charge mention in its own language
/// (VAT Directive art. 219a, 226(11a)): every official EU language is accepted, word for word.
#[test]
fn the_reverse_charge_mention_is_accepted_in_every_eu_language() {
    let de = |mentions: &[&str]| invoice_codes("DE", "DE136695976", "registered", "DE136695976", mentions);
    for mention in mentor_core::billing::REVERSE_CHARGE_MENTIONS {
        assert_eq!(de(&[mention]), Vec::<String>::new(), "{mention}");
    }
    assert_eq!(
        de(&["Steuerschuldnerschaft des Leistungsempfängers"]),
        Vec::<String>::new()
    );
    assert_eq!(de(&["  Btw verlegd "]), Vec::<String>::new());
    assert_eq!(de(&["BTW VERLEGD"]), ["missing_vat_mention"]);
    assert_eq!(de(&[]), ["missing_vat_mention"]);
    assert_eq!(de(&["Zahlbar in 30 Tagen"]), ["missing_vat_mention"]);
    // On a franchise invoice, a reverse-charge mention in any language is the wrong one.
    let franchise = invoice_codes(
        "FR",
        "732 829 320 00074",
        "franchise",
        "732 829 320 00074",
        &["TVA non applicable, art. 293 B du CGI", "Inversione contabile"],
    );
    assert_eq!(franchise, ["wrong_vat_mention"]);
}

/// A form on hold says why: every subject it offers is closed by the policy (POL-1), named.
#[test]
fn on_hold_says_which_subjects_are_closed() {
    use mentor_core::Localized;
    use mentor_core::triage;
    let now: chrono::DateTime<chrono::Utc> = "2026-11-20T12:00:00Z".parse().unwrap();
    let policy =
        Policy::from_toml("[demand]\npython = \"closed\"\ncobol = \"closed\"\nrust = \"urgent\"\n").unwrap();
    let mut f = form();
    f["subjects"] =
        json!([{"subject": "cobol", "level": "expert"}, {"subject": "python", "level": "proficient"}]);
    let mut open = form();
    open["subjects"] =
        json!([{"subject": "python", "level": "expert"}, {"subject": "rust", "level": "proficient"}]);
    open["applicant"]["email"] = json!("grace@example.org");
    let text = format!("{f}\n{open}\n");
    let entries = triage::triage(&triage::read_records(&text), &policy, now);
    let held = entries.iter().find(|e| e.line == 1).unwrap();
    assert_eq!(held.status, triage::Status::OnHold);
    let wire = held.to_json(Lang::En);
    assert_eq!(wire["on_hold"]["code"], "subject_closed");
    assert_eq!(wire["on_hold"]["rule"], "POL-1");
    assert_eq!(wire["on_hold"]["subjects"], json!(["cobol", "python"]));
    assert!(
        held.to_json(Lang::Fr)["on_hold"]["message"]
            .as_str()
            .unwrap()
            .contains("cobol, python")
    );
    // A form with one open subject is ranked and carries no hold.
    let ranked = entries.iter().find(|e| e.line == 2).unwrap();
    assert_eq!(
        (ranked.status, ranked.to_json(Lang::En)["on_hold"].clone()),
        (triage::Status::Ranked, Value::Null)
    );
}

/// A lone surrogate escape in JSON text is `invalid_characters` at its field, as the Python
/// and JS packages report it of their own strings; the JSON errors say what and where in
/// plain words, in both languages (issue 16).
#[test]
fn json_text_errors_are_said_plainly_and_surrogates_at_their_field() {
    use mentor_core::wire::parse_value;
    for text in [
        r#"{"a": {"b": "\ud800"}}"#,
        r#"{"a": {"b": "x\udc00"}}"#,
        r#"{"a": {"b": "\ud800\u0041"}}"#,
    ] {
        let e = parse_value(text).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.code.as_str()),
            ("a.b", "invalid_characters"),
            "{text}"
        );
    }
    // A pair is one character.
    assert_eq!(parse_value(r#"{"a": "\ud83d\ude00"}"#).unwrap()["a"], "😀");
    let cut = parse_value(r#"{"offer_id": "o""#).unwrap_err();
    assert_eq!(
        cut.message(Lang::En),
        "this record is not valid JSON: the text ends too early (column 16)"
    );
    assert_eq!(
        cut.message(Lang::Fr),
        "cet enregistrement n'est pas du JSON valide : le texte s'arrête trop tôt (colonne 16)"
    );
    let bad = parse_value("{\n  \"a\": 1,\n  \"b\": ]\n}").unwrap_err();
    assert_eq!(
        bad.message(Lang::En),
        "this record is not valid JSON: syntax error (line 3, column 8)"
    );
    let records = mentor_core::wire::read_records_bytes(b"{}\n\"Ren\xe9e\"\n");
    let mentor_core::wire::Record::Unreadable { error, .. } = &records[1] else {
        panic!("{records:?}")
    };
    assert_eq!(
        error.message(Lang::Fr),
        "cet enregistrement n'est pas du JSON valide : des octets qui ne sont pas de l'UTF-8 (colonne 5)"
    );
}

/// JSON Lines or a JSON array: decided so that no line swallows the others (issue 16). Every
/// line or element is a record of its own; no form vanishes without one.
#[test]
fn no_line_of_a_batch_swallows_the_others() {
    use mentor_core::triage::{self, Status};
    let now: chrono::DateTime<chrono::Utc> = "2026-11-20T12:00:00Z".parse().unwrap();
    let form_of = |email: &str| {
        let mut f = form();
        f["applicant"]["email"] = json!(email);
        f.to_string()
    };
    let statuses = |text: &str| -> Vec<(usize, Status, Vec<String>)> {
        // Each entry's line, status and first error code.
        triage::triage(&triage::read_forms(text), &Policy::default(), now)
            .into_iter()
            .map(|e| {
                (
                    e.line,
                    e.status,
                    e.errors
                        .iter()
                        .take(1)
                        .map(|fe| fe.code.as_str().to_owned())
                        .collect(),
                )
            })
            .collect()
    };
    let sorted = |mut v: Vec<(usize, Status, Vec<String>)>| {
        v.sort_by_key(|x| x.0);
        v
    };
    // A first line that is an array, then forms: JSON Lines, the array one invalid record.
    let text = format!(
        "[1,2]\n{}\n{}\n",
        form_of("a@example.org"),
        form_of("b@example.org")
    );
    let got = sorted(statuses(&text));
    assert_eq!(
        got.iter().map(|x| (x.0, x.1)).collect::<Vec<_>>(),
        [(1, Status::Invalid), (2, Status::Ranked), (3, Status::Ranked)]
    );
    // A 100,000-deep array on line 1 does not make line 2 vanish.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let got = sorted(statuses(&format!("{deep}\n{}\n", form_of("a@example.org"))));
    assert_eq!(
        got,
        [
            (1, Status::Invalid, vec!["too_deep".to_owned()]),
            (2, Status::Ranked, vec![])
        ]
    );
    // In one array, an element nested too deep is its own record; the form after it is read.
    let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let got = sorted(statuses(&format!("[{nested}, {}]", form_of("a@example.org"))));
    assert_eq!(
        got,
        [
            (1, Status::Invalid, vec!["too_deep".to_owned()]),
            (2, Status::Ranked, vec![])
        ]
    );
    // A JSON array over several lines (as `jq .` writes it) is still one array.
    let pretty = format!(
        "[\n  {},\n  {}\n]\n",
        form_of("a@example.org"),
        form_of("b@example.org")
    );
    assert_eq!(
        sorted(statuses(&pretty))
            .iter()
            .map(|x| (x.0, x.1))
            .collect::<Vec<_>>(),
        [(1, Status::Ranked), (2, Status::Ranked)]
    );
    // And an array on one line, then nothing else.
    let one_line = format!("[{}, {}]\n\n", form_of("a@example.org"), form_of("b@example.org"));
    assert_eq!(statuses(&one_line).len(), 2);
    // The same decisions from bytes.
    assert_eq!(triage::read_forms_bytes(text.as_bytes()).len(), 3);
    // Bytes that are not UTF-8 in one element of an array: that element only, placed at its bad
    // byte (1 + 400 brackets + `, "Ren`: byte 408 of the line); the element after it is read.
    let mut bytes = format!("[{nested}, \"Ren").into_bytes();
    bytes.extend_from_slice(b"\xe9e\", {}]");
    let records = triage::read_forms_bytes(&bytes);
    assert_eq!(records.len(), 3, "{records:?}");
    let triage::Record::Unreadable { line: 2, error } = &records[1] else {
        panic!("{records:?}")
    };
    assert_eq!(
        error.message(Lang::En),
        "this record is not valid JSON: bytes that are not UTF-8 (column 408)"
    );
    assert!(matches!(records[2], triage::Record::Text { line: 3, .. }));
}
