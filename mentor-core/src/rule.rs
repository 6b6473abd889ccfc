//! The ids of the domain rules that answers cite. `docs/rules.md` states each rule, where it
//! comes from and which codes cite it, under a heading of its own (`docs/rules.md#ws-2`).

use serde::{Serialize, Serializer};

/// A rule of the catalogue in `docs/rules.md`: `APP-3`, `WS-2`, `POL-1`… Serialized as its id.
///
/// Each variant's documentation names its section of `docs/rules.md`; a test
/// (`mentor-core/tests/rules_doc.rs`) holds that file to this enum.
///
/// ```
/// use mentor_core::Rule;
/// assert_eq!(Rule::Ws2.id(), "WS-2");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// Applications against a published offer of the mentoring category, at any time: `docs/rules.md#app-1`.
    App1,
    /// Only required fields block submission: `docs/rules.md#app-2`.
    App2,
    /// Completeness raises review priority: `docs/rules.md#app-3`.
    App3,
    /// The applicant chooses their subjects; explaining to a friend is enough: `docs/rules.md#app-4`.
    App4,
    /// Selection on experience level and subjects: `docs/rules.md#sel-1`.
    Sel1,
    /// Urgent subjects are contacted sooner: `docs/rules.md#sel-2`.
    Sel2,
    /// Otherwise the wait is longer: `docs/rules.md#sel-3`.
    Sel3,
    /// A mentor manager sets up a video interview: `docs/rules.md#int-1`.
    Int1,
    /// Microphone and a calm, well-lit place: `docs/rules.md#int-2`.
    Int2,
    /// What the interview covers: `docs/rules.md#int-3`.
    Int3,
    /// Content and manner are assessed: `docs/rules.md#int-4`.
    Int4,
    /// Working status is settled at the first interview: `docs/rules.md#int-5`.
    Int5,
    /// Billing requires a registered professional status: `docs/rules.md#ws-1`.
    Ws1,
    /// A full-time employee may work through their employer: `docs/rules.md#ws-2`.
    Ws2,
    /// An employee may set up their own small business: `docs/rules.md#ws-3`.
    Ws3,
    /// A freelancer or company owner signs the contract: `docs/rules.md#ws-4`.
    Ws4,
    /// Anyone else registers as self-employed first: `docs/rules.md#ws-5`.
    Ws5,
    /// A contract states the pay per session, paid monthly: `docs/rules.md#con-1`.
    Con1,
    /// The contract is sent through an online signing service: `docs/rules.md#con-2`.
    Con2,
    /// The candidate signs online: `docs/rules.md#con-3`.
    Con3,
    /// The invoicing party bills the company monthly: `docs/rules.md#bil-1`.
    Bil1,
    /// The operator's own choices, not a rule of the mentoring process: `docs/rules.md#pol-1`.
    Pol1,
}

impl Rule {
    /// Every rule, in the order of `docs/rules.md`.
    ///
    /// ```
    /// use mentor_core::Rule;
    /// assert_eq!(Rule::ALL.first(), Some(&Rule::App1));
    /// assert!(Rule::ALL.contains(&Rule::Pol1));
    /// ```
    pub const ALL: [Rule; 22] = [
        Rule::App1,
        Rule::App2,
        Rule::App3,
        Rule::App4,
        Rule::Sel1,
        Rule::Sel2,
        Rule::Sel3,
        Rule::Int1,
        Rule::Int2,
        Rule::Int3,
        Rule::Int4,
        Rule::Int5,
        Rule::Ws1,
        Rule::Ws2,
        Rule::Ws3,
        Rule::Ws4,
        Rule::Ws5,
        Rule::Con1,
        Rule::Con2,
        Rule::Con3,
        Rule::Bil1,
        Rule::Pol1,
    ];

    /// The rule id (`WS-2`), as `docs/rules.md` heads its section.
    #[must_use]
    pub const fn id(self) -> &'static str {
        match self {
            Rule::App1 => "APP-1",
            Rule::App2 => "APP-2",
            Rule::App3 => "APP-3",
            Rule::App4 => "APP-4",
            Rule::Sel1 => "SEL-1",
            Rule::Sel2 => "SEL-2",
            Rule::Sel3 => "SEL-3",
            Rule::Int1 => "INT-1",
            Rule::Int2 => "INT-2",
            Rule::Int3 => "INT-3",
            Rule::Int4 => "INT-4",
            Rule::Int5 => "INT-5",
            Rule::Ws1 => "WS-1",
            Rule::Ws2 => "WS-2",
            Rule::Ws3 => "WS-3",
            Rule::Ws4 => "WS-4",
            Rule::Ws5 => "WS-5",
            Rule::Con1 => "CON-1",
            Rule::Con2 => "CON-2",
            Rule::Con3 => "CON-3",
            Rule::Bil1 => "BIL-1",
            Rule::Pol1 => "POL-1",
        }
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// A rule id: letters, a dash, a number (`WS-2`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Rule {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Rule")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": "^[A-Z]+-[0-9]+$", "description": "The id of a rule of the catalogue `docs/rules.md` (`WS-2`)."})
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    /// `ALL` lists each variant once: the exhaustive match stops compiling when a variant is
    /// added, and the count of its arms is the length `ALL` must have.
    #[test]
    fn all_lists_every_rule_once() {
        let arm = |r: Rule| match r {
            Rule::App1 | Rule::App2 | Rule::App3 | Rule::App4 => 0,
            Rule::Sel1 | Rule::Sel2 | Rule::Sel3 => 1,
            Rule::Int1 | Rule::Int2 | Rule::Int3 | Rule::Int4 | Rule::Int5 => 2,
            Rule::Ws1 | Rule::Ws2 | Rule::Ws3 | Rule::Ws4 | Rule::Ws5 => 3,
            Rule::Con1 | Rule::Con2 | Rule::Con3 => 4,
            Rule::Bil1 => 5,
            Rule::Pol1 => 6,
        };
        let per_family = [4, 3, 5, 5, 3, 1, 1];
        for (family, count) in per_family.iter().enumerate() {
            assert_eq!(Rule::ALL.iter().filter(|r| arm(**r) == family).count(), *count);
        }
        let ids: std::collections::BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), Rule::ALL.len());
    }
}
