//! Subjects (APP-4, SEL-1): what a mentor teaches, named by a lower-case slug
//! (`web_development`). A primitive: forms, policies (`demand`) and contract terms name
//! subjects.

/// The longest subject slug, in characters.
pub(crate) const SUBJECT_MAX: usize = 64;

/// A subject slug as a regular expression (the JSON Schema of the inputs, `schema` feature):
/// what [`is_subject_slug`] accepts, but for the length (`SUBJECT_MAX`, said apart).
#[cfg(feature = "schema")]
pub(crate) const SLUG_PATTERN: &str = "^[a-z][a-z0-9_]*$";

/// Whether `s` is a subject slug: lower-case ASCII letters, digits and `_`, starting with a
/// letter, at most 64 characters.
#[must_use]
pub fn is_subject_slug(s: &str) -> bool {
    let mut bytes = s.bytes();
    s.len() <= SUBJECT_MAX
        && bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
