//! `mentor webhook` (`docs/esign.md`, `docs/cli.md`): verifies one e-signature delivery and prints its
//! normalised events. The rules live in `mentor_core::esign`; this file reads the delivery and
//! writes text.
//!
//! Exit status: 0 verified (or, for Concord, accepted as an unverified hint); 1 the body is not
//! the provider's payload; 2 usage or I/O error; 3 the authenticity check failed.

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use mentor_core::esign::{self, Delivery, Provider, Secret, SignatureEvent, Verification, WebhookError};
use mentor_core::{Lang, Localized};
use serde_json::json;

use crate::render::tr;
use crate::usage::BadValue;
use crate::{Failure, read_file, write_out};

/// Reads a provider's wire name (`dropbox_sign`; `dropbox-sign` is accepted too).
pub fn parse_provider(s: &str) -> Result<Provider, BadValue> {
    Provider::from_name(&s.replace('-', "_").to_ascii_lowercase()).ok_or_else(|| {
        let names: Vec<&str> = Provider::ALL.iter().map(|(name, _)| *name).collect();
        BadValue::new(
            format!("unknown provider `{s}`: expected one of {}", names.join(", ")),
            format!("fournisseur inconnu `{s}` : l'un de {} attendu", names.join(", ")),
        )
    })
}

/// Splits `Name: value`.
fn header(text: &str, lang: Lang) -> Result<(&str, &str), Failure> {
    match text.split_once(':') {
        Some((name, value)) if !name.trim().is_empty() => Ok((name.trim(), value.trim())),
        _ => Err(Failure(match lang {
            Lang::En => format!("`--header {text}`: expected `Name: value`"),
            Lang::Fr => format!("`--header {text}` : `Nom: valeur` attendu"),
        })),
    }
}

/// `mentor webhook PROVIDER --secret SECRET [--header 'Name: value']... --body FILE [--now
/// RFC3339]`: prints `{"provider", "verified", "events"}`.
pub fn run_webhook(
    provider: Provider,
    secret: Option<&str>,
    headers: &[String],
    body: &str,
    now: Option<DateTime<Utc>>,
    lang: Lang,
    json: bool,
) -> Result<ExitCode, Failure> {
    let pairs = headers
        .iter()
        .map(|h| header(h, lang))
        .collect::<Result<Vec<_>, _>>()?;
    let bytes = read_file(body, lang)?;
    let delivery = Delivery {
        headers: &pairs,
        body: &bytes,
    };
    let secret = Secret::new(secret.unwrap_or_default());
    let now = now.unwrap_or_else(Utc::now);
    let verified = match esign::verify(provider, &delivery, &secret, now) {
        Ok(v) => v,
        Err(e) => return refused(provider, false, &e, lang, json),
    };
    let is_verified = verified.verification() == Verification::Verified;
    let events = match verified.events() {
        Ok(events) => events,
        // The signature held but the body is not the provider's payload: say it was verified.
        Err(e) => return refused(provider, is_verified, &WebhookError::Malformed(e), lang, json),
    };
    let out = if json {
        let events: Vec<_> = events.iter().map(SignatureEvent::to_json).collect();
        format!(
            "{}\n",
            json!({"provider": provider.name(), "verified": is_verified, "events": events})
        )
    } else {
        human(provider, is_verified, &events, lang)
    };
    write_out(&out, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// A refused delivery: the message on stderr (and the error as data on stdout with `--json`);
/// exit 3 when the authenticity check failed, 1 for a malformed body.
fn refused(
    provider: Provider,
    verified: bool,
    e: &WebhookError,
    lang: Lang,
    json: bool,
) -> Result<ExitCode, Failure> {
    let (status, lead) = match e {
        WebhookError::Rejected(_) => (3, tr(lang, "delivery rejected", "livraison rejetée")),
        _ => (1, tr(lang, "invalid delivery", "livraison invalide")),
    };
    if json {
        write_out(
            &format!(
                "{}\n",
                json!({"provider": provider.name(), "verified": verified, "events": [], "error": e.to_json(lang)})
            ),
            lang,
        )?;
    }
    eprintln!(
        "mentor: {lead} ({}) [{}]: {}",
        provider.name(),
        e.code(),
        e.message(lang)
    );
    Ok(ExitCode::from(status))
}

fn human(provider: Provider, verified: bool, events: &[SignatureEvent], lang: Lang) -> String {
    let mut out = String::new();
    if verified {
        let _ = writeln!(
            out,
            "{} {}",
            provider.name(),
            tr(lang, "delivery verified", "livraison vérifiée")
        );
    } else {
        let _ = writeln!(
            out,
            "{} {}",
            provider.name(),
            tr(
                lang,
                "delivery NOT verified: the provider documents no signature; its events are hints to confirm with the provider",
                "livraison NON vérifiée : le fournisseur ne documente aucune signature ; ses événements sont des indices à confirmer auprès de lui",
            )
        );
    }
    let _ = writeln!(out, "{}: {}", tr(lang, "events", "événements"), events.len());
    let dash = |v: Option<&str>| v.map_or_else(|| "-".to_owned(), str::to_owned);
    for e in events {
        let _ = writeln!(
            out,
            "  {:<10} {} {}  {} {}  {} {}  ({})",
            e.kind.name(),
            tr(lang, "request", "demande"),
            dash(e.request_id.as_deref()),
            tr(lang, "signer", "signataire"),
            dash(e.signer_id.as_deref()),
            tr(lang, "at", "le"),
            e.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            e.provider_event,
        );
        if let Some(new) = &e.new_signer_id {
            let _ = writeln!(out, "    {}: {new}", tr(lang, "new signer", "nouveau signataire"));
        }
        let _ = writeln!(
            out,
            "    {}: {}",
            tr(lang, "dedupe key", "clé de déduplication"),
            e.dedupe_key
        );
    }
    out
}
