//! What progress needs to know of a course version: its course's slug, its
//! title, language and number, its syllabus and its required assessments.
//! A published version's outline changes only with the catalogue, so it is
//! kept in the catalogue cache under the catalogue's generation (see
//! `catalog::cache`) and "My learning" reads only the person's own rows.

use std::collections::HashMap;
use std::sync::Arc;

use diesel::PgConnection;

use super::queries::{self, RequiredAssessment, SyllabusLesson};
use super::service::EnrolmentError;
use crate::catalog::cache::CatalogueCache;
use crate::ids::CourseVersionId;

/// One course version as progress sees it.
#[derive(Debug)]
pub struct VersionOutline {
    pub course_slug: String,
    pub title: String,
    pub language: String,
    pub version_number: i32,
    /// The lessons in order.
    pub syllabus: Vec<SyllabusLesson>,
    /// The required assessments in module order.
    pub required: Vec<RequiredAssessment>,
}

/// The outlines of `versions` as of catalogue `generation` (read by the
/// caller): those kept under that generation from `cache`, the others read
/// and kept (in the caller's transaction, if any: a lesson's completion
/// counts progress while it holds the enrolment's lock). A version that no
/// longer exists has no entry.
pub fn kept_outlines(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    generation: i64,
    versions: &[CourseVersionId],
) -> Result<HashMap<CourseVersionId, Arc<VersionOutline>>, EnrolmentError> {
    let mut outlines = HashMap::new();
    let mut missing = Vec::new();
    for version in versions {
        match cache.outline(generation, *version) {
            Some(outline) => {
                outlines.insert(*version, outline);
            }
            None => missing.push(*version),
        }
    }
    if missing.is_empty() {
        return Ok(outlines);
    }
    let read = read_outlines(connection, &missing)?;
    for (version, outline) in read {
        let outline = Arc::new(outline);
        cache.keep_outline(generation, version, Arc::clone(&outline));
        outlines.insert(version, outline);
    }
    Ok(outlines)
}

/// The outlines of `versions`, in three queries however many there are.
fn read_outlines(
    connection: &mut PgConnection,
    versions: &[CourseVersionId],
) -> Result<HashMap<CourseVersionId, VersionOutline>, EnrolmentError> {
    let mut outlines: HashMap<CourseVersionId, VersionOutline> =
        queries::version_facts(connection, versions)?
            .into_iter()
            .map(|facts| {
                (
                    facts.version,
                    VersionOutline {
                        course_slug: facts.course_slug,
                        title: facts.title,
                        language: facts.language,
                        version_number: facts.version_number,
                        syllabus: Vec::new(),
                        required: Vec::new(),
                    },
                )
            })
            .collect();
    for (version, lesson) in queries::syllabi(connection, versions)? {
        if let Some(outline) = outlines.get_mut(&version) {
            outline.syllabus.push(lesson);
        }
    }
    for assessment in queries::required_assessments_of(connection, versions)? {
        if let Some(outline) = outlines.get_mut(&assessment.version) {
            outline.required.push(assessment);
        }
    }
    Ok(outlines)
}
