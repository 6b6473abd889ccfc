//! Spain: Número de Identificación Fiscal (NIF), also the VAT number with `ES`.
//!
//! Sources:
//! - Real Decreto 1065/2007, arts. 18 to 24, and Orden EHA/451/2008 (BOE): the NIF of a person is
//!   their DNI number with its check letter, a foreigner's is the NIE, an entity's starts
//!   with a letter naming its legal form (`A` sociedad anónima, `B` sociedad limitada, …),
//!   and `K`, `L`, `M` start the NIFs of Spaniards under 14, Spaniards living abroad and
//!   foreigners without NIE.
//! - Ministerio del Interior, "Cálculo del dígito de control del NIF/NIE" (interior.gob.es):
//!   the check letter of a DNI is `"TRWAGMYFPDXBNJZSQVHLCKE"[n mod 23]` over its 8 digits; a
//!   NIE (`X`, `Y`, `Z` + 7 digits + letter) reads `X`, `Y`, `Z` as 0, 1, 2 and then takes
//!   the same letter. `K`, `L`, `M` NIFs take the same letter over their 7 digits.
//! - Entities (the former CIF, Orden EHA/451/2008): letter + 7 digits + a control character.
//!   Add the digits in even places and, for the digits in odd places, the digit sum of their
//!   double; the control is `c = (10 − Σ mod 10) mod 10`, written as the digit `c` or as the
//!   letter `"JABCDEFGHI"[c]`. The order says which entity types use which form; like
//!   python-stdnum 2.2 (the reference), either form is accepted for every entity letter
//!   (`A`–`H`, `J`, `N`, `P`–`S`, `U`–`W`). `I`, `O` and `T` start no NIF.
//! - The VAT number (NIF-IVA) is `ES` + the NIF (AEAT, "NIF-IVA", and the VIES FAQ).
//!
//! Normalisation: the module policy (separators, lower case, an optional or duplicated
//! `ES`). The normal and printed form is the NIF without `ES` (`A58818501`).
//!
//! Differences from python-stdnum 2.2 (`stdnum.es.nif`), beyond the separators and Unicode
//! characters of the module policy: a duplicated prefix is accepted (`ESESA58818501`).

use super::number::{Compact, as_is, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Spain: autónomos, identified by their NIF.
pub(super) static RULES: CountryRules = CountryRules {
    country: "ES",
    statuses: &[SelfEmployedStatus {
        local_name: "autónomo",
        gloss: Text::new(
            "self-employed worker registered in the special social-security scheme for the self-employed (RETA)",
            "travailleur indépendant affilié au régime spécial de sécurité sociale des indépendants (RETA)",
        ),
    }],
    procedure: Text::new(
        "file the census registration (alta censal, form 036 or 037) with the tax agency (AEAT) and register in the RETA with the Social Security (Seguridad Social); the NIF of a person is their DNI or NIE",
        "déposer la déclaration de début d'activité (alta censal, modèle 036 ou 037) auprès de l'agence fiscale (AEAT) et s'affilier au RETA auprès de la sécurité sociale (Seguridad Social) ; le NIF d'une personne est son DNI ou son NIE",
    ),
    schemes: &[&NIF],
};

/// The Número de Identificación Fiscal: DNI, NIE, K/L/M or entity form.
pub(super) static NIF: Scheme = Scheme {
    id: SchemeId::EsNif,
    name: "NIF",
    title: Text::new(
        "tax identification number (NIF)",
        "numéro d'identification fiscale (NIF)",
    ),
    proves: Text::new(
        "the number is well-formed (a DNI, NIE or entity NIF with the right check character); it does not prove that the AEAT assigned it nor that the person is registered as autónomo",
        "le numéro est bien formé (un DNI, un NIE ou un NIF d'entité avec le bon caractère de contrôle) ; cela ne prouve pas que l'AEAT l'a attribué ni que la personne est inscrite comme autónomo",
    ),
    example: "A58818501",
    compact: |input| clean(input)?.strip_country_prefix_checked("ES"),
    check,
    format: as_is,
};

/// The check letters of DNI, NIE and K/L/M NIFs, indexed by the number modulo 23.
const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// The control letters of entity NIFs, indexed by the control digit.
const ENTITY_LETTERS: &[u8; 10] = b"JABCDEFGHI";

/// Nine characters: a DNI, NIE, K/L/M or entity NIF with the right check character.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 9 {
        return Err(InvalidReason::WrongLength);
    }
    let (&first, rest) = c.as_bytes().split_first().ok_or(InvalidReason::WrongLength)?;
    let (&control, middle) = rest.split_last().ok_or(InvalidReason::WrongLength)?;
    let middle_value = digits_value(middle).ok_or(InvalidReason::InvalidFormat)?;
    match first {
        b'0'..=b'9' => {
            let number = u32::from(first - b'0') * 10_000_000 + middle_value;
            check_letter(number, control)
        }
        b'X' | b'Y' | b'Z' => {
            let lead = u32::from(first - b'X');
            check_letter(lead * 10_000_000 + middle_value, control)
        }
        b'K' | b'L' | b'M' => check_letter(middle_value, control),
        b'A'..=b'H' | b'J' | b'N' | b'P'..=b'S' | b'U'..=b'W' => check_entity(middle, control),
        _ => Err(InvalidReason::UnknownPrefix),
    }
}

/// The value of a run of digits (at most 8 here), `None` if any is not a digit.
fn digits_value(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// The letter of `number` modulo 23 must be `control`.
fn check_letter(number: u32, control: u8) -> Result<(), InvalidReason> {
    if !control.is_ascii_uppercase() {
        return Err(InvalidReason::InvalidFormat);
    }
    let expected = DNI_LETTERS
        .get(usize::try_from(number % 23).unwrap_or(0))
        .copied();
    if expected == Some(control) {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

/// The entity control over the 7 digits, as the digit or its letter.
fn check_entity(digits: &[u8], control: u8) -> Result<(), InvalidReason> {
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                (2 * d) / 10 + (2 * d) % 10
            } else {
                d
            }
        })
        .sum();
    let expected = (10 - sum % 10) % 10;
    let letter = ENTITY_LETTERS
        .get(usize::try_from(expected).unwrap_or(0))
        .copied();
    let digit = u8::try_from(expected).ok().map(|d| b'0' + d);
    if !control.is_ascii_alphanumeric() {
        Err(InvalidReason::InvalidFormat)
    } else if Some(control) == letter || Some(control) == digit {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(input: &str) -> InvalidReason {
        NIF.validate(input).unwrap_err().reason
    }

    #[test]
    fn dni() {
        // 12345678 mod 23 = 14 → Z (hand-computed: 23 × 536768 = 12345664).
        assert!(NIF.validate("12345678Z").is_ok());
        assert!(NIF.validate("12345678-z").is_ok());
        assert_eq!(reason("12345678A"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("12345687Z"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("123456789"), InvalidReason::InvalidFormat);
        assert_eq!(reason("2345678Z"), InvalidReason::WrongLength);
        // 00000000 → T.
        assert!(NIF.validate("00000000T").is_ok());
    }

    #[test]
    fn nie() {
        // X1234567: 1234567 mod 23 = 19 → L; Y1234567: 11234567 mod 23 = 10 → X;
        // Z1234567: 21234567 mod 23 = 1 → R (hand-computed).
        assert!(NIF.validate("X1234567L").is_ok());
        assert!(NIF.validate("Y1234567X").is_ok());
        assert!(NIF.validate("Z1234567R").is_ok());
        assert_eq!(reason("Y1234567L"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("X12345678L"), InvalidReason::WrongLength);
    }

    #[test]
    fn k_l_m() {
        assert!(NIF.validate("K1234567L").is_ok());
        assert!(NIF.validate("M1234567L").is_ok());
        assert_eq!(reason("L1234567A"), InvalidReason::BadCheckDigit);
    }

    #[test]
    fn entities() {
        // 5881850: 2×5→1, 8, 2×8→7, 1, 2×8→7, 5, 2×0→0; Σ = 29, control 1 or A.
        assert!(NIF.validate("A58818501").is_ok());
        assert!(NIF.validate("ES A58818501").is_ok());
        assert!(NIF.validate("B5881850A").is_ok());
        assert_eq!(reason("A58818502"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("A58818510"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("A5881850B"), InvalidReason::BadCheckDigit);
        assert_eq!(reason("I58818501"), InvalidReason::UnknownPrefix);
        assert_eq!(reason("A5881850"), InvalidReason::WrongLength);
        assert_eq!(reason("AB8818501"), InvalidReason::InvalidFormat);
    }

    #[test]
    fn prefixes() {
        assert_eq!(NIF.validate("ESESA58818501").unwrap().normalized(), "A58818501");
        assert_eq!(reason("ESESESA58818501"), InvalidReason::InvalidFormat);
        assert_eq!(NIF.format("es-a58818501").unwrap(), "A58818501");
    }

    #[test]
    fn country_examples() {
        for scheme in RULES.schemes {
            assert!(scheme.validate(scheme.example).is_ok(), "{}", scheme.name);
        }
    }
}
