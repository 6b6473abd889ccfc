//! No personal data in `Debug` output or error messages (issue 19.5; DESIGN 5: "Personal data
//! (names, e-mail, phone) never appears in `Debug` output or logs"; `CONTRIBUTING.md`).
//!
//! A form is made of distinctive personal values (names, e-mail address, phone number, free
//! texts, links, an individual's registration numbers, a billing customer's and a student's
//! names), then pushed through every public entry point that reads such values: parsing and
//! validating forms (valid and broken), triage, working situations and the eligibility
//! decision, registration numbers, contracts and their lifecycle (with erasure), billing
//! statements and invoice checks, e-signature deliveries. Every value and error reached is
//! formatted with `{:?}` and `{:#?}`, every error with `Display`, and every `message` of the
//! JSON answers is read in English and French: none may hold any of the personal values, in any
//! of the forms they were typed or normalised to.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::fmt::Debug;

use chrono::{DateTime, Utc};
use mentor_core::billing::{self, BillingContract, BillingPeriod, ReceivedInvoice, Session};
use mentor_core::contract::{self, Contract, ContractChange, ContractingParty, Terms};
use mentor_core::eligibility::{self, WorkingSituation};
use mentor_core::esign::{self, Delivery, Provider, Secret};
use mentor_core::lifecycle::{Actor, Aggregate, Event, Replay, read_log};
use mentor_core::policy::{BillingPolicy, Policy};
use mentor_core::recruitment::DuplicateKey;
use mentor_core::triage::{self, Triage, read_records};
use mentor_core::wire::RecordReader;
use mentor_core::{CountryCode, InputError, Lang, Localized, application, registration};
use serde_json::{Value, json};

const FIRST: &str = "Zéphyrine";
const LAST: &str = "Quartermaine";
const EMAIL: &str = "zephyrine.quartermaine@leak-test.example";
const PHONE: &str = "+33 6 98 76 54 32";
/// The French SIRET of the applicant's sole proprietorship (an individual's number).
const SIRET: &str = "123 456 782 00010";
/// The US EIN of a sole proprietor.
const EIN: &str = "45-8172639";
/// The legal form typed as free text, with the owner's name in it (`EI` is the French
/// "entreprise individuelle", whose name must hold the owner's).
const LEGAL_FORM: &str = "EI Zéphyrine Quartermaine";
const CUSTOMER: &str = "Marmaduke Oyelaran";
const STUDENT: &str = "stu-Ondine-Marchetti";

/// Every form in which a personal value may show: as typed, normalised, in parts.
fn personal() -> Vec<&'static str> {
    vec![
        FIRST,
        "Zephyrine",
        "ZÉPHYRINE",
        LAST,
        "QUARTERMAINE",
        EMAIL,
        "zephyrine.quartermaine",
        "leak-test.example",
        PHONE,
        "698765432",
        "6 98 76 54 32",
        "98 76 54 32",
        SIRET,
        "12345678200010",
        "123456782",
        "123 456 782",
        EIN,
        "458172639",
        "Oyelaran",
        "Marmaduke",
        "Ondine",
        "Marchetti",
        "ROLE-pangolin",
        "PROJECT-axolotl",
        "MOTIVATION-ozelot",
        "portfolio-okapi",
        "linkedin-tarsier",
        "EMPLOYER-narwhal",
    ]
}

/// What was scanned, and every leak found (what, which value).
#[derive(Default)]
struct Scan {
    scanned: usize,
    leaks: Vec<String>,
}

impl Scan {
    fn text(&mut self, what: &str, text: &str) {
        self.scanned += 1;
        for value in personal() {
            // As text, or as the list of its UTF-8 bytes (a derived `Debug` of a `Vec<u8>`).
            let bytes = format!("{:?}", value.as_bytes());
            let bytes = bytes.trim_start_matches('[').trim_end_matches(']');
            if let Some(at) = text.find(value).or_else(|| text.find(bytes)) {
                // Where it shows, with some context (a whole `{:#?}` would drown the report).
                let context: String = text[..at]
                    .chars()
                    .rev()
                    .take(80)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                self.leaks.push(format!("{what}: `{value}` after …{context}"));
            }
        }
    }

    /// `{:?}` and `{:#?}`.
    fn debug(&mut self, what: &str, value: &impl Debug) {
        self.text(&format!("{what} {{:?}}"), &format!("{value:?}"));
        self.text(&format!("{what} {{:#?}}"), &format!("{value:#?}"));
    }

    /// An error: `Debug`, `Display`.
    fn error(&mut self, what: &str, error: &(impl Debug + std::fmt::Display)) {
        self.debug(what, error);
        self.text(&format!("{what} Display"), &error.to_string());
    }

    /// An input error: `Debug`, `Display`, and each field error's message in both languages.
    fn input_error(&mut self, what: &str, error: &InputError) {
        assert!(
            !error.errors.is_empty(),
            "{what}: an input error lists its errors"
        );
        self.error(what, error);
        for lang in [Lang::En, Lang::Fr] {
            self.messages(what, &error.to_json(lang));
        }
    }

    /// Every `message` string of a JSON answer (messages are for people; the data beside them
    /// is the caller's).
    fn messages(&mut self, what: &str, value: &Value) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        ("message", Value::String(text)) => self.text(&format!("{what} message"), text),
                        _ => self.messages(what, v),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| self.messages(what, v)),
            _ => {}
        }
    }

    /// A localized answer: its messages in both languages, and its `Debug`.
    fn localized(&mut self, what: &str, value: &(impl Localized + Debug)) {
        self.debug(what, value);
        for lang in [Lang::En, Lang::Fr] {
            self.messages(what, &value.to_json(lang));
        }
    }
}

fn now() -> DateTime<Utc> {
    "2026-11-30T09:00:00Z".parse().unwrap()
}

fn situation() -> Value {
    json!({
        "country": "FR", "status": "employee", "route": "via_own_company",
        "employment": {"employer_name": "EMPLOYER-narwhal", "employer_sector": "education", "employer_agreement": "agreed"},
        "business": {"legal_form": LEGAL_FORM, "registration_number": SIRET},
    })
}

fn form() -> Value {
    json!({
        "reference": "ref-1",
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": FIRST, "last_name": LAST, "email": EMAIL, "phone": PHONE,
                      "country": "FR", "timezone": "Europe/Paris", "languages": ["fr"]},
        "subjects": [{"subject": "python", "level": "expert", "years_experience": 5}],
        "consent": {"data_processing": true},
        "experience": {"current_role": "ROLE-pangolin", "recent_projects": ["PROJECT-axolotl"],
                       "years_professional": 8, "mentoring_experience": true},
        "motivation": "MOTIVATION-ozelot",
        "links": {"linkedin": "https://www.linkedin.com/in/linkedin-tarsier",
                  "portfolio": "https://example.org/portfolio-okapi"},
        "availability_hours_per_week": 4,
        "working_situation": situation(),
    })
}

/// The same form with its personal values where they are wrong: each is an error.
fn broken_form() -> Value {
    let mut form = form();
    form["applicant"]["email"] = json!(format!("{EMAIL}@{LAST}"));
    form["applicant"]["phone"] = json!(format!("{PHONE} ({FIRST})"));
    form["applicant"]["first_name"] = json!(FIRST.repeat(20));
    form["applicant"]["last_name"] = json!(["LAST", LAST]);
    form["links"]["portfolio"] = json!(format!("ftp://{LAST}/portfolio-okapi"));
    form["links"]["linkedin"] = json!(format!("linkedin-tarsier {EMAIL}"));
    form["experience"]["current_role"] = json!({"ROLE-pangolin": FIRST});
    form["motivation"] = json!("MOTIVATION-ozelot".repeat(400));
    form["working_situation"]["business"]["registration_number"] = json!("123 456 782 00011");
    form["working_situation"]["business"]["legal_form"] = json!(LEGAL_FORM.repeat(4));
    form["working_situation"]["employment"]["employer_name"] = json!(7);
    form
}

#[test]
fn the_personal_values_are_found_where_they_are_data() {
    // The scan can fail: the values are in the inputs, and in the answers' data.
    let mut scan = Scan::default();
    scan.text("the form", &form().to_string());
    assert!(scan.leaks.len() > 10, "{:?}", scan.leaks);
    let validation = application::validate(&form(), &Policy::default());
    let applicant = validation.result.as_ref().unwrap().applicant();
    assert_eq!(applicant.email.expose(), EMAIL);
    assert_eq!(applicant.first_name.expose(), FIRST);
    let fr = CountryCode::parse("FR").unwrap();
    assert_eq!(
        registration::validate(fr, SIRET).unwrap().normalized(),
        "12345678200010"
    );
}

#[test]
fn no_personal_value_in_debug_output_or_error_messages() {
    let mut scan = Scan::default();
    let policy = Policy::default();

    // Application forms, valid and broken, read from JSON values and from text.
    for (name, form) in [("valid form", form()), ("broken form", broken_form())] {
        let text = form.to_string();
        for validation in [
            application::validate(&form, &policy),
            application::validate_str(&text, &policy),
        ] {
            scan.localized(name, &validation);
            if let Err(errors) = &validation.result {
                assert!(name == "broken form" && errors.len() >= 8, "{errors:?}");
                for e in errors {
                    scan.error(name, e);
                    for lang in [Lang::En, Lang::Fr] {
                        scan.text(name, &e.message(lang));
                    }
                }
            }
        }
        scan.messages(name, &application::validate_json(&form, &policy, Lang::Fr));
    }
    let application = application::validate(&form(), &policy).result.unwrap();
    scan.debug("application", &application);
    scan.debug("applicant", application.applicant());
    scan.debug("duplicate key", &DuplicateKey::new(EMAIL, "mentor-web-2026"));

    // Triage: the records as read (values and kept texts), the entries, the batch.
    let batch = format!("{}\n{}\nnot json {EMAIL}\n", form(), broken_form());
    let records = read_records(&batch);
    scan.debug("records", &records);
    let kept = triage::read_forms(&batch);
    scan.debug("kept records", &kept);
    // The streaming reader holding a form whose line has not ended yet.
    let mut reader = RecordReader::forms();
    let first_line = batch.lines().next().unwrap();
    reader
        .feed(first_line.as_bytes(), &mut |_| panic!("the line has not ended"))
        .unwrap();
    scan.debug("record reader", &reader);
    let entries = triage::triage(&records, &policy, now());
    assert_eq!(entries.len(), 3);
    for entry in &entries {
        scan.localized("triage entry", entry);
    }
    let mut queue = Triage::new(&policy, now());
    for record in kept {
        queue.push(&record);
    }
    scan.debug("triage", &queue);
    let report = queue.report();
    scan.debug("triage report", &report);
    scan.messages(
        "triage json",
        &triage::triage_json(&json!([form(), broken_form()]), &policy, now(), Lang::Fr),
    );

    // Working situations and decisions: an individual's SIRET and EIN, well-formed and not.
    for (country, number) in [
        ("FR", SIRET),
        ("US", EIN),
        ("FR", "123 456 782 00011"),
        ("US", "00-8172639"),
    ] {
        let mut value = situation();
        value["country"] = json!(country);
        value["business"]["registration_number"] = json!(number);
        let situation = WorkingSituation::from_json(&value).unwrap();
        scan.debug("working situation", &situation);
        let decision = eligibility::evaluate(&situation, &policy);
        scan.localized("decision", &decision);
        scan.messages(
            "decision json",
            &eligibility::evaluate_json(&value, &policy, Lang::Fr).unwrap(),
        );
    }
    let mut bad = situation();
    bad["business"]["legal_form"] = json!(LEGAL_FORM.repeat(4));
    bad["business"]["registration_number"] = json!(format!("{SIRET} {EMAIL}"));
    bad["status"] = json!(FIRST);
    scan.input_error("situation", &WorkingSituation::from_json(&bad).unwrap_err());
    scan.input_error(
        "situation text",
        &WorkingSituation::from_json_str(&bad.to_string()).unwrap_err(),
    );

    // Registration numbers.
    let fr = CountryCode::parse("FR").unwrap();
    let us = CountryCode::parse("US").unwrap();
    let siret = registration::validate(fr, SIRET).unwrap();
    scan.debug("registration number", &siret);
    scan.debug(
        "compact",
        &registration::SchemeId::FrSiret.scheme().compact(SIRET).unwrap(),
    );
    scan.debug("registration number", &registration::validate(us, EIN).unwrap());
    for (country, number) in [(fr, "123 456 782 00011"), (us, "00-8172639"), (fr, EMAIL)] {
        scan.error(
            "registration error",
            &registration::validate(country, number).unwrap_err(),
        );
        scan.messages(
            "registration json",
            &registration::validate_json(country.as_str(), number, Lang::Fr).unwrap(),
        );
    }

    // Contracts: drafted from the decision (the SIRET well-formed), replayed, refused, erased.
    let situation = WorkingSituation::from_json(&json!({
        "country": "FR", "status": "freelancer", "business": {"legal_form": LEGAL_FORM, "registration_number": SIRET},
    }))
    .unwrap();
    let decision = eligibility::evaluate(&situation, &policy);
    let terms = Terms::from_json(
        &json!({"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
        "start_date": "2026-12-01", "notice_period_days": 30}),
    )
    .unwrap();
    let drafted = contract::draft("c-1", &decision, terms, now()).unwrap();
    assert!(matches!(
        &drafted.change,
        ContractChange::Drafted {
            contracting_party: ContractingParty {
                registration: Some(_),
                ..
            },
            ..
        }
    ));
    scan.debug("drafted", &drafted);
    let mut log = vec![drafted];
    for change in [
        ContractChange::Sent {
            provider: Some(Provider::Documenso),
            request_id: Some("7".into()),
        },
        ContractChange::Completed,
        ContractChange::Activated,
    ] {
        log.push(Event {
            at: now(),
            actor: Actor::System,
            change,
        });
    }
    let contract = Contract::replay(&log).unwrap();
    scan.debug("contract", &contract);
    scan.debug("contracting party", contract.contracting_party().unwrap());
    scan.localized("replay", &Replay::<Contract>::run(&log));
    let wire: String = log.iter().map(|e| format!("{}\n", e.to_json())).collect();
    scan.debug(
        "contract log",
        &read_log::<ContractChange>(&read_records(&wire)).unwrap(),
    );
    let refused = contract.clone().apply(&log[0]).unwrap_err();
    scan.error("refused", &refused);
    scan.text("refused fr", &refused.message(Lang::Fr));
    scan.debug("erased", &contract::erase(&log, now()).unwrap());
    let mut party = contract.contracting_party().unwrap().to_json();
    party["registration_number"] = json!("123 456 782 00011");
    scan.input_error(
        "contracting party",
        &ContractingParty::from_json(&party).unwrap_err(),
    );
    let mut bad_log: Vec<Value> = log.iter().map(Event::to_json).collect();
    bad_log[0]["contracting_party"]["registration_number"] = json!(format!("{SIRET}-{LAST}"));
    bad_log[1]["request_id"] = json!(EMAIL.repeat(5));
    let text: String = bad_log.iter().map(|e| format!("{e}\n")).collect();
    let bad = read_log::<ContractChange>(&read_records(&text)).unwrap_err();
    scan.debug("bad records", &bad);
    for record in &bad {
        for e in &record.errors {
            scan.error("bad record", e);
            scan.text("bad record fr", &e.message(Lang::Fr));
        }
    }

    // Billing: the invoicing party is the individual's business; a named customer; a student.
    let contract_json = json!({
        "contract_id": "c-1",
        "invoicing_party": {"party": "mentor_business", "country": "FR", "registration_number": SIRET, "vat": "franchise"},
        "customer": {"name": CUSTOMER},
        "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
                      "start_date": "2026-01-01", "notice_period_days": 30}],
    });
    let billing_contract = BillingContract::from_json(&contract_json).unwrap();
    scan.debug("billing contract", &billing_contract);
    // Registered for VAT: a French VAT number holds the SIREN.
    let registered = json!({"party": "mentor_business", "country": "FR", "registration_number": SIRET,
        "vat": "registered", "vat_number": "FR 11 123456782"});
    scan.debug(
        "invoicing party",
        &billing::InvoicingParty::from_json(&registered).unwrap(),
    );
    let mut bad_vat = registered.clone();
    bad_vat["vat_number"] = json!("FR 12 123456782");
    scan.input_error(
        "invoicing party",
        &billing::InvoicingParty::from_json(&bad_vat).unwrap_err(),
    );
    let session = |id: &str, kind: &str| {
        Session::from_json(
            &json!({"session_id": id, "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
            "session_type": kind, "student_ref": STUDENT, "status": "completed"}),
        )
        .unwrap()
    };
    let sessions = [session("s-1", "mentoring"), session("s-2", "mentoring")];
    scan.debug("sessions", &sessions);
    let january = BillingPeriod::parse("2026-01").unwrap();
    let statement =
        billing::statement(&billing_contract, &sessions, january, &BillingPolicy::default()).unwrap();
    scan.localized("statement", &statement);
    let unbillable = [session("s-1", "defense"), session("s-1", "mentoring")];
    let error =
        billing::statement(&billing_contract, &unbillable, january, &BillingPolicy::default()).unwrap_err();
    scan.error("statement error", &error);
    for lang in [Lang::En, Lang::Fr] {
        scan.text("statement error", &error.message(lang));
    }
    let mut bad_contract = contract_json.clone();
    bad_contract["invoicing_party"]["registration_number"] = json!(format!("{SIRET} {LAST}"));
    bad_contract["customer"]["name"] = json!(CUSTOMER.repeat(20));
    scan.input_error(
        "billing contract",
        &BillingContract::from_json(&bad_contract).unwrap_err(),
    );
    let mut bad_session = json!({"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
        "session_type": "mentoring", "student_ref": STUDENT.repeat(30), "status": "completed"});
    scan.input_error("session", &Session::from_json(&bad_session).unwrap_err());
    bad_session["student_ref"] = json!([STUDENT]);
    scan.input_error("session", &Session::from_json(&bad_session).unwrap_err());
    // An invoice from the individual, and one from someone else (another individual's EIN).
    for (country, number) in [("FR", SIRET), ("US", EIN)] {
        let invoice = ReceivedInvoice::from_json(&json!({
            "invoice_number": "F-1", "issued_on": "2026-02-01", "period": "2026-01",
            "issuer": {"country": country, "registration_number": number},
            "currency": "EUR", "total_excluding_vat": "70.00", "total": "70.00",
            "mentions": ["TVA non applicable, art. 293 B du CGI"],
        }))
        .unwrap();
        scan.debug("invoice", &invoice);
        let check = billing::check_invoice(&statement, &invoice);
        scan.localized("invoice check", &check);
        scan.debug("discrepancies", &check.discrepancies);
    }
    let invoice_error = ReceivedInvoice::from_json(&json!({
        "invoice_number": "F-1", "issued_on": "2026-02-01", "period": "2026-01",
        "issuer": {"country": "FR", "registration_number": [SIRET]},
        "currency": "EUR", "total_excluding_vat": EMAIL, "total": "70.00",
    }))
    .unwrap_err();
    scan.input_error("invoice", &invoice_error);
    let statement_json = statement.to_json(Lang::En);
    for (name, answer) in [
        (
            "statement json",
            billing::statement_json(
                &contract_json,
                &json!([{"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z",
            "duration_minutes": 45, "session_type": "mentoring", "student_ref": STUDENT, "status": "completed"}]),
                "2026-01",
                &BillingPolicy::default(),
                Lang::Fr,
            ),
        ),
        (
            "check invoice json",
            billing::check_invoice_json(
                &statement_json,
                &json!({
            "invoice_number": "F-1", "issued_on": "2026-02-01", "period": "2026-01",
            "issuer": {"country": "US", "registration_number": EIN},
            "currency": "EUR", "total_excluding_vat": "70.00", "total": "70.00"}),
                Lang::Fr,
            ),
        ),
    ] {
        scan.messages(name, &answer.unwrap());
    }

    // E-signature deliveries whose payloads name the signer (names and e-mail addresses are
    // never read from a payload, `docs/esign.md`).
    let secret = Secret::new("s3cret");
    let headers = [("X-Documenso-Secret", "s3cret")];
    let body = json!({"event": "DOCUMENT_SIGNED", "createdAt": "2026-11-20T09:00:00Z",
        "payload": {"id": 7, "title": format!("Contract {FIRST} {LAST}"),
                    "Recipient": [{"id": 1, "name": format!("{FIRST} {LAST}"), "email": EMAIL, "signingStatus": "SIGNED"}]}})
    .to_string();
    let delivery = Delivery {
        headers: &headers,
        body: body.as_bytes(),
    };
    scan.debug("delivery", &delivery);
    scan.debug(
        "verified",
        &esign::verify(Provider::Documenso, &delivery, &secret, now()).unwrap(),
    );
    let events = esign::receive(Provider::Documenso, &delivery, &secret, now()).unwrap();
    scan.debug("signature events", &events);
    for event in &events {
        scan.text("signature event json", &event.to_json().to_string());
    }
    let broken = json!({"event": FIRST, "createdAt": EMAIL, "payload": {"id": [LAST]}}).to_string();
    let delivery = Delivery {
        headers: &headers,
        body: broken.as_bytes(),
    };
    let error = esign::receive(Provider::Documenso, &delivery, &secret, now()).unwrap_err();
    scan.localized("webhook error", &error);
    scan.text("webhook error Display", &error.to_string());
    let forged = esign::receive(
        Provider::Documenso,
        &Delivery {
            headers: &[("X-Documenso-Secret", EMAIL)],
            body: body.as_bytes(),
        },
        &secret,
        now(),
    )
    .unwrap_err();
    scan.localized("forged delivery", &forged);

    eprintln!("{} texts scanned", scan.scanned);
    assert!(scan.scanned > 150, "only {} texts scanned", scan.scanned);
    assert!(
        scan.leaks.is_empty(),
        "{} leaks:\n{}",
        scan.leaks.len(),
        scan.leaks.join("\n")
    );
}
