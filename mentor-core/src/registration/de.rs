//! Germany: Steuernummer (tax number) and Umsatzsteuer-Identifikationsnummer (VAT number).
//!
//! Sources:
//! - Steuernummer: the formats of the Länder as published in the German Wikipedia article
//!   "Steuernummer" (de.wikipedia.org). Each Land prints a 10- or 11-digit number (e.g.
//!   Bavaria `FFF/BBB/UUUUP`: tax office, district, serial number, check digit) and every
//!   number has a 13-digit federal form (vereinheitlichtes Bundesschema) made of the 4-digit
//!   Bundesfinanzamtsnummer, a `0`, then the district, serial and check digits. The first
//!   digits of the federal form name the Land: `10` Saarland, `11` Berlin, `21`
//!   Schleswig-Holstein, `22` Hamburg, `23` Niedersachsen, `24` Bremen, `26` Hessen, `27`
//!   Rheinland-Pfalz, `28` Baden-Württemberg, `30` Brandenburg, `31` Sachsen-Anhalt, `32`
//!   Sachsen, `40` Mecklenburg-Vorpommern, `41` Thüringen, `5` Nordrhein-Westfalen, `9`
//!   Bayern. The check digit's method differs per Land and is not public for all of them, so
//!   only the format is checked, as python-stdnum 2.2 does: any 10 or 11 digits (every
//!   10-digit and 11-digit string fits one Land's regional format), or 13 digits with a
//!   known Land code and a `0` in fifth place.
//! - USt-IdNr: Bundeszentralamt für Steuern (bzst.de), "Umsatzsteuer-Identifikationsnummer":
//!   `DE` + 9 digits, the last a check digit by ISO/IEC 7064 MOD 11,10. A first digit 0 is
//!   refused, as python-stdnum 2.2 does.
//!
//! Normalisation: the module policy (separators, lower case, an optional or duplicated `DE`).
//! The Steuernummer's normal and printed form is its digits (`18181508155`): where the
//! slashes go depends on the Land, which a 10- or 11-digit number does not always tell. The
//! USt-IdNr's normal and printed form carries `DE` (`DE136695976`), as the BZSt prints it.
//!
//! Differences from python-stdnum 2.2 (`stdnum.de.stnr`, `stdnum.de.vat`), beyond the
//! separators and Unicode characters of the module policy: the Steuernummer accepts a `DE`
//! prefix (`DE18181508155`) and the USt-IdNr a duplicated one (`DEDE136695976`).

use super::checksum::iso7064_mod_11_10_valid;
use super::number::{Compact, as_is, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId, SelfEmployedStatus};
use crate::i18n::Text;

/// Germany: Freiberufler and Kleinunternehmer, identified by Steuernummer or USt-IdNr.
pub(super) static RULES: CountryRules = CountryRules {
    country: "DE",
    statuses: &[
        SelfEmployedStatus {
            local_name: "Freiberufler",
            gloss: Text::new(
                "self-employed member of a liberal profession (teaching, IT consulting…), exempt from the trade registration",
                "indépendant exerçant une profession libérale (enseignement, conseil informatique…), dispensé de la déclaration d'activité commerciale",
            ),
        },
        SelfEmployedStatus {
            local_name: "Kleinunternehmer",
            gloss: Text::new(
                "small business under the VAT exemption of § 19 UStG (turnover below the threshold)",
                "petite entreprise bénéficiant de la franchise de TVA du § 19 UStG (chiffre d'affaires sous le seuil)",
            ),
        },
    ],
    procedure: Text::new(
        "register a trade at the local trade office (Gewerbeanmeldung; not needed by Freiberufler), then file the tax registration questionnaire (Fragebogen zur steuerlichen Erfassung) with the Finanzamt through ELSTER, which assigns the Steuernummer; the USt-IdNr is assigned by the Bundeszentralamt für Steuern",
        "déclarer l'activité commerciale auprès de la mairie (Gewerbeanmeldung ; inutile pour les Freiberufler), puis remplir le questionnaire d'enregistrement fiscal (Fragebogen zur steuerlichen Erfassung) pour le Finanzamt via ELSTER, qui attribue la Steuernummer ; l'USt-IdNr est attribué par le Bundeszentralamt für Steuern",
    ),
    schemes: &[&STNR, &VAT],
};

/// The Steuernummer, assigned by the Land's tax office.
pub(super) static STNR: Scheme = Scheme {
    id: SchemeId::DeStnr,
    name: "Steuernummer",
    title: Text::new("tax number (Steuernummer)", "numéro fiscal (Steuernummer)"),
    proves: Text::new(
        "the number has the format of a Land's tax number (10 or 11 digits, or the 13-digit federal form); its check digit is not verified, and it does not prove that a tax office assigned it",
        "le numéro a le format du numéro fiscal d'un Land (10 ou 11 chiffres, ou la forme fédérale à 13 chiffres) ; sa clé n'est pas vérifiée et cela ne prouve pas qu'un centre des impôts l'a attribué",
    ),
    example: "18181508155",
    compact: |input| clean(input)?.strip_country_prefix_checked("DE"),
    check: check_stnr,
    format: as_is,
};

/// The Umsatzsteuer-Identifikationsnummer (VAT number).
pub(super) static VAT: Scheme = Scheme {
    id: SchemeId::DeVat,
    name: "USt-IdNr.",
    title: Text::new(
        "VAT identification number (USt-IdNr.)",
        "numéro d'identification à la TVA (USt-IdNr.)",
    ),
    proves: Text::new(
        "the number is well-formed (DE, 9 digits, ISO 7064 MOD 11,10 check digit); it does not prove that the business is registered for VAT: only the BZSt or VIES confirmation service can tell",
        "le numéro est bien formé (DE, 9 chiffres, clé ISO 7064 MOD 11,10) ; cela ne prouve pas que l'entreprise est immatriculée à la TVA : seul le service de confirmation du BZSt ou VIES peut le dire",
    ),
    example: "DE136695976",
    compact: |input| {
        clean(input)?
            .strip_country_prefix_checked("DE")?
            .with_prefix("DE")
            .ok_or(InvalidReason::WrongLength)
    },
    check: check_vat,
    format: as_is,
};

/// The first two digits of the 13-digit federal form, by Land (Bavaria `9` and
/// North Rhine-Westphalia `5` use one digit and a 3-digit tax office number).
const FEDERAL_LAND_CODES: [&[u8]; 16] = [
    b"10", b"11", b"21", b"22", b"23", b"24", b"26", b"27", b"28", b"30", b"31", b"32", b"40", b"41", b"5",
    b"9",
];

/// 10 or 11 digits, or 13 digits with a Land code and a `0` in fifth place.
fn check_stnr(c: &Compact) -> Result<(), InvalidReason> {
    let len = c.len();
    if !matches!(len, 10 | 11 | 13) {
        return Err(InvalidReason::WrongLength);
    }
    if !c.is_digits() {
        return Err(InvalidReason::InvalidFormat);
    }
    if len == 13 {
        let digits = c.as_bytes();
        if !FEDERAL_LAND_CODES.iter().any(|code| digits.starts_with(code)) {
            return Err(InvalidReason::UnknownPrefix);
        }
        if c.digit(4) != Some(0) {
            return Err(InvalidReason::InvalidFormat);
        }
    }
    Ok(())
}

/// `DE` + 9 digits, the first not 0, passing ISO 7064 MOD 11,10.
fn check_vat(c: &Compact) -> Result<(), InvalidReason> {
    if c.len() != 11 {
        return Err(InvalidReason::WrongLength);
    }
    let (prefix, digits) = c
        .as_bytes()
        .split_at_checked(2)
        .ok_or(InvalidReason::WrongLength)?;
    if prefix != b"DE" {
        return Err(InvalidReason::UnknownPrefix);
    }
    if !digits.iter().all(u8::is_ascii_digit) || digits.first() == Some(&b'0') {
        return Err(InvalidReason::InvalidFormat);
    }
    if iso7064_mod_11_10_valid(digits) {
        Ok(())
    } else {
        Err(InvalidReason::BadCheckDigit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(scheme: &'static Scheme, input: &str) -> InvalidReason {
        scheme.validate(input).unwrap_err().reason
    }

    #[test]
    fn stnr_regional_and_federal_forms() {
        // Wikipedia's examples: Bavaria 181/815/08155 (federal 9181081508155), Baden-
        // Württemberg 93815/08152 (federal 2893081508152).
        assert!(STNR.validate("181/815/08155").is_ok());
        assert!(STNR.validate("9181081508155").is_ok());
        assert!(STNR.validate("93815/08152").is_ok());
        assert!(STNR.validate("2893081508152").is_ok());
        assert_eq!(STNR.validate("181 815 08155").unwrap().formatted(), "18181508155");
        assert!(STNR.validate("DE 181/815/08155").is_ok());
    }

    #[test]
    fn stnr_refusals() {
        assert_eq!(reason(&STNR, "181/815/081"), InvalidReason::WrongLength);
        assert_eq!(reason(&STNR, "181/815/081551"), InvalidReason::WrongLength);
        assert_eq!(reason(&STNR, "181/815/0815A"), InvalidReason::InvalidFormat);
        // No Land has code 12 or 8.
        assert_eq!(reason(&STNR, "1281081508155"), InvalidReason::UnknownPrefix);
        assert_eq!(reason(&STNR, "8181081508155"), InvalidReason::UnknownPrefix);
        // The fifth digit of the federal form is 0.
        assert_eq!(reason(&STNR, "9181181508155"), InvalidReason::InvalidFormat);
        assert_eq!(reason(&STNR, "2893181508152"), InvalidReason::InvalidFormat);
    }

    #[test]
    fn vat_known_values() {
        // A number used in public examples of the check; verdict confirmed by python-stdnum.
        assert!(VAT.validate("DE136695976").is_ok());
        assert!(VAT.validate("de 136 695 976").is_ok());
        assert_eq!(VAT.validate("136695976").unwrap().normalized(), "DE136695976");
        assert_eq!(VAT.validate("DEDE136695976").unwrap().normalized(), "DE136695976");
        assert_eq!(reason(&VAT, "DE136695978"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&VAT, "DE163695976"), InvalidReason::BadCheckDigit);
        assert_eq!(reason(&VAT, "DE13669597"), InvalidReason::WrongLength);
        // The first digit is never 0: 036695975 passes MOD 11,10 but is refused (as
        // python-stdnum does).
        assert!(iso7064_mod_11_10_valid(b"036695975"));
        assert_eq!(reason(&VAT, "DE036695975"), InvalidReason::InvalidFormat);
        assert_eq!(reason(&VAT, "DEDEDE136695976"), InvalidReason::InvalidFormat);
    }

    #[test]
    fn country_examples() {
        for scheme in RULES.schemes {
            assert!(scheme.validate(scheme.example).is_ok(), "{}", scheme.name);
        }
    }
}
