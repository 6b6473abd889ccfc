//! Drafting the contract of a selected candidate, and amending an active one (`docs/lifecycles.md`;
//! CON-1, CON-2).

use chrono::{DateTime, Utc};

use crate::eligibility::{Decision, Outcome, RegistrationCheck};
use crate::i18n::{Lang, Text};
use crate::lifecycle::{Actor, Event, Vocabulary};

use super::event::{ContractChange, is_id};
use super::lifecycle::{Contract, ContractState};
use super::party::ContractingParty;
use super::signer::SignerSetup;
use super::terms::Terms;

/// Why a contract could not be drafted or amended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
#[non_exhaustive]
pub enum DraftError {
    /// The eligibility decision is not `eligible` (`docs/wire-format.md#decision`): its required actions come
    /// first.
    NotEligible(Outcome),
    /// The decision names no contracting party yet (a route is still to choose).
    NoContractingParty,
    /// The contract id is blank, longer than [`MAX_ID_CHARS`](crate::contract::MAX_ID_CHARS) characters, or the id of the
    /// contract being amended.
    InvalidContractId,
    /// Only an active contract can be amended; this is its state.
    NotActive(Option<ContractState>),
    /// The terms of an amendment must have the version after the contract's.
    VersionNotNext {
        /// The version the new terms must have.
        expected: u32,
        /// The version they have.
        found: u32,
    },
}

impl DraftError {
    /// The stable code: `not_eligible`, `no_contracting_party`, `invalid_contract_id`,
    /// `contract_not_active` or `version_not_next`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            DraftError::NotEligible(_) => "not_eligible",
            DraftError::NoContractingParty => "no_contracting_party",
            DraftError::InvalidContractId => "invalid_contract_id",
            DraftError::NotActive(_) => "contract_not_active",
            DraftError::VersionNotNext { .. } => "version_not_next",
        }
    }

    /// The message of [`DraftError::NoContractingParty`], which has no details: one text for
    /// [`DraftError::message`] and the catalogue.
    pub(crate) const NO_CONTRACTING_PARTY_MESSAGE: Text = Text::new(
        "the eligibility decision names no contracting party yet",
        "la décision d'éligibilité ne désigne pas encore de partie contractante",
    );

    /// The message of [`DraftError::InvalidContractId`] (128 is [`MAX_ID_CHARS`](crate::contract::MAX_ID_CHARS), checked by a
    /// test).
    pub(crate) const INVALID_CONTRACT_ID_MESSAGE: Text = Text::new(
        "a contract id is 1 to 128 characters, not blank, and not the id of the contract it amends",
        "un identifiant de contrat compte de 1 à 128 caractères, n'est pas vide et diffère de celui du contrat modifié",
    );

    /// The message in `lang`.
    ///
    /// ```
    /// use mentor_core::contract::DraftError;
    /// use mentor_core::eligibility::Outcome;
    /// use mentor_core::Lang;
    /// let e = DraftError::NotEligible(Outcome::ActionRequired);
    /// assert_eq!(e.message(Lang::En), "the eligibility decision is `action_required`, not `eligible`: its required actions come first");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DraftError::NotEligible(outcome), Lang::En) => {
                format!(
                    "the eligibility decision is `{}`, not `eligible`: its required actions come first",
                    outcome_name(*outcome)
                )
            }
            (DraftError::NotEligible(outcome), Lang::Fr) => {
                format!(
                    "la décision d'éligibilité est `{}` et non `eligible` : ses actions requises passent d'abord",
                    outcome_name(*outcome)
                )
            }
            (DraftError::NoContractingParty, _) => Self::NO_CONTRACTING_PARTY_MESSAGE.get(lang).to_owned(),
            (DraftError::InvalidContractId, _) => Self::INVALID_CONTRACT_ID_MESSAGE.get(lang).to_owned(),
            (DraftError::NotActive(state), Lang::En) => {
                format!(
                    "only an active contract can be amended; this one is `{}`",
                    state.map_or("(no event yet)", Vocabulary::name)
                )
            }
            (DraftError::NotActive(state), Lang::Fr) => {
                format!(
                    "seul un contrat actif peut être modifié ; celui-ci est `{}`",
                    state.map_or("(aucun événement)", Vocabulary::name)
                )
            }
            (DraftError::VersionNotNext { expected, found }, Lang::En) => {
                format!("the terms of the amendment must have version {expected}, not {found}")
            }
            (DraftError::VersionNotNext { expected, found }, Lang::Fr) => {
                format!("les conditions de l'avenant doivent avoir la version {expected}, et non {found}")
            }
        }
    }
}

const fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Eligible => "eligible",
        Outcome::NeedsReview => "needs_review",
        Outcome::ActionRequired => "action_required",
        Outcome::Ineligible => "ineligible",
    }
}

/// A valid contract id, trimmed.
fn contract_id(id: &str) -> Result<String, DraftError> {
    if is_id(id) {
        Ok(id.trim().to_owned())
    } else {
        Err(DraftError::InvalidContractId)
    }
}

/// The `drafted` event of a selected candidate's contract, from their eligibility decision
/// (`docs/lifecycles.md`; CON-1, CON-2): selecting an application drafts its contract. The contracting
/// party is the decision's (the employer under WS-2, the mentor's business under WS-3..5), in
/// the decision's country, with the registration number the decision found well-formed. Both
/// signers are set up without recipient ids (the provider assigns them when the contract is
/// sent). The actor is `system`.
///
/// ```
/// use mentor_core::contract::{draft, Contract, ContractChange, Terms};
/// use mentor_core::eligibility::{evaluate, Party, WorkingSituation};
/// use mentor_core::lifecycle::Aggregate;
/// use mentor_core::policy::Policy;
/// let situation = WorkingSituation::from_json(&serde_json::json!({
///     "country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"},
/// })).unwrap();
/// let decision = evaluate(&situation, &Policy::default());
/// let terms = Terms::from_json(&serde_json::json!({"version": 1, "currency": "EUR",
///     "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})).unwrap();
/// let event = draft("c-1", &decision, terms, "2026-11-20T09:00:00Z".parse().unwrap()).unwrap();
/// let contract = Contract::replay(&[event]).unwrap();
/// assert_eq!(contract.contracting_party().unwrap().party, Party::MentorBusiness);
/// ```
///
/// # Errors
/// [`DraftError::NotEligible`] when the decision is not `eligible`,
/// [`DraftError::NoContractingParty`] when it names no contracting party,
/// [`DraftError::InvalidContractId`] for a blank id or one longer than [`MAX_ID_CHARS`](crate::contract::MAX_ID_CHARS).
pub fn draft(
    contract_id: &str,
    decision: &Decision,
    terms: Terms,
    at: DateTime<Utc>,
) -> Result<Event<ContractChange>, DraftError> {
    let id = self::contract_id(contract_id)?;
    if decision.outcome() != Outcome::Eligible {
        return Err(DraftError::NotEligible(decision.outcome()));
    }
    let party = decision
        .contracting_party()
        .ok_or(DraftError::NoContractingParty)?;
    let registration = match decision.registration() {
        Some(RegistrationCheck::WellFormed(number)) => Some(number),
        Some(RegistrationCheck::NotWellFormed(_)) | None => None,
    };
    let contracting_party = ContractingParty {
        party,
        country: decision.country(),
        registration,
    };
    let change = ContractChange::Drafted {
        contract_id: id,
        terms,
        contracting_party,
        signers: SignerSetup::without_recipients(),
        supersedes: None,
    };
    Ok(Event {
        at,
        actor: Actor::System,
        change,
    })
}

/// The two events of an amendment (`docs/lifecycles.md` `amended`): `amended` for the `previous`
/// contract, and `drafted` for the new one, which supersedes it with the same contracting
/// party, both signers without recipient ids (a new envelope), and `terms` whose version must
/// be the previous version plus one. Both events are dated `at`, actor `system`.
///
/// ```
/// # use mentor_core::contract::{amend, draft, Contract, ContractChange, Terms};
/// # use mentor_core::eligibility::{evaluate, WorkingSituation};
/// # use mentor_core::lifecycle::{Actor, Aggregate, Event};
/// # use mentor_core::policy::Policy;
/// # let situation = WorkingSituation::from_json(&serde_json::json!({
/// #     "country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"},
/// # })).unwrap();
/// # let decision = evaluate(&situation, &Policy::default());
/// let terms = |version: u32| Terms::from_json(&serde_json::json!({"version": version, "currency": "EUR",
///     "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})).unwrap();
/// let at = "2026-11-20T09:00:00Z".parse().unwrap();
/// let mut old = Contract::replay(&[draft("c-1", &decision, terms(1), at).unwrap()]).unwrap();
/// for change in [ContractChange::Sent { provider: None, request_id: None }, ContractChange::Completed, ContractChange::Activated] {
///     old.apply(&Event { at, actor: Actor::System, change }).unwrap();
/// }
/// let (amended, drafted) = amend(&old, "c-2", terms(2), at).unwrap();
/// old.apply(&amended).unwrap();
/// let new = Contract::replay(&[drafted]).unwrap();
/// assert_eq!((old.superseded_by(), new.supersedes()), (Some("c-2"), Some("c-1")));
/// assert_eq!(amend(&new, "c-3", terms(3), at).unwrap_err().code(), "contract_not_active");
/// ```
///
/// # Errors
/// [`DraftError::NotActive`] unless `previous` is `active`; [`DraftError::InvalidContractId`]
/// for a blank or too long id, or the previous contract's own id;
/// [`DraftError::VersionNotNext`] when `terms` do not have the previous version plus one.
pub fn amend(
    previous: &Contract,
    new_contract_id: &str,
    terms: Terms,
    at: DateTime<Utc>,
) -> Result<(Event<ContractChange>, Event<ContractChange>), DraftError> {
    let (Some(ContractState::Active), Some(document)) = (previous.state, previous.document.as_ref()) else {
        return Err(DraftError::NotActive(previous.state));
    };
    let id = contract_id(new_contract_id)?;
    if id == document.id {
        return Err(DraftError::InvalidContractId);
    }
    let expected = document.terms.version.checked_add(1);
    if expected != Some(terms.version) {
        return Err(DraftError::VersionNotNext {
            expected: expected.unwrap_or(u32::MAX),
            found: terms.version,
        });
    }
    let amended = Event {
        at,
        actor: Actor::System,
        change: ContractChange::Amended {
            superseded_by: id.clone(),
        },
    };
    let drafted = Event {
        at,
        actor: Actor::System,
        change: ContractChange::Drafted {
            contract_id: id,
            terms,
            contracting_party: document.contracting_party,
            signers: SignerSetup::without_recipients(),
            supersedes: Some(document.id.clone()),
        },
    };
    Ok((amended, drafted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_id_message_states_the_limit() {
        let limit = crate::contract::MAX_ID_CHARS.to_string();
        for lang in [Lang::En, Lang::Fr] {
            assert!(
                DraftError::InvalidContractId
                    .message(lang)
                    .contains(&format!(" {limit} ")),
                "{lang:?}"
            );
        }
    }
}
