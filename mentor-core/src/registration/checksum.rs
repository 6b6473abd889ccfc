//! Check-digit algorithms shared by several schemes. Each is a public standard; the
//! function names say which.

use super::number::Compact;

/// Luhn (ISO/IEC 7812-1 annex B): true when the digits, the last being the check digit,
/// sum to a multiple of 10 with every second digit from the right doubled.
/// `false` when any character is not a digit.
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.iter().rev().enumerate() {
        if !b.is_ascii_digit() {
            return false;
        }
        let d = u32::from(b - b'0');
        sum += if i % 2 == 1 {
            let twice = d * 2;
            if twice > 9 { twice - 9 } else { twice }
        } else {
            d
        };
    }
    sum % 10 == 0
}

/// The remainder of the whole (arbitrarily long) decimal number modulo `m`, digits only;
/// `None` when any character is not a digit.
pub(crate) fn mod_decimal(digits: &[u8], m: u32) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| (acc * 10 + u32::from(b - b'0')) % m)
    })
}

/// ISO 7064 MOD 11,10 (pure hybrid system): true when the digits, the last being the
/// check digit, pass. `false` on any non-digit.
pub(crate) fn iso7064_mod_11_10_valid(digits: &[u8]) -> bool {
    let mut product = 10u32;
    let Some((last, body)) = digits.split_last() else {
        return false;
    };
    for b in body {
        if !b.is_ascii_digit() {
            return false;
        }
        let mut sum = (u32::from(b - b'0') + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    if !last.is_ascii_digit() {
        return false;
    }
    (product + u32::from(last - b'0')) % 10 == 1
}

/// ISO 7064 MOD 97-10 over an alphanumeric string (letters count A=10 … Z=35, as in IBAN):
/// true when the remainder is 1. `false` on any other character.
pub(crate) fn iso7064_mod_97_10_valid(chars: &[u8]) -> bool {
    let mut acc = 0u32;
    for b in chars {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        acc = if v >= 10 {
            (acc * 100 + v) % 97
        } else {
            (acc * 10 + v) % 97
        };
    }
    acc == 1
}

/// Σ digit·weight over the leading digits of `c` (one weight per digit); `None` when a
/// weighted position is missing or not a digit.
pub(crate) fn weighted_sum(c: &Compact, weights: &[u32]) -> Option<u32> {
    weights
        .iter()
        .enumerate()
        .try_fold(0u32, |acc, (i, w)| Some(acc + c.digit(i)? * w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_known_values() {
        // SIREN of a well-known company (public register) and a changed digit.
        assert!(luhn_valid(b"732829320"));
        assert!(!luhn_valid(b"732829321"));
        assert!(luhn_valid(b"79927398713")); // the textbook Luhn example
        assert!(!luhn_valid(b"7992739871a"));
    }

    #[test]
    fn iso7064_known_values() {
        // German VAT number used in public examples of ISO 7064 MOD 11,10.
        assert!(iso7064_mod_11_10_valid(b"136695976"));
        assert!(!iso7064_mod_11_10_valid(b"136695978"));
        // IBAN example from ISO 13616 (rearranged, letters as numbers): GB82WEST…
        assert!(iso7064_mod_97_10_valid(b"WEST12345698765432GB82"));
        assert!(!iso7064_mod_97_10_valid(b"WEST12345698765432GB83"));
    }

    #[test]
    fn mod_decimal_of_long_numbers() {
        assert_eq!(mod_decimal(b"001561191000066", 97), Some(0));
        assert_eq!(mod_decimal(b"12a", 97), None);
    }
}
