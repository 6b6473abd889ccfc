//! Differential test of the registration schemes against python-stdnum 2.2 (issue 3).
//!
//! For every scheme of `registration::all_schemes()` that python-stdnum implements (the map
//! [`ORACLE_MODULES`]), this test builds at least 10,000 inputs deterministically (seeded
//! PRNG below): well-formed numbers whose check digits are computed here from the public
//! specifications, the same with one digit changed, two adjacent characters swapped, a
//! character dropped or added, separators inserted, lower case, with no / one / a duplicated
//! country prefix, and random strings including non-ASCII characters. All inputs go in one
//! batch to one Python process (`tests/oracle/stdnum_oracle.py`, JSON lines), which answers
//! with stdnum's verdict and, for valid numbers, its compact form.
//!
//! The test requires, for every input: our verdict equals stdnum's, and for numbers both call
//! valid, the compact forms are equal up to the prefix convention of [`same_compact`] (our VAT
//! numbers keep `NL`, `DE`, … where stdnum drops it). The same batch also sends stdnum our
//! normal and printed forms of every number we accept: our printed form must be valid for
//! stdnum too, and a difference is "one of reading only" when stdnum accepts our normal form
//! (or we accept stdnum's compact form).
//!
//! Every deliberate difference is listed once, in [`DELIBERATE`]: the schemes, a predicate on
//! the input, the direction, whether it may cover more than a reading difference, and the
//! reason. An unlisted difference fails the test, and so does an (entry, scheme) pair that no
//! input exercises, so the list stays honest. A per-scheme summary is printed (`cargo test
//! --test stdnum_differential -- --nocapture`).
//!
//! The same answers check the hand-written python-stdnum table of each country page
//! (`docs/registration/<cc>.md`, issue 17): a row per scheme, the module of [`ORACLE_MODULES`]
//! (or `none`), and stdnum's verdict on the scheme's example (`valid`, `not valid: …`, or
//! `no such scheme`).
//!
//! Oracle: the Python in `STDNUM_PYTHON` if set, else `<workspace>/target/stdnum-venv`, created
//! on first use (`python3 -m venv`, `pip install python-stdnum==2.2`). When it cannot be
//! provisioned the test fails, unless `MENTOR_SKIP_STDNUM=1`, which skips it loudly.
//! python-stdnum is LGPL: it is only ever called as a black box, never read or copied.

#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is a test failure (clippy.toml allows these in tests, but not in an integration test's helper functions)"
)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use mentor_core::registration::{Scheme, all_schemes, countries};

/// Our scheme (wire name) → the python-stdnum module that checks the same number.
const ORACLE_MODULES: &[(&str, &str)] = &[
    ("fr_siren", "fr.siren"),
    ("fr_siret", "fr.siret"),
    ("fr_vat", "fr.tva"),
    ("us_ein", "us.ein"),
    ("gb_utr", "gb.utr"),
    ("gb_vat", "gb.vat"),
    ("de_stnr", "de.stnr"),
    ("de_vat", "de.vat"),
    ("es_nif", "es.nif"),
    ("it_iva", "it.iva"),
    ("be_enterprise_number", "be.vat"),
    ("ch_uid", "ch.uid"),
    ("ch_vat", "ch.vat"),
    ("ca_bn", "ca.bn"),
    ("nl_vat", "nl.btw"),
    ("ma_ice", "ma.ice"),
    ("sn_ninea", "sn.ninea"),
    ("tn_mf", "tn.mf"),
];

/// The python-stdnum version the verdicts are pinned to.
const STDNUM_VERSION: &str = "2.2";

/// Inputs generated per scheme (at least).
const INPUTS_PER_SCHEME: usize = 10_000;

// ---------------------------------------------------------------------------------------------
// Deliberate differences
// ---------------------------------------------------------------------------------------------

/// Which way a deliberate difference goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    /// We call the input well-formed, python-stdnum does not.
    WeAccept,
    /// python-stdnum calls the input valid, we do not.
    WeRefuse,
}

/// One deliberate difference: the schemes it concerns, which inputs, which way, and why.
/// Every (entry, scheme) pair must cover at least one generated input, or the test fails.
struct Deliberate {
    /// Our schemes' wire names.
    schemes: &'static [&'static str],
    /// Which way we differ.
    way: Way,
    /// Which inputs it covers.
    when: When,
    /// The difference is one of reading only: python-stdnum accepts our normal form of the
    /// input (way `WeAccept`), or we accept python-stdnum's compact form (way `WeRefuse`).
    /// When true, a difference in the verdict on the number itself is not covered.
    only_reading: bool,
    /// Why we differ.
    reason: &'static str,
}

/// A predicate on the input, kept as data so that the list reads as a table.
enum When {
    /// The input contains a separator of our module policy that the scheme's python-stdnum
    /// module does not drop (see [`STDNUM_SEPARATORS`]).
    PolicySeparator,
    /// Once reduced by the module policy, the input starts with the scheme's country prefix.
    CountryPrefix,
    /// Once reduced by the module policy, the input starts with the country prefix twice.
    DuplicatedPrefix,
    /// The input contains one of these characters.
    Contains(&'static [char]),
    /// Once reduced by the module policy, the input does not start with this text.
    CleanLacks(&'static str),
    /// A named predicate (a plain function, below).
    Custom(fn(&str) -> bool),
}

impl When {
    fn applies(&self, scheme: &str, input: &str) -> bool {
        let prefix = country_prefix(scheme);
        match self {
            When::PolicySeparator => {
                let kept = STDNUM_SEPARATORS
                    .iter()
                    .find(|(id, _)| *id == scheme)
                    .map_or("", |(_, seps)| *seps);
                input
                    .chars()
                    .any(|c| POLICY_SEPARATORS.contains(&c) && !kept.contains(c))
            }
            When::CountryPrefix => policy_clean(input).starts_with(&prefix),
            When::DuplicatedPrefix => policy_clean(input).starts_with(&format!("{prefix}{prefix}")),
            When::Contains(chars) => input.chars().any(|c| chars.contains(&c)),
            When::CleanLacks(start) => !policy_clean(input).starts_with(start),
            When::Custom(f) => f(input),
        }
    }
}

/// The separators of our module policy (`registration` module doc, rule 1).
const POLICY_SEPARATORS: &[char] = &[
    ' ', '\t', '.', '-', '/', '_', ',', '\u{a0}', '\u{202f}', '\u{2009}',
];

/// Which of [`POLICY_SEPARATORS`] each python-stdnum module drops inside a number, found by
/// calling it (black box) on a valid number with each separator inserted. (`us.ein` accepts
/// no separator but the one dash of `NN-NNNNNNN`.)
const STDNUM_SEPARATORS: &[(&str, &str)] = &[
    ("fr_siren", " .\u{a0}\u{202f}\u{2009}"),
    ("fr_siret", " .\u{a0}\u{202f}\u{2009}"),
    ("fr_vat", " .-\u{a0}\u{202f}\u{2009}"),
    ("us_ein", ""),
    ("gb_utr", " \u{a0}\u{202f}\u{2009}"),
    ("gb_vat", " .-\u{a0}\u{202f}\u{2009}"),
    ("de_stnr", " .-/,\u{a0}\u{202f}\u{2009}"),
    ("de_vat", " .-/,\u{a0}\u{202f}\u{2009}"),
    ("es_nif", " -\u{a0}\u{202f}\u{2009}"),
    ("it_iva", " -\u{a0}\u{202f}\u{2009}"),
    ("be_enterprise_number", " .-/\u{a0}\u{202f}\u{2009}"),
    ("ch_uid", " .-\u{a0}\u{202f}\u{2009}"),
    ("ch_vat", " .-\u{a0}\u{202f}\u{2009}"),
    ("ca_bn", " -\u{a0}\u{202f}\u{2009}"),
    ("nl_vat", " .-\u{a0}\u{202f}\u{2009}"),
    ("ma_ice", " \u{a0}\u{202f}\u{2009}"),
    ("sn_ninea", " -/,\u{a0}\u{202f}\u{2009}"),
    ("tn_mf", " .-/\u{a0}\u{202f}\u{2009}"),
];

/// Every scheme of [`ORACLE_MODULES`], for the entries that concern them all.
const EVERY_COMPARED: &[&str] = &[
    "fr_siren",
    "fr_siret",
    "fr_vat",
    "us_ein",
    "gb_utr",
    "gb_vat",
    "de_stnr",
    "de_vat",
    "es_nif",
    "it_iva",
    "be_enterprise_number",
    "ch_uid",
    "ch_vat",
    "ca_bn",
    "nl_vat",
    "ma_ice",
    "sn_ninea",
    "tn_mf",
];

/// The schemes whose python-stdnum module accepts no country prefix at all.
const STDNUM_WITHOUT_PREFIX: &[&str] = &[
    "fr_siren", "fr_siret", "us_ein", "gb_utr", "de_stnr", "ca_bn", "ma_ice", "sn_ninea", "tn_mf",
];

/// The schemes whose python-stdnum module accepts one country prefix, not two.
const STDNUM_ONE_PREFIX: &[&str] = &[
    "fr_vat",
    "gb_vat",
    "de_vat",
    "es_nif",
    "it_iva",
    "be_enterprise_number",
    "ch_uid",
    "ch_vat",
    "nl_vat",
];

/// The single list of deliberate differences with python-stdnum 2.2.
const DELIBERATE: &[Deliberate] = &[
    // --- The module policy (`registration` module doc), for every scheme.
    Deliberate {
        schemes: EVERY_COMPARED,
        way: Way::WeAccept,
        when: When::PolicySeparator,
        only_reading: true,
        reason: "module policy, rule 1: spaces, tabs, dots, dashes, slashes, underscores, commas and the no-break/thin spaces are separators for every scheme; each python-stdnum module drops only some of them (STDNUM_SEPARATORS)",
    },
    Deliberate {
        schemes: STDNUM_WITHOUT_PREFIX,
        way: Way::WeAccept,
        when: When::CountryPrefix,
        only_reading: true,
        reason: "module policy, rule 4: the country prefix is optional on every scheme of the country (`FR 732 829 320`); these python-stdnum modules accept none",
    },
    Deliberate {
        schemes: STDNUM_ONE_PREFIX,
        way: Way::WeAccept,
        when: When::DuplicatedPrefix,
        only_reading: true,
        reason: "module policy, rule 4: a duplicated prefix (typed by the person, added again by a form) is removed; python-stdnum accepts one",
    },
    Deliberate {
        schemes: EVERY_COMPARED,
        way: Way::WeRefuse,
        when: When::Custom(has_full_width),
        only_reading: true,
        reason: "module policy, rule 3: a character other than an ASCII letter, digit or separator makes the number invalid_characters, nothing is guessed away; python-stdnum folds full-width digits and letters (`１`) to ASCII",
    },
    Deliberate {
        schemes: &[
            "fr_siren",
            "fr_siret",
            "fr_vat",
            "us_ein",
            "gb_utr",
            "gb_vat",
            "de_stnr",
            "de_vat",
            "es_nif",
            "it_iva",
            "be_enterprise_number",
            "ch_uid",
            "ch_vat",
            "ca_bn",
            "nl_vat",
            "sn_ninea",
            "tn_mf",
        ],
        way: Way::WeRefuse,
        when: When::Contains(&['\n']),
        only_reading: false,
        reason: "module policy, rules 1 and 3: a line break is no separator; python-stdnum strips whitespace around the number, line breaks included (and es.nif, nl.btw and tn.mf let some through inside it; ma.ice raises a ValueError, so both refuse)",
    },
    Deliberate {
        schemes: &["it_iva"],
        way: Way::WeRefuse,
        when: When::Contains(&[':']),
        only_reading: true,
        reason: "module policy, rule 3: a colon is no separator; stdnum's it.iva drops it",
    },
    // --- Scheme by scheme.
    Deliberate {
        schemes: &["ch_vat"],
        way: Way::WeAccept,
        when: When::CleanLacks("CHE"),
        only_reading: true,
        reason: "module policy, rule 4: the prefix is optional on every scheme, so `116.281.710 MWST` reads as CHE-116.281.710 MWST, as stdnum's ch.uid itself does for the UID; stdnum's ch.vat requires CHE",
    },
    Deliberate {
        schemes: &["ca_bn"],
        way: Way::WeAccept,
        when: When::Custom(bn_lower_case_program),
        only_reading: true,
        reason: "module policy, rule 2: lower case is read as upper case (`rt0001`); stdnum's ca.bn refuses a lower-case program identifier",
    },
    Deliberate {
        schemes: &["ca_bn"],
        way: Way::WeAccept,
        when: When::Custom(bn_program_rr_rz),
        only_reading: false,
        reason: "the CRA also issues RR (registered charities, shown in its list of charities) and RZ (information returns, CRA 'Program accounts you may need') program accounts; stdnum's ca.bn knows RC, RM, RP and RT only",
    },
];

/// Our reading of an input (the module policy, without prefixes): separators dropped,
/// ASCII upper-cased; other characters kept.
fn policy_clean(input: &str) -> String {
    input
        .chars()
        .filter(|c| !POLICY_SEPARATORS.contains(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The input has a full-width form of an ASCII character (U+FF01 to U+FF5E), which Unicode
/// compatibility normalisation maps to ASCII.
fn has_full_width(input: &str) -> bool {
    input.chars().any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c))
}

/// The input has a lower-case letter.
fn bn_lower_case_program(input: &str) -> bool {
    input.chars().any(|c| c.is_ascii_lowercase())
}

/// A BN with an RR or RZ program account.
fn bn_program_rr_rz(input: &str) -> bool {
    let c = policy_clean(input);
    let c = c.trim_start_matches("CA");
    c.len() == 15 && matches!(c.get(9..11), Some("RR" | "RZ"))
}

// ---------------------------------------------------------------------------------------------
// Deterministic input generation
// ---------------------------------------------------------------------------------------------

/// SplitMix64: a small, well-known, seedable generator (no dependency needed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }

    fn letter(&mut self) -> char {
        char::from(b'A' + self.below(26) as u8)
    }
}

fn digit_values(s: &str) -> Vec<u32> {
    s.bytes().map(|b| u32::from(b - b'0')).collect()
}

/// The Luhn digit that completes `body`.
fn luhn_digit(body: &str) -> char {
    let sum: u32 = digit_values(body)
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 0 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    char::from(b'0' + ((10 - sum % 10) % 10) as u8)
}

/// `s` as a decimal number modulo `m`.
fn mod_str(s: &str, m: u64) -> u64 {
    s.bytes().fold(0, |acc, b| (acc * 10 + u64::from(b - b'0')) % m)
}

/// ISO 7064 MOD 11,10 check digit for `body`.
fn mod_11_10_digit(body: &str) -> char {
    let mut product = 10;
    for d in digit_values(body) {
        let mut sum = (d + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    char::from(b'0' + ((11 - product) % 10) as u8)
}

fn siren(rng: &mut Rng) -> String {
    let body = rng.digits(8);
    format!("{body}{}", luhn_digit(&body))
}

/// A well-formed number of the scheme, check digits computed from the public specification
/// (`docs/registration/README.md`), in its usual compact form. `None` for schemes without a generator.
fn well_formed(scheme: &str, rng: &mut Rng) -> Option<String> {
    Some(match scheme {
        "fr_siren" => siren(rng),
        "fr_siret" => {
            if rng.chance(8) {
                // La Poste: the digit sum of the 14 digits is a multiple of 5.
                let body = format!("356000000{}", rng.digits(4));
                let sum: u32 = digit_values(&body).iter().sum();
                let last = (5 - sum % 5) % 5 + if rng.chance(50) { 5 } else { 0 };
                format!("{body}{last}")
            } else {
                let body = format!("{}{}", siren(rng), rng.digits(4));
                format!("{body}{}", luhn_digit(&body))
            }
        }
        "fr_vat" => {
            let s = if rng.chance(10) {
                format!("000{}", rng.digits(6))
            } else {
                siren(rng)
            };
            if rng.chance(10) {
                const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
                let k1 = char::from(*rng.pick(ALPHABET));
                let k2 = char::from(*rng.pick(ALPHABET));
                format!("FR{k1}{k2}{s}")
            } else {
                let key = (12 + 3 * (mod_str(&s, 97))) % 97;
                format!("FR{key:02}{s}")
            }
        }
        "us_ein" => rng.digits(9),
        "gb_utr" => {
            let body = rng.digits(9);
            let sum: u32 = digit_values(&body)
                .iter()
                .zip([6, 7, 8, 9, 10, 5, 4, 3, 2])
                .map(|(d, w)| d * w)
                .sum();
            let first = b"21987654321"[(sum % 11) as usize] as char;
            format!("{first}{body}")
        }
        "gb_vat" => {
            if rng.chance(6) {
                let (kind, n) = if rng.chance(50) {
                    ("GD", rng.below(500))
                } else {
                    ("HA", 500 + rng.below(500))
                };
                format!("GB{kind}{n:03}")
            } else {
                let body = rng.digits(7);
                let sum: i64 = digit_values(&body)
                    .iter()
                    .zip([8, 7, 6, 5, 4, 3, 2])
                    .map(|(&d, w)| i64::from(d) * w)
                    .sum();
                let target = if rng.chance(50) { 0 } else { 42 };
                let check = (target - sum).rem_euclid(97);
                let branch = if rng.chance(10) {
                    rng.digits(3)
                } else {
                    String::new()
                };
                let prefix = if rng.chance(5) { "XI" } else { "GB" };
                format!("{prefix}{body}{check:02}{branch}")
            }
        }
        "de_stnr" => {
            const LAND: &[&str] = &[
                "28", "9", "11", "30", "24", "22", "26", "40", "23", "5", "27", "10", "32", "31", "21", "41",
            ];
            if rng.chance(40) {
                let land = *rng.pick(LAND);
                format!("{land}{}", rng.digits(13 - land.len()))
            } else {
                let len = *rng.pick(&[10, 11, 13]);
                rng.digits(len)
            }
        }
        "de_vat" => {
            let body = format!("{}{}", 1 + rng.below(9), rng.digits(7));
            format!("DE{body}{}", mod_11_10_digit(&body))
        }
        "es_nif" => {
            const DNI: &[u8] = b"TRWAGMYFPDXBNJZSQVHLCKE";
            let roll = rng.below(100);
            if roll < 50 {
                let n = rng.digits(8);
                format!("{n}{}", DNI[mod_str(&n, 23) as usize] as char)
            } else if roll < 65 {
                let lead = rng.below(3);
                let n = rng.digits(7);
                let letter = DNI[mod_str(&format!("{lead}{n}"), 23) as usize] as char;
                format!("{}{n}{letter}", ['X', 'Y', 'Z'][lead])
            } else if roll < 70 {
                let n = rng.digits(7);
                format!(
                    "{}{n}{}",
                    rng.pick(&['K', 'L', 'M']),
                    DNI[mod_str(&n, 23) as usize] as char
                )
            } else {
                let kind = char::from(*rng.pick(b"ABCDEFGHJNPQRSUVW"));
                let n = rng.digits(7);
                let d = digit_values(&n);
                let even: u32 = d.iter().skip(1).step_by(2).sum();
                let odd: u32 = d.iter().step_by(2).map(|&x| (2 * x) / 10 + (2 * x) % 10).sum();
                let control = (10 - (even + odd) % 10) % 10;
                let check = if rng.chance(50) {
                    char::from(b'0' + control as u8)
                } else {
                    b"JABCDEFGHI"[control as usize] as char
                };
                format!("{kind}{n}{check}")
            }
        }
        "it_iva" => {
            const OFFICES: &[u32] = &[1, 2, 15, 37, 58, 99, 100, 120, 121, 888, 999];
            let office = if rng.chance(90) {
                *rng.pick(OFFICES)
            } else {
                rng.below(1000) as u32
            };
            let body = format!("{}{office:03}", rng.digits(7));
            format!("{body}{}", luhn_digit(&body))
        }
        "be_enterprise_number" => {
            let body = format!("{}{}", rng.below(2), rng.digits(7));
            let check = 97 - mod_str(&body, 97);
            let number = format!("{body}{check:02}");
            if rng.chance(10) {
                number.trim_start_matches('0').to_owned()
            } else {
                number
            }
        }
        "ch_uid" | "ch_vat" => {
            let (body, check) = loop {
                let body = rng.digits(8);
                let sum: u32 = digit_values(&body)
                    .iter()
                    .zip([5, 4, 3, 2, 7, 6, 5, 4])
                    .map(|(d, w)| d * w)
                    .sum();
                let check = (11 - sum % 11) % 11;
                if check < 10 {
                    break (body, check);
                }
            };
            let uid = format!("CHE{body}{check}");
            if scheme == "ch_uid" {
                uid
            } else {
                let suffix = if rng.chance(95) {
                    *rng.pick(&["MWST", "TVA", "IVA"])
                } else {
                    *rng.pick(&["VAT", "HR", "MWS"])
                };
                format!("{uid}{suffix}")
            }
        }
        "ca_bn" => {
            let body = rng.digits(8);
            let bn = format!("{body}{}", luhn_digit(&body));
            if rng.chance(50) {
                let program = *rng.pick(&["RT", "RP", "RC", "RM", "RR", "RZ", "AB"]);
                format!("{bn}{program}{}", rng.digits(4))
            } else {
                bn
            }
        }
        "nl_vat" => {
            let suffix = if rng.chance(5) { 0 } else { 1 + rng.below(99) };
            if rng.chance(50) {
                loop {
                    let body = rng.digits(8);
                    let sum: u32 = digit_values(&body)
                        .iter()
                        .zip([9, 8, 7, 6, 5, 4, 3, 2])
                        .map(|(d, w)| d * w)
                        .sum();
                    if sum % 11 < 10 {
                        break format!("NL{body}{}B{suffix:02}", sum % 11);
                    }
                }
            } else {
                // MOD 97-10 over N=23 L=21 digits B=11 suffix: pick the suffix that gives 1.
                let digits = rng.digits(9);
                let r = mod_str(&format!("2321{digits}11"), 97);
                let suffix = (1 + 97 * 100 - r * 100 % 97) % 97;
                let suffix = if suffix < 3 && rng.chance(50) {
                    suffix + 97
                } else {
                    suffix
                };
                format!("NL{digits}B{suffix:02}")
            }
        }
        "ma_ice" => {
            let body = rng.digits(13);
            let check = (97 - mod_str(&format!("{body}00"), 97)) % 97;
            format!("{body}{check:02}")
        }
        "sn_ninea" => {
            let len = if rng.chance(70) { 6 } else { 8 };
            let body = rng.digits(len);
            let sum: u32 = digit_values(&body)
                .iter()
                .zip([1, 2].into_iter().cycle())
                .map(|(d, w)| d * w)
                .sum();
            let ninea = format!("{body}{}", (10 - sum % 10) % 10);
            if rng.chance(60) {
                let regime = if rng.chance(90) {
                    rng.below(3)
                } else {
                    rng.below(10)
                };
                format!("{ninea}{regime}{}{}", rng.letter(), rng.below(10))
            } else {
                ninea
            }
        }
        "tn_mf" => {
            let id = format!("{}{}", rng.digits(7), rng.letter());
            if rng.chance(60) {
                let vat = char::from(*rng.pick(b"APBDNAPBDNXZ"));
                let category = char::from(*rng.pick(b"MPCNEMPCNEXA"));
                let establishment = if rng.chance(70) {
                    "000".to_owned()
                } else {
                    rng.digits(3)
                };
                format!("{id}{vat}{category}{establishment}")
            } else {
                id
            }
        }
        _ => return None,
    })
}

/// The country prefix of a scheme, from its wire name (`fr_siret` → `FR`); for the Swiss UID
/// and VAT number, `CHE`, which plays that part (see `registration::ch`).
fn country_prefix(scheme: &str) -> String {
    match scheme {
        "ch_uid" | "ch_vat" => "CHE".to_owned(),
        _ => scheme.get(..2).unwrap_or_default().to_ascii_uppercase(),
    }
}

/// Characters random strings are drawn from: mostly what numbers are made of, plus
/// separators, look-alikes and non-ASCII characters.
const RANDOM_POOL: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A',
    'B', 'C', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'N', 'O', 'P', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Z', 'a',
    'b', 'e', 'm', 'r', 't', 'z', ' ', '-', '.', '/', '_', ',', '\t', ':', '+', '#', '\u{a0}', 'é', 'ß', '٣',
    '１', 'Ａ', '😀', '\u{301}', 'А', 'О', '\u{200b}', '\n', '\u{0}', 'İ',
];

/// A random string of `len` characters from [`RANDOM_POOL`].
fn random_string(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| *rng.pick(RANDOM_POOL)).collect()
}

/// The input mutations of one well-formed number (`base`), with the scheme's country prefix.
fn variants(base: &str, prefix: &str, rng: &mut Rng, out: &mut Vec<String>) {
    let chars: Vec<char> = base.chars().collect();
    let bare = base.strip_prefix(prefix).unwrap_or(base).to_owned();
    out.push(base.to_owned());
    // One digit changed.
    let digit_positions: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    if !digit_positions.is_empty() {
        let mut changed = chars.clone();
        let i = *rng.pick(&digit_positions);
        let old = changed[i] as u8 - b'0';
        changed[i] = char::from(b'0' + (old + 1 + rng.below(9) as u8) % 10);
        out.push(changed.into_iter().collect());
    }
    // Two adjacent characters swapped.
    if chars.len() >= 2 {
        let mut swapped = chars.clone();
        let i = rng.below(chars.len() - 1);
        swapped.swap(i, i + 1);
        out.push(swapped.into_iter().collect());
    }
    // Wrong lengths: a character dropped, a digit added.
    if !chars.is_empty() {
        let mut shorter = chars.clone();
        shorter.remove(rng.below(chars.len()));
        out.push(shorter.into_iter().collect());
    }
    let mut longer = chars.clone();
    longer.insert(rng.below(chars.len() + 1), char::from(b'0' + rng.below(10) as u8));
    out.push(longer.into_iter().collect());
    // Separators inserted (1 to 3, anywhere), and leading/trailing spaces.
    let mut spaced = chars.clone();
    for _ in 0..1 + rng.below(3) {
        let sep = *rng.pick(&[' ', ' ', '-', '.', '/', '\u{a0}', '_', ',', '\t', ':', '\u{202f}']);
        spaced.insert(rng.below(spaced.len() + 1), sep);
    }
    out.push(spaced.into_iter().collect());
    out.push(format!(" {base} "));
    out.push(format!("{base}\n"));
    // Lower case.
    out.push(base.to_lowercase());
    // Prefixes: none, one, duplicated (and lower case, with a separator).
    out.push(bare.clone());
    out.push(format!("{prefix}{bare}"));
    out.push(format!("{prefix}{prefix}{bare}"));
    out.push(format!("{} {bare}", prefix.to_lowercase()));
    if rng.chance(20) {
        out.push(format!("{prefix}{prefix}{prefix}{bare}"));
    }
    // A look-alike: one ASCII digit or letter in its full-width form (`１`).
    let positions: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_ascii_alphanumeric())
        .map(|(i, _)| i)
        .collect();
    if !positions.is_empty() {
        let mut wide = chars.clone();
        let i = *rng.pick(&positions);
        wide[i] = char::from_u32(u32::from(wide[i]) - 0x21 + 0xFF01).unwrap_or(wide[i]);
        out.push(wide.into_iter().collect());
    }
    // A random character of the pool replacing one of the number's.
    if !chars.is_empty() {
        let mut odd = chars;
        let i = rng.below(odd.len());
        odd[i] = *rng.pick(RANDOM_POOL);
        out.push(odd.into_iter().collect());
    }
}

/// At least [`INPUTS_PER_SCHEME`] inputs for `scheme`, deterministically.
fn inputs_for(scheme: &'static Scheme, seed: u64) -> Vec<String> {
    let id = scheme.id.as_str();
    let prefix = country_prefix(id);
    let mut rng = Rng(seed);
    let mut out = vec![
        scheme.example.to_owned(),
        String::new(),
        prefix.clone(),
        format!("{prefix}{prefix}"),
    ];
    let target = INPUTS_PER_SCHEME + INPUTS_PER_SCHEME / 10;
    while out.len() < target {
        match well_formed(id, &mut rng) {
            Some(base) => variants(&base, &prefix, &mut rng, &mut out),
            None => variants(scheme.example, &prefix, &mut rng, &mut out),
        }
        // Random strings: short, number-length, and long.
        let len = match rng.below(10) {
            0 => rng.below(4),
            1 => 40 + rng.below(60),
            _ => 6 + rng.below(14),
        };
        let s = random_string(&mut rng, len);
        out.push(s);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

/// stdnum's answer for one input.
#[derive(Debug)]
struct Answer {
    valid: bool,
    compact: Option<String>,
    /// An exception other than a ValidationError (its type name).
    error: Option<String>,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd:?} failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// The Python to run the oracle with, creating the workspace's venv on first use.
fn provision_python() -> Result<PathBuf, String> {
    if let Some(python) = std::env::var_os("STDNUM_PYTHON") {
        return Ok(PathBuf::from(python));
    }
    let target = workspace_root().join("target");
    let venv = target.join("stdnum-venv");
    let python = venv_python(&venv);
    let pip_install = |python: &Path| {
        run(Command::new(python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("python-stdnum=={STDNUM_VERSION}"),
        ]))
    };
    if python.exists() {
        let pinned = format!("import stdnum, sys; sys.exit(stdnum.__version__ != '{STDNUM_VERSION}')");
        if run(Command::new(&python).args(["-c", &pinned])).is_err() {
            pip_install(&python)?;
        }
        return Ok(python);
    }
    // Build it aside and move it in place, so that a concurrent run never sees half a venv.
    let staging = target.join(format!("stdnum-venv.tmp-{}", std::process::id()));
    std::fs::create_dir_all(&target).map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    let system_python = if cfg!(windows) { "python" } else { "python3" };
    run(Command::new(system_python).arg("-m").arg("venv").arg(&staging))?;
    pip_install(&venv_python(&staging))?;
    if std::fs::rename(&staging, &venv).is_err() {
        // Another run won the race: use its venv.
        let _ = std::fs::remove_dir_all(&staging);
    }
    if python.exists() {
        Ok(python)
    } else {
        Err(format!("{} missing after creating the venv", python.display()))
    }
}

/// Sends every request to one Python process and reads the answers in order.
fn ask_oracle(python: &Path, requests: &[(&'static str, &str)]) -> Result<Vec<Answer>, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oracle/stdnum_oracle.py");
    let mut child = Command::new(python)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start {} {}: {e}", python.display(), script.display()))?;
    let mut payload = String::with_capacity(requests.len() * 40);
    for (module, input) in requests {
        payload.push_str(&serde_json::to_string(&(module, input)).map_err(|e| e.to_string())?);
        payload.push('\n');
    }
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let writer = std::thread::spawn(move || stdin.write_all(payload.as_bytes()));
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let header = lines
        .next()
        .ok_or("the oracle printed nothing (is python-stdnum installed?)")?
        .map_err(|e| e.to_string())?;
    let header: serde_json::Value =
        serde_json::from_str(&header).map_err(|e| format!("bad header {header}: {e}"))?;
    if header["stdnum"] != STDNUM_VERSION {
        return Err(format!(
            "the oracle runs python-stdnum {}, the verdicts are pinned to {STDNUM_VERSION}",
            header["stdnum"]
        ));
    }
    let mut answers = Vec::with_capacity(requests.len());
    for line in lines {
        let line = line.map_err(|e| e.to_string())?;
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("bad answer {line}: {e}"))?;
        answers.push(Answer {
            valid: v["v"].as_bool().unwrap_or(false),
            compact: v["c"].as_str().map(str::to_owned),
            error: v["e"].as_str().map(str::to_owned),
        });
    }
    writer
        .join()
        .map_err(|_| "writer thread panicked")?
        .map_err(|e| format!("cannot write to the oracle: {e}"))?;
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() || answers.len() != requests.len() {
        return Err(format!(
            "the oracle ended with {status} after {} of {} answers",
            answers.len(),
            requests.len()
        ));
    }
    Ok(answers)
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

/// The prefix convention of the compact forms: python-stdnum drops the country prefix of
/// most VAT numbers (`nl.btw`: `004495445B01`) where our normal form keeps it
/// (`NL004495445B01`), so compact forms are compared without a leading country prefix: the
/// scheme's country code, and for GB VAT also `XI` (Northern Ireland), which our normal form
/// keeps to tell the two apart and stdnum drops.
fn same_compact(scheme: &str, ours: &str, theirs: &str) -> bool {
    let prefix = country_prefix(scheme);
    let extra: &[&str] = if scheme == "gb_vat" { &["XI"] } else { &[] };
    let strip = |s: &'_ str| -> String {
        let s = s.strip_prefix(prefix.as_str()).unwrap_or(s);
        extra
            .iter()
            .fold(s, |s, p| s.strip_prefix(p).unwrap_or(s))
            .to_owned()
    };
    strip(ours) == strip(theirs)
}

#[derive(Default)]
struct Tally {
    inputs: usize,
    both_valid: usize,
    both_invalid: usize,
    deliberate: usize,
    formatted_checked: usize,
    oracle_errors: usize,
}

/// One difference, before it is matched against [`DELIBERATE`].
struct Difference<'a> {
    input: &'a str,
    way: Option<Way>,
    /// The difference is one of reading only (see [`Deliberate::only_reading`]).
    only_reading: bool,
    what: String,
}

/// The skip notice, written straight to stderr so that the test harness's capture of a
/// passing test's output does not hide it.
fn skip_notice() {
    let bar = "!".repeat(79);
    let notice = format!(
        "\n{bar}\n!! SKIPPED: the differential test against python-stdnum (MENTOR_SKIP_STDNUM=1).\n\
         !! The registration schemes were NOT compared with the reference library.\n{bar}\n"
    );
    let _ = std::io::stderr().write_all(notice.as_bytes());
}

#[test]
fn registration_schemes_agree_with_python_stdnum() {
    if std::env::var_os("MENTOR_SKIP_STDNUM").is_some_and(|v| v == "1") {
        skip_notice();
        return;
    }
    let python = provision_python().unwrap_or_else(|e| {
        panic!(
            "cannot provision the python-stdnum {STDNUM_VERSION} oracle: {e}\n\
             Set STDNUM_PYTHON to a Python that has python-stdnum=={STDNUM_VERSION}, or make `python3 -m venv` \
             and PyPI reachable, or set MENTOR_SKIP_STDNUM=1 to skip this test knowingly."
        )
    });

    // Every scheme python-stdnum knows, generically over all_schemes().
    let oracle: BTreeMap<&str, &str> = ORACLE_MODULES.iter().copied().collect();
    let known: Vec<&str> = all_schemes().map(|s| s.id.as_str()).collect();
    for (id, _) in ORACLE_MODULES {
        assert!(
            known.contains(id),
            "ORACLE_MODULES names `{id}`, which is no scheme of all_schemes()"
        );
    }
    // Every (entry, scheme) pair of DELIBERATE is counted apart.
    let pairs: Vec<(usize, &str)> = DELIBERATE
        .iter()
        .enumerate()
        .flat_map(|(i, d)| d.schemes.iter().map(move |s| (i, *s)))
        .collect();
    for (_, id) in &pairs {
        assert!(
            oracle.contains_key(id),
            "DELIBERATE names `{id}`, which has no oracle module"
        );
    }

    struct Case {
        scheme: &'static Scheme,
        module: &'static str,
        inputs: Vec<String>,
        /// Our normal and formatted forms of the inputs we accept, each once.
        ours: BTreeMap<String, String>,
    }
    let mut cases = Vec::new();
    let mut without_oracle = Vec::new();
    for (n, scheme) in all_schemes().enumerate() {
        let Some(module) = oracle.get(scheme.id.as_str()) else {
            without_oracle.push(scheme.id.as_str());
            continue;
        };
        let inputs = inputs_for(scheme, 0x5EED_0000 + n as u64);
        let ours = inputs
            .iter()
            .filter_map(|i| scheme.validate(i).ok())
            .map(|n| (n.normalized().to_owned(), n.formatted()))
            .collect();
        cases.push(Case {
            scheme,
            module,
            inputs,
            ours,
        });
    }

    // One batch: the inputs, then our normal and formatted forms.
    let mut requests: Vec<(&'static str, &str)> = Vec::new();
    for case in &cases {
        requests.extend(case.inputs.iter().map(|i| (case.module, i.as_str())));
        requests.extend(
            case.ours
                .iter()
                .flat_map(|(n, f)| [(case.module, n.as_str()), (case.module, f.as_str())]),
        );
    }
    let started = std::time::Instant::now();
    let answers =
        ask_oracle(&python, &requests).unwrap_or_else(|e| panic!("python-stdnum oracle failed: {e}"));
    let oracle_time = started.elapsed();

    let mut answers = answers.into_iter();
    let mut used = vec![0usize; pairs.len()];
    let mut unexplained: Vec<String> = Vec::new();
    let mut tallies: Vec<(&str, Tally)> = Vec::new();
    // stdnum's verdict on each scheme's example (the first input of its case).
    let mut examples: BTreeMap<&str, bool> = BTreeMap::new();
    for case in &cases {
        let scheme = case.scheme;
        let id = scheme.id.as_str();
        let mut tally = Tally {
            inputs: case.inputs.len(),
            ..Tally::default()
        };
        let mut differences = Vec::new();
        let theirs_on_inputs: Vec<Answer> = answers.by_ref().take(case.inputs.len()).collect();
        assert_eq!(case.inputs[0], scheme.example);
        examples.insert(id, theirs_on_inputs[0].valid);
        let mut theirs_on_ours: BTreeMap<&str, (Answer, Answer)> = BTreeMap::new();
        for normal in case.ours.keys() {
            let (Some(on_normal), Some(on_formatted)) = (answers.next(), answers.next()) else {
                break;
            };
            theirs_on_ours.insert(normal.as_str(), (on_normal, on_formatted));
        }
        // python-stdnum reads our normal form as the same number.
        let they_read_our_normal = |normal: &str| {
            theirs_on_ours.get(normal).is_some_and(|(a, _)| {
                a.valid && same_compact(id, normal, a.compact.as_deref().unwrap_or_default())
            })
        };

        for (input, theirs) in case.inputs.iter().zip(&theirs_on_inputs) {
            if let Some(error) = &theirs.error {
                tally.oracle_errors += 1;
                if tally.oracle_errors == 1 {
                    println!(
                        "note: stdnum's {id} raised {error} (not a ValidationError) on {input:?}; counted as invalid"
                    );
                }
            }
            let their_compact = theirs.compact.as_deref().unwrap_or_default();
            match (scheme.validate(input), theirs.valid) {
                (Ok(n), true) if same_compact(id, n.normalized(), their_compact) => tally.both_valid += 1,
                (Ok(n), true) => differences.push(Difference {
                    input,
                    way: None,
                    only_reading: false,
                    what: format!(
                        "compact forms differ: ours {:?}, stdnum {their_compact:?}",
                        n.normalized()
                    ),
                }),
                (Err(_), false) => tally.both_invalid += 1,
                (Ok(n), false) => differences.push(Difference {
                    input,
                    way: Some(Way::WeAccept),
                    only_reading: they_read_our_normal(n.normalized()),
                    what: format!(
                        "we accept it ({:?}), stdnum refuses it{}",
                        n.normalized(),
                        theirs
                            .error
                            .as_ref()
                            .map(|e| format!(" with {e}"))
                            .unwrap_or_default()
                    ),
                }),
                (Err(e), true) => differences.push(Difference {
                    input,
                    way: Some(Way::WeRefuse),
                    only_reading: scheme.validate(their_compact).is_ok(),
                    what: format!(
                        "stdnum accepts it ({their_compact:?}), we refuse it: {}",
                        e.reason.code()
                    ),
                }),
            }
        }
        // Our printed forms must read back in python-stdnum too.
        for (normal, (_, on_formatted)) in &theirs_on_ours {
            tally.formatted_checked += 1;
            if !on_formatted.valid {
                let formatted = case.ours.get(*normal).map(String::as_str).unwrap_or_default();
                differences.push(Difference {
                    input: formatted,
                    way: Some(Way::WeAccept),
                    only_reading: they_read_our_normal(normal),
                    what: "stdnum refuses our formatted form".to_owned(),
                });
            }
        }

        for d in differences {
            let covered = pairs.iter().position(|&(i, s)| {
                let entry = &DELIBERATE[i];
                s == id
                    && Some(entry.way) == d.way
                    && (d.only_reading || !entry.only_reading)
                    && entry.when.applies(id, d.input)
            });
            match covered {
                Some(pair) => {
                    used[pair] += 1;
                    tally.deliberate += 1;
                }
                None => unexplained.push(format!("{id}: {:?}: {}", d.input, d.what)),
            }
        }
        tallies.push((id, tally));
    }

    println!();
    println!(
        "python-stdnum {STDNUM_VERSION} differential ({} requests, oracle {:.1?}):",
        requests.len(),
        oracle_time
    );
    println!(
        "{:<22} {:>7} {:>10} {:>12} {:>11} {:>10} {:>9}",
        "scheme", "inputs", "both valid", "both invalid", "deliberate", "formatted", "py-errors"
    );
    for (id, t) in &tallies {
        println!(
            "{id:<22} {:>7} {:>10} {:>12} {:>11} {:>10} {:>9}",
            t.inputs, t.both_valid, t.both_invalid, t.deliberate, t.formatted_checked, t.oracle_errors
        );
    }
    println!("(formatted: our distinct normal forms whose printed form was also checked by stdnum)");
    println!(
        "schemes python-stdnum does not implement (not compared): {}",
        without_oracle.join(", ")
    );
    println!("deliberate differences (differences covered, per scheme):");
    for (i, d) in DELIBERATE.iter().enumerate() {
        let counts: Vec<String> = pairs
            .iter()
            .zip(&used)
            .filter(|((e, _), _)| *e == i)
            .map(|((_, id), n)| format!("{id} {n}"))
            .collect();
        println!("  {:?}: {}\n      {}", d.way, d.reason, counts.join(", "));
    }

    for (id, t) in &tallies {
        assert!(t.inputs >= INPUTS_PER_SCHEME, "{id}: only {} inputs", t.inputs);
    }
    // At most 8 examples per scheme, so that one scheme's mistake does not hide the others'.
    let mut per_scheme: BTreeMap<&str, (usize, Vec<&str>)> = BTreeMap::new();
    for line in &unexplained {
        let entry = per_scheme
            .entry(line.split(':').next().unwrap_or_default())
            .or_default();
        entry.0 += 1;
        if entry.1.len() < 8 {
            entry.1.push(line);
        }
    }
    let report: Vec<String> = per_scheme
        .iter()
        .map(|(id, (n, lines))| format!("{id}: {n} unexplained\n  {}", lines.join("\n  ")))
        .collect();
    assert!(
        unexplained.is_empty(),
        "{} differences with python-stdnum are not in DELIBERATE:\n{}",
        unexplained.len(),
        report.join("\n")
    );
    let unused: Vec<String> = pairs
        .iter()
        .zip(&used)
        .filter(|(_, n)| **n == 0)
        .map(|((i, id), _)| format!("{id} ({:?}): {}", DELIBERATE[*i].way, DELIBERATE[*i].reason))
        .collect();
    assert!(
        unused.is_empty(),
        "DELIBERATE entries that no input exercises (remove or fix them):\n{}",
        unused.join("\n")
    );
    let pages = page_verdicts_against(&oracle, &examples);
    assert!(
        pages.is_empty(),
        "the python-stdnum tables of docs/registration/ say otherwise than python-stdnum {STDNUM_VERSION} \
         (they are written by hand):\n{}",
        pages.join("\n")
    );
}

/// What is wrong in the hand-written python-stdnum table of each country page: a scheme
/// without its row, a row of no scheme of the country, a module other than [`ORACLE_MODULES`]'s,
/// a verdict on the example other than stdnum's (`examples`).
fn page_verdicts_against(oracle: &BTreeMap<&str, &str>, examples: &BTreeMap<&str, bool>) -> Vec<String> {
    const HEADER: &str = "| scheme | python-stdnum 2.2 module | its verdict on the example |";
    let mut problems = Vec::new();
    for rules in countries() {
        let name = format!("docs/registration/{}.md", rules.country.to_lowercase());
        let page = std::fs::read_to_string(workspace_root().join(&name)).unwrap();
        let Some(start) = page.find(HEADER) else {
            problems.push(format!("{name}: no table `{HEADER}`"));
            continue;
        };
        let mut rows: BTreeMap<String, (String, String)> = BTreeMap::new();
        for line in page[start..].lines().skip(2).take_while(|l| l.starts_with('|')) {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let [scheme, module, verdict] = cells[..] else {
                problems.push(format!("{name}: not three cells: {line}"));
                continue;
            };
            rows.insert(
                scheme.trim_matches('`').to_owned(),
                (module.to_owned(), verdict.to_owned()),
            );
        }
        for scheme in rules.schemes {
            let id = scheme.id.as_str();
            let Some((module, verdict)) = rows.remove(id) else {
                problems.push(format!("{name}: no row for `{id}`"));
                continue;
            };
            let want_module = oracle
                .get(id)
                .map_or("none".to_owned(), |m| format!("`stdnum.{m}`"));
            if module != want_module {
                problems.push(format!(
                    "{name}: `{id}` has module {module}, expected {want_module}"
                ));
            }
            let right = match (oracle.contains_key(id), examples.get(id)) {
                (false, _) => verdict == "no such scheme",
                (true, Some(true)) => verdict == "valid",
                (true, Some(false)) => verdict.starts_with("not valid"),
                (true, None) => false,
            };
            if !right {
                problems.push(format!(
                    "{name}: `{id}` says {verdict:?} of `{}`, stdnum says {}",
                    scheme.example,
                    match examples.get(id) {
                        Some(true) => "valid",
                        Some(false) => "not valid",
                        None => "nothing (no such scheme)",
                    }
                ));
            }
        }
        for id in rows.keys() {
            problems.push(format!(
                "{name}: a row for `{id}`, no scheme of {}",
                rules.country
            ));
        }
    }
    problems
}
