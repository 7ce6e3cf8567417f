//! The network admin's view of the outbox: counts, and the dead letters
//! (emails that failed every attempt) with their last error.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;

use super::queries::{self, DeadLetter};
use crate::db::{self, DbError, DbPool};
use crate::http::auth::NetworkAdmin;
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};

#[derive(Serialize)]
struct OutboxPage {
    waiting: i64,
    sent: i64,
    dead: i64,
    dead_letters: Vec<DeadLetter>,
}

/// Outbox counts and dead letters.
#[get("/admin/outbox")]
pub async fn outbox_page(
    admin: NetworkAdmin,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let (counts, dead_letters) = db::run(&pool, |connection| {
        Ok::<_, DbError>((
            queries::outbox_counts(connection)?,
            queries::dead_letters(connection)?,
        ))
    })
    .await?;
    let (waiting, sent, dead) = counts;
    let page = OutboxPage {
        waiting,
        sent,
        dead,
        dead_letters,
    };
    templates.page(
        &admin.1.shell(),
        StatusCode::OK,
        "pages/admin_outbox",
        PageTitle::Message("title-email-outbox"),
        &page,
    )
}
