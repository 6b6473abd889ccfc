//! Registration numbers (`docs/registration/README.md`), every scheme of every country, on the
//! same input text:
//! - `compact` is idempotent: `compact(compact(x)) == compact(x)`;
//! - a well-formed number formats, and its formatted form is the same number:
//!   `compact(format(x)) == compact(x)`, `validate(format(x))` gives the same normalised
//!   number, and the number `identifies` both texts;
//! - a country's `validate` names a scheme that accepts the text on its own.
//!
//! An input refused only for its check digit is mended (its last letter or digit replaced by
//! each of `0-9A-Z` until one is accepted), so that the properties of well-formed numbers are
//! reached from any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::registration::{self, InvalidReason, Scheme};
use mentor_core::{CountryCode, Lang, Localized};

fn well_formed(scheme: &'static Scheme, input: &str) {
    let number = scheme.validate(input).unwrap();
    let formatted = number.formatted();
    assert_eq!(scheme.format(input).as_deref(), Ok(formatted.as_str()));
    let again = scheme.validate(&formatted).unwrap_or_else(|e| {
        panic!(
            "{:?}: the formatted form is refused: {}",
            scheme.id,
            e.reason.code()
        )
    });
    assert_eq!(
        again.normalized(),
        number.normalized(),
        "{:?}: format changed the number",
        scheme.id
    );
    assert_eq!(
        scheme.compact(&formatted).unwrap(),
        scheme.compact(input).unwrap(),
        "{:?}: compact(format(x)) != compact(x)",
        scheme.id
    );
    assert!(
        number.identifies(input) && number.identifies(&formatted),
        "{:?}",
        scheme.id
    );
    assert_eq!(
        again.formatted(),
        formatted,
        "{:?}: format is not stable",
        scheme.id
    );
}

/// The input with its last ASCII letter or digit replaced by `c`.
fn mended(input: &str, c: char) -> Option<String> {
    let (at, old) = input
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_ascii_alphanumeric())?;
    let mut out = String::with_capacity(input.len());
    out.push_str(&input[..at]);
    out.push(c);
    out.push_str(&input[at + old.len_utf8()..]);
    Some(out)
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for scheme in registration::all_schemes() {
        if let Ok(compact) = scheme.compact(input) {
            assert_eq!(
                scheme.compact(compact.as_str()),
                Ok(compact),
                "{:?}: compact is not idempotent",
                scheme.id
            );
        }
        match scheme.validate(input) {
            Ok(_) => well_formed(scheme, input),
            Err(e) => {
                let _ = (e.reason.code(), e.reason.message(Lang::Fr));
                if e.reason == InvalidReason::BadCheckDigit {
                    let fixed = ('0'..='9')
                        .chain('A'..='Z')
                        .filter_map(|c| mended(input, c))
                        .find(|m| scheme.validate(m).is_ok());
                    if let Some(fixed) = fixed {
                        well_formed(scheme, &fixed);
                    }
                }
            }
        }
    }
    for rules in registration::countries() {
        let country = CountryCode::parse(rules.country).unwrap();
        match registration::validate(country, input) {
            Ok(number) => {
                let alone = number
                    .scheme()
                    .validate(input)
                    .expect("the scheme named accepts the text");
                assert_eq!(alone.normalized(), number.normalized());
            }
            Err(e) => {
                let _ = e.to_json(Lang::Fr);
            }
        }
        let _ = registration::validate_json(rules.country, input, Lang::En);
    }
});
