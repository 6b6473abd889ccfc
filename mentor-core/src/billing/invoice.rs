//! Checking a received invoice against the statement (`docs/billing.md`, BIL-1): "does this invoice
//! match what was delivered?"

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::contract::{MAX_ID_CHARS, format_date, read_date};
use crate::country::CountryCode;
use crate::error::{ErrorCode, InputError};
use crate::i18n::{In, Lang, Localized, Text};
use crate::money::{Currency, read_amount, read_currency};
use crate::read::{Path, Reader, present};

use super::period::BillingPeriod;
use super::statement::Statement;
use super::vat::{KNOWN_MENTIONS, is_mention};

/// The longest mention read, in characters, and the most mentions.
const MAX_MENTION_CHARS: usize = 500;
const MAX_MENTIONS: usize = 50;

/// Who issued a received invoice, as the invoice says it. `Debug` hides the registration
/// number, which may be an individual's (issue 19.5).
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Issuer {
    /// The country the invoice gives for the issuer.
    pub country: CountryCode,
    /// The registration number as printed (compared in compact form).
    pub registration_number: String,
}

impl std::fmt::Debug for Issuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issuer")
            .field("country", &self.country)
            .field("registration_number", &Redacted(&self.registration_number))
            .finish()
    }
}

/// A value of `Debug` output shown by its length only (`<redacted 17 chars>`).
struct Redacted<'a>(&'a str);

impl std::fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<redacted {} chars>", self.0.chars().count())
    }
}

/// An invoice the company received (BIL-1: the invoicing party bills the company), as the
/// accounts team keys it in. Wire form:
/// ```json
/// {"invoice_number": "F-2026-001", "issued_on": "2026-02-01", "period": "2026-01",
///  "issuer": {"country": "FR", "registration_number": "732 829 320 00074"},
///  "currency": "EUR", "total_excluding_vat": "70.00", "vat_amount": "0.00", "total": "70.00",
///  "mentions": ["TVA non applicable, art. 293 B du CGI"]}
/// ```
/// `vat_amount` may be left out or null (no VAT charged), `mentions` too (none). Amounts are
/// decimal strings with at most the currency's decimals. What the invoice says is read as
/// it is, even when it is wrong (a registration number that is not well-formed, an amount
/// that does not add up): finding that is [`check_invoice`]'s job.
///
/// ```
/// use mentor_core::billing::ReceivedInvoice;
/// let invoice = ReceivedInvoice::from_json(&serde_json::json!({
///     "invoice_number": "F-1", "issued_on": "2026-02-01", "period": "2026-01",
///     "issuer": {"country": "FR", "registration_number": "732 829 320 00074"},
///     "currency": "EUR", "total_excluding_vat": "70.00", "total": "70.00",
/// })).unwrap();
/// assert!(invoice.vat_amount.is_zero());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedInvoice {
    /// The issuer's invoice number.
    pub invoice_number: String,
    /// The date of issue.
    pub issued_on: NaiveDate,
    /// The billing period it bills.
    pub period: BillingPeriod,
    /// Who issued it.
    pub issuer: Issuer,
    /// Its currency.
    pub currency: Currency,
    /// Its total excluding VAT.
    pub total_excluding_vat: Decimal,
    /// The VAT it charges (0 when absent).
    pub vat_amount: Decimal,
    /// Its total, VAT included.
    pub total: Decimal,
    /// Its mentions, trimmed, in order.
    pub mentions: Vec<String>,
}

const INVOICE_KEYS: [&str; 9] = [
    "invoice_number",
    "issued_on",
    "period",
    "issuer",
    "currency",
    "total_excluding_vat",
    "vat_amount",
    "total",
    "mentions",
];

impl ReceivedInvoice {
    /// Reads a received invoice from its wire form.
    ///
    /// # Errors
    /// Every problem as a field error: `required`, `invalid_type`, `too_long`, `unknown_field`,
    /// `invalid_date` (`issued_on`), `invalid_period`, `invalid_country`, `invalid_currency`,
    /// `invalid_money` (not a decimal string, negative, or more decimals than the currency).
    pub fn from_json(value: &Value) -> Result<ReceivedInvoice, InputError> {
        let mut r = Reader::new();
        let invoice = read_invoice(&mut r, value, &Path::Root);
        r.finish(invoice)
    }

    /// The wire form: the invoice's [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }
}

/// `{"invoice_number", "issued_on", "period", "issuer": {"country", "registration_number"},
/// "currency", "total_excluding_vat", "vat_amount", "total", "mentions"}`, amounts as decimal
/// strings in the currency's minor units.
impl Serialize for ReceivedInvoice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            invoice_number: &'a str,
            issued_on: String,
            period: String,
            issuer: &'a Issuer,
            currency: &'a str,
            total_excluding_vat: String,
            vat_amount: String,
            total: String,
            mentions: &'a [String],
        }
        let money = |amount: Decimal| self.currency.format_amount(amount);
        Wire {
            invoice_number: &self.invoice_number,
            issued_on: format_date(self.issued_on),
            period: self.period.to_string(),
            issuer: &self.issuer,
            currency: self.currency.code(),
            total_excluding_vat: money(self.total_excluding_vat),
            vat_amount: money(self.vat_amount),
            total: money(self.total),
            mentions: &self.mentions,
        }
        .serialize(serializer)
    }
}

fn read_invoice(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<ReceivedInvoice> {
    let map = r.object(value, path, &INVOICE_KEYS)?;
    let invoice_number = r.required_text(
        map.get("invoice_number"),
        &path.key("invoice_number"),
        MAX_ID_CHARS,
    );
    let issued_on = read_date(r, map.get("issued_on"), &path.key("issued_on"), true);
    let period_path = path.key("period");
    let period = r.required_text(map.get("period"), &period_path, 16);
    let period = r.parse(
        period,
        &period_path,
        ErrorCode::InvalidPeriod,
        BillingPeriod::parse,
    );
    let issuer_path = path.key("issuer");
    let issuer = r
        .required_object(
            map.get("issuer"),
            &issuer_path,
            &["country", "registration_number"],
        )
        .and_then(|issuer| {
            let country_path = issuer_path.key("country");
            let country = r.required_text(issuer.get("country"), &country_path, 8);
            let country = r.parse(
                country,
                &country_path,
                ErrorCode::InvalidCountry,
                CountryCode::parse,
            );
            let number = r.identifier(
                issuer.get("registration_number"),
                &issuer_path.key("registration_number"),
                64,
                true,
            );
            Some(Issuer {
                country: country?,
                registration_number: number?.to_owned(),
            })
        });
    let currency = read_currency(r, map.get("currency"), &path.key("currency"), true);
    let total_excluding_vat = read_amount(
        r,
        map.get("total_excluding_vat"),
        &path.key("total_excluding_vat"),
        currency,
    );
    let vat_amount = match present(map.get("vat_amount")) {
        Some(v) => read_amount(r, Some(v), &path.key("vat_amount"), currency),
        None => Some(Decimal::ZERO),
    };
    let total = read_amount(r, map.get("total"), &path.key("total"), currency);
    let mentions_path = path.key("mentions");
    let mut mentions = Vec::new();
    if let Some(items) = r.array(map.get("mentions"), &mentions_path) {
        if items.len() > MAX_MENTIONS {
            r.error_with(
                &mentions_path,
                ErrorCode::TooLong,
                crate::error::Detail::MaxChars(MAX_MENTIONS),
            );
        }
        for (i, item) in items.iter().take(MAX_MENTIONS).enumerate() {
            let here = mentions_path.index(i);
            if let Some(text) = r.required_text(Some(item), &here, MAX_MENTION_CHARS) {
                mentions.push(text.to_owned());
            }
        }
    }
    Some(ReceivedInvoice {
        invoice_number: invoice_number?.to_owned(),
        issued_on: issued_on?,
        period: period?,
        issuer: issuer?,
        currency: currency?,
        total_excluding_vat: total_excluding_vat?,
        vat_amount: vat_amount?,
        total: total?,
        mentions,
    })
}

/// What is wrong with a received invoice, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DiscrepancyCode {
    /// It bills another period than the statement's.
    PeriodMismatch,
    /// Its issuer is established in another country than the invoicing party.
    IssuerMismatch,
    /// Its registration number is not the invoicing party's (compared in compact form).
    RegistrationNumberMismatch,
    /// Its currency is not the contract's.
    CurrencyMismatch,
    /// Its total excluding VAT is not the statement's.
    AmountMismatch,
    /// It charges VAT where none is due (franchise, reverse charge, supplier outside the EU).
    VatCharged,
    /// VAT is due (French VAT at 20%) and its VAT amount is not the right one.
    VatAmountMismatch,
    /// Its total, VAT included, is not the statement's.
    TotalMismatch,
    /// It lacks the mandatory VAT mention.
    MissingVatMention,
    /// It carries a VAT mention of another treatment (a franchise mention on a
    /// reverse-charged invoice…).
    WrongVatMention,
}

const CODES: [(DiscrepancyCode, &str, Text); 10] = [
    (
        DiscrepancyCode::PeriodMismatch,
        "period_mismatch",
        Text::new(
            "the invoice bills another period than the statement",
            "la facture porte sur une autre période que le relevé",
        ),
    ),
    (
        DiscrepancyCode::IssuerMismatch,
        "issuer_mismatch",
        Text::new(
            "the issuer's country is not the invoicing party's",
            "le pays de l'émetteur n'est pas celui de la partie qui facture",
        ),
    ),
    (
        DiscrepancyCode::RegistrationNumberMismatch,
        "registration_number_mismatch",
        Text::new(
            "the registration number is not the invoicing party's",
            "le numéro d'immatriculation n'est pas celui de la partie qui facture",
        ),
    ),
    (
        DiscrepancyCode::CurrencyMismatch,
        "currency_mismatch",
        Text::new(
            "the currency is not the contract's",
            "la devise n'est pas celle du contrat",
        ),
    ),
    (
        DiscrepancyCode::AmountMismatch,
        "amount_mismatch",
        Text::new(
            "the total excluding VAT is not the statement's",
            "le total hors taxes n'est pas celui du relevé",
        ),
    ),
    (
        DiscrepancyCode::VatCharged,
        "vat_charged",
        Text::new(
            "the invoice charges VAT, but none is due",
            "la facture applique de la TVA alors qu'aucune n'est due",
        ),
    ),
    (
        DiscrepancyCode::VatAmountMismatch,
        "vat_amount_mismatch",
        Text::new(
            "the VAT amount is not 20% of the total excluding VAT",
            "le montant de TVA n'est pas 20 % du total hors taxes",
        ),
    ),
    (
        DiscrepancyCode::TotalMismatch,
        "total_mismatch",
        Text::new(
            "the total including VAT is not the statement's",
            "le total TTC n'est pas celui du relevé",
        ),
    ),
    (
        DiscrepancyCode::MissingVatMention,
        "missing_vat_mention",
        Text::new(
            "the mandatory VAT mention is missing (mentions are compared word for word, case included)",
            "la mention de TVA obligatoire manque (les mentions sont comparées mot pour mot, casse comprise)",
        ),
    ),
    (
        DiscrepancyCode::WrongVatMention,
        "wrong_vat_mention",
        Text::new(
            "the invoice carries a VAT mention that does not apply to it",
            "la facture porte une mention de TVA qui ne s'applique pas à elle",
        ),
    ),
];

impl DiscrepancyCode {
    /// Every code, in the order [`check_invoice`] reports them.
    pub const ALL: [DiscrepancyCode; 10] = [
        DiscrepancyCode::PeriodMismatch,
        DiscrepancyCode::IssuerMismatch,
        DiscrepancyCode::RegistrationNumberMismatch,
        DiscrepancyCode::CurrencyMismatch,
        DiscrepancyCode::AmountMismatch,
        DiscrepancyCode::VatCharged,
        DiscrepancyCode::VatAmountMismatch,
        DiscrepancyCode::TotalMismatch,
        DiscrepancyCode::MissingVatMention,
        DiscrepancyCode::WrongVatMention,
    ];

    /// The stable code (`"amount_mismatch"`).
    ///
    /// ```
    /// use mentor_core::billing::DiscrepancyCode;
    /// assert_eq!(DiscrepancyCode::VatCharged.as_str(), "vat_charged");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        CODES
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("", |(_, name, _)| name)
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use mentor_core::billing::DiscrepancyCode;
    /// use mentor_core::Lang;
    /// assert_eq!(DiscrepancyCode::PeriodMismatch.message(Lang::Fr), "la facture porte sur une autre période que le relevé");
    /// ```
    #[must_use]
    pub fn message(self, lang: Lang) -> &'static str {
        CODES
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("", |(_, _, text)| text.get(lang))
    }
}

/// One discrepancy: its code, the invoice's field, what the statement expects and what the
/// invoice says (amounts, periods, countries, registration numbers and mentions). `Debug`
/// hides the registration numbers of a `registration_number_mismatch`, which may be
/// individuals' (issue 19.5); the wire form gives them, for the people who check the invoice.
#[derive(Clone, PartialEq, Eq)]
pub struct Discrepancy {
    /// What is wrong.
    pub code: DiscrepancyCode,
    /// The invoice's field (`total_excluding_vat`, `issuer.registration_number`, `mentions`).
    pub field: &'static str,
    /// What the statement expects (`None` when nothing in particular: a mention to remove).
    pub expected: Option<String>,
    /// What the invoice says (`None` when it says nothing: a missing mention).
    pub found: Option<String>,
}

impl std::fmt::Debug for Discrepancy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut debug = f.debug_struct("Discrepancy");
        debug.field("code", &self.code).field("field", &self.field);
        if self.code == DiscrepancyCode::RegistrationNumberMismatch {
            debug
                .field("expected", &self.expected.as_deref().map(Redacted))
                .field("found", &self.found.as_deref().map(Redacted));
        } else {
            debug
                .field("expected", &self.expected)
                .field("found", &self.found);
        }
        debug.finish()
    }
}

/// The wire form `{"code", "field", "expected", "found", "message"}`.
impl Localized for Discrepancy {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            code: &'static str,
            field: &'static str,
            expected: &'a Option<String>,
            found: &'a Option<String>,
            message: &'static str,
        }
        Wire {
            code: self.code.as_str(),
            field: self.field,
            expected: &self.expected,
            found: &self.found,
            message: self.code.message(lang),
        }
        .serialize(serializer)
    }
}

/// The result of [`check_invoice`]: every discrepancy, in the order of
/// [`DiscrepancyCode::ALL`].
///
/// ```
/// use mentor_core::billing::{Discrepancy, DiscrepancyCode, InvoiceCheck};
/// use mentor_core::{Lang, Localized};
/// let check = InvoiceCheck { invoice_number: "F-1".into(), discrepancies: vec![Discrepancy {
///     code: DiscrepancyCode::TotalMismatch, field: "total", expected: Some("70.00".into()), found: Some("75.00".into()),
/// }] };
/// assert!(!check.matches());
/// assert_eq!(check.to_json(Lang::En)["discrepancies"][0]["code"], "total_mismatch");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceCheck {
    /// The invoice's number.
    pub invoice_number: String,
    /// What is wrong; empty when the invoice matches.
    pub discrepancies: Vec<Discrepancy>,
}

impl InvoiceCheck {
    /// Whether the invoice matches the statement.
    #[must_use]
    pub fn matches(&self) -> bool {
        self.discrepancies.is_empty()
    }
}

/// The wire form `{"invoice_number", "matches", "discrepancies": [Discrepancy]}`.
impl Localized for InvoiceCheck {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            invoice_number: &'a str,
            matches: bool,
            discrepancies: In<'a, [Discrepancy]>,
        }
        Wire {
            invoice_number: &self.invoice_number,
            matches: self.matches(),
            discrepancies: self.discrepancies.as_slice().render(lang),
        }
        .serialize(serializer)
    }
}

/// The schema of the wire form above (`invoice-check` in docs/schema/).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for InvoiceCheck {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("InvoiceCheck")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = CODES.iter().map(|(_, name, _)| *name).collect();
        schemars::json_schema!({
            "type": "object",
            "description": "A received invoice checked against its statement (`docs/billing.md`).",
            "properties": {
                "invoice_number": {"type": "string"},
                "matches": {"type": "boolean"},
                "discrepancies": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "code": {"type": "string", "enum": codes},
                            "field": {"type": "string", "description": "The invoice's field (`total_excluding_vat`)."},
                            "expected": {"type": ["string", "null"]},
                            "found": {"type": ["string", "null"]},
                            "message": {"type": "string"},
                        },
                        "required": ["code", "field", "expected", "found", "message"],
                        "additionalProperties": false,
                    },
                },
            },
            "required": ["invoice_number", "matches", "discrepancies"],
            "additionalProperties": false,
        })
    }
}

/// Checks a received invoice against the statement (`docs/billing.md`; BIL-1), and reports every
/// discrepancy, none silently accepted:
/// - `period_mismatch`, `currency_mismatch`;
/// - `issuer_mismatch` (the issuer's country) and `registration_number_mismatch`: numbers are
///   compared in the compact form of the invoicing party's scheme (spaces, dots, dashes, case
///   and the optional country prefix do not matter; a SIREN where the statement has a SIRET
///   does not match);
/// - `amount_mismatch` (total excluding VAT), `total_mismatch` (total including VAT);
/// - `vat_charged` when VAT is charged where none is due, `vat_amount_mismatch` when French
///   VAT is due and the amount is not 20% of the total, rounded (EU VAT Directive art. 226(9),
///   (10); CGI art. 278);
/// - `missing_vat_mention` when a mandatory mention is not there, `wrong_vat_mention` for a
///   known VAT mention that does not belong to the treatment (CGI art. 293 B; Directive
///   art. 226(11a)). Mentions are compared word for word after trimming, **case included**:
///   they are legal formulas, and `tva non applicable…` is left to a person to accept.
///
/// ```
/// # use mentor_core::billing::{statement, check_invoice, BillingContract, BillingPeriod, ReceivedInvoice};
/// # use mentor_core::policy::BillingPolicy;
/// # let contract = BillingContract::from_json(&serde_json::json!({"contract_id": "c-1",
/// #     "invoicing_party": {"party": "mentor_business", "country": "FR", "registration_number": "73282932000074", "vat": "franchise"},
/// #     "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-01-01", "notice_period_days": 30}]})).unwrap();
/// let st = statement(&contract, &[], BillingPeriod::parse("2026-01").unwrap(), &BillingPolicy::default()).unwrap();
/// let invoice = ReceivedInvoice::from_json(&serde_json::json!({
///     "invoice_number": "F-1", "issued_on": "2026-02-01", "period": "2026-01",
///     "issuer": {"country": "FR", "registration_number": "732 829 320 00074"},
///     "currency": "EUR", "total_excluding_vat": "0.00", "vat_amount": "0.00", "total": "0.00",
///     "mentions": ["TVA non applicable, art. 293 B du CGI"],
/// })).unwrap();
/// assert!(check_invoice(&st, &invoice).matches());
/// ```
#[must_use]
pub fn check_invoice(statement: &Statement<'_>, invoice: &ReceivedInvoice) -> InvoiceCheck {
    let mut found = Vec::new();
    let mut report = |code, field, expected: Option<String>, seen: Option<String>| {
        found.push(Discrepancy {
            code,
            field,
            expected,
            found: seen,
        });
    };
    let currency = statement.currency();
    let money = |amount: Decimal| Some(currency.format_amount(amount));
    if invoice.period != statement.period() {
        report(
            DiscrepancyCode::PeriodMismatch,
            "period",
            Some(statement.period().to_string()),
            Some(invoice.period.to_string()),
        );
    }
    let party = statement.invoicing_party();
    if invoice.issuer.country != party.country() {
        report(
            DiscrepancyCode::IssuerMismatch,
            "issuer.country",
            Some(party.country().to_string()),
            Some(invoice.issuer.country.to_string()),
        );
    }
    let number = party.registration();
    if !number.identifies(&invoice.issuer.registration_number) {
        report(
            DiscrepancyCode::RegistrationNumberMismatch,
            "issuer.registration_number",
            Some(number.formatted()),
            Some(invoice.issuer.registration_number.clone()),
        );
    }
    if invoice.currency != currency {
        report(
            DiscrepancyCode::CurrencyMismatch,
            "currency",
            Some(currency.code().to_owned()),
            Some(invoice.currency.code().to_owned()),
        );
    }
    if invoice.total_excluding_vat != statement.total_excluding_vat() {
        report(
            DiscrepancyCode::AmountMismatch,
            "total_excluding_vat",
            money(statement.total_excluding_vat()),
            money(invoice.total_excluding_vat),
        );
    }
    let vat = statement.vat();
    if vat.rate().is_zero() && !invoice.vat_amount.is_zero() {
        report(
            DiscrepancyCode::VatCharged,
            "vat_amount",
            money(Decimal::ZERO),
            money(invoice.vat_amount),
        );
    } else if !vat.rate().is_zero() && invoice.vat_amount != statement.vat_amount() {
        report(
            DiscrepancyCode::VatAmountMismatch,
            "vat_amount",
            money(statement.vat_amount()),
            money(invoice.vat_amount),
        );
    }
    if invoice.total != statement.total() {
        report(
            DiscrepancyCode::TotalMismatch,
            "total",
            money(statement.total()),
            money(invoice.total),
        );
    }
    let accepted = vat.accepted_mentions();
    let is_any = |list: &[&str], written: &str| list.iter().any(|m| is_mention(written, m));
    if vat.mention_required() && !invoice.mentions.iter().any(|m| is_any(accepted, m)) {
        // The mentions to write, in the company's languages (the others are accepted too).
        let expected = accepted.iter().take(2).copied().collect::<Vec<_>>().join(" | ");
        report(
            DiscrepancyCode::MissingVatMention,
            "mentions",
            Some(expected),
            None,
        );
    }
    for mention in &invoice.mentions {
        if is_any(&KNOWN_MENTIONS, mention) && !is_any(accepted, mention) {
            report(
                DiscrepancyCode::WrongVatMention,
                "mentions",
                None,
                Some(mention.clone()),
            );
        }
    }
    InvoiceCheck {
        invoice_number: invoice.invoice_number.clone(),
        discrepancies: found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_lists_every_code_once_in_order() {
        assert_eq!(
            DiscrepancyCode::ALL.to_vec(),
            CODES.iter().map(|(c, _, _)| *c).collect::<Vec<_>>()
        );
        for code in DiscrepancyCode::ALL {
            assert!(!code.as_str().is_empty() && !code.message(Lang::Fr).is_empty());
        }
    }
}
