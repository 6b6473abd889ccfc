//! Italy: partita IVA, the VAT number (`IT` + the same 11 digits on intra-EU invoices).
//!
//! Source: Agenzia delle Entrate; D.P.R. 26 ottobre 1972 n. 633, art. 35, and the decree of the
//! Ministry of Finance of 23 December 1976 that sets the structure of the number: 11 digits,
//! the first seven the taxpayer's serial number within the issuing office, digits 8–10 the
//! office code (provincial offices 001–100, 120 and 121; 888 and 999 for numbers assigned
//! centrally), and the 11th a Luhn check digit over the first ten.
//!
//! A serial number of seven zeros is never assigned, so `00000000000` and its kin are refused
//! although their check digit passes. Well-formed is not registered: the Agenzia delle
//! Entrate's "verifica partita IVA" service (and VIES) say whether a number is active.
//!
//! Normalisation: the module policy, with an optional or duplicated `IT` prefix. The normal
//! and printed forms are the 11 digits.

use super::checksum::luhn_valid;
use super::number::{Compact, as_is, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Italy: professionals and sole traders, identified by their partita IVA.
pub(super) static RULES: CountryRules = CountryRules {
    country: "IT",
    statuses: &[
        SelfEmployedStatus {
            local_name: "libero professionista",
            gloss: Text::new(
                "self-employed professional with a VAT number (partita IVA)",
                "professionnel libéral titulaire d'un numéro de TVA (partita IVA)",
            ),
        },
        SelfEmployedStatus {
            local_name: "ditta individuale",
            gloss: Text::new(
                "sole proprietorship registered with the Chamber of Commerce",
                "entreprise individuelle inscrite à la chambre de commerce",
            ),
        },
    ],
    procedure: Text::new(
        "open a partita IVA with the Agenzia delle Entrate (form AA9/12 for individuals), choosing the flat-rate regime (regime forfettario) if eligible; a ditta individuale also registers with the Registro delle imprese of the Chamber of Commerce",
        "ouvrir une partita IVA auprès de l'Agenzia delle Entrate (modèle AA9/12 pour les personnes physiques), en choisissant le régime forfaitaire (regime forfettario) si l'on y a droit ; une ditta individuale s'inscrit aussi au Registro delle imprese de la chambre de commerce",
    ),
    schemes: &[&IVA],
};

/// The partita IVA.
pub(super) static IVA: Scheme = Scheme {
    id: SchemeId::ItIva,
    name: "partita IVA",
    title: Text::new("VAT number (partita IVA)", "numéro de TVA (partita IVA)"),
    proves: Text::new(
        "the number is well-formed (11 digits, an existing office code, a matching Luhn check digit); it does not prove that the partita IVA is open or registered",
        "le numéro est bien formé (11 chiffres, un code de bureau existant, une clé de Luhn exacte) ; cela ne prouve pas que la partita IVA est ouverte ni enregistrée",
    ),
    example: "06363391001",
    compact: |input| clean(input)?.strip_country_prefix_checked("IT"),
    check,
    format: as_is,
};

/// Office codes (digits 8–10) the Agenzia delle Entrate assigns besides 001–100.
const OTHER_OFFICES: [u32; 4] = [120, 121, 888, 999];

/// 11 digits, a non-zero serial, a known office, a Luhn check digit.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 11 {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    let serial_is_zero = c.as_bytes().iter().take(7).all(|&b| b == b'0');
    if serial_is_zero {
        return Err(InvalidReason::InvalidFormat);
    }
    let office = (7..10)
        .try_fold(0u32, |acc, i| Some(acc * 10 + c.digit(i)?))
        .ok_or(InvalidReason::InvalidFormat)?;
    if !((1..=100).contains(&office) || OTHER_OFFICES.contains(&office)) {
        return Err(InvalidReason::UnknownPrefix);
    }
    if !luhn_valid(c.as_bytes()) {
        return Err(InvalidReason::BadCheckDigit);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_numbers_are_well_formed() {
        // Agenzia delle Entrate, ENI, Telecom Italia, Poste Italiane (published on their sites).
        for iva in ["06363391001", "00905811006", "00488410010", "01114601006"] {
            assert!(IVA.validate(iva).is_ok(), "{iva}");
        }
        let n = IVA.validate("IT 06363391001").unwrap();
        assert_eq!(n.normalized(), "06363391001");
        assert_eq!(n.formatted(), "06363391001");
        assert!(IVA.validate("itit06363391001").is_ok());
    }

    #[test]
    fn bug_report_case_unknown_office() {
        // A public bug report of another validator: the Luhn digit passes, but digits 8–10 are
        // office 875, which does not exist.
        assert_eq!(
            IVA.validate("01256588755").unwrap_err().reason,
            InvalidReason::UnknownPrefix
        );
    }

    #[test]
    fn zero_serial_is_refused() {
        assert_eq!(
            IVA.validate("00000000000").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        // Office 001, serial 0000000, Luhn digit 8: still never assigned.
        assert_eq!(
            IVA.validate("00000000018").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }

    #[test]
    fn office_codes() {
        // 1000000 + office, with the Luhn digit computed by hand for each.
        assert!(IVA.validate("10000001007").is_ok()); // office 100
        assert!(IVA.validate("10000001205").is_ok()); // office 120
        assert_eq!(
            IVA.validate("10000001015").unwrap_err().reason,
            InvalidReason::UnknownPrefix
        ); // office 101
        assert_eq!(
            IVA.validate("10000000009").unwrap_err().reason,
            InvalidReason::UnknownPrefix
        ); // office 000
    }

    #[test]
    fn malformed_numbers() {
        assert_eq!(
            IVA.validate("06363391002").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
        assert_eq!(
            IVA.validate("0636339100").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            IVA.validate("0636339100A").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }
}
