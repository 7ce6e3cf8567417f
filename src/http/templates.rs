//! The handlebars registry for pages (and, later, emails): loaded once from
//! the templates directory, strict mode (a missing field is an error, not an
//! empty string), rendered from typed `Serialize` contexts.

use std::path::Path;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::ContentType;
use handlebars::{DirectorySourceOptions, Handlebars, handlebars_helper};
use serde::Serialize;

use super::AppError;
use super::auth::Shell;

/// What the page shell needs on every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    pub name: &'static str,
    pub base_url: String,
    pub stylesheet_href: String,
}

/// Everything a page template receives: the shell's data and the page's own.
#[derive(Serialize)]
struct PageContext<'a, T: Serialize> {
    title: &'a str,
    site: &'a SiteContext,
    viewer: &'a Shell,
    page: &'a T,
}

/// The loaded templates: one registry that escapes HTML (pages, HTML email)
/// and one that does not (plain-text email).
#[derive(Debug)]
pub struct Templates {
    registry: Handlebars<'static>,
    text_registry: Handlebars<'static>,
    site: SiteContext,
}

handlebars_helper!(format_date: |iso: str| {
    chrono::DateTime::parse_from_rfc3339(iso)
        .map(|date| date.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| iso.to_owned())
});

handlebars_helper!(format_moment: |iso: str| {
    chrono::DateTime::parse_from_rfc3339(iso)
        .map(|date| date.with_timezone(&chrono::Utc).format("%-d %b %Y %H:%M:%S").to_string())
        .unwrap_or_else(|_| iso.to_owned())
});

handlebars_helper!(json: |value: Json| {
    if value.is_null() { String::new() } else { value.to_string() }
});

impl Templates {
    /// Loads every `*.hbs` file under `dir` (named by its path without the
    /// extension, e.g. `pages/course`).
    pub fn load(dir: &Path, site: SiteContext) -> anyhow::Result<Self> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_helper("format_date", Box::new(format_date));
        registry.register_helper("format_moment", Box::new(format_moment));
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
        })
    }

    /// Renders a template to a string.
    pub fn render(&self, name: &str, data: &impl Serialize) -> Result<String, AppError> {
        self.registry.render(name, data).map_err(|error| {
            AppError::internal(anyhow::anyhow!("rendering template {name}: {error}"))
        })
    }

    /// Renders a full page (the template uses `layouts/base`).
    pub fn page(
        &self,
        viewer: &Shell,
        status: StatusCode,
        name: &str,
        title: &str,
        page: &impl Serialize,
    ) -> Result<HttpResponse, AppError> {
        let body = self.render(
            name,
            &PageContext {
                title,
                site: &self.site,
                viewer,
                page,
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
