//! Writes a validated `CourseTree` to the database in one transaction:
//! CoEs and institutions are inserted or updated; each course whose content
//! hash changed gets a new published version (earlier versions are never
//! touched); courses whose folder disappeared are archived. Running it twice
//! writes nothing the second time. Every change goes to the audit trail.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use diesel::{Connection, PgConnection, RunQueryDsl};
use indicatif::ProgressBar;
use serde::Serialize;
use serde_json::json;

use super::load::{CourseSource, CourseTree, FileProblem, InstitutionSource, Problems};
use crate::audit::{self, Actor, Change};
use crate::catalog::publishing::{self, CourseState, NewLesson, NewModule, NewVersion};
use crate::catalog::queries as catalog_queries;
use crate::certificates::service as certificates;
use crate::db::DbError;
use crate::ids::{CoeId, CourseId, CourseVersionId, LessonId, ModuleId};
use crate::markdown::render_markdown;
use crate::network::queries as network_queries;
use crate::network::{CoeFields, FacilityFields, InstitutionFields};

/// A lock key that serialises concurrent syncs (two instances starting at once).
const SYNC_LOCK_KEY: i64 = 0x41_544D_5000_0001;

/// Why a sync wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The files are invalid, or conflict with what the database holds.
    #[error("{0}")]
    Problems(Problems),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for SyncError {
    fn from(error: diesel::result::Error) -> Self {
        SyncError::Db(DbError::Query(error))
    }
}

/// What a sync changed.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct SyncReport {
    pub coes_created: Vec<String>,
    pub coes_updated: Vec<String>,
    pub coes_not_in_files: Vec<String>,
    pub institutions_created: Vec<String>,
    pub institutions_updated: Vec<String>,
    pub courses_created: Vec<String>,
    /// (course slug, new version number)
    pub versions_published: Vec<(String, i32)>,
    pub courses_archived: Vec<String>,
    pub courses_restored: Vec<String>,
    pub courses_unchanged: usize,
    /// Programmes created or changed.
    pub programmes: Vec<String>,
}

impl SyncReport {
    /// Whether anything was written.
    pub fn wrote_anything(&self) -> bool {
        !(self.coes_created.is_empty()
            && self.coes_updated.is_empty()
            && self.institutions_created.is_empty()
            && self.institutions_updated.is_empty()
            && self.courses_created.is_empty()
            && self.versions_published.is_empty()
            && self.courses_archived.is_empty()
            && self.courses_restored.is_empty()
            && self.programmes.is_empty())
    }
}

impl fmt::Display for SyncReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.wrote_anything() {
            return write!(
                f,
                "nothing to import: {} courses unchanged",
                self.courses_unchanged
            );
        }
        let versions: Vec<String> = self
            .versions_published
            .iter()
            .map(|(slug, number)| format!("{slug} v{number}"))
            .collect();
        let parts = [
            ("CoEs created", self.coes_created.join(", ")),
            ("CoEs updated", self.coes_updated.join(", ")),
            (
                "institutions created",
                self.institutions_created.len().to_string(),
            ),
            ("institutions updated", self.institutions_updated.join(", ")),
            ("versions published", versions.join(", ")),
            ("courses archived", self.courses_archived.join(", ")),
            ("courses restored", self.courses_restored.join(", ")),
            ("courses unchanged", self.courses_unchanged.to_string()),
            ("programmes updated", self.programmes.join(", ")),
        ];
        let text: Vec<String> = parts
            .iter()
            .filter(|(_, value)| !value.is_empty() && value != "0")
            .map(|(label, value)| format!("{label}: {value}"))
            .collect();
        write!(f, "{}", text.join("; "))
    }
}

/// Syncs `tree` into the database, all or nothing.
pub fn sync_tree(
    connection: &mut PgConnection,
    tree: &CourseTree,
    progress: &ProgressBar,
) -> Result<SyncReport, SyncError> {
    progress.set_length(u64::try_from(tree.courses.len() + 1).unwrap_or(u64::MAX));
    connection.transaction(|connection| {
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({SYNC_LOCK_KEY})"))
            .execute(connection)?;
        let mut report = SyncReport::default();
        progress.set_message("network");
        let coe_ids = sync_coes(connection, tree, &mut report)?;
        sync_institutions(connection, &tree.institutions, &coe_ids, &mut report)?;
        progress.inc(1);
        sync_courses(connection, tree, &coe_ids, progress, &mut report)?;
        report.programmes =
            crate::programmes::service::sync_programmes(connection, &tree.programmes, &coe_ids)?;
        Ok(report)
    })
}

/// Publishes a reviewed web draft as the next version of `course_id`, by
/// the same code as the file import (so an exported version imports to the
/// same content hash); holds the sync lock so version numbers never race.
pub fn publish_authored(
    connection: &mut PgConnection,
    course_id: CourseId,
    course: &CourseSource,
    publisher: Actor,
) -> Result<(i32, CourseVersionId), SyncError> {
    connection.transaction(|connection| {
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({SYNC_LOCK_KEY})"))
            .execute(connection)?;
        let course_ids: HashMap<String, CourseId> = publishing::course_states(connection)?
            .into_iter()
            .map(|state| (state.slug, state.id))
            .collect();
        let missing: Vec<&String> = course
            .prerequisites
            .iter()
            .filter(|slug| !course_ids.contains_key(*slug))
            .collect();
        if !missing.is_empty() {
            return Err(SyncError::Db(DbError::Task(format!(
                "prerequisite courses no longer exist: {missing:?}"
            ))));
        }
        publish_new_version(
            connection,
            course_id,
            course,
            &course.content_hash(),
            &course_ids,
            publisher,
        )
    })
}

fn sync_coes(
    connection: &mut PgConnection,
    tree: &CourseTree,
    report: &mut SyncReport,
) -> Result<HashMap<String, CoeId>, SyncError> {
    let existing: HashMap<String, crate::network::Coe> = network_queries::all_coes(connection)?
        .into_iter()
        .map(|coe| (coe.slug.clone(), coe))
        .collect();
    let facilities = network_queries::all_facilities(connection)?;
    let mut ids = HashMap::new();
    for source in &tree.coes {
        let slug = source.fields.slug.clone();
        let id = match existing.get(&slug) {
            None => {
                let id = network_queries::insert_coe(connection, &source.fields)?;
                network_queries::replace_facilities(connection, id, &source.facilities)?;
                audit::record(
                    connection,
                    Change::new(Actor::Import, "coe.created", "coe", id).new_value(
                        json!({ "coe": source.fields, "facilities": source.facilities }),
                    ),
                )?;
                report.coes_created.push(slug.clone());
                id
            }
            Some(coe) => {
                let stored_fields = CoeFields::from(coe);
                let stored_facilities: Vec<FacilityFields> = facilities
                    .iter()
                    .filter(|facility| facility.coe_id == coe.id)
                    .map(FacilityFields::from)
                    .collect();
                let mut changed = false;
                if stored_fields != source.fields {
                    network_queries::update_coe(connection, coe.id, &source.fields)?;
                    audit::record(
                        connection,
                        Change::new(Actor::Import, "coe.updated", "coe", coe.id)
                            .old(json!(stored_fields))
                            .new_value(json!(source.fields)),
                    )?;
                    changed = true;
                }
                if stored_facilities != source.facilities {
                    network_queries::replace_facilities(connection, coe.id, &source.facilities)?;
                    audit::record(
                        connection,
                        Change::new(Actor::Import, "coe.facilities_updated", "coe", coe.id)
                            .old(json!(stored_facilities))
                            .new_value(json!(source.facilities)),
                    )?;
                    changed = true;
                }
                if changed {
                    report.coes_updated.push(slug.clone());
                }
                coe.id
            }
        };
        ids.insert(slug, id);
    }
    report.coes_not_in_files = existing
        .keys()
        .filter(|slug| !ids.contains_key(*slug))
        .cloned()
        .collect();
    report.coes_not_in_files.sort();
    for (slug, coe) in &existing {
        ids.entry(slug.clone()).or_insert(coe.id);
    }
    Ok(ids)
}

fn sync_institutions(
    connection: &mut PgConnection,
    sources: &[InstitutionSource],
    coe_ids: &HashMap<String, CoeId>,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let existing: HashMap<String, crate::network::Institution> =
        network_queries::all_institutions(connection)?
            .into_iter()
            .map(|institution| (institution.slug.clone(), institution))
            .collect();
    // Two passes, so that a CoE can move from one institution to another
    // without tripping the one-institution-per-CoE constraint.
    let mut pending = Vec::new();
    for source in sources {
        let fields = InstitutionFields {
            slug: source.slug.clone(),
            name: source.name.clone(),
            country: source.country.clone(),
            kind: source.kind.clone(),
            email_domains: source.email_domains.clone(),
            coe_id: source
                .coe_slug
                .as_ref()
                .and_then(|slug| coe_ids.get(slug).copied()),
        };
        match existing.get(&source.slug) {
            Some(institution) if InstitutionFields::from(institution) == fields => {}
            Some(institution) => {
                let detached = InstitutionFields {
                    coe_id: None,
                    ..InstitutionFields::from(institution)
                };
                network_queries::update_institution(connection, institution.id, &detached)?;
                pending.push((Some(institution), fields));
            }
            None => pending.push((None, fields)),
        }
    }
    for (stored, fields) in pending {
        match stored {
            Some(institution) => {
                network_queries::update_institution(connection, institution.id, &fields)?;
                audit::record(
                    connection,
                    Change::new(
                        Actor::Import,
                        "institution.updated",
                        "institution",
                        institution.id,
                    )
                    .old(json!(InstitutionFields::from(institution)))
                    .new_value(json!(fields)),
                )?;
                report.institutions_updated.push(fields.slug);
            }
            None => {
                let id = network_queries::insert_institution(connection, &fields)?;
                audit::record(
                    connection,
                    Change::new(Actor::Import, "institution.created", "institution", id)
                        .new_value(json!(fields)),
                )?;
                report.institutions_created.push(fields.slug);
            }
        }
    }
    Ok(())
}

fn sync_courses(
    connection: &mut PgConnection,
    tree: &CourseTree,
    coe_ids: &HashMap<String, CoeId>,
    progress: &ProgressBar,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let states: BTreeMap<String, CourseState> = publishing::course_states(connection)?
        .into_iter()
        .map(|state| (state.slug.clone(), state))
        .collect();
    let conflicts: Vec<FileProblem> = tree
        .courses
        .iter()
        .filter(|course| states.get(&course.slug).is_some_and(|state| state.source != "files"))
        .map(|course| FileProblem {
            path: course.path.clone(),
            line: None,
            message: format!("a course \"{}\" already exists and is edited in the web editor", course.slug),
            fix: "rename this folder: the file sync never overwrites a course authored in the browser".to_owned(),
        })
        .collect();
    if !conflicts.is_empty() {
        return Err(SyncError::Problems(Problems(conflicts)));
    }
    // First create every new course, so prerequisites can point at any of them.
    let mut course_ids: HashMap<String, CourseId> = states
        .values()
        .map(|state| (state.slug.clone(), state.id))
        .collect();
    for course in &tree.courses {
        if !course_ids.contains_key(&course.slug) {
            let coe_id = coe_id_of(coe_ids, course)?;
            let id = publishing::insert_course(connection, &course.slug, coe_id, "files")?;
            audit::record(
                connection,
                Change::new(Actor::Import, "course.created", "course", id).new_value(
                    json!({ "slug": course.slug, "coe": course.coe, "source": "files" }),
                ),
            )?;
            report.courses_created.push(course.slug.clone());
            course_ids.insert(course.slug.clone(), id);
        }
    }
    for course in &tree.courses {
        progress.set_message(course.slug.clone());
        let course_id = course_ids.get(&course.slug).copied().ok_or_else(|| {
            DbError::Task(format!("course {} vanished during the sync", course.slug))
        })?;
        let state = states.get(&course.slug);
        let hash = course.content_hash();
        let coe_id = coe_id_of(coe_ids, course)?;
        if let Some(state) = state {
            if state.status == "archived" {
                publishing::restore_course(connection, course_id)?;
                audit::record(
                    connection,
                    Change::new(Actor::Import, "course.restored", "course", course_id)
                        .old(json!({ "status": "archived" }))
                        .new_value(json!({ "status": "active" }))
                        .reason("the course folder is back in courses/"),
                )?;
                report.courses_restored.push(course.slug.clone());
            }
            if state.coe_id != coe_id {
                publishing::set_course_owner(connection, course_id, coe_id)?;
                audit::record(
                    connection,
                    Change::new(Actor::Import, "course.owner_changed", "course", course_id)
                        .old(json!({ "coe_id": state.coe_id }))
                        .new_value(json!({ "coe_id": coe_id, "coe": course.coe })),
                )?;
            }
        }
        if state.and_then(|state| state.current_hash.as_deref()) == Some(hash.as_str()) {
            report.courses_unchanged += 1;
            // Versions published before assessments existed get their question rows once.
            if let Some(version) = state.and_then(|state| state.current_version_id) {
                store_questions(connection, version)?;
            }
        } else {
            let (number, _) = publish_new_version(
                connection,
                course_id,
                course,
                &hash,
                &course_ids,
                Actor::Import,
            )?;
            report
                .versions_published
                .push((course.slug.clone(), number));
        }
        progress.inc(1);
    }
    for state in states.values() {
        let still_in_files = tree.courses.iter().any(|course| course.slug == state.slug);
        if state.source == "files" && state.status == "active" && !still_in_files {
            publishing::archive_course(connection, state.id)?;
            audit::record(
                connection,
                Change::new(Actor::Import, "course.archived", "course", state.id)
                    .old(json!({ "status": "active" }))
                    .new_value(json!({ "status": "archived" }))
                    .reason("the course folder was removed from courses/"),
            )?;
            report.courses_archived.push(state.slug.clone());
        }
    }
    Ok(())
}

fn coe_id_of(coe_ids: &HashMap<String, CoeId>, course: &CourseSource) -> Result<CoeId, SyncError> {
    coe_ids.get(&course.coe).copied().ok_or_else(|| {
        SyncError::Problems(Problems(vec![FileProblem {
            path: course.path.join("course.toml"),
            line: None,
            message: format!("unknown CoE \"{}\"", course.coe),
            fix: "add the CoE to courses/network.toml".to_owned(),
        }]))
    })
}

/// Writes `course` as the next version of `course_id` and publishes it
/// (from the file import, or from a reviewed web draft by `publisher`);
/// returns the new version's number and id.
pub(crate) fn publish_new_version(
    connection: &mut PgConnection,
    course_id: CourseId,
    course: &CourseSource,
    hash: &str,
    course_ids: &HashMap<String, CourseId>,
    publisher: Actor,
) -> Result<(i32, CourseVersionId), SyncError> {
    let number = publishing::latest_version_number(connection, course_id)? + 1;
    let version_id = CourseVersionId::new();
    let description_html = render_markdown(&course.description_markdown);
    let search_text = search_text_of(course);
    let source_path = (publisher == Actor::Import).then(|| course.path.display().to_string());
    publishing::insert_draft_version(
        connection,
        &NewVersion {
            id: version_id,
            course_id,
            version_number: number,
            content_hash: hash,
            title: &course.title,
            summary: &course.summary,
            description_markdown: &course.description_markdown,
            description_html: &description_html,
            audience: course.audience.as_str(),
            level: course.level.as_str(),
            language: &course.language,
            credits: course.credits,
            credit_type: course.credit_type.map(|credit_type| credit_type.as_str()),
            tags: &course.tags,
            certificate: course.certificate,
            certificate_validity_months: course
                .certificate_validity_months
                .and_then(|months| i32::try_from(months).ok()),
            enrolment_method: course.enrolment.as_str(),
            requires_retraining: course.requires_retraining,
            change_note: course.change_note.as_deref(),
            source_path: source_path.as_deref(),
            search_text: &search_text,
            enrolment_opens_at: course.enrolment_opens_at,
            enrolment_closes_at: course.enrolment_closes_at,
        },
    )?;
    for module in &course.modules {
        let module_id = ModuleId::new();
        publishing::insert_module(
            connection,
            &NewModule {
                id: module_id,
                course_version_id: version_id,
                position: to_i32(module.position),
                slug: &module.slug,
                title: &module.title,
                summary: &module.summary,
                assessment: module.assessment.as_ref().map(|settings| json!(settings)),
                quiz_gift: module.quiz_gift.as_deref(),
            },
        )?;
        let lessons: Vec<NewLesson<'_>> = module
            .lessons
            .iter()
            .map(|lesson| NewLesson {
                id: LessonId::new(),
                module_id,
                course_version_id: version_id,
                position: to_i32(lesson.position),
                slug: &lesson.slug,
                title: &lesson.title,
                minutes: to_i32(lesson.minutes),
                required: lesson.required,
                body_markdown: &lesson.body_markdown,
                body_html: render_markdown(&lesson.body_markdown),
                document_id: lesson
                    .document
                    .as_ref()
                    .map(|document| document.id.as_str()),
                document_version: lesson
                    .document
                    .as_ref()
                    .map(|document| document.version.as_str()),
            })
            .collect();
        publishing::insert_lessons(connection, &lessons)?;
        for (source, row) in module.lessons.iter().zip(&lessons) {
            publishing::insert_attachments(connection, row.id, &source.attachments)?;
        }
    }
    let required: Vec<CourseId> = course
        .prerequisites
        .iter()
        .filter_map(|slug| course_ids.get(slug).copied())
        .collect();
    publishing::insert_prerequisites(connection, version_id, &required)?;
    store_questions(connection, version_id)?;
    publishing::publish_version(connection, course_id, version_id, publisher.user_id())?;
    if course.requires_retraining {
        let version = catalog_queries::version_by_id(connection, version_id)?;
        certificates::assign_retraining(connection, publisher, &course.slug, &version)?;
    }
    audit::record(
        connection,
        Change::new(publisher, "course.version_published", "course", course_id).new_value(json!({
            "version": number,
            "version_id": version_id,
            "content_hash": hash,
            "source_path": source_path,
            "change_note": course.change_note,
            "requires_retraining": course.requires_retraining,
        })),
    )?;
    Ok((number, version_id))
}

/// The text the catalogue searches: the title weighs most (it is repeated),
/// then summary, tags, description, module and lesson titles and bodies.
fn search_text_of(course: &CourseSource) -> String {
    search_text(
        &course.title,
        &course.summary,
        &course.tags,
        &course.description_markdown,
        course.modules.iter().map(|module| {
            (
                module.title.as_str(),
                module
                    .lessons
                    .iter()
                    .map(|lesson| (lesson.title.as_str(), lesson.body_markdown.as_str()))
                    .collect(),
            )
        }),
    )
}

/// The text a version is found by: title and summary weighted by
/// repetition, topics, description, then every module and lesson (title
/// and text). Also used by the synthetic data, so both are searched alike.
pub fn search_text<'a>(
    title: &str,
    summary: &str,
    tags: &[String],
    description: &str,
    modules: impl IntoIterator<Item = (&'a str, Vec<(&'a str, &'a str)>)>,
) -> String {
    let mut text = format!(
        "{title}\n{title}\n{title}\n{summary}\n{summary}\n{tags}\n{description}\n",
        tags = tags.join(" "),
    );
    for (module_title, lessons) in modules {
        text.push_str(module_title);
        text.push('\n');
        for (lesson_title, body) in lessons {
            text.push_str(lesson_title);
            text.push('\n');
            text.push_str(body);
            text.push('\n');
        }
    }
    text
}

fn to_i32(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

fn store_questions(
    connection: &mut PgConnection,
    version: CourseVersionId,
) -> Result<(), SyncError> {
    crate::assessment::service::store_questions(connection, version).map_err(|error| match error {
        crate::assessment::service::AssessmentError::Db(error) => SyncError::Db(error),
        other => SyncError::Db(DbError::Task(other.to_string())),
    })
}
