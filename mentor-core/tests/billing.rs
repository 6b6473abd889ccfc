//! Behaviour of billing (`docs/billing.md`; CON-1, BIL-1): statements, VAT treatments, invoice
//! checks. Expected values are worked out by hand from the specification.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use mentor_core::Localized;
use mentor_core::billing::{
    BillingContract, BillingPeriod, DiscrepancyCode, InvoiceCheck, ReceivedInvoice, Session, Statement,
    StatementError, VatTreatment, check_invoice, statement,
};
use mentor_core::money::Share;
use mentor_core::policy::{BillingPolicy, Policy};
use mentor_core::zone::TimeZone;
use mentor_core::{ErrorCode, Lang};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

const SIRET: &str = "732 829 320 00074";

fn dec(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap()
}

fn share(text: &str) -> Share {
    Share::new(dec(text)).unwrap()
}

fn terms(version: u32, currency: &str, rates: Value, start: &str) -> Value {
    json!({"version": version, "currency": currency, "rates": rates, "start_date": start, "notice_period_days": 30})
}

fn party(kind: &str, country: &str, number: &str, vat: &str) -> Value {
    json!({"party": kind, "country": country, "registration_number": number, "vat": vat})
}

fn contract_with(party: Value, versions: Value) -> BillingContract {
    BillingContract::from_json(
        &json!({"contract_id": "c-2026-0042", "invoicing_party": party, "versions": versions}),
    )
    .unwrap()
}

/// A French micro-entrepreneur under the franchise, 35.00 per mentoring session, 50.00 per
/// defense, from 2026-01-01.
fn contract() -> BillingContract {
    contract_with(
        party("mentor_business", "FR", SIRET, "franchise"),
        json!([terms(
            1,
            "EUR",
            json!({"mentoring": "35.00", "defense": "50.00"}),
            "2026-01-01"
        )]),
    )
}

fn session(id: &str, at: &str, session_type: &str, status: &str) -> Session {
    Session::from_json(&json!({
        "session_id": id, "started_at": at, "duration_minutes": 45,
        "session_type": session_type, "student_ref": "stu-1", "status": status,
    }))
    .unwrap()
}

fn period(text: &str) -> BillingPeriod {
    BillingPeriod::parse(text).unwrap()
}

fn policy() -> BillingPolicy {
    BillingPolicy::default()
}

fn ids<'a>(st: &'a Statement<'_>) -> Vec<&'a str> {
    st.lines().iter().map(|l| l.session.session_id()).collect()
}

// --- Periods and amendments ------------------------------------------------------------------

#[test]
fn a_session_at_23_30_utc_on_31_january_belongs_to_february_in_paris() {
    let late = session("s-1", "2026-01-31T23:30:00Z", "mentoring", "completed");
    // 23:30 UTC is 00:30 on 1 February in Paris (UTC+1 in winter).
    let jan = statement(
        &contract(),
        std::slice::from_ref(&late),
        period("2026-01"),
        &policy(),
    )
    .unwrap();
    let feb = statement(
        &contract(),
        std::slice::from_ref(&late),
        period("2026-02"),
        &policy(),
    )
    .unwrap();
    assert!(jan.lines().is_empty());
    assert_eq!(ids(&feb), ["s-1"]);
    assert_eq!(feb.lines()[0].date.to_string(), "2026-02-01");
    // In UTC the same session is a January one: the zone is the policy's.
    let utc = BillingPolicy {
        time_zone: TimeZone::parse("UTC").unwrap(),
        ..policy()
    };
    let late = [late];
    let jan_utc = statement(&contract(), &late, period("2026-01"), &utc).unwrap();
    assert_eq!(ids(&jan_utc), ["s-1"]);
}

#[test]
fn a_session_on_the_day_an_amendment_takes_effect_is_priced_at_the_new_rate() {
    let amended = contract_with(
        party("mentor_business", "FR", SIRET, "franchise"),
        json!([
            terms(1, "EUR", json!({"mentoring": "35.00"}), "2026-01-01"),
            terms(2, "EUR", json!({"mentoring": "38.00"}), "2026-01-15"),
        ]),
    );
    let sessions = [
        // 23:59 on the 14th in Paris: the old rate.
        session("before", "2026-01-14T22:59:00Z", "mentoring", "completed"),
        // 00:30 on the 15th in Paris (still the 14th in UTC): the new rate.
        session("on", "2026-01-14T23:30:00Z", "mentoring", "completed"),
        session("after", "2026-01-20T10:00:00Z", "mentoring", "completed"),
    ];
    let st = statement(&amended, &sessions, period("2026-01"), &policy()).unwrap();
    let priced: Vec<(&str, u32, String)> = st
        .lines()
        .iter()
        .map(|l| (l.session.session_id(), l.terms_version, l.amount.to_string()))
        .collect();
    assert_eq!(
        priced,
        [
            ("before", 1, "35.00".to_owned()),
            ("on", 2, "38.00".to_owned()),
            ("after", 2, "38.00".to_owned())
        ]
    );
    assert_eq!(st.total_excluding_vat(), dec("111.00"));
}

#[test]
fn a_month_with_no_sessions_gives_an_empty_statement() {
    let sessions = [session("s-1", "2026-03-03T10:00:00Z", "mentoring", "completed")];
    let st = statement(&contract(), &sessions, period("2026-01"), &policy()).unwrap();
    assert!(st.lines().is_empty() && st.subtotals().is_empty());
    let wire = st.to_json(Lang::En);
    assert_eq!(
        (
            wire["total_excluding_vat"].as_str(),
            wire["vat_amount"].as_str(),
            wire["total"].as_str()
        ),
        (Some("0.00"), Some("0.00"), Some("0.00"))
    );
    assert_eq!(wire["lines"], json!([]));
    let none = statement(&contract(), &[], period("2026-01"), &policy()).unwrap();
    assert_eq!(none.total(), Decimal::ZERO);
}

#[test]
fn statuses_are_paid_per_policy_with_lines_subtotals_and_totals() {
    let sessions = [
        session("s-4", "2026-01-09T10:00:00Z", "mentoring", "cancelled"),
        session("s-1", "2026-01-05T10:00:00Z", "mentoring", "completed"),
        session("s-2", "2026-01-06T10:00:00Z", "mentoring", "student_no_show"),
        session("s-3", "2026-01-07T10:00:00Z", "defense", "cancelled_late"),
    ];
    let st = statement(&contract(), &sessions, period("2026-01"), &policy()).unwrap();
    // By start time: 35.00 × 1, 35.00 × 1 (no-show paid in full), 50.00 × 0.5, 35.00 × 0.
    assert_eq!(ids(&st), ["s-1", "s-2", "s-3", "s-4"]);
    let amounts: Vec<Decimal> = st.lines().iter().map(|l| l.amount).collect();
    assert_eq!(amounts, [dec("35.00"), dec("35.00"), dec("25.00"), dec("0")]);
    let wire = st.to_json(Lang::En);
    assert_eq!(
        wire["subtotals"],
        json!([
            {"session_type": "defense", "sessions": 1, "amount": "25.00"},
            {"session_type": "mentoring", "sessions": 3, "amount": "70.00"},
        ])
    );
    assert_eq!(wire["total_excluding_vat"], "95.00");
    assert_eq!(wire["lines"][2]["share"], "0.5");
    assert_eq!(wire["lines"][3]["share"], "0");
    // Another policy: no-shows at 80%, late cancellations unpaid.
    let strict = BillingPolicy {
        student_no_show: share("0.8"),
        cancelled_late: share("0"),
        ..policy()
    };
    let st = statement(&contract(), &sessions, period("2026-01"), &strict).unwrap();
    assert_eq!(st.total_excluding_vat(), dec("63.00")); // 35 + 28 + 0 + 0
}

// --- Rounding ---------------------------------------------------------------------------------

#[test]
fn a_late_cancellation_at_half_of_35_55_eur_is_17_78() {
    let c = contract_with(
        party("mentor_business", "FR", SIRET, "franchise"),
        json!([terms(1, "EUR", json!({"mentoring": "35.55"}), "2026-01-01")]),
    );
    let sessions = [
        session("s-1", "2026-01-05T10:00:00Z", "mentoring", "cancelled_late"),
        session("s-2", "2026-01-06T10:00:00Z", "mentoring", "cancelled_late"),
    ];
    let st = statement(&c, &sessions, period("2026-01"), &policy()).unwrap();
    // 35.55 × 0.5 = 17.775 → 17.78 (half away from zero), on each line.
    assert_eq!(st.lines()[0].amount, dec("17.78"));
    // Totals are sums of rounded lines: 17.78 + 17.78 = 35.56, not round(35.55) = 35.55.
    assert_eq!(st.total_excluding_vat(), dec("35.56"));
}

#[test]
fn yen_amounts_round_to_whole_yen() {
    let c = contract_with(
        party("mentor_business", "FR", SIRET, "franchise"),
        json!([terms(1, "JPY", json!({"mentoring": "3555"}), "2026-01-01")]),
    );
    let sessions = [
        session("s-1", "2026-01-05T10:00:00Z", "mentoring", "cancelled_late"),
        session("s-2", "2026-01-06T10:00:00Z", "mentoring", "student_no_show"),
    ];
    let third = BillingPolicy {
        student_no_show: share("0.333"),
        ..policy()
    };
    let st = statement(&c, &sessions, period("2026-01"), &third).unwrap();
    // 3555 × 0.5 = 1777.5 → 1778; 3555 × 0.333 = 1183.815 → 1184.
    assert_eq!(st.lines()[0].amount, dec("1778"));
    assert_eq!(st.lines()[1].amount, dec("1184"));
    let wire = st.to_json(Lang::En);
    assert_eq!(wire["total"], "2962");
    assert_eq!(wire["lines"][0]["rate"], "3555");
}

#[test]
fn french_vat_is_twenty_percent_of_the_total_rounded() {
    let c = contract_with(
        party("mentor_business", "FR", SIRET, "registered"),
        json!([terms(1, "EUR", json!({"mentoring": "35.55"}), "2026-01-01")]),
    );
    let sessions: Vec<Session> = (1..=5)
        .map(|d| {
            session(
                &format!("s-{d}"),
                &format!("2026-01-0{d}T10:00:00Z"),
                "mentoring",
                "completed",
            )
        })
        .collect();
    let st = statement(&c, &sessions, period("2026-01"), &policy()).unwrap();
    // 5 × 35.55 = 177.75; VAT 20% = 35.55; total 213.30.
    assert_eq!(
        (st.total_excluding_vat(), st.vat_amount(), st.total()),
        (dec("177.75"), dec("35.55"), dec("213.30"))
    );
    // One late cancellation more: 177.75 + 17.78 = 195.53; VAT 39.106 → 39.11; total 234.64.
    let mut more = sessions;
    more.push(session(
        "s-6",
        "2026-01-06T10:00:00Z",
        "mentoring",
        "cancelled_late",
    ));
    let st = statement(&c, &more, period("2026-01"), &policy()).unwrap();
    assert_eq!(
        (st.total_excluding_vat(), st.vat_amount(), st.total()),
        (dec("195.53"), dec("39.11"), dec("234.64"))
    );
}

// --- VAT treatment of each case, both languages -------------------------------------------------

fn vat_of(party: Value) -> (VatTreatment, Value, Value) {
    let c = contract_with(
        party,
        json!([terms(1, "EUR", json!({"mentoring": "35.00"}), "2026-01-01")]),
    );
    let sessions = [session("s-1", "2026-01-05T10:00:00Z", "mentoring", "completed")];
    let st = statement(&c, &sessions, period("2026-01"), &policy()).unwrap();
    (st.vat(), st.to_json(Lang::En), st.to_json(Lang::Fr))
}

#[test]
fn a_french_micro_entrepreneur_under_the_franchise_invoices_without_vat_with_the_293_b_mention() {
    let (vat, en, fr) = vat_of(party("mentor_business", "FR", SIRET, "franchise"));
    assert_eq!(vat, VatTreatment::Franchise);
    for wire in [&en, &fr] {
        assert_eq!(wire["vat"]["treatment"], "franchise");
        assert_eq!(wire["vat"]["mention"], "TVA non applicable, art. 293 B du CGI");
        assert_eq!(
            (wire["vat_amount"].as_str(), wire["total"].as_str()),
            (Some("0.00"), Some("35.00"))
        );
    }
    assert!(en["vat"]["explanation"].as_str().unwrap().starts_with("no VAT"));
    assert!(
        fr["vat"]["explanation"]
            .as_str()
            .unwrap()
            .starts_with("pas de TVA")
    );
    assert!(en["vat"]["source"].as_str().unwrap().contains("293 B"));
}

#[test]
fn a_french_vat_registered_mentor_charges_french_vat_and_needs_no_mention() {
    let (vat, en, fr) = vat_of(json!({
        "party": "mentor_business", "country": "FR", "registration_number": SIRET, "vat": "registered", "vat_number": "FR40303265045",
    }));
    assert_eq!(vat, VatTreatment::FrenchVat);
    for wire in [&en, &fr] {
        assert_eq!(wire["vat"]["treatment"], "french_vat");
        assert_eq!(wire["vat"]["rate"], "0.2");
        assert_eq!(wire["vat"]["mention"], Value::Null);
        assert_eq!(
            (wire["vat_amount"].as_str(), wire["total"].as_str()),
            (Some("7.00"), Some("42.00"))
        );
        assert_eq!(wire["invoicing_party"]["vat_number"], "FR40303265045");
    }
    assert!(fr["vat"]["explanation"].as_str().unwrap().contains("20 %"));
}

#[test]
fn belgian_and_german_mentors_invoice_under_the_reverse_charge() {
    for p in [
        party("mentor_business", "BE", "BE 0403.019.261", "registered"),
        party("mentor_business", "DE", "DE136695976", "registered"),
        // A German Kleinunternehmer too: the service is supplied in France (art. 44).
        party("mentor_business", "DE", "DE136695976", "franchise"),
    ] {
        let (vat, en, fr) = vat_of(p);
        assert_eq!(vat, VatTreatment::ReverseCharge);
        assert_eq!(en["vat"]["mention"], "Reverse charge");
        assert_eq!(fr["vat"]["mention"], "Autoliquidation");
        assert_eq!(
            (en["vat_amount"].as_str(), en["total"].as_str()),
            (Some("0.00"), Some("35.00"))
        );
        assert!(en["vat"]["source"].as_str().unwrap().contains("196"));
        assert!(en["vat"]["source"].as_str().unwrap().contains("226(11a)"));
    }
}

#[test]
fn mentors_in_morocco_and_the_us_invoice_without_french_vat_and_the_company_self_assesses() {
    for p in [
        party("mentor_business", "MA", "001561191000066", "not_registered"),
        party("mentor_business", "US", "12-3456789", "not_registered"),
    ] {
        let (vat, en, fr) = vat_of(p);
        assert_eq!(vat, VatTreatment::OutsideEu);
        assert_eq!(en["vat"]["treatment"], "outside_eu");
        assert_eq!(
            (en["vat"]["mention"].clone(), fr["vat"]["mention"].clone()),
            (Value::Null, Value::Null)
        );
        assert_eq!(en["vat_amount"], "0.00");
        assert!(
            en["vat"]["explanation"]
                .as_str()
                .unwrap()
                .contains("self-assesses")
        );
        assert!(fr["vat"]["explanation"].as_str().unwrap().contains("autoliquide"));
    }
}

#[test]
fn an_employer_under_ws_2_invoices_with_its_own_vat_status() {
    let (vat, en, _) = vat_of(party("employer", "FR", SIRET, "registered"));
    assert_eq!(vat, VatTreatment::FrenchVat);
    assert_eq!(en["invoicing_party"]["party"], "employer");
    assert_eq!(en["total"], "42.00");
    let (vat, _, fr) = vat_of(party("employer", "FR", SIRET, "franchise"));
    assert_eq!(vat, VatTreatment::Franchise);
    assert_eq!(fr["vat"]["mention"], "TVA non applicable, art. 293 B du CGI");
    let (vat, en, fr) = vat_of(party("employer", "BE", "0403019261", "registered"));
    assert_eq!(vat, VatTreatment::ReverseCharge);
    assert_eq!(
        (en["vat"]["mention"].as_str(), fr["vat"]["mention"].as_str()),
        (Some("Reverse charge"), Some("Autoliquidation"))
    );
}

#[test]
fn a_french_business_cannot_be_not_registered_for_vat() {
    let e = BillingContract::from_json(&json!({
        "contract_id": "c-1", "invoicing_party": party("mentor_business", "FR", SIRET, "not_registered"),
        "versions": [terms(1, "EUR", json!({"mentoring": "35.00"}), "2026-01-01")],
    }))
    .unwrap_err();
    assert_eq!(
        (e.errors[0].path.as_str(), e.errors[0].code),
        ("invoicing_party.vat", ErrorCode::InvalidEnum)
    );
}

// --- Bad input --------------------------------------------------------------------------------

#[test]
fn a_session_of_a_type_without_a_rate_is_reported_and_there_is_no_statement() {
    let sessions = [
        session("s-1", "2026-01-05T10:00:00Z", "mentoring", "completed"),
        session("s-2", "2026-01-06T10:00:00Z", "workshop", "completed"),
        session("s-3", "2026-01-07T10:00:00Z", "coaching", "cancelled"),
    ];
    let Err(StatementError::Sessions(bad)) = statement(&contract(), &sessions, period("2026-01"), &policy())
    else {
        panic!("expected bad sessions")
    };
    let found: Vec<(usize, &str, ErrorCode)> = bad
        .iter()
        .flat_map(|s| s.errors.iter().map(move |e| (s.index, e.path.as_str(), e.code)))
        .collect();
    assert_eq!(
        found,
        [
            (1, "session_type", ErrorCode::UnknownSessionType),
            (2, "session_type", ErrorCode::UnknownSessionType)
        ]
    );
    assert_eq!(StatementError::Sessions(bad).code(), "invalid_sessions");
}

#[test]
fn a_negative_duration_is_a_field_error() {
    let e = Session::from_json(&json!({
        "session_id": "s-1", "started_at": "2026-01-05T10:00:00Z", "duration_minutes": -45,
        "session_type": "mentoring", "student_ref": "stu-1", "status": "completed",
    }))
    .unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(
        (e.errors[0].path.as_str(), e.errors[0].code),
        ("duration_minutes", ErrorCode::OutOfRange)
    );
    assert!(e.errors[0].message(Lang::En).contains("from 1 to 1440"));
}

#[test]
fn every_problem_of_a_session_is_reported_with_its_path() {
    let e = Session::from_json(&json!({
        "session_id": "", "started_at": "2026-01-05 10:00", "duration_minutes": "45",
        "session_type": "mentoring", "status": "no_show", "student": "stu-1",
    }))
    .unwrap_err();
    let found: Vec<(&str, ErrorCode)> = e.errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
    assert_eq!(
        found,
        [
            ("student", ErrorCode::UnknownField),
            ("session_id", ErrorCode::Required),
            ("started_at", ErrorCode::InvalidDatetime),
            ("duration_minutes", ErrorCode::InvalidType),
            ("student_ref", ErrorCode::Required),
            ("status", ErrorCode::InvalidEnum),
        ]
    );
    assert!(e.errors[5].message(Lang::Fr).contains("`student_no_show`"));
}

#[test]
fn versions_in_another_currency_than_the_contract_are_refused() {
    let e = BillingContract::from_json(&json!({
        "contract_id": "c-1", "invoicing_party": party("mentor_business", "FR", SIRET, "franchise"),
        "versions": [
            terms(1, "EUR", json!({"mentoring": "35.00"}), "2026-01-01"),
            terms(2, "USD", json!({"mentoring": "40.00"}), "2026-03-01"),
        ],
    }))
    .unwrap_err();
    let found: Vec<(&str, ErrorCode)> = e.errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
    assert_eq!(found, [("versions[1].currency", ErrorCode::CurrencyMismatch)]);
    assert_eq!(
        e.errors[0].message(Lang::Fr),
        "cette devise n'est pas celle du contrat"
    );
}

#[test]
fn versions_out_of_order_and_bad_terms_are_reported_with_their_paths() {
    let e = BillingContract::from_json(&json!({
        "contract_id": "c-1", "invoicing_party": party("mentor_business", "FR", SIRET, "franchise"),
        "versions": [
            terms(1, "EUR", json!({"mentoring": "35.00"}), "2026-03-01"),
            terms(3, "EUR", json!({"mentoring": "40.00"}), "2026-01-01"),
        ],
    }))
    .unwrap_err();
    let found: Vec<(&str, ErrorCode)> = e.errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
    assert_eq!(
        found,
        [
            ("versions[1].version", ErrorCode::OutOfRange),
            ("versions[1].start_date", ErrorCode::InvalidDate)
        ]
    );
    let e = BillingContract::from_json(&json!({
        "contract_id": "c-1", "invoicing_party": party("mentor_business", "FR", "732 829 320 00075", "franchise"),
        "versions": [terms(1, "EUR", json!({"mentoring": 35}), "2026-01-01")], "notes": "",
    }))
    .unwrap_err();
    let found: Vec<(&str, ErrorCode)> = e.errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
    assert_eq!(
        found,
        [
            ("notes", ErrorCode::UnknownField),
            (
                "invoicing_party.registration_number",
                ErrorCode::InvalidRegistrationNumber
            ),
            ("versions[0].rates.mentoring", ErrorCode::InvalidType),
        ]
    );
}

#[test]
fn a_period_like_2026_13_is_a_field_error() {
    assert!(BillingPeriod::parse("2026-13").is_none());
    assert_eq!(ErrorCode::InvalidPeriod.as_str(), "invalid_period");
    let mut invoice = matching_invoice();
    invoice["period"] = json!("2026-13");
    let e = ReceivedInvoice::from_json(&invoice).unwrap_err();
    assert_eq!(
        (e.errors[0].path.as_str(), e.errors[0].code),
        ("period", ErrorCode::InvalidPeriod)
    );
    let mut wire = reference().to_json(Lang::En);
    wire["period"] = json!("2026-13");
    let e = Statement::from_json(&wire).unwrap_err();
    assert_eq!(
        (e.errors[0].path.as_str(), e.errors[0].code),
        ("period", ErrorCode::InvalidPeriod)
    );
}

#[test]
fn sessions_outside_the_contract_and_repeated_ids_are_reported() {
    let sessions = [
        session("s-1", "2025-12-31T10:00:00Z", "mentoring", "completed"), // December: not this period
        session("s-2", "2026-01-05T10:00:00Z", "mentoring", "completed"),
        session("s-2", "2026-02-05T10:00:00Z", "mentoring", "completed"), // February, same id
    ];
    let Err(StatementError::Sessions(bad)) = statement(&contract(), &sessions, period("2026-01"), &policy())
    else {
        panic!()
    };
    assert_eq!(bad.len(), 1);
    assert_eq!(
        (bad[0].index, bad[0].errors[0].code),
        (2, ErrorCode::DuplicateSession)
    );
    assert!(
        bad[0].errors[0]
            .message(Lang::En)
            .ends_with("first seen at line 2")
    );
    let Err(StatementError::Sessions(bad)) =
        statement(&contract(), &sessions[..1], period("2025-12"), &policy())
    else {
        panic!()
    };
    assert_eq!(
        (bad[0].errors[0].path.as_str(), bad[0].errors[0].code),
        ("started_at", ErrorCode::NoTermsInForce)
    );
}

#[test]
fn a_billing_policy_is_checked_when_it_is_loaded_not_when_it_is_used() {
    // A zone or a share out of range cannot be built: the policy file is refused with the key.
    for (text, key) in [
        ("[billing]\ntime_zone = \"Mars/Olympus\"", "billing.time_zone"),
        ("[billing]\ncancelled_late = \"1.5\"", "billing.cancelled_late"),
        ("[billing]\nstudent_no_show = \"-0.1\"", "billing.student_no_show"),
    ] {
        let e = Policy::from_toml(text).unwrap_err();
        assert!(e.to_string().contains(key), "{text}: {e}");
    }
    let e = Policy::from_json(r#"{"billing": {"time_zone": "Mars/Olympus"}}"#).unwrap_err();
    assert!(
        e.to_string().contains("billing.time_zone") && e.to_string().contains("IANA"),
        "{e}"
    );
    assert!(Share::new(dec("1.5")).is_none());
    assert!(TimeZone::parse("Mars/Olympus").is_none());
    // A policy file's [billing] keys reach the statement.
    let loaded =
        Policy::from_toml("[billing]\ntime_zone = \"America/New_York\"\ncancelled_late = \"0.25\"").unwrap();
    let sessions = [session(
        "s-1",
        "2026-02-01T03:00:00Z",
        "mentoring",
        "cancelled_late",
    )]; // 22:00 on 31 January in New York
    let st = statement(&contract(), &sessions, period("2026-01"), &loaded.billing).unwrap();
    assert_eq!(st.total_excluding_vat(), dec("8.75"));
}

#[test]
fn student_references_stay_out_of_debug() {
    let s = Session::from_json(&json!({
        "session_id": "s-1", "started_at": "2026-01-05T10:00:00Z", "duration_minutes": 45,
        "session_type": "mentoring", "student_ref": "stu-secret-42", "status": "completed",
    }))
    .unwrap();
    let st = statement(
        &contract(),
        std::slice::from_ref(&s),
        period("2026-01"),
        &policy(),
    )
    .unwrap();
    assert!(!format!("{s:?}{st:?}").contains("stu-secret-42"));
    assert_eq!(st.to_json(Lang::En)["lines"][0]["student_ref"], "stu-secret-42");
}

// --- Reading a statement back ----------------------------------------------------------------------

#[test]
fn a_statement_reads_back_from_its_wire_form_and_tampering_is_caught() {
    let st = reference();
    for lang in [Lang::En, Lang::Fr] {
        assert_eq!(Statement::from_json(&st.to_json(lang)).unwrap(), st);
    }
    let tamper = |pointer: &str, value: Value| {
        let mut wire = st.to_json(Lang::En);
        *wire.pointer_mut(pointer).unwrap() = value;
        Statement::from_json(&wire)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.path, e.code))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        tamper("/lines/0/amount", json!("36.00")),
        [("lines[0].amount".to_owned(), ErrorCode::InconsistentAmount)]
    );
    // A completed session is paid in full.
    assert_eq!(
        tamper("/lines/0/share", json!("0.5")),
        [
            ("lines[0].share".to_owned(), ErrorCode::InconsistentAmount),
            ("lines[0].amount".to_owned(), ErrorCode::InconsistentAmount),
        ]
    );
    // A no-show may be paid any share, but the amount must follow.
    assert_eq!(
        tamper("/lines/1/share", json!("0.5")),
        [("lines[1].amount".to_owned(), ErrorCode::InconsistentAmount)]
    );
    assert_eq!(
        tamper("/subtotals/0/amount", json!("1.00")),
        [("subtotals".to_owned(), ErrorCode::InconsistentAmount)]
    );
    assert_eq!(
        tamper("/total_excluding_vat", json!("1.00")),
        [("total_excluding_vat".to_owned(), ErrorCode::InconsistentAmount)]
    );
    assert_eq!(
        tamper("/vat/treatment", json!("reverse_charge")),
        [("vat.treatment".to_owned(), ErrorCode::InvalidEnum)]
    );
    assert_eq!(
        tamper("/lines/0/date", json!("2026-01-06")),
        [("lines[0].date".to_owned(), ErrorCode::InvalidDate)]
    );
    assert_eq!(
        tamper("/lines/1/session_id", json!("s-1")),
        [("lines[1].session_id".to_owned(), ErrorCode::DuplicateSession)]
    );
}

// --- Checking a received invoice -------------------------------------------------------------------

/// The statement of January: 35.00 + 35.00 (no-show) + 25.00 (late defense) = 95.00, no VAT
/// (franchise).
fn reference() -> Statement<'static> {
    let sessions = [
        session("s-1", "2026-01-05T10:00:00Z", "mentoring", "completed"),
        session("s-2", "2026-01-06T10:00:00Z", "mentoring", "student_no_show"),
        session("s-3", "2026-01-07T10:00:00Z", "defense", "cancelled_late"),
    ];
    statement(&contract(), &sessions, period("2026-01"), &policy())
        .unwrap()
        .into_owned()
}

fn matching_invoice() -> Value {
    json!({
        "invoice_number": "F-2026-001", "issued_on": "2026-02-02", "period": "2026-01",
        "issuer": {"country": "FR", "registration_number": "732 829 320 00074"},
        "currency": "EUR", "total_excluding_vat": "95.00", "vat_amount": "0.00", "total": "95.00",
        "mentions": ["TVA non applicable, art. 293 B du CGI"],
    })
}

fn check(st: &Statement<'_>, invoice: &Value) -> InvoiceCheck {
    check_invoice(st, &ReceivedInvoice::from_json(invoice).unwrap())
}

fn codes_of(st: &Statement<'_>, invoice: &Value) -> Vec<DiscrepancyCode> {
    check(st, invoice).discrepancies.iter().map(|d| d.code).collect()
}

fn with(changes: &[(&str, Value)]) -> Value {
    let mut invoice = matching_invoice();
    for (pointer, value) in changes {
        *invoice.pointer_mut(pointer).unwrap() = value.clone();
    }
    invoice
}

#[test]
fn an_invoice_that_matches_exactly_has_no_discrepancy() {
    let result = check(&reference(), &matching_invoice());
    assert!(result.matches());
    assert_eq!(
        result.to_json(Lang::En),
        json!({"invoice_number": "F-2026-001", "matches": true, "discrepancies": []})
    );
    // Registration numbers are compared in compact form; mentions after trimming.
    let same = with(&[
        ("/issuer/registration_number", json!("FR 73282932000074")),
        (
            "/mentions",
            json!(["  TVA non applicable, art. 293 B du CGI ", "Paiement à 30 jours"]),
        ),
        ("/vat_amount", Value::Null),
    ]);
    assert!(check(&reference(), &same).matches());
}

#[test]
fn period_mismatch() {
    let result = check(&reference(), &with(&[("/period", json!("2026-02"))]));
    assert_eq!(result.discrepancies.len(), 1);
    let d = &result.discrepancies[0];
    assert_eq!(
        (
            d.code.as_str(),
            d.field,
            d.expected.as_deref(),
            d.found.as_deref()
        ),
        ("period_mismatch", "period", Some("2026-01"), Some("2026-02"))
    );
}

#[test]
fn issuer_mismatch() {
    // A Belgian issuer with the French SIRET: the country is wrong; the number, compared in
    // the SIRET's compact form, is the same.
    assert_eq!(
        codes_of(&reference(), &with(&[("/issuer/country", json!("BE"))])),
        [DiscrepancyCode::IssuerMismatch]
    );
}

#[test]
fn registration_number_mismatch() {
    for number in ["732 829 320 00075", "732 829 320", "73282932000074X"] {
        let result = check(
            &reference(),
            &with(&[("/issuer/registration_number", json!(number))]),
        );
        assert_eq!(
            result.discrepancies.iter().map(|d| d.code).collect::<Vec<_>>(),
            [DiscrepancyCode::RegistrationNumberMismatch],
            "{number}"
        );
        assert_eq!(
            result.discrepancies[0].expected.as_deref(),
            Some("732 829 320 00074")
        );
    }
}

#[test]
fn currency_mismatch() {
    assert_eq!(
        codes_of(&reference(), &with(&[("/currency", json!("USD"))])),
        [DiscrepancyCode::CurrencyMismatch]
    );
}

#[test]
fn amount_mismatch() {
    let result = check(&reference(), &with(&[("/total_excluding_vat", json!("96.00"))]));
    assert_eq!(result.discrepancies.len(), 1);
    let d = &result.discrepancies[0];
    assert_eq!(
        (d.code, d.expected.as_deref(), d.found.as_deref()),
        (DiscrepancyCode::AmountMismatch, Some("95.00"), Some("96.00"))
    );
}

#[test]
fn vat_charged_when_none_is_due() {
    let invoice = with(&[("/vat_amount", json!("19.00")), ("/total", json!("114.00"))]);
    assert_eq!(
        codes_of(&reference(), &invoice),
        [DiscrepancyCode::VatCharged, DiscrepancyCode::TotalMismatch]
    );
}

#[test]
fn vat_amount_mismatch_when_vat_is_due() {
    let c = contract_with(
        party("mentor_business", "FR", SIRET, "registered"),
        json!([terms(
            1,
            "EUR",
            json!({"mentoring": "35.00", "defense": "50.00"}),
            "2026-01-01"
        )]),
    );
    let sessions = [
        session("s-1", "2026-01-05T10:00:00Z", "mentoring", "completed"),
        session("s-2", "2026-01-07T10:00:00Z", "defense", "cancelled_late"),
    ];
    let st = statement(&c, &sessions, period("2026-01"), &policy()).unwrap();
    // 35.00 + 25.00 = 60.00; VAT 12.00; total 72.00.
    let good = with(&[
        ("/total_excluding_vat", json!("60.00")),
        ("/vat_amount", json!("12.00")),
        ("/total", json!("72.00")),
        ("/mentions", json!([])),
    ]);
    assert!(check(&st, &good).matches());
    let wrong = with(&[
        ("/total_excluding_vat", json!("60.00")),
        ("/vat_amount", json!("11.99")),
        ("/total", json!("72.00")),
        ("/mentions", json!([])),
    ]);
    let result = check(&st, &wrong);
    assert_eq!(
        result.discrepancies.iter().map(|d| d.code).collect::<Vec<_>>(),
        [DiscrepancyCode::VatAmountMismatch]
    );
    assert_eq!(result.discrepancies[0].expected.as_deref(), Some("12.00"));
    // No VAT at all where it is due is a wrong VAT amount too.
    let none = with(&[
        ("/total_excluding_vat", json!("60.00")),
        ("/vat_amount", Value::Null),
        ("/total", json!("72.00")),
        ("/mentions", json!([])),
    ]);
    assert_eq!(codes_of(&st, &none), [DiscrepancyCode::VatAmountMismatch]);
}

#[test]
fn total_mismatch() {
    assert_eq!(
        codes_of(&reference(), &with(&[("/total", json!("95.01"))])),
        [DiscrepancyCode::TotalMismatch]
    );
}

#[test]
fn missing_vat_mention() {
    assert_eq!(
        codes_of(&reference(), &with(&[("/mentions", json!([]))])),
        [DiscrepancyCode::MissingVatMention]
    );
    // Case matters: the mention is a legal formula.
    let lower = with(&[("/mentions", json!(["tva non applicable, art. 293 B du CGI"]))]);
    let result = check(&reference(), &lower);
    assert_eq!(
        result.discrepancies.iter().map(|d| d.code).collect::<Vec<_>>(),
        [DiscrepancyCode::MissingVatMention]
    );
    assert_eq!(
        result.discrepancies[0].expected.as_deref(),
        Some("TVA non applicable, art. 293 B du CGI")
    );
    assert!(
        result.to_json(Lang::Fr)["discrepancies"][0]["message"]
            .as_str()
            .unwrap()
            .contains("casse comprise")
    );
}

#[test]
fn wrong_vat_mention() {
    // A reverse-charge mention on a franchise invoice that also has the right one.
    let invoice = with(&[(
        "/mentions",
        json!(["TVA non applicable, art. 293 B du CGI", "Autoliquidation"]),
    )]);
    let result = check(&reference(), &invoice);
    assert_eq!(
        result.discrepancies.iter().map(|d| d.code).collect::<Vec<_>>(),
        [DiscrepancyCode::WrongVatMention]
    );
    assert_eq!(result.discrepancies[0].found.as_deref(), Some("Autoliquidation"));
    // The franchise mention on a reverse-charged invoice: missing and wrong.
    let belgian = contract_with(
        party("mentor_business", "BE", "0403019261", "registered"),
        json!([terms(1, "EUR", json!({"mentoring": "35.00"}), "2026-01-01")]),
    );
    let sessions = [session("s-1", "2026-01-05T10:00:00Z", "mentoring", "completed")];
    let st = statement(&belgian, &sessions, period("2026-01"), &policy()).unwrap();
    let invoice = with(&[
        (
            "/issuer",
            json!({"country": "BE", "registration_number": "BE0403019261"}),
        ),
        ("/total_excluding_vat", json!("35.00")),
        ("/total", json!("35.00")),
    ]);
    assert_eq!(
        codes_of(&st, &invoice),
        [
            DiscrepancyCode::MissingVatMention,
            DiscrepancyCode::WrongVatMention
        ]
    );
    let fixed = with(&[
        (
            "/issuer",
            json!({"country": "BE", "registration_number": "BE0403019261"}),
        ),
        ("/total_excluding_vat", json!("35.00")),
        ("/total", json!("35.00")),
        ("/mentions", json!(["Reverse charge"])),
    ]);
    assert!(check(&st, &fixed).matches());
}

#[test]
fn every_discrepancy_is_reported_at_once() {
    let invoice = json!({
        "invoice_number": "X", "issued_on": "2026-02-02", "period": "2025-12",
        "issuer": {"country": "DE", "registration_number": "DE136695976"},
        "currency": "USD", "total_excluding_vat": "100.00", "vat_amount": "20.00", "total": "120.00",
        "mentions": ["Reverse charge"],
    });
    // All but `vat_amount_mismatch`, which is for invoices where VAT is due.
    let expected: Vec<DiscrepancyCode> = DiscrepancyCode::ALL
        .into_iter()
        .filter(|c| *c != DiscrepancyCode::VatAmountMismatch)
        .collect();
    assert_eq!(codes_of(&reference(), &invoice), expected);
}

#[test]
fn a_received_invoice_with_bad_fields_is_an_input_error() {
    let e = ReceivedInvoice::from_json(&json!({
        "invoice_number": "F-1", "issued_on": "2026-02-30", "period": "2026-01",
        "issuer": {"country": "XX"}, "currency": "EUR", "total_excluding_vat": "95.001", "total": 95, "mentions": "none",
    }))
    .unwrap_err();
    let found: Vec<(&str, ErrorCode)> = e.errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
    assert_eq!(
        found,
        [
            ("issued_on", ErrorCode::InvalidDate),
            ("issuer.country", ErrorCode::InvalidCountry),
            ("issuer.registration_number", ErrorCode::Required),
            ("total_excluding_vat", ErrorCode::InvalidMoney),
            ("total", ErrorCode::InvalidType),
            ("mentions", ErrorCode::InvalidType),
        ]
    );
}

// --- Properties --------------------------------------------------------------------------------------

/// A contract with an amendment on 2026-02-10 and rates that round.
fn amended() -> BillingContract {
    contract_with(
        party("mentor_business", "FR", SIRET, "registered"),
        json!([
            terms(
                1,
                "EUR",
                json!({"mentoring": "35.55", "defense": "50.05"}),
                "2025-01-01"
            ),
            terms(
                2,
                "EUR",
                json!({"mentoring": "36.15", "defense": "50.05"}),
                "2026-02-10"
            ),
        ]),
    )
}

const MONTHS: [&str; 6] = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];
const STATUSES: [&str; 4] = ["completed", "student_no_show", "cancelled_late", "cancelled"];

/// Sessions from December 2025 to March 2026 (UTC), with unique ids.
fn sessions() -> impl Strategy<Value = Vec<Session>> {
    let start = 1_764_547_200i64; // 2025-12-01T00:00:00Z
    let end = 1_775_001_600i64; // 2026-04-01T00:00:00Z
    prop::collection::vec((start..end, prop::bool::ANY, 0..STATUSES.len()), 0..60).prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (at, defense, status))| {
                let at = chrono::DateTime::from_timestamp(at, 0)
                    .unwrap()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                session(
                    &format!("s-{i:03}"),
                    &at,
                    if defense { "defense" } else { "mentoring" },
                    STATUSES[status],
                )
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn each_session_falls_in_exactly_one_month(sessions in sessions()) {
        let c = amended();
        let mut seen = std::collections::BTreeMap::<String, usize>::new();
        for month in MONTHS {
            let st = statement(&c, &sessions, period(month), &policy()).unwrap();
            for line in st.lines() {
                prop_assert!(period(month).contains(line.date));
                *seen.entry(line.session.session_id().to_owned()).or_default() += 1;
            }
        }
        prop_assert_eq!(seen.len(), sessions.len());
        prop_assert!(seen.values().all(|n| *n == 1));
    }

    #[test]
    fn the_total_is_the_sum_of_the_rounded_lines(sessions in sessions(), month in 0..MONTHS.len()) {
        let st = statement(&amended(), &sessions, period(MONTHS[month]), &policy()).unwrap();
        let eur = st.currency();
        let sum: Decimal = st.lines().iter().map(|l| l.amount).sum();
        prop_assert!(st.lines().iter().all(|l| eur.round(l.amount) == l.amount && l.amount == eur.round(l.rate * l.share)));
        prop_assert_eq!(st.total_excluding_vat(), sum);
        prop_assert_eq!(st.subtotals().iter().map(|s| s.amount).sum::<Decimal>(), sum);
        prop_assert_eq!(st.subtotals().iter().map(|s| s.sessions).sum::<usize>(), st.lines().len());
        prop_assert_eq!(st.vat_amount(), eur.round(sum * dec("0.2")));
        prop_assert_eq!(st.total(), sum + st.vat_amount());
    }

    #[test]
    fn the_statement_does_not_depend_on_the_order_of_the_sessions(sessions in sessions(), keys in prop::collection::vec(any::<u32>(), 60), month in 0..MONTHS.len()) {
        let mut shuffled: Vec<(u32, Session)> = keys.into_iter().zip(sessions.iter().cloned()).collect();
        shuffled.sort_by_key(|(k, _)| *k);
        let shuffled: Vec<Session> = shuffled.into_iter().map(|(_, s)| s).collect();
        let p = period(MONTHS[month]);
        prop_assert_eq!(statement(&amended(), &sessions, p, &policy()).unwrap(), statement(&amended(), &shuffled, p, &policy()).unwrap());
    }

    #[test]
    fn pricing_again_gives_identical_output(sessions in sessions(), month in 0..MONTHS.len()) {
        let p = period(MONTHS[month]);
        let first = statement(&amended(), &sessions, p, &policy()).unwrap();
        let second = statement(&amended(), &sessions, p, &policy()).unwrap();
        prop_assert_eq!(first.to_json(Lang::En).to_string(), second.to_json(Lang::En).to_string());
        prop_assert_eq!(Statement::from_json(&first.to_json(Lang::Fr)).unwrap(), second);
    }
}
