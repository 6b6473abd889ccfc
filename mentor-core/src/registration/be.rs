//! Belgium: enterprise number (numéro d'entreprise / ondernemingsnummer), also the VAT
//! number with `BE`.
//!
//! Sources: SPF Économie, "Banque-Carrefour des Entreprises (BCE/KBO) – numéro d'entreprise"
//! (economie.fgov.be), and the loi du 16 janvier 2003 creating the BCE: the enterprise number
//! has 10 digits, the first `0` or `1`; the last two are the check number
//! `97 − (first 8 digits mod 97)`. Numbers given before 2003 (the old VAT numbers) had 9
//! digits and take a leading `0`. The VAT number is `BE` + the same 10 digits (SPF Finances,
//! and the VIES FAQ).
//!
//! Normalisation: the module policy (separators, lower case, an optional or duplicated `BE`).
//! Also, as python-stdnum 2.2 reads them, a 9-digit number takes its leading `0`, and the old
//! printed form `BE (0)403.019.261`, with the `(0)` right after the optional prefix
//! (separators allowed inside the brackets), reads as `0403019261`. The normal form is the 10
//! digits without `BE` (`0403019261`); the printed form is the BCE's `0403.019.261`.
//!
//! Differences from python-stdnum 2.2 (`stdnum.be.vat`), beyond the separators and Unicode
//! characters of the module policy: a duplicated prefix is accepted (`BEBE0403019261`,
//! `BE BE (0)403019261`).

use super::number::{Compact, MAX_INPUT, clean, group};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Belgium: indépendants / zelfstandigen, identified by their enterprise number.
pub(super) static RULES: CountryRules = CountryRules {
    country: "BE",
    statuses: &[
        SelfEmployedStatus {
            local_name: "indépendant",
            gloss: Text::new(
                "self-employed person (French-speaking name), working in their own name as a natural person",
                "travailleur indépendant, exerçant en personne physique en son nom propre",
            ),
        },
        SelfEmployedStatus {
            local_name: "zelfstandige",
            gloss: Text::new(
                "self-employed person (Dutch-speaking name), working in their own name as a natural person",
                "travailleur indépendant (nom néerlandais), exerçant en personne physique en son nom propre",
            ),
        },
    ],
    procedure: Text::new(
        "register with the Crossroads Bank for Enterprises (Banque-Carrefour des Entreprises / Kruispuntbank van Ondernemingen) through an accredited enterprise counter (guichet d'entreprises / ondernemingsloket), which assigns the enterprise number; then activate the VAT number with the SPF Finances and join a social insurance fund",
        "s'inscrire à la Banque-Carrefour des Entreprises (BCE/KBO) par un guichet d'entreprises agréé, qui attribue le numéro d'entreprise ; puis activer le numéro de TVA auprès du SPF Finances et s'affilier à une caisse d'assurances sociales",
    ),
    schemes: &[&ENTERPRISE_NUMBER],
};

/// The enterprise number, also the VAT number with `BE`.
pub(super) static ENTERPRISE_NUMBER: Scheme = Scheme {
    id: SchemeId::BeEnterpriseNumber,
    name: "BCE/KBO",
    title: Text::new(
        "enterprise number (Crossroads Bank for Enterprises)",
        "numéro d'entreprise (Banque-Carrefour des Entreprises)",
    ),
    proves: Text::new(
        "the number is well-formed (10 digits starting with 0 or 1, mod 97 check number); it does not prove that the BCE registered the enterprise, that it is active, nor that its VAT number is activated",
        "le numéro est bien formé (10 chiffres commençant par 0 ou 1, nombre de contrôle modulo 97) ; cela ne prouve pas que la BCE a inscrit l'entreprise, qu'elle est active, ni que son numéro de TVA est activé",
    ),
    example: "0403.019.261",
    compact,
    check,
    format: |c| group(c.as_str(), &[4, 3, 3], "."),
};

/// The module policy with an optional or duplicated `BE`, the old `(0)` notation, and the
/// leading `0` of 9-digit numbers.
fn compact(input: &str) -> Result<Compact, InvalidReason> {
    if input.len() > MAX_INPUT {
        return Err(InvalidReason::WrongLength);
    }
    let c = match split_old_zero(input) {
        Some((before, after)) if is_prefix_only(before) => {
            let rest = match clean(after) {
                Ok(rest) => rest,
                Err(InvalidReason::Empty) => Compact::EMPTY,
                Err(e) => return Err(e),
            };
            rest.with_prefix("0").ok_or(InvalidReason::WrongLength)?
        }
        _ => clean(input)?.strip_country_prefix_checked("BE")?,
    };
    if c.len() == 9 {
        c.with_prefix("0").ok_or(InvalidReason::WrongLength)
    } else {
        Ok(c)
    }
}

/// Splits `input` around its first `(0)` (separators allowed inside the brackets, as
/// python-stdnum reads `BE( 0)…`): the text before and the text after.
fn split_old_zero(input: &str) -> Option<(&str, &str)> {
    let (before, rest) = input.split_once('(')?;
    let (inside, after) = rest.split_once(')')?;
    (clean(inside).ok()?.as_str() == "0").then_some((before, after))
}

/// Whether `s` holds nothing but separators and an optional (or duplicated) `BE`.
fn is_prefix_only(s: &str) -> bool {
    match clean(s) {
        Err(InvalidReason::Empty) => true,
        Ok(c) => c.strip_country_prefix_checked("BE") == Err(InvalidReason::Empty),
        Err(_) => false,
    }
}

/// Ten digits, the first 0 or 1, the last two `97 − (first 8 mod 97)`.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 10 {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    if !matches!(c.digit(0), Some(0 | 1)) {
        return Err(InvalidReason::UnknownPrefix);
    }
    let value = |range: std::ops::Range<usize>| {
        range
            .map(|i| c.digit(i))
            .try_fold(0u32, |acc, d| Some(acc * 10 + d?))
    };
    let (Some(body), Some(check_number)) = (value(0..8), value(8..10)) else {
        return Err(InvalidReason::InvalidFormat);
    };
    if 97 - body % 97 == check_number {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(input: &str) -> InvalidReason {
        ENTERPRISE_NUMBER.validate(input).unwrap_err().reason
    }

    #[test]
    fn known_values() {
        // 04030192: 4030192 mod 97 = 36 (97 × 41548 = 4030156), 97 − 36 = 61.
        assert!(ENTERPRISE_NUMBER.validate("BE 0403.019.261").is_ok());
        assert!(ENTERPRISE_NUMBER.validate("0403019261").is_ok());
        assert_eq!(ENTERPRISE_NUMBER.format("BE0403019261").unwrap(), "0403.019.261");
        assert_eq!(reason("0403019262"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("0403109261"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("04030192610"), InvalidReason::WrongLength);
        assert_eq!(reason("04030192A1"), InvalidReason::InvalidFormat);
    }

    #[test]
    fn named_invalid_cases() {
        // First digit 2: never assigned.
        assert_eq!(reason("BE2000021323"), InvalidReason::UnknownPrefix);
        // 97 − 0 = 97, not 00.
        assert_eq!(reason("BE0000000000"), InvalidReason::BadCheckDigit);
        assert!(ENTERPRISE_NUMBER.validate("0000000097").is_ok());
        // The check number of 04030192 after a first digit changed to 1.
        assert_eq!(reason("1403019261"), InvalidReason::BadCheckDigit);
    }

    #[test]
    fn old_forms() {
        let old = ENTERPRISE_NUMBER.validate("BE403019261").unwrap();
        assert_eq!(old.normalized(), "0403019261");
        for input in [
            "(0)403019261",
            "BE (0)403.019.261",
            "be(0) 403 019 261",
            "BEBE(0)403019261",
            "BE( 0 )403019261",
        ] {
            assert_eq!(
                ENTERPRISE_NUMBER.validate(input).unwrap().normalized(),
                "0403019261",
                "{input}"
            );
        }
        assert_eq!(reason("(0)0403019261"), InvalidReason::WrongLength);
        assert_eq!(reason("04(0)03019261"), InvalidReason::InvalidCharacters);
        assert_eq!(reason("(1)403019261"), InvalidReason::InvalidCharacters);
        assert_eq!(reason("(0)"), InvalidReason::WrongLength);
        // The 64-byte limit of the module policy holds for this form too.
        let padded = format!("BE{}(0){}403019261", " ".repeat(30), " ".repeat(30));
        assert_eq!(reason(&padded), InvalidReason::WrongLength);
    }

    #[test]
    fn prefixes_and_idempotence() {
        assert_eq!(
            ENTERPRISE_NUMBER.validate("BEBE0403019261").unwrap().normalized(),
            "0403019261"
        );
        assert_eq!(reason("BEBEBE0403019261"), InvalidReason::InvalidFormat);
        for input in ["403019261", "BE (0)403.019.261", "(0)", "12"] {
            let once = ENTERPRISE_NUMBER.compact(input).unwrap();
            assert_eq!(ENTERPRISE_NUMBER.compact(once.as_str()).unwrap(), once, "{input}");
        }
    }

    #[test]
    fn country_examples() {
        for scheme in RULES.schemes {
            assert!(scheme.validate(scheme.example).is_ok(), "{}", scheme.name);
        }
    }
}
