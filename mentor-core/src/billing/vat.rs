//! The VAT treatment of the invoice the company receives (`docs/billing.md`).
//!
//! The company is established in France. A mentoring session is a service supplied to a
//! taxable person (business to business), so it is taxed where the customer is established:
//! in France (EU VAT Directive 2006/112/EC art. 44; CGI art. 259-1°). Who pays that French
//! VAT, and what the invoice must say, depends on the supplier (the invoicing party):
//!
//! | supplier | treatment | VAT on the invoice | mandatory mention | source |
//! |---|---|---|---|---|
//! | in France, under the VAT franchise | [`VatTreatment::Franchise`] | none | `TVA non applicable, art. 293 B du CGI` | CGI art. 293 B; CGI annexe II art. 242 nonies A, I-13° |
//! | in France, registered for VAT | [`VatTreatment::FrenchVat`] | French VAT at 20% | none | CGI art. 278 (standard rate) |
//! | in another EU member state | [`VatTreatment::ReverseCharge`] | none: the customer self-assesses | `Reverse charge` (en) / `Autoliquidation` (fr) | Directive art. 196; mention art. 226(11a) |
//! | outside the EU | [`VatTreatment::OutsideEu`] | none: the customer self-assesses | none required | Directive art. 196 |
//!
//! Under WS-2 the employer invoices, with its own VAT status: the same table applies to it.
//!
//! Reading for a supplier outside the EU: the invoice carries no French VAT and the company
//! self-assesses it (art. 196 covers any supplier not established in France). No mention is
//! required by this library: the invoicing rules of art. 226 bind invoices issued under a
//! member state's law, and art. 219a(2)(a)(i) hands a reverse-charged supply to the rules of
//! the supplier's own state, which for a supplier outside the EU is no member state. The
//! literal fallback of art. 219a(1) (French rules, hence `Autoliquidation`) is not applied;
//! an invoice that carries `Autoliquidation` or `Reverse charge` anyway is accepted.
//!
//! Not covered: the EU's special territories outside its VAT area (art. 6: Canary Islands,
//! Åland, the French overseas departments…), Monaco (treated as France by art. 7), and VAT
//! rates other than the French standard rate.

use rust_decimal::Decimal;

use crate::country::CountryCode;
use crate::i18n::{Lang, Text};
use crate::money::Currency;

use super::party::{InvoicingParty, VatStatus};

/// The 27 member states of the European Union as of 2026, as ISO 3166-1 alpha-2 codes (Greece
/// is `GR` here, `EL` in VAT numbers). Source: the EU's list of member countries,
/// <https://european-union.europa.eu/principles-countries-history/eu-countries_en> (the
/// United Kingdom left on 2020-01-31; no state has joined since Croatia on 2013-07-01).
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
    "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Whether `country` is a member state of the EU (see [`EU_MEMBER_STATES`]).
///
/// ```
/// use mentor_core::billing::is_eu_member;
/// use mentor_core::CountryCode;
/// assert!(is_eu_member(CountryCode::parse("BE").unwrap()));
/// assert!(!is_eu_member(CountryCode::parse("GB").unwrap()));
/// assert!(!is_eu_member(CountryCode::parse("CH").unwrap()));
/// ```
#[must_use]
pub fn is_eu_member(country: CountryCode) -> bool {
    EU_MEMBER_STATES.binary_search(&country.as_str()).is_ok()
}

/// The French standard VAT rate, 20% (CGI art. 278).
pub const FRENCH_STANDARD_RATE: Decimal = Decimal::from_parts(20, 0, 0, false, 2);

/// The mention of the French VAT franchise, word for word (CGI art. 293 B; CGI annexe II
/// art. 242 nonies A, I-13°).
pub const FRANCHISE_MENTION: &str = "TVA non applicable, art. 293 B du CGI";

/// The reverse-charge mention in English (EU VAT Directive art. 226(11a)).
pub const REVERSE_CHARGE_MENTION_EN: &str = "Reverse charge";

/// The reverse-charge mention in French (art. 226(11a) as transposed: CGI annexe II art. 242
/// nonies A, I-13°).
pub const REVERSE_CHARGE_MENTION_FR: &str = "Autoliquidation";

/// The reverse-charge mention of EU VAT Directive art. 226(11a) in each of the 24 official
/// languages of the EU, as its language versions word it (inserted by Directive 2010/45/EU,
/// published in every language in OJ L 189 of 22.7.2010). An invoice follows the invoicing
/// rules of its supplier's member state (art. 219a(2)(a)(i)), so a German supplier writes
/// `Steuerschuldnerschaft des Leistungsempfängers`: every one of them is accepted. Sorted by
/// language code; English and French first are [`REVERSE_CHARGE_MENTION_EN`] and
/// [`REVERSE_CHARGE_MENTION_FR`].
pub const REVERSE_CHARGE_MENTIONS: [&str; 24] = [
    REVERSE_CHARGE_MENTION_EN,                       // en
    REVERSE_CHARGE_MENTION_FR,                       // fr
    "Обратно начисляване",                           // bg
    "Daň odvede zákazník",                           // cs
    "Omvendt betalingspligt",                        // da
    "Steuerschuldnerschaft des Leistungsempfängers", // de
    "Αντίστροφη επιβάρυνση",                         // el
    "Inversión del sujeto pasivo",                   // es
    "Pöördmaksustamine",                             // et
    "Käännetty verovelvollisuus",                    // fi
    "Aisiompú muirir",                               // ga
    "Prijenos porezne obveze",                       // hr
    "Fordított adózás",                              // hu
    "Inversione contabile",                          // it
    "Atvirkštinis apmokestinimas",                   // lt
    "Nodokļa apgrieztā maksāšana",                   // lv
    "Inverżjoni tal-ħlas",                           // mt
    "Btw verlegd",                                   // nl
    "Odwrotne obciążenie",                           // pl
    "Autoliquidação",                                // pt
    "Taxare inversă",                                // ro
    "Prenesenie daňovej povinnosti",                 // sk
    "Obrnjena davčna obveznost",                     // sl
    "Omvänd betalningsskyldighet",                   // sv
];

/// Every VAT mention the library knows: a mention of this list that the treatment does not
/// accept is a wrong mention.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
pub const KNOWN_MENTIONS: [&str; 25] = {
    let mut all = [FRANCHISE_MENTION; 25];
    let mut i = 0;
    while i < REVERSE_CHARGE_MENTIONS.len() {
        all[i + 1] = REVERSE_CHARGE_MENTIONS[i];
        i += 1;
    }
    all
};

/// Whether an invoice's mention is `mention`: word for word, case included, once the spaces
/// around it are trimmed. Mentions are legal formulas; a variant is left for a person to
/// accept (`docs/billing.md`).
#[must_use]
pub fn is_mention(written: &str, mention: &str) -> bool {
    written.trim() == mention
}

vocabulary! {
    /// How VAT applies to the invoice the company receives (`docs/billing.md`; see the module's table).
    /// Wire names `franchise`, `french_vat`, `reverse_charge`, `outside_eu`.
    ///
    /// ```
    /// use mentor_core::billing::{InvoicingParty, VatTreatment};
    /// use mentor_core::Lang;
    /// let party = InvoicingParty::from_json(&serde_json::json!({
    ///     "party": "mentor_business", "country": "BE", "registration_number": "0403.019.261", "vat": "registered",
    /// })).unwrap();
    /// let vat = VatTreatment::of(&party);
    /// assert_eq!(vat, VatTreatment::ReverseCharge);
    /// assert_eq!(vat.mention(Lang::Fr), Some("Autoliquidation"));
    /// assert_eq!(vat.mention(Lang::En), Some("Reverse charge"));
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum VatTreatment {
        /// A French supplier under the *franchise en base*: no VAT, mention
        /// [`FRANCHISE_MENTION`] (CGI art. 293 B).
        Franchise = "franchise",
        /// A French supplier registered for VAT: French VAT at [`FRENCH_STANDARD_RATE`] (CGI
        /// art. 278).
        FrenchVat = "french_vat",
        /// A supplier established in another EU member state: no VAT on the invoice, the customer
        /// self-assesses it (EU VAT Directive art. 196); mention "Reverse charge" /
        /// "Autoliquidation" (art. 226(11a)).
        ReverseCharge = "reverse_charge",
        /// A supplier established outside the EU: no French VAT on the invoice, the customer
        /// self-assesses it (EU VAT Directive art. 196); no mention required (see the module's
        /// reading).
        OutsideEu = "outside_eu",
    }
}

impl VatTreatment {
    /// The treatment of an invoice from `supplier` to the company (established in France).
    /// Implements BIL-1 (`docs/billing.md`) per EU VAT Directive art. 44 and 196 and CGI art. 293 B.
    ///
    /// ```
    /// use mentor_core::billing::{InvoicingParty, VatTreatment};
    /// let party = |country: &str, number: &str, vat: &str| InvoicingParty::from_json(&serde_json::json!({
    ///     "party": "mentor_business", "country": country, "registration_number": number, "vat": vat,
    /// })).unwrap();
    /// assert_eq!(VatTreatment::of(&party("FR", "73282932000074", "franchise")), VatTreatment::Franchise);
    /// assert_eq!(VatTreatment::of(&party("FR", "73282932000074", "registered")), VatTreatment::FrenchVat);
    /// assert_eq!(VatTreatment::of(&party("US", "12-3456789", "not_registered")), VatTreatment::OutsideEu);
    /// ```
    #[must_use]
    pub fn of(supplier: &InvoicingParty) -> VatTreatment {
        let country = supplier.country();
        if country.as_str() == "FR" {
            // `not_registered` cannot be read for a French party; were it built otherwise, the
            // safe reading is that VAT is due.
            match supplier.vat() {
                VatStatus::Franchise => VatTreatment::Franchise,
                VatStatus::Registered { .. } | VatStatus::NotRegistered => VatTreatment::FrenchVat,
            }
        } else if is_eu_member(country) {
            VatTreatment::ReverseCharge
        } else {
            VatTreatment::OutsideEu
        }
    }

    /// The VAT rate charged on the invoice: 20% for [`VatTreatment::FrenchVat`] (CGI art. 278),
    /// 0 otherwise.
    ///
    /// ```
    /// use mentor_core::billing::VatTreatment;
    /// assert_eq!(VatTreatment::FrenchVat.rate().to_string(), "0.20");
    /// assert!(VatTreatment::ReverseCharge.rate().is_zero());
    /// ```
    #[must_use]
    pub const fn rate(self) -> Decimal {
        match self {
            VatTreatment::FrenchVat => FRENCH_STANDARD_RATE,
            VatTreatment::Franchise | VatTreatment::ReverseCharge | VatTreatment::OutsideEu => Decimal::ZERO,
        }
    }

    /// The VAT on `total_excluding_vat`: the rate times the total, rounded to `currency`'s
    /// minor unit half away from zero (`docs/billing.md`); `None` only if it does not fit a decimal.
    ///
    /// ```
    /// use mentor_core::billing::VatTreatment;
    /// use mentor_core::money::Currency;
    /// use rust_decimal::Decimal;
    /// let eur = Currency::parse("EUR").unwrap();
    /// assert_eq!(VatTreatment::FrenchVat.vat_on(Decimal::new(17775, 2), eur), Some(Decimal::new(3555, 2)));
    /// assert_eq!(VatTreatment::Franchise.vat_on(Decimal::new(17775, 2), eur), Some(Decimal::ZERO));
    /// ```
    #[must_use]
    pub fn vat_on(self, total_excluding_vat: Decimal, currency: Currency) -> Option<Decimal> {
        total_excluding_vat
            .checked_mul(self.rate())
            .map(|vat| currency.round(vat))
    }

    /// The mandatory mention, in `lang` where the law gives it in both (reverse charge, EU VAT
    /// Directive art. 226(11a)); the franchise mention is French law's wording in both
    /// languages (CGI art. 293 B). `None` when no mention is required.
    ///
    /// ```
    /// use mentor_core::billing::VatTreatment;
    /// use mentor_core::Lang;
    /// assert_eq!(VatTreatment::Franchise.mention(Lang::En), Some("TVA non applicable, art. 293 B du CGI"));
    /// assert_eq!(VatTreatment::OutsideEu.mention(Lang::Fr), None);
    /// ```
    #[must_use]
    pub const fn mention(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (VatTreatment::Franchise, _) => Some(FRANCHISE_MENTION),
            (VatTreatment::ReverseCharge, Lang::En) => Some(REVERSE_CHARGE_MENTION_EN),
            (VatTreatment::ReverseCharge, Lang::Fr) => Some(REVERSE_CHARGE_MENTION_FR),
            (VatTreatment::FrenchVat | VatTreatment::OutsideEu, _) => None,
        }
    }

    /// Whether the invoice must carry one of [`VatTreatment::accepted_mentions`].
    #[must_use]
    pub const fn mention_required(self) -> bool {
        matches!(self, VatTreatment::Franchise | VatTreatment::ReverseCharge)
    }

    /// The mentions an invoice of this treatment may carry (compared by [`is_mention`]): the
    /// franchise's in French law's words; for a reverse charge, the art. 226(11a) mention in
    /// any official EU language ([`REVERSE_CHARGE_MENTIONS`]), which for a supplier outside
    /// the EU is true too.
    ///
    /// ```
    /// use mentor_core::billing::VatTreatment;
    /// let accepted = VatTreatment::ReverseCharge.accepted_mentions();
    /// assert_eq!(accepted[..2], ["Reverse charge", "Autoliquidation"]);
    /// assert!(accepted.contains(&"Steuerschuldnerschaft des Leistungsempfängers"));
    /// assert!(VatTreatment::FrenchVat.accepted_mentions().is_empty());
    /// ```
    #[must_use]
    pub const fn accepted_mentions(self) -> &'static [&'static str] {
        match self {
            VatTreatment::Franchise => &[FRANCHISE_MENTION],
            VatTreatment::FrenchVat => &[],
            VatTreatment::ReverseCharge | VatTreatment::OutsideEu => &REVERSE_CHARGE_MENTIONS,
        }
    }

    /// The public source the treatment implements.
    ///
    /// ```
    /// use mentor_core::billing::VatTreatment;
    /// assert!(VatTreatment::ReverseCharge.source().contains("art. 44, 196, 226(11a)"));
    /// ```
    #[must_use]
    pub const fn source(self) -> &'static str {
        match self {
            VatTreatment::Franchise => "CGI art. 293 B; CGI annexe II art. 242 nonies A, I-13°",
            VatTreatment::FrenchVat => "CGI art. 278; EU VAT Directive 2006/112/EC art. 44",
            VatTreatment::ReverseCharge => "EU VAT Directive 2006/112/EC art. 44, 196, 226(11a)",
            VatTreatment::OutsideEu => "EU VAT Directive 2006/112/EC art. 44, 196",
        }
    }

    /// What the treatment means for the invoice, in `lang`.
    ///
    /// ```
    /// use mentor_core::billing::VatTreatment;
    /// use mentor_core::Lang;
    /// assert!(VatTreatment::OutsideEu.explanation(Lang::Fr).contains("autoliquide"));
    /// ```
    #[must_use]
    pub const fn explanation(self, lang: Lang) -> &'static str {
        let text = match self {
            VatTreatment::Franchise => Text::new(
                "no VAT: the supplier is a French business under the VAT franchise (franchise en base); the invoice must carry the mention",
                "pas de TVA : le fournisseur est une entreprise française en franchise en base de TVA ; la facture doit porter la mention",
            ),
            VatTreatment::FrenchVat => Text::new(
                "French VAT at 20%: the supplier is a French business registered for VAT",
                "TVA française à 20 % : le fournisseur est une entreprise française assujettie à la TVA",
            ),
            VatTreatment::ReverseCharge => Text::new(
                "no VAT on the invoice: the supplier is established in another EU member state, the company self-assesses the VAT (reverse charge); the invoice must carry the mention",
                "pas de TVA sur la facture : le fournisseur est établi dans un autre État membre de l'UE, l'entreprise autoliquide la TVA ; la facture doit porter la mention",
            ),
            VatTreatment::OutsideEu => Text::new(
                "no French VAT on the invoice: the supplier is established outside the EU, the company self-assesses the VAT; no mention is required",
                "pas de TVA française sur la facture : le fournisseur est établi hors de l'UE, l'entreprise autoliquide la TVA ; aucune mention n'est exigée",
            ),
        };
        text.get(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Vocabulary;

    #[test]
    fn the_member_states_are_27_sorted_assigned_codes() {
        assert_eq!(EU_MEMBER_STATES.len(), 27);
        assert!(EU_MEMBER_STATES.windows(2).all(|w| w[0] < w[1]));
        for code in EU_MEMBER_STATES {
            assert!(CountryCode::parse(code).is_some(), "{code}");
        }
    }

    #[test]
    fn the_standard_rate_is_twenty_percent() {
        assert_eq!(FRENCH_STANDARD_RATE.to_string(), "0.20");
    }

    #[test]
    fn names_round_trip() {
        for &(name, t) in VatTreatment::ALL {
            assert_eq!(t.name(), name);
            assert_eq!(VatTreatment::from_name(name), Some(t));
        }
    }
}
