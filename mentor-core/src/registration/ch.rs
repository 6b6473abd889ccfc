//! Switzerland: the business identification number UID (IDE / IDI) and the VAT number.
//!
//! Source: Federal Statistical Office (BFS/OFS), UID register, and the Ordinance on the
//! Business Identification Number (UIDV/OIDE, SR 431.031, art. 3): `CHE`, eight digits and a
//! check digit computed modulo 11 with the weights 5, 4, 3, 2, 7, 6, 5, 4; the check digit is
//! (11 − Σ mod 11) mod 11, and a result of 10 is never assigned. The Federal Tax
//! Administration (ESTV/AFC) builds the VAT number from the UID and the abbreviation of VAT
//! in one of the national languages: `MWST` (German), `TVA` (French) or `IVA` (Italian).
//!
//! A well-formed UID may still be unassigned or deleted; the public UID register
//! (uid.admin.ch) says whether it exists and whether the business is VAT-registered.
//!
//! Normalisation: the module policy. `CHE` plays the part of the country prefix: it is
//! optional (`116.281.710` reads as `CHE116281710`) and may be doubled; the normal form puts
//! it back. Printed forms: `CHE-116.281.710` and `CHE-116.281.710 MWST`.
//!
//! Difference from python-stdnum 2.2 beyond the module policy: its `ch.vat` requires `CHE`,
//! here it is optional as for the UID (listed in `tests/stdnum_differential.rs`).

use super::number::{Compact, clean, group};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Switzerland: the sole proprietorship, identified by its UID (and VAT number).
pub(super) static RULES: CountryRules = CountryRules {
    country: "CH",
    statuses: &[SelfEmployedStatus {
        local_name: "raison individuelle / Einzelunternehmen",
        gloss: Text::new(
            "sole proprietorship: a person working on their own account under their own name",
            "raison individuelle : une personne qui travaille à son compte et en son nom",
        ),
    }],
    procedure: Text::new(
        "get recognised as self-employed by the AHV/AVS compensation office (Ausgleichskasse / caisse de compensation) of the canton; registration in the commercial register is required above CHF 100,000 of annual turnover, and VAT registration from CHF 100,000 too; the UID is assigned on registration",
        "se faire reconnaître comme indépendant par la caisse de compensation AVS du canton ; l'inscription au registre du commerce est obligatoire au-delà de 100 000 CHF de chiffre d'affaires annuel, tout comme l'assujettissement à la TVA ; l'IDE est attribué à l'inscription",
    ),
    schemes: &[&UID, &VAT],
};

/// The business identification number (UID, IDE in French, IDI in Italian).
pub(super) static UID: Scheme = Scheme {
    id: SchemeId::ChUid,
    name: "UID",
    title: Text::new(
        "Business Identification Number (UID)",
        "numéro d'identification des entreprises (IDE)",
    ),
    proves: Text::new(
        "the number is well-formed (CHE, nine digits, a matching check digit); it does not prove that the UID is assigned or that the business is active",
        "le numéro est bien formé (CHE, neuf chiffres, une clé de contrôle exacte) ; cela ne prouve pas que l'IDE est attribué ni que l'entreprise est active",
    ),
    example: "CHE-116.281.710",
    compact: compact_uid,
    check: check_uid,
    format: format_uid,
};

/// The VAT number: the UID followed by `MWST`, `TVA` or `IVA`.
pub(super) static VAT: Scheme = Scheme {
    id: SchemeId::ChVat,
    name: "MWST/TVA/IVA",
    title: Text::new(
        "VAT number (UID + MWST/TVA/IVA)",
        "numéro de TVA (IDE + MWST/TVA/IVA)",
    ),
    proves: Text::new(
        "the number is well-formed (a well-formed UID followed by MWST, TVA or IVA); it does not prove that the business is registered for VAT",
        "le numéro est bien formé (un IDE bien formé suivi de MWST, TVA ou IVA) ; cela ne prouve pas que l'entreprise est assujettie à la TVA",
    ),
    example: "CHE-116.281.710 MWST",
    compact: compact_uid,
    check: check_vat,
    format: format_vat,
};

/// The UID prefix, the ISO 3166 alpha-3 code of Switzerland.
const PREFIX: &str = "CHE";

/// The weights of the eight digits before the check digit (UIDV art. 3).
const WEIGHTS: [u32; 8] = [5, 4, 3, 2, 7, 6, 5, 4];

/// The abbreviations of VAT that end a VAT number, in German, French and Italian.
const VAT_SUFFIXES: [&str; 3] = ["MWST", "TVA", "IVA"];

/// The policy, with `CHE` optional or doubled; `CHE` is put back before a digit.
fn compact_uid(input: &str) -> Result<Compact, InvalidReason> {
    let cleaned = clean(input)?;
    let bytes = cleaned.as_bytes();
    if bytes.starts_with(PREFIX.as_bytes()) && bytes.get(3).is_some_and(u8::is_ascii_digit) {
        // The usual case, `CHE` once: nothing to strip or add.
        return Ok(cleaned);
    }
    let rest = cleaned.strip_country_prefix_checked(PREFIX)?;
    if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        rest.with_prefix(PREFIX).ok_or(InvalidReason::WrongLength)
    } else {
        // Another prefix (`ADM…`, the administrative number): left for `check` to refuse.
        Ok(rest)
    }
}

/// `CHE` and nine digits whose last is the check digit.
fn check_uid(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 12 {
        return Err(InvalidReason::WrongLength);
    }
    check_uid_body(c.as_bytes())
}

/// The first twelve bytes are a well-formed UID.
fn check_uid_body(bytes: &[u8]) -> Result<(), InvalidReason> {
    let (Some(prefix), Some(digits)) = (bytes.get(..3), bytes.get(3..12)) else {
        return Err(InvalidReason::WrongLength);
    };
    if !digits.iter().all(u8::is_ascii_digit) {
        return Err(InvalidReason::InvalidFormat);
    }
    if prefix != PREFIX.as_bytes() {
        return Err(if prefix.iter().all(u8::is_ascii_uppercase) {
            InvalidReason::UnknownPrefix
        } else {
            InvalidReason::InvalidFormat
        });
    }
    let sum: u32 = digits
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let expected = (11 - sum % 11) % 11;
    if digits.last().map(|d| u32::from(d - b'0')) != Some(expected) {
        return Err(InvalidReason::BadCheckDigit);
    }
    Ok(())
}

/// The UID a VAT number is built on, without its language suffix: what identifies the holder.
pub(super) fn holder(c: &Compact) -> &str {
    c.as_str().get(..12).unwrap_or(c.as_str())
}

/// A well-formed UID followed by one of the VAT suffixes.
fn check_vat(c: &Compact) -> Result<(), InvalidReason> {
    if !(15..=16).contains(&c.len()) {
        return Err(InvalidReason::WrongLength);
    }
    let bytes = c.as_bytes();
    let suffix = bytes.get(12..).unwrap_or_default();
    if !VAT_SUFFIXES.iter().any(|s| s.as_bytes() == suffix) {
        return Err(InvalidReason::InvalidFormat);
    }
    check_uid_body(bytes)
}

/// `CHE-116.281.710`.
fn format_uid(c: &Compact) -> String {
    let digits = c.skip(3);
    let body = digits
        .as_bytes()
        .get(..9)
        .and_then(|d| std::str::from_utf8(d).ok())
        .unwrap_or_default();
    format!("{PREFIX}-{}", group(body, &[3, 3, 3], "."))
}

/// `CHE-116.281.710 MWST`.
fn format_vat(c: &Compact) -> String {
    format!("{} {}", format_uid(c), c.skip(12))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_known_values() {
        // CHE-116.281.710: 1·5+1·4+6·3+2·2+8·7+1·6+7·5+1·4 = 132 = 12·11, check (11−0) mod 11 = 0.
        let n = UID.validate("CHE-116.281.710").unwrap();
        assert_eq!(n.normalized(), "CHE116281710");
        assert_eq!(n.formatted(), "CHE-116.281.710");
        assert_eq!(UID.validate("116281710").unwrap().normalized(), "CHE116281710");
        assert_eq!(
            UID.validate("che che 116 281 710").unwrap().normalized(),
            "CHE116281710"
        );
        // 1·5+0·4+0·3+0·2+0·7+0·6+0·5+0·4 = 5, check 11 − 5 = 6.
        assert!(UID.validate("CHE-100.000.006").is_ok());
        assert_eq!(
            UID.validate("CHE-100.000.007").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
    }

    #[test]
    fn uid_check_digit_ten_is_never_valid() {
        // 0000000 3: 3·4 = 12, 12 mod 11 = 1, 11 − 1 = 10: no digit can be the check digit.
        for last in 0..10 {
            let uid = format!("CHE00000003{last}");
            assert_eq!(
                UID.validate(&uid).unwrap_err().reason,
                InvalidReason::BadCheckDigit,
                "{uid}"
            );
        }
    }

    #[test]
    fn uid_malformed() {
        assert_eq!(
            UID.validate("ADM-116.281.710").unwrap_err().reason,
            InvalidReason::UnknownPrefix
        );
        assert_eq!(
            UID.validate("CHE-116.281.71").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            UID.validate("CHE-116.281.71A").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            UID.validate("CHE-116.281.710 MWST").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            UID.validate("CHECHECHE116281710").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }

    #[test]
    fn vat_known_values() {
        for (input, normal, printed) in [
            ("CHE-116.281.710 MWST", "CHE116281710MWST", "CHE-116.281.710 MWST"),
            ("che116281710tva", "CHE116281710TVA", "CHE-116.281.710 TVA"),
            ("CHE-116.281.710 IVA", "CHE116281710IVA", "CHE-116.281.710 IVA"),
            ("116.281.710 MWST", "CHE116281710MWST", "CHE-116.281.710 MWST"),
        ] {
            let n = VAT.validate(input).unwrap();
            assert_eq!(n.normalized(), normal);
            assert_eq!(n.formatted(), printed);
        }
    }

    #[test]
    fn vat_malformed() {
        assert_eq!(
            VAT.validate("CHE-116.281.710").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            VAT.validate("CHE-116.281.710 HR").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            VAT.validate("CHE-116.281.710 VAT").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            VAT.validate("CHE-116.281.711 MWST").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
        assert_eq!(
            VAT.validate("CHE-116.281.710 MWSTMWST").unwrap_err().reason,
            InvalidReason::WrongLength
        );
    }
}
