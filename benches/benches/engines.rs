//! Side by side (issue 8, `benches/RESULTS.md#targets`): the eligibility decision of
//! `docs/wire-format.md#decision` by mentor, by a GoRules ZEN decision graph (`zen-engine`) and by a JSON
//! Logic rule (`datalogic-rs`), on the same generated cases, under the benchmark policy. The rule files are
//! in `benches/engines/` (README there); the engines read the cases' `facts`, where mentor's registration
//! check is precomputed for them, so they are timed doing less than mentor does.
//!
//! Before any timing, every engine's answer is compared with mentor's on all 10,000 cases
//! (seed 42): a disagreement stops the run with the first disagreeing cases, so no number is
//! ever printed for an engine that answers something else.
//!
//! Groups (the lead's `benches/report.py` reads `target/criterion/<group>/<name>`):
//! - `engines`: one decision per iteration, cycling through 1,000 cases (an average over the
//!   mix of rows, not one hot row);
//! - `engines batch`: 10,000 decisions per iteration, throughput in decisions.
//!
//! `cargo bench -p mentor-benches --features engines --bench engines -- --test` runs the
//! agreement check and each routine once (`benches/run.sh` runs it in full; CI only lints this
//! file, since zen-engine's 338 crates take about 16 minutes to build here).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark stops loudly on bad setup or on engines that disagree; indices are kept in range by modulo"
)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use datalogic_rs::{Logic, ParsedData};
use mentor_benches::{Case, benchmark_policy, cases};
use mentor_core::Lang;
use mentor_core::eligibility::{WorkingSituation, evaluate, evaluate_json_str, evaluate_json_text};
use mentor_core::policy::Policy;
use serde_json::{Value, json};
use zen_engine::model::DecisionContent;
use zen_engine::{Decision, DecisionEngine, Variable};

/// The cases checked for agreement, and timed in the batch group.
const CASES: usize = 10_000;
/// The cases a one-decision benchmark cycles through.
const CYCLE: usize = 1_000;
const SEED: u64 = 42;

const JDM: &str = include_str!("../engines/eligibility.jdm.json");
const JSON_LOGIC: &str = include_str!("../engines/eligibility.jsonlogic.json");

/// Every input shape the benchmarks use, built once.
struct Inputs {
    cases: Vec<Case>,
    /// The situations as JSON text (what mentor reads).
    situation_texts: Vec<String>,
    /// The situations parsed (mentor's typed input).
    situations: Vec<WorkingSituation>,
    /// The facts as JSON text (what the engines read).
    facts_texts: Vec<String>,
    /// The facts as ZEN's input type.
    facts_zen: Vec<Variable>,
    /// The facts parsed once by datalogic-rs.
    facts_parsed: Vec<ParsedData>,
}

impl Inputs {
    fn new(policy: &Policy) -> Self {
        let cases = cases(SEED, CASES, policy);
        assert_eq!(
            cases.len(),
            CASES,
            "the generator makes only situations that parse"
        );
        let situation_texts: Vec<String> = cases.iter().map(|c| c.situation.to_string()).collect();
        let situations = cases
            .iter()
            .map(|c| WorkingSituation::from_json(&c.situation).unwrap())
            .collect();
        let facts_texts: Vec<String> = cases.iter().map(|c| c.facts.to_string()).collect();
        let facts_zen = cases.iter().map(|c| Variable::from(&c.facts)).collect();
        let facts_parsed = facts_texts
            .iter()
            .map(|t| ParsedData::from_json(t).unwrap())
            .collect();
        Inputs {
            cases,
            situation_texts,
            situations,
            facts_texts,
            facts_zen,
            facts_parsed,
        }
    }
}

/// The ZEN decision, compiled once, and the runtime its async `evaluate` runs on.
struct Zen {
    decision: Decision,
    runtime: tokio::runtime::Runtime,
}

impl Zen {
    fn new() -> Self {
        let content: DecisionContent =
            serde_json::from_str(JDM).expect("eligibility.jdm.json is a JDM graph");
        let mut decision = DecisionEngine::default()
            .create_decision(Arc::new(content))
            .expect("a graph, not a policy document");
        // Precompiles the expressions and indexes the tables, as a service would once.
        decision.compile();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a current-thread runtime");
        Zen { decision, runtime }
    }

    fn evaluate(&self, facts: Variable) -> Variable {
        match self.runtime.block_on(self.decision.evaluate(facts)) {
            Ok(response) => response.result,
            Err(e) => panic!("zen failed: {e}"),
        }
    }

    fn evaluate_text(&self, text: &str) -> Variable {
        self.evaluate(serde_json::from_str::<Variable>(text).expect("facts are JSON"))
    }
}

/// The JSON Logic rule, compiled once, and the datalogic engine.
struct JsonLogic {
    engine: datalogic_rs::Engine,
    rule: Logic,
}

impl JsonLogic {
    fn new() -> Self {
        let engine = datalogic_rs::Engine::new();
        let rule = engine
            .compile(JSON_LOGIC)
            .expect("eligibility.jsonlogic.json compiles");
        JsonLogic { engine, rule }
    }
}

/// An engine's answer in the shape of `expected`: the six compared keys, a missing one read as
/// `null` (ZEN builds its result by merging the output node's data into `{}` with JSON Merge
/// Patch semantics, so a key whose value is `null` is dropped), action lists sorted (a ZEN
/// collect table lists its rows in table order; the contract compares sorted lists).
fn normalized(answer: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in [
        "outcome",
        "contracting_party",
        "invoicing_party",
        "payout",
        "required_actions",
        "recommended_actions",
    ] {
        let mut value = answer.get(key).cloned().unwrap_or(Value::Null);
        if let Value::Array(codes) = &mut value {
            codes.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
        }
        out.insert(key.to_owned(), value);
    }
    Value::Object(out)
}

/// The JSON Logic answer `[outcome, contracting_party, invoicing_party, payout, [required],
/// [recommended]]` as an object.
fn from_array(answer: &Value) -> Value {
    let at = |i: usize| answer.get(i).cloned().unwrap_or(Value::Null);
    normalized(&json!({
        "outcome": at(0), "contracting_party": at(1), "invoicing_party": at(2), "payout": at(3),
        "required_actions": at(4), "recommended_actions": at(5),
    }))
}

/// Panics with the first disagreeing cases when an engine's answers differ from `expected`.
fn check(engine: &str, inputs: &Inputs, answers: impl Iterator<Item = Value>) {
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for (case, answer) in inputs.cases.iter().zip(answers) {
        checked += 1;
        if answer != case.expected {
            disagreements.push(format!(
                "  facts {}\n  expected {}\n  {engine} {answer}",
                case.facts, case.expected
            ));
        }
    }
    assert_eq!(checked, inputs.cases.len(), "{engine}: every case answered");
    assert!(
        disagreements.is_empty(),
        "{engine} disagrees with mentor on {} of {checked} cases; the first ones:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    eprintln!("agreement: {engine} gives mentor's answer on all {checked} cases");
}

fn agreement(inputs: &Inputs, policy: &Policy, zen: &Zen, logic: &JsonLogic) {
    // mentor's own fast reading of JSON text must give the same decision as the cases'.
    check(
        "mentor/json text",
        inputs,
        inputs.situation_texts.iter().map(|t| {
            mentor_benches::expected(&evaluate(&WorkingSituation::from_json_str(t).unwrap(), policy))
        }),
    );
    let zen_answer = |v: Variable| normalized(&serde_json::to_value(&v).unwrap());
    check(
        "zen/typed",
        inputs,
        inputs
            .facts_zen
            .iter()
            .map(|f| zen_answer(zen.evaluate(f.clone()))),
    );
    // Twice: the typed inputs are reused across iterations, so evaluation must not change them.
    check(
        "zen/typed (again)",
        inputs,
        inputs
            .facts_zen
            .iter()
            .map(|f| zen_answer(zen.evaluate(f.clone()))),
    );
    check(
        "zen/json text",
        inputs,
        inputs
            .facts_texts
            .iter()
            .map(|t| zen_answer(zen.evaluate_text(t))),
    );
    // Through the timed path itself: one session reused, the borrowed answer, then a reset.
    let mut session = logic.engine.session();
    let owned = |answer: datalogic_rs::Result<&datalogic_rs::DataValue<'_>>| {
        from_array(
            &answer
                .and_then(<Value as datalogic_rs::FromDataValue>::from_arena)
                .expect("the rule evaluates"),
        )
    };
    check(
        "jsonlogic/json text",
        inputs,
        inputs.facts_texts.iter().map(|t| {
            let answer = owned(session.eval_borrowed(&logic.rule, t.as_str()));
            session.reset();
            answer
        }),
    );
    check(
        "jsonlogic/parsed data",
        inputs,
        inputs.facts_parsed.iter().map(|p| {
            let answer = owned(session.eval_borrowed(&logic.rule, p));
            session.reset();
            answer
        }),
    );
}

fn engines(c: &mut Criterion) {
    let policy = benchmark_policy().expect("benches/engines/policy.toml loads");
    let inputs = Inputs::new(&policy);
    let zen = Zen::new();
    let logic = JsonLogic::new();
    agreement(&inputs, &policy, &zen, &logic);

    let mut g = c.benchmark_group("engines");
    let mut i = 0;
    let mut next = || {
        i = (i + 1) % CYCLE;
        i
    };
    g.bench_function("mentor/typed", |b| {
        b.iter(|| evaluate(black_box(&inputs.situations[next()]), &policy))
    });
    g.bench_function("mentor/json text", |b| {
        b.iter(|| {
            WorkingSituation::from_json_str(black_box(&inputs.situation_texts[next()]))
                .map(|s| evaluate(&s, &policy))
        })
    });
    g.bench_function("mentor/json text to json", |b| {
        b.iter(|| evaluate_json_str(black_box(&inputs.situation_texts[next()]), &policy, Lang::En))
    });
    g.bench_function("mentor/json text to json text", |b| {
        b.iter(|| evaluate_json_text(black_box(&inputs.situation_texts[next()]), &policy, Lang::En))
    });
    g.bench_function("zen/typed", |b| {
        b.iter(|| zen.evaluate(black_box(&inputs.facts_zen[next()]).clone()))
    });
    g.bench_function("zen/json text", |b| {
        b.iter(|| zen.evaluate_text(black_box(&inputs.facts_texts[next()])))
    });
    let mut session = logic.engine.session();
    g.bench_function("jsonlogic/json text", |b| {
        b.iter(|| {
            let answered = session
                .eval_borrowed(&logic.rule, black_box(inputs.facts_texts[next()].as_str()))
                .map(|v| black_box(v).is_array());
            session.reset();
            answered
        })
    });
    g.bench_function("jsonlogic/parsed data", |b| {
        b.iter(|| {
            let answered = session
                .eval_borrowed(&logic.rule, black_box(&inputs.facts_parsed[next()]))
                .map(|v| black_box(v).is_array());
            session.reset();
            answered
        })
    });
    g.finish();

    let mut g = c.benchmark_group("engines batch");
    g.throughput(Throughput::Elements(CASES as u64))
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    g.bench_function("mentor/json text", |b| {
        b.iter(|| {
            inputs
                .situation_texts
                .iter()
                .filter(|t| {
                    WorkingSituation::from_json_str(t)
                        .map(|s| black_box(evaluate(&s, &policy)))
                        .is_ok()
                })
                .count()
        })
    });
    g.bench_function("zen/json text", |b| {
        b.iter(|| {
            inputs
                .facts_texts
                .iter()
                .map(|t| zen.evaluate_text(t))
                .filter(|v| !matches!(v, Variable::Null))
                .count()
        })
    });
    g.bench_function("jsonlogic/json text", |b| {
        b.iter_batched_ref(
            || logic.engine.session(),
            |session| {
                inputs
                    .facts_texts
                    .iter()
                    .filter(|t| {
                        let answered = session
                            .eval_borrowed(&logic.rule, t.as_str())
                            .is_ok_and(|v| v.is_array());
                        session.reset();
                        answered
                    })
                    .count()
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, engines);
criterion_main!(benches);
