//! Who bills whom (BIL-1, `docs/billing.md`): the invoicing party (the supplier) with its
//! registration number and VAT status, and the company (the customer).

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::contract::{ContractingParty, read_number, read_registration};
use crate::country::CountryCode;
use crate::eligibility::Party;
use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::i18n::{Lang, Text};
use crate::read::{Path, Reader, present};
use crate::registration::{self, RegistrationNumber, SchemeId};
use crate::vocabulary::Vocabulary;

use super::session::required_choice;

/// The invoicing party's VAT status: an input of billing, since the eligibility decision does
/// not know it (`docs/billing.md`). Wire names `franchise`, `registered`, `not_registered`.
///
/// Only a French supplier's status changes the invoice (see
/// [`crate::billing::VatTreatment::of`]): a supplier established in another country is not
/// liable for French VAT on services to a French business, whatever its status at home.
///
/// ```
/// use mentor_core::billing::VatStatus;
/// assert_eq!(VatStatus::Franchise.name(), "franchise");
/// assert_eq!(VatStatus::Registered { vat_number: None }.name(), "registered");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VatStatus {
    /// Exempt as a small business: in France the *franchise en base de TVA* (CGI art. 293 B),
    /// elsewhere the country's small-enterprise scheme.
    Franchise,
    /// Registered for VAT, with its VAT number when given (well-formed for one of the
    /// country's VAT schemes).
    Registered {
        /// The VAT number (`FR40303265045`).
        vat_number: Option<RegistrationNumber>,
    },
    /// Not registered for VAT (a business outside the scope of VAT at home). Not a status a
    /// French business can have: it is either under the franchise or liable.
    NotRegistered,
}

vocabulary! {
    /// The VAT status without its number, as read from `vat`.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum VatKind {
        Franchise = "franchise",
        Registered = "registered",
        NotRegistered = "not_registered",
    }
}

impl VatStatus {
    /// The wire name.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            VatStatus::Franchise => "franchise",
            VatStatus::Registered { .. } => "registered",
            VatStatus::NotRegistered => "not_registered",
        }
    }

    /// The VAT number, when registered and given.
    #[must_use]
    pub const fn vat_number(&self) -> Option<&RegistrationNumber> {
        match self {
            VatStatus::Registered { vat_number } => vat_number.as_ref(),
            VatStatus::Franchise | VatStatus::NotRegistered => None,
        }
    }
}

/// The schemes that are VAT numbers: the dedicated ones, and the national numbers that are
/// also the VAT number with the country prefix (ES NIF, IT partita IVA, BE enterprise number).
const VAT_SCHEMES: [SchemeId; 8] = [
    SchemeId::FrVat,
    SchemeId::GbVat,
    SchemeId::DeVat,
    SchemeId::ChVat,
    SchemeId::NlVat,
    SchemeId::EsNif,
    SchemeId::ItIva,
    SchemeId::BeEnterpriseNumber,
];

const A_VAT_NUMBER: Text = Text::new(
    "a VAT number of the invoicing party's country",
    "un numéro de TVA du pays de la partie qui facture",
);
const NULL_UNLESS_REGISTERED: Text = Text::new(
    "null unless `vat` is `registered`",
    "null sauf si `vat` vaut `registered`",
);
const FRENCH_VAT_STATUSES: &[&str] = &["franchise", "registered"];

/// The invoicing party of BIL-1: the employer under WS-2, the mentor's business otherwise
/// (the eligibility decision's `invoicing_party`, `docs/wire-format.md#decision`); it is the supplier on the
/// invoice. It has a registration number (WS-1: billing requires being a registered
/// professional) and a VAT status.
///
/// Wire form: `{"party": "mentor_business", "country": "FR", "registration_number":
/// "732 829 320 00074", "vat": "franchise", "vat_number": null}`. Numbers are checked against
/// the country's schemes when read (the registration module) and written back normalized.
/// `vat_number` is optional, and only allowed with `"vat": "registered"`.
///
/// `Debug` hides the registration number: the invoicing party is often the mentor in person
/// (a micro-entrepreneur), whose number is personal data (issue 19.5).
///
/// ```
/// use mentor_core::billing::{InvoicingParty, VatStatus};
/// let party = InvoicingParty::from_json(&serde_json::json!({
///     "party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00074",
///     "vat": "franchise",
/// })).unwrap();
/// assert_eq!(party.vat(), VatStatus::Franchise);
/// assert_eq!(party.to_json()["registration_number"], "73282932000074");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvoicingParty {
    party: Party,
    country: CountryCode,
    registration: RegistrationNumber,
    vat: VatStatus,
}

const PARTY_KEYS: [&str; 5] = ["party", "country", "registration_number", "vat", "vat_number"];

impl InvoicingParty {
    /// The invoicing party a contract names: its contracting party (`docs/wire-format.md#decision`: the same
    /// party signs and bills), with the VAT status the contract does not know.
    ///
    /// ```
    /// use mentor_core::billing::{InvoicingParty, VatStatus};
    /// use mentor_core::contract::ContractingParty;
    /// let party = ContractingParty::from_json(&serde_json::json!({
    ///     "party": "employer", "country": "FR", "registration_number": "732 829 320 00074",
    /// })).unwrap();
    /// let invoicing = InvoicingParty::from_contracting_party(&party, VatStatus::Registered { vat_number: None }).unwrap();
    /// assert_eq!(invoicing.country().as_str(), "FR");
    /// ```
    ///
    /// # Errors
    /// `required` at `registration_number` when the contract has no registration number (WS-1);
    /// the errors of [`InvoicingParty::new`].
    pub fn from_contracting_party(
        party: &ContractingParty,
        vat: VatStatus,
    ) -> Result<InvoicingParty, InputError> {
        let Some(registration) = party.registration else {
            return Err(InputError {
                errors: vec![FieldError::new("registration_number", ErrorCode::Required)],
            });
        };
        InvoicingParty::new(party.party, party.country, registration, vat)
    }

    /// An invoicing party from typed values.
    ///
    /// ```
    /// use mentor_core::billing::{InvoicingParty, VatStatus};
    /// use mentor_core::eligibility::Party;
    /// use mentor_core::{registration, CountryCode};
    /// let fr = CountryCode::parse("FR").unwrap();
    /// let siret = registration::validate(fr, "73282932000074").unwrap();
    /// assert!(InvoicingParty::new(Party::MentorBusiness, fr, siret, VatStatus::Franchise).is_ok());
    /// let e = InvoicingParty::new(Party::MentorBusiness, fr, siret, VatStatus::NotRegistered).unwrap_err();
    /// assert_eq!(e.errors[0].code.as_str(), "invalid_enum");
    /// ```
    ///
    /// # Errors
    /// `invalid_registration_number` at `registration_number` when the number is not one of
    /// `country`'s schemes, or at `vat_number` when the VAT number is not one of its VAT
    /// schemes; `invalid_enum` at `vat` for `not_registered` in France (a French business is
    /// under the franchise of CGI art. 293 B or liable for VAT).
    pub fn new(
        party: Party,
        country: CountryCode,
        registration: RegistrationNumber,
        vat: VatStatus,
    ) -> Result<InvoicingParty, InputError> {
        let mut errors = Vec::new();
        if !belongs_to(&registration, country) {
            errors.push(FieldError::new(
                "registration_number",
                ErrorCode::InvalidRegistrationNumber,
            ));
        }
        if vat
            .vat_number()
            .is_some_and(|n| !belongs_to(n, country) || !VAT_SCHEMES.contains(&n.scheme_id()))
        {
            errors.push(FieldError::with(
                "vat_number",
                ErrorCode::InvalidRegistrationNumber,
                Detail::Expected(A_VAT_NUMBER),
            ));
        }
        if country.as_str() == "FR" && vat == VatStatus::NotRegistered {
            errors.push(FieldError::with(
                "vat",
                ErrorCode::InvalidEnum,
                Detail::Allowed(FRENCH_VAT_STATUSES.to_vec()),
            ));
        }
        if errors.is_empty() {
            Ok(InvoicingParty {
                party,
                country,
                registration,
                vat,
            })
        } else {
            Err(InputError { errors })
        }
    }

    /// Reads an invoicing party from its wire form.
    ///
    /// # Errors
    /// Field errors: `required` (`party`, `country`, `registration_number`, `vat`),
    /// `invalid_enum`, `invalid_country`, `invalid_registration_number`,
    /// `unsupported_country` (a country the library has no registration rules for: it cannot
    /// check the number), `invalid_type` (`vat_number` without `"vat": "registered"`),
    /// `unknown_field`.
    pub fn from_json(value: &Value) -> Result<InvoicingParty, InputError> {
        let mut r = Reader::new();
        let party = read_invoicing_party(&mut r, value, &Path::Root);
        r.finish(party)
    }

    /// The wire form, numbers normalized: the party's [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }

    /// The employer (WS-2) or the mentor's business (WS-3..5).
    #[must_use]
    pub fn party(&self) -> Party {
        self.party
    }

    /// Where it is established.
    #[must_use]
    pub fn country(&self) -> CountryCode {
        self.country
    }

    /// Its registration number (WS-1), well-formed for one of its country's schemes.
    #[must_use]
    pub fn registration(&self) -> &RegistrationNumber {
        &self.registration
    }

    /// Its VAT status.
    #[must_use]
    pub fn vat(&self) -> VatStatus {
        self.vat
    }
}

/// Whether `number` is one of `country`'s schemes.
fn belongs_to(number: &RegistrationNumber, country: CountryCode) -> bool {
    registration::rules(country).is_some_and(|rules| rules.schemes.iter().any(|s| s.id == number.scheme_id()))
}

pub(crate) fn read_invoicing_party(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<InvoicingParty> {
    let map: &Map<String, Value> = r.object(value, path, &PARTY_KEYS)?;
    let party = required_choice(r, map.get("party"), &path.key("party"), Party::ALL);
    let (country, registration) = read_registration(r, map, path, true);
    let vat_path = path.key("vat");
    let kind = required_choice(r, map.get("vat"), &vat_path, VatKind::ALL);
    let vat_number_path = path.key("vat_number");
    let vat_number_text = r.identifier(map.get("vat_number"), &vat_number_path, 64, false);
    let vat = match kind? {
        VatKind::Registered => {
            let vat_number = read_number(r, vat_number_text, country, &vat_number_path);
            if vat_number.is_some_and(|n| !VAT_SCHEMES.contains(&n.scheme_id())) {
                r.error_with(
                    &vat_number_path,
                    ErrorCode::InvalidRegistrationNumber,
                    Detail::Expected(A_VAT_NUMBER),
                );
                return None;
            }
            if vat_number_text.is_some() && vat_number.is_none() {
                return None;
            }
            VatStatus::Registered { vat_number }
        }
        VatKind::Franchise | VatKind::NotRegistered if present(map.get("vat_number")).is_some() => {
            r.error_with(
                &vat_number_path,
                ErrorCode::InvalidType,
                Detail::Expected(NULL_UNLESS_REGISTERED),
            );
            return None;
        }
        VatKind::Franchise => VatStatus::Franchise,
        VatKind::NotRegistered => VatStatus::NotRegistered,
    };
    if country.is_some_and(|c| c.as_str() == "FR") && vat == VatStatus::NotRegistered {
        r.error_with(
            &vat_path,
            ErrorCode::InvalidEnum,
            Detail::Allowed(FRENCH_VAT_STATUSES.to_vec()),
        );
        return None;
    }
    Some(InvoicingParty {
        party: party?,
        country: country?,
        registration: registration?,
        vat,
    })
}

/// The company, the customer of every invoice: established in France (`docs/billing.md`), which is
/// what decides the VAT treatment (EU VAT Directive art. 44: B2B services are taxed where the
/// customer is established). Its name is configurable, for the statement's heading only.
///
/// Wire form: `{"name": "Example SAS", "country": "FR"}` (`name` may be null: "the company").
///
/// ```
/// use mentor_core::billing::Customer;
/// use mentor_core::Lang;
/// assert_eq!(Customer::company().display_name(Lang::Fr), "l'entreprise");
/// assert_eq!(Customer::named("Example SAS").display_name(Lang::En), "Example SAS");
/// assert_eq!(Customer::COUNTRY, "FR");
/// ```
///
/// `Debug` hides the name, which may be a person's (a sole trader's trading name is often
/// theirs; issue 19.5): `Customer { name: Some("<given>") }`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Customer {
    name: Option<String>,
}

impl std::fmt::Debug for Customer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Customer")
            .field("name", &self.name.as_ref().map(|_| "<given>"))
            .finish()
    }
}

/// The longest customer name, in characters.
pub const MAX_CUSTOMER_NAME_CHARS: usize = 200;

const THE_COMPANY: Text = Text::new("the company", "l'entreprise");

impl Customer {
    /// The country where the company is established (`docs/billing.md`).
    pub const COUNTRY: &'static str = "FR";

    /// The company, unnamed.
    #[must_use]
    pub fn company() -> Customer {
        Customer { name: None }
    }

    /// The company under `name` (trimmed; a blank name is no name; cut at
    /// [`MAX_CUSTOMER_NAME_CHARS`] characters).
    #[must_use]
    pub fn named(name: &str) -> Customer {
        let name = name.trim();
        Customer {
            name: (!name.is_empty()).then(|| name.chars().take(MAX_CUSTOMER_NAME_CHARS).collect()),
        }
    }

    /// Its name, if configured.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Its name, or "the company" in `lang`.
    #[must_use]
    pub fn display_name(&self, lang: Lang) -> &str {
        self.name.as_deref().unwrap_or(THE_COMPANY.get(lang))
    }

    /// The wire form `{"name", "country": "FR"}`: the customer's [`Serialize`] form as a JSON
    /// value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }
}

/// `{"party", "country", "registration_number", "vat", "vat_number"}`, numbers normalized.
impl Serialize for InvoicingParty {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            party: Party,
            country: CountryCode,
            registration_number: &'a str,
            vat: &'static str,
            vat_number: Option<&'a str>,
        }
        Wire {
            party: self.party,
            country: self.country,
            registration_number: self.registration.normalized(),
            vat: self.vat.name(),
            vat_number: self.vat.vat_number().map(RegistrationNumber::normalized),
        }
        .serialize(serializer)
    }
}

/// `{"name", "country": "FR"}`.
impl Serialize for Customer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            name: Option<&'a str>,
            country: &'static str,
        }
        Wire {
            name: self.name(),
            country: Customer::COUNTRY,
        }
        .serialize(serializer)
    }
}

/// The schema of [`InvoicingParty`]'s wire form.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for InvoicingParty {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("InvoicingParty")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "Who bills the company (`docs/wire-format.md#decision`), numbers normalized.",
            "properties": {
                "party": generator.subschema_for::<Party>(),
                "country": generator.subschema_for::<CountryCode>(),
                "registration_number": {"type": "string"},
                "vat": generator.subschema_for::<VatKind>(),
                "vat_number": {"type": ["string", "null"]},
            },
            "required": ["party", "country", "registration_number", "vat", "vat_number"],
            "additionalProperties": false,
        })
    }
}

/// The schema of [`Customer`]'s wire form.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Customer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Customer")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "The company that receives the invoice.",
            "properties": {
                "name": {"type": ["string", "null"]},
                "country": {"const": Customer::COUNTRY},
            },
            "required": ["name", "country"],
            "additionalProperties": false,
        })
    }
}

/// Reads `{"name"}` (or `{"name", "country": "FR"}`, as [`Customer::to_json`] writes it).
pub(crate) fn read_customer(r: &mut Reader, value: Option<&Value>, path: &Path<'_>) -> Customer {
    let Some(map) = r.optional_object(value, path, &["name", "country"]) else {
        return Customer::company();
    };
    let name = r.text(map.get("name"), &path.key("name"), MAX_CUSTOMER_NAME_CHARS, false);
    let country_path = path.key("country");
    if let Some(country) = r.text(map.get("country"), &country_path, 8, false) {
        if country != Customer::COUNTRY {
            r.error_with(
                &country_path,
                ErrorCode::InvalidEnum,
                Detail::Allowed(vec![Customer::COUNTRY]),
            );
        }
    }
    name.map_or_else(Customer::company, Customer::named)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn vat_schemes_are_those_of_the_registration_module() {
        for id in VAT_SCHEMES {
            assert!(registration::all_schemes().any(|s| s.id == id), "{id:?}");
        }
    }

    #[test]
    fn a_vat_number_only_with_registered() {
        let e = InvoicingParty::from_json(&json!({
            "party": "mentor_business", "country": "FR", "registration_number": "73282932000074",
            "vat": "franchise", "vat_number": "FR40303265045",
        }))
        .unwrap_err();
        assert_eq!(
            (e.errors[0].path.as_str(), e.errors[0].code),
            ("vat_number", ErrorCode::InvalidType)
        );
        let e = InvoicingParty::from_json(&json!({
            "party": "mentor_business", "country": "FR", "registration_number": "73282932000074",
            "vat": "registered", "vat_number": "73282932000074",
        }))
        .unwrap_err();
        assert_eq!(
            (e.errors[0].path.as_str(), e.errors[0].code),
            ("vat_number", ErrorCode::InvalidRegistrationNumber)
        );
        let ok = InvoicingParty::from_json(&json!({
            "party": "mentor_business", "country": "FR", "registration_number": "73282932000074",
            "vat": "registered", "vat_number": "fr 40 303 265 045",
        }))
        .unwrap();
        assert_eq!(ok.to_json()["vat_number"], "FR40303265045");
    }
}
