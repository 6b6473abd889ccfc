//! Canada: Business Number (BN) and its program accounts.
//!
//! Source: Canada Revenue Agency, "Business number and CRA program accounts" (canada.ca): the
//! BN is nine digits, the last a Luhn check digit; a program account number appends a
//! two-letter program identifier and a four-digit reference number, `123456789 RT 0001`. The
//! identifiers accepted here are those the CRA documents for businesses: RC (corporation
//! income tax), RM (import-export), RP (payroll), RT (GST/HST, the number printed on
//! invoices), RZ (information returns) and RR (registered charities, as shown in the CRA's
//! list of charities).
//!
//! A well-formed BN may belong to no business: the CRA's "GST/HST registry" and the Business
//! Registry say whether it is registered.
//!
//! Normalisation: the module policy, with an optional or duplicated `CA` prefix. Normal form:
//! `123456782` or `123456782RT0001`; printed form `123456782` or `123456782 RT 0001`.
//!
//! Difference from python-stdnum 2.2 beyond the module policy: its `ca.bn` knows the RC, RM,
//! RP and RT programs only; RR and RZ are accepted here on the CRA's word (listed in
//! `tests/stdnum_differential.rs`).

use super::checksum::luhn_valid;
use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Canada: the sole proprietor, identified by a Business Number.
pub(super) static RULES: CountryRules = CountryRules {
    country: "CA",
    statuses: &[SelfEmployedStatus {
        local_name: "sole proprietor",
        gloss: Text::new(
            "sole proprietor: an unincorporated business owned by one person",
            "entreprise individuelle : une entreprise non constituée en société, détenue par une seule personne",
        ),
    }],
    procedure: Text::new(
        "get a Business Number from the Canada Revenue Agency through Business Registration Online, with a GST/HST account (RT) once taxable sales exceed CAD 30,000; some provinces also require the business name to be registered",
        "obtenir un numéro d'entreprise auprès de l'Agence du revenu du Canada par le service d'inscription en ligne des entreprises (Business Registration Online), avec un compte de TPS/TVH (RT) dès que les ventes taxables dépassent 30 000 CAD ; certaines provinces exigent aussi l'enregistrement du nom commercial",
    ),
    schemes: &[&BN],
};

/// The Business Number, alone or with a program account.
pub(super) static BN: Scheme = Scheme {
    id: SchemeId::CaBn,
    name: "BN",
    title: Text::new("Business Number", "numéro d'entreprise (NE)"),
    proves: Text::new(
        "the number is well-formed (nine digits with a matching Luhn check digit, and a known program account if one is given); it does not prove that the CRA has registered the business",
        "le numéro est bien formé (neuf chiffres avec une clé de Luhn exacte, et un compte de programme connu s'il y en a un) ; cela ne prouve pas que l'ARC a inscrit l'entreprise",
    ),
    example: "119219814 RR 0001",
    compact: |input| clean(input)?.strip_country_prefix_checked("CA"),
    check,
    format,
};

/// The program identifiers of the CRA accepted after a BN.
const PROGRAMS: [&[u8]; 6] = [b"RC", b"RM", b"RP", b"RR", b"RT", b"RZ"];

/// Nine digits with a Luhn check digit, optionally followed by a program account.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 9 && c.len() != 15 {
        return Err(InvalidReason::WrongLength);
    }
    let bytes = c.as_bytes();
    let bn = bytes.get(..9).ok_or(InvalidReason::WrongLength)?;
    if !bn.iter().all(u8::is_ascii_digit) {
        return Err(InvalidReason::InvalidFormat);
    }
    if let (Some(program), Some(reference)) = (bytes.get(9..11), bytes.get(11..)) {
        if !program.iter().all(u8::is_ascii_uppercase) || !reference.iter().all(u8::is_ascii_digit) {
            return Err(InvalidReason::InvalidFormat);
        }
        if !PROGRAMS.contains(&program) {
            return Err(InvalidReason::UnknownPrefix);
        }
    }
    if !luhn_valid(bn) {
        return Err(InvalidReason::BadCheckDigit);
    }
    Ok(())
}

/// `119219814` or `119219814 RR 0001`.
fn format(c: &Compact) -> String {
    let s = c.as_str();
    match (s.get(..9), s.get(9..11), s.get(11..)) {
        (Some(bn), Some(program), Some(reference)) if !program.is_empty() => {
            format!("{bn} {program} {reference}")
        }
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_numbers_are_well_formed() {
        // The Canadian Red Cross Society, as listed by the CRA's charities search.
        let n = BN.validate("119219814 RR 0001").unwrap();
        assert_eq!(n.normalized(), "119219814RR0001");
        assert_eq!(n.formatted(), "119219814 RR 0001");
        let n = BN.validate("119-219-814").unwrap();
        assert_eq!(n.normalized(), "119219814");
        assert_eq!(n.formatted(), "119219814");
        assert!(BN.validate("CA 119219814 rt 0001").is_ok());
    }

    #[test]
    fn program_identifiers() {
        for program in ["RC", "RM", "RP", "RR", "RT", "RZ"] {
            assert!(
                BN.validate(&format!("119219814{program}0001")).is_ok(),
                "{program}"
            );
        }
        assert_eq!(
            BN.validate("119219814XX0001").unwrap_err().reason,
            InvalidReason::UnknownPrefix
        );
        assert_eq!(
            BN.validate("119219814R10001").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            BN.validate("119219814RT000A").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }

    #[test]
    fn malformed_numbers() {
        // Last digit changed: the Luhn sum is off by one.
        assert_eq!(
            BN.validate("119219815").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
        assert_eq!(
            BN.validate("11921981").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            BN.validate("119219814RT001").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            BN.validate("11921981A").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }
}
