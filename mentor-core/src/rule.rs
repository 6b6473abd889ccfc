//! The ids of the domain rules (DESIGN section 2) that answers cite.

use serde::{Serialize, Serializer};

/// A rule of DESIGN section 2: `APP-3`, `WS-2`, `POL-1`… Serialized as its id.
///
/// ```
/// use mentor_core::Rule;
/// assert_eq!(Rule::Ws2.id(), "WS-2");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// Applications against a published offer of the mentoring category, at any time.
    App1,
    /// Only required fields block submission.
    App2,
    /// Completeness raises review priority.
    App3,
    /// The applicant chooses their subjects; explaining to a friend is enough.
    App4,
    /// Selection on experience level and subjects.
    Sel1,
    /// Urgent subjects are contacted sooner.
    Sel2,
    /// Otherwise the wait is longer.
    Sel3,
    /// A mentor manager sets up a video interview.
    Int1,
    /// Microphone and a calm, well-lit place.
    Int2,
    /// What the interview covers.
    Int3,
    /// Content and manner are assessed.
    Int4,
    /// Working status is settled at the first interview.
    Int5,
    /// Billing requires a registered professional status.
    Ws1,
    /// A full-time employee may work through their employer.
    Ws2,
    /// An employee may set up their own small business.
    Ws3,
    /// A freelancer or company owner signs the contract.
    Ws4,
    /// Anyone else registers as self-employed first.
    Ws5,
    /// A contract states the pay per session, paid monthly.
    Con1,
    /// The contract is sent through an online signing service.
    Con2,
    /// The candidate signs online.
    Con3,
    /// The invoicing party bills the company monthly.
    Bil1,
    /// The operator's policy (not from the seed).
    Pol1,
}

impl Rule {
    /// The rule id as written in DESIGN section 2.
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
        schemars::json_schema!({"type": "string", "pattern": "^[A-Z]+-[0-9]+$", "description": "The id of a rule of DESIGN section 2 (`WS-2`)."})
    }
}
