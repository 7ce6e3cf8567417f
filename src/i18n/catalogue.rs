//! The Fluent catalogues: one folder a language under
//! `templates/locales/<code>/`, every `*.ftl` file in it loaded into that
//! language's bundle. Messages are looked up by id; a language lacking a
//! message falls back to English (the completeness check keeps that from
//! happening in a release), and an id unknown even to English is an error.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_memoizer::concurrent::IntlLangMemoizer;

use super::Locale;
use super::format;

type Bundle = FluentBundle<FluentResource>;

/// The variables each message of one language uses, by message id.
type MessageVariables = BTreeMap<String, BTreeSet<String>>;

/// The comment that marks a translation as rightly identical to English
/// (a name, an abbreviation, a word the languages share).
pub const SAME_AS_ENGLISH_MARK: &str = "same as English";

/// The loaded catalogues of every choosable language.
pub struct Catalogues {
    bundles: HashMap<Locale, Bundle>,
    messages: HashMap<Locale, MessageVariables>,
    /// Messages whose comment says they are meant to read as in English.
    identical_on_purpose: HashMap<Locale, BTreeSet<String>>,
}

impl std::fmt::Debug for Catalogues {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Catalogues")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// A message id that not even the English catalogue has.
#[derive(Debug, thiserror::Error)]
#[error("the message `{0}` is in no catalogue (add it to templates/locales/en/)")]
pub struct UnknownMessage(pub String);

impl Catalogues {
    /// Loads `dir/<code>/*.ftl` for every choosable language; a syntax error
    /// or a message defined twice names its file.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let mut bundles = HashMap::new();
        let mut messages = HashMap::new();
        let mut identical_on_purpose = HashMap::new();
        for locale in Locale::CHOOSABLE {
            let folder = dir.join(locale.code());
            let loaded = load_language(locale, &folder)?;
            bundles.insert(locale, loaded.bundle);
            messages.insert(locale, loaded.variables);
            identical_on_purpose.insert(locale, loaded.identical_on_purpose);
        }
        Ok(Catalogues {
            bundles,
            messages,
            identical_on_purpose,
        })
    }

    /// The text of message `id` in `locale`, with `args` filled in.
    pub fn message(
        &self,
        locale: Locale,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, UnknownMessage> {
        let text = self
            .format(locale, id, args)
            .or_else(|| self.format(Locale::En, id, args))
            .ok_or_else(|| UnknownMessage(id.to_owned()))?;
        Ok(if locale == Locale::Pseudo {
            format!("⟦{text}⟧")
        } else {
            text
        })
    }

    fn format(&self, locale: Locale, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles.get(&locale)?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if !errors.is_empty() {
            tracing::warn!(
                message = id,
                language = locale.code(),
                ?errors,
                "message formatted with errors"
            );
        }
        Some(text)
    }

    /// Every way the translations differ from English: a message missing
    /// from a language or not in English, or a message using other
    /// variables than its English original. Empty when complete.
    pub fn completeness_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(english) = self.messages.get(&Locale::En) else {
            return vec!["there is no English catalogue".to_owned()];
        };
        for locale in Locale::CHOOSABLE
            .into_iter()
            .filter(|locale| *locale != Locale::En)
        {
            let code = locale.code();
            let Some(translated) = self.messages.get(&locale) else {
                problems.push(format!("{code}: there is no catalogue"));
                continue;
            };
            for (id, variables) in english {
                match translated.get(id) {
                    None => problems.push(format!("{code}: the message `{id}` is missing")),
                    Some(used) if used != variables => problems.push(format!(
                        "{code}: `{id}` uses {{{}}} but English uses {{{}}}",
                        join(used),
                        join(variables)
                    )),
                    Some(_) => {}
                }
            }
            for id in translated.keys().filter(|id| !english.contains_key(*id)) {
                problems.push(format!("{code}: `{id}` is not in the English catalogue"));
            }
        }
        problems
    }

    /// Messages a language renders exactly as English does (candidates for
    /// a forgotten translation), by language code. Variables are filled
    /// with nothing, so only the words are compared; messages with no words
    /// of their own (`{ $day } { $month } { $year }`) and messages whose
    /// comment says "same as English" are not listed.
    pub fn same_as_english(&self) -> Vec<(&'static str, String)> {
        let mut same = Vec::new();
        let Some(english) = self.messages.get(&Locale::En) else {
            return same;
        };
        for locale in Locale::CHOOSABLE
            .into_iter()
            .filter(|locale| *locale != Locale::En)
        {
            let on_purpose = self.identical_on_purpose.get(&locale);
            for (id, variables) in english {
                if on_purpose.is_some_and(|ids| ids.contains(id)) {
                    continue;
                }
                let mut empty = FluentArgs::new();
                for variable in variables {
                    empty.set(variable.as_str(), "");
                }
                let (Some(original), Some(translated)) = (
                    self.format(Locale::En, id, Some(&empty)),
                    self.format(locale, id, Some(&empty)),
                ) else {
                    continue;
                };
                if original.chars().any(char::is_alphabetic) && original == translated {
                    same.push((locale.code(), id.clone()));
                }
            }
        }
        same
    }

    /// Every message of `locale` that takes no variables, with its text
    /// (for checks that look for leftover English on rendered pages).
    pub fn plain_messages(&self, locale: Locale) -> Vec<(String, String)> {
        let Some(messages) = self.messages.get(&locale) else {
            return Vec::new();
        };
        messages
            .iter()
            .filter(|(_, variables)| variables.is_empty())
            .filter_map(|(id, _)| Some((id.clone(), self.format(locale, id, None)?)))
            .collect()
    }

    /// The ids of every English message.
    pub fn english_ids(&self) -> BTreeSet<String> {
        self.messages
            .get(&Locale::En)
            .map(|messages| messages.keys().cloned().collect())
            .unwrap_or_default()
    }
}

fn join(names: &BTreeSet<String>) -> String {
    names.iter().cloned().collect::<Vec<_>>().join(", ")
}

/// One language's catalogue as loaded.
struct LoadedLanguage {
    bundle: Bundle,
    variables: MessageVariables,
    identical_on_purpose: BTreeSet<String>,
}

fn load_language(locale: Locale, folder: &Path) -> anyhow::Result<LoadedLanguage> {
    let language = locale
        .code()
        .parse()
        .map_err(|error| anyhow::anyhow!("the language tag {}: {error}", locale.code()))?;
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(number_formatter(locale)));
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map_err(|error| {
            anyhow::anyhow!("reading the catalogue folder {}: {error}", folder.display())
        })?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "ftl"))
        .collect();
    files.sort();
    if files.is_empty() {
        anyhow::bail!(
            "the catalogue folder {} has no .ftl files",
            folder.display()
        );
    }
    let mut variables = MessageVariables::new();
    let mut identical_on_purpose = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file)
            .map_err(|error| anyhow::anyhow!("reading {}: {error}", file.display()))?;
        identical_on_purpose.extend(messages_marked_same_as_english(&source));
        let resource = FluentResource::try_new(source).map_err(|(_, errors)| {
            anyhow::anyhow!("{}: Fluent syntax errors: {errors:?}", file.display())
        })?;
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut used = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    collect_variables(pattern, &mut used);
                }
                variables.insert(message.id.name.to_owned(), used);
            }
        }
        bundle.add_resource(resource).map_err(|errors| {
            anyhow::anyhow!("{}: messages defined twice: {errors:?}", file.display())
        })?;
    }
    Ok(LoadedLanguage {
        bundle,
        variables,
        identical_on_purpose,
    })
}

/// The ids of messages whose comment says they read as in English on
/// purpose (the runtime parser drops comments, so this parses in full).
fn messages_marked_same_as_english(source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message),
            _ => None,
        })
        .filter(|message| {
            message.comment.as_ref().is_some_and(|comment| {
                comment.content.iter().any(|line| {
                    line.to_lowercase()
                        .contains(&SAME_AS_ENGLISH_MARK.to_lowercase())
                })
            })
        })
        .map(|message| message.id.name.to_owned())
        .collect()
}

fn collect_variables(pattern: &ast::Pattern<&str>, used: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression_variables(expression, used);
        }
    }
}

fn collect_expression_variables(expression: &ast::Expression<&str>, used: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline_variables(selector, used);
            for variant in variants {
                collect_variables(&variant.value, used);
            }
        }
        ast::Expression::Inline(inline) => collect_inline_variables(inline, used),
    }
}

fn collect_inline_variables(expression: &ast::InlineExpression<&str>, used: &mut BTreeSet<String>) {
    match expression {
        ast::InlineExpression::VariableReference { id } => {
            used.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline_variables(argument, used);
            }
            for argument in &arguments.named {
                collect_inline_variables(&argument.value, used);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            collect_expression_variables(expression, used);
        }
        _ => {}
    }
}

fn number_formatter(locale: Locale) -> fn(&FluentValue, &IntlLangMemoizer) -> Option<String> {
    match locale {
        Locale::De => |value, _| number_in(Locale::De, value),
        Locale::Fr => |value, _| number_in(Locale::Fr, value),
        Locale::It => |value, _| number_in(Locale::It, value),
        Locale::En | Locale::Pseudo => |value, _| number_in(Locale::En, value),
    }
}

fn number_in(locale: Locale, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(format::number(
            locale,
            number.value,
            number.options.minimum_fraction_digits.unwrap_or(0),
        )),
        _ => None,
    }
}
