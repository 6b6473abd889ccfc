//! Properties of every registration scheme (issue 3), generic over
//! `registration::all_schemes()`, and the cases from public bug reports of other validators.
//!
//! - `validate(format(x)) == validate(x)` for well-formed x, however x was typed;
//! - `compact` is idempotent on any input it accepts;
//! - no input panics: arbitrary Unicode, long strings, for every scheme and for
//!   `registration::validate` over the 15 countries.
//!
//! Well-formed numbers are made generically: a scheme's example with a few digits changed at
//! random, then the last two digit positions searched for a combination the scheme accepts
//! (the example itself when none does). These tests are about normalisation and printing; the
//! check-digit verdicts are compared with python-stdnum in `stdnum_differential.rs`.

#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is a test failure (clippy.toml allows these in tests, but not in an integration test's helper functions)"
)]

use mentor_core::CountryCode;
use mentor_core::i18n::Lang;
use mentor_core::registration::{self, CountryRules, InvalidReason, Scheme, SchemeId, all_schemes};
use proptest::prelude::*;

/// The country whose rules list `scheme`.
fn country_of(scheme: &Scheme) -> &'static CountryRules {
    registration::countries()
        .find(|rules| rules.schemes.iter().any(|s| s.id == scheme.id))
        .unwrap_or_else(|| panic!("{} belongs to no country", scheme.id))
}

/// A well-formed number of `scheme`, in compact form: its example with the digits at the
/// positions `changes` picks replaced, then repaired by searching the last two digit positions.
fn well_formed(scheme: &'static Scheme, changes: &[(usize, u8)]) -> String {
    let example = scheme
        .validate(scheme.example)
        .unwrap_or_else(|e| panic!("{}: its example is invalid: {e}", scheme.id));
    let mut bytes = example.normalized().as_bytes().to_vec();
    let digits: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    if digits.len() < 3 {
        return example.normalized().to_owned();
    }
    for &(pick, digit) in changes {
        bytes[digits[pick % digits.len()]] = b'0' + digit % 10;
    }
    let (a, b) = (digits[digits.len() - 2], digits[digits.len() - 1]);
    for x in b'0'..=b'9' {
        for y in b'0'..=b'9' {
            bytes[a] = x;
            bytes[b] = y;
            let candidate = String::from_utf8(bytes.clone()).unwrap();
            if scheme.validate(&candidate).is_ok() {
                return candidate;
            }
        }
    }
    example.normalized().to_owned()
}

/// Ways a person may type a number: as printed, lower case, with separators, spaced out.
fn presentations(scheme: &'static Scheme, compact: &str, seps: &[(usize, char)]) -> Vec<String> {
    let formatted = scheme.format(compact).unwrap();
    let mut spaced: Vec<char> = compact.chars().collect();
    for &(at, sep) in seps {
        spaced.insert(at % (spaced.len() + 1), sep);
    }
    vec![
        compact.to_owned(),
        formatted.clone(),
        formatted.to_lowercase(),
        spaced.into_iter().collect(),
        format!(" {formatted}\u{a0}"),
    ]
}

fn separators() -> impl Strategy<Value = Vec<(usize, char)>> {
    prop::collection::vec(
        (
            any::<usize>(),
            prop::sample::select(vec![' ', '.', '-', '/', '_', ',', '\t', '\u{a0}']),
        ),
        0..4,
    )
}

fn digit_changes() -> impl Strategy<Value = Vec<(usize, u8)>> {
    prop::collection::vec((any::<usize>(), 0u8..10), 0..4)
}

/// Inputs that come close to registration numbers: prefixes (some repeated), digits, letters,
/// separators.
fn near_numbers() -> impl Strategy<Value = String> {
    prop_oneof![
        "((FR|fr|US|GB|gb|XI|DE|ES|IT|BE|CH|CHE|che|CA|NL|nl|MA|SN|CI|TN|CM) ?){0,3}[0-9 .\\-/]{0,18}[A-Za-z]{0,4}[0-9]{0,4}",
        "[0-9A-Za-z .\\-/_,]{0,30}",
        "[0-9]{0,16}",
    ]
}

/// Any Unicode, short or long.
fn anything() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect()),
        "[0-9A-Za-z .\\-]{60,200}",
        "[\\u{0}-\\u{ffff}]{0,40}",
    ]
}

/// Exercises every public path of a scheme on `input`; any panic fails the test.
fn poke_scheme(scheme: &'static Scheme, input: &str) {
    let _ = scheme.compact(input);
    let _ = scheme.format(input);
    match scheme.validate(input) {
        Ok(n) => {
            assert_eq!(n.scheme_id(), scheme.id);
            let _ = n.formatted();
            let wire = n.to_json();
            assert_eq!(
                (&wire["normalized"], &wire["valid"]),
                (&serde_json::json!(n.normalized()), &serde_json::json!(true))
            );
        }
        Err(e) => {
            assert_eq!(e.scheme, scheme.id);
            let _ = e.reason.message(Lang::En);
            let _ = e.reason.message(Lang::Fr);
            let _ = e.to_string();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn validate_of_format_is_validate(changes in digit_changes(), seps in separators()) {
        for scheme in all_schemes() {
            let x = well_formed(scheme, &changes);
            let direct = scheme.validate(&x).unwrap();
            for typed in presentations(scheme, &x, &seps) {
                let Ok(n) = scheme.validate(&typed) else {
                    panic!("{}: {typed:?} (a presentation of {x}) is refused", scheme.id);
                };
                prop_assert_eq!(n.normalized(), direct.normalized(), "{}: {:?}", scheme.id, typed);
                let again = scheme.validate(&n.formatted()).unwrap();
                prop_assert_eq!(again.scheme_id(), n.scheme_id());
                prop_assert_eq!(again.normalized(), n.normalized(), "{}: {:?}", scheme.id, n.formatted());
                prop_assert_eq!(again.formatted(), n.formatted());
            }
        }
    }

    #[test]
    fn country_validate_names_the_scheme_of_a_formatted_number(changes in digit_changes()) {
        for scheme in all_schemes() {
            let x = well_formed(scheme, &changes);
            let formatted = scheme.format(&x).unwrap();
            let rules = country_of(scheme);
            let country = CountryCode::parse(rules.country).unwrap();
            let found = registration::validate(country, &formatted)
                .unwrap_or_else(|e| panic!("{}: {formatted:?} refused by validate({}): {e}", scheme.id, rules.country));
            prop_assert_eq!(found.scheme_id(), scheme.id, "{:?}", formatted);
            prop_assert_eq!(found.normalized(), x.as_str());
        }
    }

    #[test]
    fn compact_is_idempotent(input in prop_oneof![near_numbers(), anything()]) {
        for scheme in all_schemes() {
            if let Ok(once) = scheme.compact(&input) {
                let twice = scheme.compact(once.as_str());
                prop_assert_eq!(twice, Ok(once), "{}: {:?}", scheme.id, input);
            }
        }
    }

    #[test]
    fn no_input_panics(input in prop_oneof![anything(), near_numbers()]) {
        for scheme in all_schemes() {
            poke_scheme(scheme, &input);
        }
        for rules in registration::countries() {
            let country = CountryCode::parse(rules.country).unwrap();
            match registration::validate(country, &input) {
                Ok(n) => {
                    let _ = n.formatted();
                }
                Err(e) => {
                    let _ = e.to_string();
                }
            }
        }
    }
}

#[test]
fn every_country_has_schemes_and_texts() {
    assert_eq!(registration::countries().len(), 15);
    for rules in registration::countries() {
        assert!(!rules.schemes.is_empty(), "{}", rules.country);
        assert!(!rules.statuses.is_empty(), "{}", rules.country);
        assert!(
            !rules.procedure.en.is_empty() && !rules.procedure.fr.is_empty(),
            "{}",
            rules.country
        );
    }
    for scheme in all_schemes() {
        assert!(
            scheme.validate(scheme.example).is_ok(),
            "{}: example {:?}",
            scheme.id,
            scheme.example
        );
        assert_eq!(
            scheme.format(scheme.example).unwrap(),
            scheme.example,
            "{}: the example is printed as formatted",
            scheme.id
        );
        for text in [scheme.title, scheme.proves] {
            assert!(!text.en.is_empty() && !text.fr.is_empty(), "{}", scheme.id);
        }
        assert!(
            scheme.proves.en.contains("not"),
            "{}: `proves` must say what it does not prove",
            scheme.id
        );
    }
}

#[test]
fn compact_is_idempotent_on_repeated_prefixes() {
    // A prefix typed once, doubled by a form, or more: each pass of `compact` must give the
    // same result, whether it strips, refuses, or keeps what is left.
    for scheme in all_schemes() {
        let prefix = country_of(scheme).country;
        let example = scheme.compact(scheme.example).unwrap();
        for times in 1..=4 {
            for body in [example.as_str(), "1", "12345"] {
                let input = format!("{}{body}", prefix.repeat(times));
                if let Ok(once) = scheme.compact(&input) {
                    assert_eq!(
                        scheme.compact(once.as_str()),
                        Ok(once),
                        "{}: {input:?}",
                        scheme.id
                    );
                }
            }
        }
        if let Ok(once) = scheme.compact(prefix) {
            assert_eq!(
                scheme.compact(once.as_str()),
                Ok(once),
                "{}: {prefix:?}",
                scheme.id
            );
        }
    }
}

#[test]
fn long_and_odd_inputs_are_refused_cleanly() {
    let long = "1".repeat(10_000);
    for scheme in all_schemes() {
        assert_eq!(
            scheme.validate(&long).unwrap_err().reason,
            InvalidReason::WrongLength,
            "{}",
            scheme.id
        );
        assert_eq!(
            scheme.validate("").unwrap_err().reason,
            InvalidReason::Empty,
            "{}",
            scheme.id
        );
        assert_eq!(
            scheme.validate("12\u{301}3").unwrap_err().reason,
            InvalidReason::InvalidCharacters,
            "{}",
            scheme.id
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Cases from public bug reports of other validators (issue 3), each a named test.
// ---------------------------------------------------------------------------------------------

fn valid(id: SchemeId, input: &str) -> bool {
    id.scheme().validate(input).is_ok()
}

fn valid_in(country: &str, input: &str) -> bool {
    registration::validate(CountryCode::parse(country).unwrap(), input).is_ok()
}

#[test]
fn la_poste_head_office_siret_is_valid() {
    // La Poste's head office passes Luhn; its other SIRETs use the digit-sum rule.
    assert!(valid(SchemeId::FrSiret, "35600000000048"));
    assert!(valid_in("FR", "356 000 000 00048"));
}

#[test]
fn la_poste_siret_35600000049838_is_invalid() {
    assert!(!valid(SchemeId::FrSiret, "35600000049838"));
    assert!(!valid_in("FR", "35600000049838"));
}

#[test]
fn monaco_vat_number_is_valid_although_no_siren() {
    assert!(valid(SchemeId::FrVat, "FR40000066034"));
    assert!(valid_in("FR", "FR 40 000066034"));
}

#[test]
fn french_vat_with_an_underscore_and_nine_digits_is_invalid() {
    assert!(!valid(SchemeId::FrVat, "FR_9128370925"));
    assert!(!valid_in("FR", "FR_9128370925"));
}

#[test]
fn belgian_be2000021323_is_invalid() {
    assert!(!valid(SchemeId::BeEnterpriseNumber, "BE2000021323"));
    assert!(!valid_in("BE", "BE2000021323"));
}

#[test]
fn belgian_be0000000000_is_invalid() {
    assert!(!valid(SchemeId::BeEnterpriseNumber, "BE0000000000"));
    assert!(!valid_in("BE", "BE0000000000"));
}

#[test]
fn british_vat_gb340804329_is_valid() {
    assert!(valid(SchemeId::GbVat, "GB340804329"));
    assert!(valid_in("GB", "GB 340 8043 29"));
}

#[test]
fn spanish_company_nif_a58818501_is_valid() {
    assert!(valid(SchemeId::EsNif, "A58818501"));
    assert!(valid_in("ES", "ES-A58818501"));
}

#[test]
fn italian_01256588755_is_invalid() {
    assert!(!valid(SchemeId::ItIva, "01256588755"));
    assert!(!valid_in("IT", "IT01256588755"));
}
