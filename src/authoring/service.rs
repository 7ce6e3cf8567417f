//! Authoring rules: who may edit and review which course, the draft
//! workflow (draft → in review → published, or back to draft with a
//! reviewer's note), optimistic locking of saves, and publishing through
//! the same code as the file import. Courses managed from `courses/` are
//! read-only here (the file sync, in turn, refuses web-authored slugs).
//! Every save, submit, rejection and publication is audited.

use diesel::{Connection, PgConnection};
use serde_json::json;

use super::diff::{self, ChangeItem};
use super::draft::{self, Invalid};
use super::queries::{self, AuthoredCourse, Draft};
use crate::audit::{self, Actor, Change};
use crate::course_files::load::CourseSource;
use crate::course_files::sync::{self, SyncError};
use crate::db::DbError;
use crate::identity::models::{Role, SessionUser};
use crate::ids::CourseVersionId;

/// Why an authoring request failed; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum AuthoringError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Invalid(String),
    /// Someone saved the draft after the editor was opened.
    #[error("{message}")]
    Stale { message: String },
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for AuthoringError {
    fn from(error: diesel::result::Error) -> Self {
        AuthoringError::Db(DbError::Query(error))
    }
}

impl From<Invalid> for AuthoringError {
    fn from(error: Invalid) -> Self {
        AuthoringError::Invalid(error.0)
    }
}

impl From<SyncError> for AuthoringError {
    fn from(error: SyncError) -> Self {
        match error {
            SyncError::Problems(problems) => AuthoringError::Invalid(problems.to_string()),
            SyncError::Db(error) => AuthoringError::Db(error),
        }
    }
}

fn serialise(course: &CourseSource) -> Result<serde_json::Value, AuthoringError> {
    serde_json::to_value(course)
        .map_err(|error| AuthoringError::Db(DbError::Task(error.to_string())))
}

/// A draft's content.
pub fn content_of(draft: &Draft) -> Result<CourseSource, AuthoringError> {
    serde_json::from_value(draft.content.clone()).map_err(|error| {
        AuthoringError::Db(DbError::Task(format!(
            "draft {} is unreadable: {error}",
            draft.id
        )))
    })
}

/// Instructors of the owning CoE, instructors assigned to the course, and
/// network admins edit a course.
pub fn may_edit(user: &SessionUser, course: &AuthoredCourse) -> bool {
    user.instructs(course.id, course.coe_id)
}

/// Instructors and coordinators of the owning CoE (and network admins)
/// review; never the person who submitted the draft.
pub fn may_review(user: &SessionUser, course: &AuthoredCourse, draft: &Draft) -> bool {
    (user.has_coe_role(Role::Instructor, course.coe_id)
        || user.has_coe_role(Role::Coordinator, course.coe_id))
        && !wrote(user, draft)
}

/// Whether `user` saved or submitted the draft (and so may not approve it).
fn wrote(user: &SessionUser, draft: &Draft) -> bool {
    draft.submitted_by == Some(user.id) || draft.editors.contains(&user.id.0)
}

/// Whether `user` may look at the course's drafts: its editors, and the
/// owning CoE's coordinators (who review).
fn may_read(user: &SessionUser, course: &AuthoredCourse) -> bool {
    may_edit(user, course) || user.has_coe_role(Role::Coordinator, course.coe_id)
}

fn course(connection: &mut PgConnection, slug: &str) -> Result<AuthoredCourse, AuthoringError> {
    queries::course_by_slug(connection, slug)?
        .ok_or_else(|| AuthoringError::NotFound(format!("There is no course \"{slug}\".")))
}

fn editable_course(
    connection: &mut PgConnection,
    user: &SessionUser,
    slug: &str,
) -> Result<AuthoredCourse, AuthoringError> {
    let course = course(connection, slug)?;
    if !may_edit(user, &course) {
        return Err(AuthoringError::Forbidden(
            "Only instructors of the CoE that owns this course (or assigned to it) can edit it."
                .to_owned(),
        ));
    }
    if course.source == "files" {
        return Err(AuthoringError::Forbidden(format!(
            "\"{slug}\" is managed from the course files (courses/{slug}/): change it there, and the import publishes the new version. The web editor never edits file-managed courses, so the two cannot overwrite each other."
        )));
    }
    Ok(course)
}

/// What the editor shows: the open draft, or (when there is none) the
/// current published version, read-only.
pub struct EditorView {
    pub course: AuthoredCourse,
    pub draft: Option<Draft>,
    pub content: CourseSource,
}

impl EditorView {
    /// The open draft, or a "start a new version first" error.
    pub fn require_draft(self) -> Result<(AuthoredCourse, Draft, CourseSource), AuthoringError> {
        match self.draft {
            Some(draft) => Ok((self.course, draft, self.content)),
            None => Err(AuthoringError::NotFound(
                "This course has no draft. Start a new version from its editing page first."
                    .to_owned(),
            )),
        }
    }
}

/// What the editor shows of a web-authored course; nothing is written.
pub fn open(
    connection: &mut PgConnection,
    user: &SessionUser,
    slug: &str,
) -> Result<EditorView, AuthoringError> {
    connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            let course = course(connection, slug)?;
            if course.source == "files" {
                editable_course(connection, user, slug)?;
            }
            if !may_read(user, &course) {
                return Err(AuthoringError::Forbidden(
                    "Only instructors of the CoE that owns this course (or assigned to it) and its coordinators can open its drafts.".to_owned(),
                ));
            }
            if let Some(draft) = queries::open_draft(connection, course.id)? {
                let content = content_of(&draft)?;
                return Ok(EditorView { course, draft: Some(draft), content });
            }
            let base = course.current_version_id.ok_or_else(|| {
                AuthoringError::NotFound(format!("\"{slug}\" has neither a published version nor a draft."))
            })?;
            let content = queries::source_of_version(connection, base)?;
            Ok(EditorView { course, draft: None, content })
        })
}

/// Starts the next version's draft from the current published version.
pub fn start_draft(
    connection: &mut PgConnection,
    user: &SessionUser,
    slug: &str,
) -> Result<(), AuthoringError> {
    connection.transaction(|connection| {
        let course = editable_course(connection, user, slug)?;
        if queries::lock_open_draft(connection, course.id)?.is_some() {
            return Ok(());
        }
        let base = course.current_version_id.ok_or_else(|| {
            AuthoringError::NotFound(format!(
                "\"{slug}\" has no published version to start from."
            ))
        })?;
        let content = CourseSource {
            requires_retraining: false,
            change_note: None,
            ..queries::source_of_version(connection, base)?
        };
        if let Some(draft) = queries::insert_draft(
            connection,
            course.id,
            Some(base),
            &serialise(&content)?,
            user.id,
        )? {
            audit::record(
                connection,
                Change::new(Actor::User(user.id), "draft.started", "course", course.id)
                    .new_value(json!({ "draft_id": draft.id, "base_version_id": base })),
            )?;
        }
        Ok(())
    })
}

/// Refuses early (before an upload is stored) what `edit` would refuse.
pub fn check_editable(
    connection: &mut PgConnection,
    user: &SessionUser,
    slug: &str,
    lock_version: i32,
) -> Result<(), AuthoringError> {
    let course = editable_course(connection, user, slug)?;
    let draft = queries::open_draft(connection, course.id)?
        .ok_or_else(|| AuthoringError::NotFound("This course has no open draft.".to_owned()))?;
    if draft.status != "draft" {
        return Err(AuthoringError::Conflict(
            "This draft is in review and cannot be edited.".to_owned(),
        ));
    }
    if draft.lock_version != lock_version {
        return Err(AuthoringError::Stale {
            message: "The draft changed after you opened it; nothing was saved. Reload the page and try again.".to_owned(),
        });
    }
    Ok(())
}

/// What a new course starts with.
pub struct NewCourse<'a> {
    pub coe_slug: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
}

/// Creates a web-authored course with an empty draft (instructors of the CoE).
pub fn create_course(
    connection: &mut PgConnection,
    user: &SessionUser,
    input: &NewCourse<'_>,
    is_file_course: impl Fn(&str) -> bool,
) -> Result<String, AuthoringError> {
    let title = input.title.trim();
    let slug = if input.slug.trim().is_empty() {
        draft::slug_from(title)
    } else {
        input.slug.trim().to_owned()
    };
    if !crate::course_files::format::is_slug(&slug) {
        return Err(AuthoringError::Invalid(format!(
            "\"{slug}\" is not a usable address: use 3 to 64 lower-case letters and digits in words joined by single hyphens."
        )));
    }
    connection.transaction(|connection| {
        let coe_id = crate::network::queries::coe_by_slug(connection, input.coe_slug)?
            .map(|coe| coe.id)
            .ok_or_else(|| {
                AuthoringError::NotFound(format!("There is no CoE \"{}\".", input.coe_slug))
            })?;
        if !user.has_coe_role(Role::Instructor, coe_id) {
            return Err(AuthoringError::Forbidden(
                "Only instructors of a CoE can create its courses.".to_owned(),
            ));
        }
        if queries::course_by_slug(connection, &slug)?.is_some() || is_file_course(&slug) {
            return Err(AuthoringError::Conflict(format!(
                "A course \"{slug}\" already exists; choose another address."
            )));
        }
        let mut content: CourseSource = serde_json::from_value(json!({
            "slug": slug, "coe": input.coe_slug, "title": "Untitled", "summary": "Summary",
            "description_markdown": "", "audience": "scientists", "level": "introductory",
            "language": "en", "credits": null, "credit_type": null, "tags": [],
            "prerequisites": [], "certificate": false, "certificate_validity_months": null,
            "enrolment": "open", "enrolment_opens_at": null, "enrolment_closes_at": null,
            "modules": []
        }))
        .map_err(|error| AuthoringError::Db(DbError::Task(error.to_string())))?;
        content.title = title.to_owned();
        content.summary = input.summary.trim().to_owned();
        content.description_markdown = content.summary.clone();
        if content.title.is_empty() || content.title.chars().count() > 300 {
            return Err(AuthoringError::Invalid(
                "Give the course a title (at most 300 characters).".to_owned(),
            ));
        }
        if content.summary.is_empty() || content.summary.chars().count() > 1000 {
            return Err(AuthoringError::Invalid(
                "Give the course a summary (at most 1,000 characters).".to_owned(),
            ));
        }
        let course_id =
            crate::catalog::publishing::insert_course(connection, &slug, coe_id, "web")?;
        queries::insert_draft(connection, course_id, None, &serialise(&content)?, user.id)?;
        audit::record(
            connection,
            Change::new(Actor::User(user.id), "course.created", "course", course_id)
                .new_value(json!({ "slug": slug, "coe": input.coe_slug, "source": "web" })),
        )?;
        Ok(slug)
    })
}

/// Applies `edit` to the draft of `slug` if nobody saved it since
/// `lock_version`; returns the new lock version. A stale save changes nothing.
pub fn edit(
    connection: &mut PgConnection,
    user: &SessionUser,
    slug: &str,
    lock_version: i32,
    what: &'static str,
    edit: impl FnOnce(&mut CourseSource) -> Result<serde_json::Value, Invalid>,
) -> Result<i32, AuthoringError> {
    connection.transaction(|connection| {
        let course = editable_course(connection, user, slug)?;
        let draft = queries::lock_open_draft(connection, course.id)?.ok_or_else(|| {
            AuthoringError::NotFound("This course has no open draft; open the editor to start one.".to_owned())
        })?;
        if draft.status != "draft" {
            return Err(AuthoringError::Conflict(
                "This draft is in review and cannot be edited. A reviewer can send it back to draft.".to_owned(),
            ));
        }
        if draft.lock_version != lock_version {
            let by = queries::name_of(connection, draft.updated_by)?;
            return Err(AuthoringError::Stale {
                message: format!(
                    "{by} saved this draft at {} UTC, after you opened it, so your change was not saved. Reload the editor and apply it again.",
                    draft.updated_at.format("%H:%M:%S")
                ),
            });
        }
        let mut content = content_of(&draft)?;
        let details = edit(&mut content)?;
        let new_lock = queries::save_content(connection, draft.id, lock_version, &serialise(&content)?, user.id)?
            .ok_or_else(|| AuthoringError::Stale {
                message: "Someone saved this draft at the same moment. Your change was not saved; reload and apply it again.".to_owned(),
            })?;
        queries::add_editor(connection, draft.id, user.id)?;
        audit::record(
            connection,
            Change::new(Actor::User(user.id), "draft.saved", "course", course.id)
                .new_value(json!({ "draft_id": draft.id, "edit": what, "details": details, "lock_version": new_lock })),
        )?;
        Ok(new_lock)
    })
}

/// Sends the draft to review (it can no longer be edited until sent back).
pub fn submit(
    connection: &mut PgConnection,
    user: &SessionUser,
    slug: &str,
    lock_version: i32,
) -> Result<(), AuthoringError> {
    connection.transaction(|connection| {
        let course = editable_course(connection, user, slug)?;
        let draft = queries::lock_open_draft(connection, course.id)?
            .ok_or_else(|| AuthoringError::NotFound("This course has no open draft.".to_owned()))?;
        if draft.status != "draft" {
            return Err(AuthoringError::Conflict("This draft is already in review.".to_owned()));
        }
        if draft.lock_version != lock_version {
            return Err(AuthoringError::Stale {
                message: "The draft changed after you opened it; reload the editor, check the changes and submit again.".to_owned(),
            });
        }
        let content = content_of(&draft)?;
        draft::ready_for_review(&content, draft.base_version_id.is_some())?;
        queries::mark_submitted(connection, draft.id, user.id)?;
        queries::add_editor(connection, draft.id, user.id)?;
        audit::record(
            connection,
            Change::new(Actor::User(user.id), "draft.submitted", "course", course.id)
                .new_value(json!({ "draft_id": draft.id })),
        )?;
        Ok(())
    })
}

fn draft_in_review(
    connection: &mut PgConnection,
    reviewer: &SessionUser,
    slug: &str,
    lock_version: i32,
) -> Result<(AuthoredCourse, Draft), AuthoringError> {
    let course = course(connection, slug)?;
    let draft = queries::lock_open_draft(connection, course.id)?
        .filter(|draft| draft.status == "in_review")
        .ok_or_else(|| {
            AuthoringError::NotFound("This course has no draft waiting for review.".to_owned())
        })?;
    if wrote(reviewer, &draft) {
        return Err(AuthoringError::Forbidden(
            "You wrote or submitted this draft, so someone else must review it: another instructor or a coordinator of the CoE.".to_owned(),
        ));
    }
    if draft.lock_version != lock_version {
        return Err(AuthoringError::Stale {
            message: "The draft changed after you opened it (it was sent back and submitted again); nothing was decided. Reload it and review the current text.".to_owned(),
        });
    }
    if !may_review(reviewer, &course, &draft) {
        return Err(AuthoringError::Forbidden(
            "Only instructors and coordinators of the CoE that owns this course review its drafts."
                .to_owned(),
        ));
    }
    Ok((course, draft))
}

/// Sends a draft in review back to its authors with a note.
pub fn reject(
    connection: &mut PgConnection,
    reviewer: &SessionUser,
    slug: &str,
    lock_version: i32,
    note: &str,
) -> Result<(), AuthoringError> {
    let note = note.trim();
    if note.is_empty() || note.chars().count() > 4000 {
        return Err(AuthoringError::Invalid(
            "Say what must change (1 to 4,000 characters): the authors see it in the editor."
                .to_owned(),
        ));
    }
    connection.transaction(|connection| {
        let (course, draft) = draft_in_review(connection, reviewer, slug, lock_version)?;
        queries::mark_rejected(connection, draft.id, reviewer.id, note)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(reviewer.id),
                "draft.rejected",
                "course",
                course.id,
            )
            .new_value(json!({ "draft_id": draft.id }))
            .reason(note),
        )?;
        Ok(())
    })
}

/// Approves a draft in review and publishes it as the course's next
/// immutable version (learners already enrolled keep theirs).
pub fn approve(
    connection: &mut PgConnection,
    reviewer: &SessionUser,
    slug: &str,
    lock_version: i32,
) -> Result<i32, AuthoringError> {
    connection.transaction(|connection| {
        let (course, draft) = draft_in_review(connection, reviewer, slug, lock_version)?;
        let content = content_of(&draft)?;
        for prerequisite in &content.prerequisites {
            if queries::course_by_slug(connection, prerequisite)?.is_none() {
                return Err(AuthoringError::Invalid(format!(
                    "The prerequisite course \"{prerequisite}\" no longer exists; send the draft back so that it can be removed."
                )));
            }
        }
        let (number, version_id): (i32, CourseVersionId) =
            sync::publish_authored(connection, course.id, &content, Actor::User(reviewer.id))?;
        queries::mark_published(connection, draft.id, reviewer.id, version_id)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(reviewer.id),
                "draft.approved",
                "course",
                course.id,
            )
            .new_value(json!({
                "draft_id": draft.id, "version": number, "version_id": version_id,
                "submitted_by": draft.submitted_by,
            })),
        )?;
        Ok(number)
    })
}

/// The newest published versions of a course (at most 50), each with what
/// changed from the version before it. For the course's editors and the
/// owning CoE's coordinators and auditors.
pub fn history(
    connection: &mut PgConnection,
    user: &SessionUser,
    slug: &str,
) -> Result<Vec<(queries::VersionLine, Vec<ChangeItem>)>, AuthoringError> {
    connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            let course = course(connection, slug)?;
            if !(may_edit(user, &course)
                || user.has_coe_role(Role::Coordinator, course.coe_id)
                || user.has_coe_role(Role::Auditor, course.coe_id))
            {
                return Err(AuthoringError::Forbidden(
                    "The version history is open to the course's instructors and to the CoE's coordinators and auditors.".to_owned(),
                ));
            }
            let lines = queries::versions_of(connection, course.id)?;
            let mut sources = Vec::new();
            for line in lines.iter().take(51) {
                sources.push(queries::source_of_version(connection, line.id)?);
            }
            Ok(lines
                .into_iter()
                .take(50)
                .enumerate()
                .map(|(index, line)| {
                    let changes = match (sources.get(index + 1), sources.get(index)) {
                        (Some(older), Some(newer)) => diff::changes(older, newer),
                        _ => vec![ChangeItem {
                            summary: "First version".to_owned(),
                            lines: Vec::new(),
                        }],
                    };
                    (line, changes)
                })
                .collect())
        })
}

/// A published version (the current one unless `version` is given) in the
/// course-folder shape, for export.
pub fn published_source(
    connection: &mut PgConnection,
    slug: &str,
    version: Option<i32>,
) -> Result<CourseSource, AuthoringError> {
    let course = course(connection, slug)?;
    let line = queries::versions_of(connection, course.id)?
        .into_iter()
        .find(|line| version.is_none_or(|number| number == line.version_number))
        .ok_or_else(|| {
            AuthoringError::NotFound(match version {
                Some(number) => format!("\"{slug}\" has no published version {number}."),
                None => format!("\"{slug}\" has no published version."),
            })
        })?;
    Ok(queries::source_of_version(connection, line.id)?)
}
