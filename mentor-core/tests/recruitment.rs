//! The application lifecycle (`docs/lifecycles.md`) against a reference model written here from the
//! text of `docs/lifecycles.md` (a plain `match`, not the library's table), plus the cases modelled on public
//! bug reports of recruiting tools.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use chrono::{DateTime, Duration, Utc};
use mentor_core::Localized;
use mentor_core::interview::{Rating, Recommendation, Scorecard, Slot};
use mentor_core::lifecycle::{Actor, Aggregate, Change, Event, Refusal, Replay, Vocabulary, mermaid};
use mentor_core::recruitment::{
    Application, ApplicationChange as C, ApplicationEventType, ApplicationState as S,
};
use proptest::prelude::*;
use serde_json::json;

fn t0() -> DateTime<Utc> {
    "2026-11-12T09:30:00Z".parse().unwrap()
}

fn slot() -> Slot {
    Slot {
        start: "2026-11-20T17:00:00Z".parse().unwrap(),
        time_zone: chrono_tz::Europe::Paris,
        duration_minutes: 45,
    }
}

fn card(kindness: Rating) -> Scorecard {
    Scorecard {
        kindness,
        patience: Rating::Score(4),
        humility: Rating::NoDecision,
        communication: Rating::Score(3),
        subject_knowledge: Rating::Score(2),
        recommendation: Recommendation::Yes,
    }
}

/// One change of each type, with data.
fn all_changes() -> Vec<C> {
    vec![
        C::Submitted {
            offer_id: "mentor-web-2026".into(),
        },
        C::ReviewStarted,
        C::PutOnHold,
        C::Resumed,
        C::InterviewScheduled { slot: slot() },
        C::InterviewRescheduled { slot: slot() },
        C::InterviewCancelled,
        C::NoShow,
        C::Interviewed {
            scorecard: Some(card(Rating::Score(4))),
        },
        C::Interviewed { scorecard: None },
        C::ScorecardSubmitted {
            scorecard: card(Rating::NoDecision),
        },
        C::Selected,
        C::Rejected,
        C::Reopened,
        C::ContractSent {
            contract_id: "c-1".into(),
        },
        C::ContractSigned {
            contract_id: "c-1".into(),
        },
        C::Onboarded,
        C::Withdrawn,
        C::Erased,
    ]
}

/// The reference model: `docs/lifecycles.md`'s sentences, one arm each. `came_from` is where a
/// rejection came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct Model {
    state: Option<S>,
    came_from: Option<S>,
}

impl Model {
    fn step(self, change: &C) -> Option<Model> {
        use S::*;
        let st = self.state;
        let to = |s: S| {
            Some(Model {
                state: Some(s),
                came_from: self.came_from,
            })
        };
        match (st, change) {
            (None, C::Submitted { .. }) => to(Submitted),
            (None, _) | (Some(_), C::Submitted { .. }) => None,
            (Some(Submitted), C::ReviewStarted) => to(InReview),
            (Some(Submitted | InReview), C::PutOnHold) => to(OnHold),
            (Some(OnHold), C::Resumed) => to(InReview),
            (Some(InReview), C::InterviewScheduled { .. }) => to(InterviewScheduled),
            (Some(InterviewScheduled | NoShow), C::InterviewRescheduled { .. }) => to(InterviewScheduled),
            (Some(InterviewScheduled), C::InterviewCancelled) => to(InReview),
            (Some(InterviewScheduled), C::NoShow) => to(NoShow),
            (Some(InterviewScheduled), C::Interviewed { .. }) => to(Interviewed),
            (Some(Interviewed), C::ScorecardSubmitted { .. }) => to(Interviewed),
            (Some(Interviewed), C::Selected) => to(Selected),
            (Some(s @ (InReview | OnHold | InterviewScheduled | NoShow | Interviewed)), C::Rejected) => {
                Some(Model {
                    state: Some(Rejected),
                    came_from: Some(s),
                })
            }
            (Some(Rejected), C::Reopened) => Some(Model {
                state: self.came_from,
                came_from: None,
            }),
            (Some(Selected | ContractSent), C::ContractSent { .. }) => to(ContractSent),
            (Some(ContractSent), C::ContractSigned { .. }) => to(ContractSigned),
            (Some(ContractSigned), C::Onboarded) => to(Onboarded),
            (Some(Onboarded | Withdrawn | Rejected), C::Withdrawn) => None,
            (Some(_), C::Withdrawn) => to(Withdrawn),
            // Erasure: from every state, back to the same state (and where a rejection came from).
            (Some(s), C::Erased) => to(s),
            _ => None,
        }
    }
}

fn event(i: usize, change: C) -> Event<C> {
    let actor = match change {
        C::Submitted { .. } | C::Withdrawn => Actor::Candidate,
        _ => Actor::MentorManager,
    };
    Event {
        at: t0() + Duration::minutes(i as i64),
        actor,
        change,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The aggregate and the model agree on every event's acceptance and on the state after
    /// it; a refused event changes nothing.
    #[test]
    fn aggregate_agrees_with_the_reference_model(start in any::<bool>(), mut picks in proptest::collection::vec(0usize..19, 0..40)) {
        if start {
            picks.insert(0, 0);
        }
        let changes = all_changes();
        let mut app = Application::default();
        let mut model = Model::default();
        let mut accepted = Vec::new();
        for (i, pick) in picks.iter().enumerate() {
            let e = event(i, changes[*pick].clone());
            let before = app.clone();
            let expected = model.step(&e.change);
            match (app.apply(&e), expected) {
                (Ok(()), Some(m)) => {
                    model = m;
                    accepted.push(e);
                }
                (Err(refused), None) => {
                    prop_assert_eq!(&app, &before);
                    prop_assert_eq!(refused.reason, Refusal::NotAllowed);
                    prop_assert_eq!(refused.state, before.state().map(Vocabulary::name));
                    prop_assert_eq!(refused.event, e.change.event_type().name());
                }
                (got, want) => prop_assert!(false, "event {:?} from {:?}: library {:?}, model {:?}", e.change, model.state, got, want),
            }
            prop_assert_eq!(app.state(), model.state);
            // allowed_events is exactly what the model accepts now.
            let allowed = app.allowed_events();
            for c in &changes {
                prop_assert_eq!(allowed.contains(&c.event_type()), model.step(c).is_some(), "{:?} from {:?}", c.event_type(), model.state);
            }
        }
        // Replaying the accepted log equals applying it one by one.
        prop_assert_eq!(Application::replay(&accepted).unwrap(), app.clone());
        // Serialise -> deserialise is the identity, event by event.
        for e in &accepted {
            prop_assert_eq!(&Event::<C>::from_json(&e.to_json()).unwrap(), e);
        }
    }
}

/// A terminal state accepts only `erased`, which leads back to it.
#[test]
fn terminal_states_accept_nothing_but_erasure() {
    for terminal in [S::Onboarded, S::Withdrawn] {
        let leaving: Vec<_> = Application::TRANSITIONS
            .iter()
            .filter(|t| t.from == Some(terminal))
            .map(|t| (t.event, t.to))
            .collect();
        assert_eq!(
            leaving,
            [(ApplicationEventType::Erased, terminal)],
            "{terminal:?}"
        );
    }
    let log: Vec<_> = [C::Submitted { offer_id: "o".into() }, C::Withdrawn]
        .into_iter()
        .enumerate()
        .map(|(i, c)| event(i, c))
        .collect();
    let app = Application::replay(&log).unwrap();
    assert_eq!(app.allowed_events(), [ApplicationEventType::Erased]);
    for (i, c) in all_changes().into_iter().enumerate() {
        let mut copy = app.clone();
        let result = copy.apply(&event(10 + i, c.clone()));
        if c == C::Erased {
            result.unwrap();
            assert_eq!(copy.state(), Some(S::Withdrawn));
        } else {
            assert!(result.is_err(), "{c:?}");
        }
    }
}

/// Public bug reports of recruiting tools: reopening a rejected candidate put them back at the
/// first stage instead of the one they were rejected from.
#[test]
fn a_reopened_rejection_returns_to_the_stage_it_came_from() {
    let path = [
        C::Submitted { offer_id: "o".into() },
        C::ReviewStarted,
        C::InterviewScheduled { slot: slot() },
        C::Interviewed { scorecard: None },
    ];
    let mut log: Vec<_> = path.into_iter().enumerate().map(|(i, c)| event(i, c)).collect();
    log.push(event(10, C::Rejected));
    log.push(event(11, C::Reopened));
    let app = Application::replay(&log).unwrap();
    assert_eq!(app.state(), Some(S::Interviewed));
    assert_eq!(app.rejected_from(), None);
    // And from on_hold.
    let log: Vec<_> = [
        C::Submitted { offer_id: "o".into() },
        C::PutOnHold,
        C::Rejected,
        C::Reopened,
    ]
    .into_iter()
    .enumerate()
    .map(|(i, c)| event(i, c))
    .collect();
    assert_eq!(Application::replay(&log).unwrap().state(), Some(S::OnHold));
}

#[test]
fn an_event_dated_before_the_previous_one_is_refused() {
    let mut app = Application::default();
    app.apply(&event(5, C::Submitted { offer_id: "o".into() }))
        .unwrap();
    let before = app.clone();
    let refused = app.apply(&event(1, C::ReviewStarted)).unwrap_err();
    assert_eq!(refused.reason, Refusal::BeforePrevious);
    assert_eq!(app, before);
}

#[test]
fn a_refusal_names_the_state_and_the_event_in_both_languages() {
    let log = vec![
        event(0, C::Submitted { offer_id: "o".into() }),
        event(1, C::Selected),
    ];
    let replay = Replay::<Application>::run(&log);
    let rejected = replay.rejected.unwrap();
    assert_eq!(rejected.index, 1);
    let en = rejected.refused.message(mentor_core::Lang::En);
    let fr = rejected.refused.message(mentor_core::Lang::Fr);
    assert!(en.contains("`submitted`") && en.contains("`selected`"), "{en}");
    assert!(
        fr.contains("`submitted`") && fr.contains("`selected`") && fr.contains("n'autorise pas"),
        "{fr}"
    );
    let report = replay.to_json(mentor_core::Lang::En);
    assert_eq!(report["state"], "submitted");
    assert_eq!(report["refused"]["index"], 1);
    assert_eq!(report["refused"]["code"], "transition_not_allowed");
}

#[test]
fn events_read_from_json_with_paths_and_codes() {
    let ok = json!({"type": "interview_scheduled", "at": "2026-11-12T10:30:00+01:00", "actor": "mentor_manager", "version": 1,
        "slot": {"start": "2026-11-20T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45}});
    let e = Event::<C>::from_json(&ok).unwrap();
    assert_eq!(e.at, t0());
    assert_eq!(e.change, C::InterviewScheduled { slot: slot() });
    // No version: read as version 1.
    let no_version = json!({"type": "review_started", "at": "2026-11-12T09:30:00Z", "actor": "system"});
    assert!(Event::<C>::from_json(&no_version).is_ok());

    let codes = |v: serde_json::Value| -> Vec<(String, String)> {
        Event::<C>::from_json(&v)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|e| (e.path, e.code.as_str().to_owned()))
            .collect()
    };
    assert_eq!(
        codes(json!({"type": "hired", "at": "2026-11-12T09:30:00Z", "actor": "system"})),
        [("type".to_owned(), "invalid_enum".to_owned())]
    );
    assert_eq!(
        codes(json!({"type": "submitted", "at": "yesterday", "actor": "robot", "offer_id": "o"})),
        [
            ("at".to_owned(), "invalid_datetime".to_owned()),
            ("actor".to_owned(), "invalid_enum".to_owned())
        ]
    );
    assert_eq!(
        codes(json!({"type": "submitted", "at": "2026-11-12T09:30:00Z", "actor": "candidate"})),
        [("offer_id".to_owned(), "required".to_owned())]
    );
    assert_eq!(
        codes(
            json!({"type": "selected", "at": "2026-11-12T09:30:00Z", "actor": "mentor_manager", "slot": {}})
        ),
        [("slot".to_owned(), "unknown_field".to_owned())]
    );
    assert_eq!(
        codes(
            json!({"type": "selected", "at": "2026-11-12T09:30:00Z", "actor": "mentor_manager", "version": 2})
        ),
        [("version".to_owned(), "out_of_range".to_owned())]
    );
    assert_eq!(
        codes(
            json!({"type": "interview_scheduled", "at": "2026-11-12T09:30:00Z", "actor": "mentor_manager",
            "slot": {"start": "2026-11-20T17:00:00Z", "time_zone": "Europe/Pariss", "duration_minutes": 0}})
        ),
        [
            ("slot.time_zone".to_owned(), "invalid_timezone".to_owned()),
            ("slot.duration_minutes".to_owned(), "out_of_range".to_owned())
        ]
    );
    assert_eq!(codes(json!([1])), [(String::new(), "invalid_type".to_owned())]);
}

#[test]
fn the_diagram_has_one_arrow_per_row_and_every_state() {
    let diagram = mermaid::<Application>();
    let arrows = diagram
        .lines()
        .filter(|l| l.contains("-->") && !l.ends_with("[*]"))
        .count();
    assert_eq!(arrows, Application::TRANSITIONS.len());
    for (name, _) in S::ALL {
        assert!(
            diagram.contains(&format!(" {name} ")) || diagram.contains(&format!(" {name}:")),
            "{name}"
        );
    }
    assert!(diagram.contains("    rejected --> interviewed: reopened (back where it came from)\n"));
    assert!(diagram.contains("    [*] --> submitted: submitted\n"));
    for ty in ApplicationEventType::ALL {
        assert!(diagram.contains(&format!(": {}", ty.0)), "{}", ty.0);
    }
}

/// Public bug reports of recruiting tools: a double submission created two candidates. The same
/// person (e-mail compared case-insensitively) applying twice to the same offer is one
/// application; to another offer it is a second one.
#[test]
fn the_same_form_submitted_twice_is_a_duplicate_not_a_second_application() {
    use mentor_core::policy::Policy;
    use mentor_core::triage;
    let form = |email: &str, offer: &str| {
        json!({"offer_id": offer, "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": email, "country": "FR"},
            "subjects": [{"subject": "python", "level": "expert"}], "consent": {"data_processing": true}})
    };
    let batch = json!([
        {"offer_id": 7},
        form("ada@example.org", "mentor-web-2026"),
        form(" ADA@Example.org", "mentor-web-2026"),
        form("ada@example.org", "mentor-data-2026"),
    ]);
    let now = "2026-11-30T00:00:00Z".parse().unwrap();
    let report = triage::triage_json(&batch, &Policy::default(), now, mentor_core::Lang::En);
    let by_line = |line: u64| {
        report
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["line"] == line)
            .unwrap()
            .clone()
    };
    assert_eq!(by_line(2)["status"], "ranked");
    assert_eq!(by_line(4)["status"], "ranked");
    let dup = by_line(3);
    assert_eq!(dup["status"], "invalid");
    assert_eq!(dup["rank"], serde_json::Value::Null);
    assert_eq!(dup["errors"][0]["code"], "duplicate_application");
    assert_eq!(dup["errors"][0]["path"], "applicant.email");
    assert!(
        dup["errors"][0]["message"]
            .as_str()
            .unwrap()
            .ends_with("first seen at line 2")
    );
    let ranked = report
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] == "ranked")
        .count();
    assert_eq!(ranked, 2);
}

/// `docs/lifecycles.md`: selecting drafts a contract from the eligibility decision; sending it moves the
/// application to `contract_sent`; the last signature moves it to `contract_signed`; an
/// amendment's contract, sent and signed later, moves nothing.
#[test]
fn selecting_drafts_a_contract_and_signing_it_moves_the_application() {
    use mentor_core::contract::{self, Contract, ContractChange as K, SignerRole, Terms};
    use mentor_core::eligibility::{Party, WorkingSituation, evaluate};
    use mentor_core::policy::Policy;

    let situation = WorkingSituation::from_json(&json!({"country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}})).unwrap();
    let decision = evaluate(&situation, &Policy::default());
    let terms = Terms::from_json(
        &json!({"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "billing": "monthly",
        "start_date": "2026-12-01", "notice_period_days": 30}),
    )
    .unwrap();

    let path = [
        C::Submitted { offer_id: "o".into() },
        C::ReviewStarted,
        C::InterviewScheduled { slot: slot() },
        C::Interviewed { scorecard: None },
        C::Selected,
    ];
    let mut app = Application::replay(
        &path
            .into_iter()
            .enumerate()
            .map(|(i, c)| event(i, c))
            .collect::<Vec<_>>(),
    )
    .unwrap();

    let drafted = contract::draft("c-1", &decision, terms, t0() + Duration::hours(1)).unwrap();
    let mut contract = Contract::default();
    contract.apply(&drafted).unwrap();
    assert_eq!(contract.contracting_party().unwrap().party, Party::MentorBusiness);

    let mut at = t0() + Duration::hours(2);
    for change in [
        K::Sent {
            provider: None,
            request_id: None,
        },
        K::Signed {
            signer: SignerRole::ContractingParty,
        },
        K::Signed {
            signer: SignerRole::Company,
        },
    ] {
        let before = contract.state();
        contract
            .apply(&Event {
                at,
                actor: Actor::System,
                change,
            })
            .unwrap();
        if let Some(change) = contract.application_change(before) {
            app.apply(&Event {
                at,
                actor: Actor::System,
                change,
            })
            .unwrap();
        }
        at += Duration::hours(1);
    }
    assert!(contract.is_fully_signed());
    assert_eq!(app.state(), Some(S::ContractSigned));
    assert_eq!(app.contract_id(), Some("c-1"));

    // An amendment's contract moves nothing: sending and signing version 2 leaves the
    // application where the first contract took it.
    let event = |at, change| Event {
        at,
        actor: Actor::System,
        change,
    };
    contract.apply(&event(at, K::Activated)).unwrap();
    let terms_v2 = Terms::from_json(
        &json!({"version": 2, "currency": "EUR", "rates": {"mentoring": "40.00"}, "billing": "monthly",
        "start_date": "2027-01-01", "notice_period_days": 30}),
    )
    .unwrap();
    let (amended, drafted_v2) = contract::amend(&contract, "c-2", terms_v2, at).unwrap();
    let before = contract.state();
    contract.apply(&amended).unwrap();
    assert_eq!(contract.application_change(before), None);
    let mut amendment = Contract::default();
    amendment.apply(&drafted_v2).unwrap();
    assert_eq!(amendment.supersedes(), Some("c-1"));
    for change in [
        K::Sent {
            provider: None,
            request_id: None,
        },
        K::Signed {
            signer: SignerRole::ContractingParty,
        },
        K::Signed {
            signer: SignerRole::Company,
        },
    ] {
        at += Duration::hours(1);
        let before = amendment.state();
        amendment.apply(&event(at, change)).unwrap();
        assert_eq!(amendment.application_change(before), None);
    }
    assert!(amendment.is_fully_signed());
    assert_eq!(app.contract_id(), Some("c-1"));
}
