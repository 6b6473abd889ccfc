//! United States: Employer Identification Number (EIN).
//!
//! Source: Internal Revenue Service, "How EINs are assigned and valid EIN prefixes"
//! (irs.gov) and the instructions for Form SS-4. An EIN is nine digits printed
//! `NN-NNNNNNN`. It has **no check digit**: the only structural check is the two-digit prefix,
//! which must be one the IRS assigns (by campus or for online applications). The prefixes
//! 00, 07, 08, 09, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96 and 97 are not assigned.
//!
//! So a well-formed EIN only says the number *could* have been issued; nothing in it tells a
//! typo from the real number. Only the IRS (or the business's own SS-4 confirmation letter
//! CP 575) says it is registered.
//!
//! Normalisation: the module policy (separators, lower case, an optional or duplicated `US`
//! prefix). The normal form is the nine digits; the printed form is `NN-NNNNNNN`.

use super::number::{Compact, clean, group};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// The United States: sole proprietors and single-member LLCs, identified by an EIN.
pub(super) static RULES: CountryRules = CountryRules {
    country: "US",
    statuses: &[
        SelfEmployedStatus {
            local_name: "sole proprietor",
            gloss: Text::new(
                "sole proprietor: a person doing business in their own name",
                "entrepreneur individuel (sole proprietor) : une personne qui exerce en son nom propre",
            ),
        },
        SelfEmployedStatus {
            local_name: "single-member LLC",
            gloss: Text::new(
                "single-member limited liability company, taxed as its owner by default",
                "société à responsabilité limitée à associé unique (LLC), imposée par défaut comme son propriétaire",
            ),
        },
    ],
    procedure: Text::new(
        "apply for an Employer Identification Number (EIN) from the IRS, online or with Form SS-4 (a sole proprietor without employees may use their SSN instead, but the EIN keeps it off invoices); a single-member LLC is first formed with the state",
        "demander un numéro d'identification d'employeur (EIN) à l'IRS, en ligne ou avec le formulaire SS-4 (un entrepreneur individuel sans salarié peut utiliser son numéro de sécurité sociale, mais l'EIN évite de le porter sur les factures) ; une LLC à associé unique est d'abord constituée auprès de l'État",
    ),
    schemes: &[&EIN],
};

/// The Employer Identification Number.
pub(super) static EIN: Scheme = Scheme {
    id: SchemeId::UsEin,
    name: "EIN",
    title: Text::new(
        "Employer Identification Number",
        "numéro d'identification d'employeur (EIN)",
    ),
    proves: Text::new(
        "the number is well-formed (nine digits with a prefix the IRS assigns); an EIN has no check digit, so most typos go unnoticed, and this does not prove that the IRS issued it",
        "le numéro est bien formé (neuf chiffres avec un préfixe attribué par l'IRS) ; un EIN n'a pas de clé de contrôle, la plupart des fautes de frappe passent donc inaperçues, et cela ne prouve pas que l'IRS l'a attribué",
    ),
    example: "94-2404110",
    compact: |input| clean(input)?.strip_country_prefix_checked("US"),
    check,
    format: |c| group(c.as_str(), &[2], "-"),
};

/// The two-digit prefixes the IRS does not assign (IRS, "valid EIN prefixes").
const UNASSIGNED_PREFIXES: [u32; 17] = [0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97];

/// Nine digits whose prefix is an assigned one.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 9 {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    let prefix = c
        .digit(0)
        .zip(c.digit(1))
        .map(|(a, b)| a * 10 + b)
        .ok_or(InvalidReason::InvalidFormat)?;
    if UNASSIGNED_PREFIXES.contains(&prefix) {
        return Err(InvalidReason::UnknownPrefix);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_eins_are_well_formed() {
        // EINs published in SEC filings and Form 990 returns.
        for ein in ["94-2404110", "91-1144442", "20-0049703", "53-0196605"] {
            assert!(EIN.validate(ein).is_ok(), "{ein}");
        }
        let n = EIN.validate("942404110").unwrap();
        assert_eq!(n.normalized(), "942404110");
        assert_eq!(n.formatted(), "94-2404110");
    }

    #[test]
    fn unassigned_prefixes_are_refused() {
        for prefix in [
            "00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96",
            "97",
        ] {
            let ein = format!("{prefix}-2404110");
            assert_eq!(
                EIN.validate(&ein).unwrap_err().reason,
                InvalidReason::UnknownPrefix,
                "{ein}"
            );
        }
        for prefix in [
            "01", "06", "10", "16", "20", "27", "30", "48", "50", "68", "71", "77", "80", "88", "90", "95",
            "98", "99",
        ] {
            assert!(EIN.validate(&format!("{prefix}-2404110")).is_ok(), "{prefix}");
        }
    }

    #[test]
    fn normalisation_policy() {
        assert_eq!(EIN.validate("US 94-2404110").unwrap().normalized(), "942404110");
        assert_eq!(EIN.validate("usus942404110").unwrap().normalized(), "942404110");
        assert_eq!(EIN.validate("94 240 4110").unwrap().normalized(), "942404110");
        assert_eq!(
            EIN.validate("USUSUS942404110").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }

    #[test]
    fn malformed_numbers() {
        assert_eq!(
            EIN.validate("94-240411").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            EIN.validate("94-24041100").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            EIN.validate("94-24O4110").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            EIN.validate("94–2404110").unwrap_err().reason,
            InvalidReason::InvalidCharacters
        );
        assert_eq!(EIN.validate(" - ").unwrap_err().reason, InvalidReason::Empty);
    }
}
