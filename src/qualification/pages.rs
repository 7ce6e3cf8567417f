//! The coordinator's training matrix: roles and their courses, who holds
//! which role, the grid of states, and its CSV export.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::service::{self, MatrixError, RequirementView, RoleView};
use super::state::{Evidence, WINDOW_DAYS};
use crate::db::{self, DbPool};
use crate::http::auth::{self, CsrfForm, CsrfProtected, CurrentUser};
use crate::http::csv::CsvDownload;
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};

impl From<MatrixError> for AppError {
    fn from(error: MatrixError) -> Self {
        match error {
            MatrixError::NotFound(message) => AppError::NotFound(message),
            MatrixError::Forbidden(message) => AppError::Forbidden(message),
            MatrixError::Refused(message) => AppError::BadRequest(message),
            MatrixError::Conflict(message) => AppError::Conflict(message),
            MatrixError::Unauthorized(message) => AppError::Unauthorized(message),
            MatrixError::Db(error) => AppError::from(error),
        }
    }
}

fn back_to(coe: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/coordinate/{coe}/matrix")))
        .finish()
}

#[derive(Serialize)]
struct MatrixPage {
    coe: String,
    roles: Vec<RoleView>,
    rows: Vec<MatrixRowView>,
    /// The days of the "due soon" and "overdue" rules.
    window_days: i64,
    csrf_token: String,
}

/// One holder of one role, as the page shows it.
#[derive(Serialize)]
struct MatrixRowView {
    name: String,
    email: String,
    role_title: String,
    qualified: bool,
    cells: Vec<CellView>,
}

/// One requirement: its state as a message id (`label` names its style).
#[derive(Serialize)]
struct CellView {
    course_title: String,
    label: String,
    label_id: &'static str,
    evidence: Option<Evidence>,
}

impl From<RequirementView> for CellView {
    fn from(cell: RequirementView) -> Self {
        CellView {
            course_title: cell.course_title,
            label: cell.label,
            label_id: cell.state.message_id(),
            evidence: cell.evidence,
        }
    }
}

/// The CoE's training matrix now.
#[get("/coordinate/{coe}/matrix")]
pub async fn matrix_page(
    current: CurrentUser,
    coe: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let coe = coe.into_inner();
    let coe_for_query = coe.clone();
    let matrix = db::run(&pool, move |connection| {
        service::matrix(connection, &user, &coe_for_query, Utc::now())
    })
    .await?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/matrix",
        PageTitle::Message("title-training-matrix"),
        &MatrixPage {
            coe,
            roles: matrix.roles,
            rows: matrix
                .rows
                .into_iter()
                .map(|row| MatrixRowView {
                    name: row.name,
                    email: row.email,
                    role_title: row.role_title,
                    qualified: row.qualified,
                    cells: row.cells.into_iter().map(CellView::from).collect(),
                })
                .collect(),
            window_days: WINDOW_DAYS,
            csrf_token: auth::csrf_token(&viewer.session)?,
        },
    )
}

/// The matrix as CSV: one line per holder, role and required course.
#[get("/coordinate/{coe}/matrix.csv")]
pub async fn matrix_csv(
    current: CurrentUser,
    coe: web::Path<String>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let coe = coe.into_inner();
    let now = Utc::now();
    let matrix = db::run(&pool, move |connection| {
        service::matrix(connection, &user, &coe, now)
    })
    .await?;
    let mut file = CsvDownload::new(&[
        "name",
        "email",
        "role",
        "course",
        "state",
        "evidence",
        "expires_at",
        "qualified_for_role",
    ])?;
    for row in matrix.rows {
        for cell in row.cells {
            let evidence = cell
                .evidence
                .as_ref()
                .map(|item| {
                    item.certificate_code
                        .clone()
                        .unwrap_or_else(|| item.kind.clone())
                })
                .unwrap_or_default();
            let expires = cell
                .evidence
                .as_ref()
                .and_then(|item| item.expires_at)
                .map(|at| at.to_rfc3339())
                .unwrap_or_default();
            file.row(&[
                row.name.as_str(),
                row.email.as_str(),
                row.role_title.as_str(),
                cell.course_title.as_str(),
                cell.label.as_str(),
                evidence.as_str(),
                expires.as_str(),
                if row.qualified { "yes" } else { "no" },
            ])?;
        }
    }
    file.into_response(&format!("training-matrix-{}.csv", now.format("%Y-%m-%d")))
}

/// The matrix as a PDF (A4 landscape), for inspections.
#[get("/coordinate/{coe}/matrix.pdf")]
pub async fn matrix_pdf(
    current: CurrentUser,
    coe: web::Path<String>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let coe = coe.into_inner();
    let now = Utc::now();
    let coe_for_query = coe.clone();
    let (matrix, coe_name) = db::run(&pool, move |connection| {
        let matrix = service::matrix(connection, &user, &coe_for_query, now)?;
        let name = crate::network::queries::coe_by_slug(connection, &coe_for_query)?
            .map(|coe| coe.name)
            .unwrap_or_default();
        Ok::<_, MatrixError>((matrix, name))
    })
    .await?;
    let at = now.format("%-d %B %Y %H:%M UTC").to_string();
    let bytes = web::block(move || super::pdf::render(&matrix, &coe_name, &at))
        .await
        .map_err(AppError::internal)?
        .map_err(|error| AppError::internal(anyhow::anyhow!(error)))?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"training-matrix-{coe}-{}.pdf\"",
                now.format("%Y-%m-%d")
            ),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(bytes))
}

/// The new-role form.
#[derive(Deserialize)]
pub struct RoleForm {
    csrf_token: String,
    title: String,
    /// Course slugs, separated by commas or spaces.
    #[serde(default)]
    courses: String,
}

impl CsrfProtected for RoleForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Creates a job role.
#[post("/coordinate/{coe}/roles")]
pub async fn create_role(
    current: CurrentUser,
    coe: web::Path<String>,
    form: CsrfForm<RoleForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let coe = coe.into_inner();
    let form = form.0;
    let courses: Vec<String> = form
        .courses
        .split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|slug| !slug.is_empty())
        .map(str::to_owned)
        .collect();
    let coe_for_query = coe.clone();
    db::run(&pool, move |connection| {
        service::create_role(connection, &user, &coe_for_query, &form.title, &courses)
    })
    .await?;
    Ok(back_to(&coe))
}

/// The assignment form.
#[derive(Deserialize)]
pub struct AssignForm {
    csrf_token: String,
    role: String,
    email: String,
}

impl CsrfProtected for AssignForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Gives a person a role.
#[post("/coordinate/{coe}/roles/assign")]
pub async fn assign_role(
    current: CurrentUser,
    coe: web::Path<String>,
    form: CsrfForm<AssignForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let coe = coe.into_inner();
    let form = form.0;
    let coe_for_query = coe.clone();
    db::run(&pool, move |connection| {
        service::assign(connection, &user, &coe_for_query, &form.role, &form.email)
    })
    .await?;
    Ok(back_to(&coe))
}
