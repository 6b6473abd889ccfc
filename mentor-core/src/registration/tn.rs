//! Tunisia: matricule fiscal (MF), the tax identifier.
//!
//! Source: Ministère des Finances, Direction Générale des Impôts, the "carte d'identification
//! fiscale", and the Registre National des Entreprises (registre-entreprises.tn). The full
//! matricule is `1234567/M/A/M/000`:
//! - the identifiant unique, seven digits, and its clé de contrôle, a letter other than I, O
//!   and U (too close to 1, 0 and 4); the ministry does not publish how the letter is
//!   computed, so only its range is checked;
//! - the code TVA: A, P, B, D or N;
//! - the code catégorie: M, P, C, N or E;
//! - the number of the secondary establishment, three digits, `000` for the main one; any
//!   other number belongs to a secondary establishment, of category E.
//!
//! The short form, the identifiant and its key only (`1234567/M`), is what appears on the
//! auto-entrepreneur's registration and is accepted too. Format only: a well-formed
//! matricule may be unassigned.
//!
//! Normalisation: the module policy, with an optional or duplicated `TN` prefix; leading zeros
//! of the identifiant may be left out (`121/J` reads as `0000121J`). Normal form
//! `1234567MAM000` or `1234567M`; printed `1234567/M/A/M/000` or `1234567/M`.

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Tunisia: the auto-entrepreneur, identified by the matricule fiscal.
pub(super) static RULES: CountryRules = CountryRules {
    country: "TN",
    statuses: &[SelfEmployedStatus {
        local_name: "auto-entrepreneur",
        gloss: Text::new(
            "self-employed person under the auto-entrepreneur regime (law 2020-33)",
            "travailleur indépendant sous le régime de l'auto-entrepreneur (loi 2020-33)",
        ),
    }],
    procedure: Text::new(
        "register on the national auto-entrepreneur platform, which gives the matricule fiscal and the auto-entrepreneur card",
        "s'inscrire sur la plateforme nationale de l'auto-entrepreneur, qui attribue le matricule fiscal et la carte d'auto-entrepreneur",
    ),
    schemes: &[&MF],
};

/// The matricule fiscal, full or short.
pub(super) static MF: Scheme = Scheme {
    id: SchemeId::TnMf,
    name: "matricule fiscal",
    title: Text::new("tax identification number (matricule fiscal)", "matricule fiscal"),
    proves: Text::new(
        "the number has the expected format (seven digits, a key letter, and if given a VAT code, a category and an establishment number); its key letter cannot be checked, and this does not prove that the tax administration assigned it",
        "le numéro a le format attendu (sept chiffres, une lettre clé et, s'ils sont donnés, un code TVA, une catégorie et un numéro d'établissement) ; sa lettre clé ne peut pas être vérifiée, et cela ne prouve pas que l'administration fiscale l'a attribué",
    ),
    example: "1234567/M/A/M/000",
    compact,
    check,
    format,
};

/// The length of the identifiant unique.
const ID_LEN: usize = 7;

/// The policy, then the leading zeros of a shortened identifiant put back.
fn compact(input: &str) -> Result<Compact, InvalidReason> {
    let rest = clean(input)?.strip_country_prefix_checked("TN")?;
    let bytes = rest.as_bytes();
    let leading = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let then_letter = bytes.get(leading).is_some_and(u8::is_ascii_uppercase);
    if !(1..ID_LEN).contains(&leading) || !then_letter {
        return Ok(rest);
    }
    let mut out = [b'0'; 32];
    let padded = out
        .get_mut(..ID_LEN - leading + bytes.len())
        .ok_or(InvalidReason::WrongLength)?;
    padded
        .get_mut(ID_LEN - leading..)
        .ok_or(InvalidReason::WrongLength)?
        .copy_from_slice(bytes);
    Compact::from_clean(padded).ok_or(InvalidReason::WrongLength)
}

/// Seven digits and a key letter, then optionally the VAT code, category and establishment.
fn check(c: &Compact) -> Result<(), InvalidReason> {
    let bytes = c.as_bytes();
    if bytes.len() != ID_LEN + 1 && bytes.len() != ID_LEN + 6 {
        return Err(InvalidReason::WrongLength);
    }
    let (id, rest) = bytes.split_at_checked(ID_LEN).ok_or(InvalidReason::WrongLength)?;
    if !id.iter().all(u8::is_ascii_digit) {
        return Err(InvalidReason::InvalidFormat);
    }
    let (key, rest) = rest.split_first().ok_or(InvalidReason::WrongLength)?;
    if !key.is_ascii_uppercase() || matches!(key, b'I' | b'O' | b'U') {
        return Err(InvalidReason::InvalidFormat);
    }
    if let [vat, category, establishment @ ..] = rest {
        let known = matches!(vat, b'A' | b'P' | b'B' | b'D' | b'N')
            && matches!(category, b'M' | b'P' | b'C' | b'N' | b'E');
        let digits = establishment.iter().all(u8::is_ascii_digit);
        let main = establishment == b"000";
        if !known || !digits || (!main && *category != b'E') {
            return Err(InvalidReason::InvalidFormat);
        }
    }
    Ok(())
}

/// `1234567/M/A/M/000` or `1234567/M`.
fn format(c: &Compact) -> String {
    let s = c.as_str();
    let parts = [s.get(..7), s.get(7..8), s.get(8..9), s.get(9..10), s.get(10..)];
    parts
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_form() {
        let n = MF.validate("1234567/M/A/M/000").unwrap();
        assert_eq!(n.normalized(), "1234567MAM000");
        assert_eq!(n.formatted(), "1234567/M/A/M/000");
        assert_eq!(
            MF.validate("1234567 m a e 001").unwrap().formatted(),
            "1234567/M/A/E/001"
        );
        assert!(MF.validate("TN 1234567/M/A/M/000").is_ok());
    }

    #[test]
    fn short_form_and_left_out_zeros() {
        let n = MF.validate("1234567/M").unwrap();
        assert_eq!(n.normalized(), "1234567M");
        assert_eq!(n.formatted(), "1234567/M");
        assert_eq!(MF.validate("121/J").unwrap().normalized(), "0000121J");
        assert_eq!(
            MF.validate("121/M/A/M/000").unwrap().formatted(),
            "0000121/M/A/M/000"
        );
    }

    #[test]
    fn key_letter_and_codes() {
        for key in ["I", "O", "U"] {
            assert_eq!(
                MF.validate(&format!("1234567{key}")).unwrap_err().reason,
                InvalidReason::InvalidFormat
            );
        }
        assert_eq!(
            MF.validate("1234567/M/Z/M/000").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            MF.validate("1234567/M/A/X/000").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        // A secondary establishment must be of category E.
        assert_eq!(
            MF.validate("1234567/M/A/M/001").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            MF.validate("1234567/M/A/M/00A").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }

    #[test]
    fn wrong_lengths() {
        assert_eq!(
            MF.validate("1234567").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            MF.validate("12345678M").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            MF.validate("1234567/M/A/M").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            MF.validate("1234567/M/A/M/0000").unwrap_err().reason,
            InvalidReason::WrongLength
        );
    }
}
