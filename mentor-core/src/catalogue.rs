//! The catalogue of every stable code a call of the library can answer with, whatever the
//! family: field errors, why a registration number is not well-formed, policies that do not
//! load, refused lifecycle events, webhook deliveries refused, e-signature events ignored or
//! in conflict, contracts that cannot be drafted, statements that cannot be made, invoice
//! discrepancies, and what the JavaScript package throws. Each code comes with its kind and a
//! generic message in English and French; an occurrence's own message adds its details.
//!
//! The same code names the same failure in Rust, Python and JavaScript: Python raises
//! `InputError` for `invalid_input` (and its subclass `PolicyError` for `invalid_policy`),
//! `TransitionError` for a `refusal`, `SignatureError` for a `signature` code; JavaScript
//! throws an `Error` with the same `code` and the same `name`.
//!
//! It sits above every domain module (it lists their codes); nothing below depends on it.

use serde::Serialize;
use serde_json::Value;

use crate::billing::{DiscrepancyCode, StatementError};
use crate::contract::DraftError;
use crate::error::ErrorCode;
use crate::esign::VerifyError;
use crate::i18n::{Lang, Text};
use crate::registration::InvalidReason;
use crate::vocabulary::Vocabulary;

/// The family a code belongs to: where it appears on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CodeKind {
    /// A field error of the wire format (`docs/wire-format.md#field-errors`): `{"path", "code", "message"}`.
    Field,
    /// Why a registration number is not well-formed (the `error` of a `fix_registration_number`
    /// action, the detail of an `invalid_registration_number` field error).
    RegistrationNumber,
    /// The whole input could not be used: a policy that does not load, an input that does not
    /// parse (what the JavaScript package throws, with the field errors).
    Input,
    /// An event a lifecycle refuses (`docs/lifecycles.md`); Python's `TransitionError`.
    Refusal,
    /// A webhook delivery refused (`docs/esign.md`): its authenticity check failed (Python's
    /// `SignatureError`, the CLI's exit status 3) or its body is not the provider's payload.
    Signature,
    /// An e-signature event accepted but not applied, and why.
    Ignored,
    /// An e-signature event that contradicts what the contract records: reported, not applied.
    Conflict,
    /// Why a contract cannot be drafted or amended.
    Draft,
    /// Why no billing statement could be made (BIL-1).
    Statement,
    /// A difference between a received invoice and its statement (BIL-1).
    Discrepancy,
    /// A failure of the library itself (a bug), thrown by the JavaScript package.
    Internal,
}

/// One code of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Code {
    code: &'static str,
    kind: CodeKind,
    en: &'static str,
    fr: &'static str,
}

impl Code {
    fn fixed(code: &'static str, kind: CodeKind, en: &'static str, fr: &'static str) -> Code {
        Code { code, kind, en, fr }
    }

    /// The stable code (`"invalid_email"`).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// Its family.
    #[must_use]
    pub const fn kind(&self) -> CodeKind {
        self.kind
    }

    /// Its generic message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

/// The codes of the families without a fixed message per code, with their generic messages:
/// written here where the family's messages carry an occurrence's details (a header's name, a
/// state, an amount); the family's own text, shared, for a variant without details.
const DESCRIBED: &[(&str, CodeKind, Text)] = &[
    (
        "invalid_input",
        CodeKind::Input,
        Text::new(
            "the input does not parse: see its field errors",
            "l'entrée ne peut pas être lue : voir ses erreurs de champ",
        ),
    ),
    (
        "invalid_policy",
        CodeKind::Input,
        Text::new(
            "the policy cannot be loaded",
            "la politique ne peut pas être chargée",
        ),
    ),
    (
        "transition_not_allowed",
        CodeKind::Refusal,
        Text::new(
            "the lifecycle does not allow this event in the current state",
            "le cycle de vie n'autorise pas cet événement dans l'état actuel",
        ),
    ),
    (
        "event_before_previous",
        CodeKind::Refusal,
        Text::new(
            "the event is dated before the previous event of the log",
            "l'événement est daté avant l'événement précédent du journal",
        ),
    ),
    (
        "signer_already_final",
        CodeKind::Refusal,
        Text::new(
            "the signer has already signed or declined",
            "le signataire a déjà signé ou refusé",
        ),
    ),
    (
        "invalid_event_data",
        CodeKind::Refusal,
        Text::new(
            "the event's data contradicts the contract",
            "les données de l'événement contredisent le contrat",
        ),
    ),
    (
        VerifyError::EmptySecret.code(),
        CodeKind::Signature,
        VerifyError::EMPTY_SECRET_MESSAGE,
    ),
    (
        "missing_header",
        CodeKind::Signature,
        Text::new(
            "the header that carries the signature is missing",
            "l'en-tête qui porte la signature est absent",
        ),
    ),
    (
        "malformed_header",
        CodeKind::Signature,
        Text::new(
            "the signature header is not in the provider's format",
            "l'en-tête de signature n'est pas au format du fournisseur",
        ),
    ),
    (
        "missing_signature",
        CodeKind::Signature,
        Text::new(
            "the body carries no signature where the provider puts one",
            "le corps ne porte pas de signature là où le fournisseur la place",
        ),
    ),
    (
        VerifyError::BadSignature.code(),
        CodeKind::Signature,
        VerifyError::BAD_SIGNATURE_MESSAGE,
    ),
    (
        "stale_timestamp",
        CodeKind::Signature,
        Text::new(
            "the signed time is outside the provider's window",
            "l'heure signée est hors de la fenêtre du fournisseur",
        ),
    ),
    (
        "invalid_body",
        CodeKind::Signature,
        Text::new(
            "the body is not the provider's documented payload",
            "le corps n'est pas la charge utile documentée par le fournisseur",
        ),
    ),
    (
        "signer_already_final",
        CodeKind::Conflict,
        Text::new(
            "the signer already signed or declined: the first outcome stands",
            "le signataire a déjà signé ou refusé : le premier résultat est maintenu",
        ),
    ),
    (
        "contract_closed",
        CodeKind::Conflict,
        Text::new(
            "the contract's signing is over: the first outcome stands",
            "la signature du contrat est terminée : le premier résultat est maintenu",
        ),
    ),
    (
        "contract_refused",
        CodeKind::Conflict,
        Text::new(
            "the contract refused the event",
            "le contrat a refusé l'événement",
        ),
    ),
    (
        "not_eligible",
        CodeKind::Draft,
        Text::new(
            "the eligibility decision is not eligible: its required actions come first",
            "la décision d'éligibilité n'est pas « éligible » : ses actions requises passent d'abord",
        ),
    ),
    (
        DraftError::NoContractingParty.code(),
        CodeKind::Draft,
        DraftError::NO_CONTRACTING_PARTY_MESSAGE,
    ),
    (
        DraftError::InvalidContractId.code(),
        CodeKind::Draft,
        DraftError::INVALID_CONTRACT_ID_MESSAGE,
    ),
    (
        "contract_not_active",
        CodeKind::Draft,
        Text::new(
            "only an active contract can be amended",
            "seul un contrat actif peut être modifié",
        ),
    ),
    (
        "version_not_next",
        CodeKind::Draft,
        Text::new(
            "an amendment's terms must have the version after the contract's",
            "les conditions d'un avenant doivent porter la version qui suit celle du contrat",
        ),
    ),
    (
        "invalid_sessions",
        CodeKind::Statement,
        Text::new(
            "sessions cannot be billed: no statement is made",
            "des séances ne peuvent pas être facturées : aucun relevé n'est établi",
        ),
    ),
    (
        StatementError::Overflow.code(),
        CodeKind::Statement,
        StatementError::OVERFLOW_MESSAGE,
    ),
    (
        "internal",
        CodeKind::Internal,
        Text::new(
            "the library failed where it cannot: please report it",
            "la bibliothèque a échoué là où elle ne le peut pas : merci de le signaler",
        ),
    ),
];

/// Every code of the library, by family: field errors, registration number reasons, then the
/// families with a generic description (input, refusal, signature, conflict, draft, statement,
/// internal), ignored e-signature events and invoice discrepancies.
///
/// ```
/// use mentor_core::catalogue::{catalogue, CodeKind};
/// use mentor_core::Lang;
/// let codes = catalogue();
/// let found = codes.iter().find(|c| c.code() == "bad_signature").unwrap();
/// assert_eq!(found.kind(), CodeKind::Signature);
/// assert!(found.message(Lang::Fr).starts_with("la signature"));
/// assert!(codes.iter().any(|c| c.code() == "duplicate_key" && c.kind() == CodeKind::Field));
/// ```
#[must_use]
pub fn catalogue() -> Vec<Code> {
    let mut codes: Vec<Code> = ErrorCode::ALL
        .iter()
        .map(|&(name, c)| Code::fixed(name, CodeKind::Field, c.message(Lang::En), c.message(Lang::Fr)))
        .collect();
    codes.extend(InvalidReason::ALL.iter().map(|r| {
        Code::fixed(
            r.code(),
            CodeKind::RegistrationNumber,
            r.message(Lang::En),
            r.message(Lang::Fr),
        )
    }));
    codes.extend(
        DESCRIBED
            .iter()
            .map(|&(code, kind, text)| Code::fixed(code, kind, text.en, text.fr)),
    );
    codes.extend(crate::esign::Ignored::ALL.iter().map(|i| {
        Code::fixed(
            i.code(),
            CodeKind::Ignored,
            i.message(Lang::En),
            i.message(Lang::Fr),
        )
    }));
    codes.extend(DiscrepancyCode::ALL.iter().map(|d| {
        Code::fixed(
            d.as_str(),
            CodeKind::Discrepancy,
            d.message(Lang::En),
            d.message(Lang::Fr),
        )
    }));
    codes
}

/// The catalogue on the wire: `[{"code", "kind", "en", "fr"}]`, for bindings and documentation.
///
/// ```
/// let codes = mentor_core::error_codes();
/// assert!(codes.as_array().unwrap().iter().any(|c| c["code"] == "invalid_email" && c["kind"] == "field"));
/// ```
#[must_use]
pub fn error_codes() -> Value {
    crate::i18n::json_value(&catalogue())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::esign::{Conflict, VerifyError, WebhookError};
    use crate::lifecycle::Refusal;

    fn listed(code: &str, kind: CodeKind) -> bool {
        catalogue().iter().any(|c| c.code == code && c.kind == kind)
    }

    #[test]
    fn each_code_of_a_family_is_listed_once_with_both_messages() {
        let codes = catalogue();
        let mut seen = std::collections::BTreeSet::new();
        for c in &codes {
            assert!(seen.insert((c.kind, c.code)), "{:?} {} twice", c.kind, c.code);
            assert!(!c.en.is_empty() && !c.fr.is_empty() && c.en != c.fr, "{}", c.code);
            assert!(
                c.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                c.code
            );
        }
    }

    /// Every variant of every family, by an exhaustive match (a new variant does not compile
    /// until it is listed here, and so in the catalogue).
    #[test]
    fn every_variant_of_every_family_is_in_the_catalogue() {
        let refusal = |r: Refusal| match r {
            Refusal::NotAllowed
            | Refusal::BeforePrevious
            | Refusal::SignerAlreadyFinal
            | Refusal::InvalidData(_) => r.code(),
        };
        for r in [
            Refusal::NotAllowed,
            Refusal::BeforePrevious,
            Refusal::SignerAlreadyFinal,
            Refusal::InvalidData(Text::new("a", "b")),
        ] {
            assert!(listed(refusal(r), CodeKind::Refusal), "{}", r.code());
        }
        let verify = |v: &VerifyError| match v {
            VerifyError::EmptySecret
            | VerifyError::MissingHeader(_)
            | VerifyError::MalformedHeader(_)
            | VerifyError::MissingSignature(_)
            | VerifyError::BadSignature
            | VerifyError::StaleTimestamp { .. } => v.code(),
        };
        for v in [
            VerifyError::EmptySecret,
            VerifyError::MissingHeader("h"),
            VerifyError::MalformedHeader("h"),
            VerifyError::MissingSignature("s"),
            VerifyError::BadSignature,
            VerifyError::StaleTimestamp {
                age_seconds: 0,
                tolerance_seconds: 0,
            },
        ] {
            assert!(listed(verify(&v), CodeKind::Signature), "{}", v.code());
        }
        let body = WebhookError::Malformed(crate::error::InputError { errors: vec![] });
        assert!(listed(body.code(), CodeKind::Signature));
        use crate::contract::{ContractState, SignerRole, SignerStatus};
        use crate::esign::EventKind;
        let at = chrono::DateTime::UNIX_EPOCH;
        let refused = crate::lifecycle::Refused {
            aggregate: "contract",
            state: None,
            event: "sent",
            reason: Refusal::NotAllowed,
        };
        for c in [
            Conflict::SignerAlreadyFinal {
                signer: SignerRole::ContractingParty,
                status: SignerStatus::Signed { at },
                event: EventKind::Declined,
            },
            Conflict::ContractClosed {
                state: ContractState::Signed,
                event: EventKind::Declined,
            },
            Conflict::Refused(refused),
        ] {
            let code = match &c {
                Conflict::SignerAlreadyFinal { .. }
                | Conflict::ContractClosed { .. }
                | Conflict::Refused(_) => c.code(),
            };
            assert!(listed(code, CodeKind::Conflict), "{code}");
        }
        use crate::billing::StatementError;
        for s in [StatementError::Sessions(vec![]), StatementError::Overflow] {
            let code = match &s {
                StatementError::Sessions(_) | StatementError::Overflow => s.code(),
            };
            assert!(listed(code, CodeKind::Statement), "{code}");
        }
        use crate::contract::DraftError;
        use crate::eligibility::Outcome;
        for d in [
            DraftError::NotEligible(Outcome::ActionRequired),
            DraftError::NoContractingParty,
            DraftError::InvalidContractId,
            DraftError::NotActive(None),
            DraftError::VersionNotNext {
                expected: 2,
                found: 1,
            },
        ] {
            let code = match &d {
                DraftError::NotEligible(_)
                | DraftError::NoContractingParty
                | DraftError::InvalidContractId
                | DraftError::NotActive(_)
                | DraftError::VersionNotNext { .. } => d.code(),
            };
            assert!(listed(code, CodeKind::Draft), "{code}");
        }
        assert!(listed(crate::policy::PolicyError::CODE, CodeKind::Input));
        for r in InvalidReason::ALL {
            let code = match r {
                InvalidReason::Empty
                | InvalidReason::InvalidCharacters
                | InvalidReason::WrongLength
                | InvalidReason::InvalidFormat
                | InvalidReason::UnknownPrefix
                | InvalidReason::BadCheckDigit => r.code(),
            };
            assert!(listed(code, CodeKind::RegistrationNumber), "{code}");
        }
        for i in crate::esign::Ignored::ALL {
            use crate::esign::Ignored;
            let code = match i {
                Ignored::Test
                | Ignored::UnknownEventType
                | Ignored::UnconfirmedHint
                | Ignored::NoContract
                | Ignored::OtherProvider
                | Ignored::OtherRequest
                | Ignored::NoSigner
                | Ignored::UnknownSigner
                | Ignored::NoNewRecipient
                | Ignored::NothingNew => i.code(),
            };
            assert!(listed(code, CodeKind::Ignored), "{code}");
        }
    }
}
