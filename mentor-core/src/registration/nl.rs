//! Netherlands: Chamber of Commerce number (KVK-nummer) and VAT number (btw-id).
//!
//! Sources:
//! - Kamer van Koophandel (kvk.nl), "KVK-nummer": eight digits, assigned in sequence, with no
//!   check digit; only the Handelsregister says whether a number exists.
//! - Belastingdienst, "btw-identificatienummer": `NL`, nine digits, `B`, two digits (the
//!   sub-number, from 01). Numbers derived from the old tax number pass the 11-test (elfproef)
//!   on the nine digits: Σ dᵢ·(9, 8, 7, 6, 5, 4, 3, 2) − d₉ ≡ 0 (mod 11). The btw-ids issued
//!   to sole traders since 1 January 2020 are random instead and pass ISO 7064 MOD 97-10 on
//!   the whole string (`N`=23, `L`=21, `B`=11, as in IBAN). A number passing either is
//!   well-formed; nine zeros and the sub-number 00 are never issued.
//!
//! Well-formed is not registered: the KVK Handelsregister and VIES say whether the business
//! exists and is VAT-registered.
//!
//! Normalisation: the module policy, with an optional or duplicated `NL` prefix. Leading zeros
//! of the nine digits may be left out (`NL4495445B01` reads as `NL004495445B01`). Normal
//! forms: `12345678` and `NL004495445B01`, printed the same way.

use super::checksum::{iso7064_mod_97_10_valid, weighted_sum};
use super::number::{Compact, as_is, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// The Netherlands: the eenmanszaak, identified by its KVK number or its btw-id.
pub(super) static RULES: CountryRules = CountryRules {
    country: "NL",
    statuses: &[SelfEmployedStatus {
        local_name: "eenmanszaak (zzp)",
        gloss: Text::new(
            "sole proprietorship; a self-employed person without staff is called a zzp'er",
            "entreprise individuelle ; un indépendant sans salarié est appelé zzp'er",
        ),
    }],
    procedure: Text::new(
        "register the eenmanszaak in the Handelsregister of the Kamer van Koophandel (KVK), which gives the KVK number and passes the registration to the Belastingdienst, which then sends the btw-id",
        "inscrire l'eenmanszaak au registre du commerce (Handelsregister) de la Kamer van Koophandel (KVK), qui attribue le numéro KVK et transmet l'inscription à l'administration fiscale (Belastingdienst), qui envoie ensuite le numéro de TVA (btw-id)",
    ),
    schemes: &[&KVK, &VAT],
};

/// The Chamber of Commerce number.
pub(super) static KVK: Scheme = Scheme {
    id: SchemeId::NlKvk,
    name: "KVK-nummer",
    title: Text::new(
        "Chamber of Commerce number (KVK)",
        "numéro de la chambre de commerce (KVK)",
    ),
    proves: Text::new(
        "the number is well-formed (eight digits); a KVK number has no check digit, so this catches no typo and does not prove that the business is in the Handelsregister",
        "le numéro est bien formé (huit chiffres) ; un numéro KVK n'a pas de clé de contrôle : cela ne détecte aucune faute de frappe et ne prouve pas que l'entreprise est inscrite au Handelsregister",
    ),
    example: "17001910",
    compact: |input| clean(input)?.strip_country_prefix_checked(PREFIX),
    check: check_kvk,
    format: as_is,
};

/// The VAT identification number (btw-id).
pub(super) static VAT: Scheme = Scheme {
    id: SchemeId::NlVat,
    name: "btw-id",
    title: Text::new(
        "VAT identification number (btw-id)",
        "numéro d'identification TVA (btw-id)",
    ),
    proves: Text::new(
        "the number is well-formed (NL, nine digits passing the 11-test or the whole number passing ISO 7064 MOD 97-10, B and a sub-number); it does not prove that the business is registered for VAT",
        "le numéro est bien formé (NL, neuf chiffres qui passent la preuve par 11 ou un numéro entier qui passe l'ISO 7064 MOD 97-10, B et un sous-numéro) ; cela ne prouve pas que l'entreprise est assujettie à la TVA",
    ),
    example: "NL004495445B01",
    compact: compact_vat,
    check: check_vat,
    format: as_is,
};

/// The country prefix.
const PREFIX: &str = "NL";

/// Eight digits.
fn check_kvk(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 8 {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    Ok(())
}

/// The policy, then the left-out leading zeros put back, then `NL` put back.
fn compact_vat(input: &str) -> Result<Compact, InvalidReason> {
    let cleaned = clean(input)?;
    if cleaned.len() == 14 && cleaned.as_bytes().starts_with(PREFIX.as_bytes()) && cleaned.digit(2).is_some()
    {
        // The usual case, `NL` once and nine digits: nothing to strip, pad or add.
        return Ok(cleaned);
    }
    let rest = cleaned.strip_country_prefix_checked(PREFIX)?;
    let bytes = rest.as_bytes();
    let leading = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let tail = bytes.get(leading..).unwrap_or_default();
    let short = (1..9).contains(&leading)
        && tail.len() == 3
        && tail.first() == Some(&b'B')
        && tail.iter().skip(1).all(u8::is_ascii_digit);
    let mut out = [b'0'; 14];
    let (head, body) = out.split_at_mut(2);
    head.copy_from_slice(PREFIX.as_bytes());
    if short {
        // `leading + 3 <= 11 < 12`: the padded number fits in the 12 bytes after `NL`.
        let pad = 12 - bytes.len();
        let slot = body.get_mut(pad..).ok_or(InvalidReason::WrongLength)?;
        slot.copy_from_slice(bytes);
        return Compact::from_clean(&out).ok_or(InvalidReason::WrongLength);
    }
    rest.with_prefix(PREFIX).ok_or(InvalidReason::WrongLength)
}

/// `NL`, nine digits, `B`, two digits; sub-number not 00, digits not all zero; 11-test or
/// MOD 97-10.
fn check_vat(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 14 {
        return Err(InvalidReason::WrongLength);
    }
    let bytes = c.as_bytes();
    let (Some(prefix), Some(digits), Some(b), Some(sub)) =
        (bytes.get(..2), bytes.get(2..11), bytes.get(11), bytes.get(12..))
    else {
        return Err(InvalidReason::WrongLength);
    };
    if prefix != PREFIX.as_bytes()
        || *b != b'B'
        || !digits.iter().all(u8::is_ascii_digit)
        || !sub.iter().all(u8::is_ascii_digit)
    {
        return Err(InvalidReason::InvalidFormat);
    }
    if sub == b"00" || digits.iter().all(|&d| d == b'0') {
        return Err(InvalidReason::InvalidFormat);
    }
    if eleven_test(c) || iso7064_mod_97_10_valid(bytes) {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

/// The elfproef on the nine digits after `NL`: weights 9 … 2, the last digit counted −1.
fn eleven_test(c: &Compact) -> bool {
    let digits = c.skip(2);
    let sum = weighted_sum(&digits, &[9, 8, 7, 6, 5, 4, 3, 2]);
    match (sum, digits.digit(8)) {
        (Some(sum), Some(last)) => (sum + 11 - last) % 11 == 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kvk_known_values() {
        // Koninklijke Philips N.V. in the Handelsregister.
        let n = KVK.validate("1700 1910").unwrap();
        assert_eq!(n.normalized(), "17001910");
        assert_eq!(n.formatted(), "17001910");
        assert!(KVK.validate("NL17001910").is_ok());
        assert_eq!(
            KVK.validate("1700191").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            KVK.validate("1700191A").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }

    #[test]
    fn vat_eleven_test() {
        // 0·9+0·8+4·7+4·6+9·5+5·4+4·3+4·2 − 5 = 132 = 12·11.
        let n = VAT.validate("NL0044.95.445.B01").unwrap();
        assert_eq!(n.normalized(), "NL004495445B01");
        assert_eq!(n.formatted(), "NL004495445B01");
        assert_eq!(
            VAT.validate("004495445B01").unwrap().normalized(),
            "NL004495445B01"
        );
        assert_eq!(
            VAT.validate("nlnl004495445b01").unwrap().normalized(),
            "NL004495445B01"
        );
        // The last digit changed: 132 − 1 = 131, not a multiple of 11 (and MOD 97-10 fails).
        assert_eq!(
            VAT.validate("NL004495446B01").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
    }

    #[test]
    fn vat_mod_97_after_2020() {
        // NL123456789B13 with N=23, L=21, B=11 is 23211234567891113; by hand in steps:
        // 232112345 mod 97 = 75, 756789111 mod 97 = 58, 583 mod 97 = 1.
        // The elfproef fails on 123456789 (147 mod 11 = 4).
        assert!(VAT.validate("NL123456789B13").is_ok());
        assert_eq!(
            VAT.validate("NL123456789B14").unwrap_err().reason,
            InvalidReason::BadCheckDigit
        );
    }

    #[test]
    fn vat_leading_zeros_may_be_left_out() {
        assert_eq!(
            VAT.validate("NL4495445B01").unwrap().normalized(),
            "NL004495445B01"
        );
        assert_eq!(
            VAT.validate("NL4495445B1").unwrap_err().reason,
            InvalidReason::WrongLength
        );
    }

    #[test]
    fn vat_never_issued() {
        assert_eq!(
            VAT.validate("NL004495445B00").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            VAT.validate("NL000000000B01").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            VAT.validate("NL004495445C01").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
        assert_eq!(
            VAT.validate("NL004495445").unwrap_err().reason,
            InvalidReason::WrongLength
        );
        assert_eq!(
            VAT.validate("NLNLNL004495445B01").unwrap_err().reason,
            InvalidReason::InvalidFormat
        );
    }
}
