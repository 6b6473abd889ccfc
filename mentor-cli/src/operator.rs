//! The triage report in the operator's words (issue 16): what the applicant has to do, said
//! of them in the third person, with country names instead of codes. The wire format and the
//! applicant's own wording (forms, `mentor eligibility`) keep the library's messages.

use mentor_core::eligibility::{ActionCode, ReasonCode};
use mentor_core::{CountryCode, Lang};

use crate::country_names::COUNTRY_NAMES;

/// The country's name in `lang` (CLDR), or its code for one the table does not know.
pub fn country_name(country: CountryCode, lang: Lang) -> &'static str {
    match COUNTRY_NAMES.binary_search_by(|(code, _, _)| (*code).cmp(country.as_str())) {
        Ok(i) => COUNTRY_NAMES.get(i).map_or("", |&(_, en, fr)| match lang {
            Lang::En => en,
            Lang::Fr => fr,
        }),
        Err(_) => "",
    }
}

/// An action, said of the applicant; `None` for one this wording does not cover yet (the
/// library's message is then used).
pub fn action(code: ActionCode, country: CountryCode, lang: Lang) -> Option<String> {
    let name = country_name(country, lang);
    let text = match (code, lang) {
        (ActionCode::ChooseRoute, Lang::En) => {
            "must choose: through the employer, or through a business of their own".to_owned()
        }
        (ActionCode::ChooseRoute, Lang::Fr) => {
            "doit choisir : par son employeur, ou par sa propre entreprise".to_owned()
        }
        (ActionCode::ObtainEmployerAgreement, Lang::En) => {
            "needs the employer's agreement to sign and pay through the salary".to_owned()
        }
        (ActionCode::ObtainEmployerAgreement, Lang::Fr) => {
            "doit obtenir l'accord de son employeur pour signer et payer avec le salaire".to_owned()
        }
        (ActionCode::RegisterBusiness, Lang::En) => format!("must set up a small business ({name})"),
        (ActionCode::RegisterBusiness, Lang::Fr) => format!("doit créer une petite entreprise ({name})"),
        (ActionCode::RegisterAsSelfEmployed, Lang::En) => format!("must register as self-employed ({name})"),
        (ActionCode::RegisterAsSelfEmployed, Lang::Fr) => {
            format!("doit s'immatriculer comme indépendant ({name})")
        }
        (ActionCode::ProvideRegistrationNumber, Lang::En) => {
            "must give the business's registration number".to_owned()
        }
        (ActionCode::ProvideRegistrationNumber, Lang::Fr) => {
            "doit donner le numéro d'immatriculation de son entreprise".to_owned()
        }
        (ActionCode::FixRegistrationNumber, Lang::En) => {
            "must correct the registration number (not well-formed)".to_owned()
        }
        (ActionCode::FixRegistrationNumber, Lang::Fr) => {
            "doit corriger le numéro d'immatriculation (mal formé)".to_owned()
        }
        (ActionCode::InformEmployer, Lang::En) => {
            "should tell the employer about mentoring on the side".to_owned()
        }
        (ActionCode::InformEmployer, Lang::Fr) => {
            "devrait informer son employeur qu'il mentore à côté".to_owned()
        }
        _ => return None,
    };
    Some(text)
}

/// A reason whose library message speaks to the applicant ("your employer…"), said of them;
/// `None` where the library's message already suits the operator.
pub fn reason(code: ReasonCode, lang: Lang) -> Option<&'static str> {
    Some(match (code, lang) {
        (ReasonCode::EmployerSigns, Lang::En) => {
            "the employer signs the contract, invoices the company and pays the mentor with the salary"
        }
        (ReasonCode::EmployerSigns, Lang::Fr) => {
            "l'employeur signe le contrat, facture l'entreprise et rémunère le mentor avec son salaire"
        }
        (ReasonCode::MentorBusinessSigns, Lang::En) => {
            "the mentor's business signs the contract and invoices the company"
        }
        (ReasonCode::MentorBusinessSigns, Lang::Fr) => {
            "l'entreprise du mentor signe le contrat et facture l'entreprise"
        }
        (ReasonCode::EmployerRefused, Lang::En) => {
            "the employer refused; a business of the mentor's own is still possible"
        }
        (ReasonCode::EmployerRefused, Lang::Fr) => {
            "l'employeur a refusé ; une entreprise du mentor reste possible"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_and_cover_every_code() {
        assert!(
            COUNTRY_NAMES.windows(2).all(|w| w[0].0 < w[1].0),
            "binary search needs the table sorted"
        );
        for (code, en, fr) in COUNTRY_NAMES {
            let country = CountryCode::parse(code).unwrap_or_else(|| panic!("{code} is not assigned"));
            assert_eq!(
                (country_name(country, Lang::En), country_name(country, Lang::Fr)),
                (en, fr)
            );
            assert!(!en.is_empty() && !fr.is_empty(), "{code}");
        }
    }

    #[test]
    fn actions_name_the_country_in_the_operators_language() {
        let us = CountryCode::parse("US").unwrap();
        assert_eq!(
            action(ActionCode::RegisterBusiness, us, Lang::En).as_deref(),
            Some("must set up a small business (United States)")
        );
        assert_eq!(
            action(ActionCode::RegisterBusiness, us, Lang::Fr).as_deref(),
            Some("doit créer une petite entreprise (États-Unis)")
        );
    }
}
