//! The editor's pages and forms (server-rendered, no JavaScript needed):
//! the list of courses, a draft's overview (details, modules, lessons,
//! order, submit, review), the lesson editor with a server-side preview,
//! the question-bank editor, and the version history with diffs.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::draft::{self, LessonInput, MetadataInput, QuizInput};
use super::service::{self, AuthoringError, NewCourse};
use super::{diff, queries};
use crate::attachments::{self, AttachmentStore};
use crate::db::{self, DbPool};
use crate::http::auth::{self, CsrfForm, CsrfProtected, CurrentUser, TokenOnlyForm};
use crate::http::templates::PageTitle;
use crate::http::{AppError, Templates};
use crate::i18n::{Locale, format};
use crate::identity::models::Role;
use crate::markdown::render_markdown;

impl From<AuthoringError> for AppError {
    fn from(error: AuthoringError) -> Self {
        match error {
            AuthoringError::NotFound(message) => AppError::NotFound(message),
            AuthoringError::Forbidden(message) => AppError::Forbidden(message),
            AuthoringError::Invalid(message) => AppError::BadRequest(message),
            AuthoringError::Stale { message } | AuthoringError::Conflict(message) => {
                AppError::Conflict(message)
            }
            AuthoringError::Db(error) => AppError::from(error),
        }
    }
}

/// Where the file-managed courses live (their slugs cannot be taken here).
pub struct FileCoursesDir(pub std::path::PathBuf);

/// Registers the editor's routes.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .service(index)
        .service(create_course)
        .service(history)
        .service(start_draft)
        .service(course_page)
        .service(save_metadata)
        .service(add_module)
        .service(quiz_page)
        .service(save_quiz)
        .service(move_module)
        .service(delete_module)
        .service(add_lesson)
        .service(upload_attachment)
        .service(delete_attachment)
        .service(draft_attachment)
        .service(lesson_page)
        .service(save_lesson)
        .service(move_lesson)
        .service(delete_lesson)
        .service(save_module)
        .service(submit)
        .service(approve)
        .service(reject);
}

fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

fn editor_path(slug: &str) -> String {
    format!("/author/courses/{slug}")
}

/// A page title composed from message `id` with one text argument.
fn title_with(
    templates: &Templates,
    locale: Locale,
    id: &str,
    name: &str,
    value: &str,
) -> Result<String, AppError> {
    let mut args = FluentArgs::new();
    args.set(name, value.to_owned());
    templates.message(locale, id, Some(&args))
}

#[derive(Serialize)]
struct CourseLine {
    slug: String,
    /// The published title; `None` before the first publication.
    title: Option<String>,
    coe_name: String,
    source: String,
    has_version: bool,
}

#[derive(Serialize)]
struct IndexPage {
    courses: Vec<CourseLine>,
    coes: Vec<(String, String)>,
    csrf_token: String,
}

/// The courses the signed-in person may author or review.
#[get("/author")]
pub async fn index(
    current: CurrentUser,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let user_for_query = user.clone();
    let (courses, coes) = db::run(&pool, move |connection| {
        let courses = queries::all_courses(connection)?;
        let coes = crate::network::queries::all_coes(connection)?;
        Ok::<_, AppError>((courses, coes))
    })
    .await?;
    let courses: Vec<CourseLine> = courses
        .into_iter()
        .filter(|(course, _, _, _)| {
            service::may_edit(&user_for_query, course)
                || user_for_query.has_coe_role(Role::Coordinator, course.coe_id)
        })
        .map(|(course, title, _, coe_name)| CourseLine {
            has_version: course.current_version_id.is_some(),
            title,
            slug: course.slug,
            coe_name,
            source: course.source,
        })
        .collect();
    let coes = coes
        .into_iter()
        .filter(|coe| user.has_coe_role(Role::Instructor, coe.id))
        .map(|coe| (coe.slug, coe.name))
        .collect();
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/author_index",
        PageTitle::Message("title-authoring"),
        &IndexPage {
            courses,
            coes,
            csrf_token: auth::csrf_token(&viewer.session)?,
        },
    )
}

/// The new-course form.
#[derive(Deserialize)]
pub struct NewCourseForm {
    csrf_token: String,
    coe: String,
    #[serde(default)]
    slug: String,
    title: String,
    summary: String,
}

impl CsrfProtected for NewCourseForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Creates a web-authored course and opens its draft.
#[post("/author/courses")]
pub async fn create_course(
    current: CurrentUser,
    form: CsrfForm<NewCourseForm>,
    pool: web::Data<DbPool>,
    files: web::Data<FileCoursesDir>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let form = form.0;
    let files = files.into_inner();
    let slug = db::run(&pool, move |connection| {
        service::create_course(
            connection,
            &user,
            &NewCourse {
                coe_slug: &form.coe,
                slug: &form.slug,
                title: &form.title,
                summary: &form.summary,
            },
            |slug| files.0.join(slug).exists(),
        )
    })
    .await?;
    Ok(see_other(&editor_path(&slug)))
}

#[derive(Serialize)]
struct CoursePage {
    slug: String,
    status: String,
    lock_version: i32,
    may_edit: bool,
    may_review: bool,
    may_start: bool,
    submitted_by_me: bool,
    review_note: Option<String>,
    course: serde_json::Value,
    /// The choices as (stored value, message id).
    audiences: Vec<(&'static str, &'static str)>,
    levels: Vec<(&'static str, &'static str)>,
    csrf_token: String,
    has_base: bool,
}

/// A draft's overview: details, modules and lessons, submit and review.
#[get("/author/courses/{slug}")]
pub async fn course_page(
    current: CurrentUser,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let slug = slug.into_inner();
    let user_for_query = user.clone();
    let opened = db::run(&pool, move |connection| {
        service::open(connection, &user_for_query, &slug)
    })
    .await?;
    let title = title_with(
        &templates,
        viewer.locale,
        "author-title-editing",
        "title",
        &opened.content.title,
    )?;
    let mut course = json!(opened.content);
    course["change_note"] = json!(opened.content.change_note);
    course["requires_retraining"] = json!(opened.content.requires_retraining);
    let draft = opened.draft.as_ref();
    let page = CoursePage {
        slug: opened.course.slug.clone(),
        status: draft.map_or_else(|| "published".to_owned(), |draft| draft.status.clone()),
        lock_version: draft.map_or(0, |draft| draft.lock_version),
        may_edit: draft.is_some_and(|draft| draft.status == "draft")
            && service::may_edit(&user, &opened.course),
        may_review: draft.is_some_and(|draft| {
            draft.status == "in_review" && service::may_review(&user, &opened.course, draft)
        }),
        may_start: draft.is_none() && service::may_edit(&user, &opened.course),
        submitted_by_me: draft.is_some_and(|draft| draft.submitted_by == Some(user.id)),
        review_note: draft.and_then(|draft| draft.review_note.clone()),
        course,
        audiences: crate::catalog::Audience::ALL
            .iter()
            .map(|value| (value.as_str(), value.message_id()))
            .collect(),
        levels: crate::catalog::Level::ALL
            .iter()
            .map(|value| (value.as_str(), value.message_id()))
            .collect(),
        csrf_token: auth::csrf_token(&viewer.session)?,
        has_base: draft.is_some_and(|draft| draft.base_version_id.is_some()),
    };
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/author_course",
        PageTitle::Content(&title),
        &page,
    )
}

/// A form that edits a draft: its CSRF token, the lock version it read, and fields.
#[derive(Deserialize)]
pub struct EditForm<T> {
    csrf_token: String,
    lock_version: i32,
    #[serde(flatten)]
    fields: T,
}

impl<T> CsrfProtected for EditForm<T> {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

async fn apply(
    pool: &DbPool,
    user: crate::identity::models::SessionUser,
    slug: String,
    lock_version: i32,
    what: &'static str,
    edit: impl FnOnce(
        &mut crate::course_files::load::CourseSource,
    ) -> Result<serde_json::Value, draft::Invalid>
    + Send
    + 'static,
) -> Result<i32, AppError> {
    Ok(db::run(pool, move |connection| {
        service::edit(connection, &user, &slug, lock_version, what, edit)
    })
    .await?)
}

/// Starts the next version's draft from the published version.
#[post("/author/courses/{slug}/drafts")]
pub async fn start_draft(
    current: CurrentUser,
    slug: web::Path<String>,
    _form: CsrfForm<TokenOnlyForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let slug = slug.into_inner();
    let target = editor_path(&slug);
    db::run(&pool, move |connection| {
        service::start_draft(connection, &user, &slug)
    })
    .await?;
    Ok(see_other(&target))
}

/// Applies an edit from `form` to the draft of `slug` and goes to `back`.
async fn edit_then(
    pool: &DbPool,
    user: crate::identity::models::SessionUser,
    slug: String,
    form: EditForm<impl Send + 'static>,
    what: &'static str,
    back: String,
    edit: impl FnOnce(
        &mut crate::course_files::load::CourseSource,
    ) -> Result<serde_json::Value, draft::Invalid>
    + Send
    + 'static,
) -> Result<HttpResponse, AppError> {
    apply(pool, user, slug, form.lock_version, what, edit).await?;
    Ok(see_other(&back))
}

/// Saves the course details.
#[post("/author/courses/{slug}/metadata")]
pub async fn save_metadata(
    current: CurrentUser,
    slug: web::Path<String>,
    form: CsrfForm<EditForm<MetadataInput>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let back = editor_path(&slug);
    let fields = form.0.fields.clone();
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "metadata",
        back,
        move |course| {
            draft::set_metadata(course, &fields)?;
            Ok(json!({ "title": course.title }))
        },
    )
    .await
}

/// A title and an optional address name.
#[derive(Clone, Deserialize)]
pub struct NamedInput {
    title: String,
    #[serde(default)]
    slug: String,
}

/// Adds a module.
#[post("/author/courses/{slug}/modules")]
pub async fn add_module(
    current: CurrentUser,
    slug: web::Path<String>,
    form: CsrfForm<EditForm<NamedInput>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let back = editor_path(&slug);
    let fields = form.0.fields.clone();
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "module_added",
        back,
        move |course| {
            let module = draft::add_module(course, &fields.title, &fields.slug)?;
            Ok(json!({ "module": module }))
        },
    )
    .await
}

/// A module's title and summary.
#[derive(Clone, Deserialize)]
pub struct ModuleInput {
    title: String,
    #[serde(default)]
    summary: String,
}

/// Saves a module's title and summary.
#[post("/author/courses/{slug}/modules/{module}")]
pub async fn save_module(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditForm<ModuleInput>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let back = editor_path(&slug);
    let fields = form.0.fields.clone();
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "module_saved",
        back,
        move |course| {
            draft::set_module(course, &module, &fields.title, &fields.summary)?;
            Ok(json!({ "module": module }))
        },
    )
    .await
}

/// Up or down.
#[derive(Deserialize)]
pub struct MoveInput {
    direction: String,
}

fn step_of(direction: &str) -> Result<i32, AppError> {
    match direction {
        "up" => Ok(-1),
        "down" => Ok(1),
        _ => Err(AppError::BadRequest("Move \"up\" or \"down\".".to_owned())),
    }
}

/// Moves a module up or down.
#[post("/author/courses/{slug}/modules/{module}/move")]
pub async fn move_module(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditForm<MoveInput>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let back = editor_path(&slug);
    let step = step_of(&form.0.fields.direction)?;
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "module_moved",
        back,
        move |course| {
            draft::move_module(course, &module, step)?;
            Ok(json!({ "module": module, "step": step }))
        },
    )
    .await
}

/// Nothing but the lock version.
#[derive(Deserialize)]
pub struct NoFields {}

/// Deletes a module from the draft.
#[post("/author/courses/{slug}/modules/{module}/delete")]
pub async fn delete_module(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditForm<NoFields>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let back = editor_path(&slug);
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "module_deleted",
        back,
        move |course| {
            draft::delete_module(course, &module)?;
            Ok(json!({ "module": module }))
        },
    )
    .await
}

/// Adds a lesson to a module and opens it.
#[post("/author/courses/{slug}/modules/{module}/lessons")]
pub async fn add_lesson(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditForm<NamedInput>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let fields = form.0.fields.clone();
    let lesson = if fields.slug.trim().is_empty() {
        draft::slug_from(&fields.title)
    } else {
        fields.slug.trim().to_owned()
    };
    let back = format!("{}/modules/{module}/lessons/{lesson}", editor_path(&slug));
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "lesson_added",
        back,
        move |course| {
            draft::add_lesson(course, &module, &fields.title, &lesson)?;
            Ok(json!({ "module": module, "lesson": lesson }))
        },
    )
    .await
}

#[derive(Clone, Serialize)]
struct AttachmentLine {
    file_name: String,
    content_type: String,
    size_kb: u64,
    published_path: String,
}

#[derive(Serialize)]
struct LessonPage {
    slug: String,
    module_slug: String,
    module_title: String,
    lesson_slug: String,
    title: String,
    minutes: String,
    required: bool,
    body_markdown: String,
    preview_html: Option<String>,
    lock_version: i32,
    editable: bool,
    /// The course version's language (of the title and text).
    language: String,
    /// Why the text was not saved, from the service (in English).
    error: Option<String>,
    /// A notice of this page (a message id).
    notice_id: Option<&'static str>,
    attachments: Vec<AttachmentLine>,
    csrf_token: String,
}

fn attachment_lines(
    slug: &str,
    module: &str,
    lesson: &str,
    attachments: &[crate::course_files::load::AttachmentSource],
) -> Vec<AttachmentLine> {
    attachments
        .iter()
        .map(|attachment| AttachmentLine {
            file_name: attachment.file_name.clone(),
            content_type: attachment.content_type.clone(),
            size_kb: attachment.size_bytes.div_ceil(1024),
            published_path: format!(
                "/courses/{slug}/{module}/{lesson}/files/{}",
                attachment.file_name
            ),
        })
        .collect()
}

/// The lesson editor.
#[get("/author/courses/{slug}/modules/{module}/lessons/{lesson}")]
pub async fn lesson_page(
    current: CurrentUser,
    path: web::Path<(String, String, String)>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let (slug, module_slug, lesson_slug) = path.into_inner();
    let slug_for_query = slug.clone();
    let user_for_query = user.clone();
    let (course, draft, content) = db::run(&pool, move |connection| {
        service::open(connection, &user_for_query, &slug_for_query)?.require_draft()
    })
    .await?;
    let module = content
        .modules
        .iter()
        .find(|module| module.slug == module_slug)
        .ok_or_else(|| {
            AppError::NotFound(format!("This draft has no module \"{module_slug}\"."))
        })?;
    let lesson = module
        .lessons
        .iter()
        .find(|lesson| lesson.slug == lesson_slug)
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "Module \"{module_slug}\" of this draft has no lesson \"{lesson_slug}\"."
            ))
        })?;
    let page = LessonPage {
        slug,
        module_slug: module.slug.clone(),
        module_title: module.title.clone(),
        lesson_slug: lesson.slug.clone(),
        title: lesson.title.clone(),
        minutes: lesson.minutes.to_string(),
        required: lesson.required,
        preview_html: Some(render_markdown(&lesson.body_markdown)),
        body_markdown: lesson.body_markdown.clone(),
        lock_version: draft.lock_version,
        editable: service::may_edit(&user, &course) && draft.status == "draft",
        language: content.language.clone(),
        error: None,
        notice_id: None,
        attachments: attachment_lines(
            &course.slug,
            &module.slug,
            &lesson.slug,
            &lesson.attachments,
        ),
        csrf_token: auth::csrf_token(&viewer.session)?,
    };
    let title = title_with(
        &templates,
        viewer.locale,
        "author-title-editing-lesson",
        "title",
        &page.title,
    )?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/author_lesson",
        PageTitle::Content(&title),
        &page,
    )
}

/// The lesson editor's form: preview or save.
#[derive(Deserialize)]
pub struct LessonForm {
    #[serde(flatten)]
    lesson: LessonInput,
    #[serde(default)]
    action: String,
}

/// Previews (renders without saving) or saves a lesson. A refused save —
/// stale or invalid — shows the editor again with the text as typed.
#[post("/author/courses/{slug}/modules/{module}/lessons/{lesson}")]
pub async fn save_lesson(
    current: CurrentUser,
    path: web::Path<(String, String, String)>,
    form: CsrfForm<EditForm<LessonForm>>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let (slug, module_slug, lesson_slug) = path.into_inner();
    let EditForm {
        lock_version,
        fields,
        ..
    } = form.0;
    let CurrentUser(user, viewer) = current;
    let input = fields.lesson.clone();
    let (context_user, context_slug) = (user.clone(), slug.clone());
    let (course, draft, content) = db::run(&pool, move |connection| {
        service::open(connection, &context_user, &context_slug)?.require_draft()
    })
    .await?;
    let editable = service::may_edit(&user, &course) && draft.status == "draft";
    let language = content.language.clone();
    let module = content
        .modules
        .iter()
        .find(|module| module.slug == module_slug);
    let module_title = module
        .map(|module| module.title.clone())
        .unwrap_or_default();
    let attachments = module
        .and_then(|module| {
            module
                .lessons
                .iter()
                .find(|lesson| lesson.slug == lesson_slug)
        })
        .map(|lesson| attachment_lines(&slug, &module_slug, &lesson_slug, &lesson.attachments))
        .unwrap_or_default();
    let page = |error: Option<String>,
                notice_id: Option<&'static str>,
                lock_version: i32|
     -> Result<LessonPage, AppError> {
        Ok(LessonPage {
            slug: slug.clone(),
            module_slug: module_slug.clone(),
            module_title: module_title.clone(),
            lesson_slug: lesson_slug.clone(),
            title: input.title.clone(),
            minutes: input.minutes.clone(),
            required: input.required.is_some(),
            preview_html: Some(render_markdown(&input.body_markdown)),
            body_markdown: input.body_markdown.clone(),
            lock_version,
            editable,
            language: language.clone(),
            error,
            notice_id,
            attachments: attachments.clone(),
            csrf_token: auth::csrf_token(&viewer.session)?,
        })
    };
    if fields.action == "preview" {
        let preview = page(None, Some("author-lesson-preview-only"), lock_version)?;
        return templates.page(
            &viewer.shell(),
            StatusCode::OK,
            "pages/author_lesson",
            PageTitle::Message("title-lesson-preview"),
            &preview,
        );
    }
    let (module_for_edit, lesson_for_edit) = (module_slug.clone(), lesson_slug.clone());
    let lesson = fields.lesson;
    let saved = apply(
        &pool,
        user,
        slug.clone(),
        lock_version,
        "lesson_saved",
        move |course| {
            draft::set_lesson(course, &module_for_edit, &lesson_for_edit, &lesson)?;
            Ok(json!({ "module": module_for_edit, "lesson": lesson_for_edit }))
        },
    )
    .await;
    match saved {
        Ok(_) => Ok(see_other(&format!(
            "{}/modules/{module_slug}/lessons/{lesson_slug}",
            editor_path(&slug)
        ))),
        Err(AppError::Conflict(message)) => {
            let again = page(Some(message), Some("author-lesson-text-kept"), lock_version)?;
            templates.page(
                &viewer.shell(),
                StatusCode::CONFLICT,
                "pages/author_lesson",
                PageTitle::Message("title-not-saved"),
                &again,
            )
        }
        Err(AppError::BadRequest(message)) => {
            let again = page(Some(message), None, lock_version)?;
            templates.page(
                &viewer.shell(),
                StatusCode::BAD_REQUEST,
                "pages/author_lesson",
                PageTitle::Message("title-not-saved"),
                &again,
            )
        }
        Err(other) => Err(other),
    }
}

/// Moves a lesson up or down within its module.
#[post("/author/courses/{slug}/modules/{module}/lessons/{lesson}/move")]
pub async fn move_lesson(
    current: CurrentUser,
    path: web::Path<(String, String, String)>,
    form: CsrfForm<EditForm<MoveInput>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module, lesson) = path.into_inner();
    let back = editor_path(&slug);
    let step = step_of(&form.0.fields.direction)?;
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "lesson_moved",
        back,
        move |course| {
            draft::move_lesson(course, &module, &lesson, step)?;
            Ok(json!({ "module": module, "lesson": lesson, "step": step }))
        },
    )
    .await
}

/// Deletes a lesson from the draft.
#[post("/author/courses/{slug}/modules/{module}/lessons/{lesson}/delete")]
pub async fn delete_lesson(
    current: CurrentUser,
    path: web::Path<(String, String, String)>,
    form: CsrfForm<EditForm<NoFields>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module, lesson) = path.into_inner();
    let back = editor_path(&slug);
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "lesson_deleted",
        back,
        move |course| {
            draft::delete_lesson(course, &module, &lesson)?;
            Ok(json!({ "module": module, "lesson": lesson }))
        },
    )
    .await
}

#[derive(Serialize)]
struct QuizPage {
    slug: String,
    module_slug: String,
    module_title: String,
    gift: String,
    settings: serde_json::Value,
    lock_version: i32,
    editable: bool,
    csrf_token: String,
}

/// The question-bank editor of a module (GIFT).
#[get("/author/courses/{slug}/modules/{module}/quiz")]
pub async fn quiz_page(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let (slug, module_slug) = path.into_inner();
    let slug_for_query = slug.clone();
    let user_for_query = user.clone();
    let (course, draft, content) = db::run(&pool, move |connection| {
        service::open(connection, &user_for_query, &slug_for_query)?.require_draft()
    })
    .await?;
    let module = content
        .modules
        .iter()
        .find(|module| module.slug == module_slug)
        .ok_or_else(|| {
            AppError::NotFound(format!("This draft has no module \"{module_slug}\"."))
        })?;
    let page = QuizPage {
        slug,
        module_slug: module.slug.clone(),
        module_title: module.title.clone(),
        gift: module.quiz_gift.clone().unwrap_or_default(),
        settings: json!(module.assessment),
        lock_version: draft.lock_version,
        editable: service::may_edit(&user, &course) && draft.status == "draft",
        csrf_token: auth::csrf_token(&viewer.session)?,
    };
    let title = title_with(
        &templates,
        viewer.locale,
        "author-title-assessment",
        "module",
        &page.module_title,
    )?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/author_quiz",
        PageTitle::Content(&title),
        &page,
    )
}

/// Saves (or, with an empty bank, removes) a module's assessment.
#[post("/author/courses/{slug}/modules/{module}/quiz")]
pub async fn save_quiz(
    current: CurrentUser,
    path: web::Path<(String, String)>,
    form: CsrfForm<EditForm<QuizInput>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module) = path.into_inner();
    let back = format!("{}/modules/{module}/quiz", editor_path(&slug));
    let fields = form.0.fields.clone();
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "quiz_saved",
        back,
        move |course| {
            let questions = draft::set_quiz(course, &module, &fields)?;
            Ok(json!({ "module": module, "questions": questions }))
        },
    )
    .await
}

/// Sends the draft to review.
#[post("/author/courses/{slug}/submit")]
pub async fn submit(
    current: CurrentUser,
    slug: web::Path<String>,
    form: CsrfForm<EditForm<NoFields>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let slug = slug.into_inner();
    let target = editor_path(&slug);
    let lock_version = form.0.lock_version;
    db::run(&pool, move |connection| {
        service::submit(connection, &user, &slug, lock_version)
    })
    .await?;
    Ok(see_other(&target))
}

/// A reviewer's form: the lock version reviewed (a note is needed to send back).
#[derive(Deserialize)]
pub struct ReviewForm {
    csrf_token: String,
    lock_version: i32,
    #[serde(default)]
    note: String,
}

impl CsrfProtected for ReviewForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// Approves the draft in review and publishes it.
#[post("/author/courses/{slug}/approve")]
pub async fn approve(
    current: CurrentUser,
    slug: web::Path<String>,
    form: CsrfForm<ReviewForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let slug = slug.into_inner();
    let target = format!("/author/courses/{slug}/history");
    let lock_version = form.0.lock_version;
    db::run(&pool, move |connection| {
        service::approve(connection, &user, &slug, lock_version)
    })
    .await?;
    Ok(see_other(&target))
}

/// Sends the draft in review back to its authors with a note.
#[post("/author/courses/{slug}/reject")]
pub async fn reject(
    current: CurrentUser,
    slug: web::Path<String>,
    form: CsrfForm<ReviewForm>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let slug = slug.into_inner();
    let target = editor_path(&slug);
    let ReviewForm {
        note, lock_version, ..
    } = form.0;
    db::run(&pool, move |connection| {
        service::reject(connection, &user, &slug, lock_version, &note)
    })
    .await?;
    Ok(see_other(&target))
}

#[derive(Serialize)]
struct HistoryEntry {
    version_number: i32,
    /// The number as written (no digit grouping: it names the version).
    version: String,
    published_at: Option<chrono::DateTime<chrono::Utc>>,
    publisher: Option<String>,
    change_note: Option<String>,
    requires_retraining: bool,
    from_files: bool,
    changes: Vec<ChangeLine>,
}

/// One change as the history shows it: worded in the reader's language,
/// with the changed lines of the course's text as they are.
#[derive(Serialize)]
struct ChangeLine {
    summary: String,
    lines: Vec<diff::DiffLine>,
}

/// A change's description in the reader's language.
fn worded(
    templates: &Templates,
    locale: Locale,
    phrase: &diff::Phrase,
) -> Result<String, AppError> {
    Ok(match phrase {
        diff::Phrase::Text(text) => text.clone(),
        diff::Phrase::Number(number) => format::number(locale, *number, 0),
        diff::Phrase::Words(words) => words
            .iter()
            .map(|word| worded(templates, locale, word))
            .collect::<Result<Vec<_>, _>>()?
            .join(" "),
        diff::Phrase::Message { id, args } => {
            let mut fluent = FluentArgs::new();
            for (name, value) in args {
                match value {
                    diff::Phrase::Number(number) => fluent.set(name.clone(), *number),
                    other => fluent.set(name.clone(), worded(templates, locale, other)?),
                }
            }
            templates.message(locale, id, Some(&fluent))?
        }
    })
}

#[derive(Serialize)]
struct HistoryPage {
    slug: String,
    entries: Vec<HistoryEntry>,
}

/// Every published version: who published it, when, why, and what changed.
#[get("/author/courses/{slug}/history")]
pub async fn history(
    current: CurrentUser,
    slug: web::Path<String>,
    pool: web::Data<DbPool>,
    templates: web::Data<Templates>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let slug = slug.into_inner();
    let slug_for_query = slug.clone();
    let entries = db::run(&pool, move |connection| {
        service::history(connection, &user, &slug_for_query)
    })
    .await?;
    let locale = viewer.locale;
    let entries = entries
        .into_iter()
        .map(|(line, changes)| {
            Ok(HistoryEntry {
                version_number: line.version_number,
                version: line.version_number.to_string(),
                published_at: line.published_at,
                publisher: line.publisher,
                change_note: line.change_note,
                requires_retraining: line.requires_retraining,
                from_files: line.source_path.is_some(),
                changes: changes
                    .into_iter()
                    .map(|change| {
                        Ok(ChangeLine {
                            summary: worded(&templates, locale, &change.description())?,
                            lines: change.lines,
                        })
                    })
                    .collect::<Result<_, AppError>>()?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let title = title_with(&templates, locale, "author-title-history", "slug", &slug)?;
    templates.page(
        &viewer.shell(),
        StatusCode::OK,
        "pages/author_history",
        PageTitle::Content(&title),
        &HistoryPage { slug, entries },
    )
}

/// The attachment upload form.
#[derive(actix_multipart::form::MultipartForm)]
pub struct AttachmentUpload {
    csrf_token: actix_multipart::form::text::Text<String>,
    lock_version: actix_multipart::form::text::Text<i32>,
    file: actix_multipart::form::bytes::Bytes,
}

/// Attaches a PDF or an image to a lesson of the draft.
#[post("/author/courses/{slug}/modules/{module}/lessons/{lesson}/attachments")]
pub async fn upload_attachment(
    current: CurrentUser,
    path: web::Path<(String, String, String)>,
    form: actix_multipart::form::MultipartForm<AttachmentUpload>,
    pool: web::Data<DbPool>,
    store: web::Data<AttachmentStore>,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user, viewer) = current;
    let form = form.into_inner();
    auth::verify_csrf(&viewer.session, &form.csrf_token)?;
    let (slug, module, lesson) = path.into_inner();
    let sent_name = form.file.file_name.clone().unwrap_or_default();
    let bytes = form.file.data;
    let lock_version = *form.lock_version;
    let (checked_user, checked_slug) = (user.clone(), slug.clone());
    db::run(&pool, move |connection| {
        service::check_editable(connection, &checked_user, &checked_slug, lock_version)
    })
    .await?;
    let attachment = attachments::describe(&sent_name, &bytes).map_err(attachment_error)?;
    let to_store = attachment.clone();
    let store = store.into_inner();
    web::block(move || store.put(&to_store, &bytes))
        .await
        .map_err(AppError::internal)?
        .map_err(attachment_error)?;
    let back = format!("{}/modules/{module}/lessons/{lesson}", editor_path(&slug));
    apply(&pool, user, slug, lock_version, "attachment_added", move |course| {
        let details = json!({ "module": module, "lesson": lesson, "file": attachment.file_name, "sha256": attachment.sha256 });
        draft::attach(course, &module, &lesson, attachment)?;
        Ok(details)
    })
    .await?;
    Ok(see_other(&back))
}

fn attachment_error(error: attachments::AttachmentError) -> AppError {
    match error {
        attachments::AttachmentError::Refused(message) => AppError::BadRequest(message),
        attachments::AttachmentError::Io(error) => AppError::internal(error),
    }
}

/// Removes an attachment from a lesson of the draft.
#[post("/author/courses/{slug}/modules/{module}/lessons/{lesson}/attachments/{file}/delete")]
pub async fn delete_attachment(
    current: CurrentUser,
    path: web::Path<(String, String, String, String)>,
    form: CsrfForm<EditForm<NoFields>>,
    pool: web::Data<DbPool>,
) -> Result<HttpResponse, AppError> {
    let (slug, module, lesson, file) = path.into_inner();
    let back = format!("{}/modules/{module}/lessons/{lesson}", editor_path(&slug));
    edit_then(
        &pool,
        current.0,
        slug,
        form.0,
        "attachment_removed",
        back,
        move |course| {
            draft::detach(course, &module, &lesson, &file)?;
            Ok(json!({ "module": module, "lesson": lesson, "file": file }))
        },
    )
    .await
}

/// An attachment of a draft lesson, for its editors and reviewers.
#[get("/author/courses/{slug}/modules/{module}/lessons/{lesson}/files/{file}")]
pub async fn draft_attachment(
    current: CurrentUser,
    path: web::Path<(String, String, String, String)>,
    pool: web::Data<DbPool>,
    store: web::Data<AttachmentStore>,
) -> Result<HttpResponse, AppError> {
    let user = current.0;
    let (slug, module, lesson, file) = path.into_inner();
    let (_, _, content) = db::run(&pool, move |connection| {
        service::open(connection, &user, &slug)?.require_draft()
    })
    .await?;
    let attachment = content
        .modules
        .iter()
        .find(|candidate| candidate.slug == module)
        .and_then(|module| {
            module
                .lessons
                .iter()
                .find(|candidate| candidate.slug == lesson)
        })
        .and_then(|lesson| {
            lesson
                .attachments
                .iter()
                .find(|candidate| candidate.file_name == file)
        })
        .cloned()
        .ok_or_else(|| {
            AppError::NotFound("This lesson of the draft has no such attachment.".to_owned())
        })?;
    attachments::respond(store.into_inner(), attachment).await
}
