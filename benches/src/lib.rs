//! Deterministic generator of realistic inputs for the benchmarks: application forms and
//! working situations that cover every row of the decision table (`docs/wire-format.md#decision`), the 15
//! countries with registration rules, one without (JP) and one the benchmark policy excludes
//! (RU), valid and invalid registration numbers. Seeded, so every run sees the same data.
//!
//! The side-by-side benchmarks (issue 8) share [`cases`]: each is a situation, its `facts`
//! (the situation flattened, with the registration check precomputed by mentor, which is what
//! the rules engines in `benches/engines/` read) and the `expected` answer (mentor's decision
//! reduced to what every engine must reproduce).

#![allow(
    clippy::indexing_slicing,
    reason = "string-keyed indexing of JSON objects the generator itself built as objects"
)]
use chrono::{DateTime, TimeDelta, Utc};
use mentor_core::eligibility::{
    Decision, EmployerAgreement, Route, WorkingSituation, WorkingStatus, evaluate,
};
use mentor_core::interview::{Rating, Recommendation, Scorecard, Slot};
use mentor_core::lifecycle::{Actor, Aggregate, Event};
use mentor_core::policy::{Policy, PolicyError};
use mentor_core::recruitment::{Application, ApplicationChange};
use mentor_core::registration::{self, RegistrationError};
use serde_json::{Value, json};

/// A small, fast, seeded PRNG (SplitMix64): deterministic across machines.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// Registration numbers by country: well-formed ones (checked by hand or against
/// python-stdnum) and, for most countries, the same with a digit changed; (country, number).
pub const NUMBERS: &[(&str, &str)] = &[
    ("FR", "732 829 320 00074"),
    ("FR", "732829320"),
    ("FR", "FR40303265045"),
    ("FR", "732 829 320 00075"),
    ("US", "12-3456789"),
    ("US", "07-3456789"),
    ("GB", "GB980780684"),
    ("GB", "GB980780685"),
    ("DE", "DE136695976"),
    ("DE", "DE136695978"),
    ("ES", "A58818501"),
    ("ES", "A58818502"),
    ("IT", "00743110157"),
    ("IT", "00743110158"),
    ("BE", "BE 0403.019.261"),
    ("BE", "BE0000000000"),
    ("CH", "CHE-116.281.710"),
    ("CH", "CHE-116.281.711"),
    ("CA", "123456782"),
    ("NL", "NL004495445B01"),
    ("NL", "12345678"),
    ("MA", "001561191000066"),
    ("SN", "3067221"),
    ("CI", "1234567A"),
    ("TN", "1234567/M/A/M/000"),
    ("CM", "M012345678901A"),
    ("JP", "T1234567890123"),
];

/// Countries the benchmark policy excludes (`benches/engines/policy.toml`), with a number of
/// theirs, drawn alongside [`NUMBERS`] so that the exclusion row of the decision table
/// (`docs/wire-format.md#decision`) appears. Russia has no registration rules in mentor either, so its number
/// is also `unsupported`.
pub const EXCLUDED: &[(&str, &str)] = &[("RU", "1027700132195")];

const STATUSES: &[&str] = &[
    "employee",
    "freelancer",
    "company_owner",
    "self_employed",
    "student",
    "job_seeker",
    "retired",
    "other",
];
const SECTORS: &[&str] = &["tutoring", "education", "it_services", "other"];
const AGREEMENTS: &[&str] = &["agreed", "refused", "not_asked"];
const SUBJECTS: &[&str] = &[
    "web_development",
    "python",
    "data_analysis",
    "cybersecurity",
    "ux_design",
    "devops",
    "project_management",
];
const LEVELS: &[&str] = &["comfortable", "proficient", "expert"];

/// A working situation (`docs/wire-format.md#working-situation`) drawn to cover every row of the decision
/// table.
pub fn situation(rng: &mut Rng) -> Value {
    let drawn = rng.below(NUMBERS.len() + EXCLUDED.len());
    let (country, number) = NUMBERS
        .iter()
        .chain(EXCLUDED)
        .nth(drawn)
        .copied()
        .unwrap_or(("FR", "732829320"));
    let status = rng.pick(STATUSES).copied().unwrap_or("freelancer");
    let mut s = json!({"country": country, "status": status});
    if status == "employee" {
        s["employment"] = json!({
            "full_time": rng.below(4) != 0,
            "employer_sector": rng.pick(SECTORS).copied().unwrap_or("other"),
            "employer_agreement": rng.pick(AGREEMENTS).copied().unwrap_or("not_asked"),
            "employer_informed": rng.below(2) == 0,
        });
        match rng.below(3) {
            0 => {}
            1 => s["route"] = json!("via_employer"),
            _ => s["route"] = json!("via_own_company"),
        }
    }
    match rng.below(4) {
        0 => {}
        1 => s["business"] = json!({"legal_form": "micro_entrepreneur"}),
        _ => s["business"] = json!({"legal_form": "micro_entrepreneur", "registration_number": number}),
    }
    s
}

/// The benchmark policy (`benches/engines/policy.toml`), which every engine encodes as
/// literals: the default sectors that suit WS-2, Russia excluded.
pub const POLICY_TOML: &str = include_str!("../engines/policy.toml");

/// [`POLICY_TOML`], loaded.
///
/// # Errors
/// [`PolicyError`] if the file does not load (a test checks that it does).
pub fn benchmark_policy() -> Result<Policy, PolicyError> {
    Policy::from_toml(POLICY_TOML)
}

/// What the rules engines read (the `facts` of a case): the situation flattened with the
/// defaults of `docs/wire-format.md#working-situation` applied (agreement `not_asked`, sector `other`,
/// informed `false`, route `null`) and the registration check precomputed by mentor, as the performance
/// targets (`benches/RESULTS.md#targets`) measured the engines: `none` (no business, or no number), `valid` /
/// `invalid` (mentor's [`registration::validate`] for the country), `unsupported` (a country without rules).
/// `Value::Null` for a situation that does not parse (the generator never makes one).
#[must_use]
pub fn facts(situation: &Value) -> Value {
    WorkingSituation::from_json(situation).map_or(Value::Null, |s| facts_of(&s))
}

/// [`facts`] of a parsed situation.
#[must_use]
pub fn facts_of(s: &WorkingSituation) -> Value {
    let status = match s.status() {
        WorkingStatus::Employee => "employee",
        WorkingStatus::Freelancer => "freelancer",
        WorkingStatus::CompanyOwner => "company_owner",
        WorkingStatus::SelfEmployed => "self_employed",
        WorkingStatus::Student => "student",
        WorkingStatus::JobSeeker => "job_seeker",
        WorkingStatus::Retired => "retired",
        WorkingStatus::Other => "other",
    };
    let route = s.route().map(|r| match r {
        Route::ViaEmployer => "via_employer",
        Route::ViaOwnCompany => "via_own_company",
    });
    let agreement = match s.employment().agreement {
        EmployerAgreement::Agreed => "agreed",
        EmployerAgreement::Refused => "refused",
        EmployerAgreement::NotAsked => "not_asked",
    };
    let number = s.business().and_then(|b| b.registration_number.as_deref());
    let registration = match number.map(|n| registration::validate(s.country(), n)) {
        None => "none",
        Some(Ok(_)) => "valid",
        Some(Err(RegistrationError::Invalid(_))) => "invalid",
        Some(Err(_)) => "unsupported",
    };
    json!({
        "country": s.country().as_str(),
        "status": status,
        "route": route,
        "agreement": agreement,
        "sector": s.employment().sector,
        "informed": s.employment().employer_informed,
        "has_business": s.business().is_some(),
        "registration": registration,
    })
}

/// The answer every engine must give (the `expected` of a case): mentor's decision without
/// its messages, reasons and registration details, action codes sorted.
#[must_use]
pub fn expected(decision: &Decision) -> Value {
    let codes = |actions: &[mentor_core::eligibility::Action]| -> Vec<String> {
        let mut codes: Vec<String> = actions
            .iter()
            .filter_map(|a| json!(a.code).as_str().map(str::to_owned))
            .collect();
        codes.sort();
        codes
    };
    json!({
        "outcome": decision.outcome(),
        "contracting_party": decision.contracting_party(),
        "invoicing_party": decision.invoicing_party(),
        "payout": decision.payout(),
        "required_actions": codes(decision.required_actions()),
        "recommended_actions": codes(decision.recommended_actions()),
    })
}

/// One benchmark case: a working situation, what the engines read, what they must answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// The working situation (`docs/wire-format.md#working-situation`), as a user sends it.
    pub situation: Value,
    /// [`facts`] of the situation.
    pub facts: Value,
    /// [`expected`] of mentor's decision under the policy.
    pub expected: Value,
}

impl Case {
    /// The line of the shared JSON Lines file (`{"situation", "facts", "expected"}`).
    #[must_use]
    pub fn to_json(&self) -> Value {
        json!({"situation": self.situation, "facts": self.facts, "expected": self.expected})
    }
}

/// `n` cases drawn with [`situation`] from `seed`, decided under `policy` (normally
/// [`benchmark_policy`]). Situations that do not parse are skipped (the generator makes none;
/// `generated_cases_cover_the_decision_table` checks the count).
#[must_use]
pub fn cases(seed: u64, n: usize, policy: &Policy) -> Vec<Case> {
    let mut rng = Rng::new(seed);
    (0..n)
        .filter_map(|_| {
            let situation = situation(&mut rng);
            let parsed = WorkingSituation::from_json(&situation).ok()?;
            let facts = facts_of(&parsed);
            let expected = expected(&evaluate(&parsed, policy));
            Some(Case {
                situation,
                facts,
                expected,
            })
        })
        .collect()
}

/// An application form (`docs/wire-format.md#application-form`), mostly valid, one in twenty with an error,
/// with a working situation most of the time.
pub fn form(rng: &mut Rng, i: usize) -> Value {
    let mut situation = situation(rng);
    let country = situation.get("country").cloned().unwrap_or(json!("FR"));
    let mut f = json!({
        "reference": format!("B-{i}"),
        "offer_id": "mentor-web-2026",
        "applicant": {
            "first_name": "Camille", "last_name": "Moreau",
            "email": format!("applicant{i}@example.org"),
            "country": country, "timezone": "Europe/Paris", "languages": ["fr", "en"],
        },
        "subjects": [{
            "subject": rng.pick(SUBJECTS).copied().unwrap_or("python"),
            "level": rng.pick(LEVELS).copied().unwrap_or("proficient"),
            "years_experience": rng.below(20),
        }],
        "consent": {"data_processing": true},
        "submitted_at": format!("2026-11-{:02}T{:02}:15:00Z", 1 + rng.below(28), rng.below(24)),
    });
    if rng.below(2) == 0 {
        f["experience"] = json!({"current_role": "Developer", "years_professional": rng.below(30), "mentoring_experience": true, "recent_projects": ["A site"]});
        f["motivation"] = json!("I like explaining things.");
        f["availability_hours_per_week"] = json!(1 + rng.below(20));
        f["links"] = json!({"portfolio": "https://example.org/me"});
    }
    if rng.below(5) != 0 {
        if let Some(obj) = situation.as_object_mut() {
            obj.remove("country");
        }
        f["working_situation"] = situation;
    }
    if rng.below(20) == 0 {
        f["applicant"]["email"] = json!("not-an-email");
    }
    f
}

/// `n` forms as JSON Lines text.
#[must_use]
pub fn forms_jsonl(seed: u64, n: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 700);
    for i in 0..n {
        out.push_str(&form(&mut rng, i).to_string());
        out.push('\n');
    }
    out
}

/// Application event logs for the replay benchmark: `logs` applications of 10 events each,
/// every one a path the lifecycle allows (`docs/lifecycles.md`), with the interview moved, missed,
/// cancelled, put on hold, rejected and reopened along the way, so that replay meets a mix of
/// event types rather than one hot row. Logs the lifecycle would refuse are left out (none
/// are: the `generated_logs_are_full_and_valid` test checks it).
#[must_use]
pub fn application_logs(rng: &mut Rng, logs: usize) -> Vec<Vec<Event<ApplicationChange>>> {
    use ApplicationChange as C;
    let start: DateTime<Utc> = DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
    let slot = Slot {
        start: start + TimeDelta::days(7),
        time_zone: chrono_tz::Europe::Paris,
        duration_minutes: 45,
    };
    let card = Scorecard {
        kindness: Rating::Score(4),
        patience: Rating::Score(3),
        humility: Rating::NoDecision,
        communication: Rating::Score(4),
        subject_knowledge: Rating::Score(3),
        recommendation: Recommendation::Yes,
    };
    let contract = || C::ContractSent {
        contract_id: "c-2026-0001".to_owned(),
    };
    let signed = || C::ContractSigned {
        contract_id: "c-2026-0001".to_owned(),
    };
    // After `submitted`, nine events each.
    let paths: [Vec<C>; 4] = [
        vec![
            C::ReviewStarted,
            C::InterviewScheduled { slot },
            C::InterviewRescheduled { slot },
            C::Interviewed { scorecard: None },
            C::ScorecardSubmitted { scorecard: card },
            C::Selected,
            contract(),
            signed(),
            C::Onboarded,
        ],
        vec![
            C::ReviewStarted,
            C::PutOnHold,
            C::Resumed,
            C::InterviewScheduled { slot },
            C::NoShow,
            C::InterviewRescheduled { slot },
            C::Interviewed {
                scorecard: Some(card),
            },
            C::Rejected,
            C::Reopened,
        ],
        vec![
            C::ReviewStarted,
            C::InterviewScheduled { slot },
            C::InterviewCancelled,
            C::Rejected,
            C::Reopened,
            C::InterviewScheduled { slot },
            C::Interviewed {
                scorecard: Some(card),
            },
            C::Selected,
            C::Withdrawn,
        ],
        vec![
            C::PutOnHold,
            C::Rejected,
            C::Reopened,
            C::Resumed,
            C::InterviewScheduled { slot },
            C::InterviewRescheduled { slot },
            C::InterviewRescheduled { slot },
            C::NoShow,
            C::Withdrawn,
        ],
    ];
    (0..logs)
        .filter_map(|i| {
            let path = rng.pick(&paths)?;
            let mut at = start + TimeDelta::minutes(i64::try_from(i).unwrap_or(0));
            let mut log = Vec::with_capacity(10);
            log.push(Event {
                at,
                actor: Actor::Candidate,
                change: C::Submitted {
                    offer_id: "mentor-web-2026".to_owned(),
                },
            });
            for change in path {
                at += TimeDelta::hours(1);
                let actor = if matches!(change, C::Withdrawn) {
                    Actor::Candidate
                } else {
                    Actor::MentorManager
                };
                log.push(Event {
                    at,
                    actor,
                    change: change.clone(),
                });
            }
            Application::replay(&log).is_ok().then_some(log)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row of the decision table (`docs/wire-format.md#decision`) a case falls in: status, then what the
    /// row depends on.
    fn row(facts: &Value) -> String {
        let f = |k: &str| facts[k].as_str().unwrap_or("null").to_owned();
        let registration = if facts["has_business"] == json!(true) {
            f("registration")
        } else {
            "no_business".to_owned()
        };
        let suited = ["tutoring", "education", "it_services"].contains(&f("sector").as_str());
        match (f("status").as_str(), f("route").as_str()) {
            ("employee", "null") => "employee/no_route".to_owned(),
            ("employee", "via_employer") => {
                format!("employee/via_employer/{}/suited={suited}", f("agreement"))
            }
            ("employee", route) => format!("employee/{route}/{registration}/informed={}", facts["informed"]),
            (status, _) => format!("{status}/{registration}"),
        }
    }

    #[test]
    fn generated_cases_cover_the_decision_table() {
        let policy = benchmark_policy().unwrap();
        let cases = cases(42, 10_000, &policy);
        assert_eq!(cases.len(), 10_000, "every generated situation parses");
        let registrations = ["no_business", "none", "valid", "invalid", "unsupported"];
        let mut wanted = std::collections::BTreeSet::new();
        for status in STATUSES {
            if *status != "employee" {
                wanted.extend(registrations.iter().map(|r| format!("{status}/{r}")));
                continue;
            }
            wanted.insert("employee/no_route".to_owned());
            for agreement in AGREEMENTS {
                wanted.extend(
                    [true, false].map(|suited| format!("employee/via_employer/{agreement}/suited={suited}")),
                );
            }
            for r in registrations {
                wanted.extend(
                    [true, false].map(|informed| format!("employee/via_own_company/{r}/informed={informed}")),
                );
            }
        }
        let seen: std::collections::BTreeSet<String> = cases.iter().map(|c| row(&c.facts)).collect();
        let missing: Vec<&String> = wanted.difference(&seen).collect();
        assert!(missing.is_empty(), "rows never generated: {missing:?}");
        assert!(
            seen.is_subset(&wanted),
            "rows outside the table: {:?}",
            seen.difference(&wanted).collect::<Vec<_>>()
        );

        let values = |key: &str| -> std::collections::BTreeSet<String> {
            cases
                .iter()
                .flat_map(|c| match &c.expected[key] {
                    Value::Array(items) => items.iter().map(ToString::to_string).collect(),
                    v => vec![v.to_string()],
                })
                .collect()
        };
        assert_eq!(
            values("outcome").len(),
            4,
            "every outcome: {:?}",
            values("outcome")
        );
        assert_eq!(
            values("required_actions").len(),
            6,
            "every required action: {:?}",
            values("required_actions")
        );
        assert_eq!(values("recommended_actions").len(), 1, "inform_employer");
        assert_eq!(values("payout").len(), 3, "payroll, invoice and none");

        let countries: std::collections::BTreeSet<&str> =
            cases.iter().filter_map(|c| c.facts["country"].as_str()).collect();
        assert_eq!(
            countries.len(),
            15 + 2,
            "the 15 countries with rules, JP and RU: {countries:?}"
        );
        assert!(
            cases
                .iter()
                .any(|c| c.facts["country"] == "RU" && c.expected["outcome"] == "ineligible")
        );
        assert!(
            cases
                .iter()
                .any(|c| c.facts["country"] == "JP" && c.expected["outcome"] == "needs_review")
        );
    }

    #[test]
    fn facts_apply_the_defaults_and_precompute_the_registration() {
        let f = facts(
            &json!({"country": "FR", "status": "employee", "route": "via_own_company", "business": {"registration_number": "732 829 320 00074"}}),
        );
        assert_eq!(
            f,
            json!({"country": "FR", "status": "employee", "route": "via_own_company", "agreement": "not_asked", "sector": "other",
                   "informed": false, "has_business": true, "registration": "valid"})
        );
        assert_eq!(
            facts(
                &json!({"country": "FR", "status": "student", "business": {"registration_number": "732 829 320 00075"}})
            )["registration"],
            "invalid"
        );
        assert_eq!(
            facts(
                &json!({"country": "JP", "status": "freelancer", "business": {"registration_number": "T1"}})
            )["registration"],
            "unsupported"
        );
        assert_eq!(
            facts(&json!({"country": "FR", "status": "freelancer", "business": {}}))["registration"],
            "none"
        );
        assert_eq!(facts(&json!({"status": "pirate"})), Value::Null);
    }

    #[test]
    fn generated_logs_are_full_and_valid() {
        let logs = application_logs(&mut Rng::new(1), 400);
        assert_eq!(logs.len(), 400);
        assert!(logs.iter().all(|l| l.len() == 10));
    }
}
