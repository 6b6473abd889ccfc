//! `mentor erase` (`docs/lifecycles.md#personal-data`, `docs/cli.md`): reads an event log and
//! prints it with its personal data removed and an `erased` event appended (GDPR art. 17). The
//! rules live in `mentor_core::recruitment::erase` and `mentor_core::contract::erase`; this file
//! reads the log and writes JSON Lines.
//!
//! Exit status: 0 erased; 1 a record is not an event, an event of the log is refused, or the
//! erasure is (an empty log, `--at` before the last event); 2 usage or I/O error.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use mentor_core::lifecycle::{Aggregate, Event, Rejected};
use mentor_core::{Lang, triage};

use crate::{Failure, read_event_log, say_error, write_with};

/// An erasure of the core: `recruitment::erase` or `contract::erase`.
type Erase<C> = fn(&[Event<C>], DateTime<Utc>) -> Result<Vec<Event<C>>, Rejected>;

/// Erases the log of `file` with `erase` (`recruitment::erase` or `contract::erase`) at `at`,
/// and prints the erased log on standard output, one event per line.
pub fn run_erase<A: Aggregate>(
    file: &str,
    at: DateTime<Utc>,
    lang: Lang,
    erase: Erase<A::Change>,
) -> Result<ExitCode, Failure> {
    let (records, events) = match read_event_log::<A>(file, lang, false)? {
        Ok(log) => log,
        Err(status) => return Ok(status),
    };
    match erase(&events, at) {
        Ok(erased) => {
            write_with(lang, |out| {
                for event in &erased {
                    serde_json::to_writer(&mut *out, event).map_err(std::io::Error::other)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Err(rejected) => {
            say_error(&refusal(&rejected, &records, events.len(), lang), lang);
            Ok(ExitCode::from(1))
        }
    }
}

/// Why nothing was erased: an event of the log that does not replay (its index and line), or
/// the `erased` event itself (an empty log, `--at` before the last event).
fn refusal(rejected: &Rejected, records: &[triage::Record], len: usize, lang: Lang) -> String {
    let why = rejected.refused.message(lang);
    if rejected.index >= len {
        return match lang {
            Lang::En => format!("nothing erased: {why}"),
            Lang::Fr => format!("rien n'est effacé : {why}"),
        };
    }
    // Records and events are in the same order.
    let line = records
        .get(rejected.index)
        .map_or(rejected.index + 1, triage::Record::line);
    match lang {
        Lang::En => format!("nothing erased: event {} (line {line}): {why}", rejected.index),
        Lang::Fr => format!(
            "rien n'est effacé : événement {} (ligne {line}) : {why}",
            rejected.index
        ),
    }
}
