//! A documenso webhook delivery (`docs/esign.md`): headers and body as sent, then signed by the
//! harness; see `fuzz/src/webhook.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::esign::Provider;

fuzz_target!(|data: &[u8]| mentor_fuzz::webhook::run(Provider::Documenso, data));
