//! Liveness and readiness: `/healthz` answers while the process runs;
//! `/readyz` answers 200 only when the database answers too.

use actix_web::{HttpResponse, get, web};
use diesel::RunQueryDsl;
use serde_json::json;

use crate::db::{self, DbError, DbPool};

/// The process is up.
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({ "status": "ok" }))
}

/// The process is up and the database answers.
#[get("/readyz")]
pub async fn readyz(pool: web::Data<DbPool>) -> HttpResponse {
    let checked = db::run(&pool, |connection| {
        diesel::sql_query("SELECT 1")
            .execute(connection)
            .map_err(DbError::Query)
    })
    .await;
    match checked {
        Ok(_) => HttpResponse::Ok().json(json!({ "status": "ready" })),
        Err(error) => {
            tracing::warn!(error = %error, "readiness check failed");
            HttpResponse::ServiceUnavailable()
                .json(json!({ "status": "unavailable", "reason": "the database does not answer" }))
        }
    }
}
