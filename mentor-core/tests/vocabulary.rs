//! Every vocabulary declared with `vocabulary!`: its names, reverse lookup and serde forms agree.

#![allow(clippy::unwrap_used, reason = "tests")]

use mentor_core::ErrorCode;
use mentor_core::contract::{ContractEventType, ContractState, SignerRole};
use mentor_core::interview::Recommendation;
use mentor_core::recruitment::{ApplicationEventType, ApplicationState};
use mentor_core::situation::{EmployerSector, WorkingStatus};
use mentor_core::vocabulary::Vocabulary;

/// Every value of `V`: its name, the reverse lookup and both serde forms agree; names are
/// distinct `snake_case`; an unknown name is refused with the list of names.
fn holds<V: Vocabulary + serde::Serialize + serde::de::DeserializeOwned>() {
    let mut seen = std::collections::BTreeSet::new();
    for &(name, value) in V::ALL {
        assert!(seen.insert(name), "{name} twice");
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{name}"
        );
        assert_eq!(value.name(), name);
        assert_eq!(V::from_name(name), Some(value));
        assert_eq!(
            serde_json::to_value(value).ok(),
            Some(serde_json::Value::from(name))
        );
        assert_eq!(
            serde_json::from_value::<V>(serde_json::Value::from(name)).ok(),
            Some(value)
        );
    }
    assert_eq!(V::from_name("Not_A_Name"), None);
    let refused = serde_json::from_str::<V>(r#""Not_A_Name""#)
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(refused.contains("unknown variant `Not_A_Name`"), "{refused}");
    assert!(
        V::ALL
            .iter()
            .all(|(name, _)| refused.contains(&format!("`{name}`"))),
        "{refused}"
    );
}

#[test]
fn each_vocabulary_names_serializes_and_reads_its_values_alike() {
    holds::<ApplicationState>();
    holds::<ApplicationEventType>();
    holds::<ContractState>();
    holds::<ContractEventType>();
    holds::<SignerRole>();
    holds::<WorkingStatus>();
    holds::<EmployerSector>();
    holds::<Recommendation>();
    holds::<ErrorCode>();
}
