//! US: not implemented yet (placeholder so the crate builds; filled in by the registration work).

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId};
use crate::i18n::Text;

pub(super) static RULES: CountryRules = CountryRules {
    country: "US",
    statuses: &[],
    procedure: Text::new("", ""),
    schemes: &[&EIN],
};

pub(super) static EIN: Scheme = Scheme {
    id: SchemeId::UsEin,
    name: "EIN",
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
