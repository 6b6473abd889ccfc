//! The events of a contract's log (`docs/lifecycles.md`): their types, their data and their wire form.

use chrono::NaiveDate;
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use crate::error::{ErrorCode, FieldError};
use crate::lifecycle::{Change, Vocabulary};
use crate::provider::Provider;
use crate::read::{Path, Reader, present};

use super::date::{format_date, read_date};
use super::party::{ContractingParty, read_party};
use super::signer::{SignerRole, SignerSetup, read_signer_role, read_signers};
use super::terms::{Terms, read_terms};

use ContractEventType as T;

/// The longest contract id, request id or recipient id, in characters.
pub const MAX_ID_CHARS: usize = 128;

vocabulary! {
    /// The type of a contract event (`type` on the wire).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum ContractEventType {
        /// `drafted`.
        Drafted = "drafted",
        /// `sent`.
        Sent = "sent",
        /// `viewed`.
        Viewed = "viewed",
        /// `signed`.
        Signed = "signed",
        /// `completed`.
        Completed = "completed",
        /// `declined`.
        Declined = "declined",
        /// `voided`.
        Voided = "voided",
        /// `signing_expired`.
        SigningExpired = "signing_expired",
        /// `reassigned`.
        Reassigned = "reassigned",
        /// `activated`.
        Activated = "activated",
        /// `amended`.
        Amended = "amended",
        /// `terminated`.
        Terminated = "terminated",
        /// `expired`.
        Expired = "expired",
        /// `erased`.
        Erased = "erased",
    }
}

/// What happened to a contract, with its data. Wire data keys are given per variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContractChange {
    /// The contract was written (CON-1), starting its log. Data: `contract_id`, `terms`,
    /// `contracting_party`, `signers` (optional: both roles without recipient ids),
    /// `supersedes` (optional).
    Drafted {
        /// The contract's id (at most [`MAX_ID_CHARS`] characters).
        contract_id: String,
        /// Its terms.
        terms: Terms,
        /// Who signs for the mentor's side (`docs/wire-format.md#decision`).
        contracting_party: ContractingParty,
        /// The two signers in signing order: the contracting party's, then the company's.
        signers: [SignerSetup; 2],
        /// The contract this one replaces (an amendment: its terms' version is 2 or more).
        supersedes: Option<String>,
    },
    /// Sent through the signing service (CON-2). Data: `provider`, `request_id` (both optional).
    Sent {
        /// The e-signature provider.
        provider: Option<Provider>,
        /// The envelope or signature-request id at the provider.
        request_id: Option<String>,
    },
    /// A signer opened the contract (CON-3). Data: `signer`.
    Viewed {
        /// Who.
        signer: SignerRole,
    },
    /// A signer signed (CON-3). Data: `signer`.
    Signed {
        /// Who.
        signer: SignerRole,
    },
    /// The provider says the whole envelope is complete: every signer signed.
    Completed,
    /// A signer declined to sign. Data: `signer`.
    Declined {
        /// Who.
        signer: SignerRole,
    },
    /// The contract was withdrawn before it was signed.
    Voided,
    /// The provider's signing deadline passed.
    SigningExpired,
    /// A signer's role moved to another person at the provider. Data: `signer`,
    /// `recipient_id`.
    Reassigned {
        /// Which role.
        signer: SignerRole,
        /// The provider's recipient id of the new person.
        recipient_id: String,
    },
    /// The signed contract came into force.
    Activated,
    /// A new version supersedes the contract. Data: `superseded_by`.
    Amended {
        /// The id of the contract of the new version.
        superseded_by: String,
    },
    /// The contract was terminated. Data: `effective_on` (`YYYY-MM-DD`).
    Terminated {
        /// The day the termination takes effect.
        effective_on: NaiveDate,
    },
    /// The contract reached its end date.
    Expired,
    /// The personal data in the log before this event was removed ([`erase`](super::erase),
    /// GDPR art. 17). From every state, back to the same state; no data.
    Erased,
}

impl ContractChange {
    /// The signer an event is about, for the events that name one.
    pub(super) fn signer(&self) -> Option<SignerRole> {
        match self {
            ContractChange::Viewed { signer }
            | ContractChange::Signed { signer }
            | ContractChange::Declined { signer }
            | ContractChange::Reassigned { signer, .. } => Some(*signer),
            _ => None,
        }
    }
}

pub(super) fn is_id(id: &str) -> bool {
    !id.trim().is_empty() && id.chars().nth(MAX_ID_CHARS).is_none()
}

impl Change for ContractChange {
    type Type = ContractEventType;

    fn event_type(&self) -> T {
        match self {
            ContractChange::Drafted { .. } => T::Drafted,
            ContractChange::Sent { .. } => T::Sent,
            ContractChange::Viewed { .. } => T::Viewed,
            ContractChange::Signed { .. } => T::Signed,
            ContractChange::Completed => T::Completed,
            ContractChange::Declined { .. } => T::Declined,
            ContractChange::Voided => T::Voided,
            ContractChange::SigningExpired => T::SigningExpired,
            ContractChange::Reassigned { .. } => T::Reassigned,
            ContractChange::Activated => T::Activated,
            ContractChange::Amended { .. } => T::Amended,
            ContractChange::Terminated { .. } => T::Terminated,
            ContractChange::Expired => T::Expired,
            ContractChange::Erased => T::Erased,
        }
    }

    fn keys(ty: T) -> &'static [&'static str] {
        match ty {
            T::Drafted => &[
                "contract_id",
                "terms",
                "contracting_party",
                "signers",
                "supersedes",
            ],
            T::Sent => &["provider", "request_id"],
            T::Viewed | T::Signed | T::Declined => &["signer"],
            T::Reassigned => &["signer", "recipient_id"],
            T::Amended => &["superseded_by"],
            T::Terminated => &["effective_on"],
            T::Completed | T::Voided | T::SigningExpired | T::Activated | T::Expired | T::Erased => &[],
        }
    }

    fn read(ty: T, map: &Map<String, Value>) -> Result<Self, Vec<FieldError>> {
        let mut r = Reader::new();
        let root = Path::Root;
        let id = |r: &mut Reader, key: &'static str| {
            r.required_text(map.get(key), &root.key(key), MAX_ID_CHARS)
                .map(str::to_owned)
        };
        let signer = |r: &mut Reader| read_signer_role(r, map.get("signer"), &root.key("signer"));
        let change = match ty {
            T::Drafted => read_drafted(&mut r, map, &root),
            T::Sent => {
                let provider = r.choice(map.get("provider"), &root.key("provider"), Provider::ALL);
                let request_id = r
                    .text(
                        map.get("request_id"),
                        &root.key("request_id"),
                        MAX_ID_CHARS,
                        false,
                    )
                    .map(str::to_owned);
                Some(ContractChange::Sent { provider, request_id })
            }
            T::Viewed => signer(&mut r).map(|signer| ContractChange::Viewed { signer }),
            T::Signed => signer(&mut r).map(|signer| ContractChange::Signed { signer }),
            T::Completed => Some(ContractChange::Completed),
            T::Declined => signer(&mut r).map(|signer| ContractChange::Declined { signer }),
            T::Voided => Some(ContractChange::Voided),
            T::SigningExpired => Some(ContractChange::SigningExpired),
            T::Reassigned => {
                let role = signer(&mut r);
                let recipient_id = id(&mut r, "recipient_id");
                role.zip(recipient_id)
                    .map(|(signer, recipient_id)| ContractChange::Reassigned { signer, recipient_id })
            }
            T::Activated => Some(ContractChange::Activated),
            T::Amended => {
                id(&mut r, "superseded_by").map(|superseded_by| ContractChange::Amended { superseded_by })
            }
            T::Terminated => read_date(&mut r, map.get("effective_on"), &root.key("effective_on"), true)
                .map(|effective_on| ContractChange::Terminated { effective_on }),
            T::Expired => Some(ContractChange::Expired),
            T::Erased => Some(ContractChange::Erased),
        };
        r.finish(change).map_err(|e| e.errors)
    }

    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        match self {
            ContractChange::Drafted {
                contract_id,
                terms,
                contracting_party,
                signers,
                supersedes,
            } => {
                map.serialize_entry("contract_id", contract_id)?;
                map.serialize_entry("terms", terms)?;
                map.serialize_entry("contracting_party", contracting_party)?;
                map.serialize_entry("signers", signers)?;
                map.serialize_entry("supersedes", supersedes)
            }
            ContractChange::Sent { provider, request_id } => {
                map.serialize_entry("provider", &provider.map(Provider::name))?;
                map.serialize_entry("request_id", request_id)
            }
            ContractChange::Viewed { signer }
            | ContractChange::Signed { signer }
            | ContractChange::Declined { signer } => map.serialize_entry("signer", signer.name()),
            ContractChange::Reassigned { signer, recipient_id } => {
                map.serialize_entry("signer", signer.name())?;
                map.serialize_entry("recipient_id", recipient_id)
            }
            ContractChange::Amended { superseded_by } => map.serialize_entry("superseded_by", superseded_by),
            ContractChange::Terminated { effective_on } => {
                map.serialize_entry("effective_on", &format_date(*effective_on))
            }
            ContractChange::Completed
            | ContractChange::Voided
            | ContractChange::SigningExpired
            | ContractChange::Activated
            | ContractChange::Expired
            | ContractChange::Erased => Ok(()),
        }
    }
}

fn read_drafted(r: &mut Reader, map: &Map<String, Value>, root: &Path<'_>) -> Option<ContractChange> {
    let contract_id = r
        .required_text(map.get("contract_id"), &root.key("contract_id"), MAX_ID_CHARS)
        .map(str::to_owned);
    let terms_path = root.key("terms");
    let terms = match present(map.get("terms")) {
        Some(v) => read_terms(r, v, &terms_path),
        None => {
            r.error(&terms_path, ErrorCode::Required);
            None
        }
    };
    let party_path = root.key("contracting_party");
    let contracting_party = match present(map.get("contracting_party")) {
        Some(v) => read_party(r, v, &party_path),
        None => {
            r.error(&party_path, ErrorCode::Required);
            None
        }
    };
    let signers = read_signers(r, map.get("signers"), &root.key("signers"));
    let supersedes = r
        .text(
            map.get("supersedes"),
            &root.key("supersedes"),
            MAX_ID_CHARS,
            false,
        )
        .map(str::to_owned);
    Some(ContractChange::Drafted {
        contract_id: contract_id?,
        terms: terms?,
        contracting_party: contracting_party?,
        signers: signers?,
        supersedes,
    })
}
