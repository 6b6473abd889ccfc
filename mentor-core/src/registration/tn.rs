//! TN: not implemented yet (placeholder so the crate builds; filled in by the registration work).

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId};
use crate::i18n::Text;

pub(super) static RULES: CountryRules = CountryRules {
    country: "TN",
    statuses: &[],
    procedure: Text::new("", ""),
    schemes: &[&MF],
};

pub(super) static MF: Scheme = Scheme {
    id: SchemeId::TnMf,
    name: "MF",
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
