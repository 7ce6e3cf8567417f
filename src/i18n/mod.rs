//! Interface languages: which languages the interface speaks, which one a
//! request gets (the person's profile, else the switcher's cookie, else the
//! browser's `Accept-Language`, else English), the Fluent catalogues under
//! `templates/locales/<language>/` and the per-language formatting of dates
//! and numbers. Course content carries its own language (`course_versions.
//! language`); this module is only about the interface around it.

pub mod catalogue;
pub mod format;
pub mod helpers;
pub mod pages;

use serde::Serialize;

pub use catalogue::Catalogues;

/// The cookie that remembers a visitor's choice in the language switcher.
pub const LANGUAGE_COOKIE: &str = "lang";

/// A language the interface is translated into (serialised as its tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
    It,
    /// The pseudo-language for finding text that escapes translation: every
    /// message is English wrapped in ⟦ ⟧. Offered only when configured;
    /// tagged `en-XA`, the tag browsers use for pseudo-localised English.
    Pseudo,
}

impl Locale {
    /// The languages a person can choose, in the switcher's order.
    pub const CHOOSABLE: [Locale; 4] = [Locale::En, Locale::De, Locale::Fr, Locale::It];

    /// The BCP 47 tag, as in `<html lang>` and the catalogue folder name.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::It => "it",
            Locale::Pseudo => "en-XA",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::It => "Italiano",
            Locale::Pseudo => "Pseudo",
        }
    }

    /// The language named by a tag such as `de`, `de-CH` or `FR` (its
    /// primary subtag decides); `None` for languages we do not offer.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        if tag.trim().eq_ignore_ascii_case("en-XA") {
            return Some(Locale::Pseudo);
        }
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "de" => Some(Locale::De),
            "fr" => Some(Locale::Fr),
            "it" => Some(Locale::It),
            _ => None,
        }
    }
}

impl Serialize for Locale {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// One entry of the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageChoice {
    pub code: &'static str,
    pub name: &'static str,
    pub current: bool,
}

/// The switcher's entries, the current language marked.
pub fn choices(current: Locale) -> Vec<LanguageChoice> {
    Locale::CHOOSABLE
        .into_iter()
        .map(|locale| LanguageChoice {
            code: locale.code(),
            name: locale.native_name(),
            current: locale == current,
        })
        .collect()
}

/// Which languages a deployment offers: the four translations, plus the
/// pseudo-language when `--pseudo-locale` is set (for translators and tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct LanguagePolicy {
    pub pseudo_locale: bool,
}

impl LanguagePolicy {
    /// The language for a tag, if this deployment offers it.
    pub fn offered(self, tag: &str) -> Option<Locale> {
        Locale::from_tag(tag).filter(|locale| *locale != Locale::Pseudo || self.pseudo_locale)
    }

    /// Chooses the language of a request: the profile's choice, else the
    /// switcher's cookie, else the best offered language of the
    /// `Accept-Language` header (by quality, then order), else English.
    pub fn negotiate(
        self,
        profile: Option<&str>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> Locale {
        profile
            .and_then(|tag| self.offered(tag))
            .or_else(|| cookie.and_then(|tag| self.offered(tag)))
            .or_else(|| accept_language.and_then(|header| self.best_of_accept_language(header)))
            .unwrap_or(Locale::En)
    }

    fn best_of_accept_language(self, header: &str) -> Option<Locale> {
        let mut ranges: Vec<(u16, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, item)| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let quality = parts
                    .find_map(|parameter| parameter.trim().strip_prefix("q="))
                    .map_or(Some(1000), |value| {
                        value
                            .trim()
                            .parse::<f32>()
                            .ok()
                            .filter(|quality| (0.0..=1.0).contains(quality))
                            .map(|quality| (quality * 1000.0).round() as u16)
                    })?;
                (quality > 0).then_some((quality, position, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges.into_iter().find_map(|(_, _, tag)| self.offered(tag))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: LanguagePolicy = LanguagePolicy {
        pseudo_locale: false,
    };

    #[test]
    fn profile_choice_wins_over_cookie_and_browser() {
        assert_eq!(
            PLAIN.negotiate(Some("it"), Some("fr"), Some("de")),
            Locale::It
        );
    }

    #[test]
    fn cookie_wins_over_browser_when_no_profile_choice() {
        assert_eq!(PLAIN.negotiate(None, Some("fr"), Some("de")), Locale::Fr);
    }

    #[test]
    fn accept_language_is_read_by_quality_then_order() {
        assert_eq!(
            PLAIN.negotiate(None, None, Some("es-ES, fr;q=0.5, de-CH;q=0.9")),
            Locale::De
        );
        assert_eq!(PLAIN.negotiate(None, None, Some("it, de")), Locale::It);
        assert_eq!(
            PLAIN.negotiate(None, None, Some("de;q=0, fr;q=0.1")),
            Locale::Fr
        );
    }

    #[test]
    fn unknown_or_malformed_preferences_fall_back_to_english() {
        assert_eq!(
            PLAIN.negotiate(Some("xx"), Some(""), Some("es, pt;q=abc")),
            Locale::En
        );
        assert_eq!(PLAIN.negotiate(None, None, Some(";;,,q=")), Locale::En);
    }

    #[test]
    fn pseudo_language_is_offered_only_when_configured() {
        assert_eq!(PLAIN.negotiate(None, Some("en-XA"), None), Locale::En);
        let testing = LanguagePolicy {
            pseudo_locale: true,
        };
        assert_eq!(testing.negotiate(None, Some("en-XA"), None), Locale::Pseudo);
        assert_eq!(testing.negotiate(None, None, Some("en-XA")), Locale::Pseudo);
        assert_eq!(
            PLAIN.negotiate(None, None, Some("en-XA, fr;q=0.5")),
            Locale::Fr
        );
    }
}
