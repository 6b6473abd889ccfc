//! Senegal: NINEA (Numéro d'Identification National des Entreprises et des Associations).
//!
//! Sources: Agence Nationale de la Statistique et de la Démographie (ANSD, e-ninea.ansd.sn),
//! which keeps the NINEA directory, and the Direction Générale des Impôts et des Domaines
//! (DGID), which adds the tax code. A NINEA is seven digits (nine in the newer, zero-led
//! form), the last a check digit: with the weights 1, 2, 1, 2, … from the left, the sum of
//! digit × weight (a doubled digit counts whole: 7·2 = 14, not 1 + 4 as in Luhn) is a multiple
//! of ten. The NINEA is usually followed by the three-character COFI (Code d'Identification
//! Fiscale): a digit 0, 1 or 2, a letter (I, O, X and Y are not used) and a digit.
//!
//! Well-formed is not registered: only the ANSD directory says whether a NINEA was assigned.
//!
//! Normalisation: the module policy, with an optional or duplicated `SN` prefix. Normal form
//! `30672212G2`; printed form `3067221 2G2` (the NINEA, a space, the COFI).

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Senegal: the entreprenant of the OHADA Uniform Act, identified by the NINEA.
pub(super) static RULES: CountryRules = CountryRules {
    country: "SN",
    statuses: &[SelfEmployedStatus {
        local_name: "entreprenant",
        gloss: Text::new(
            "entreprenant: the simplified status of a small individual business under OHADA law",
            "entreprenant : le statut simplifié de la petite entreprise individuelle du droit OHADA",
        ),
    }],
    procedure: Text::new(
        "declare the activity at the RCCM through the APIX business-creation desk (guichet unique), then get the NINEA, with its tax code from the Direction Générale des Impôts et des Domaines (DGID)",
        "déclarer l'activité au RCCM par le guichet unique de création d'entreprise de l'APIX, puis obtenir le NINEA, avec son code fiscal attribué par la Direction Générale des Impôts et des Domaines (DGID)",
    ),
    schemes: &[&NINEA],
};

/// The NINEA, with or without its COFI.
pub(super) static NINEA: Scheme = Scheme {
    id: SchemeId::SnNinea,
    name: "NINEA",
    title: Text::new(
        "national identification number of businesses and associations (NINEA)",
        "numéro d'identification national des entreprises et des associations (NINEA)",
    ),
    proves: Text::new(
        "the number is well-formed (seven or nine digits with a matching check digit, and a well-formed COFI if one is given); it does not prove that the ANSD assigned it",
        "le numéro est bien formé (sept ou neuf chiffres avec une clé de contrôle exacte, et un COFI bien formé s'il y en a un) ; cela ne prouve pas que l'ANSD l'a attribué",
    ),
    example: "3067221 2G2",
    compact: |input| clean(input)?.strip_country_prefix_checked("SN"),
    check,
    format,
};

/// The length of the NINEA part of a compact number (7 or 9), from the total length.
const fn ninea_len(total: usize) -> Option<usize> {
    match total {
        7 | 10 => Some(7),
        9 | 12 => Some(9),
        _ => None,
    }
}

/// Seven or nine digits passing the check, then an optional COFI.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    let n = ninea_len(c.len()).ok_or(InvalidReason::WrongLength)?;
    let bytes = c.as_bytes();
    let (ninea, cofi) = bytes.split_at_checked(n).ok_or(InvalidReason::WrongLength)?;
    if !ninea.iter().all(u8::is_ascii_digit) {
        return Err(InvalidReason::InvalidFormat);
    }
    if let [regime, form, last] = cofi {
        let form_ok = form.is_ascii_uppercase() && !matches!(form, b'I' | b'O' | b'X' | b'Y');
        if !matches!(regime, b'0'..=b'2') || !form_ok || !last.is_ascii_digit() {
            return Err(InvalidReason::InvalidFormat);
        }
    }
    let sum: u32 = ninea
        .iter()
        .zip([1u32, 2].into_iter().cycle())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    if sum % 10 != 0 {
        return Err(InvalidReason::BadCheckDigit);
    }
    Ok(())
}

/// `3067221` or `3067221 2G2`.
fn format(c: &Compact) -> String {
    let s = c.as_str();
    match ninea_len(s.len()).and_then(|n| s.split_at_checked(n)) {
        Some((ninea, cofi)) if !cofi.is_empty() => format!("{ninea} {cofi}"),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_numbers() {
        // 3·1 + 0·2 + 6·1 + 7·2 + 2·1 + 2·2 + 1·1 = 30.
        let n = NINEA.validate("3067221 2G2").unwrap();
        assert_eq!(n.normalized(), "30672212G2");
        assert_eq!(n.formatted(), "3067221 2G2");
        assert_eq!(NINEA.validate("306 7221").unwrap().formatted(), "3067221");
        // The nine-digit form, zero-led: the same sum.
        assert_eq!(
            NINEA.validate("003067221/2g2").unwrap().formatted(),
            "003067221 2G2"
        );
        assert!(NINEA.validate("SN 3067221").is_ok());
        // Not Luhn: 1234567 → 1+4+3+8+5+12+7 = 40 is well-formed here, while Luhn (which
        // counts 12 as 1+2, from the right) gives 31 and would refuse it.
        assert!(NINEA.validate("1234567").is_ok());
    }

    #[test]
    fn bad_check_digit() {
        assert_eq!(
            NINEA.validate("3067222").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
        assert_eq!(
            NINEA.validate("306722122").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
    }

    #[test]
    fn cofi_format() {
        for cofi in ["0A0", "1Z9", "2W5", "2G2"] {
            assert!(NINEA.validate(&format!("3067221{cofi}")).is_ok(), "{cofi}");
        }
        for cofi in ["3G2", "9G2", "2I2", "2O2", "2X2", "2Y2", "2GA", "AG2"] {
            assert_eq!(
                NINEA.validate(&format!("3067221{cofi}")).unwrap_err().reason,
                InvalidReason::InvalidFormat,
                "{cofi}"
            );
        }
    }

    #[test]
    fn wrong_lengths() {
        for n in ["306722", "30672210", "3067221001", "30672212G", "30672212G2A"] {
            assert!(NINEA.validate(n).is_err(), "{n}");
        }
        assert_eq!(
            NINEA.validate("30672210").unwrap_err().reason,
            InvalidReason::WrongLength
        );
    }
}
