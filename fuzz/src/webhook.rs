//! The webhook harness: one fuzz input is a delivery written as an HTTP message, its headers
//! (`Name: value`, one a line, as `mentor webhook --header` takes them) then a blank line and
//! the body; an input without a blank line is a body without headers.
//!
//! Each input is delivered three ways:
//! 1. as written, with the shared secret of the documentation's examples (so the examples,
//!    used as seeds, verify): the header parsing and, when it verifies, the payload's reading
//!    and its application to a contract;
//! 2. signed correctly by the harness, the way the provider signs (DocuSign, Yousign,
//!    DocuSeal: the raw body's HMAC; Documenso: the secret; Dropbox Sign: the `event_hash`
//!    over `event_time` and `event_type`, in a multipart body when the input's content type was
//!    multipart): a correctly signed delivery is never refused as inauthentic, and the payload
//!    readers behind the signature check are reached with any body;
//! 3. with every header name in lower case: the verdict is the same (names are
//!    case-insensitive, RFC 9110 §5.1).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use mentor_core::contract::Contract;
use mentor_core::esign::{self, Deliveries, Delivery, Hints, Provider, Secret, WebhookError};
use mentor_core::lifecycle::{Aggregate, Event};
use mentor_core::{Lang, Localized};
use serde_json::Value;
use sha2::Sha256;

/// The secret of the documentation's example deliveries (`docs/esign.md`).
pub const SECRET: &str = "mentor-example-secret";

/// A delivery read from a fuzz input.
pub struct Message<'a> {
    /// `(name, value)` pairs, as the CLI splits `--header` arguments.
    pub headers: Vec<(&'a str, &'a str)>,
    /// The body's bytes.
    pub body: &'a [u8],
}

/// Splits an input into headers and body (see the module doc).
pub fn message(data: &[u8]) -> Message<'_> {
    let split = find(data, b"\n\n");
    let Some(at) = split else {
        return Message {
            headers: Vec::new(),
            body: data,
        };
    };
    let (head, body) = (&data[..at], &data[at + 2..]);
    let headers = std::str::from_utf8(head)
        .map(|head| {
            head.lines()
                .filter_map(|line| line.split_once(':'))
                .map(|(name, value)| (name.trim(), value.trim()))
                .collect()
        })
        .unwrap_or_default();
    Message { headers, body }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).unwrap();
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// A contract drafted with recipients `1` and `2` and sent, for the events to apply to.
fn contract() -> Contract {
    let drafted = serde_json::json!({
        "type": "drafted", "at": "2026-11-19T08:00:00Z", "actor": "system", "contract_id": "c-1",
        "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
                  "start_date": "2026-12-01", "notice_period_days": 30},
        "contracting_party": {"party": "employer", "country": "FR", "registration_number": null},
        "signers": [{"role": "contracting_party", "recipient_id": "1"}, {"role": "company", "recipient_id": "2"}],
    });
    let event = Event::from_json(&drafted).unwrap();
    Contract::replay(&[event]).unwrap()
}

/// Verifies a delivery; on success reads its events, writes them and applies them to a
/// contract. The verdict: `Ok` or the error's code.
fn deliver(provider: Provider, headers: &[(&str, &str)], body: &[u8]) -> Result<(), String> {
    let delivery = Delivery { headers, body };
    let secret = Secret::new(SECRET);
    let verified = match esign::verify(provider, &delivery, &secret, crate::now()) {
        Ok(v) => v,
        Err(e) => {
            let _ = e.to_json(Lang::Fr);
            let _ = e.message(Lang::En);
            return Err(e.code().to_owned());
        }
    };
    assert_eq!(verified.provider(), provider);
    let events = match verified.events() {
        Ok(events) => events,
        Err(e) => {
            assert!(!e.errors.is_empty(), "a refused payload names its errors");
            return Err(WebhookError::Malformed(e).code().to_owned());
        }
    };
    for event in &events {
        let _ = event.to_json();
        assert_eq!(event.provider, provider);
    }
    for hints in [Hints::Refuse, Hints::Confirmed] {
        let mut contract = contract();
        let mut seen = Deliveries::new();
        // Twice: the second time every event is a duplicate or changes nothing new.
        let first = esign::apply(&mut contract, &mut seen, &events, hints);
        let _ = first.to_json(Lang::En);
        let before = contract.clone();
        let again = esign::apply(&mut contract, &mut seen, &events, hints);
        let _ = again.to_json(Lang::Fr);
        assert_eq!(
            contract, before,
            "applying the same delivery twice changed the contract"
        );
    }
    Ok(())
}

/// A delivery the harness wrote: its headers and body.
type Owned = (Vec<(String, String)>, Vec<u8>);

/// The headers and body of the delivery signed correctly for `provider` (see the module doc);
/// `None` when the harness cannot sign it (a Dropbox Sign body without readable signed fields).
fn signed(provider: Provider, message: &Message<'_>) -> Option<Owned> {
    let key = SECRET.as_bytes();
    let body = message.body.to_vec();
    let mut headers: Vec<(String, String)> = message
        .headers
        .iter()
        .filter(|(name, _)| !name.to_ascii_lowercase().starts_with("x-"))
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect();
    match provider {
        Provider::Concord => {}
        Provider::Docusign => {
            headers.push((
                "X-DocuSign-Signature-1".into(),
                "bm90IGEgc2lnbmF0dXJlIG9mIHRoaXMgYm9keQ==".into(),
            ));
            headers.push((
                "X-DocuSign-Signature-2".into(),
                STANDARD.encode(hmac(key, &[&body])),
            ));
        }
        Provider::Yousign => {
            headers.push((
                "X-Yousign-Signature-256".into(),
                format!("sha256={}", hex::encode(hmac(key, &[&body]))),
            ));
        }
        Provider::Documenso => headers.push(("X-Documenso-Secret".into(), SECRET.into())),
        Provider::Docuseal => {
            let ts = crate::now().timestamp().to_string();
            let tag = hex::encode(hmac(key, &[ts.as_bytes(), b".", &body]));
            headers.push(("X-Docuseal-Signature".into(), format!("{ts}.{tag}")));
        }
        Provider::DropboxSign => return dropbox_signed(message),
    }
    Some((headers, body))
}

/// A Dropbox Sign delivery re-signed: the body's JSON (the whole body, or from its first `{` to
/// its last `}`) with `event.event_hash` set to the HMAC of `event_time` and `event_type`, in a
/// multipart body when the input's content type was multipart.
fn dropbox_signed(message: &Message<'_>) -> Option<Owned> {
    let body = message.body;
    let mut json: Value = serde_json::from_slice(body).ok().or_else(|| {
        let start = body.iter().position(|b| *b == b'{')?;
        let end = body.iter().rposition(|b| *b == b'}')?;
        serde_json::from_slice(body.get(start..=end)?).ok()
    })?;
    let event = json.get_mut("event")?.as_object_mut()?;
    let time = match event.get("event_time")? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
        _ => return None,
    };
    let kind = event.get("event_type")?.as_str()?.trim().to_owned();
    let tag = hex::encode(hmac(SECRET.as_bytes(), &[time.as_bytes(), kind.as_bytes()]));
    event.insert("event_hash".into(), Value::String(tag));
    let text = serde_json::to_vec(&json).ok()?;
    let multipart = message
        .headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("content-type") && v.to_ascii_lowercase().contains("multipart"));
    if !multipart {
        return Some((Vec::new(), text));
    }
    let boundary = "mentorFuzzBoundary";
    let mut out =
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n").into_bytes();
    out.extend_from_slice(&text);
    out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    Some((vec![("Content-Type".into(), content_type)], out))
}

/// The whole harness for one provider and one input.
pub fn run(provider: Provider, data: &[u8]) {
    let message = message(data);
    // 1. As written.
    let verdict = deliver(provider, &message.headers, message.body);
    // 3. Header names in another case: the same verdict.
    let lower: Vec<String> = message
        .headers
        .iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .collect();
    let lowered: Vec<(&str, &str)> = lower
        .iter()
        .zip(&message.headers)
        .map(|(n, (_, v))| (n.as_str(), *v))
        .collect();
    assert_eq!(
        deliver(provider, &lowered, message.body),
        verdict,
        "header names are case-insensitive"
    );
    // 2. Signed correctly: never refused as inauthentic.
    if let Some((headers, body)) = signed(provider, &message) {
        let pairs: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        if let Err(code) = deliver(provider, &pairs, &body) {
            let inauthentic = matches!(
                code.as_str(),
                "empty_secret"
                    | "missing_header"
                    | "malformed_header"
                    | "missing_signature"
                    | "bad_signature"
                    | "stale_timestamp"
            );
            assert!(!inauthentic, "a correctly signed delivery was refused: {code}");
        }
    }
}
