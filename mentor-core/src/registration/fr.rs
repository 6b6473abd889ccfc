//! FR: not implemented yet (placeholder so the crate builds; filled in by the registration work).

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId};
use crate::i18n::Text;

pub(super) static RULES: CountryRules = CountryRules {
    country: "FR",
    statuses: &[],
    procedure: Text::new("", ""),
    schemes: &[&SIREN, &SIRET, &VAT],
};

pub(super) static SIREN: Scheme = Scheme {
    id: SchemeId::FrSiren,
    name: "SIREN",
    title: Text::new("", ""),
    proves: Text::new("", ""),
    example: "",
    compact: clean,
    check: unfinished,
    format: |c| c.as_str().to_owned(),
};

pub(super) static SIRET: Scheme = Scheme {
    id: SchemeId::FrSiret,
    name: "SIRET",
    title: Text::new("", ""),
    proves: Text::new("", ""),
    example: "",
    compact: clean,
    check: unfinished,
    format: |c| c.as_str().to_owned(),
};

pub(super) static VAT: Scheme = Scheme {
    id: SchemeId::FrVat,
    name: "VAT",
    title: Text::new("", ""),
    proves: Text::new("", ""),
    example: "",
    compact: clean,
    check: unfinished,
    format: |c| c.as_str().to_owned(),
};

fn unfinished(_: &Compact) -> Result<(), InvalidReason> {
    Err(InvalidReason::InvalidFormat)
}
