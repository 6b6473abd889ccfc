//! Field errors (`docs/wire-format.md#field-errors`): a path, a stable code and a message in the caller's
//! language.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Serialize, Serializer};

use crate::i18n::{Lang, Localized, Text};
use crate::registration::InvalidReason;
use crate::vocabulary::Vocabulary;

vocabulary! {
    /// The stable machine code of a field error. Codes never change meaning; new ones may be
    /// added (the enum is non-exhaustive). [`ErrorCode::ALL`] is the catalogue.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum ErrorCode {
        /// A required field is missing, null, or an empty or whitespace-only string.
        Required = "required",
        /// The value has the wrong JSON type (a number where a string is expected…).
        InvalidType = "invalid_type",
        /// The record is not JSON at all.
        InvalidJson = "invalid_json",
        /// A policy file that is not TOML: where and what kind of syntax error.
        InvalidToml = "invalid_toml",
        /// A key the format does not define (a typo must not silently drop data).
        UnknownField = "unknown_field",
        /// A value outside the field's vocabulary.
        InvalidEnum = "invalid_enum",
        /// Not an e-mail address.
        InvalidEmail = "invalid_email",
        /// Not an ISO 3166-1 alpha-2 country code.
        InvalidCountry = "invalid_country",
        /// Not an IANA time-zone name.
        InvalidTimezone = "invalid_timezone",
        /// Not an `http` or `https` URL.
        InvalidUrl = "invalid_url",
        /// Not an E.164 phone number.
        InvalidPhone = "invalid_phone",
        /// Not an ISO 639-1 language code.
        InvalidLanguage = "invalid_language",
        /// Not a subject slug (lower-case ASCII letters, digits and `_`, starting with a letter).
        InvalidSubject = "invalid_subject",
        /// Not an RFC 3339 date-time.
        InvalidDatetime = "invalid_datetime",
        /// Control characters or other characters a name or a text cannot hold.
        InvalidCharacters = "invalid_characters",
        /// Longer than the field allows.
        TooLong = "too_long",
        /// A number outside the field's range, or not a whole number where one is expected.
        OutOfRange = "out_of_range",
        /// The same subject chosen twice.
        DuplicateSubject = "duplicate_subject",
        /// Consent to data processing was not given.
        ConsentRequired = "consent_required",
        /// The offer is not one the policy accepts (POL-1).
        UnknownOffer = "unknown_offer",
        /// A registration number that is not well-formed for any scheme of its country (WS-1).
        InvalidRegistrationNumber = "invalid_registration_number",
        /// A registration number for a country the library has no rules for.
        UnsupportedCountry = "unsupported_country",
        /// Not an ISO 4217 currency code.
        InvalidCurrency = "invalid_currency",
        /// Not an amount of money: a decimal string, not negative, with no more decimals than the
        /// currency's minor unit (`"35.00"`).
        InvalidMoney = "invalid_money",
        /// Not an ISO 8601 calendar date (`2026-12-01`).
        InvalidDate = "invalid_date",
        /// Not a billing period `YYYY-MM`.
        InvalidPeriod = "invalid_period",
        /// A session type the contract has no rate for.
        UnknownSessionType = "unknown_session_type",
        /// An amount in another currency than the contract's.
        CurrencyMismatch = "currency_mismatch",
        /// The same person applied twice to the same offer (normalised e-mail and offer id).
        DuplicateApplication = "duplicate_application",
        /// A local wall-clock time that a daylight-saving change skips in its time zone (it never
        /// happens there).
        NonexistentLocalTime = "nonexistent_local_time",
        /// A local wall-clock time that happens twice in its time zone (daylight saving time
        /// ends): the UTC instant must say which one.
        AmbiguousLocalTime = "ambiguous_local_time",
        /// The same session id twice in the sessions of a statement (a session is paid once,
        /// BIL-1).
        DuplicateSession = "duplicate_session",
        /// A session on a day no version of the contract's terms covers (before the first
        /// version's start date, or after the end date of the version in force).
        NoTermsInForce = "no_terms_in_force",
        /// An amount of a statement that does not follow from its other figures (a line that is
        /// not its rate times its share, a total that is not the sum of the lines).
        InconsistentAmount = "inconsistent_amount",
        /// The same key twice in one JSON object: which value was meant is unknown, so neither is
        /// taken (a typo must not silently drop data).
        DuplicateKey = "duplicate_key",
        /// Objects and arrays nested deeper than the reader allows
        /// ([`crate::wire::MAX_DEPTH`] levels).
        TooDeep = "too_deep",
    }
}

impl ErrorCode {
    /// The stable code (`"invalid_email"`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.name()
    }

    /// The generic message of the code, without the details of one occurrence.
    #[must_use]
    pub const fn message(self, lang: Lang) -> &'static str {
        let text = match self {
            ErrorCode::Required => Text::new("this field is required", "ce champ est obligatoire"),
            ErrorCode::InvalidType => Text::new(
                "this value has the wrong type",
                "cette valeur n'a pas le bon type",
            ),
            ErrorCode::InvalidJson => Text::new(
                "this record is not valid JSON",
                "cet enregistrement n'est pas du JSON valide",
            ),
            ErrorCode::InvalidToml => {
                Text::new("this text is not valid TOML", "ce texte n'est pas du TOML valide")
            }
            ErrorCode::UnknownField => Text::new(
                "this field is not part of the format",
                "ce champ ne fait pas partie du format",
            ),
            ErrorCode::InvalidEnum => Text::new(
                "this value is not one of the allowed values",
                "cette valeur ne fait pas partie des valeurs permises",
            ),
            ErrorCode::InvalidEmail => Text::new(
                "this is not a valid e-mail address",
                "cette adresse e-mail n'est pas valide",
            ),
            ErrorCode::InvalidCountry => Text::new(
                "this is not an ISO 3166-1 alpha-2 country code",
                "ce n'est pas un code pays ISO 3166-1 alpha-2",
            ),
            ErrorCode::InvalidTimezone => Text::new(
                "this is not an IANA time zone name",
                "ce n'est pas un nom de fuseau horaire IANA",
            ),
            ErrorCode::InvalidUrl => Text::new(
                "this is not an http or https URL",
                "ce n'est pas une URL http ou https",
            ),
            ErrorCode::InvalidPhone => Text::new(
                "this is not an international phone number (E.164, such as +33612345678)",
                "ce n'est pas un numéro de téléphone international (E.164, par exemple +33612345678)",
            ),
            ErrorCode::InvalidLanguage => Text::new(
                "this is not an ISO 639-1 language code",
                "ce n'est pas un code de langue ISO 639-1",
            ),
            ErrorCode::InvalidSubject => Text::new(
                "a subject is written in lower-case letters, digits and underscores, such as web_development",
                "un sujet s'écrit en minuscules, chiffres et tirets bas, par exemple web_development",
            ),
            ErrorCode::InvalidDatetime => Text::new(
                "this is not an RFC 3339 date and time, such as 2026-11-12T09:30:00Z",
                "ce n'est pas une date et heure RFC 3339, par exemple 2026-11-12T09:30:00Z",
            ),
            ErrorCode::InvalidCharacters => Text::new(
                "this text contains invisible, control or direction-override characters",
                "ce texte contient des caractères invisibles, de contrôle ou de forçage de direction",
            ),
            ErrorCode::TooLong => Text::new("this value is too long", "cette valeur est trop longue"),
            ErrorCode::OutOfRange => Text::new("this value is out of range", "cette valeur est hors limites"),
            ErrorCode::DuplicateSubject => {
                Text::new("this subject is listed twice", "ce sujet figure deux fois")
            }
            ErrorCode::ConsentRequired => Text::new(
                "consent to data processing is required to apply",
                "le consentement au traitement des données est nécessaire pour postuler",
            ),
            ErrorCode::UnknownOffer => Text::new(
                "this job offer is not open for applications",
                "cette offre n'est pas ouverte aux candidatures",
            ),
            ErrorCode::InvalidRegistrationNumber => Text::new(
                "this registration number is not well-formed",
                "ce numéro d'immatriculation n'est pas bien formé",
            ),
            ErrorCode::UnsupportedCountry => Text::new(
                "the library has no registration rules for this country",
                "la bibliothèque n'a pas de règles d'immatriculation pour ce pays",
            ),
            ErrorCode::InvalidCurrency => Text::new(
                "this is not an ISO 4217 currency code, such as EUR",
                "ce n'est pas un code de devise ISO 4217, par exemple EUR",
            ),
            ErrorCode::InvalidMoney => Text::new(
                "this is not an amount of money: a decimal string such as \"35.00\", not negative, with at most the currency's decimals",
                "ce n'est pas un montant : une chaîne décimale comme \"35.00\" avec au plus les décimales de la devise, non négative",
            ),
            ErrorCode::InvalidDate => Text::new(
                "this is not a calendar date, such as 2026-12-01",
                "ce n'est pas une date du calendrier, par exemple 2026-12-01",
            ),
            ErrorCode::InvalidPeriod => Text::new(
                "this is not a billing period, such as 2026-01 (year and month)",
                "ce n'est pas une période de facturation, par exemple 2026-01 (année et mois)",
            ),
            ErrorCode::UnknownSessionType => Text::new(
                "the contract has no rate for this session type",
                "le contrat n'a pas de tarif pour ce type de séance",
            ),
            ErrorCode::CurrencyMismatch => Text::new(
                "this currency is not the contract's",
                "cette devise n'est pas celle du contrat",
            ),
            ErrorCode::DuplicateApplication => Text::new(
                "the same person has already applied to this offer (same e-mail address)",
                "la même personne a déjà postulé à cette offre (même adresse e-mail)",
            ),
            ErrorCode::NonexistentLocalTime => Text::new(
                "this local time does not exist in this time zone: the clocks skip it when daylight saving time starts",
                "cette heure locale n'existe pas dans ce fuseau horaire : les horloges la sautent au passage à l'heure d'été",
            ),
            ErrorCode::AmbiguousLocalTime => Text::new(
                "this local time happens twice in this time zone (daylight saving time ends): give the UTC instant instead",
                "cette heure locale existe deux fois dans ce fuseau horaire (fin de l'heure d'été) : indiquez plutôt l'instant UTC",
            ),
            ErrorCode::DuplicateSession => Text::new(
                "this session id appears twice: a session is billed once",
                "cet identifiant de séance figure deux fois : une séance n'est facturée qu'une fois",
            ),
            ErrorCode::NoTermsInForce => Text::new(
                "no version of the contract's terms is in force on this session's date",
                "aucune version des conditions du contrat n'est en vigueur à la date de cette séance",
            ),
            ErrorCode::InconsistentAmount => Text::new(
                "this amount does not follow from the statement's other figures",
                "ce montant ne découle pas des autres chiffres du relevé",
            ),
            ErrorCode::DuplicateKey => Text::new(
                "this key is given twice in the same object: keep one",
                "cette clé figure deux fois dans le même objet : n'en gardez qu'une",
            ),
            ErrorCode::TooDeep => Text::new(
                "this value is nested too deeply",
                "cette valeur est trop profondément imbriquée",
            ),
        };
        text.get(lang)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What one occurrence of an error adds to the code's generic message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// Nothing to add.
    None,
    /// The JSON type that was expected (`"a string"`), in English and French.
    Expected(Text),
    /// The allowed values of a vocabulary.
    Allowed(Vec<&'static str>),
    /// The maximum length, in characters.
    MaxChars(usize),
    /// The maximum length of a whole document, in bytes ([`crate::wire::MAX_DOCUMENT_BYTES`]).
    MaxBytes(usize),
    /// The inclusive range of a number.
    Range(i64, i64),
    /// Why a registration number is not well-formed.
    Registration(InvalidReason),
    /// A parser's own description (TOML syntax errors, a binding's conversion), in English.
    Parser(String),
    /// Where and what kind of problem a JSON text has.
    Json(JsonSyntax),
    /// The line (or array index + 1) of the record this one repeats.
    FirstSeenAt(usize),
    /// The two UTC instants an ambiguous local time may mean, earliest first.
    Instants(DateTime<Utc>, DateTime<Utc>),
    /// The deepest nesting allowed, in levels of objects and arrays.
    MaxDepth(usize),
    /// The earliest instant a past event may have (UTC).
    NotBefore(DateTime<Utc>),
    /// The latest instant a past event may have (UTC): a day after the batch's `now`.
    NotAfter(DateTime<Utc>),
}

/// One problem with one field (`docs/wire-format.md#field-errors`): `{"path", "code", "message"}` on the
/// wire.
///
/// The message is rendered in the caller's language by [`FieldError::message`]. It never
/// quotes the field's value, so personal data cannot leak through error reports or logs.
///
/// ```
/// use mentor_core::{ErrorCode, FieldError, Lang, Localized};
/// let e = FieldError::new("applicant.email", ErrorCode::InvalidEmail);
/// assert_eq!(e.message(Lang::Fr), "cette adresse e-mail n'est pas valide");
/// assert_eq!(e.to_json(Lang::En)["path"], "applicant.email");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where: `subjects[1].level`; empty for the record itself.
    pub path: String,
    /// What, as a stable code.
    pub code: ErrorCode,
    /// What this occurrence adds to the code's message.
    pub detail: Detail,
}

impl FieldError {
    /// An error without details.
    #[must_use]
    pub fn new(path: impl Into<String>, code: ErrorCode) -> Self {
        FieldError {
            path: path.into(),
            code,
            detail: Detail::None,
        }
    }

    /// An error with details.
    #[must_use]
    pub fn with(path: impl Into<String>, code: ErrorCode, detail: Detail) -> Self {
        FieldError {
            path: path.into(),
            code,
            detail,
        }
    }

    /// The `invalid_json` error of a text that does not parse, at the record's root. The detail
    /// says where and what kind of error (`syntax error at column 12`), never the text itself.
    ///
    /// ```
    /// use mentor_core::FieldError;
    /// let e = serde_json::from_str::<serde_json::Value>("{\"a\": }").unwrap_err();
    /// assert_eq!(FieldError::invalid_json(&e).to_string(), "this record is not valid JSON: syntax error (column 7)");
    /// let cut = serde_json::from_str::<serde_json::Value>("{\"a\": 1").unwrap_err();
    /// assert_eq!(FieldError::invalid_json(&cut).message(mentor_core::Lang::Fr), "cet enregistrement n'est pas du JSON valide : le texte s'arrête trop tôt (colonne 7)");
    /// ```
    #[must_use]
    pub fn invalid_json(e: &serde_json::Error) -> Self {
        FieldError::with("", ErrorCode::InvalidJson, Detail::Json(JsonSyntax::of(e)))
    }

    /// The same error with its path under `prefix` (`contract` + `versions[0].rate` →
    /// `contract.versions[0].rate`; `[3]` + `at` → `[3].at`; `sessions` + `[2]` →
    /// `sessions[2]`): an error of a part, placed in the whole.
    ///
    /// ```
    /// use mentor_core::{ErrorCode, FieldError};
    /// let e = FieldError::new("at", ErrorCode::Required);
    /// assert_eq!(e.clone().under("[3]").path, "[3].at");
    /// assert_eq!(FieldError::new("[2]", ErrorCode::Required).under("sessions").path, "sessions[2]");
    /// assert_eq!(FieldError::new("", ErrorCode::InvalidJson).under("contract").path, "contract");
    /// ```
    #[must_use]
    pub fn under(mut self, prefix: &str) -> FieldError {
        self.path = match self.path.as_str() {
            "" => prefix.to_owned(),
            p if p.starts_with('[') => format!("{prefix}{p}"),
            p => format!("{prefix}.{p}"),
        };
        self
    }

    /// The message in `lang`: the code's message and this occurrence's details.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let base = self.code.message(lang);
        match (&self.detail, lang) {
            (Detail::None, _) => base.to_owned(),
            (Detail::Expected(t), Lang::En) => format!("{base}: expected {}", t.get(lang)),
            (Detail::Expected(t), Lang::Fr) => format!("{base} : il faut {}", t.get(lang)),
            (Detail::Allowed(values), Lang::En) => {
                format!("{base}: expected one of `{}`", values.join("`, `"))
            }
            (Detail::Allowed(values), Lang::Fr) => {
                format!("{base} : valeurs permises `{}`", values.join("`, `"))
            }
            (Detail::MaxChars(max), Lang::En) => format!("{base}: at most {max} characters"),
            (Detail::MaxChars(max), Lang::Fr) => format!("{base} : {max} caractères au plus"),
            (Detail::MaxBytes(max), Lang::En) => format!("{base}: at most {max} bytes"),
            (Detail::MaxBytes(max), Lang::Fr) => format!("{base} : {max} octets au plus"),
            (Detail::Range(lo, hi), Lang::En) => format!("{base}: expected a whole number from {lo} to {hi}"),
            (Detail::Range(lo, hi), Lang::Fr) => format!("{base} : nombre entier de {lo} à {hi} attendu"),
            (Detail::Registration(reason), Lang::En) => format!("{base}: {}", reason.message(lang)),
            (Detail::Registration(reason), Lang::Fr) => format!("{base} : {}", reason.message(lang)),
            (Detail::Parser(text), Lang::En) => format!("{base}: {text}"),
            (Detail::Parser(text), Lang::Fr) => format!("{base} : {text}"),
            (Detail::Json(syntax), Lang::En) => format!("{base}: {}", syntax.message(lang)),
            (Detail::Json(syntax), Lang::Fr) => format!("{base} : {}", syntax.message(lang)),
            (Detail::FirstSeenAt(line), Lang::En) => format!("{base}: first seen at line {line}"),
            (Detail::FirstSeenAt(line), Lang::Fr) => format!("{base} : vue d'abord à la ligne {line}"),
            (Detail::Instants(a, b), Lang::En) => format!("{base}: {} or {}", utc(*a), utc(*b)),
            (Detail::Instants(a, b), Lang::Fr) => format!("{base} : {} ou {}", utc(*a), utc(*b)),
            (Detail::MaxDepth(max), Lang::En) => {
                format!("{base}: at most {max} levels of objects and arrays")
            }
            (Detail::MaxDepth(max), Lang::Fr) => {
                format!("{base} : {max} niveaux d'objets et de tableaux au plus")
            }
            (Detail::NotBefore(at), Lang::En) => format!("{base}: expected {} or later", utc(*at)),
            (Detail::NotBefore(at), Lang::Fr) => format!("{base} : {} ou plus tard attendu", utc(*at)),
            (Detail::NotAfter(at), Lang::En) => format!("{base}: expected {} or earlier", utc(*at)),
            (Detail::NotAfter(at), Lang::Fr) => format!("{base} : {} ou plus tôt attendu", utc(*at)),
        }
    }
}

/// The wire form `{"path", "code", "message"}`.
impl Localized for FieldError {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            path: &'a str,
            code: ErrorCode,
            message: String,
        }
        Wire {
            path: &self.path,
            code: self.code,
            message: self.message(lang),
        }
        .serialize(serializer)
    }
}

/// The schema of the wire form above (`field-error` in docs/schema/).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for FieldError {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("FieldError")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "One problem with one field (`docs/wire-format.md#field-errors`).",
            "properties": {
                "path": {"type": "string", "description": "Where (`subjects[1].level`); empty for the record itself."},
                "code": generator.subschema_for::<ErrorCode>(),
                "message": {"type": "string", "description": "What, in the requested language; never the field's value."},
            },
            "required": ["path", "code", "message"],
            "additionalProperties": false,
        })
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message(Lang::En))
        } else {
            write!(f, "`{}`: {}", self.path, self.message(Lang::En))
        }
    }
}

/// An instant as the wire writes it: `2026-10-25T00:30:00Z`.
fn utc(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// What kind of problem a JSON text has where its reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonProblem {
    /// The text stops inside a value (a missing `}`, a cut line).
    EndsEarly,
    /// A character where JSON does not allow it.
    Syntax,
    /// Bytes that are not UTF-8 (JSON text is UTF-8, RFC 8259).
    NotUtf8,
    /// A value JSON cannot hold (a number too large…).
    Value,
}

/// Where and what kind of problem a JSON text has, without quoting it (it may hold personal
/// data): rendered `the text ends too early (column 94)`, `erreur de syntaxe (ligne 3,
/// colonne 7)`. Lines and columns count from 1; the line is said when the text has several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JsonSyntax {
    /// What kind of problem.
    pub problem: JsonProblem,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1 (in bytes, as the JSON reader counts).
    pub column: usize,
}

impl JsonSyntax {
    /// The problem of a `serde_json` error, where it stopped.
    #[must_use]
    pub fn of(e: &serde_json::Error) -> JsonSyntax {
        use serde_json::error::Category;
        let problem = match e.classify() {
            Category::Eof => JsonProblem::EndsEarly,
            Category::Syntax => JsonProblem::Syntax,
            Category::Data | Category::Io => JsonProblem::Value,
        };
        JsonSyntax {
            problem,
            line: e.line(),
            column: e.column(),
        }
    }

    /// What and where, in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let what = match (self.problem, lang) {
            (JsonProblem::EndsEarly, Lang::En) => "the text ends too early",
            (JsonProblem::EndsEarly, Lang::Fr) => "le texte s'arrête trop tôt",
            (JsonProblem::Syntax, Lang::En) => "syntax error",
            (JsonProblem::Syntax, Lang::Fr) => "erreur de syntaxe",
            (JsonProblem::NotUtf8, Lang::En) => "bytes that are not UTF-8",
            (JsonProblem::NotUtf8, Lang::Fr) => "des octets qui ne sont pas de l'UTF-8",
            (JsonProblem::Value, Lang::En) => "a value JSON cannot hold",
            (JsonProblem::Value, Lang::Fr) => "une valeur que JSON ne peut pas contenir",
        };
        let (line, column) = (self.line, self.column);
        match (line, lang) {
            (0 | 1, Lang::En) => format!("{what} (column {column})"),
            (0 | 1, Lang::Fr) => format!("{what} (colonne {column})"),
            (_, Lang::En) => format!("{what} (line {line}, column {column})"),
            (_, Lang::Fr) => format!("{what} (ligne {line}, colonne {column})"),
        }
    }
}

/// The field errors of one input that did not parse: what decision and lookup calls return
/// (`docs/wire-format.md#field-errors`). Never empty when returned by the library.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// Every problem found, in a stable order that does not depend on how the input was read
    /// (text, bytes or a JSON value); an object's unknown keys in key order.
    pub errors: Vec<FieldError>,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.as_slice() {
            [] => f.write_str("invalid input"),
            [one] => write!(f, "invalid input: {one}"),
            [first, rest @ ..] => write!(f, "invalid input: {first} (and {} more)", rest.len()),
        }
    }
}

/// The wire form: the list of field errors.
impl Localized for InputError {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        self.errors.serialize_in(lang, serializer)
    }
}
