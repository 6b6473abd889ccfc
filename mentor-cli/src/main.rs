//! `mentor`: the command line of the mentor library (`docs/cli.md`).
//!
//! Exit status: 0 all good; 1 some records were invalid (or a number is not well-formed, or a
//! replayed or erased event was refused); 2 usage or I/O error. Errors go to stderr in the chosen language.

mod billing;
mod country_names;
mod erase;
mod jobs;
mod operator;
mod render;
mod usage;
mod webhook;

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mentor_core::contract::Contract;
use mentor_core::eligibility::{self, WorkingSituation};
use mentor_core::lifecycle::{self, Aggregate, Event, Replay};
use mentor_core::policy::Policy;
use mentor_core::recruitment::Application;
use mentor_core::triage;
use mentor_core::wire::{RecordReader, Unread};
use mentor_core::{ErrorCode, Lang, Localized, registration};
use usage::BadValue;

/// Batch files at least this large (4 MiB, about 7,000 forms) show a progress bar on a terminal.
const PROGRESS_FROM: u64 = 4 << 20;

#[derive(Parser)]
#[command(
    name = "mentor",
    version,
    about = "Triage mentor applications, decide working-status eligibility, check registration numbers"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate, decide eligibility and rank a batch of application forms (JSON array or JSON Lines).
    Triage {
        /// The forms; `-` reads standard input.
        file: String,
        /// Policy file, TOML or JSON (`docs/policy.md`); defaults apply without it.
        #[arg(long)]
        policy: Option<String>,
        /// The time to rank at, RFC 3339 (default: now).
        #[arg(long, value_parser = parse_now)]
        now: Option<DateTime<Utc>>,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
        /// Threads that assess the forms, 0 to 256 (0: one per core); the report is the same.
        #[arg(long, default_value_t = 1, value_name = "N", value_parser = parse_jobs)]
        jobs: u16,
    },
    /// Decide who signs and bills for one working situation (`docs/wire-format.md#working-situation`).
    Eligibility {
        /// The working situation as JSON; `-` reads standard input.
        file: String,
        /// Policy file, TOML or JSON.
        #[arg(long)]
        policy: Option<String>,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Check that a business registration number is well-formed (not that it is registered).
    ValidateId {
        /// ISO 3166-1 alpha-2 country code (FR, US, GB…).
        country: String,
        /// The number, as typed.
        number: String,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Print the Mermaid state diagram of a lifecycle, drawn from its transition table.
    Diagram {
        /// Which lifecycle.
        #[arg(value_enum)]
        lifecycle: Lifecycle,
    },
    /// Replay an event log: final state, history, and what may happen next.
    Replay {
        /// Which lifecycle.
        #[arg(value_enum)]
        lifecycle: Lifecycle,
        /// The events (JSON array or JSON Lines); `-` reads standard input.
        file: String,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Print an event log with its personal data removed and an `erased` event appended (GDPR art. 17), as JSON Lines.
    Erase {
        /// Which lifecycle.
        #[arg(value_enum)]
        lifecycle: Lifecycle,
        /// The events (JSON array or JSON Lines); `-` reads standard input.
        file: String,
        /// When the erasure is recorded, RFC 3339 (default: now); not before the log's last event.
        #[arg(long, value_parser = parse_now)]
        at: Option<DateTime<Utc>>,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
    },
    /// Monthly billing statement of a contract: sessions priced, totals, VAT and mention (BIL-1).
    Statement {
        /// The contract for billing (JSON); `-` reads standard input.
        #[arg(long)]
        contract: String,
        /// The sessions (JSON array or JSON Lines); `-` reads standard input.
        #[arg(long)]
        sessions: String,
        /// The billing period, YYYY-MM.
        #[arg(long)]
        period: String,
        /// Policy file, TOML or JSON (its [billing] keys).
        #[arg(long)]
        policy: Option<String>,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// JSON output (what `check-invoice --statement` reads).
        #[arg(long)]
        json: bool,
    },
    /// Check a received invoice against a statement; exit 1 on any discrepancy.
    CheckInvoice {
        /// The statement, as `mentor statement --json` writes it.
        #[arg(long)]
        statement: String,
        /// The received invoice (JSON).
        #[arg(long)]
        invoice: String,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// Verify an e-signature webhook delivery and print its normalised events (`docs/esign.md`); exit 3 when
    /// its signature check fails.
    Webhook {
        /// The provider: concord, docusign, dropbox_sign, yousign, documenso, docuseal.
        #[arg(value_parser = webhook::parse_provider)]
        provider: mentor_core::esign::Provider,
        /// The webhook secret (DocuSign HMAC key, Dropbox Sign API key, …), used as its UTF-8 bytes.
        #[arg(long)]
        secret: Option<String>,
        /// A request header, `Name: value`; repeat for each header.
        #[arg(long = "header")]
        headers: Vec<String>,
        /// The raw request body; `-` reads standard input.
        #[arg(long)]
        body: String,
        /// The time of receipt, RFC 3339 (default: now); DocuSeal's ±5 minute window is checked against it.
        #[arg(long, value_parser = parse_now)]
        now: Option<DateTime<Utc>>,
        /// Language of the messages.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
}

/// The two lifecycles (`docs/lifecycles.md`).
#[derive(Clone, Copy, clap::ValueEnum)]
enum Lifecycle {
    /// An application, from submission to onboarding.
    Application,
    /// A contract, from draft to its end.
    Contract,
}

fn parse_lang(s: &str) -> Result<Lang, BadValue> {
    s.parse::<Lang>().map_err(|e| {
        BadValue::new(
            e.to_string(),
            format!("langue non prise en charge `{}` : `en` ou `fr` attendu", e.0),
        )
    })
}

/// `--jobs`: a whole number of threads from 0 to 256, digits only (`+2` is refused).
fn parse_jobs(s: &str) -> Result<u16, BadValue> {
    let jobs = s
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| s.parse::<u16>().ok())
        .flatten();
    jobs.filter(|n| *n <= 256).ok_or_else(|| {
        BadValue::new(
            "expected a whole number of threads from 0 to 256 (0: one per core)".to_owned(),
            "nombre entier de fils d'exécution de 0 à 256 attendu (0 : un par cœur)".to_owned(),
        )
    })
}

/// `--now`: an RFC 3339 instant no earlier than the domain's first (2000-01-01), as every
/// past event must be: `--now 0000-01-01` would make every form "submitted in the future".
fn parse_now(s: &str) -> Result<DateTime<Utc>, BadValue> {
    lifecycle::instant(s, "now").map_err(|e| {
        if e.code == ErrorCode::OutOfRange {
            let earliest = lifecycle::earliest_instant().format("%Y-%m-%d");
            BadValue::new(
                format!("`{s}` is before {earliest}, the earliest instant this tool accepts"),
                format!("`{s}` est avant le {earliest}, le premier instant que cet outil accepte"),
            )
        } else {
            BadValue::new(
                format!("`{s}` is not an RFC 3339 date-time such as 2026-11-30T09:00:00Z"),
                format!("`{s}` n'est pas une date et heure RFC 3339 telle que 2026-11-30T09:00:00Z"),
            )
        }
    })
}

impl Command {
    /// The language the command answers in.
    fn lang(&self) -> Lang {
        match self {
            Command::Triage { lang, .. }
            | Command::Eligibility { lang, .. }
            | Command::ValidateId { lang, .. }
            | Command::Replay { lang, .. }
            | Command::Erase { lang, .. }
            | Command::Statement { lang, .. }
            | Command::CheckInvoice { lang, .. }
            | Command::Webhook { lang, .. } => *lang,
            Command::Diagram { .. } => Lang::En,
        }
    }
}

/// A failure that ends the command with status 2, said in the chosen language.
struct Failure(String);

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage::refuse(&e, usage::lang_of(&args)),
    };
    let lang = cli.command.lang();
    // Before any work: with standard output closed (`mentor triage f >&-`) the answer is lost
    // while the exit status says all went well. That cannot be told apart from `/dev/null`
    // opened read-write on purpose (Python's `subprocess.DEVNULL`, a service manager's "null"
    // output), so it is said on stderr and the command runs and exits as it would.
    if stdout_is_open().is_err() {
        let message = match lang {
            Lang::En => {
                "warning: standard output is closed or is /dev/null opened for reading and writing: the answer is discarded"
            }
            Lang::Fr => {
                "avertissement : la sortie standard est fermée ou est /dev/null ouvert en lecture et écriture : la réponse est perdue"
            }
        };
        eprintln!("mentor: {message}");
    }
    let result = match cli.command {
        Command::Triage {
            file,
            policy,
            now,
            json,
            jobs,
            ..
        } => run_triage(
            &file,
            policy.as_deref(),
            now,
            lang,
            json,
            jobs::threads(usize::from(jobs)),
        ),
        Command::Eligibility {
            file, policy, json, ..
        } => run_eligibility(&file, policy.as_deref(), lang, json),
        Command::ValidateId {
            country,
            number,
            json,
            ..
        } => run_validate_id(&country, &number, lang, json),
        Command::Diagram { lifecycle } => run_diagram(lifecycle),
        Command::Replay {
            lifecycle: Lifecycle::Application,
            file,
            json,
            ..
        } => run_replay::<Application>(&file, lang, json),
        Command::Replay {
            lifecycle: Lifecycle::Contract,
            file,
            json,
            ..
        } => run_replay::<Contract>(&file, lang, json),
        Command::Erase {
            lifecycle: Lifecycle::Application,
            file,
            at,
            ..
        } => erase::run_erase::<Application>(
            &file,
            at.unwrap_or_else(Utc::now),
            lang,
            mentor_core::recruitment::erase,
        ),
        Command::Erase {
            lifecycle: Lifecycle::Contract,
            file,
            at,
            ..
        } => erase::run_erase::<Contract>(
            &file,
            at.unwrap_or_else(Utc::now),
            lang,
            mentor_core::contract::erase,
        ),
        Command::Statement {
            contract,
            sessions,
            period,
            policy,
            json,
            ..
        } => billing::run_statement(&contract, &sessions, &period, policy.as_deref(), lang, json),
        Command::CheckInvoice {
            statement,
            invoice,
            json,
            ..
        } => billing::run_check_invoice(&statement, &invoice, lang, json),
        Command::Webhook {
            provider,
            secret,
            headers,
            body,
            now,
            json,
            ..
        } => webhook::run_webhook(provider, secret.as_deref(), &headers, &body, now, lang, json),
    };
    match result {
        Ok(code) => code,
        Err(Failure(message)) => fail(&message, lang),
    }
}

/// Says why the command failed, on stderr, and ends it with status 2.
fn fail(message: &str, lang: Lang) -> ExitCode {
    say_error(message, lang);
    ExitCode::from(2)
}

/// `mentor: error: {message}` on stderr, the form of every error the command reports.
fn say_error(message: &str, lang: Lang) {
    let prefix = match lang {
        Lang::En => "error",
        Lang::Fr => "erreur",
    };
    eprintln!("mentor: {prefix}: {message}");
}

/// A file argument as messages name it: `-` is standard input.
fn shown(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// Whether standard output was open when the program started. Rust's runtime reopens a
/// closed standard descriptor on `/dev/null` for reading and writing before `main`; a shell
/// redirection to `/dev/null` (`> /dev/null`, a deliberate "no output") opens it write-only.
/// So `/dev/null` open read-write on descriptor 1 may be the stand-in for a closed one, or a
/// caller's deliberate choice (Python's `subprocess.DEVNULL` opens it read-write too): the
/// caller only warns. Linux only (its `/proc` says both); elsewhere nothing is checked.
#[cfg(target_os = "linux")]
fn stdout_is_open() -> io::Result<()> {
    const O_ACCMODE: u32 = 0o3;
    const O_RDWR: u32 = 0o2;
    let on_dev_null =
        std::fs::read_link("/proc/self/fd/1").is_ok_and(|target| target == std::path::Path::new("/dev/null"));
    if !on_dev_null {
        return Ok(());
    }
    let info = std::fs::read_to_string("/proc/self/fdinfo/1").unwrap_or_default();
    let flags = info
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| u32::from_str_radix(f.trim(), 8).ok());
    match flags {
        Some(flags) if flags & O_ACCMODE == O_RDWR => Err(io::Error::from_raw_os_error(9)),
        _ => Ok(()),
    }
}

#[cfg(not(target_os = "linux"))]
fn stdout_is_open() -> io::Result<()> {
    Ok(())
}

/// Why an input or output failed, in plain words in the chosen language (not the system's
/// English text with its `os error` number).
fn io_reason(e: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    let (en, fr) = match e.kind() {
        K::NotFound => ("no such file", "fichier introuvable"),
        K::PermissionDenied => ("permission denied", "permission refusée"),
        K::IsADirectory => ("it is a directory", "c'est un dossier"),
        K::InvalidData => ("not UTF-8 text", "ce n'est pas du texte UTF-8"),
        K::OutOfMemory => ("not enough memory", "mémoire insuffisante"),
        K::Interrupted => ("interrupted", "interrompu"),
        K::StorageFull => ("no space left on the device", "plus de place sur le périphérique"),
        K::NotADirectory => (
            "a part of the path is not a directory",
            "une partie du chemin n'est pas un dossier",
        ),
        _ if e.raw_os_error() == Some(9) => ("bad file descriptor", "descripteur de fichier invalide"),
        _ => return e.to_string(),
    };
    match lang {
        Lang::En => en.to_owned(),
        Lang::Fr => fr.to_owned(),
    }
}

fn read_input(path: &str, lang: Lang) -> Result<String, Failure> {
    String::from_utf8(read_file(path, lang)?)
        .map_err(|_| cannot_read(path, &io::Error::from(io::ErrorKind::InvalidData), lang))
}

/// A file's bytes, or standard input's, without the UTF-8 byte order mark that some editors
/// (Notepad) write first: it is no part of the JSON or TOML text.
fn read_file(path: &str, lang: Lang) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let outcome = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    outcome.map_err(|e| cannot_read(path, &e, lang))?;
    if bytes.starts_with(mentor_core::wire::BYTE_ORDER_MARK.as_bytes()) {
        bytes.drain(..mentor_core::wire::BYTE_ORDER_MARK.len());
    }
    Ok(bytes)
}

/// A file of records' bytes as they are: a batch reads them itself, so that one line that is
/// not UTF-8 is one invalid record rather than the loss of the whole batch. A file that is
/// not text at all (binary data, UTF-16) is one error for the file, not one per line.
fn read_batch(path: &str, lang: Lang) -> Result<Vec<u8>, Failure> {
    let bytes = read_file(path, lang)?;
    if mentor_core::wire::is_binary(&bytes) {
        return Err(not_text(path, lang));
    }
    Ok(bytes)
}

/// A file of records that is not text at all: one error for the whole file.
fn not_text(path: &str, lang: Lang) -> Failure {
    let path = shown(path);
    Failure(match lang {
        Lang::En => format!("`{path}` is not a text file (binary data or UTF-16): records are JSON in UTF-8"),
        Lang::Fr => format!(
            "`{path}` n'est pas un fichier texte (données binaires ou UTF-16) : les enregistrements sont du JSON en UTF-8"
        ),
    })
}

/// Says, on stderr, that a batch held no record: an empty report is then not a surprise.
fn say_no_records(path: &str, lang: Lang) {
    let path = shown(path);
    match lang {
        Lang::En => eprintln!("mentor: `{path}` holds no records"),
        Lang::Fr => eprintln!("mentor: `{path}` ne contient aucun enregistrement"),
    }
}

fn cannot_read(path: &str, e: &io::Error, lang: Lang) -> Failure {
    let (path, why) = (shown(path), io_reason(e, lang));
    Failure(match lang {
        Lang::En => format!("cannot read `{path}`: {why}"),
        Lang::Fr => format!("impossible de lire `{path}` : {why}"),
    })
}

fn load_policy(path: Option<&str>, lang: Lang) -> Result<Policy, Failure> {
    let Some(path) = path else {
        return Ok(Policy::default());
    };
    let text = read_input(path, lang)?;
    Policy::from_text(&text).map_err(|e| {
        // Every problem at once, one per line, in file order.
        let mut message = match lang {
            Lang::En => format!("the policy `{path}` cannot be loaded:"),
            Lang::Fr => format!("la politique `{path}` ne peut pas être chargée :"),
        };
        for problem in e.problems() {
            message.push_str("\n  - ");
            message.push_str(&problem.message(lang));
        }
        Failure(message)
    })
}

/// Writes the answer on standard output; a failure is said in `lang`.
fn write_out(text: &str, lang: Lang) -> Result<(), Failure> {
    write_with(lang, |out| out.write_all(text.as_bytes()))
}

/// Writes the answer on standard output, buffered, with `write`; a failure is said in `lang`.
fn write_with(lang: Lang, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), Failure> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        // A closed pipe (`mentor triage … | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| {
            let why = io_reason(&e, lang);
            Failure(match lang {
                Lang::En => format!("cannot write the answer: {why}"),
                Lang::Fr => format!("impossible d'écrire la réponse : {why}"),
            })
        }),
    }
}

fn run_triage(
    file: &str,
    policy: Option<&str>,
    now: Option<DateTime<Utc>>,
    lang: Lang,
    json: bool,
    threads: usize,
) -> Result<ExitCode, Failure> {
    if file == "-" && policy == Some("-") {
        return Err(Failure(match lang {
            Lang::En => "the forms and the policy cannot both be read from standard input".to_owned(),
            Lang::Fr => {
                "les formulaires et la politique ne peuvent pas être lus tous deux sur l'entrée standard"
                    .to_owned()
            }
        }));
    }
    let policy = load_policy(policy, lang)?;
    let now = now.unwrap_or_else(Utc::now);
    // Forms are read as their bytes arrive and assessed one by one: only each form's entry
    // is kept (a million forms need their entries, not their text), then ranked at the end.
    let mut queue = triage::Triage::new(&policy, now);
    if threads > 1 {
        jobs::assess(threads, &mut queue, &policy, now, |each| {
            read_streamed(file, RecordReader::forms(), lang, each)
        })?;
    } else {
        read_streamed(file, RecordReader::forms(), lang, &mut |record| {
            queue.push(&record)
        })?;
    }
    if queue.is_empty() {
        say_no_records(file, lang);
    }
    let any_invalid = queue.invalid() > 0;
    if json {
        // Each entry is made as it is written: the report is never whole in memory.
        write_with(lang, |out| {
            if threads > 1 {
                jobs::write_json_lines(out, queue.report(), lang, threads)
            } else {
                render::write_json_lines(out, queue.report(), lang)
            }
        })?;
    } else {
        // The entries are made one at a time, in report order, and dropped once laid out.
        write_out(&render::triage_table(queue.report(), lang), lang)?;
    }
    Ok(if any_invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads a file of records (`-`: standard input) in chunks through `reader`, handing `each`
/// every record as it is read, with a progress bar on a terminal for large files.
fn read_streamed(
    path: &str,
    reader: RecordReader,
    lang: Lang,
    each: &mut dyn FnMut(mentor_core::wire::Record),
) -> Result<(), Failure> {
    let source: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| cannot_read(path, &e, lang))?)
    };
    let size = if path == "-" {
        None
    } else {
        std::fs::metadata(path).ok().map(|m| m.len())
    };
    let bar = progress(size, lang);
    let read = reader.read_from(&mut bar.wrap_read(source), each);
    bar.finish_and_clear();
    read.map_err(|unread| match unread {
        Unread::Io(e) => cannot_read(path, &e, lang),
        Unread::NotText(_) => not_text(path, lang),
    })
}

/// A progress bar on stderr, in bytes read, for a file of at least [`PROGRESS_FROM`] bytes
/// when stderr is a terminal; hidden otherwise.
fn progress(size: Option<u64>, lang: Lang) -> ProgressBar {
    let Some(size) = size.filter(|&s| s >= PROGRESS_FROM) else {
        return ProgressBar::hidden();
    };
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let read = match lang {
        Lang::En => "read",
        Lang::Fr => "lus",
    };
    let bar = ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&format!(
        "{{bar:40}} {{bytes}}/{{total_bytes}} {read} ({{bytes_per_sec}}, {{eta}})"
    )) {
        bar.set_style(style);
    }
    bar
}

fn run_eligibility(file: &str, policy: Option<&str>, lang: Lang, json: bool) -> Result<ExitCode, Failure> {
    let policy = load_policy(policy, lang)?;
    let text = read_input(file, lang)?;
    match WorkingSituation::from_json_str(&text) {
        Ok(situation) => {
            let decision = eligibility::evaluate(&situation, &policy);
            let out = if json {
                format!("{}\n", decision.to_json_text(lang))
            } else {
                render::decision(&decision, lang)
            };
            write_out(&out, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            if !json {
                // Said as every other failure is, naming the file; then one line per problem.
                let file = shown(file);
                let heading = match lang {
                    Lang::En => format!("`{file}` is not a working situation:"),
                    Lang::Fr => format!("`{file}` n'est pas une situation de travail :"),
                };
                say_error(&heading, lang);
                for line in render::errors(&e.errors, lang, false).lines() {
                    eprintln!("  - {line}");
                }
                return Ok(ExitCode::from(1));
            }
            report_errors(&render::errors(&e.errors, lang, json), json, lang)?;
            Ok(ExitCode::from(1))
        }
    }
}

/// Field errors of an input that did not parse: data on stdout with `--json` (as `triage`
/// reports invalid records), messages on stderr otherwise.
fn report_errors(text: &str, json: bool, lang: Lang) -> Result<(), Failure> {
    if json {
        write_out(text, lang)
    } else {
        eprint!("{text}");
        Ok(())
    }
}

fn run_validate_id(country: &str, number: &str, lang: Lang, json: bool) -> Result<ExitCode, Failure> {
    let value = registration::validate_json(country, number, lang).map_err(|e| {
        let why = e.errors.first().map(|f| f.message(lang)).unwrap_or_default();
        Failure(format!("`{country}`: {why}"))
    })?;
    write_out(&render::registration(&value, lang, json), lang)?;
    let valid = value.get("valid").and_then(serde_json::Value::as_bool) == Some(true);
    Ok(if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn run_diagram(lifecycle: Lifecycle) -> Result<ExitCode, Failure> {
    let diagram = match lifecycle {
        Lifecycle::Application => lifecycle::mermaid::<Application>(),
        Lifecycle::Contract => lifecycle::mermaid::<Contract>(),
    };
    write_out(&diagram, Lang::En)?;
    Ok(ExitCode::SUCCESS)
}

/// An event log as read from a file: its records (for their lines) and its events, in the same
/// order.
pub(crate) type EventLog<C> = (Vec<triage::Record>, Vec<Event<C>>);

/// The event log of `file` (`mentor replay`, `mentor erase`), or `Err` with exit status 1 once
/// the records that are not events are reported.
pub(crate) fn read_event_log<A: Aggregate>(
    file: &str,
    lang: Lang,
    json: bool,
) -> Result<Result<EventLog<A::Change>, ExitCode>, Failure> {
    let records = triage::read_records_bytes(&read_batch(file, lang)?);
    if records.is_empty() {
        say_no_records(file, lang);
    }
    match lifecycle::read_log::<A::Change>(&records) {
        Ok(events) => Ok(Ok((records, events))),
        Err(bad) => {
            let what = mentor_core::Text::new("not an event", "pas un événement");
            report_errors(&render::bad_records(&bad, what, lang, json), json, lang)?;
            Ok(Err(ExitCode::from(1)))
        }
    }
}

fn run_replay<A: Aggregate>(file: &str, lang: Lang, json: bool) -> Result<ExitCode, Failure> {
    let (records, events) = match read_event_log::<A>(file, lang, json)? {
        Ok(log) => log,
        Err(status) => return Ok(status),
    };
    let replay = Replay::<A>::run(&events);
    // The line of each event, for messages: records and events are in the same order.
    let line_of = |index: usize| records.get(index).map_or(index + 1, triage::Record::line);
    if json {
        write_out(&format!("{}\n", replay.to_json_text(lang)), lang)?;
    } else {
        write_out(&render::replay(&replay.to_json(lang), lang), lang)?;
    }
    match replay.rejected {
        None => Ok(ExitCode::SUCCESS),
        Some(rejected) => {
            if !json {
                // As every refusal the CLI reports: `mentor: error:`, then where and why.
                let line = line_of(rejected.index);
                let why = rejected.refused.message(lang);
                let message = match lang {
                    Lang::En => format!("event {} (line {line}): {why}", rejected.index),
                    Lang::Fr => format!("événement {} (ligne {line}) : {why}", rejected.index),
                };
                say_error(&message, lang);
            }
            Ok(ExitCode::from(1))
        }
    }
}

/// mimalloc instead of the system's allocator: `triage --jobs` frees on one thread what another
/// allocated (records, entries), which glibc's allocator serialises. Measured on a million forms,
/// 2 cores: `--jobs 2` 4.1 s instead of 4.8 s; one thread about the same (issue 15).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
