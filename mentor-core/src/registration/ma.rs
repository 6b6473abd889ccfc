//! Morocco: Identifiant Commun de l'Entreprise (ICE).
//!
//! Source: Direction Générale des Impôts, "Identifiant Commun de l'Entreprise" (ice.gov.ma):
//! 15 digits (9 for the company, 4 for the establishment, 2 check digits), and the whole
//! number is a multiple of 97.

use super::checksum::mod_decimal;
use super::number::{Compact, as_is, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

pub(super) static RULES: CountryRules = CountryRules {
    country: "MA",
    statuses: &[SelfEmployedStatus {
        local_name: "auto-entrepreneur",
        gloss: Text::new(
            "self-employed person (simplified regime)",
            "auto-entrepreneur (régime simplifié)",
        ),
    }],
    procedure: Text::new(
        "register online on the auto-entrepreneur portal (ae.gov.ma) run by Barid Al-Maghrib; the ICE is assigned on registration",
        "s'inscrire en ligne sur le portail de l'auto-entrepreneur (ae.gov.ma) géré par Barid Al-Maghrib ; l'ICE est attribué à l'inscription",
    ),
    schemes: &[&ICE],
};

pub(super) static ICE: Scheme = Scheme {
    id: SchemeId::MaIce,
    name: "ICE",
    title: Text::new("Common Business Identifier", "Identifiant Commun de l'Entreprise"),
    proves: Text::new(
        "the number is well-formed (15 digits, multiple of 97); it does not prove that the business is registered",
        "le numéro est bien formé (15 chiffres, multiple de 97) ; cela ne prouve pas que l'entreprise est immatriculée",
    ),
    example: "001561191000066",
    compact: |input| clean(input)?.strip_country_prefix_checked("MA"),
    check,
    format: as_is,
};

fn check(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 15 {
        return Err(InvalidReason::WrongLength);
    }
    match mod_decimal(c.as_bytes(), 97) {
        None => Err(InvalidReason::InvalidFormat),
        Some(0) => Ok(()),
        Some(_) => Err(InvalidReason::BadCheckDigit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ice_known_values() {
        assert!(ICE.validate("001561191000066").is_ok());
        assert_eq!(
            ICE.validate("001561191000067").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
        assert_eq!(
            ICE.validate("00156119100006").unwrap_err().reason,
            InvalidReason::WrongLength
        );
    }
}
