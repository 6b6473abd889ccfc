//! The signers of a contract (CON-3, `docs/esign.md`): whom each signs for, the envelope's signing
//! order, and where each stands.

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{Detail, ErrorCode};
use crate::i18n::Text;
use crate::lifecycle::{Vocabulary, format_instant};
use crate::read::{Path, Reader, present};

use super::event::MAX_ID_CHARS;

vocabulary! {
    /// Who a signer signs for. Wire names `contracting_party`, `company`.
    ///
    /// ```
    /// use mentor_core::contract::SignerRole;
    /// use mentor_core::lifecycle::Vocabulary;
    /// assert_eq!(SignerRole::ContractingParty.name(), "contracting_party");
    /// assert_eq!(SignerRole::from_name("company"), Some(SignerRole::Company));
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum SignerRole {
        /// The contracting party's signatory: the employer's (WS-2) or the mentor's business's
        /// (WS-3..5). Signs first.
        ContractingParty = "contracting_party",
        /// The company's countersignature. Signs second.
        Company = "company",
    }
}

/// The signing order of the envelope.
pub(super) const SIGNING_ORDER: [SignerRole; 2] = [SignerRole::ContractingParty, SignerRole::Company];

/// Where one signer stands. Only moves forward: `pending → viewed → signed | declined`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignerStatus {
    /// Not opened yet.
    Pending,
    /// Opened, not signed.
    Viewed,
    /// Signed (CON-3), at this instant.
    Signed {
        /// When (UTC).
        at: DateTime<Utc>,
    },
    /// Declined to sign, at this instant.
    Declined {
        /// When (UTC).
        at: DateTime<Utc>,
    },
}

impl SignerStatus {
    /// The wire name: `pending`, `viewed`, `signed` or `declined`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SignerStatus::Pending => "pending",
            SignerStatus::Viewed => "viewed",
            SignerStatus::Signed { .. } => "signed",
            SignerStatus::Declined { .. } => "declined",
        }
    }

    /// Whether the signer signed or declined: nothing moves it any more.
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(self, SignerStatus::Signed { .. } | SignerStatus::Declined { .. })
    }

    /// When the signer signed, if they did.
    #[must_use]
    pub const fn signed_at(self) -> Option<DateTime<Utc>> {
        match self {
            SignerStatus::Signed { at } => Some(at),
            _ => None,
        }
    }
}

/// One signer of a contract. Recipient ids are the provider's ids of a signer on an envelope:
/// they identify a slot, not a person, and are shown by `Debug`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    /// Who they sign for.
    pub role: SignerRole,
    /// The provider's recipient id, once known (DocuSign `recipientId`, Yousign signer id…).
    pub recipient_id: Option<String>,
    /// Where they stand.
    pub status: SignerStatus,
}

impl Signer {
    /// The wire form `{"role", "recipient_id", "status", "at"}` (`at`: when they signed or
    /// declined, else null): the signer's [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }
}

/// `{"role", "recipient_id", "status", "at"}` (`at`: when they signed or declined, else null).
impl Serialize for Signer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            role: &'static str,
            recipient_id: &'a Option<String>,
            status: &'static str,
            at: Option<String>,
        }
        let at = match self.status {
            SignerStatus::Signed { at } | SignerStatus::Declined { at } => Some(format_instant(at)),
            SignerStatus::Pending | SignerStatus::Viewed => None,
        };
        Wire {
            role: self.role.name(),
            recipient_id: &self.recipient_id,
            status: self.status.name(),
            at,
        }
        .serialize(serializer)
    }
}

/// `{"role", "recipient_id"}`, as the `drafted` event carries it.
impl Serialize for SignerSetup {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            role: &'static str,
            recipient_id: &'a Option<String>,
        }
        Wire {
            role: self.role.name(),
            recipient_id: &self.recipient_id,
        }
        .serialize(serializer)
    }
}

/// A signer as the `drafted` event sets it up: the role and, when already known, the
/// provider's recipient id. Wire form `{"role": "contracting_party", "recipient_id": "r-1"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignerSetup {
    /// Who they sign for.
    pub role: SignerRole,
    /// The provider's recipient id (at most [`MAX_ID_CHARS`] characters).
    pub recipient_id: Option<String>,
}

impl SignerSetup {
    /// Both signers, in signing order, without recipient ids (what an absent `signers` means).
    ///
    /// ```
    /// use mentor_core::contract::{SignerRole, SignerSetup};
    /// let [first, second] = SignerSetup::without_recipients();
    /// assert_eq!((first.role, second.role), (SignerRole::ContractingParty, SignerRole::Company));
    /// ```
    #[must_use]
    pub fn without_recipients() -> [SignerSetup; 2] {
        SIGNING_ORDER.map(|role| SignerSetup {
            role,
            recipient_id: None,
        })
    }
}

const TWO_SIGNERS: Text = Text::new(
    "an array of the two signers, contracting_party then company",
    "un tableau des deux signataires, contracting_party puis company",
);

/// Reads a required signer role.
pub(super) fn read_signer_role(r: &mut Reader, value: Option<&Value>, path: &Path<'_>) -> Option<SignerRole> {
    if present(value).is_none() {
        r.error(path, ErrorCode::Required);
        return None;
    }
    r.choice(value, path, SignerRole::ALL)
}

/// Reads `[{"role": "contracting_party", "recipient_id"}, {"role": "company", "recipient_id"}]`:
/// both signers in signing order (absent: both without recipient ids).
pub(super) fn read_signers(
    r: &mut Reader,
    value: Option<&Value>,
    path: &Path<'_>,
) -> Option<[SignerSetup; 2]> {
    if present(value).is_none() {
        return Some(SignerSetup::without_recipients());
    }
    let items = r.array(value, path)?;
    let [first, second] = items else {
        r.error_with(path, ErrorCode::InvalidType, Detail::Expected(TWO_SIGNERS));
        return None;
    };
    let first = read_signer_setup(r, first, &path.index(0), SignerRole::ContractingParty);
    let second = read_signer_setup(r, second, &path.index(1), SignerRole::Company);
    Some([first?, second?])
}

fn read_signer_setup(
    r: &mut Reader,
    value: &Value,
    path: &Path<'_>,
    expected: SignerRole,
) -> Option<SignerSetup> {
    let map = r.object(value, path, &["role", "recipient_id"])?;
    let role_path = path.key("role");
    let role = read_signer_role(r, map.get("role"), &role_path);
    if role.is_some_and(|role| role != expected) {
        // The envelope's order is fixed: say which role belongs at this place.
        r.error_with(
            &role_path,
            ErrorCode::InvalidEnum,
            Detail::Allowed(vec![expected.name()]),
        );
    }
    let recipient_id = r
        .text(
            map.get("recipient_id"),
            &path.key("recipient_id"),
            MAX_ID_CHARS,
            false,
        )
        .map(str::to_owned);
    Some(SignerSetup {
        role: role.filter(|role| *role == expected)?,
        recipient_id,
    })
}
