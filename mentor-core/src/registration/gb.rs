//! United Kingdom: Unique Taxpayer Reference (UTR) and VAT registration number.
//!
//! Sources:
//! - HMRC, "Find your UTR number" and "Pay your Self Assessment tax bill" (gov.uk): a UTR has
//!   10 digits; the Self Assessment payment reference is the UTR followed by `K`. The check
//!   digit is the first digit: with the weights 6, 7, 8, 9, 10, 5, 4, 3, 2 on digits 2 to 10,
//!   it is `"21987654321"[Σ mod 11]` (the method as Sage's "Unique Taxpayer Reference" help
//!   page documents it, with the worked example `3282497350`).
//! - HMRC, VAT Notice 700/1 "Should I be registered for VAT?" and VAT Notice 700/2 "Group and
//!   divisional registration" (gov.uk): a VAT registration number is 9 digits, 12 with the
//!   3-digit suffix of a division or group member, `GD` + 3 digits (government departments,
//!   `000`–`499`) or `HA` + 3 digits (health authorities, `500`–`999`); since 2021 businesses
//!   in Northern Ireland trading goods with the EU quote it with `XI` instead of `GB` (HMRC
//!   guidance on the Northern Ireland Protocol). HMRC does not publish the check; the
//!   publicly documented one ("modulus 97" and, for newer numbers, "modulus 9755") on the
//!   first 9 digits: `s = 8·d₁ + 7·d₂ + … + 2·d₇ + 10·d₈ + d₉`; the number is well-formed
//!   when `s mod 97` is 0, or, for numbers from `100 000 000` on (first digit not 0), when it
//!   is 42 (`s + 55` a multiple of 97) or 55 — the remainders python-stdnum 2.2 accepts,
//!   taken as the reference (`docs/registration/README.md`).
//!
//! Normalisation: the module policy (separators, lower case, an optional or duplicated
//! prefix).
//! - UTR: the normal form is the 10 digits, printed in two groups of five (`32824 97350`), a
//!   layout found on HMRC letters. An optional `GB` prefix, any leading `K` (python-stdnum
//!   strips them) and one trailing `K` (the Self Assessment payment reference) are dropped;
//!   what still starts with `GB` or ends with `K` after that is refused (`invalid_format`).
//! - VAT: the normal form carries its prefix, `GB` or `XI` (`XI` kept when typed, `GB`
//!   added when none was): `GB340804329`, printed `GB 340 8043 29` (`GB 340 8043 29 001` for
//!   a branch, `GB GD001` for the `GD`/`HA` forms).
//!
//! Differences from python-stdnum 2.2 (`stdnum.gb.utr`, `stdnum.gb.vat`), beyond the
//! separators and Unicode characters of the module policy: UTR accepts a `GB` prefix
//! (`GB3282497350`) and a trailing `K` (`3282497350K`, the payment reference printed on HMRC's
//! payslips); VAT accepts a duplicated prefix (`GBGB340804329`, `XIXI340804329`).

use super::number::{Compact, clean, group};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// The United Kingdom: sole traders, identified by UTR or VAT number.
pub(super) static RULES: CountryRules = CountryRules {
    country: "GB",
    statuses: &[SelfEmployedStatus {
        local_name: "sole trader",
        gloss: Text::new(
            "sole trader: a self-employed person running their business in their own name",
            "entrepreneur individuel (sole trader) : un indépendant qui exerce en son nom propre",
        ),
    }],
    procedure: Text::new(
        "register for Self Assessment with HMRC (gov.uk), which sends a 10-digit Unique Taxpayer Reference (UTR); registering for VAT is a separate step, compulsory above the VAT threshold",
        "s'inscrire à la Self Assessment auprès du HMRC (gov.uk), qui envoie une référence fiscale unique (UTR) de 10 chiffres ; l'immatriculation à la TVA est une démarche distincte, obligatoire au-delà du seuil de TVA",
    ),
    schemes: &[&UTR, &VAT],
};

/// The Unique Taxpayer Reference.
pub(super) static UTR: Scheme = Scheme {
    id: SchemeId::GbUtr,
    name: "UTR",
    title: Text::new("Unique Taxpayer Reference", "référence fiscale unique (UTR)"),
    proves: Text::new(
        "the number is well-formed (10 digits, the first a check digit); it does not prove that HMRC issued it nor that the person is registered for Self Assessment",
        "le numéro est bien formé (10 chiffres, le premier étant une clé de contrôle) ; cela ne prouve pas que le HMRC l'a attribué ni que la personne est inscrite à la Self Assessment",
    ),
    example: "32824 97350",
    compact: compact_utr,
    check: check_utr,
    format: |c| group(c.as_str(), &[5], " "),
};

/// The VAT registration number.
pub(super) static VAT: Scheme = Scheme {
    id: SchemeId::GbVat,
    name: "VAT",
    title: Text::new("VAT registration number", "numéro d'immatriculation à la TVA"),
    proves: Text::new(
        "the number is well-formed (GB or XI, 9 or 12 digits passing the mod 97 check, or a GD/HA number); it does not prove that the business is registered for VAT: only HMRC's VAT number check service can tell",
        "le numéro est bien formé (GB ou XI, 9 ou 12 chiffres passant le contrôle modulo 97, ou un numéro GD/HA) ; cela ne prouve pas que l'entreprise est immatriculée à la TVA : seul le service de vérification du HMRC peut le dire",
    ),
    example: "GB 340 8043 29",
    compact: compact_vat,
    check: check_vat,
    format: format_vat,
};

/// The check digit of a UTR, indexed by the weighted sum modulo 11.
const UTR_CHECK: &[u8; 11] = b"21987654321";

/// The weights of UTR digits 2 to 10.
const UTR_WEIGHTS: [u32; 9] = [6, 7, 8, 9, 10, 5, 4, 3, 2];

/// The weights of VAT digits 1 to 9 (the last two together are read as a number).
const VAT_WEIGHTS: [u32; 9] = [8, 7, 6, 5, 4, 3, 2, 10, 1];

/// UTR: the module policy with an optional `GB`, any leading `K` and one trailing `K`.
/// What is left never starts with `GB` or `K` nor ends with `K` (such input is refused), so
/// that the compact form is stable.
fn compact_utr(input: &str) -> Result<Compact, InvalidReason> {
    let mut c = clean(input)?.strip_country_prefix_checked("GB")?;
    while c.as_bytes().first() == Some(&b'K') {
        c = c.skip(1);
    }
    if let Some((b'K', body)) = c.as_bytes().split_last() {
        c = Compact::from_clean(body).ok_or(InvalidReason::WrongLength)?;
    }
    if c.is_empty() {
        return Err(InvalidReason::Empty);
    }
    let bytes = c.as_bytes();
    if bytes.starts_with(b"GB") || bytes.ends_with(b"K") {
        return Err(InvalidReason::InvalidFormat);
    }
    Ok(c)
}

/// Ten digits, the first the check digit of the other nine.
fn check_utr(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 10 {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    let sum = UTR_WEIGHTS
        .iter()
        .enumerate()
        .try_fold(0u32, |acc, (i, w)| Some(acc + c.digit(i + 1)? * w))
        .ok_or(InvalidReason::InvalidFormat)?;
    let expected = UTR_CHECK.get(usize::try_from(sum % 11).unwrap_or(0)).copied();
    if c.as_bytes().first().copied() == expected {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

/// VAT: the module policy with `GB` or `XI` (once or twice), then the prefix put back: `XI`
/// when it was typed, `GB` otherwise.
fn compact_vat(input: &str) -> Result<Compact, InvalidReason> {
    let c = clean(input)?;
    let prefix = if c.as_bytes().starts_with(b"XI") {
        "XI"
    } else {
        "GB"
    };
    let rest = c.strip_country_prefix_checked(prefix)?;
    rest.with_prefix(prefix).ok_or(InvalidReason::WrongLength)
}

/// `GB`/`XI` + 9 or 12 digits passing the mod 97 check, or `GD` + 000–499, or `HA` + 500–999.
fn check_vat(c: &Compact) -> Result<(), InvalidReason> {
    let (prefix, rest) = c
        .as_bytes()
        .split_at_checked(2)
        .ok_or(InvalidReason::WrongLength)?;
    if prefix != b"GB" && prefix != b"XI" {
        return Err(InvalidReason::UnknownPrefix);
    }
    match rest.len() {
        5 => check_government(rest),
        9 | 12 => {
            if !rest.iter().all(u8::is_ascii_digit) {
                return Err(InvalidReason::InvalidFormat);
            }
            let sum = VAT_WEIGHTS
                .iter()
                .zip(rest)
                .map(|(w, b)| w * u32::from(b - b'0'))
                .sum::<u32>();
            let new_series = rest.first().is_some_and(|&b| b != b'0');
            match sum % 97 {
                0 => Ok(()),
                42 | 55 if new_series => Ok(()),
                _ => Err(InvalidReason::BadCheckDigit),
            }
        }
        _ => Err(InvalidReason::WrongLength),
    }
}

/// `GD` + 000–499 (government departments) or `HA` + 500–999 (health authorities).
fn check_government(rest: &[u8]) -> Result<(), InvalidReason> {
    let (kind, digits) = rest.split_at_checked(2).ok_or(InvalidReason::WrongLength)?;
    if kind != b"GD" && kind != b"HA" {
        return Err(InvalidReason::InvalidFormat);
    }
    let number = digits.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    });
    match (kind, number) {
        (_, None) => Err(InvalidReason::InvalidFormat),
        (b"GD", Some(n)) if n < 500 => Ok(()),
        (b"HA", Some(n)) if n >= 500 => Ok(()),
        _ => Err(InvalidReason::UnknownPrefix),
    }
}

/// `GB 340 8043 29`, `GB 340 8043 29 001`, `GB GD001`.
fn format_vat(c: &Compact) -> String {
    if c.len() == 7 {
        group(c.as_str(), &[2], " ")
    } else {
        group(c.as_str(), &[2, 3, 4, 2], " ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(scheme: &'static Scheme, input: &str) -> InvalidReason {
        scheme.validate(input).unwrap_err().reason
    }

    #[test]
    fn utr_known_values() {
        // The worked example of Sage's UTR help page: 272 mod 11 = 8, check digit 3.
        assert!(UTR.validate("3282497350").is_ok());
        assert!(UTR.validate("32824 97350").is_ok());
        assert_eq!(reason(&UTR, "4282497350"), InvalidReason::BadCheckDigit);
        // Two digits swapped: 6·8 + 7·2 … differs.
        assert_eq!(reason(&UTR, "3828497350"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&UTR, "328249735"), InvalidReason::WrongLength);
        assert_eq!(reason(&UTR, "328249735A"), InvalidReason::InvalidFormat);
        assert_eq!(UTR.format("3282497350").unwrap(), "32824 97350");
    }

    #[test]
    fn utr_k_and_prefix() {
        for input in [
            "K3282497350",
            "k 3282497350",
            "KK3282497350",
            "3282497350K",
            "GB 3282497350",
        ] {
            assert_eq!(UTR.validate(input).unwrap().normalized(), "3282497350", "{input}");
        }
        assert_eq!(reason(&UTR, "3282497350KK"), InvalidReason::InvalidFormat);
        assert_eq!(reason(&UTR, "KGB3282497350"), InvalidReason::InvalidFormat);
        assert_eq!(reason(&UTR, "K"), InvalidReason::Empty);
    }

    #[test]
    fn compact_is_idempotent() {
        for input in [
            "K3282497350",
            "3282497350K",
            "GBK3282497350K",
            "KXK",
            "12",
            "XIGB340804329",
            "GBXI1",
        ] {
            for scheme in [&UTR, &VAT] {
                if let Ok(once) = scheme.compact(input) {
                    assert_eq!(scheme.compact(once.as_str()).unwrap(), once, "{input}");
                }
            }
        }
    }

    #[test]
    fn vat_standard_numbers() {
        assert!(VAT.validate("GB340804329").is_ok());
        assert!(VAT.validate("GB 340 8043 29").is_ok());
        // Checked with python-stdnum 2.2.
        assert!(VAT.validate("GB 980 7806 84").is_ok());
        assert_eq!(reason(&VAT, "GB340804328"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&VAT, "GB340804392"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&VAT, "GB34080432"), InvalidReason::WrongLength);
        assert_eq!(reason(&VAT, "GB3408O4329"), InvalidReason::InvalidFormat);
        assert_eq!(VAT.validate("340804329").unwrap().normalized(), "GB340804329");
        assert_eq!(VAT.format("gb340804329").unwrap(), "GB 340 8043 29");
    }

    #[test]
    fn vat_remainders() {
        // Hand-computed sums: 100000000 → 8 (bad); 100000034 → 8 + 34 = 42 (new series);
        // 100000047 → 55; 000000042 → 42 but the first digit is 0 (bad); 000000000 → 0.
        assert_eq!(reason(&VAT, "GB100000000"), InvalidReason::BadCheckDigit);
        assert!(VAT.validate("GB100000034").is_ok());
        assert!(VAT.validate("GB100000047").is_ok());
        assert_eq!(reason(&VAT, "GB000000042"), InvalidReason::BadCheckDigit);
        assert!(VAT.validate("GB000000000").is_ok());
    }

    #[test]
    fn vat_branches_government_and_northern_ireland() {
        assert_eq!(VAT.format("340804329001").unwrap(), "GB 340 8043 29 001");
        assert_eq!(reason(&VAT, "GB340804328001"), InvalidReason::BadCheckDigit);
        assert_eq!(VAT.format("GD001").unwrap(), "GB GD001");
        assert!(VAT.validate("GBGD499").is_ok());
        assert_eq!(reason(&VAT, "GD500"), InvalidReason::UnknownPrefix);
        assert!(VAT.validate("HA500").is_ok());
        assert_eq!(reason(&VAT, "HA499"), InvalidReason::UnknownPrefix);
        assert_eq!(reason(&VAT, "GDX01"), InvalidReason::InvalidFormat);
        let ni = VAT.validate("xi 340 8043 29").unwrap();
        assert_eq!(ni.normalized(), "XI340804329");
        assert_eq!(ni.formatted(), "XI 340 8043 29");
        assert!(VAT.validate("XIHA500").is_ok());
    }

    #[test]
    fn vat_prefixes() {
        assert_eq!(VAT.validate("GBGB340804329").unwrap().normalized(), "GB340804329");
        assert_eq!(reason(&VAT, "GBGBGB340804329"), InvalidReason::InvalidFormat);
        assert_eq!(reason(&VAT, "GBXI340804329"), InvalidReason::WrongLength);
        assert_eq!(reason(&VAT, "XIGB340804329"), InvalidReason::WrongLength);
    }

    #[test]
    fn country_examples() {
        for scheme in RULES.schemes {
            assert!(scheme.validate(scheme.example).is_ok(), "{}", scheme.name);
        }
    }
}
