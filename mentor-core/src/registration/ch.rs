//! CH: not implemented yet (placeholder so the crate builds; filled in by the registration work).

use super::number::{Compact, clean};
use super::{CountryRules, InvalidReason, Scheme, SchemeId};
use crate::i18n::Text;

pub(super) static RULES: CountryRules = CountryRules {
    country: "CH",
    statuses: &[],
    procedure: Text::new("", ""),
    schemes: &[&UID, &VAT],
};

pub(super) static UID: Scheme = Scheme {
    id: SchemeId::ChUid,
    name: "UID",
    title: Text::new("", ""),
    proves: Text::new("", ""),
    example: "",
    compact: clean,
    check: unfinished,
    format: |c| c.as_str().to_owned(),
};

pub(super) static VAT: Scheme = Scheme {
    id: SchemeId::ChVat,
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
