//! France: SIREN, SIRET and the intra-community VAT number (n° TVA intracommunautaire).
//!
//! Sources:
//! - INSEE, "Répertoire Sirene" and the description of the SIREN and SIRET numbers
//!   (insee.fr): the SIREN has 9 digits, the last a Luhn check digit; the SIRET is the SIREN
//!   followed by a 5-digit establishment number (NIC) whose last digit makes the whole
//!   14 digits pass Luhn. La Poste (SIREN 356 000 000) has more establishments than a Luhn
//!   check digit leaves numbers for: its SIRETs are well-formed when the sum of their 14
//!   digits is a multiple of 5, except its head office `356 000 000 00048`, which passes Luhn
//!   (fr.wikipedia.org, "Système d'identification du répertoire des établissements").
//! - DGFiP, "Numéro de TVA intracommunautaire" (impots.gouv.fr) and the European
//!   Commission's VIES FAQ: `FR` + a 2-character key + the SIREN. The numeric key is
//!   `(12 + 3 × (SIREN mod 97)) mod 97`. Newer numbers have an alphanumeric key over
//!   `0-9 A-H J-N P-Z` (no `I`, no `O`), computed as published in SAP's country notes for
//!   France (wiki.scn.sap.com, "CRM France"): with the characters' ranks in that alphabet,
//!   `v = 24·r₁ + r₂ − 10` when the first is a digit, `v = 34·r₁ + r₂ − 100` otherwise; the
//!   key is right when `v mod 11 = (SIREN + ⌊v / 11⌋ + 1) mod 11`. Monaco's businesses get
//!   French VAT numbers whose 9 digits start with `000` and are no SIREN: their Luhn check is
//!   skipped (`FR40000066034` is well-formed).
//!
//! Normalisation: the module policy (separators, lower case, an optional or duplicated `FR`).
//! - SIREN and SIRET: the normal form is the digits (`73282932000074`), printed in groups of
//!   three with the NIC last (`732 829 320 00074`), as INSEE prints them.
//! - VAT: the normal form carries `FR` (`FR40303265045`); it is printed
//!   `FR 40 303 265 045`: prefix, key, then the SIREN in groups of three. A second `FR` is
//!   taken as a duplicated prefix only when more than the 11 characters of key + SIREN are
//!   left, because `FR` is itself a possible key (`FRFR983867565` is key `FR` + SIREN).
//!
//! Differences from python-stdnum 2.2 (`stdnum.fr.siren`, `siret`, `tva`), beyond the
//! separators and Unicode characters of the module policy: SIREN and SIRET accept the `FR`
//! prefix (`FR732829320`), VAT accepts a duplicated one (`FRFR40303265045`).

use super::checksum::{luhn_valid, mod_decimal};
use super::number::{Compact, clean, group};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// France: micro-entrepreneurs and other sole traders, identified by SIRET, SIREN or VAT
/// number.
pub(super) static RULES: CountryRules = CountryRules {
    country: "FR",
    statuses: &[
        SelfEmployedStatus {
            local_name: "micro-entrepreneur",
            gloss: Text::new(
                "sole trader (entreprise individuelle, EI) under the simplified micro-enterprise tax and social-security regime",
                "entrepreneur individuel (EI) au régime simplifié de la micro-entreprise (micro-fiscal et micro-social)",
            ),
        },
        SelfEmployedStatus {
            local_name: "entrepreneur individuel (EI)",
            gloss: Text::new(
                "sole trader (entreprise individuelle) under the standard tax regime",
                "entrepreneur individuel (entreprise individuelle) au régime réel d'imposition",
            ),
        },
    ],
    procedure: Text::new(
        "declare the business online on the guichet unique run by INPI (formalites.entreprises.gouv.fr); INSEE then assigns the SIREN and SIRET numbers",
        "déclarer l'activité en ligne sur le guichet unique géré par l'INPI (formalites.entreprises.gouv.fr) ; l'INSEE attribue ensuite les numéros SIREN et SIRET",
    ),
    schemes: &[&SIRET, &SIREN, &VAT],
};

/// The SIREN, the 9-digit number of the business.
pub(super) static SIREN: Scheme = Scheme {
    id: SchemeId::FrSiren,
    name: "SIREN",
    title: Text::new(
        "business identification number (Sirene directory)",
        "numéro d'identification de l'entreprise (répertoire Sirene)",
    ),
    proves: Text::new(
        "the number is well-formed (9 digits, Luhn check digit); it does not prove that INSEE registered the business nor that it is still active",
        "le numéro est bien formé (9 chiffres, clé de Luhn) ; cela ne prouve pas que l'INSEE a immatriculé l'entreprise ni qu'elle est toujours active",
    ),
    example: "732 829 320",
    compact: compact_digits,
    check: check_siren,
    format: |c| group(c.as_str(), &[3, 3, 3], " "),
};

/// The SIRET, the 14-digit number of one establishment: SIREN + NIC.
pub(super) static SIRET: Scheme = Scheme {
    id: SchemeId::FrSiret,
    name: "SIRET",
    title: Text::new(
        "establishment identification number (Sirene directory)",
        "numéro d'identification de l'établissement (répertoire Sirene)",
    ),
    proves: Text::new(
        "the number is well-formed (14 digits whose SIREN and whole number pass the Luhn check); it does not prove that INSEE registered the establishment nor that it is still active",
        "le numéro est bien formé (14 chiffres dont le SIREN et le numéro entier passent la clé de Luhn) ; cela ne prouve pas que l'INSEE a immatriculé l'établissement ni qu'il est toujours actif",
    ),
    example: "732 829 320 00074",
    compact: compact_digits,
    check: check_siret,
    format: |c| group(c.as_str(), &[3, 3, 3], " "),
};

/// The intra-community VAT number, `FR` + key + SIREN.
pub(super) static VAT: Scheme = Scheme {
    id: SchemeId::FrVat,
    name: "n° TVA",
    title: Text::new("intra-community VAT number", "numéro de TVA intracommunautaire"),
    proves: Text::new(
        "the number is well-formed (FR, a key that matches the SIREN, a SIREN that passes its check); it does not prove that the business is registered for VAT: only the VIES service can tell",
        "le numéro est bien formé (FR, une clé qui correspond au SIREN, un SIREN qui passe son contrôle) ; cela ne prouve pas que l'entreprise est immatriculée à la TVA : seul le service VIES peut le dire",
    ),
    example: "FR 44 732 829 320",
    compact: compact_vat,
    check: check_vat,
    format: format_vat,
};

/// The SIREN of La Poste, whose SIRETs follow their own rule.
const LA_POSTE_SIREN: &[u8] = b"356000000";

/// The SIRET of La Poste's head office, the one La Poste SIRET checked with Luhn.
const LA_POSTE_HEAD_OFFICE: &[u8] = b"35600000000048";

/// The characters of an alphanumeric VAT key, in rank order (no `I`, no `O`).
const KEY_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// SIREN and SIRET: the module policy with an optional or duplicated `FR` prefix.
fn compact_digits(input: &str) -> Result<Compact, InvalidReason> {
    clean(input)?.strip_country_prefix_checked("FR")
}

/// Nine digits passing Luhn.
fn check_siren(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 9 {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    if luhn_valid(c.as_bytes()) {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

/// Fourteen digits; the SIREN passes Luhn and so does the whole number, except for La Poste.
fn check_siret(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 14 {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    let digits = c.as_bytes();
    let (siren, _nic) = digits.split_at_checked(9).ok_or(InvalidReason::WrongLength)?;
    if siren == LA_POSTE_SIREN && digits != LA_POSTE_HEAD_OFFICE {
        let sum: u32 = digits.iter().map(|b| u32::from(b - b'0')).sum();
        return if sum % 5 == 0 {
            Ok(())
        } else {
            Err(InvalidReason::BadCheckDigit)
        };
    }
    if luhn_valid(siren) && luhn_valid(digits) {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

/// VAT: the module policy, then `FR` put back in front of the 11 characters. A second `FR`
/// is a duplicated prefix only when more than 11 characters follow it (`FR` is a possible
/// key); a third copy is refused, as in [`Compact::strip_country_prefix_checked`].
fn compact_vat(input: &str) -> Result<Compact, InvalidReason> {
    let mut rest = clean(input)?.strip_prefix("FR");
    if rest.len() > 11 {
        rest = rest.strip_prefix("FR");
        if rest.len() > 11 && rest.as_bytes().starts_with(b"FR") {
            return Err(InvalidReason::InvalidFormat);
        }
    }
    if rest.is_empty() {
        return Err(InvalidReason::Empty);
    }
    rest.with_prefix("FR").ok_or(InvalidReason::WrongLength)
}

/// `FR` + a key of two characters + nine digits; the SIREN passes Luhn (unless it starts
/// with `000`, Monaco) and the key matches it.
fn check_vat(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 13 {
        return Err(InvalidReason::WrongLength);
    }
    let (prefix, rest) = c
        .as_bytes()
        .split_at_checked(2)
        .ok_or(InvalidReason::WrongLength)?;
    let (key, siren) = rest.split_at_checked(2).ok_or(InvalidReason::WrongLength)?;
    if prefix != b"FR" {
        return Err(InvalidReason::UnknownPrefix);
    }
    let [k1, k2] = *key else {
        return Err(InvalidReason::WrongLength);
    };
    let (Some(r1), Some(r2)) = (key_rank(k1), key_rank(k2)) else {
        return Err(InvalidReason::InvalidFormat);
    };
    if !siren.iter().all(u8::is_ascii_digit) {
        return Err(InvalidReason::InvalidFormat);
    }
    if !siren.starts_with(b"000") && !luhn_valid(siren) {
        return Err(InvalidReason::BadCheckDigit);
    }
    if key_matches(r1, r2, siren) {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

/// The rank of a key character in [`KEY_ALPHABET`], `None` for any other character.
fn key_rank(b: u8) -> Option<u32> {
    KEY_ALPHABET
        .iter()
        .position(|&k| k == b)
        .and_then(|i| u32::try_from(i).ok())
}

/// Whether the key of ranks `r1`, `r2` matches the nine digits `siren`: the numeric key when
/// both are digits, the alphanumeric rule of the module doc otherwise.
fn key_matches(r1: u32, r2: u32, siren: &[u8]) -> bool {
    if r1 < 10 && r2 < 10 {
        let Some(rem) = mod_decimal(siren, 97) else {
            return false;
        };
        return r1 * 10 + r2 == (12 + 3 * rem) % 97;
    }
    let value = if r1 < 10 {
        (r1 * 24 + r2).checked_sub(10)
    } else {
        (r1 * 34 + r2).checked_sub(100)
    };
    let (Some(value), Some(rem)) = (value, mod_decimal(siren, 11)) else {
        return false;
    };
    value % 11 == (rem + value / 11 + 1) % 11
}

/// `FR 40 303 265 045`.
fn format_vat(c: &Compact) -> String {
    group(c.as_str(), &[2, 2, 3, 3, 3], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(scheme: &'static Scheme, input: &str) -> InvalidReason {
        scheme.validate(input).unwrap_err().reason
    }

    #[test]
    fn siren_known_values() {
        // 732 829 320 and 552 032 534: SIRENs of listed companies, public in the Sirene register.
        assert!(SIREN.validate("732829320").is_ok());
        assert!(SIREN.validate("552 032 534").is_ok());
        assert!(SIREN.validate("fr 732.829.320").is_ok());
        assert_eq!(reason(&SIREN, "732829321"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&SIREN, "737829320"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&SIREN, "73282932"), InvalidReason::WrongLength);
        assert_eq!(reason(&SIREN, "73282932A"), InvalidReason::InvalidFormat);
        assert_eq!(SIREN.format("732829320").unwrap(), "732 829 320");
    }

    #[test]
    fn siret_known_values() {
        assert!(SIRET.validate("732 829 320 00074").is_ok());
        assert!(SIRET.validate("55203253400646").is_ok());
        // A changed digit and two swapped digits.
        assert_eq!(reason(&SIRET, "73282932000075"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&SIRET, "73282932000047"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&SIRET, "7328293200007"), InvalidReason::WrongLength);
        assert_eq!(SIRET.format("FR73282932000074").unwrap(), "732 829 320 00074");
    }

    #[test]
    fn siret_needs_its_siren_to_pass() {
        // 73282932100072 passes Luhn on 14 digits (checked with python-stdnum) but its SIREN 732829321 does not.
        assert!(luhn_valid(b"73282932100072"));
        assert_eq!(reason(&SIRET, "73282932100072"), InvalidReason::BadCheckDigit);
    }

    #[test]
    fn siret_of_la_poste() {
        // The head office passes Luhn.
        assert!(SIRET.validate("35600000000048").is_ok());
        // Other establishments: digit sum a multiple of 5 (3+5+6+4+9+8+3+8 = 46: invalid).
        assert_eq!(reason(&SIRET, "35600000049838"), InvalidReason::BadCheckDigit);
        // 3+5+6+4+9+8+3+7 = 45: well-formed although it fails Luhn.
        assert!(SIRET.validate("35600000049837").is_ok());
        assert!(!luhn_valid(b"35600000049837"));
    }

    #[test]
    fn vat_numeric_keys() {
        assert!(VAT.validate("FR40303265045").is_ok());
        assert!(VAT.validate("FR 40 303 265 045").is_ok());
        assert!(VAT.validate("40303265045").is_ok());
        assert!(VAT.validate("fr44732829320").is_ok());
        // Key with a leading zero.
        assert!(VAT.validate("FR04494887854").is_ok());
        assert_eq!(reason(&VAT, "FR41303265045"), InvalidReason::BadCheckDigit);
        // Right key for a SIREN that fails Luhn: (12 + 3 × (303265046 mod 97)) mod 97 = 43.
        assert_eq!(reason(&VAT, "FR43303265046"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&VAT, "FR4030326504"), InvalidReason::WrongLength);
        assert_eq!(
            VAT.validate("40 303265045").unwrap().normalized(),
            "FR40303265045"
        );
        assert_eq!(VAT.format("FR40303265045").unwrap(), "FR 40 303 265 045");
    }

    #[test]
    fn vat_alphanumeric_keys() {
        // Verdicts checked with python-stdnum 2.2.
        assert!(VAT.validate("FRK7399859412").is_ok());
        assert!(VAT.validate("FR4Z123456782").is_ok());
        assert!(VAT.validate("FRAZ303265045").is_ok());
        assert_eq!(reason(&VAT, "FRK8399859412"), InvalidReason::BadCheckDigit);
        // No I and no O in keys.
        assert_eq!(reason(&VAT, "FRI7399859412"), InvalidReason::InvalidFormat);
        assert_eq!(reason(&VAT, "FR4O123456782"), InvalidReason::InvalidFormat);
    }

    #[test]
    fn vat_of_monaco_skips_the_siren_check() {
        assert!(VAT.validate("FR40000066034").is_ok());
        assert_eq!(reason(&VAT, "FR41000066034"), InvalidReason::BadCheckDigit);
    }

    #[test]
    fn vat_prefixes() {
        assert_eq!(reason(&VAT, "FR_9128370925"), InvalidReason::WrongLength);
        // A duplicated prefix is dropped; a third copy is refused.
        assert_eq!(
            VAT.validate("FRFR40303265045").unwrap().normalized(),
            "FR40303265045"
        );
        assert_eq!(reason(&VAT, "FRFRFR40303265045"), InvalidReason::InvalidFormat);
        // `FR` as the key: 983867565 passes Luhn and key FR matches it (python-stdnum agrees
        // on `FRFR983867565`).
        assert_eq!(
            VAT.validate("FRFR983867565").unwrap().normalized(),
            "FRFR983867565"
        );
        assert_eq!(reason(&VAT, "FR983867565"), InvalidReason::WrongLength);
    }

    #[test]
    fn compact_is_idempotent() {
        for input in ["FRFR983867565", "fr 40 303 265 045", "FRFR40303265045", "FRFR12"] {
            let once = VAT.compact(input).unwrap();
            assert_eq!(VAT.compact(once.as_str()).unwrap(), once, "{input}");
        }
    }

    #[test]
    fn country_level_validation() {
        let fr = crate::country::CountryCode::parse("FR").unwrap();
        assert_eq!(
            super::super::validate(fr, "732 829 320 00074")
                .unwrap()
                .scheme_id(),
            SchemeId::FrSiret
        );
        assert_eq!(
            super::super::validate(fr, "FR 732 829 320").unwrap().scheme_id(),
            SchemeId::FrSiren
        );
        assert_eq!(
            super::super::validate(fr, "FR40000066034").unwrap().scheme_id(),
            SchemeId::FrVat
        );
        assert!(super::super::validate(fr, "FR_9128370925").is_err());
        assert!(super::super::validate(fr, "35600000049838").is_err());
    }

    #[test]
    fn country_order_and_example() {
        assert_eq!(RULES.schemes.first().map(|s| s.id), Some(SchemeId::FrSiret));
        for scheme in RULES.schemes {
            assert!(scheme.validate(scheme.example).is_ok(), "{}", scheme.name);
        }
    }
}
