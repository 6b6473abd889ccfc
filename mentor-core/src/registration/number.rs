//! The compact (normalised) form of a registration number, kept on the stack.

use std::fmt;

use super::InvalidReason;

/// The longest compact number any scheme produces, in bytes (a Swiss VAT number
/// `CHE123456789MWST` is 16; the RCCM of Côte d'Ivoire is the longest).
pub(crate) const MAX_COMPACT: usize = 24;

/// Input longer than this many bytes is refused before it is looked at: no registration
/// number, even with separators and prefixes, comes near it.
pub(crate) const MAX_INPUT: usize = 64;

/// A registration number reduced to its compact form: ASCII upper-case letters and digits,
/// separators removed, at most 24 bytes, stored inline (no allocation).
///
/// `Debug` shows its length only (`<redacted 14 chars>`): a sole proprietor's number (a French
/// micro-entrepreneur's SIREN, a US sole proprietor's EIN) identifies a person, so it is
/// personal data, kept out of logs like a name (issue 19.5). `Display` and
/// [`Compact::as_str`] give the number.
///
/// ```
/// use mentor_core::registration::SchemeId;
/// let compact = SchemeId::FrSiren.scheme().compact("732 829 320").unwrap();
/// assert_eq!(format!("{compact:?}"), "<redacted 9 chars>");
/// assert_eq!(compact.to_string(), "732829320");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Compact {
    len: u8,
    bytes: [u8; MAX_COMPACT],
}

impl Compact {
    /// An empty compact number.
    pub(crate) const EMPTY: Compact = Compact {
        len: 0,
        bytes: [0; MAX_COMPACT],
    };

    /// The compact number as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The compact number as ASCII bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// Number of characters (bytes: the compact form is ASCII).
    #[must_use]
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Whether nothing is left.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether every character is an ASCII digit (and there is at least one).
    #[must_use]
    pub fn is_digits(&self) -> bool {
        !self.is_empty() && self.as_bytes().iter().all(u8::is_ascii_digit)
    }

    /// Builds a compact number from bytes that are already clean ASCII upper-case
    /// alphanumerics; `None` when too long.
    pub(crate) fn from_clean(bytes: &[u8]) -> Option<Compact> {
        let mut out = Compact::EMPTY;
        let slot = out.bytes.get_mut(..bytes.len())?;
        slot.copy_from_slice(bytes);
        out.len = u8::try_from(bytes.len()).ok()?;
        Some(out)
    }

    /// The same number without its first `n` characters.
    pub(crate) fn skip(&self, n: usize) -> Compact {
        Compact::from_clean(self.as_bytes().get(n..).unwrap_or_default()).unwrap_or(Compact::EMPTY)
    }

    /// The same number with `prefix` removed when it starts with it.
    pub(crate) fn strip_prefix(&self, prefix: &str) -> Compact {
        if self.as_bytes().starts_with(prefix.as_bytes()) {
            self.skip(prefix.len())
        } else {
            *self
        }
    }

    /// `prefix` followed by this number (for schemes whose normal form carries a prefix).
    pub(crate) fn with_prefix(&self, prefix: &str) -> Option<Compact> {
        let mut out = Compact::EMPTY;
        let total = prefix.len() + self.len();
        let (head, tail) = out.bytes.get_mut(..total)?.split_at_mut(prefix.len());
        head.copy_from_slice(prefix.as_bytes());
        tail.copy_from_slice(self.as_bytes());
        out.len = u8::try_from(total).ok()?;
        Some(out)
    }

    /// The numeric value of each character, digits only (`None` if any is not a digit).
    pub(crate) fn digit(&self, i: usize) -> Option<u32> {
        self.as_bytes()
            .get(i)
            .filter(|b| b.is_ascii_digit())
            .map(|b| u32::from(b - b'0'))
    }
}

impl fmt::Debug for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<redacted {} chars>", self.len())
    }
}

impl fmt::Display for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Normalises typed input, the policy shared by every scheme:
/// - separators are dropped: ASCII space, tab, `.`, `-`, `/`, `_`, `,`, and the Unicode spaces
///   a copy from a web page or a PDF brings (no-break space U+00A0, narrow no-break space
///   U+202F, thin space U+2009);
/// - ASCII letters are upper-cased;
/// - any other character (another letter, an emoji, a combining accent) makes the input
///   [`InvalidReason::InvalidCharacters`]: nothing is guessed away;
/// - input longer than 64 bytes is [`InvalidReason::WrongLength`].
///
/// Country prefixes are each scheme's business, not this function's.
pub(crate) fn clean(input: &str) -> Result<Compact, InvalidReason> {
    if input.len() > MAX_INPUT {
        return Err(InvalidReason::WrongLength);
    }
    let mut out = Compact::EMPTY;
    let mut len = 0usize;
    for ch in input.chars() {
        // Digits and capitals first: they are most of any number, and the ranges test faster
        // than the list of separators.
        let kept = match ch {
            '0'..='9' | 'A'..='Z' => ch,
            'a'..='z' => ch.to_ascii_uppercase(),
            ' ' | '\t' | '.' | '-' | '/' | '_' | ',' | '\u{a0}' | '\u{202f}' | '\u{2009}' => continue,
            _ => return Err(InvalidReason::InvalidCharacters),
        };
        let slot = out.bytes.get_mut(len).ok_or(InvalidReason::WrongLength)?;
        // `kept` is ASCII, so the cast keeps it whole.
        *slot = kept as u8;
        len += 1;
    }
    out.len = u8::try_from(len).map_err(|_| InvalidReason::WrongLength)?;
    if out.is_empty() {
        return Err(InvalidReason::Empty);
    }
    Ok(out)
}

/// The printed form of schemes that print their compact form as it is (`001561191000066`).
pub(crate) fn as_is(c: &Compact) -> String {
    c.as_str().to_owned()
}

/// Splits `s` into groups of the given sizes joined by `sep` (the last group takes the
/// rest). Used by the schemes' `format`.
pub(crate) fn group(s: &str, sizes: &[usize], sep: &str) -> String {
    let mut out = String::with_capacity(s.len() + sizes.len() * sep.len());
    let mut rest = s;
    for &size in sizes {
        if rest.is_empty() {
            break;
        }
        let cut = size.min(rest.len());
        let (head, tail) = rest.split_at_checked(cut).unwrap_or((rest, ""));
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(head);
        rest = tail;
    }
    if !rest.is_empty() {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_separators_and_upper_cases() {
        assert_eq!(clean(" 732.829-320/00074 ").unwrap().as_str(), "73282932000074");
        assert_eq!(clean("che-116.281\u{a0}710").unwrap().as_str(), "CHE116281710");
    }

    #[test]
    fn clean_refuses_what_it_cannot_read() {
        assert_eq!(clean("732é"), Err(InvalidReason::InvalidCharacters));
        assert_eq!(clean(" - . "), Err(InvalidReason::Empty));
        assert_eq!(clean(&"1".repeat(65)), Err(InvalidReason::WrongLength));
        assert_eq!(clean(&"1".repeat(25)), Err(InvalidReason::WrongLength));
    }

    #[test]
    fn group_splits_and_keeps_the_rest() {
        assert_eq!(group("73282932000074", &[3, 3, 3], " "), "732 829 320 00074");
        assert_eq!(group("12", &[3, 3], " "), "12");
    }
}

impl Compact {
    /// The optional and the duplicated country prefix removed (`FR…`, `FRFR…`: a prefix typed
    /// by the person and added again by a form), with two guarantees that keep a scheme's
    /// `compact` idempotent (`compact(compact(x)) == compact(x)`):
    /// - a third copy of the prefix (`FRFRFR…`) is no typing habit: the input is refused
    ///   ([`InvalidReason::InvalidFormat`]) instead of leaving a `FR…` that a second pass
    ///   would strip;
    /// - nothing left after the prefix is [`InvalidReason::Empty`], like an empty input.
    // Inlined so that each scheme's literal prefix is compared in place, not by `memcmp`;
    // the bytes are copied once, at the end.
    #[inline]
    pub(crate) fn strip_country_prefix_checked(&self, prefix: &str) -> Result<Compact, InvalidReason> {
        let prefix = prefix.as_bytes();
        let once = self.as_bytes().strip_prefix(prefix).unwrap_or(self.as_bytes());
        let rest = once.strip_prefix(prefix).unwrap_or(once);
        if rest.is_empty() {
            return Err(InvalidReason::Empty);
        }
        if !prefix.is_empty() && rest.starts_with(prefix) {
            return Err(InvalidReason::InvalidFormat);
        }
        Compact::from_clean(rest).ok_or(InvalidReason::WrongLength)
    }
}

#[cfg(test)]
mod checked_prefix_tests {
    use super::*;

    #[test]
    fn prefix_is_stripped_once_or_twice_and_a_third_refused() {
        let strip = |s: &str| clean(s).and_then(|c| c.strip_country_prefix_checked("FR"));
        assert_eq!(strip("12").unwrap().as_str(), "12");
        assert_eq!(strip("fr12").unwrap().as_str(), "12");
        assert_eq!(strip("FR FR 12").unwrap().as_str(), "12");
        assert_eq!(strip("FRFRFR12"), Err(InvalidReason::InvalidFormat));
        assert_eq!(strip("FRFR"), Err(InvalidReason::Empty));
    }
}
