//! Côte d'Ivoire: taxpayer account number (NCC) and trade register number (RCCM).
//!
//! Sources:
//! - Direction Générale des Impôts (DGI, dgi.gouv.ci): the Numéro de Compte Contribuable is
//!   seven digits followed by a key letter (`1234567A`). The DGI does not publish how the
//!   letter is computed, so only the format is checked.
//! - OHADA Uniform Act on General Commercial Law (Registre du Commerce et du Crédit Mobilier),
//!   as kept by the Tribunal de Commerce d'Abidjan: `CI`, the three-letter code of the
//!   registry (`ABJ` for Abidjan), the year, a letter for the kind of entry and a serial
//!   number, `CI-ABJ-2024-A-12345`. No check digit; format only.
//!
//! Neither check says the number was assigned: only the DGI and the RCCM do.
//!
//! Normalisation: the module policy, with an optional or duplicated `CI` prefix; the RCCM's
//! normal form keeps its `CI` (`CIABJ2024A12345`, printed `CI-ABJ-2024-A-12345`). The NCC is
//! printed as its compact form. The newer RCCM numbers that carry a court code
//! (`CI-ABJ-03-2022-B13-…`) are not recognised.

use super::number::{Compact, as_is, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Côte d'Ivoire: the entreprenant, identified by the NCC or the RCCM number.
pub(super) static RULES: CountryRules = CountryRules {
    country: "CI",
    statuses: &[SelfEmployedStatus {
        local_name: "entreprenant",
        gloss: Text::new(
            "entreprenant: the simplified status of a small individual business under OHADA law",
            "entreprenant : le statut simplifié de la petite entreprise individuelle du droit OHADA",
        ),
    }],
    procedure: Text::new(
        "declare the activity at the one-stop business-creation desk (guichet unique) of the CEPICI, which records it at the RCCM; the Direction Générale des Impôts (DGI) assigns the taxpayer account number (NCC)",
        "déclarer l'activité au guichet unique de création d'entreprise du CEPICI, qui l'inscrit au RCCM ; la Direction Générale des Impôts (DGI) attribue le numéro de compte contribuable (NCC)",
    ),
    schemes: &[&NCC, &RCCM],
};

/// The taxpayer account number.
pub(super) static NCC: Scheme = Scheme {
    id: SchemeId::CiNcc,
    name: "NCC",
    title: Text::new(
        "taxpayer account number (NCC)",
        "numéro de compte contribuable (NCC)",
    ),
    proves: Text::new(
        "the number has the expected format (seven digits and a letter); its key letter cannot be checked, and this does not prove that the DGI assigned it",
        "le numéro a le format attendu (sept chiffres et une lettre) ; sa lettre clé ne peut pas être vérifiée, et cela ne prouve pas que la DGI l'a attribué",
    ),
    example: "1234567A",
    compact: |input| clean(input)?.strip_country_prefix_checked(PREFIX),
    check: check_ncc,
    format: as_is,
};

/// The trade register number.
pub(super) static RCCM: Scheme = Scheme {
    id: SchemeId::CiRccm,
    name: "RCCM",
    title: Text::new(
        "trade and personal property credit register number (RCCM)",
        "numéro du registre du commerce et du crédit mobilier (RCCM)",
    ),
    proves: Text::new(
        "the number has the expected format (CI, a registry code, a year, a letter, a serial number); it has no check digit, and this does not prove that the entry exists",
        "le numéro a le format attendu (CI, un code de greffe, une année, une lettre, un numéro d'ordre) ; il n'a pas de clé de contrôle, et cela ne prouve pas que l'inscription existe",
    ),
    example: "CI-ABJ-2024-A-12345",
    compact: compact_rccm,
    check: check_rccm,
    format: format_rccm,
};

/// The country prefix.
const PREFIX: &str = "CI";

/// The longest serial number of an RCCM entry, in digits.
const MAX_SERIAL: usize = 6;

/// The policy, with `CI` optional or doubled, and `CI` kept in the normal form.
fn compact_rccm(input: &str) -> Result<Compact, InvalidReason> {
    let cleaned = clean(input)?;
    let bytes = cleaned.as_bytes();
    let once = bytes
        .strip_prefix(PREFIX.as_bytes())
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with(PREFIX.as_bytes()));
    if once {
        // The usual case, `CI` once: nothing to strip or add.
        return Ok(cleaned);
    }
    cleaned
        .strip_country_prefix_checked(PREFIX)?
        .with_prefix(PREFIX)
        .ok_or(InvalidReason::WrongLength)
}

/// Seven digits and a letter.
fn check_ncc(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 8 {
        return Err(InvalidReason::WrongLength);
    }
    match c.as_bytes().split_last() {
        Some((key, digits)) if key.is_ascii_uppercase() && digits.iter().all(u8::is_ascii_digit) => Ok(()),
        _ => Err(InvalidReason::InvalidFormat),
    }
}

/// The parts of a compact RCCM: registry, year, kind, serial.
fn rccm_parts(c: &Compact) -> Option<(&str, &str, &str, &str)> {
    let s = c.as_str().strip_prefix(PREFIX)?;
    let (registry, rest) = s.split_at_checked(3)?;
    let (year, rest) = rest.split_at_checked(4)?;
    let (kind, serial) = rest.split_at_checked(1)?;
    Some((registry, year, kind, serial))
}

/// `CI`, three letters, four digits, a letter, one to six digits.
fn check_rccm(c: &Compact) -> Result<(), InvalidReason> {
    if !(2 + 3 + 4 + 1 + 1..=2 + 3 + 4 + 1 + MAX_SERIAL).contains(&c.len()) {
        return Err(InvalidReason::WrongLength);
    }
    let (registry, year, kind, serial) = rccm_parts(c).ok_or(InvalidReason::InvalidFormat)?;
    let letters = |s: &str| s.bytes().all(|b| b.is_ascii_uppercase());
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if letters(registry) && digits(year) && letters(kind) && digits(serial) {
        Ok(())
    } else {
        Err(InvalidReason::InvalidFormat)
    }
}

/// `CI-ABJ-2024-A-12345`.
fn format_rccm(c: &Compact) -> String {
    match rccm_parts(c) {
        Some((registry, year, kind, serial)) => format!("{PREFIX}-{registry}-{year}-{kind}-{serial}"),
        None => c.as_str().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ncc_format() {
        let n = NCC.validate("1234567 a").unwrap();
        assert_eq!(n.normalized(), "1234567A");
        assert_eq!(n.formatted(), "1234567A");
        assert!(NCC.validate("CI-1234567A").is_ok());
        assert_eq!(
            NCC.validate("123456A").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            NCC.validate("12345678").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            NCC.validate("A1234567").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }

    #[test]
    fn rccm_format() {
        let n = RCCM.validate("CI-ABJ-2024-A-12345").unwrap();
        assert_eq!(n.normalized(), "CIABJ2024A12345");
        assert_eq!(n.formatted(), "CI-ABJ-2024-A-12345");
        assert_eq!(
            RCCM.validate("abj 2017 b 1234").unwrap().formatted(),
            "CI-ABJ-2017-B-1234"
        );
        assert_eq!(
            RCCM.validate("CI-CI-BKE-2010-A-7").unwrap().formatted(),
            "CI-BKE-2010-A-7"
        );
    }

    #[test]
    fn rccm_malformed() {
        assert_eq!(
            RCCM.validate("CI-ABJ-2024-A").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            RCCM.validate("CI-ABJ-2024-A-1234567").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            RCCM.validate("CI-AB1-2024-A-12345").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            RCCM.validate("CI-ABJ-24-A-12345").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            RCCM.validate("CI-ABJ-2024-1-12345").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            RCCM.validate("CI-ABJ-2024-A-1234B").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }
}
