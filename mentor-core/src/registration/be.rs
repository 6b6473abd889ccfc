//! BE: not implemented yet (placeholder so the crate builds; filled in by the registration work).

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId};
use crate::i18n::Text;

pub(super) static RULES: CountryRules = CountryRules {
    country: "BE",
    statuses: &[],
    procedure: Text::new("", ""),
    schemes: &[&ENTERPRISE_NUMBER],
};

pub(super) static ENTERPRISE_NUMBER: Scheme = Scheme {
    id: SchemeId::BeEnterpriseNumber,
    name: "ENTERPRISE_NUMBER",
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
