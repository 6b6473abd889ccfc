//! Applying normalised signature events to a contract (`docs/esign.md`; CON-2, CON-3): idempotent
//! (a repeat is a no-op), monotone (signer states only move forward; the first final outcome of
//! a signer wins) and convergent (deliveries in any order end in the same contract).
//!
//! Rules, for each event in turn:
//! - its dedupe key already in the caller's [`Deliveries`]: `duplicate`, nothing changes;
//! - a hint (Concord) is refused unless the caller passes [`Hints::Confirmed`];
//! - test deliveries and unknown event types are ignored, never an error;
//! - an event for another provider or another envelope than the contract's is ignored;
//! - a signer is found by the provider's recipient id ([`Contract::signer_by_recipient`]),
//!   never by e-mail;
//! - a move the contract has already made (a `viewed` after `signed`, a `completed` once every
//!   signer signed, a second `sent`) is ignored as `nothing_new`;
//! - an outcome that contradicts one already recorded (a `declined` after `signed`, a `signed`
//!   after the envelope was voided) is a **conflict**: reported, never applied;
//! - a `completed` received alone marks every signer signed; every signer's `signed` without
//!   the provider's `completed` leaves the contract fully signed all the same;
//! - **out of order**: an event about signing while the contract is still `draft` implies it was
//!   sent: `sent` (with the provider and the event's request id) is applied first. An event dated
//!   before the contract's last event is applied **at the contract's last event time** (the
//!   contract's log stays in time order, [`Refusal::BeforePrevious`](crate::lifecycle::Refusal)
//!   never fires), while the normalised event keeps the provider's time;
//! - `declined` for the envelope as a whole (no recipient named) is the decline of the first
//!   signer, in signing order, who has not signed yet.
//!
//! Every contract event applied is returned in the report, for the caller's event log. The
//! dedupe key of an event is recorded once the event is settled (applied, ignored for good, or
//! in conflict); an event that may apply later (an unconfirmed hint, another envelope, an
//! unknown recipient, no contract yet) is not recorded, so its retry is not mistaken for a
//! duplicate.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::event::{EventKind, SignatureEvent};
use crate::contract::{Contract, ContractChange, ContractState, SignerRole, SignerStatus};
use crate::i18n::{Lang, Localized};
use crate::lifecycle::{Actor, Aggregate, Event, Refused, Vocabulary};

/// The dedupe keys of the signature events already settled: owned by the caller and stored
/// next to the contract (it serialises as a JSON array of keys), so that a redelivery after a
/// restart is still recognised. One set may serve many contracts: keys name the provider and
/// the envelope.
///
/// ```
/// use mentor_core::esign::Deliveries;
/// let seen: Deliveries = serde_json::from_str(r#"["yousign:e-1"]"#).unwrap();
/// assert!(seen.contains("yousign:e-1"));
/// assert_eq!(serde_json::to_string(&seen).unwrap(), r#"["yousign:e-1"]"#);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Deliveries {
    keys: BTreeSet<String>,
}

impl Deliveries {
    /// An empty set.
    #[must_use]
    pub fn new() -> Deliveries {
        Deliveries::default()
    }

    /// Whether an event with this dedupe key was already settled.
    #[must_use]
    pub fn contains(&self, dedupe_key: &str) -> bool {
        self.keys.contains(dedupe_key)
    }

    /// How many keys are recorded.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no key is recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Whether [`apply`] may apply hints: events of unverified deliveries (Concord).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Hints {
    /// Hints are reported `ignored` (`unconfirmed_hint`) and left unrecorded.
    #[default]
    Refuse,
    /// The caller confirmed the hints with the provider (read the agreement back from its API):
    /// apply them like verified events.
    Confirmed,
}

/// Why an event changed nothing, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Ignored {
    /// A test delivery (`test_delivery`).
    Test,
    /// An event type this library does not use (`unknown_event_type`).
    UnknownEventType,
    /// An unverified hint the caller did not confirm (`unconfirmed_hint`).
    UnconfirmedHint,
    /// The contract has not been drafted (`no_contract`).
    NoContract,
    /// The contract was sent through another provider (`other_provider`).
    OtherProvider,
    /// The event is about another envelope than the contract's (`other_request`).
    OtherRequest,
    /// The event needs a signer and names none (`no_signer`).
    NoSigner,
    /// No signer of the contract has the event's recipient id (`unknown_signer`).
    UnknownSigner,
    /// A reassignment that does not name the new recipient (`no_new_recipient`).
    NoNewRecipient,
    /// The contract already shows it (`nothing_new`): a late `viewed`, a repeated `completed`.
    NothingNew,
}

impl Ignored {
    /// Every reason, in the order they are checked.
    pub const ALL: [Ignored; 10] = [
        Ignored::Test,
        Ignored::UnknownEventType,
        Ignored::UnconfirmedHint,
        Ignored::NoContract,
        Ignored::OtherProvider,
        Ignored::OtherRequest,
        Ignored::NoSigner,
        Ignored::UnknownSigner,
        Ignored::NoNewRecipient,
        Ignored::NothingNew,
    ];

    /// The stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Ignored::Test => "test_delivery",
            Ignored::UnknownEventType => "unknown_event_type",
            Ignored::UnconfirmedHint => "unconfirmed_hint",
            Ignored::NoContract => "no_contract",
            Ignored::OtherProvider => "other_provider",
            Ignored::OtherRequest => "other_request",
            Ignored::NoSigner => "no_signer",
            Ignored::UnknownSigner => "unknown_signer",
            Ignored::NoNewRecipient => "no_new_recipient",
            Ignored::NothingNew => "nothing_new",
        }
    }

    /// Whether the event is settled for good (its key is recorded), or may apply later.
    const fn is_settled(self) -> bool {
        !matches!(
            self,
            Ignored::UnconfirmedHint
                | Ignored::NoContract
                | Ignored::OtherProvider
                | Ignored::OtherRequest
                | Ignored::UnknownSigner
        )
    }

    /// The message in `lang`.
    #[must_use]
    pub const fn message(self, lang: Lang) -> &'static str {
        let (en, fr) = match self {
            Ignored::Test => (
                "a test delivery: nothing to apply",
                "une livraison de test : rien à appliquer",
            ),
            Ignored::UnknownEventType => (
                "an event type the contract does not track",
                "un type d'événement que le contrat ne suit pas",
            ),
            Ignored::UnconfirmedHint => (
                "an unverified hint: confirm it with the provider before applying it",
                "un indice non vérifié : confirmez-le auprès du fournisseur avant de l'appliquer",
            ),
            Ignored::NoContract => (
                "the contract has not been drafted",
                "le contrat n'a pas été rédigé",
            ),
            Ignored::OtherProvider => (
                "the contract was sent through another provider",
                "le contrat a été envoyé par un autre fournisseur",
            ),
            Ignored::OtherRequest => (
                "the event concerns another envelope",
                "l'événement concerne une autre enveloppe",
            ),
            Ignored::NoSigner => (
                "the event names no signer",
                "l'événement ne désigne aucun signataire",
            ),
            Ignored::UnknownSigner => (
                "no signer of the contract has this recipient id",
                "aucun signataire du contrat n'a cet identifiant de destinataire",
            ),
            Ignored::NoNewRecipient => (
                "the reassignment does not name the new recipient",
                "la réattribution ne désigne pas le nouveau destinataire",
            ),
            Ignored::NothingNew => ("the contract already shows it", "le contrat l'indique déjà"),
        };
        match lang {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

/// An event that contradicts what the contract already records: reported, never applied (the
/// first final outcome wins).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Conflict {
    /// The signer already signed or declined (`signer_already_final`).
    SignerAlreadyFinal {
        /// Who.
        signer: SignerRole,
        /// What they did first.
        status: SignerStatus,
        /// What the provider now says.
        event: EventKind,
    },
    /// The contract's signing is over (declined, voided, expired, or signed) and the event
    /// contradicts it (`contract_closed`).
    ContractClosed {
        /// The contract's state.
        state: ContractState,
        /// What the provider now says.
        event: EventKind,
    },
    /// The contract refused the event (`contract_refused`); reported as a conflict rather than
    /// applied halfway.
    Refused(Refused),
}

impl Conflict {
    /// The stable code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Conflict::SignerAlreadyFinal { .. } => "signer_already_final",
            Conflict::ContractClosed { .. } => "contract_closed",
            Conflict::Refused(_) => "contract_refused",
        }
    }

    /// The message in `lang`, saying what conflicts with what.
    ///
    /// ```
    /// use mentor_core::contract::{SignerRole, SignerStatus};
    /// use mentor_core::esign::{Conflict, EventKind};
    /// use mentor_core::Lang;
    /// let c = Conflict::SignerAlreadyFinal {
    ///     signer: SignerRole::ContractingParty,
    ///     status: SignerStatus::Signed { at: "2026-11-20T10:00:00Z".parse().unwrap() },
    ///     event: EventKind::Declined,
    /// };
    /// assert_eq!(c.message(Lang::En), "the signer `contracting_party` already signed; the provider now says `declined`: the first outcome stands");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Conflict::SignerAlreadyFinal {
                    signer,
                    status,
                    event,
                },
                Lang::En,
            ) => format!(
                "the signer `{}` already {}; the provider now says `{}`: the first outcome stands",
                signer.name(),
                status.name(),
                event.name()
            ),
            (
                Conflict::SignerAlreadyFinal {
                    signer,
                    status,
                    event,
                },
                Lang::Fr,
            ) => format!(
                "le signataire `{}` a déjà {} ; le fournisseur indique maintenant `{}` : le premier résultat est maintenu",
                signer.name(),
                match status {
                    SignerStatus::Declined { .. } => "refusé",
                    _ => "signé",
                },
                event.name()
            ),
            (Conflict::ContractClosed { state, event }, Lang::En) => {
                format!(
                    "the contract is already `{}`; the provider now says `{}`: the first outcome stands",
                    state.name(),
                    event.name()
                )
            }
            (Conflict::ContractClosed { state, event }, Lang::Fr) => format!(
                "le contrat est déjà `{}` ; le fournisseur indique maintenant `{}` : le premier résultat est maintenu",
                state.name(),
                event.name()
            ),
            (Conflict::Refused(refused), lang) => refused.message(lang),
        }
    }
}

/// What applying one signature event did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// These contract events were applied, in order (an implied `sent` first, when the
    /// contract was still a draft); append them to the contract's log.
    Applied(Vec<Event<ContractChange>>),
    /// The same event (same dedupe key) was already settled: nothing changed.
    Duplicate,
    /// Nothing changed, for this reason.
    Ignored(Ignored),
    /// Nothing changed: the event contradicts the contract.
    Conflict(Conflict),
}

impl Outcome {
    /// The wire name: `applied`, `duplicate`, `ignored` or `conflict`.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        match self {
            Outcome::Applied(_) => "applied",
            Outcome::Duplicate => "duplicate",
            Outcome::Ignored(_) => "ignored",
            Outcome::Conflict(_) => "conflict",
        }
    }
}

/// One signature event and what applying it did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The event.
    pub event: SignatureEvent,
    /// What it did.
    pub outcome: Outcome,
}

/// The result of [`apply`]: one entry per event, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Each event with its outcome.
    pub entries: Vec<Applied>,
}

impl Report {
    /// Every contract event applied, in order: what the caller appends to the contract's log.
    pub fn contract_events(&self) -> impl Iterator<Item = &Event<ContractChange>> {
        self.entries.iter().flat_map(|e| match &e.outcome {
            Outcome::Applied(events) => events.as_slice(),
            _ => &[],
        })
    }

    /// The conflicts found.
    pub fn conflicts(&self) -> impl Iterator<Item = &Conflict> {
        self.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::Conflict(c) => Some(c),
            _ => None,
        })
    }
}

/// The wire form: `[{"event": {…}, "outcome", "applied": [contract events], "code",
/// "message"}]` (`code` and `message` for `ignored` and `conflict`, else null).
impl Localized for Report {
    fn serialize_in<S: serde::Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries.serialize_in(lang, serializer)
    }
}

/// `{"event", "outcome", "applied", "code", "message"}`.
impl Localized for Applied {
    fn serialize_in<S: serde::Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            event: &'a SignatureEvent,
            outcome: &'static str,
            applied: &'a [Event<ContractChange>],
            code: Option<&'static str>,
            message: Option<String>,
        }
        let (applied, code, message) = match &self.outcome {
            Outcome::Applied(events) => (events.as_slice(), None, None),
            Outcome::Duplicate => (&[][..], None, None),
            Outcome::Ignored(why) => (&[][..], Some(why.code()), Some(why.message(lang).to_owned())),
            Outcome::Conflict(c) => (&[][..], Some(c.code()), Some(c.message(lang))),
        };
        Wire {
            event: &self.event,
            outcome: self.outcome.name(),
            applied,
            code,
            message,
        }
        .serialize(serializer)
    }
}

/// Applies signature events to a contract, in order, under the rules of this module's doc, and
/// records their dedupe keys in `deliveries`. The contract only ever changes through its own
/// [`Aggregate::apply`]; an event is applied whole or not at all.
///
/// ```
/// use mentor_core::contract::{Contract, ContractChange, ContractState, ContractingParty, SignerRole, SignerSetup, Terms};
/// use mentor_core::eligibility::Party;
/// use mentor_core::esign::{apply, Deliveries, EventKind, Hints, Outcome, Provider, SignatureEvent};
/// use mentor_core::lifecycle::{Actor, Aggregate, Event};
/// use mentor_core::CountryCode;
/// let terms = Terms::from_json(&serde_json::json!({"version": 1, "currency": "EUR",
///     "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})).unwrap();
/// let party = ContractingParty { party: Party::Employer, country: CountryCode::parse("FR").unwrap(), registration: None };
/// let at = "2026-11-20T09:00:00Z".parse().unwrap();
/// let mut contract = Contract::replay(&[Event { at, actor: Actor::System, change: ContractChange::Drafted {
///     contract_id: "c-1".into(), terms, contracting_party: party, supersedes: None,
///     signers: [SignerSetup { role: SignerRole::ContractingParty, recipient_id: Some("1".into()) },
///               SignerSetup { role: SignerRole::Company, recipient_id: Some("2".into()) }] } }]).unwrap();
/// let completed = SignatureEvent {
///     provider: Provider::Docusign, request_id: Some("env-1".into()), signer_id: None, new_signer_id: None,
///     kind: EventKind::Completed, provider_event: "envelope-completed".into(),
///     occurred_at: "2026-11-21T08:00:00Z".parse().unwrap(), dedupe_key: "docusign:env-1:envelope-completed".into(), hint: false,
/// };
/// let mut seen = Deliveries::new();
/// let report = apply(&mut contract, &mut seen, &[completed.clone(), completed], Hints::Refuse);
/// assert_eq!(report.contract_events().count(), 2); // the implied `sent`, then `completed`
/// assert_eq!(report.entries[1].outcome, Outcome::Duplicate);
/// assert_eq!(contract.state(), Some(ContractState::Signed));
/// assert!(contract.is_fully_signed());
/// ```
#[must_use]
pub fn apply(
    contract: &mut Contract,
    deliveries: &mut Deliveries,
    events: &[SignatureEvent],
    hints: Hints,
) -> Report {
    let entries = events
        .iter()
        .map(|event| {
            let outcome = apply_one(contract, deliveries, event, hints);
            Applied {
                event: event.clone(),
                outcome,
            }
        })
        .collect();
    Report { entries }
}

fn apply_one(
    contract: &mut Contract,
    deliveries: &mut Deliveries,
    event: &SignatureEvent,
    hints: Hints,
) -> Outcome {
    if deliveries.contains(&event.dedupe_key) {
        return Outcome::Duplicate;
    }
    if event.hint && hints == Hints::Refuse {
        return Outcome::Ignored(Ignored::UnconfirmedHint);
    }
    let outcome = match plan(contract, event) {
        Ok(changes) => commit(contract, event, changes),
        Err(outcome) => outcome,
    };
    let settled = match &outcome {
        Outcome::Ignored(why) => why.is_settled(),
        Outcome::Applied(_) | Outcome::Conflict(_) | Outcome::Duplicate => true,
    };
    if settled {
        deliveries.keys.insert(event.dedupe_key.clone());
    }
    outcome
}

/// States in which signing ended without a signature.
const fn closed(state: ContractState) -> bool {
    matches!(
        state,
        ContractState::Declined | ContractState::Voided | ContractState::SigningExpired
    )
}

/// States in which every signer has signed.
const fn signed(state: ContractState) -> bool {
    matches!(
        state,
        ContractState::Signed
            | ContractState::Active
            | ContractState::Amended
            | ContractState::Terminated
            | ContractState::Expired
    )
}

/// The contract changes an event calls for, or why it calls for none.
fn plan(contract: &Contract, event: &SignatureEvent) -> Result<Vec<ContractChange>, Outcome> {
    let ignore = |why| Err(Outcome::Ignored(why));
    let conflict = |c| Err(Outcome::Conflict(c));
    match event.kind {
        EventKind::Test => return ignore(Ignored::Test),
        EventKind::Unknown => return ignore(Ignored::UnknownEventType),
        _ => {}
    }
    let Some(state) = contract.state() else {
        return ignore(Ignored::NoContract);
    };
    if contract.provider().is_some_and(|p| p != event.provider) {
        return ignore(Ignored::OtherProvider);
    }
    if let (Some(ours), Some(theirs)) = (contract.request_id(), event.request_id.as_deref()) {
        if ours != theirs {
            return ignore(Ignored::OtherRequest);
        }
    }
    let kind = event.kind;
    let mut changes = Vec::with_capacity(2);
    if state == ContractState::Draft && kind != EventKind::Sent {
        // Signing activity on a draft means the provider sent it: the `sent` was lost or late.
        changes.push(ContractChange::Sent {
            provider: Some(event.provider),
            request_id: event.request_id.clone(),
        });
    }
    let change = match kind {
        EventKind::Sent => {
            if state != ContractState::Draft {
                return ignore(Ignored::NothingNew);
            }
            ContractChange::Sent {
                provider: Some(event.provider),
                request_id: event.request_id.clone(),
            }
        }
        EventKind::Viewed => {
            let (role, status) = signer(contract, event)?;
            if status != SignerStatus::Pending || closed(state) || signed(state) {
                return ignore(Ignored::NothingNew);
            }
            ContractChange::Viewed { signer: role }
        }
        EventKind::Signed => {
            let (role, status) = signer(contract, event)?;
            match status {
                SignerStatus::Signed { .. } => return ignore(Ignored::NothingNew),
                SignerStatus::Declined { .. } => {
                    return conflict(Conflict::SignerAlreadyFinal {
                        signer: role,
                        status,
                        event: kind,
                    });
                }
                SignerStatus::Pending | SignerStatus::Viewed => {}
            }
            if closed(state) {
                return conflict(Conflict::ContractClosed { state, event: kind });
            }
            ContractChange::Signed { signer: role }
        }
        EventKind::Declined => {
            let (role, status) = match event.signer_id {
                Some(_) => signer(contract, event)?,
                None => first_unsigned(contract).ok_or(Outcome::Ignored(Ignored::NoSigner))?,
            };
            match status {
                SignerStatus::Declined { .. } => return ignore(Ignored::NothingNew),
                SignerStatus::Signed { .. } => {
                    return conflict(Conflict::SignerAlreadyFinal {
                        signer: role,
                        status,
                        event: kind,
                    });
                }
                SignerStatus::Pending | SignerStatus::Viewed => {}
            }
            match state {
                // Another signer declined first: the contract is declined already.
                ContractState::Declined => return ignore(Ignored::NothingNew),
                s if closed(s) || signed(s) => {
                    return conflict(Conflict::ContractClosed { state, event: kind });
                }
                _ => {}
            }
            ContractChange::Declined { signer: role }
        }
        EventKind::Completed => {
            if contract.is_fully_signed() {
                return ignore(Ignored::NothingNew);
            }
            if closed(state) {
                return conflict(Conflict::ContractClosed { state, event: kind });
            }
            ContractChange::Completed
        }
        EventKind::Voided | EventKind::Expired => {
            let (same, change) = match kind {
                EventKind::Voided => (ContractState::Voided, ContractChange::Voided),
                _ => (ContractState::SigningExpired, ContractChange::SigningExpired),
            };
            if state == same {
                return ignore(Ignored::NothingNew);
            }
            if closed(state) || signed(state) {
                return conflict(Conflict::ContractClosed { state, event: kind });
            }
            change
        }
        EventKind::Reassigned => {
            let Some(new_id) = event.new_signer_id.as_deref() else {
                return ignore(Ignored::NoNewRecipient);
            };
            if contract.signer_by_recipient(new_id).is_some() {
                return ignore(Ignored::NothingNew);
            }
            let (role, status) = signer(contract, event)?;
            if status.is_final() {
                return conflict(Conflict::SignerAlreadyFinal {
                    signer: role,
                    status,
                    event: kind,
                });
            }
            if closed(state) || signed(state) {
                return conflict(Conflict::ContractClosed { state, event: kind });
            }
            ContractChange::Reassigned {
                signer: role,
                recipient_id: new_id.to_owned(),
            }
        }
        EventKind::Test | EventKind::Unknown => return ignore(Ignored::UnknownEventType),
    };
    changes.push(change);
    Ok(changes)
}

/// The signer the event names, by the provider's recipient id.
fn signer(contract: &Contract, event: &SignatureEvent) -> Result<(SignerRole, SignerStatus), Outcome> {
    let id = event
        .signer_id
        .as_deref()
        .ok_or(Outcome::Ignored(Ignored::NoSigner))?;
    contract
        .signer_by_recipient(id)
        .map(|s| (s.role, s.status))
        .ok_or(Outcome::Ignored(Ignored::UnknownSigner))
}

/// The first signer, in signing order, who has not signed or declined yet (else the first
/// signer, whose final status then decides).
fn first_unsigned(contract: &Contract) -> Option<(SignerRole, SignerStatus)> {
    let signers = contract.signers();
    signers
        .iter()
        .find(|s| !s.status.is_final())
        .or_else(|| signers.first())
        .map(|s| (s.role, s.status))
}

/// Applies the planned changes, all or none.
fn commit(contract: &mut Contract, event: &SignatureEvent, changes: Vec<ContractChange>) -> Outcome {
    // The contract's log is in time order: an event the provider dates before the contract's
    // last event happens, for the contract, at that last event.
    let at: DateTime<Utc> = contract
        .last_event_at()
        .map_or(event.occurred_at, |last| last.max(event.occurred_at));
    let actor = Actor::Provider(event.provider);
    let events: Vec<Event<ContractChange>> = changes
        .into_iter()
        .map(|change| Event { at, actor, change })
        .collect();
    let result = match events.as_slice() {
        [one] => contract.apply(one),
        many => {
            // Several changes: apply them to a copy, so that a refusal halfway changes nothing.
            let mut draft = contract.clone();
            let all = many.iter().try_for_each(|e| draft.apply(e));
            if all.is_ok() {
                *contract = draft;
            }
            all
        }
    };
    match result {
        Ok(()) => Outcome::Applied(events),
        Err(refused) => Outcome::Conflict(Conflict::Refused(refused)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifecycle::Change;

    #[test]
    fn every_code_is_distinct() {
        let ignored = Ignored::ALL;
        let codes: BTreeSet<_> = ignored.iter().map(|i| i.code()).collect();
        assert_eq!(codes.len(), ignored.len());
        for i in ignored {
            assert!(!i.message(Lang::Fr).is_empty() && !i.message(Lang::En).is_empty());
        }
    }

    #[test]
    fn change_types_match_event_kinds() {
        // The implied `sent` is a `sent` event of the contract.
        let sent = ContractChange::Sent {
            provider: None,
            request_id: None,
        };
        assert_eq!(sent.event_type().name(), "sent");
    }
}
