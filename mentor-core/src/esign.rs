//! E-signature providers (DESIGN 4.8, CON-2): the services that carry a contract to its
//! signers and call back with what happened.

/// An e-signature provider. The seed names Concord (CON-2); the others are the services
/// operators commonly use, each with its documented webhook scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    /// Concord (<https://www.concordnow.com>): no documented webhook signature.
    Concord,
    /// DocuSign Connect (JSON SIM).
    Docusign,
    /// Dropbox Sign (formerly HelloSign).
    DropboxSign,
    /// Yousign API v3.
    Yousign,
    /// Documenso.
    Documenso,
    /// DocuSeal.
    Docuseal,
}

impl Provider {
    /// Every provider with its wire name.
    pub const ALL: &'static [(&'static str, Provider)] = &[
        ("concord", Provider::Concord),
        ("docusign", Provider::Docusign),
        ("dropbox_sign", Provider::DropboxSign),
        ("yousign", Provider::Yousign),
        ("documenso", Provider::Documenso),
        ("docuseal", Provider::Docuseal),
    ];

    /// The wire name (`"dropbox_sign"`).
    ///
    /// ```
    /// use mentor_core::esign::Provider;
    /// assert_eq!(Provider::DropboxSign.name(), "dropbox_sign");
    /// assert_eq!(Provider::from_name("yousign"), Some(Provider::Yousign));
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        Provider::ALL.iter().find(|(_, p)| *p == self).map_or("", |(name, _)| name)
    }

    /// The provider of a wire name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Provider> {
        Provider::ALL.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
    }
}
