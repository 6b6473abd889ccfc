//! The contract's lifecycle (`docs/lifecycles.md`): its states, its one transition table, and the
//! contract as the fold of its events.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::ser::SerializeMap;

use crate::i18n::Text;
use crate::lifecycle::{
    Aggregate, Change, Event, Guard, Refusal, Refused, Rejected, Transition, Vocabulary, check_order,
    format_instant, guarded, row,
};
use crate::provider::Provider;

use super::date::format_date;
use super::event::{ContractChange, ContractEventType, is_id};
use super::party::ContractingParty;
use super::signer::{SIGNING_ORDER, Signer, SignerRole, SignerStatus};
use super::terms::Terms;

use ContractEventType as T;
use ContractState as S;

vocabulary! {
    /// Where a contract stands (`docs/lifecycles.md`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum ContractState {
        /// Written, not sent yet (CON-1).
        Draft = "draft",
        /// Sent through the signing service (CON-2).
        Sent = "sent",
        /// A signer opened it (CON-3).
        Viewed = "viewed",
        /// One signer signed, the other has still to.
        PartiallySigned = "partially_signed",
        /// Both signed (CON-3).
        Signed = "signed",
        /// In force.
        Active = "active",
        /// Superseded by a new version.
        Amended = "amended",
        /// Ended by one side, with notice.
        Terminated = "terminated",
        /// Reached its end date.
        Expired = "expired",
        /// A signer declined to sign.
        Declined = "declined",
        /// Withdrawn before it was signed.
        Voided = "voided",
        /// Not signed in time at the provider.
        SigningExpired = "signing_expired",
    }
}

const TRANSITIONS: [Transition<S, T>; 43] = [
    Transition {
        from: None,
        event: T::Drafted,
        to: S::Draft,
        guard: Guard::Always,
    },
    row(S::Draft, T::Sent, S::Sent),
    row(S::Sent, T::Viewed, S::Viewed),
    guarded(S::Sent, T::Signed, S::PartiallySigned, Guard::SignersPending),
    guarded(S::Sent, T::Signed, S::Signed, Guard::LastSigner),
    row(S::Sent, T::Completed, S::Signed),
    row(S::Sent, T::Declined, S::Declined),
    row(S::Sent, T::Voided, S::Voided),
    row(S::Sent, T::SigningExpired, S::SigningExpired),
    row(S::Sent, T::Reassigned, S::Sent),
    row(S::Viewed, T::Viewed, S::Viewed),
    guarded(S::Viewed, T::Signed, S::PartiallySigned, Guard::SignersPending),
    guarded(S::Viewed, T::Signed, S::Signed, Guard::LastSigner),
    row(S::Viewed, T::Completed, S::Signed),
    row(S::Viewed, T::Declined, S::Declined),
    row(S::Viewed, T::Voided, S::Voided),
    row(S::Viewed, T::SigningExpired, S::SigningExpired),
    row(S::Viewed, T::Reassigned, S::Viewed),
    row(S::PartiallySigned, T::Viewed, S::PartiallySigned),
    guarded(
        S::PartiallySigned,
        T::Signed,
        S::PartiallySigned,
        Guard::SignersPending,
    ),
    guarded(S::PartiallySigned, T::Signed, S::Signed, Guard::LastSigner),
    row(S::PartiallySigned, T::Completed, S::Signed),
    row(S::PartiallySigned, T::Declined, S::Declined),
    row(S::PartiallySigned, T::Voided, S::Voided),
    row(S::PartiallySigned, T::SigningExpired, S::SigningExpired),
    row(S::PartiallySigned, T::Reassigned, S::PartiallySigned),
    row(S::Signed, T::Completed, S::Signed),
    row(S::Signed, T::Activated, S::Active),
    row(S::Active, T::Amended, S::Amended),
    row(S::Active, T::Terminated, S::Terminated),
    row(S::Active, T::Expired, S::Expired),
    // Erasure (GDPR art. 17) changes no state, and no signer's status.
    row(S::Draft, T::Erased, S::Draft),
    row(S::Sent, T::Erased, S::Sent),
    row(S::Viewed, T::Erased, S::Viewed),
    row(S::PartiallySigned, T::Erased, S::PartiallySigned),
    row(S::Signed, T::Erased, S::Signed),
    row(S::Active, T::Erased, S::Active),
    row(S::Amended, T::Erased, S::Amended),
    row(S::Terminated, T::Erased, S::Terminated),
    row(S::Expired, T::Erased, S::Expired),
    row(S::Declined, T::Erased, S::Declined),
    row(S::Voided, T::Erased, S::Voided),
    row(S::SigningExpired, T::Erased, S::SigningExpired),
];

/// What the `drafted` event set, which every later event keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Document {
    pub(super) id: String,
    pub(super) terms: Terms,
    pub(super) contracting_party: ContractingParty,
    signers: [Signer; 2],
    supersedes: Option<String>,
}

/// A contract: the fold of its events (`docs/lifecycles.md`). `Default` is the empty log: no state, no
/// terms, no signers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contract {
    pub(super) state: Option<ContractState>,
    pub(super) document: Option<Document>,
    provider: Option<Provider>,
    request_id: Option<String>,
    superseded_by: Option<String>,
    terminated_on: Option<NaiveDate>,
    last_at: Option<DateTime<Utc>>,
}

const BLANK_ID: Text = Text::new(
    "an id is 1 to 128 characters and not blank",
    "un identifiant compte de 1 à 128 caractères et n'est pas vide",
);
const SIGNERS_OUT_OF_ORDER: Text = Text::new(
    "the signers are the contracting party's signatory, then the company's countersignature",
    "les signataires sont celui de la partie contractante, puis le contreseing de l'entreprise",
);
const SUPERSEDES_ITSELF: Text = Text::new(
    "a contract cannot supersede itself",
    "un contrat ne peut se remplacer lui-même",
);
const AMENDMENT_VERSION: Text = Text::new(
    "a contract that supersedes another has terms of version 2 or more",
    "un contrat qui en remplace un autre a des conditions de version 2 ou plus",
);
const NO_END_DATE: Text = Text::new(
    "the contract has no end date, so it cannot expire",
    "le contrat n'a pas de date de fin, il ne peut donc pas expirer",
);

impl Contract {
    /// The contract's id.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.document.as_ref().map(|d| d.id.as_str())
    }

    /// The terms (CON-1).
    #[must_use]
    pub fn terms(&self) -> Option<&Terms> {
        self.document.as_ref().map(|d| &d.terms)
    }

    /// Who signs for the mentor's side (`docs/wire-format.md#decision`).
    #[must_use]
    pub fn contracting_party(&self) -> Option<&ContractingParty> {
        self.document.as_ref().map(|d| &d.contracting_party)
    }

    /// The signers in signing order: the contracting party's, then the company's; empty
    /// before the contract is drafted.
    #[must_use]
    pub fn signers(&self) -> &[Signer] {
        self.document.as_ref().map_or(&[], |d| &d.signers)
    }

    /// The signer for `role`.
    #[must_use]
    pub fn signer(&self, role: SignerRole) -> Option<&Signer> {
        self.signers().iter().find(|s| s.role == role)
    }

    /// The signer whose provider recipient id is `recipient_id` (`docs/esign.md`: signers are
    /// matched by the provider's id, never by e-mail).
    ///
    /// ```
    /// use mentor_core::contract::Contract;
    /// assert!(Contract::default().signer_by_recipient("r-1").is_none());
    /// ```
    #[must_use]
    pub fn signer_by_recipient(&self, recipient_id: &str) -> Option<&Signer> {
        self.signers()
            .iter()
            .find(|s| s.recipient_id.as_deref() == Some(recipient_id))
    }

    /// Whether every signer signed (CON-3).
    #[must_use]
    pub fn is_fully_signed(&self) -> bool {
        !self.signers().is_empty() && self.signers().iter().all(|s| s.status.signed_at().is_some())
    }

    /// When the signer for `role` signed (UTC).
    #[must_use]
    pub fn signed_on(&self, role: SignerRole) -> Option<DateTime<Utc>> {
        self.signer(role).and_then(|s| s.status.signed_at())
    }

    /// The day the signer for `role` signed, on their own calendar in `zone`: a signature at
    /// 23:30 UTC by a signer in Asia/Kolkata is dated the next day there.
    ///
    /// ```
    /// # use mentor_core::contract::{Contract, ContractChange, ContractingParty, SignerRole, SignerSetup, Terms};
    /// # use mentor_core::eligibility::Party;
    /// # use mentor_core::lifecycle::{Actor, Aggregate, Event};
    /// # use mentor_core::CountryCode;
    /// # let terms = Terms::from_json(&serde_json::json!({"version": 1, "currency": "EUR",
    /// #     "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})).unwrap();
    /// # let party = ContractingParty { party: Party::Employer, country: CountryCode::parse("IN").unwrap(), registration: None };
    /// # let at = "2026-11-20T09:00:00Z".parse().unwrap();
    /// # let mut contract = Contract::default();
    /// # contract.apply(&Event { at, actor: Actor::System, change: ContractChange::Drafted {
    /// #     contract_id: "c-1".into(), terms, contracting_party: party,
    /// #     signers: SignerSetup::without_recipients(), supersedes: None } }).unwrap();
    /// # contract.apply(&Event { at, actor: Actor::System, change: ContractChange::Sent { provider: None, request_id: None } }).unwrap();
    /// let late = "2026-11-20T23:30:00Z".parse().unwrap();
    /// let signed = ContractChange::Signed { signer: SignerRole::ContractingParty };
    /// contract.apply(&Event { at: late, actor: Actor::Candidate, change: signed }).unwrap();
    /// let day = contract.signed_on_local(SignerRole::ContractingParty, chrono_tz::Asia::Kolkata).unwrap();
    /// assert_eq!(day.to_string(), "2026-11-21");
    /// ```
    #[must_use]
    pub fn signed_on_local(&self, role: SignerRole, zone: Tz) -> Option<NaiveDate> {
        self.signed_on(role)
            .map(|at| at.with_timezone(&zone).date_naive())
    }

    /// The e-signature provider it was sent through (CON-2).
    #[must_use]
    pub fn provider(&self) -> Option<Provider> {
        self.provider
    }

    /// The envelope or signature-request id at the provider.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The contract this one replaces.
    #[must_use]
    pub fn supersedes(&self) -> Option<&str> {
        self.document.as_ref().and_then(|d| d.supersedes.as_deref())
    }

    /// The contract that replaced this one.
    #[must_use]
    pub fn superseded_by(&self) -> Option<&str> {
        self.superseded_by.as_deref()
    }

    /// The day a termination takes effect.
    #[must_use]
    pub fn terminated_on(&self) -> Option<NaiveDate> {
        self.terminated_on
    }

    /// When the last event happened.
    #[must_use]
    pub fn last_event_at(&self) -> Option<DateTime<Utc>> {
        self.last_at
    }

    /// The application event that a contract event implies (`docs/lifecycles.md`: sending the contract
    /// moves the application to `contract_sent`, the last signature to `contract_signed`),
    /// given the contract's state before that event and the contract after it. Call it after
    /// each accepted contract event and apply what it returns to the application.
    ///
    /// An amendment's contract (one that [`supersedes`](Self::supersedes) another) moves
    /// nothing: the application followed the first contract and is past `contract_signed`
    /// by then (`docs/lifecycles.md`: an amendment replaces an active contract).
    ///
    /// ```
    /// use mentor_core::contract::{Contract, ContractState};
    /// use mentor_core::recruitment::ApplicationChange;
    /// // Nothing happened to an empty contract, so nothing happens to the application.
    /// assert_eq!(Contract::default().application_change(None), None);
    /// ```
    #[must_use]
    pub fn application_change(
        &self,
        before: Option<ContractState>,
    ) -> Option<crate::recruitment::ApplicationChange> {
        use crate::recruitment::ApplicationChange;
        if self.supersedes().is_some() {
            return None;
        }
        let contract_id = self.id()?.to_owned();
        match (before, self.state?) {
            (Some(ContractState::Draft), ContractState::Sent) => {
                Some(ApplicationChange::ContractSent { contract_id })
            }
            (Some(b), ContractState::Signed) if b != ContractState::Signed => {
                Some(ApplicationChange::ContractSigned { contract_id })
            }
            _ => None,
        }
    }

    /// Whether `guard` holds for a signature by `role`: the last signature when every other
    /// signer has signed, otherwise others are still to sign.
    fn guard_holds_for(&self, guard: Guard, role: SignerRole) -> bool {
        let mut others = self.signers().iter().filter(|s| s.role != role);
        match guard {
            Guard::Always => true,
            Guard::CameFrom => false,
            Guard::LastSigner => others.all(|s| s.status.signed_at().is_some()),
            Guard::SignersPending => others.any(|s| s.status.signed_at().is_none()),
        }
    }

    /// The state the table leads to for `event` about `role` (the guards of a signature
    /// depend on who signs).
    fn next_state_for(&self, event: T, role: Option<SignerRole>) -> Option<S> {
        let Some(role) = role else {
            return self.next_state(event);
        };
        TRANSITIONS
            .iter()
            .find(|t| t.from == self.state && t.event == event && self.guard_holds_for(t.guard, role))
            .map(|t| t.to)
    }

    /// What in the event's data contradicts the contract, if anything.
    fn contradiction(&self, change: &ContractChange) -> Option<Text> {
        match change {
            ContractChange::Drafted {
                contract_id,
                terms,
                signers,
                supersedes,
                ..
            } => {
                if !is_id(contract_id) || supersedes.as_deref().is_some_and(|s| !is_id(s)) {
                    Some(BLANK_ID)
                } else if signers.iter().map(|s| s.role).ne(SIGNING_ORDER) {
                    Some(SIGNERS_OUT_OF_ORDER)
                } else if signers
                    .iter()
                    .any(|s| s.recipient_id.as_deref().is_some_and(|id| !is_id(id)))
                {
                    Some(BLANK_ID)
                } else if supersedes.as_deref() == Some(contract_id.as_str()) {
                    Some(SUPERSEDES_ITSELF)
                } else if supersedes.is_some() && terms.version < 2 {
                    Some(AMENDMENT_VERSION)
                } else {
                    None
                }
            }
            ContractChange::Reassigned { recipient_id: id, .. }
            | ContractChange::Amended { superseded_by: id }
                if !is_id(id) =>
            {
                Some(BLANK_ID)
            }
            ContractChange::Amended { superseded_by } if self.id() == Some(superseded_by.as_str()) => {
                Some(SUPERSEDES_ITSELF)
            }
            ContractChange::Sent {
                request_id: Some(id), ..
            } if !is_id(id) => Some(BLANK_ID),
            ContractChange::Expired if self.terms().is_some_and(|t| t.end_date.is_none()) => {
                Some(NO_END_DATE)
            }
            _ => None,
        }
    }

    fn signer_mut(&mut self, role: SignerRole) -> Option<&mut Signer> {
        self.document
            .as_mut()
            .and_then(|d| d.signers.iter_mut().find(|s| s.role == role))
    }
}

impl Aggregate for Contract {
    type State = ContractState;
    type Change = ContractChange;
    const NAME: &'static str = "contract";
    const TRANSITIONS: &'static [Transition<S, T>] = &TRANSITIONS;

    fn state(&self) -> Option<S> {
        self.state
    }

    /// Without the event, a signature guard holds when it holds for some signer who has still
    /// to sign (what `allowed_events` asks).
    fn guard_holds(&self, guard: Guard, _to: S) -> bool {
        self.signers()
            .iter()
            .filter(|s| !s.status.is_final())
            .any(|s| self.guard_holds_for(guard, s.role))
    }

    fn apply(&mut self, event: &Event<ContractChange>) -> Result<(), Refused> {
        let ty = event.change.event_type();
        let role = event.change.signer();
        // The first final outcome of a signer wins (`docs/esign.md`), whatever the contract's state.
        let moves_signer = matches!(ty, T::Signed | T::Declined | T::Reassigned);
        if moves_signer
            && role
                .and_then(|r| self.signer(r))
                .is_some_and(|s| s.status.is_final())
        {
            return Err(self.refuse(ty, Refusal::SignerAlreadyFinal));
        }
        let Some(to) = self.next_state_for(ty, role) else {
            return Err(self.refuse(ty, Refusal::NotAllowed));
        };
        check_order(self.last_at, event.at).map_err(|reason| self.refuse(ty, reason))?;
        if let Some(problem) = self.contradiction(&event.change) {
            return Err(self.refuse(ty, Refusal::InvalidData(problem)));
        }
        // Nothing below can fail: the contract changes only once the event is accepted.
        let at = event.at;
        match &event.change {
            ContractChange::Drafted {
                contract_id,
                terms,
                contracting_party,
                signers,
                supersedes,
            } => {
                self.document = Some(Document {
                    id: contract_id.clone(),
                    terms: terms.clone(),
                    contracting_party: *contracting_party,
                    signers: signers.each_ref().map(|s| Signer {
                        role: s.role,
                        recipient_id: s.recipient_id.clone(),
                        status: SignerStatus::Pending,
                    }),
                    supersedes: supersedes.clone(),
                });
            }
            ContractChange::Sent { provider, request_id } => {
                self.provider = *provider;
                self.request_id.clone_from(request_id);
            }
            ContractChange::Viewed { signer } => {
                if let Some(s) = self
                    .signer_mut(*signer)
                    .filter(|s| s.status == SignerStatus::Pending)
                {
                    s.status = SignerStatus::Viewed;
                }
            }
            ContractChange::Signed { signer } => {
                if let Some(s) = self.signer_mut(*signer) {
                    s.status = SignerStatus::Signed { at };
                }
            }
            ContractChange::Declined { signer } => {
                if let Some(s) = self.signer_mut(*signer) {
                    s.status = SignerStatus::Declined { at };
                }
            }
            ContractChange::Completed => {
                for s in self.document.iter_mut().flat_map(|d| d.signers.iter_mut()) {
                    if !s.status.is_final() {
                        s.status = SignerStatus::Signed { at };
                    }
                }
            }
            ContractChange::Reassigned { signer, recipient_id } => {
                if let Some(s) = self.signer_mut(*signer) {
                    s.recipient_id = Some(recipient_id.clone());
                }
            }
            ContractChange::Amended { superseded_by } => self.superseded_by = Some(superseded_by.clone()),
            ContractChange::Terminated { effective_on } => self.terminated_on = Some(*effective_on),
            ContractChange::Voided
            | ContractChange::SigningExpired
            | ContractChange::Activated
            | ContractChange::Expired
            | ContractChange::Erased => {}
        }
        self.state = Some(to);
        self.last_at = Some(at);
        Ok(())
    }

    /// `{"state", "contract_id", "terms", "contracting_party", "signers", "provider",
    /// "request_id", "supersedes", "superseded_by", "terminated_on", "last_event_at"}`.
    fn write_data<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("state", &self.state.map(Vocabulary::name))?;
        map.serialize_entry("contract_id", &self.id())?;
        map.serialize_entry("terms", &self.terms())?;
        map.serialize_entry("contracting_party", &self.contracting_party())?;
        map.serialize_entry("signers", self.signers())?;
        map.serialize_entry("provider", &self.provider.map(Provider::name))?;
        map.serialize_entry("request_id", &self.request_id)?;
        map.serialize_entry("supersedes", &self.supersedes())?;
        map.serialize_entry("superseded_by", &self.superseded_by)?;
        map.serialize_entry("terminated_on", &self.terminated_on.map(format_date))?;
        map.serialize_entry("last_event_at", &self.last_at.map(format_instant))
    }
}

/// Removes the personal data from a contract's event log and records that it was done (GDPR
/// art. 17, the right to erasure; `docs/lifecycles.md#personal-data`): the same events with
/// their personal data replaced, then an `erased` event by `system` at `at`.
///
/// Personal data in a contract's events, and what replaces it: the contracting party's
/// registration number (`drafted`'s `contracting_party.registration_number`) becomes null. A
/// mentor's business is often the mentor in person (a French micro-entrepreneur's SIREN, a
/// sole proprietor's EIN), so its number identifies them; an employer's number says where the
/// mentor works. The party (`employer` or `mentor_business`) and its country are kept. That is
/// all: signers are roles and the provider's recipient ids (slots on an envelope, not
/// people), and the events carry no signer name or e-mail address (`docs/esign.md`: they are
/// never read from a provider's payload).
///
/// Kept: the ids (contract, envelope, recipients, the superseding contract), the terms, the
/// dates, every event's type, instant and actor: the company keeps the record of a contract
/// it signed to establish, exercise or defend legal claims, GDPR art. 17(3)(e) (and to
/// account for what it paid). This reading is the library's; the operator's data protection
/// officer decides.
///
/// The erased log replays to the same states, allowed events, signer statuses and dates,
/// terms and ids: `erased` leads from every state back to it. Erasing an erased log (one that
/// ends with `erased`) appends nothing and returns it unchanged.
///
/// ```
/// use mentor_core::contract::{erase, Contract, ContractChange};
/// use mentor_core::lifecycle::{read_log, Aggregate};
/// use mentor_core::triage::read_records;
///
/// let log = read_log::<ContractChange>(&read_records(r#"{"type": "drafted", "at": "2026-11-20T09:00:00Z", "actor": "system", "contract_id": "c-1", "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30}, "contracting_party": {"party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00074"}}
/// {"type": "sent", "at": "2026-11-20T09:05:00Z", "actor": "system"}"#)).unwrap();
/// let erased = erase(&log, "2027-01-04T10:00:00Z".parse().unwrap()).unwrap();
/// assert_eq!(erased[0].to_json()["contracting_party"]["registration_number"], serde_json::Value::Null);
/// assert_eq!(erased[0].to_json()["contracting_party"]["party"], "mentor_business");
/// assert_eq!(erased[2].to_json()["type"], "erased");
/// assert_eq!(Contract::replay(&erased).unwrap().state(), Contract::replay(&log).unwrap().state());
/// ```
///
/// # Errors
/// [`Rejected`] when `log` does not replay (its first refused event, with its index), or when
/// the `erased` event is refused, with index `log.len()`: `at` is before the last event
/// (`event_before_previous`), or the log is empty (`transition_not_allowed`: nothing to erase).
pub fn erase(
    log: &[Event<ContractChange>],
    at: DateTime<Utc>,
) -> Result<Vec<Event<ContractChange>>, Rejected> {
    crate::lifecycle::erase_log::<Contract>(
        log,
        at,
        ContractChange::without_personal_data,
        ContractChange::Erased,
    )
}

impl ContractChange {
    /// The change with its personal data replaced (see [`erase`]). Every variant is listed, so
    /// that a new one must say what it keeps.
    fn without_personal_data(&self) -> ContractChange {
        match self {
            ContractChange::Drafted {
                contract_id,
                terms,
                contracting_party,
                signers,
                supersedes,
            } => ContractChange::Drafted {
                contract_id: contract_id.clone(),
                terms: terms.clone(),
                contracting_party: ContractingParty {
                    registration: None,
                    ..*contracting_party
                },
                signers: signers.clone(),
                supersedes: supersedes.clone(),
            },
            // Ids, roles, dates: kept (GDPR art. 17(3)(e), see `erase`).
            ContractChange::Sent { .. }
            | ContractChange::Viewed { .. }
            | ContractChange::Signed { .. }
            | ContractChange::Declined { .. }
            | ContractChange::Reassigned { .. }
            | ContractChange::Amended { .. }
            | ContractChange::Terminated { .. }
            // No data.
            | ContractChange::Completed
            | ContractChange::Voided
            | ContractChange::SigningExpired
            | ContractChange::Activated
            | ContractChange::Expired
            | ContractChange::Erased => self.clone(),
        }
    }
}

/// The Mermaid `stateDiagram-v2` of the contract lifecycle, from [`Contract`]'s transition
/// table.
///
/// ```
/// let diagram = mentor_core::contract::diagram();
/// assert!(diagram.contains("    sent --> partially_signed: signed (others still to sign)\n"));
/// assert!(diagram.contains("    declined --> [*]\n"));
/// ```
#[must_use]
pub fn diagram() -> String {
    crate::lifecycle::mermaid::<Contract>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_reached_by_the_table() {
        for (name, state) in S::ALL {
            assert!(TRANSITIONS.iter().any(|t| t.to == *state), "{name}");
        }
        for (name, ty) in T::ALL {
            assert!(TRANSITIONS.iter().any(|t| t.event == *ty), "{name}");
        }
    }
}
