//! Cameroon: Numéro d'Identifiant Unique (NIU), the taxpayer number.
//!
//! Source: Direction Générale des Impôts (DGI, impots.cm), "Numéro d'Identifiant Unique": 14
//! characters, `P` (natural person) or `M` (legal person, "personne morale"), twelve digits and
//! a key letter. The DGI does not publish how the letter is computed, so only the format is
//! checked: a well-formed NIU may be unassigned, and the DGI's online NIU check says whether
//! it exists.
//!
//! Normalisation: the module policy, with an optional or duplicated `CM` prefix. Normal and
//! printed form: `P012345678901A`.

use super::number::{Compact, as_is, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Cameroon: the entreprenant, identified by the NIU.
pub(super) static RULES: CountryRules = CountryRules {
    country: "CM",
    statuses: &[SelfEmployedStatus {
        local_name: "entreprenant",
        gloss: Text::new(
            "entreprenant: the simplified status of a small individual business under OHADA law",
            "entreprenant : le statut simplifié de la petite entreprise individuelle du droit OHADA",
        ),
    }],
    procedure: Text::new(
        "declare the activity at a business-creation formalities centre (CFCE), which records it at the RCCM; the Direction Générale des Impôts (DGI) assigns the NIU",
        "déclarer l'activité dans un centre de formalités de création d'entreprises (CFCE), qui l'inscrit au RCCM ; la Direction Générale des Impôts (DGI) attribue le NIU",
    ),
    schemes: &[&NIU],
};

/// The unique identification number.
pub(super) static NIU: Scheme = Scheme {
    id: SchemeId::CmNiu,
    name: "NIU",
    title: Text::new(
        "unique identification number (NIU)",
        "numéro d'identifiant unique (NIU)",
    ),
    proves: Text::new(
        "the number has the expected format (P or M, twelve digits, a letter); its key letter cannot be checked, and this does not prove that the DGI assigned it",
        "le numéro a le format attendu (P ou M, douze chiffres, une lettre) ; sa lettre clé ne peut pas être vérifiée, et cela ne prouve pas que la DGI l'a attribué",
    ),
    example: "P012345678901A",
    compact: |input| clean(input)?.strip_country_prefix_checked("CM"),
    check,
    format: as_is,
};

/// `P` or `M`, twelve digits, a letter.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 14 {
        return Err(InvalidReason::WrongLength);
    }
    let bytes = c.as_bytes();
    let (Some((kind, rest)), Some(key)) = (bytes.split_first(), bytes.last()) else {
        return Err(InvalidReason::WrongLength);
    };
    let digits = rest.get(..12).ok_or(InvalidReason::WrongLength)?;
    if matches!(kind, b'P' | b'M') && digits.iter().all(u8::is_ascii_digit) && key.is_ascii_uppercase() {
        Ok(())
    } else {
        Err(InvalidReason::InvalidFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn niu_format() {
        let n = NIU.validate("p 0123 4567 8901 a").unwrap();
        assert_eq!(n.normalized(), "P012345678901A");
        assert_eq!(n.formatted(), "P012345678901A");
        assert!(NIU.validate("M098765432109Z").is_ok());
        assert!(NIU.validate("CM-M098765432109Z").is_ok());
    }

    #[test]
    fn niu_malformed() {
        assert_eq!(
            NIU.validate("X012345678901A").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            NIU.validate("P0123456789012").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            NIU.validate("P01234567890A1").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            NIU.validate("P01234567890A").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            NIU.validate("P0123456789012A").unwrap_err().reason,
            InvalidReason::WrongLength
        );
    }
}
