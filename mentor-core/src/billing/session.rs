//! A mentoring session as billing sees it (`docs/billing.md`): when it started, its type, and
//! whether it took place.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{ErrorCode, InputError};
use crate::lifecycle::{Vocabulary, format_instant, read_instant};
use crate::read::{Path, Reader, See, Seen};
use crate::wire::{self, Num, Object, Str, raw_form};

/// The longest session id or student reference, in characters.
pub const MAX_SESSION_ID_CHARS: usize = 128;

/// The longest session type, in characters (session types are slugs, as in the contract's
/// rates).
pub const MAX_SESSION_TYPE_CHARS: usize = 64;

/// The longest session, in minutes (a day).
pub const MAX_DURATION_MINUTES: u16 = 1440;

vocabulary! {
    /// What became of a session. Wire names `completed`, `student_no_show`, `cancelled_late`,
    /// `cancelled`.
    ///
    /// How much each pays is the operator's policy (POL-1, `docs/policy.md` `[billing]`): a completed
    /// session pays its rate, a no-show `student_no_show` of it (default all), a late
    /// cancellation `cancelled_late` of it (default half), a cancellation nothing.
    ///
    /// ```
    /// use mentor_core::billing::SessionStatus;
    /// use mentor_core::lifecycle::Vocabulary;
    /// assert_eq!(SessionStatus::from_name("cancelled_late"), Some(SessionStatus::CancelledLate));
    /// assert_eq!(SessionStatus::StudentNoShow.name(), "student_no_show");
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum SessionStatus {
        /// The session took place.
        Completed = "completed",
        /// The mentor was there, the student was not.
        StudentNoShow = "student_no_show",
        /// Cancelled too late to be free.
        CancelledLate = "cancelled_late",
        /// Cancelled in time: unpaid.
        Cancelled = "cancelled",
    }
}

/// The company's pseudonymous reference of the student of a session. Pseudonymous data is
/// still personal data (GDPR recital 26), so `Debug` never shows it.
///
/// ```
/// use mentor_core::billing::StudentRef;
/// let student = StudentRef::new("stu-8812");
/// assert_eq!(student.expose(), "stu-8812");
/// assert_eq!(format!("{student:?}"), "<redacted>");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StudentRef(String);

impl StudentRef {
    /// A reference from its text, as given.
    #[must_use]
    pub fn new(text: &str) -> StudentRef {
        StudentRef(text.to_owned())
    }

    /// The reference itself (for the people allowed to see it, and the wire form).
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for StudentRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// One mentoring session to bill (`docs/billing.md`). Wire form:
/// `{"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
/// "session_type": "mentoring", "student_ref": "stu-8812", "status": "completed"}`; every key
/// is required.
///
/// Read only by [`Session::from_json`] or [`Session::new`], so a `Session` always has an id,
/// a type and a reference of at most their maximum lengths and a duration of 1 to
/// [`MAX_DURATION_MINUTES`] minutes. Whether its type has a rate is the contract's business:
/// [`crate::billing::statement`] checks it.
///
/// ```
/// use mentor_core::billing::{Session, SessionStatus};
/// let s = Session::from_json(&serde_json::json!({
///     "session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
///     "session_type": "mentoring", "student_ref": "stu-8812", "status": "student_no_show",
/// })).unwrap();
/// assert_eq!(s.status(), SessionStatus::StudentNoShow);
/// assert!(!format!("{s:?}").contains("stu-8812"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    session_id: String,
    started_at: DateTime<Utc>,
    duration_minutes: u16,
    session_type: String,
    student_ref: StudentRef,
    status: SessionStatus,
}

/// `{"session_id", "started_at" (UTC), "duration_minutes", "session_type", "student_ref",
/// "status"}`, as [`Session::from_json`] reads it.
impl Serialize for Session {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            session_id: &'a str,
            started_at: String,
            duration_minutes: u16,
            session_type: &'a str,
            student_ref: &'a str,
            status: &'static str,
        }
        Wire {
            session_id: &self.session_id,
            started_at: format_instant(self.started_at),
            duration_minutes: self.duration_minutes,
            session_type: &self.session_type,
            student_ref: self.student_ref.expose(),
            status: self.status.name(),
        }
        .serialize(serializer)
    }
}

impl Session {
    /// A session from typed values, checked as [`Session::from_json`] checks them.
    ///
    /// ```
    /// use mentor_core::billing::{Session, SessionStatus, StudentRef};
    /// let at = "2026-01-12T17:00:00Z".parse().unwrap();
    /// let s = Session::new("s-1", at, 45, "mentoring", StudentRef::new("stu-1"), SessionStatus::Completed).unwrap();
    /// assert_eq!(s.session_type(), "mentoring");
    /// let e = Session::new("s-1", at, 0, "mentoring", StudentRef::new("stu-1"), SessionStatus::Completed).unwrap_err();
    /// assert_eq!(e.errors[0].path, "duration_minutes");
    /// ```
    ///
    /// # Errors
    /// Field errors: `required` (a blank id, type or reference), `too_long`, `out_of_range`
    /// (a duration of 0 or over [`MAX_DURATION_MINUTES`]).
    pub fn new(
        session_id: &str,
        started_at: DateTime<Utc>,
        duration_minutes: u16,
        session_type: &str,
        student_ref: StudentRef,
        status: SessionStatus,
    ) -> Result<Session, InputError> {
        // Checked as the wire form is: the unchecked session, written and read back.
        Session::from_json(
            &Session::from_parts(
                session_id,
                started_at,
                duration_minutes,
                session_type,
                student_ref,
                status,
            )
            .to_json(),
        )
    }

    /// A session from values already checked (a statement read back from JSON).
    pub(crate) fn from_parts(
        session_id: &str,
        started_at: DateTime<Utc>,
        duration_minutes: u16,
        session_type: &str,
        student_ref: StudentRef,
        status: SessionStatus,
    ) -> Session {
        Session {
            session_id: session_id.to_owned(),
            started_at,
            duration_minutes,
            session_type: session_type.to_owned(),
            student_ref,
            status,
        }
    }

    /// Reads a session from its wire form.
    ///
    /// # Errors
    /// Every problem as a field error: `required`, `invalid_type`, `too_long`,
    /// `invalid_characters`, `invalid_datetime` (`started_at` not RFC 3339), `out_of_range`
    /// (`duration_minutes` not a whole number from 1 to 1440: a negative duration is refused),
    /// `invalid_enum` (`status`), `unknown_field`.
    pub fn from_json(value: &Value) -> Result<Session, InputError> {
        let form = wire::from_value(value).map_err(|e| InputError { errors: vec![e] })?;
        let mut r = Reader::new();
        let session = read_session(&mut r, &form, &Path::Root);
        r.finish(session)
    }

    /// Reads the sessions of a JSON array's items, in order: every item is read, and the
    /// errors of all of them come back together, each path under its item's index (`[2].status`).
    /// The one reading of a list of sessions (BIL-1), for [`crate::billing::statement_json`] and
    /// for services that receive sessions in batches.
    ///
    /// ```
    /// use mentor_core::billing::Session;
    /// let items = serde_json::json!([
    ///     {"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
    ///      "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"},
    ///     {"session_id": "s-2", "status": "lost"},
    /// ]);
    /// let e = Session::list_from_json(items.as_array().unwrap()).unwrap_err();
    /// assert!(e.errors.iter().all(|f| f.path.starts_with("[1].")));
    /// assert!(e.errors.iter().any(|f| f.path == "[1].status" && f.code.as_str() == "invalid_enum"));
    /// ```
    ///
    /// # Errors
    /// [`InputError`] with the field errors of every item that does not read, as
    /// [`Session::from_json`] gives them, under `[index]`.
    pub fn list_from_json(items: &[Value]) -> Result<Vec<Session>, InputError> {
        let mut sessions = Vec::with_capacity(items.len());
        let mut errors = Vec::new();
        for (index, item) in items.iter().enumerate() {
            match Session::from_json(item) {
                Ok(session) => sessions.push(session),
                Err(e) => errors.extend(e.errors.into_iter().map(|f| f.under(&format!("[{index}]")))),
            }
        }
        if errors.is_empty() {
            Ok(sessions)
        } else {
            Err(InputError { errors })
        }
    }

    /// The wire form (`started_at` in UTC): the session's [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }

    /// The session's id, unique among the sessions billed together.
    #[must_use]
    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// When it started (UTC).
    #[must_use]
    pub fn started_at(&self) -> DateTime<Utc> {
        self.started_at
    }

    /// How long it lasted (informational: the contract pays per session, CON-1).
    #[must_use]
    pub fn duration_minutes(&self) -> u16 {
        self.duration_minutes
    }

    /// Its type: a key of the contract's rates.
    #[must_use]
    pub fn session_type(&self) -> &str {
        &self.session_type
    }

    /// The student's pseudonymous reference.
    #[must_use]
    pub fn student_ref(&self) -> &StudentRef {
        &self.student_ref
    }

    /// What became of it.
    #[must_use]
    pub fn status(&self) -> SessionStatus {
        self.status
    }
}

/// Reads a required value of a vocabulary.
pub(crate) fn required_choice<'v, T: Copy>(
    r: &mut Reader,
    value: impl See<'v>,
    path: &Path<'_>,
    table: &'static [(&'static str, T)],
) -> Option<T> {
    let value = value.see();
    if matches!(value, Seen::Absent) {
        r.error(path, ErrorCode::Required);
        return None;
    }
    r.choice(value, path, table)
}

/// Reads a required whole number in `lo..=hi`.
pub(crate) fn required_integer<'v>(
    r: &mut Reader,
    value: impl See<'v>,
    path: &Path<'_>,
    lo: i64,
    hi: i64,
) -> Option<i64> {
    let value = value.see();
    if matches!(value, Seen::Absent) {
        r.error(path, ErrorCode::Required);
        return None;
    }
    r.integer(value, path, lo, hi)
}

raw_form! {
    /// A mentoring session, as billing reads it (`docs/billing.md`): priced with the rate of its
    /// type in the contract version in force on its date.
    ///
    /// Each field as found.
    pub(crate) struct SessionForm<'a> {
        /// The session's id, unique in a statement.
        #[schema(required, max_chars(MAX_SESSION_ID_CHARS))]
        session_id: Str<'a>,
        /// When it started, an RFC 3339 instant; it belongs to the month it starts in, in the
        /// billing time zone.
        #[schema(required, format("date-time"))]
        started_at: Str<'a>,
        /// How long it lasted, in minutes (informational: the contract pays per session).
        #[schema(required, integer(1, i64::from(MAX_DURATION_MINUTES)))]
        duration_minutes: Num,
        /// Its type: a key of the contract's rates.
        #[schema(required, max_chars(MAX_SESSION_TYPE_CHARS))]
        session_type: Str<'a>,
        /// The company's pseudonymous reference of the student.
        #[schema(required, max_chars(MAX_SESSION_ID_CHARS))]
        student_ref: Str<'a>,
        /// What became of it: how much it pays is the policy's (POL-1).
        #[schema(required, one_of(SessionStatus::ALL))]
        status: Str<'a>,
    }
}

fn read_session(r: &mut Reader, form: &Object<SessionForm<'_>>, path: &Path<'_>) -> Option<Session> {
    let form = r.element(form, path)?;
    r.unknown(&form.unknown, path);
    let session_id = r.required_text(&form.session_id, &path.key("session_id"), MAX_SESSION_ID_CHARS);
    let started_at = read_instant(r, &form.started_at, &path.key("started_at"), true);
    let duration = required_integer(
        r,
        &form.duration_minutes,
        &path.key("duration_minutes"),
        1,
        i64::from(MAX_DURATION_MINUTES),
    );
    let session_type = r.required_text(
        &form.session_type,
        &path.key("session_type"),
        MAX_SESSION_TYPE_CHARS,
    );
    let student_ref = r.required_text(&form.student_ref, &path.key("student_ref"), MAX_SESSION_ID_CHARS);
    let status = required_choice(r, &form.status, &path.key("status"), SessionStatus::ALL);
    Some(Session::from_parts(
        session_id?,
        started_at?,
        u16::try_from(duration?).ok()?,
        session_type?,
        StudentRef::new(student_ref?),
        status?,
    ))
}
