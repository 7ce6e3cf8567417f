//! The language switcher: `POST /language` with `lang` (a language tag, or
//! empty for "as my browser says") and `back` (where to return). It sets a
//! cookie for everyone and, for a signed-in person, records the choice in
//! their profile so it follows them to other devices and into emails.
//! Cross-site posts are refused by the middleware that guards every write.

use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use serde::Deserialize;

use super::{LANGUAGE_COOKIE, LanguagePolicy};
use crate::db::{self, DbPool};
use crate::http::AppError;
use crate::http::auth::Viewer;
use crate::identity::pages::safe_next;
use crate::identity::service as identity;

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    pub lang: String,
    #[serde(default)]
    pub back: Option<String>,
}

/// Switches the interface language and returns to the page it was asked from.
#[post("/language")]
pub async fn switch_language(
    viewer: Viewer,
    pool: web::Data<DbPool>,
    policy: web::Data<LanguagePolicy>,
    form: web::Form<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let chosen = if form.lang.trim().is_empty() {
        None
    } else {
        Some(policy.offered(&form.lang).ok_or_else(|| {
            AppError::BadRequest(format!(
                "The language \"{}\" is not offered; choose English (en), Deutsch (de), Français (fr) or Italiano (it).",
                form.lang.chars().take(20).collect::<String>()
            ))
        })?)
    };
    if let Some(user) = &viewer.user {
        let user_id = user.id;
        db::run(&pool, move |connection| {
            identity::set_language(connection, user_id, chosen)
        })
        .await
        .map_err(AppError::from)?;
    }
    let cookie = match chosen {
        Some(locale) => Cookie::build(LANGUAGE_COOKIE, locale.code())
            .max_age(Duration::days(365))
            .finish(),
        None => {
            let mut removal = Cookie::build(LANGUAGE_COOKIE, "").finish();
            removal.make_removal();
            removal
        }
    };
    let mut cookie = cookie;
    cookie.set_path("/");
    cookie.set_same_site(SameSite::Lax);
    cookie.set_http_only(true);
    let back = safe_next(form.back.as_deref()).unwrap_or_else(|| "/".to_owned());
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .cookie(cookie)
        .finish())
}
