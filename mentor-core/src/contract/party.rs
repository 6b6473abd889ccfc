//! The contracting party (`docs/wire-format.md#decision`): who signs for the mentor's side, the country where
//! it is registered, and its registration number (WS-1).

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::country::CountryCode;
use crate::eligibility::Party;
use crate::error::{Detail, ErrorCode, InputError};
use crate::read::{Path, Reader, present};
use crate::registration::{self, RegistrationError, RegistrationNumber};
use crate::vocabulary::Vocabulary;

/// Who signs the contract for the mentor's side (`docs/wire-format.md#decision` `contracting_party`): the
/// employer (WS-2) or the mentor's business (WS-3..5), the country where it is registered and, when
/// known, its registration number (WS-1). `Debug` hides the number: a mentor's business is often
/// the mentor in person, whose number is personal data (issue 19.5).
///
/// Wire form: `{"party": "mentor_business", "country": "FR", "registration_number":
/// "73282932000074"}`; the number is checked against the country's schemes when read and
/// written back in its normalized (compact) form.
///
/// ```
/// use mentor_core::contract::ContractingParty;
/// let party = ContractingParty::from_json(&serde_json::json!({
///     "party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00074",
/// })).unwrap();
/// assert_eq!(party.to_json()["registration_number"], "73282932000074");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContractingParty {
    /// The employer (WS-2) or the mentor's business.
    pub party: Party,
    /// Where it is registered.
    pub country: CountryCode,
    /// Its registration number, well-formed for one of `country`'s schemes (reading checks it
    /// against `country`; [`draft`](fn@super::draft) takes the one the eligibility decision checked).
    pub registration: Option<RegistrationNumber>,
}

const PARTY_KEYS: [&str; 3] = ["party", "country", "registration_number"];

impl ContractingParty {
    /// Reads a contracting party from its wire form.
    ///
    /// # Errors
    /// Field errors: `required`, `invalid_enum` (`party`), `invalid_country`,
    /// `invalid_registration_number` (not well-formed for any scheme of the country),
    /// `unsupported_country` (a number for a country the library has no rules for),
    /// `unknown_field`.
    pub fn from_json(value: &Value) -> Result<ContractingParty, InputError> {
        let mut r = Reader::new();
        let party = read_party(&mut r, value, &Path::Root);
        r.finish(party)
    }

    /// The wire form, with the registration number in its normalized form (or null): the
    /// party's [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }
}

/// `{"party", "country", "registration_number"}`, the number normalized (or null).
impl Serialize for ContractingParty {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            party: Party,
            country: CountryCode,
            registration_number: Option<&'a str>,
        }
        Wire {
            party: self.party,
            country: self.country,
            registration_number: self.registration.as_ref().map(RegistrationNumber::normalized),
        }
        .serialize(serializer)
    }
}

pub(super) fn read_party(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<ContractingParty> {
    let map = r.object(value, path, &PARTY_KEYS)?;
    let party_path = path.key("party");
    if present(map.get("party")).is_none() {
        r.error(&party_path, ErrorCode::Required);
    }
    let party = r.choice(map.get("party"), &party_path, Party::ALL);
    let (country, registration) = read_registration(r, map, path, false);
    Some(ContractingParty {
        party: party?,
        country: country?,
        registration,
    })
}

/// Reads a party's `country` (required) and `registration_number` (at most 64 characters,
/// required when `number_required`) under `path`, and checks the number against the country.
pub(crate) fn read_registration(
    r: &mut Reader,
    map: &Map<String, Value>,
    path: &Path<'_>,
    number_required: bool,
) -> (Option<CountryCode>, Option<RegistrationNumber>) {
    let country_path = path.key("country");
    let country = r.required_text(map.get("country"), &country_path, 8);
    let country = r.parse(
        country,
        &country_path,
        ErrorCode::InvalidCountry,
        CountryCode::parse,
    );
    let number_path = path.key("registration_number");
    let number = r.identifier(map.get("registration_number"), &number_path, 64, number_required);
    (country, read_number(r, number, country, &number_path))
}

/// Reads a registration number of `country`: `invalid_registration_number` or
/// `unsupported_country` at `path` when it cannot be shown well-formed.
pub(crate) fn read_number(
    r: &mut Reader,
    text: Option<&str>,
    country: Option<CountryCode>,
    path: &Path<'_>,
) -> Option<RegistrationNumber> {
    match registration::validate(country?, text?) {
        Ok(number) => Some(number),
        Err(RegistrationError::Invalid(e)) => {
            r.error_with(
                path,
                ErrorCode::InvalidRegistrationNumber,
                Detail::Registration(e.reason),
            );
            None
        }
        Err(RegistrationError::UnsupportedCountry(_)) => {
            r.error(path, ErrorCode::UnsupportedCountry);
            None
        }
    }
}
