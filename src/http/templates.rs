//! The handlebars registry for pages and emails: loaded once from the
//! templates directory, strict mode (a missing field is an error, not an
//! empty string), rendered from typed `Serialize` contexts. Every context
//! carries `lang` at its root, which the language helpers (`t`,
//! `format_date`, …; see `i18n::helpers`) read.

use std::path::Path;
use std::sync::Arc;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::ContentType;
use fluent_bundle::FluentArgs;
use handlebars::{DirectorySourceOptions, Handlebars, handlebars_helper};
use serde::Serialize;

use super::AppError;
use super::auth::Shell;
use crate::i18n::{Catalogues, Locale, helpers};

/// What the page shell needs on every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub base_url: String,
    pub stylesheet_href: String,
}

/// Everything a page template receives: the shell's data and the page's own.
#[derive(Serialize)]
struct PageContext<'a, T: Serialize> {
    lang: &'static str,
    title: &'a str,
    site: &'a SiteContext,
    viewer: &'a Shell,
    page: &'a T,
}

/// What the page layout receives: the shell's data and the page's content,
/// already rendered (a layout given as a partial block would copy the whole
/// page's data on every render).
#[derive(Serialize)]
struct LayoutContext<'a> {
    lang: &'static str,
    title: &'a str,
    site: &'a SiteContext,
    viewer: &'a Shell,
    content: &'a str,
}

/// The loaded templates: one registry that escapes HTML (pages, HTML email)
/// and one that does not (plain-text email).
#[derive(Debug)]
pub struct Templates {
    registry: Handlebars<'static>,
    text_registry: Handlebars<'static>,
    site: SiteContext,
    catalogues: Arc<Catalogues>,
}

/// A page's `<title>`: an interface message, or text from the content (a
/// course's title, a person's name) shown as it is.
#[derive(Debug, Clone, Copy)]
pub enum PageTitle<'a> {
    Message(&'a str),
    Content(&'a str),
}

handlebars_helper!(json: |value: Json| {
    if value.is_null() { String::new() } else { value.to_string() }
});

impl Templates {
    /// Loads every `*.hbs` file under `dir` (named by its path without the
    /// extension, e.g. `pages/course`) and the catalogues of `dir/locales`.
    pub fn load(dir: &Path, site: SiteContext) -> anyhow::Result<Self> {
        let catalogues = Arc::new(Catalogues::load(&dir.join("locales"))?);
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        helpers::register(&mut registry, &catalogues);
        registry.register_helper("json", Box::new(json));
        let mut options = DirectorySourceOptions::default();
        options.tpl_extension = ".hbs".to_owned();
        registry
            .register_templates_directory(dir, options)
            .map_err(|error| {
                anyhow::anyhow!("loading templates from {}: {error}", dir.display())
            })?;
        for required in ["layouts/base", "pages/error"] {
            if !registry.has_template(required) {
                anyhow::bail!(
                    "the template `{required}` is missing from {} (set ATMP_TEMPLATES_DIR to the project's templates/)",
                    dir.display()
                );
            }
        }
        let mut text_registry = registry.clone();
        text_registry.register_escape_fn(handlebars::no_escape);
        Ok(Templates {
            registry,
            text_registry,
            site,
            catalogues,
        })
    }

    /// An interface message in `locale` (for text composed outside templates).
    pub fn message(
        &self,
        locale: Locale,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, AppError> {
        self.catalogues
            .message(locale, id, args)
            .map_err(AppError::internal)
    }

    /// A date (RFC 3339) as the language writes it, with its time when asked;
    /// other text is returned as it is.
    pub fn written_date(&self, locale: Locale, iso: &str, with_time: bool) -> String {
        helpers::written_date(&self.catalogues, locale, iso, with_time)
            .unwrap_or_else(|_| iso.to_owned())
    }

    /// Renders a template to a string.
    pub fn render(&self, name: &str, data: &impl Serialize) -> Result<String, AppError> {
        self.registry.render(name, data).map_err(|error| {
            AppError::internal(anyhow::anyhow!("rendering template {name}: {error}"))
        })
    }

    /// Renders a full page: the page's template, then `layouts/base` around it.
    pub fn page(
        &self,
        viewer: &Shell,
        status: StatusCode,
        name: &str,
        title: PageTitle<'_>,
        page: &impl Serialize,
    ) -> Result<HttpResponse, AppError> {
        let title = match title {
            PageTitle::Message(id) => self.message(viewer.lang, id, None)?,
            PageTitle::Content(text) => text.to_owned(),
        };
        let content = self.render(
            name,
            &PageContext {
                lang: viewer.lang.code(),
                title: &title,
                site: &self.site,
                viewer,
                page,
            },
        )?;
        let body = self.render(
            "layouts/base",
            &LayoutContext {
                lang: viewer.lang.code(),
                title: &title,
                site: &self.site,
                viewer,
                content: &content,
            },
        )?;
        Ok(HttpResponse::build(status)
            .content_type(ContentType::html())
            .body(body))
    }

    /// Renders a plain-text template (nothing is HTML-escaped).
    pub fn render_text(&self, name: &str, data: &impl Serialize) -> Result<String, AppError> {
        self.text_registry.render(name, data).map_err(|error| {
            AppError::internal(anyhow::anyhow!("rendering template {name}: {error}"))
        })
    }

    /// The site context, for callers that render outside `page`.
    pub fn site(&self) -> &SiteContext {
        &self.site
    }
}
