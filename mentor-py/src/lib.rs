//! `mentor._native`: mentor-core from Python (the package `mentor`, see README.md).
//!
//! The binding converts and forwards: a Python object becomes the wire format (`docs/wire-format.md`)
//! (`serde_json::Value`), the core's `*_json` entry point answers, and the answer becomes
//! Python objects again. No rule is written here. Batch calls release the GIL while the core
//! works. Each concept has its file; a new core module gets a new file and one line below.

mod application;
mod args;
mod billing;
mod convert;
mod decision;
mod eligibility;
mod entry;
mod errors;
mod lifecycle;
mod mapping;
mod policy;
mod registration;
mod serialize;
mod triage;
mod webhook;

use pyo3::prelude::*;

/// mimalloc for the core's allocations: a batch allocates and frees millions of small strings
/// and maps, which glibc's allocator serves markedly slower (measured in bench/bench.py).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<policy::Policy>()?;
    m.add_function(wrap_pyfunction!(application::validate_application, m)?)?;
    m.add_class::<decision::Decision>()?;
    m.add_function(wrap_pyfunction!(eligibility::evaluate_eligibility, m)?)?;
    m.add_function(wrap_pyfunction!(eligibility::evaluate_eligibility_many, m)?)?;
    m.add_class::<entry::TriageEntry>()?;
    m.add_function(wrap_pyfunction!(triage::triage_forms, m)?)?;
    m.add_function(wrap_pyfunction!(triage::triage_json_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(triage::triage_file, m)?)?;
    m.add_function(wrap_pyfunction!(registration::validate_registration_number, m)?)?;
    m.add_function(wrap_pyfunction!(registration::registration_schemes, m)?)?;
    m.add_function(wrap_pyfunction!(errors::error_codes, m)?)?;
    m.add_class::<lifecycle::Application>()?;
    m.add_class::<lifecycle::Contract>()?;
    m.add_function(wrap_pyfunction!(lifecycle::erase_application, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::erase_contract, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::verify_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(billing::billing_statement, m)?)?;
    m.add_function(wrap_pyfunction!(billing::check_invoice, m)?)?;
    Ok(())
}
