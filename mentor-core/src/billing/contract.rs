//! The contract as billing needs it (CON-1, BIL-1): its id, the versions of its terms, the
//! invoicing party and the customer.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::contract::{MAX_ID_CHARS, Terms};
use crate::error::{Detail, ErrorCode, InputError};
use crate::i18n::Text;
use crate::money::Currency;
use crate::read::{Path, Reader, present};

use super::party::{Customer, InvoicingParty, read_customer, read_invoicing_party};

const NEXT_VERSION: Text = Text::new("the previous version plus one", "la version précédente plus un");
const LATER_START: Text = Text::new(
    "a start date after the previous version's",
    "une date de début postérieure à celle de la version précédente",
);

/// What billing needs of a contract (CON-1, BIL-1): its id, every version of its terms (each
/// amendment's rates apply from its own `start_date`, `docs/lifecycles.md`), the invoicing party (the
/// supplier, with its VAT status) and the customer.
///
/// Wire form, the file `mentor statement --contract` reads:
/// ```json
/// {"contract_id": "c-2026-0042",
///  "invoicing_party": {"party": "mentor_business", "country": "FR",
///                      "registration_number": "732 829 320 00074", "vat": "franchise"},
///  "customer": {"name": "Example SAS"},
///  "versions": [{terms of version 1}, {terms of version 2}]}
/// ```
/// `customer` is optional (the company, unnamed); each version is the wire form of
/// [`Terms`]. Versions are listed in order: consecutive version numbers, each starting after
/// the previous one, all in the same currency.
///
/// ```
/// use mentor_core::billing::BillingContract;
/// let contract = BillingContract::from_json(&serde_json::json!({
///     "contract_id": "c-1",
///     "invoicing_party": {"party": "mentor_business", "country": "FR",
///                         "registration_number": "732 829 320 00074", "vat": "franchise"},
///     "versions": [
///         {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-01-01", "notice_period_days": 30},
///         {"version": 2, "currency": "EUR", "rates": {"mentoring": "38.00"}, "start_date": "2026-03-01", "notice_period_days": 30},
///     ],
/// })).unwrap();
/// let day = |s: &str| s.parse().unwrap();
/// assert_eq!(contract.terms_on(day("2026-02-28")).unwrap().version(), 1);
/// assert_eq!(contract.terms_on(day("2026-03-01")).unwrap().version(), 2);
/// assert!(contract.terms_on(day("2025-12-31")).is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillingContract {
    contract_id: String,
    invoicing_party: InvoicingParty,
    customer: Customer,
    currency: Currency,
    versions: Vec<Terms>,
}

const CONTRACT_KEYS: [&str; 4] = ["contract_id", "invoicing_party", "customer", "versions"];

impl BillingContract {
    /// A billing contract from typed values; the customer is [`Customer::company`].
    ///
    /// # Errors
    /// Field errors with the wire paths: `required` (a blank contract id, no version),
    /// `too_long` (an id over 128 characters), `out_of_range` (`versions[i].version` not the
    /// previous plus one), `invalid_date` (`versions[i].start_date` not after the previous),
    /// `currency_mismatch` (`versions[i].currency` not the first version's).
    pub fn new(
        contract_id: &str,
        invoicing_party: InvoicingParty,
        versions: Vec<Terms>,
    ) -> Result<BillingContract, InputError> {
        let mut r = Reader::new();
        let id = r
            .required_text(
                Some(&Value::from(contract_id)),
                &Path::Root.key("contract_id"),
                MAX_ID_CHARS,
            )
            .map(str::to_owned);
        let currency = check_versions(&mut r, &versions, &Path::Root.key("versions"));
        match (id, currency) {
            (Some(contract_id), Some(currency)) if r.errors.is_empty() => Ok(BillingContract {
                contract_id,
                invoicing_party,
                customer: Customer::company(),
                currency,
                versions,
            }),
            _ => Err(InputError { errors: r.errors }),
        }
    }

    /// The same contract billed to `customer`.
    #[must_use]
    pub fn with_customer(mut self, customer: Customer) -> BillingContract {
        self.customer = customer;
        self
    }

    /// Reads a billing contract from its wire form.
    ///
    /// # Errors
    /// Every problem as a field error with its path (`versions[1].rates.mentoring`): those of
    /// [`BillingContract::new`], of [`InvoicingParty::from_json`] under `invoicing_party` and of
    /// [`Terms::from_json`] under `versions[i]`, and `unknown_field`.
    pub fn from_json(value: &Value) -> Result<BillingContract, InputError> {
        let mut r = Reader::new();
        let contract = read_contract(&mut r, value, &Path::Root);
        r.finish(contract)
    }

    /// The wire form: the contract's [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }

    /// The contract's id.
    #[must_use]
    pub fn contract_id(&self) -> &str {
        &self.contract_id
    }

    /// Who bills (BIL-1).
    #[must_use]
    pub fn invoicing_party(&self) -> &InvoicingParty {
        &self.invoicing_party
    }

    /// Who is billed.
    #[must_use]
    pub fn customer(&self) -> &Customer {
        &self.customer
    }

    /// The versions of the terms, oldest first (never empty).
    #[must_use]
    pub fn versions(&self) -> &[Terms] {
        &self.versions
    }

    /// The currency of every version.
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The version in force on `date`: the latest that started on or before it, unless it
    /// ended before it (an amendment's rates apply from its own start date, CON-1). `None`
    /// before the first version, or after the end date of the version in force.
    #[must_use]
    pub fn terms_on(&self, date: NaiveDate) -> Option<&Terms> {
        let started = self.versions.partition_point(|t| t.start_date() <= date);
        let terms = self.versions.get(started.checked_sub(1)?)?;
        terms.end_date().is_none_or(|end| date <= end).then_some(terms)
    }
}

/// Checks the order and currency of the versions: consecutive numbers, increasing start
/// dates, one currency. The currency, when there is a version.
fn check_versions(r: &mut Reader, versions: &[Terms], path: &Path<'_>) -> Option<Currency> {
    let Some(first) = versions.first() else {
        r.error(path, ErrorCode::Required);
        return None;
    };
    for (i, pair) in versions.windows(2).enumerate() {
        let [previous, terms] = pair else { continue };
        let here = path.index(i + 1);
        if previous.version().checked_add(1) != Some(terms.version()) {
            r.error_with(
                &here.key("version"),
                ErrorCode::OutOfRange,
                Detail::Expected(NEXT_VERSION),
            );
        }
        if terms.start_date() <= previous.start_date() {
            r.error_with(
                &here.key("start_date"),
                ErrorCode::InvalidDate,
                Detail::Expected(LATER_START),
            );
        }
        if terms.currency() != first.currency() {
            r.error(&here.key("currency"), ErrorCode::CurrencyMismatch);
        }
    }
    Some(first.currency())
}

/// `{"contract_id", "invoicing_party", "customer": {"name"}, "versions": [terms]}`, as
/// [`BillingContract::from_json`] reads it.
impl Serialize for BillingContract {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            contract_id: &'a str,
            invoicing_party: &'a InvoicingParty,
            customer: CustomerWire<'a>,
            versions: &'a [Terms],
        }
        #[derive(Serialize)]
        struct CustomerWire<'a> {
            name: Option<&'a str>,
        }
        Wire {
            contract_id: &self.contract_id,
            invoicing_party: &self.invoicing_party,
            customer: CustomerWire {
                name: self.customer.name(),
            },
            versions: &self.versions,
        }
        .serialize(serializer)
    }
}

fn read_contract(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<BillingContract> {
    let map = r.object(value, path, &CONTRACT_KEYS)?;
    let contract_id = r
        .required_text(map.get("contract_id"), &path.key("contract_id"), MAX_ID_CHARS)
        .map(str::to_owned);
    let party_path = path.key("invoicing_party");
    let invoicing_party = match present(map.get("invoicing_party")) {
        Some(v) => read_invoicing_party(r, v, &party_path),
        None => {
            r.error(&party_path, ErrorCode::Required);
            None
        }
    };
    let customer = read_customer(r, map.get("customer"), &path.key("customer"));
    let versions_path = path.key("versions");
    let items = match present(map.get("versions")) {
        Some(v) => r.array(Some(v), &versions_path)?,
        None => {
            r.error(&versions_path, ErrorCode::Required);
            return None;
        }
    };
    let mut versions = Vec::with_capacity(items.len());
    let mut all_read = true;
    for (i, item) in items.iter().enumerate() {
        match Terms::from_json(item) {
            Ok(terms) => versions.push(terms),
            Err(e) => {
                all_read = false;
                let prefix = versions_path.index(i).to_string();
                r.errors.extend(e.errors.into_iter().map(|f| f.under(&prefix)));
            }
        }
    }
    let currency = if all_read {
        check_versions(r, &versions, &versions_path)
    } else {
        None
    };
    Some(BillingContract {
        contract_id: contract_id?,
        invoicing_party: invoicing_party?,
        customer,
        currency: currency?,
        versions,
    })
}
