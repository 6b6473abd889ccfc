//! Business registration numbers for 15 countries (WS-1): which self-employed status a
//! country has, how to register, which identifiers prove the registration on an invoice, and
//! whether a typed number is **well-formed**.
//!
//! Well-formed is all a check can tell: a SIRET whose check digits pass may still belong to no
//! business, or to a closed one. Only the authority's register (INSEE's Sirene, the IRS,
//! Companies House…) says whether a number is registered; this module never claims it.
//!
//! # Normalisation policy
//! Every scheme reads its input the same way before checking it:
//! 1. separators are dropped: spaces (also no-break and thin spaces), `.`, `-`, `/`, `_`, `,`;
//! 2. ASCII letters are upper-cased (`fr40303265045` reads as `FR40303265045`);
//! 3. any other character makes the number `invalid_characters`, nothing is guessed away;
//! 4. the country prefix (`FR`, `DE`, `BE`…) is optional on every scheme of that country, and
//!    a duplicated prefix (`FRFR…`, a form that adds the prefix the person typed) is removed
//!    too. Schemes whose normal form carries the prefix (VAT numbers) put it back.
//!
//! Each scheme's module documents its exact checks and its public source.
//!
//! ```
//! use mentor_core::registration::{validate, SchemeId};
//! use mentor_core::CountryCode;
//!
//! let fr = CountryCode::parse("FR").unwrap();
//! let siret = validate(fr, "732 829 320 00074").unwrap();
//! assert_eq!(siret.scheme_id(), SchemeId::FrSiret);
//! assert_eq!(siret.normalized(), "73282932000074");
//! assert_eq!(siret.formatted(), "732 829 320 00074");
//! assert!(validate(fr, "732 829 320 00075").is_err());
//! ```

mod checksum;
mod number;

mod be;
mod ca;
mod ch;
mod ci;
mod cm;
mod de;
mod es;
mod fr;
mod gb;
mod it;
mod ma;
mod nl;
mod sn;
mod tn;
mod us;

use serde::Serialize;

pub use number::Compact;

use crate::country::CountryCode;
use crate::i18n::{In, Lang, Localized, Text};

/// One identifier scheme, named `country_scheme` on the wire (`fr_siret`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SchemeId {
    /// France: SIREN, 9 digits, Luhn.
    FrSiren,
    /// France: SIRET (SIREN + establishment number), 14 digits, Luhn.
    FrSiret,
    /// France: intra-community VAT number, `FR` + 2-character key + SIREN.
    FrVat,
    /// United States: Employer Identification Number, `NN-NNNNNNN`.
    UsEin,
    /// United Kingdom: Unique Taxpayer Reference, 10 digits.
    GbUtr,
    /// United Kingdom: VAT registration number, `GB` + 9 or 12 digits, or GD/HA forms.
    GbVat,
    /// Germany: Steuernummer, the tax number of the regional tax office.
    DeStnr,
    /// Germany: Umsatzsteuer-Identifikationsnummer, `DE` + 9 digits.
    DeVat,
    /// Spain: NIF (DNI, NIE or CIF), also the VAT number with `ES`.
    EsNif,
    /// Italy: partita IVA, 11 digits, also the VAT number with `IT`.
    ItIva,
    /// Belgium: enterprise number (BCE/KBO), 10 digits, also the VAT number with `BE`.
    BeEnterpriseNumber,
    /// Switzerland: business identification number UID, `CHE-123.456.789`.
    ChUid,
    /// Switzerland: VAT number, the UID followed by `MWST`, `TVA` or `IVA`.
    ChVat,
    /// Canada: Business Number, 9 digits (+ a program account such as `RT0001`).
    CaBn,
    /// Netherlands: Chamber of Commerce (KVK) number, 8 digits.
    NlKvk,
    /// Netherlands: VAT number (btw-id), `NL` + 9 digits + `B` + 2 digits.
    NlVat,
    /// Morocco: Identifiant Commun de l'Entreprise, 15 digits.
    MaIce,
    /// Senegal: NINEA, 7 or 9 digits (+ COFI).
    SnNinea,
    /// Côte d'Ivoire: Numéro de Compte Contribuable, 7 digits + a letter.
    CiNcc,
    /// Côte d'Ivoire: trade register number RCCM (`CI-ABJ-2024-A-12345`).
    CiRccm,
    /// Tunisia: matricule fiscal.
    TnMf,
    /// Cameroon: Numéro d'Identifiant Unique.
    CmNiu,
}

impl SchemeId {
    /// The wire name (`"fr_siret"`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SchemeId::FrSiren => "fr_siren",
            SchemeId::FrSiret => "fr_siret",
            SchemeId::FrVat => "fr_vat",
            SchemeId::UsEin => "us_ein",
            SchemeId::GbUtr => "gb_utr",
            SchemeId::GbVat => "gb_vat",
            SchemeId::DeStnr => "de_stnr",
            SchemeId::DeVat => "de_vat",
            SchemeId::EsNif => "es_nif",
            SchemeId::ItIva => "it_iva",
            SchemeId::BeEnterpriseNumber => "be_enterprise_number",
            SchemeId::ChUid => "ch_uid",
            SchemeId::ChVat => "ch_vat",
            SchemeId::CaBn => "ca_bn",
            SchemeId::NlKvk => "nl_kvk",
            SchemeId::NlVat => "nl_vat",
            SchemeId::MaIce => "ma_ice",
            SchemeId::SnNinea => "sn_ninea",
            SchemeId::CiNcc => "ci_ncc",
            SchemeId::CiRccm => "ci_rccm",
            SchemeId::TnMf => "tn_mf",
            SchemeId::CmNiu => "cm_niu",
        }
    }

    /// The scheme with this id.
    #[must_use]
    pub const fn scheme(self) -> &'static Scheme {
        match self {
            SchemeId::FrSiren => &fr::SIREN,
            SchemeId::FrSiret => &fr::SIRET,
            SchemeId::FrVat => &fr::VAT,
            SchemeId::UsEin => &us::EIN,
            SchemeId::GbUtr => &gb::UTR,
            SchemeId::GbVat => &gb::VAT,
            SchemeId::DeStnr => &de::STNR,
            SchemeId::DeVat => &de::VAT,
            SchemeId::EsNif => &es::NIF,
            SchemeId::ItIva => &it::IVA,
            SchemeId::BeEnterpriseNumber => &be::ENTERPRISE_NUMBER,
            SchemeId::ChUid => &ch::UID,
            SchemeId::ChVat => &ch::VAT,
            SchemeId::CaBn => &ca::BN,
            SchemeId::NlKvk => &nl::KVK,
            SchemeId::NlVat => &nl::VAT,
            SchemeId::MaIce => &ma::ICE,
            SchemeId::SnNinea => &sn::NINEA,
            SchemeId::CiNcc => &ci::NCC,
            SchemeId::CiRccm => &ci::RCCM,
            SchemeId::TnMf => &tn::MF,
            SchemeId::CmNiu => &cm::NIU,
        }
    }
}

impl std::fmt::Display for SchemeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a number is not well-formed for a scheme. Stable wire codes in snake_case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InvalidReason {
    /// Nothing but separators.
    Empty,
    /// A character that is neither a digit, an ASCII letter nor a separator.
    InvalidCharacters,
    /// Too few or too many characters for the scheme.
    WrongLength,
    /// The characters are not where the scheme puts them (a letter among digits…).
    InvalidFormat,
    /// A prefix, office or region code the issuing authority does not assign.
    UnknownPrefix,
    /// The check digit or check letter does not match.
    BadCheckDigit,
}

impl InvalidReason {
    /// Every reason, from the first check to the last.
    pub const ALL: [InvalidReason; 6] = [
        InvalidReason::Empty,
        InvalidReason::InvalidCharacters,
        InvalidReason::WrongLength,
        InvalidReason::InvalidFormat,
        InvalidReason::UnknownPrefix,
        InvalidReason::BadCheckDigit,
    ];

    /// The stable code (`"bad_check_digit"`).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            InvalidReason::Empty => "empty",
            InvalidReason::InvalidCharacters => "invalid_characters",
            InvalidReason::WrongLength => "wrong_length",
            InvalidReason::InvalidFormat => "invalid_format",
            InvalidReason::UnknownPrefix => "unknown_prefix",
            InvalidReason::BadCheckDigit => "bad_check_digit",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub const fn message(self, lang: Lang) -> &'static str {
        let text = match self {
            InvalidReason::Empty => Text::new("the number is empty", "le numéro est vide"),
            InvalidReason::InvalidCharacters => Text::new(
                "the number contains characters other than letters, digits and separators",
                "le numéro contient des caractères autres que des lettres, des chiffres et des séparateurs",
            ),
            InvalidReason::WrongLength => Text::new(
                "the number has the wrong length",
                "le numéro n'a pas la bonne longueur",
            ),
            InvalidReason::InvalidFormat => Text::new(
                "the number does not have the expected format",
                "le numéro n'a pas le format attendu",
            ),
            InvalidReason::UnknownPrefix => Text::new(
                "the number starts with a prefix that is not assigned",
                "le numéro commence par un préfixe qui n'est pas attribué",
            ),
            InvalidReason::BadCheckDigit => Text::new(
                "the check digit does not match: the number was probably mistyped",
                "la clé de contrôle ne correspond pas : le numéro a sans doute été mal saisi",
            ),
        };
        text.get(lang)
    }

    /// How close a failed attempt came to matching, to pick the most telling error among a
    /// country's schemes: a bad check digit says more than a wrong length.
    const fn closeness(self) -> u8 {
        match self {
            InvalidReason::Empty => 0,
            InvalidReason::InvalidCharacters => 1,
            InvalidReason::WrongLength => 2,
            InvalidReason::InvalidFormat => 3,
            InvalidReason::UnknownPrefix => 4,
            InvalidReason::BadCheckDigit => 5,
        }
    }
}

/// A number that is not well-formed: the scheme that came closest (if any) and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", reason.message(Lang::En))]
pub struct InvalidNumber {
    /// The scheme the number was checked against, or the country's scheme that came closest.
    pub scheme: SchemeId,
    /// Why it is not well-formed.
    pub reason: InvalidReason,
}

/// The error of [`validate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegistrationError {
    /// The library has no registration rules for this country: it cannot tell (WS-1).
    #[error("no registration rules for country `{0}`")]
    UnsupportedCountry(CountryCode),
    /// The number is well-formed for none of the country's schemes.
    #[error(transparent)]
    Invalid(#[from] InvalidNumber),
}

/// An identifier scheme: its names, what it proves, and its checks.
///
/// Build none yourself: [`rules`] and [`SchemeId::scheme`] hand them out.
#[derive(Debug)]
pub struct Scheme {
    /// Its id (`fr_siret`).
    pub id: SchemeId,
    /// The name used in the country (`SIRET`).
    pub name: &'static str,
    /// The full name, in English and French.
    pub title: Text,
    /// What a well-formed number of this scheme does and does not prove.
    pub proves: Text,
    /// A well-formed example, in formatted form.
    pub example: &'static str,
    /// Normalisation: the generic policy of this module plus the scheme's prefixes.
    pub(crate) compact: fn(&str) -> Result<Compact, InvalidReason>,
    /// Checks a compact number: length, format, prefixes, check digits.
    pub(crate) check: fn(&Compact) -> Result<(), InvalidReason>,
    /// The usual printed form of a well-formed compact number.
    pub(crate) format: fn(&Compact) -> String,
}

impl Scheme {
    /// The compact form of `input` per the module's normalisation policy, without checking
    /// the number itself. Idempotent: `compact(compact(x)) == compact(x)`.
    ///
    /// # Errors
    /// [`InvalidNumber`] with reason `empty`, `invalid_characters` or `wrong_length` (over 64
    /// bytes of input or 24 characters once compact).
    pub fn compact(&'static self, input: &str) -> Result<Compact, InvalidNumber> {
        (self.compact)(input).map_err(|reason| InvalidNumber {
            scheme: self.id,
            reason,
        })
    }

    /// Checks that `input` is a well-formed number of this scheme (not that it is registered).
    ///
    /// # Errors
    /// [`InvalidNumber`] saying why it is not well-formed.
    ///
    /// ```
    /// use mentor_core::registration::SchemeId;
    /// let siren = SchemeId::FrSiren.scheme();
    /// assert_eq!(siren.validate("732829320").unwrap().formatted(), "732 829 320");
    /// assert_eq!(siren.validate("73282932").unwrap_err().reason.code(), "wrong_length");
    /// ```
    pub fn validate(&'static self, input: &str) -> Result<RegistrationNumber, InvalidNumber> {
        let compact = self.compact(input)?;
        (self.check)(&compact).map_err(|reason| InvalidNumber {
            scheme: self.id,
            reason,
        })?;
        Ok(RegistrationNumber {
            scheme: self,
            compact,
        })
    }

    /// The formatted form of a well-formed `input` (`732 829 320 00074`).
    ///
    /// # Errors
    /// [`InvalidNumber`] when `input` is not well-formed.
    pub fn format(&'static self, input: &str) -> Result<String, InvalidNumber> {
        self.validate(input).map(|n| n.formatted())
    }
}

/// A well-formed registration number: its scheme and its compact form. Well-formed means the
/// format and check digits are right, **not** that the authority has registered it.
///
/// `Debug` names the scheme and hides the number, which may be an individual's (issue 19.5):
///
/// ```
/// use mentor_core::registration::validate;
/// use mentor_core::CountryCode;
/// let siret = validate(CountryCode::parse("FR").unwrap(), "732 829 320 00074").unwrap();
/// assert_eq!(format!("{siret:?}"), "RegistrationNumber { scheme: FrSiret, compact: <redacted 14 chars> }");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct RegistrationNumber {
    scheme: &'static Scheme,
    compact: Compact,
}

impl RegistrationNumber {
    /// The scheme that matched.
    #[must_use]
    pub fn scheme(&self) -> &'static Scheme {
        self.scheme
    }

    /// The id of the scheme that matched.
    #[must_use]
    pub fn scheme_id(&self) -> SchemeId {
        self.scheme.id
    }

    /// The normalized (compact) form, as stored: `73282932000074`.
    #[must_use]
    pub fn normalized(&self) -> &str {
        self.compact.as_str()
    }

    /// The usual printed form: `732 829 320 00074`.
    #[must_use]
    pub fn formatted(&self) -> String {
        (self.scheme.format)(&self.compact)
    }

    /// Whether `input` is this number written another way: read by the same scheme, it
    /// identifies the same holder. For most schemes that is the same compact form; a Swiss VAT
    /// number ends with the abbreviation of VAT in the language used (`MWST`, `TVA`, `IVA`:
    /// German, French, Italian; SR 431.031 art. 8), which does not change whom it identifies.
    ///
    /// ```
    /// use mentor_core::registration::SchemeId;
    /// let number = SchemeId::ChVat.scheme().validate("CHE-116.281.710 MWST").unwrap();
    /// assert!(number.identifies("CHE116281710TVA"));
    /// assert!(number.identifies("che 116 281 710 iva"));
    /// assert!(!number.identifies("CHE-116.281.710"));
    /// let siret = SchemeId::FrSiret.scheme().validate("732 829 320 00074").unwrap();
    /// assert!(siret.identifies("73282932000074") && !siret.identifies("73282932000082"));
    /// ```
    #[must_use]
    pub fn identifies(&self, input: &str) -> bool {
        let Ok(other) = self.scheme.validate(input) else {
            return false;
        };
        fn holder(scheme: SchemeId, c: &Compact) -> &str {
            match scheme {
                SchemeId::ChVat => ch::holder(c),
                _ => c.as_str(),
            }
        }
        holder(self.scheme.id, &self.compact) == holder(self.scheme.id, &other.compact)
    }
}

impl std::fmt::Debug for RegistrationNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistrationNumber")
            .field("scheme", &self.scheme.id)
            .field("compact", &self.compact)
            .finish()
    }
}

impl PartialEq for Scheme {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Scheme {}

impl RegistrationNumber {
    /// The wire form shared by `validate-id` and the eligibility decision (`docs/wire-format.md#decision`):
    /// `{"scheme", "normalized", "formatted", "valid": true}` (the number's [`Serialize`]
    /// form, as a JSON value).
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        crate::i18n::json_value(self)
    }
}

impl Serialize for RegistrationNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Checked::WellFormed(self).serialize(serializer)
    }
}

/// The wire form of a number that could not be shown well-formed, the counterpart of
/// [`RegistrationNumber::to_json`]: `{"scheme" (the closest, or null), "normalized": null,
/// "formatted": null, "valid": false, "error", "message"}`, where `error` is a reason code
/// (`bad_check_digit`…) or `unsupported_country`.
impl Localized for RegistrationError {
    fn serialize_in<S: serde::Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        Checked::not_well_formed(self, lang).serialize(serializer)
    }
}

/// What a check of a number found, in its wire form (see [`RegistrationNumber::to_json`] and
/// [`RegistrationError`]'s), written straight into any serializer.
pub(crate) enum Checked<'a> {
    WellFormed(&'a RegistrationNumber),
    Invalid(InvalidNumber, Lang),
    Unsupported(Lang),
}

impl<'a> Checked<'a> {
    /// What a check found, messages in `lang`.
    fn of(result: &'a Result<RegistrationNumber, RegistrationError>, lang: Lang) -> Checked<'a> {
        match result {
            Ok(n) => Checked::WellFormed(n),
            Err(e) => Checked::not_well_formed(e, lang),
        }
    }

    fn not_well_formed(error: &RegistrationError, lang: Lang) -> Checked<'a> {
        match error {
            RegistrationError::Invalid(e) => Checked::Invalid(*e, lang),
            RegistrationError::UnsupportedCountry(_) => Checked::Unsupported(lang),
        }
    }
}

impl Serialize for Checked<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self {
            Checked::WellFormed(n) => {
                map.serialize_entry("scheme", &n.scheme.id)?;
                map.serialize_entry("normalized", n.normalized())?;
                map.serialize_entry("formatted", &n.formatted())?;
                map.serialize_entry("valid", &true)?;
            }
            Checked::Invalid(e, lang) => {
                not_well_formed(&mut map, Some(e.scheme), e.reason.code(), e.reason.message(*lang))?
            }
            Checked::Unsupported(lang) => {
                let code = crate::ErrorCode::UnsupportedCountry;
                not_well_formed(&mut map, None, code.as_str(), code.message(*lang))?;
            }
        }
        map.end()
    }
}

fn not_well_formed<M: serde::ser::SerializeMap>(
    map: &mut M,
    scheme: Option<SchemeId>,
    error: &str,
    message: &str,
) -> Result<(), M::Error> {
    map.serialize_entry("scheme", &scheme)?;
    map.serialize_entry("normalized", &None::<&str>)?;
    map.serialize_entry("formatted", &None::<&str>)?;
    map.serialize_entry("valid", &false)?;
    map.serialize_entry("error", error)?;
    map.serialize_entry("message", message)
}

/// The schema of [`Checked`]'s wire form, with the entries of `extra` in both of its shapes
/// (`country`, for `validate-id`): either well-formed, or not with the reason's code.
#[cfg(feature = "schema")]
pub(crate) fn checked_schema(
    generator: &mut schemars::SchemaGenerator,
    extra: &[(&str, schemars::Schema)],
) -> schemars::Schema {
    let mut errors: Vec<&str> = InvalidReason::ALL.iter().map(|r| r.code()).collect();
    errors.push(crate::ErrorCode::UnsupportedCountry.as_str());
    let mut shapes = [
        schemars::json_schema!({
            "type": "object",
            "description": "A well-formed number (not a proof of registration).",
            "properties": {
                "scheme": generator.subschema_for::<SchemeId>(),
                "normalized": {"type": "string"},
                "formatted": {"type": "string"},
                "valid": {"const": true},
            },
            "required": ["scheme", "normalized", "formatted", "valid"],
            "additionalProperties": false,
        }),
        schemars::json_schema!({
            "type": "object",
            "description": "A number well-formed for none of the schemes: the closest scheme, if any, and why.",
            "properties": {
                "scheme": generator.subschema_for::<Option<SchemeId>>(),
                "normalized": {"type": "null"},
                "formatted": {"type": "null"},
                "valid": {"const": false},
                "error": {"type": "string", "enum": errors},
                "message": {"type": "string"},
            },
            "required": ["scheme", "normalized", "formatted", "valid", "error", "message"],
            "additionalProperties": false,
        }),
    ];
    for shape in &mut shapes {
        for (key, schema) in extra {
            if let Some(serde_json::Value::Object(properties)) = shape.get_mut("properties") {
                properties.insert((*key).to_owned(), schema.clone().to_value());
            }
            if let Some(serde_json::Value::Array(required)) = shape.get_mut("required") {
                required.push(serde_json::Value::from(*key));
            }
        }
    }
    let [well_formed, not_well_formed] = shapes;
    schemars::json_schema!({"oneOf": [well_formed, not_well_formed]})
}

/// A self-employed status of a country: its local name and a gloss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SelfEmployedStatus {
    /// The name used in the country (`micro-entrepreneur`).
    pub local_name: &'static str,
    /// What it is, in English and French.
    pub gloss: Text,
}

/// What the library knows of a country's registration: statuses, procedure, schemes.
#[derive(Debug)]
pub struct CountryRules {
    /// ISO 3166-1 alpha-2 code.
    pub country: &'static str,
    /// The statuses under which a person works on their own (WS-5).
    pub statuses: &'static [SelfEmployedStatus],
    /// The authority or procedure to register as self-employed (WS-5).
    pub procedure: Text,
    /// The identifiers accepted as proof of registration on an invoice, in the order
    /// [`validate`] tries them.
    pub schemes: &'static [&'static Scheme],
}

static COUNTRIES: [&CountryRules; 15] = [
    &fr::RULES,
    &us::RULES,
    &gb::RULES,
    &de::RULES,
    &es::RULES,
    &it::RULES,
    &be::RULES,
    &ch::RULES,
    &ca::RULES,
    &nl::RULES,
    &ma::RULES,
    &sn::RULES,
    &ci::RULES,
    &tn::RULES,
    &cm::RULES,
];

static ALL_SCHEMES: [&Scheme; 22] = [
    &fr::SIREN,
    &fr::SIRET,
    &fr::VAT,
    &us::EIN,
    &gb::UTR,
    &gb::VAT,
    &de::STNR,
    &de::VAT,
    &es::NIF,
    &it::IVA,
    &be::ENTERPRISE_NUMBER,
    &ch::UID,
    &ch::VAT,
    &ca::BN,
    &nl::KVK,
    &nl::VAT,
    &ma::ICE,
    &sn::NINEA,
    &ci::NCC,
    &ci::RCCM,
    &tn::MF,
    &cm::NIU,
];

/// The countries the library has registration rules for, in the order of `docs/registration/README.md`.
#[must_use]
pub fn countries() -> impl ExactSizeIterator<Item = &'static CountryRules> {
    COUNTRIES.iter().copied()
}

/// Every scheme of every country.
#[must_use]
pub fn all_schemes() -> impl ExactSizeIterator<Item = &'static Scheme> {
    ALL_SCHEMES.iter().copied()
}

/// The registration rules of `country`, or `None` when the library has none (it then cannot
/// check that country's numbers: `country_rules_unknown`).
///
/// ```
/// use mentor_core::{registration, CountryCode};
/// let fr = registration::rules(CountryCode::parse("FR").unwrap()).unwrap();
/// assert!(fr.schemes.iter().any(|s| s.name == "SIRET"));
/// assert!(registration::rules(CountryCode::parse("JP").unwrap()).is_none());
/// ```
#[must_use]
pub fn rules(country: CountryCode) -> Option<&'static CountryRules> {
    // Compared as two bytes: `as_str` checks UTF-8 on every call, which cost more than the
    // comparisons themselves.
    let code = country.bytes();
    COUNTRIES.iter().copied().find(|r| r.country.as_bytes() == code)
}

/// Checks `number` against each of `country`'s schemes in order and names the first that
/// matches. Any listed scheme is accepted as proof of registration (`docs/registration/README.md`).
///
/// # Errors
/// - [`RegistrationError::UnsupportedCountry`] when the library has no rules for `country`;
/// - [`RegistrationError::Invalid`] when no scheme matches: the error of the scheme that came
///   closest (a bad check digit before a format error before a wrong length; on a tie, the
///   first scheme in the country's order).
pub fn validate(country: CountryCode, number: &str) -> Result<RegistrationNumber, RegistrationError> {
    let unsupported = RegistrationError::UnsupportedCountry(country);
    let mut attempts = rules(country)
        .ok_or(unsupported)?
        .schemes
        .iter()
        .map(|scheme| scheme.validate(number));
    // A country listed without schemes could check nothing: as good as unsupported.
    let mut closest = match attempts.next() {
        Some(Ok(found)) => return Ok(found),
        Some(Err(e)) => e,
        None => return Err(unsupported),
    };
    for attempt in attempts {
        match attempt {
            Ok(found) => return Ok(found),
            Err(e) if e.reason.closeness() > closest.reason.closeness() => closest = e,
            Err(_) => {}
        }
    }
    Err(RegistrationError::Invalid(closest))
}

/// Reads a country code for the JSON entry points.
fn country_of(country: &str) -> Result<CountryCode, crate::InputError> {
    CountryCode::parse(country.trim()).ok_or_else(|| crate::InputError {
        errors: vec![crate::FieldError::new(
            "country",
            crate::ErrorCode::InvalidCountry,
        )],
    })
}

/// [`validate`] on the wire format (`docs/cli.md` `validate-id`):
/// `{"country", "scheme", "normalized", "formatted", "valid": true}`, or for a number that is
/// not well-formed `{"country", "scheme" (the closest, or null), "normalized": null,
/// "formatted": null, "valid": false, "error", "message"}`; `error` is a reason code
/// (`bad_check_digit`…) or `unsupported_country`.
///
/// # Errors
/// [`crate::InputError`] (`invalid_country` at path `country`) when `country` is not an ISO
/// 3166-1 alpha-2 code.
///
/// ```
/// use mentor_core::{registration::validate_json, Lang};
/// let ok = validate_json("FR", "732 829 320 00074", Lang::En).unwrap();
/// assert_eq!(ok["formatted"], "732 829 320 00074");
/// let bad = validate_json("FR", "732 829 320 00075", Lang::Fr).unwrap();
/// assert_eq!(bad["valid"], false);
/// assert!(validate_json("XX", "1", Lang::En).is_err());
/// ```
pub fn validate_json(
    country: &str,
    number: &str,
    lang: Lang,
) -> Result<serde_json::Value, crate::InputError> {
    let code = country_of(country)?;
    let checked = validate(code, number);
    Ok(crate::i18n::json_value(&IdCheck {
        check: Checked::of(&checked, lang),
        country: code,
    }))
}

/// The wire form of [`validate_json`]: the check and the country.
#[derive(Serialize)]
pub(crate) struct IdCheck<'a> {
    #[serde(flatten)]
    check: Checked<'a>,
    country: CountryCode,
}

/// The schema of [`IdCheck`] (`registration-check` in docs/schema/).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for IdCheck<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("RegistrationCheck")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let country = generator.subschema_for::<CountryCode>();
        checked_schema(generator, &[("country", country)])
    }
}

/// What the library knows of a country's registration, on the wire format:
/// `{"country", "supported", "statuses": [{"local_name", "gloss"}], "procedure",
/// "schemes": [{"scheme", "name", "title", "proves", "example"}]}`; for a country without rules,
/// `supported` is false and the lists are empty.
///
/// # Errors
/// [`crate::InputError`] (`invalid_country`) when `country` is not an ISO 3166-1 alpha-2 code.
///
/// ```
/// use mentor_core::{registration::rules_json, Lang};
/// let fr = rules_json("FR", Lang::Fr).unwrap();
/// assert_eq!(fr["schemes"][0]["scheme"], "fr_siret");
/// assert_eq!(rules_json("JP", Lang::En).unwrap()["supported"], false);
/// ```
pub fn rules_json(country: &str, lang: Lang) -> Result<serde_json::Value, crate::InputError> {
    #[derive(Serialize)]
    struct Wire<'a> {
        country: CountryCode,
        supported: bool,
        statuses: In<'a, [SelfEmployedStatus]>,
        procedure: Option<&'static str>,
        schemes: In<'a, [&'static Scheme]>,
    }
    let code = country_of(country)?;
    let found = rules(code);
    Ok(crate::i18n::json_value(&Wire {
        country: code,
        supported: found.is_some(),
        statuses: found.map_or(&[][..], |r| r.statuses).render(lang),
        procedure: found.map(|r| r.procedure.get(lang)),
        schemes: found.map_or(&[][..], |r| r.schemes).render(lang),
    }))
}

/// `{"local_name", "gloss"}`, the gloss in the caller's language.
impl Localized for SelfEmployedStatus {
    fn serialize_in<S: serde::Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire {
            local_name: &'static str,
            gloss: &'static str,
        }
        Wire {
            local_name: self.local_name,
            gloss: self.gloss.get(lang),
        }
        .serialize(serializer)
    }
}

/// `{"scheme", "name", "title", "proves", "example"}`, texts in the caller's language: `scheme`
/// as a registration check names it (issue 16: one name for one thing).
impl Localized for Scheme {
    fn serialize_in<S: serde::Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire {
            scheme: SchemeId,
            name: &'static str,
            title: &'static str,
            proves: &'static str,
            example: &'static str,
        }
        Wire {
            scheme: self.id,
            name: self.name,
            title: self.title.get(lang),
            proves: self.proves.get(lang),
            example: self.example,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scheme_is_listed_once_and_found_by_its_id() {
        let mut ids: Vec<SchemeId> = all_schemes().map(|s| s.id).collect();
        for scheme in all_schemes() {
            assert!(std::ptr::eq(scheme.id.scheme(), scheme), "{}", scheme.id);
        }
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ALL_SCHEMES.len());
    }

    #[test]
    fn every_country_has_schemes_of_its_own() {
        for rules in countries() {
            assert!(!rules.schemes.is_empty(), "{}", rules.country);
            let prefix = format!("{}_", rules.country.to_ascii_lowercase());
            assert!(
                rules.schemes.iter().all(|s| s.id.as_str().starts_with(&prefix)),
                "{}",
                rules.country
            );
        }
        assert_eq!(
            countries().map(|r| r.schemes.len()).sum::<usize>(),
            ALL_SCHEMES.len()
        );
    }

    #[test]
    fn one_wire_form_for_both_answers() {
        let fr = CountryCode::parse("FR").unwrap();
        let ok = validate(fr, "73282932000074").unwrap().to_json();
        assert_eq!(
            ok,
            serde_json::json!({"scheme": "fr_siret", "normalized": "73282932000074", "formatted": "732 829 320 00074", "valid": true})
        );
        let bad = validate(fr, "73282932000075").unwrap_err().to_json(Lang::En);
        assert_eq!(
            (&bad["scheme"], &bad["error"], &bad["valid"]),
            (
                &serde_json::json!("fr_siret"),
                &serde_json::json!("bad_check_digit"),
                &serde_json::json!(false)
            )
        );
        let jp = validate(CountryCode::parse("JP").unwrap(), "1")
            .unwrap_err()
            .to_json(Lang::En);
        assert_eq!(
            (&jp["scheme"], &jp["error"]),
            (
                &serde_json::Value::Null,
                &serde_json::json!("unsupported_country")
            )
        );
    }
}
