//! The command line's own errors (a bad `--jobs`, an unknown option, a missing file argument):
//! said as every other failure is, `mentor: error: …` on stderr with status 2, in the language
//! `--lang` asks for. clap finds them and writes English only: the French text is written here
//! from the error's kind and context.

use std::error::Error as _;
use std::ffi::OsString;
use std::fmt;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use mentor_core::Lang;

/// Why an option's value was refused, in both languages: the error of the command's value
/// parsers (`--now`, `--lang`, `--jobs`, the webhook provider). Its `Display` is the English.
#[derive(Debug)]
pub struct BadValue {
    en: String,
    fr: String,
}

impl BadValue {
    /// The reason, in English and in French.
    pub fn new(en: String, fr: String) -> BadValue {
        BadValue { en, fr }
    }
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for BadValue {}

/// The language asked for on the command line (`--lang fr` or `--lang=fr`, the last one wins
/// as clap reads it), read before clap parses the arguments so that its errors are said in
/// it too. English when absent or not a language.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut args = args.iter().map(|a| a.to_str().unwrap_or_default());
    let mut lang = Lang::En;
    while let Some(arg) = args.next() {
        let value = if arg == "--lang" {
            args.next()
        } else {
            arg.strip_prefix("--lang=")
        };
        if let Some(asked) = value.and_then(|v| v.parse().ok()) {
            lang = asked;
        }
    }
    lang
}

/// Says clap's error and ends the command. Help and version are printed as clap prints them
/// (status 0; `mentor` alone prints the help on stderr with status 2); any other error is
/// `mentor: error: …` (`mentor: erreur: …`) with status 2.
pub fn refuse(e: &clap::Error, lang: Lang) -> ExitCode {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // Nothing better to do if the help cannot be written (a closed pipe).
        e.print().ok();
        return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    }
    let message = match lang {
        Lang::En => e.render().to_string(),
        Lang::Fr => french(e),
    };
    eprintln!("mentor: {}", message.trim_end());
    ExitCode::from(2)
}

/// clap's error in French: what is wrong, the suggestion when clap has one, the usage line and
/// where to read more, as clap's English has them.
fn french(e: &clap::Error) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let head = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let reason = e
                .source()
                .and_then(|s| s.downcast_ref::<BadValue>())
                .map(|b| b.fr.clone());
            match (reason, context(e, ContextKind::ValidValue)) {
                (Some(reason), _) => format!("valeur invalide pour `{arg}` : {reason}"),
                (None, Some(valid)) => {
                    format!("valeur `{value}` invalide pour `{arg}` ; valeurs permises : `{valid}`")
                }
                (None, None) => format!("valeur `{value}` invalide pour `{arg}`"),
            }
        }
        ErrorKind::UnknownArgument => format!("argument inattendu `{arg}`"),
        ErrorKind::InvalidSubcommand => {
            let command = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("commande inconnue `{command}`")
        }
        ErrorKind::MissingRequiredArgument => format!("argument obligatoire absent : `{arg}`"),
        ErrorKind::MissingSubcommand => "commande absente".to_owned(),
        ErrorKind::ArgumentConflict => {
            let prior = context(e, ContextKind::PriorArg).unwrap_or_default();
            format!("`{arg}` ne peut pas être employé avec `{prior}`")
        }
        ErrorKind::NoEquals => format!("`{arg}` attend sa valeur après un `=`"),
        ErrorKind::TooManyValues => format!("valeur `{value}` de trop pour `{arg}`"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("nombre de valeurs incorrect pour `{arg}`")
        }
        // Kinds the command's arguments cannot meet (I/O, formatting): clap's own words.
        _ => {
            let english = e.render().to_string();
            return english.replacen("error:", "erreur:", 1);
        }
    };
    let mut text = format!("erreur: {head}");
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| context(e, kind));
    if let Some(suggested) = suggested {
        text.push_str(&format!("\n\n  conseil : vouliez-vous dire `{suggested}` ?"));
    }
    if let Some(usage) = context(e, ContextKind::Usage) {
        text.push_str("\n\n");
        text.push_str(&usage.replacen("Usage:", "Utilisation :", 1));
    }
    text.push_str("\n\nPour en savoir plus, essayez « --help ».");
    text
}

/// A context value of clap's error as text (several values joined by `` `, ` ``).
fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("`, `")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => {
            Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join("`, `"))
        }
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_language_is_read_before_clap() {
        assert_eq!(
            lang_of(&args(&["mentor", "triage", "f", "--lang", "fr"])),
            Lang::Fr
        );
        assert_eq!(lang_of(&args(&["mentor", "triage", "--lang=FR", "f"])), Lang::Fr);
        assert_eq!(
            lang_of(&args(&["mentor", "triage", "--lang", "fr", "--lang", "en"])),
            Lang::En
        );
        assert_eq!(lang_of(&args(&["mentor", "triage", "--lang", "de"])), Lang::En);
        assert_eq!(lang_of(&args(&["mentor", "triage", "--lang"])), Lang::En);
    }
}
