//! Model-based test of the contract lifecycle (`docs/lifecycles.md`, `docs/esign.md`): random event sequences
//! are applied to the `Contract` and to a reference model written here from the sentences of
//! `docs/lifecycles.md`
//! (a plain `match`, not the library's table). Both must agree on every acceptance, on the
//! state and on each signer's status; replay equals one-by-one application; every event
//! survives its wire form.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use mentor_core::CountryCode;
use mentor_core::contract::{
    Contract, ContractChange as C, ContractState as St, ContractingParty, SignerRole, SignerSetup,
    SignerStatus, Terms,
};
use mentor_core::eligibility::Party;
use mentor_core::esign::Provider;
use mentor_core::lifecycle::{Actor, Aggregate, Change, Event};
use proptest::prelude::*;
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sig {
    Pending,
    Viewed,
    Signed,
    Declined,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct Model {
    state: Option<St>,
    signers: [Option<Sig>; 2],
}

fn index(role: SignerRole) -> usize {
    match role {
        SignerRole::ContractingParty => 0,
        SignerRole::Company => 1,
    }
}

const SIGNING: [St; 3] = [St::Sent, St::Viewed, St::PartiallySigned];

impl Model {
    fn is_final(&self, role: SignerRole) -> bool {
        matches!(self.signers[index(role)], Some(Sig::Signed | Sig::Declined))
    }

    fn with(self, state: St) -> Option<Model> {
        Some(Model {
            state: Some(state),
            ..self
        })
    }

    fn step(self, change: &C) -> Option<Model> {
        let Some(state) = self.state else {
            return matches!(change, C::Drafted { .. }).then_some(Model {
                state: Some(St::Draft),
                signers: [Some(Sig::Pending); 2],
            });
        };
        let signing = SIGNING.contains(&state);
        match change {
            C::Drafted { .. } => None,
            C::Sent { .. } => (state == St::Draft)
                .then_some(())?
                .then_with(|| self.with(St::Sent)),
            C::Viewed { signer } if signing => {
                let mut m = self;
                if m.signers[index(*signer)] == Some(Sig::Pending) {
                    m.signers[index(*signer)] = Some(Sig::Viewed);
                }
                m.with(if state == St::PartiallySigned {
                    St::PartiallySigned
                } else {
                    St::Viewed
                })
            }
            // The first final outcome of a signer wins.
            C::Signed { signer } | C::Declined { signer } | C::Reassigned { signer, .. }
                if self.is_final(*signer) =>
            {
                None
            }
            C::Signed { signer } if signing => {
                let mut m = self;
                m.signers[index(*signer)] = Some(Sig::Signed);
                let all = m.signers.iter().all(|s| *s == Some(Sig::Signed));
                m.with(if all { St::Signed } else { St::PartiallySigned })
            }
            C::Completed if signing || state == St::Signed => {
                let mut m = self;
                for s in &mut m.signers {
                    if !matches!(s, Some(Sig::Signed | Sig::Declined)) {
                        *s = Some(Sig::Signed);
                    }
                }
                m.with(St::Signed)
            }
            C::Declined { signer } if signing => {
                let mut m = self;
                m.signers[index(*signer)] = Some(Sig::Declined);
                m.with(St::Declined)
            }
            C::Reassigned { .. } if signing => self.with(state),
            C::Voided if signing => self.with(St::Voided),
            C::SigningExpired if signing => self.with(St::SigningExpired),
            C::Activated if state == St::Signed => self.with(St::Active),
            C::Amended { .. } if state == St::Active => self.with(St::Amended),
            C::Terminated { .. } if state == St::Active => self.with(St::Terminated),
            C::Expired if state == St::Active => self.with(St::Expired),
            // `docs/lifecycles.md`: erasure, from every state, back to the same state.
            C::Erased => self.with(state),
            _ => None,
        }
    }
}

trait Then {
    fn then_with<T>(self, f: impl FnOnce() -> Option<T>) -> Option<T>;
}

impl Then for () {
    fn then_with<T>(self, f: impl FnOnce() -> Option<T>) -> Option<T> {
        f()
    }
}

fn drafted() -> C {
    let terms = Terms::from_json(
        &json!({"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
        "start_date": "2026-12-01", "end_date": "2027-11-30", "notice_period_days": 30}),
    )
    .unwrap();
    C::Drafted {
        contract_id: "c-1".into(),
        terms,
        contracting_party: ContractingParty {
            party: Party::MentorBusiness,
            country: CountryCode::parse("FR").unwrap(),
            registration: None,
        },
        signers: SignerSetup::without_recipients(),
        supersedes: None,
    }
}

fn changes() -> Vec<C> {
    let mut all = vec![
        drafted(),
        C::Sent {
            provider: Some(Provider::Yousign),
            request_id: Some("sr-1".into()),
        },
        C::Completed,
        C::Voided,
        C::SigningExpired,
        C::Activated,
        C::Amended {
            superseded_by: "c-2".into(),
        },
        C::Terminated {
            effective_on: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        },
        C::Expired,
        C::Erased,
    ];
    for role in [SignerRole::ContractingParty, SignerRole::Company] {
        all.push(C::Viewed { signer: role });
        all.push(C::Signed { signer: role });
        all.push(C::Declined { signer: role });
        all.push(C::Reassigned {
            signer: role,
            recipient_id: "r-9".into(),
        });
    }
    all
}

fn observed(c: &Contract) -> Model {
    let status = |role| {
        c.signer(role).map(|s| match s.status {
            SignerStatus::Pending => Sig::Pending,
            SignerStatus::Viewed => Sig::Viewed,
            SignerStatus::Signed { .. } => Sig::Signed,
            SignerStatus::Declined { .. } => Sig::Declined,
        })
    };
    Model {
        state: c.state(),
        signers: [status(SignerRole::ContractingParty), status(SignerRole::Company)],
    }
}

fn t0() -> DateTime<Utc> {
    "2026-11-20T10:00:00Z".parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn contract_agrees_with_the_reference_model(start in any::<bool>(), mut picks in proptest::collection::vec(0usize..18, 0..30)) {
        if start {
            picks.splice(0..0, [0, 1]);
        }
        let all = changes();
        let mut contract = Contract::default();
        let mut model = Model::default();
        let mut accepted = Vec::new();
        for (i, pick) in picks.iter().enumerate() {
            let e = Event { at: t0() + Duration::minutes(i as i64), actor: Actor::Provider(Provider::Yousign), change: all[*pick].clone() };
            let before = contract.clone();
            match (contract.apply(&e), model.step(&e.change)) {
                (Ok(()), Some(m)) => {
                    model = m;
                    accepted.push(e);
                }
                (Err(refused), None) => {
                    prop_assert_eq!(&contract, &before);
                    prop_assert_eq!(refused.event, e.change.event_type().name_of());
                }
                (got, want) => prop_assert!(false, "{:?} from {:?}: library {:?}, model {:?}", e.change.event_type(), model, got, want),
            }
            prop_assert_eq!(observed(&contract), model);
        }
        prop_assert_eq!(Contract::replay(&accepted).unwrap(), contract.clone());
        for e in &accepted {
            prop_assert_eq!(&Event::<C>::from_json(&e.to_json()).unwrap(), e);
        }
    }
}

trait NameOf {
    fn name_of(self) -> &'static str;
}

impl<T: mentor_core::lifecycle::Vocabulary> NameOf for T {
    fn name_of(self) -> &'static str {
        self.name()
    }
}

/// A final state accepts only `erased`, which leads back to it.
#[test]
fn final_states_accept_nothing_but_erasure() {
    for state in [
        St::Amended,
        St::Terminated,
        St::Expired,
        St::Declined,
        St::Voided,
        St::SigningExpired,
    ] {
        let leaving: Vec<_> = Contract::TRANSITIONS
            .iter()
            .filter(|t| t.from == Some(state))
            .map(|t| (t.event, t.to))
            .collect();
        assert_eq!(
            leaving,
            [(mentor_core::contract::ContractEventType::Erased, state)],
            "{state:?}"
        );
    }
}
