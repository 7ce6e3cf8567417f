//! The template helpers that speak the page's language, read from the
//! context's root `lang` (every page and email context carries one):
//! `{{t "message-id" name=value}}` for interface text, `{{format_date iso}}`
//! and `{{format_moment iso}}` for dates, `{{format_number n}}` for numbers.
//! Their output is escaped like any `{{…}}` expression.

use std::sync::Arc;

use chrono::{DateTime, Datelike, Timelike, Utc};
use fluent_bundle::{FluentArgs, FluentValue};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use serde_json::Value as Json;

use super::catalogue::UnknownMessage;
use super::{Catalogues, Locale, format};

/// Registers the language-aware helpers on a registry.
pub fn register(registry: &mut Handlebars<'static>, catalogues: &Arc<Catalogues>) {
    for (name, kind) in [
        ("t", HelperKind::Translate),
        ("format_date", HelperKind::Date),
        ("format_moment", HelperKind::Moment),
        ("format_number", HelperKind::Number),
    ] {
        registry.register_helper(
            name,
            Box::new(LanguageHelper {
                catalogues: Arc::clone(catalogues),
                kind,
            }),
        );
    }
}

#[derive(Clone, Copy)]
enum HelperKind {
    Translate,
    Date,
    Moment,
    Number,
}

struct LanguageHelper {
    catalogues: Arc<Catalogues>,
    kind: HelperKind,
}

impl HelperDef for LanguageHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        helper: &Helper<'rc>,
        _registry: &'reg Handlebars<'reg>,
        context: &'rc Context,
        _render: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let locale = context
            .data()
            .get("lang")
            .and_then(Json::as_str)
            .and_then(Locale::from_tag)
            .unwrap_or(Locale::En);
        let first = helper
            .param(0)
            .map(|parameter| parameter.value())
            .ok_or_else(|| {
                RenderErrorReason::Other(format!("`{}` needs a parameter", helper.name()))
            })?;
        let text = match self.kind {
            HelperKind::Translate => {
                let id = first
                    .as_str()
                    .ok_or(RenderErrorReason::InvalidParamType("a message id (string)"))?;
                let mut args = FluentArgs::new();
                for (name, value) in helper.hash() {
                    args.set(*name, fluent_value(value.value()));
                }
                self.translate(locale, id, Some(&args))?
            }
            HelperKind::Date | HelperKind::Moment => match first.as_str() {
                Some(iso) => self.date(locale, iso, matches!(self.kind, HelperKind::Moment))?,
                None if first.is_null() => String::new(),
                None => Err(RenderErrorReason::InvalidParamType(
                    "a date (RFC 3339 string)",
                ))?,
            },
            HelperKind::Number => match first.as_f64() {
                Some(number) => format::number(locale, number, 0),
                None => Err(RenderErrorReason::InvalidParamType("a number"))?,
            },
        };
        Ok(ScopedJson::Derived(Json::String(text)))
    }
}

impl LanguageHelper {
    fn translate(
        &self,
        locale: Locale,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, RenderError> {
        self.catalogues
            .message(locale, id, args)
            .map_err(|error| RenderErrorReason::Other(error.to_string()).into())
    }

    fn date(&self, locale: Locale, iso: &str, with_time: bool) -> Result<String, RenderError> {
        written_date(&self.catalogues, locale, iso, with_time)
            .map_err(|error| RenderErrorReason::Other(error.to_string()).into())
    }
}

/// A date as `date-long` (with `month-N`), or with its time (UTC) as
/// `date-moment`, in `locale`; text that is not an RFC 3339 date is
/// returned as it is.
pub fn written_date(
    catalogues: &Catalogues,
    locale: Locale,
    iso: &str,
    with_time: bool,
) -> Result<String, UnknownMessage> {
    let Ok(moment) = DateTime::parse_from_rfc3339(iso).map(|date| date.with_timezone(&Utc)) else {
        return Ok(iso.to_owned());
    };
    let month = catalogues.message(locale, &format!("month-{}", moment.month()), None)?;
    let mut args = FluentArgs::new();
    args.set("day", moment.day().to_string());
    args.set("month", month);
    args.set("year", moment.year().to_string());
    if with_time {
        args.set(
            "time",
            format!(
                "{:02}:{:02}:{:02}",
                moment.hour(),
                moment.minute(),
                moment.second()
            ),
        );
        catalogues.message(locale, "date-moment", Some(&args))
    } else {
        catalogues.message(locale, "date-long", Some(&args))
    }
}

fn fluent_value(value: &Json) -> FluentValue<'static> {
    match value {
        Json::Number(number) => number
            .as_f64()
            .map_or_else(|| FluentValue::from(number.to_string()), FluentValue::from),
        Json::String(text) => FluentValue::from(text.clone()),
        Json::Bool(flag) => FluentValue::from(flag.to_string()),
        Json::Null => FluentValue::from(""),
        other => FluentValue::from(other.to_string()),
    }
}
