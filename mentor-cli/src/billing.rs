//! `mentor statement` and `mentor check-invoice` (`docs/billing.md`, BIL-1): file in, statement or
//! check out. The rules live in `mentor_core::billing`; this file reads files and writes text.

use std::fmt::Write as _;
use std::process::ExitCode;

use mentor_core::billing::{
    self, BillingContract, BillingPeriod, InvoiceCheck, ReceivedInvoice, Session, SessionError, Statement,
    StatementError, VatTreatment,
};
use mentor_core::eligibility::Party;
use mentor_core::error::Detail;
use mentor_core::lifecycle::{self, BadRecord};
use mentor_core::triage::{self, Record};
use mentor_core::vocabulary::Vocabulary;
use mentor_core::{ErrorCode, FieldError, Lang, Localized};
use serde_json::Value;

use crate::render::tr;
use crate::{Failure, load_policy, read_batch, read_file, render, report_errors, write_out};

/// Parses a JSON file, or reports `invalid_json` for it.
fn json_file(path: &str, lang: Lang) -> Result<Result<Value, FieldError>, Failure> {
    let bytes = read_file(path, lang)?;
    Ok(mentor_core::wire::parse_value_bytes(&bytes))
}

/// Field errors of a whole file, under a heading naming it.
fn report_file_errors(path: &str, errors: &[FieldError], lang: Lang, json: bool) -> Result<(), Failure> {
    if !json {
        eprintln!("{path}:");
    }
    report_errors(&render::errors(errors, lang, json), json, lang)
}

/// `mentor statement`: exit 0 with the statement; 1 when the contract or a session cannot be
/// billed (every bad session is reported, and no statement is printed: dropping a session
/// would be a wrong amount); 2 on usage or I/O errors.
pub fn run_statement(
    contract: &str,
    sessions: &str,
    period: &str,
    policy: Option<&str>,
    lang: Lang,
    json: bool,
) -> Result<ExitCode, Failure> {
    if [contract, sessions]
        .iter()
        .chain(policy.iter())
        .filter(|p| **p == "-")
        .count()
        > 1
    {
        return Err(Failure(
            tr(
                lang,
                "only one file can be read from standard input",
                "un seul fichier peut être lu sur l'entrée standard",
            )
            .to_owned(),
        ));
    }
    let Some(period) = BillingPeriod::parse(period.trim()) else {
        return Err(Failure(format!(
            "--period `{period}`: {}",
            ErrorCode::InvalidPeriod.message(lang)
        )));
    };
    let policy = load_policy(policy, lang)?;
    let contract = match json_file(contract, lang)?
        .map(|v| BillingContract::from_json(&v).map_err(|e| e.errors))
    {
        Ok(Ok(c)) => c,
        Ok(Err(errors)) => {
            return report_file_errors(contract, &errors, lang, json).map(|()| ExitCode::from(1));
        }
        Err(error) => return report_file_errors(contract, &[error], lang, json).map(|()| ExitCode::from(1)),
    };
    let records = triage::read_records_bytes(&read_batch(sessions, lang)?);
    let read = match lifecycle::read_each(&records, Session::from_json) {
        Ok(read) => read,
        Err(bad) => return no_statement(&bad, &StatementError::Sessions(Vec::new()), lang, json),
    };
    // Every record is a session, in order: the session at index i is the record at index i.
    let line_of = |index: usize| records.get(index).map_or(index + 1, Record::line);
    match billing::statement(&contract, &read, period, &policy.billing) {
        Ok(statement) => {
            let out = if json {
                format!("{}\n", statement.to_json_text(lang))
            } else {
                statement_text(&statement, lang)
            };
            write_out(&out, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(StatementError::Sessions(problems)) => {
            let bad: Vec<BadRecord> = problems.iter().map(|p| bad_session(p, line_of)).collect();
            no_statement(&bad, &StatementError::Sessions(problems), lang, json)
        }
        Err(other) => Err(Failure(other.message(lang))),
    }
}

/// A session that cannot be billed, with lines instead of positions.
fn bad_session(problem: &SessionError, line_of: impl Fn(usize) -> usize) -> BadRecord {
    let errors = problem
        .errors
        .iter()
        .map(|e| match e.detail {
            Detail::FirstSeenAt(position) => FieldError::with(
                e.path.clone(),
                e.code,
                Detail::FirstSeenAt(line_of(position.saturating_sub(1))),
            ),
            _ => e.clone(),
        })
        .collect();
    BadRecord {
        line: line_of(problem.index),
        errors,
    }
}

/// The sessions that cannot be billed: `{"line", "errors"}` per session with `--json`, one
/// block per session otherwise.
fn bad_sessions(bad: &[BadRecord], lang: Lang, json: bool) -> String {
    render::bad_records(
        bad,
        mentor_core::Text::new("session that cannot be billed", "séance impossible à facturer"),
        lang,
        json,
    )
}

fn no_statement(
    bad: &[BadRecord],
    error: &StatementError,
    lang: Lang,
    json: bool,
) -> Result<ExitCode, Failure> {
    report_errors(&bad_sessions(bad, lang, json), json, lang)?;
    let summary = match error {
        StatementError::Sessions(problems) if problems.is_empty() => match lang {
            Lang::En => format!(
                "{} session record(s) cannot be read: no statement is made",
                bad.len()
            ),
            Lang::Fr => format!(
                "{} enregistrement(s) de séance illisible(s) : aucun relevé n'est établi",
                bad.len()
            ),
        },
        other => other.message(lang),
    };
    eprintln!("mentor: {summary}");
    Ok(ExitCode::from(1))
}

fn party_name(party: Party, lang: Lang) -> &'static str {
    match party {
        Party::Employer => tr(lang, "employer (WS-2)", "employeur (WS-2)"),
        Party::MentorBusiness => tr(lang, "mentor's business", "entreprise du mentor"),
    }
}

fn status_name(status: billing::SessionStatus, lang: Lang) -> &'static str {
    match status {
        billing::SessionStatus::Completed => tr(lang, "completed", "effectuée"),
        billing::SessionStatus::StudentNoShow => tr(lang, "student no-show", "étudiant absent"),
        billing::SessionStatus::CancelledLate => tr(lang, "cancelled late", "annulée tardivement"),
        billing::SessionStatus::Cancelled => tr(lang, "cancelled", "annulée"),
    }
}

/// The statement for people: a mentor can copy it into an invoice.
fn statement_text(st: &Statement<'_>, lang: Lang) -> String {
    let currency = st.currency();
    let money = |amount| currency.format_amount(amount);
    let party = st.invoicing_party();
    let number = party.registration();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {} {}",
        tr(lang, "Billing statement", "Relevé de facturation"),
        st.period(),
        tr(lang, "contract", "contrat"),
        st.contract_id()
    );
    let _ = writeln!(
        out,
        "{}: {}, {}, {} {}",
        tr(
            lang,
            "Supplier (invoicing party)",
            "Fournisseur (partie qui facture)"
        ),
        party_name(party.party(), lang),
        party.country(),
        number.scheme().name,
        number.formatted()
    );
    let vat_status = match party.vat().vat_number() {
        Some(n) => format!(
            "{} ({} {})",
            party.vat().name(),
            tr(lang, "VAT number", "n° de TVA"),
            n.formatted()
        ),
        None => party.vat().name().to_owned(),
    };
    let _ = writeln!(out, "{}: {vat_status}", tr(lang, "VAT status", "Statut TVA"));
    let _ = writeln!(
        out,
        "{}: {} ({})",
        tr(lang, "Customer", "Client"),
        st.customer().display_name(lang),
        billing::Customer::COUNTRY
    );
    let _ = writeln!(
        out,
        "{}: {}, {}: {currency}",
        tr(lang, "Billing time zone", "Fuseau de facturation"),
        st.time_zone().name(),
        tr(lang, "currency", "devise")
    );
    out.push('\n');
    if st.lines().is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr(
                lang,
                "No session in this period.",
                "Aucune séance sur cette période."
            )
        );
    } else {
        let mut rows = vec![
            [
                tr(lang, "date", "date"),
                tr(lang, "session", "séance"),
                tr(lang, "type", "type"),
                tr(lang, "status", "statut"),
                tr(lang, "terms", "conditions"),
                tr(lang, "rate", "tarif"),
                tr(lang, "share", "part"),
                tr(lang, "amount", "montant"),
            ]
            .map(str::to_owned)
            .to_vec(),
        ];
        for l in st.lines() {
            rows.push(vec![
                l.date.to_string(),
                l.session.session_id().to_owned(),
                l.session.session_type().to_owned(),
                status_name(l.session.status(), lang).to_owned(),
                format!("v{}", l.terms_version),
                money(l.rate),
                l.share.normalize().to_string(),
                money(l.amount),
            ]);
        }
        out.push_str(&render::table(&rows, 3, ""));
        out.push('\n');
        let _ = writeln!(
            out,
            "{}:",
            tr(
                lang,
                "Subtotals by session type",
                "Sous-totaux par type de séance"
            )
        );
        let rows: Vec<Vec<String>> = st
            .subtotals()
            .iter()
            .map(|s| {
                vec![
                    s.session_type.clone(),
                    format!("{} {}", s.sessions, tr(lang, "session(s)", "séance(s)")),
                    money(s.amount),
                ]
            })
            .collect();
        out.push_str(&render::table(&rows, 1, "  "));
    }
    out.push('\n');
    let vat = st.vat();
    let vat_label = if vat == VatTreatment::FrenchVat {
        tr(lang, "VAT 20%", "TVA 20 %")
    } else {
        tr(lang, "VAT", "TVA")
    };
    let rows = vec![
        vec![
            tr(lang, "Total excluding VAT", "Total HT").to_owned(),
            money(st.total_excluding_vat()),
            currency.to_string(),
        ],
        vec![vat_label.to_owned(), money(st.vat_amount()), currency.to_string()],
        vec![
            tr(lang, "Total", "Total TTC").to_owned(),
            money(st.total()),
            currency.to_string(),
        ],
    ];
    out.push_str(&render::table(&rows, 2, ""));
    out.push('\n');
    let _ = writeln!(
        out,
        "{} ({}): {}",
        tr(lang, "VAT treatment", "Traitement de la TVA"),
        vat.name(),
        vat.explanation(lang)
    );
    let _ = writeln!(out, "{}: {}", tr(lang, "Source", "Source"), vat.source());
    match vat.mention(lang) {
        Some(mention) => {
            let _ = writeln!(
                out,
                "{}: \"{mention}\"",
                tr(
                    lang,
                    "Mention to write on the invoice",
                    "Mention à porter sur la facture"
                )
            );
        }
        None => {
            let _ = writeln!(
                out,
                "{}",
                tr(
                    lang,
                    "No VAT mention is required on the invoice.",
                    "Aucune mention de TVA n'est exigée sur la facture."
                )
            );
        }
    }
    out
}

/// `mentor check-invoice`: exit 0 when the invoice matches the statement, 1 when it does not
/// or cannot be read (its field errors are reported), 2 when the statement file cannot be
/// used (it is the reference: a usage error) or on I/O errors.
pub fn run_check_invoice(
    statement: &str,
    invoice: &str,
    lang: Lang,
    json: bool,
) -> Result<ExitCode, Failure> {
    if statement == "-" && invoice == "-" {
        return Err(Failure(
            tr(
                lang,
                "only one file can be read from standard input",
                "un seul fichier peut être lu sur l'entrée standard",
            )
            .to_owned(),
        ));
    }
    let reference = match json_file(statement, lang)?.map(|v| Statement::from_json(&v).map_err(|e| e.errors))
    {
        Ok(Ok(s)) => s,
        Ok(Err(errors)) => return statement_unusable(statement, &errors, lang),
        Err(error) => return statement_unusable(statement, &[error], lang),
    };
    let received = match json_file(invoice, lang)?
        .map(|v| ReceivedInvoice::from_json(&v).map_err(|e| e.errors))
    {
        Ok(Ok(i)) => i,
        Ok(Err(errors)) => {
            return report_file_errors(invoice, &errors, lang, json).map(|()| ExitCode::from(1));
        }
        Err(error) => return report_file_errors(invoice, &[error], lang, json).map(|()| ExitCode::from(1)),
    };
    let check = billing::check_invoice(&reference, &received);
    let out = if json {
        format!("{}\n", check.to_json_text(lang))
    } else {
        check_text(&check, &reference, lang)
    };
    write_out(&out, lang)?;
    Ok(if check.matches() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn statement_unusable(path: &str, errors: &[FieldError], lang: Lang) -> Result<ExitCode, Failure> {
    eprint!("{}", render::errors(errors, lang, false));
    Err(Failure(match lang {
        Lang::En => format!("`{path}` is not a statement written by `mentor statement --json`"),
        Lang::Fr => format!("`{path}` n'est pas un relevé écrit par `mentor statement --json`"),
    }))
}

fn check_text(check: &InvoiceCheck, st: &Statement<'_>, lang: Lang) -> String {
    let mut out = String::new();
    let against = format!(
        "{} {} {} {}",
        tr(lang, "statement", "relevé"),
        st.period(),
        tr(lang, "of contract", "du contrat"),
        st.contract_id()
    );
    if check.matches() {
        let _ = writeln!(
            out,
            "{} {}: {} {against}",
            tr(lang, "invoice", "facture"),
            check.invoice_number,
            tr(lang, "matches the", "conforme au")
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{} {}: {} {} ({against})",
        tr(lang, "invoice", "facture"),
        check.invoice_number,
        check.discrepancies.len(),
        tr(lang, "discrepancy(ies)", "écart(s)")
    );
    let none = tr(lang, "(none)", "(rien)");
    for d in &check.discrepancies {
        let _ = writeln!(out, "  - [{}] {}", d.code.as_str(), d.code.message(lang));
        let _ = writeln!(
            out,
            "    {}: {}; {}: {}; {}: {}",
            tr(lang, "field", "champ"),
            d.field,
            tr(lang, "expected", "attendu"),
            d.expected.as_deref().unwrap_or(none),
            tr(lang, "found", "trouvé"),
            d.found.as_deref().unwrap_or(none)
        );
    }
    out
}
