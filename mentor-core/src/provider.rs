//! The e-signature providers (`docs/esign.md`, CON-2) as a vocabulary: lifecycles name them as
//! actors, contracts as the service that carries the envelope, [`crate::esign`] reads their
//! webhooks. A primitive, so that none of those modules needs another to name a provider.

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
        Provider::ALL
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("", |(name, _)| name)
    }

    /// The provider of a wire name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Provider> {
        Provider::ALL.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
    }

    /// Whether the provider documents a way to authenticate its deliveries (all but Concord).
    /// Deliveries of a provider without one are only hints (see [`crate::esign::Hints`]).
    ///
    /// ```
    /// use mentor_core::esign::Provider;
    /// assert!(Provider::Docusign.signs_deliveries());
    /// assert!(!Provider::Concord.signs_deliveries());
    /// ```
    #[must_use]
    pub const fn signs_deliveries(self) -> bool {
        !matches!(self, Provider::Concord)
    }

    /// The public documentation of the provider's webhooks that this module implements.
    ///
    /// ```
    /// use mentor_core::esign::Provider;
    /// assert!(Provider::Yousign.documentation().starts_with("https://developers.yousign.com/"));
    /// ```
    #[must_use]
    pub const fn documentation(self) -> &'static str {
        match self {
            Provider::Concord => "https://api.doc.concordnow.com",
            Provider::Docusign => "https://developers.docusign.com/platform/webhooks/connect/hmac/",
            Provider::DropboxSign => "https://developers.hellosign.com/docs/events/walkthrough/",
            Provider::Yousign => "https://developers.yousign.com/docs/use-webhooks-in-your-app",
            Provider::Documenso => "https://docs.documenso.com/docs/developers/webhooks/verification",
            Provider::Docuseal => "https://www.docuseal.com/resources/use-webhooks",
        }
    }
}
