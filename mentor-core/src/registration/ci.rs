//! CI: not implemented yet (placeholder so the crate builds; filled in by the registration work).

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId};
use crate::i18n::Text;

pub(super) static RULES: CountryRules = CountryRules {
    country: "CI",
    statuses: &[],
    procedure: Text::new("", ""),
    schemes: &[&NCC, &RCCM],
};

pub(super) static NCC: Scheme = Scheme {
    id: SchemeId::CiNcc,
    name: "NCC",
    title: Text::new("", ""),
    proves: Text::new("", ""),
    example: "",
    compact: clean,
    check: unfinished,
    format: |c| c.as_str().to_owned(),
};

pub(super) static RCCM: Scheme = Scheme {
    id: SchemeId::CiRccm,
    name: "RCCM",
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
