//! Catalogue content kept in memory between changes to the catalogue:
//! search results, filter values, course pages' content, lessons, syllabi
//! rendered in each interface language, the course-version outlines that
//! progress is counted against, and the modules' assessments (settings and
//! question banks) that attempts are drawn from and graded against. Each
//! use reads the catalogue's generation (a counter that every committed
//! change to courses, versions, modules, lessons, their attachments,
//! prerequisites, assessment questions or CoEs moves on, kept by triggers in
//! the database) and
//! answers from memory only what was computed under that same generation,
//! so no server ever shows a catalogue older than the database's. Nothing
//! personal is kept here. Everything is dropped when the generation moves;
//! each kind is dropped when it reaches its limit.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use super::queries::Facets;
use super::service::{CatalogueQuery, CatalogueResult, KeptCourse, LessonView};
use crate::assessment::kept::KeptAssessment;
use crate::enrolment::outline::VersionOutline;
use crate::i18n::Locale;
use crate::ids::{CourseVersionId, ModuleId};

/// How many distinct searches are kept before all are dropped.
const KEPT_SEARCHES: usize = 2_000;
/// How many course versions are kept before all are dropped.
const KEPT_COURSES: usize = 1_000;
/// How many lessons are kept before all are dropped.
const KEPT_LESSONS: usize = 1_000;
/// How many course-version outlines are kept before all are dropped.
const KEPT_OUTLINES: usize = 4_000;
/// How many rendered syllabi are kept before all are dropped.
const KEPT_SYLLABI: usize = 2_000;
/// How many modules' assessments are kept before all are dropped.
const KEPT_ASSESSMENTS: usize = 2_000;

/// A course by slug, in a given version or (`None`) its current one.
pub type CourseKey = (String, Option<CourseVersionId>);
/// A lesson of a course version, by module and lesson slug.
pub type LessonKey = (CourseVersionId, String, String);

/// The kept searches of one catalogue generation.
#[derive(Debug, Default)]
pub struct CatalogueCache {
    kept: Mutex<Kept>,
}

#[derive(Debug, Default)]
struct Kept {
    generation: Option<i64>,
    facets: Option<Facets>,
    searches: HashMap<CatalogueQuery, CatalogueResult>,
    courses: HashMap<CourseKey, Arc<KeptCourse>>,
    lessons: HashMap<LessonKey, Arc<LessonView>>,
    outlines: HashMap<CourseVersionId, Arc<VersionOutline>>,
    syllabi: HashMap<(CourseVersionId, Locale), Arc<str>>,
    assessments: HashMap<ModuleId, Arc<KeptAssessment>>,
}

impl Kept {
    /// The entries of `generation`, after dropping any of another.
    fn of_generation(&mut self, generation: i64) -> &mut Self {
        if self.generation != Some(generation) {
            *self = Kept {
                generation: Some(generation),
                ..Kept::default()
            };
        }
        self
    }
}

impl CatalogueCache {
    /// A search's result and the filter values, if both were computed under
    /// `generation`.
    pub fn get(
        &self,
        generation: i64,
        query: &CatalogueQuery,
    ) -> Option<(CatalogueResult, Facets)> {
        self.read(generation, |kept| {
            Some((kept.searches.get(query)?.clone(), kept.facets.clone()?))
        })
    }

    /// Keeps a search's result and the filter values computed under
    /// `generation`.
    pub fn put(
        &self,
        generation: i64,
        query: &CatalogueQuery,
        result: &CatalogueResult,
        facets: &Facets,
    ) {
        self.write(generation, |kept| {
            keep_within(
                &mut kept.searches,
                KEPT_SEARCHES,
                query.clone(),
                result.clone(),
            );
            kept.facets = Some(facets.clone());
        });
    }

    /// A course version's content, if read under `generation`.
    pub fn course(&self, generation: i64, key: &CourseKey) -> Option<Arc<KeptCourse>> {
        self.read(generation, |kept| kept.courses.get(key).cloned())
    }

    /// Keeps a course version's content read under `generation`.
    pub fn keep_course(&self, generation: i64, key: CourseKey, course: Arc<KeptCourse>) {
        self.write(generation, |kept| {
            keep_within(&mut kept.courses, KEPT_COURSES, key, course);
        });
    }

    /// A lesson's content, if read under `generation`.
    pub fn lesson(&self, generation: i64, key: &LessonKey) -> Option<Arc<LessonView>> {
        self.read(generation, |kept| kept.lessons.get(key).cloned())
    }

    /// Keeps a lesson's content read under `generation`.
    pub fn keep_lesson(&self, generation: i64, key: LessonKey, lesson: Arc<LessonView>) {
        self.write(generation, |kept| {
            keep_within(&mut kept.lessons, KEPT_LESSONS, key, lesson);
        });
    }

    /// A course version's outline, if read under `generation`.
    pub fn outline(
        &self,
        generation: i64,
        version: CourseVersionId,
    ) -> Option<Arc<VersionOutline>> {
        self.read(generation, |kept| kept.outlines.get(&version).cloned())
    }

    /// Keeps a course version's outline read under `generation`.
    pub fn keep_outline(
        &self,
        generation: i64,
        version: CourseVersionId,
        outline: Arc<VersionOutline>,
    ) {
        self.write(generation, |kept| {
            keep_within(&mut kept.outlines, KEPT_OUTLINES, version, outline);
        });
    }

    /// A course version's syllabus as HTML in `locale`, if rendered under
    /// `generation`.
    pub fn syllabus(
        &self,
        generation: i64,
        version: CourseVersionId,
        locale: Locale,
    ) -> Option<Arc<str>> {
        self.read(generation, |kept| {
            kept.syllabi.get(&(version, locale)).cloned()
        })
    }

    /// Keeps a course version's syllabus rendered in `locale` under
    /// `generation`.
    pub fn keep_syllabus(
        &self,
        generation: i64,
        version: CourseVersionId,
        locale: Locale,
        html: Arc<str>,
    ) {
        self.write(generation, |kept| {
            keep_within(&mut kept.syllabi, KEPT_SYLLABI, (version, locale), html);
        });
    }

    /// A module's assessment, if read under `generation`.
    pub fn assessment(&self, generation: i64, module: ModuleId) -> Option<Arc<KeptAssessment>> {
        self.read(generation, |kept| kept.assessments.get(&module).cloned())
    }

    /// Keeps a module's assessment read under `generation`.
    pub fn keep_assessment(
        &self,
        generation: i64,
        module: ModuleId,
        assessment: Arc<KeptAssessment>,
    ) {
        self.write(generation, |kept| {
            keep_within(&mut kept.assessments, KEPT_ASSESSMENTS, module, assessment);
        });
    }

    fn read<T>(&self, generation: i64, look_up: impl FnOnce(&Kept) -> Option<T>) -> Option<T> {
        let kept = self.kept.lock().ok()?;
        if kept.generation != Some(generation) {
            return None;
        }
        look_up(&kept)
    }

    /// Applies `keep` to the entries of `generation`, unless a newer
    /// generation is already kept (a late answer is dropped).
    fn write(&self, generation: i64, keep: impl FnOnce(&mut Kept)) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        if kept.generation.is_some_and(|newer| newer > generation) {
            return;
        }
        keep(kept.of_generation(generation));
    }
}

/// Inserts into `map`, first dropping all of it when it holds `limit`.
fn keep_within<K: Eq + Hash, V>(map: &mut HashMap<K, V>, limit: usize, key: K, value: V) {
    if map.len() >= limit {
        map.clear();
    }
    map.insert(key, value);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::pagination::{PageInfo, PageRequest};

    fn query(text: &str) -> CatalogueQuery {
        CatalogueQuery {
            filter: super::super::queries::CatalogueFilter {
                text: Some(text.to_owned()),
                ..Default::default()
            },
            page: PageRequest {
                page: 1,
                per_page: 20,
            },
        }
    }

    fn result(total: i64) -> CatalogueResult {
        CatalogueResult {
            courses: Vec::new(),
            page: PageInfo::new(
                PageRequest {
                    page: 1,
                    per_page: 20,
                },
                total,
            ),
        }
    }

    #[test]
    fn a_search_is_answered_only_under_the_generation_it_was_computed_in() {
        let cache = CatalogueCache::default();
        cache.put(7, &query("potency"), &result(3), &Facets::default());
        let hit = cache.get(7, &query("potency"));
        assert_eq!(hit.map(|(result, _)| result.page.total), Some(3));
        assert!(cache.get(8, &query("potency")).is_none());
        assert!(cache.get(7, &query("vector")).is_none());
    }

    #[test]
    fn a_new_generation_drops_what_the_old_one_kept() {
        let cache = CatalogueCache::default();
        cache.put(7, &query("potency"), &result(3), &Facets::default());
        cache.put(8, &query("vector"), &result(1), &Facets::default());
        assert!(cache.get(7, &query("potency")).is_none());
        assert!(cache.get(8, &query("potency")).is_none());
        assert!(cache.get(8, &query("vector")).is_some());
    }

    #[test]
    fn a_late_answer_of_an_older_generation_is_not_kept() {
        let cache = CatalogueCache::default();
        cache.put(8, &query("vector"), &result(1), &Facets::default());
        cache.put(7, &query("potency"), &result(3), &Facets::default());
        assert!(cache.get(8, &query("vector")).is_some());
        assert!(cache.get(7, &query("potency")).is_none());
    }

    #[test]
    fn the_kept_searches_stay_within_their_limit() {
        let cache = CatalogueCache::default();
        for number in 0..=KEPT_SEARCHES {
            cache.put(
                1,
                &query(&format!("word{number}")),
                &result(1),
                &Facets::default(),
            );
        }
        let kept = cache.kept.lock().expect("the cache's lock").searches.len();
        assert!(kept <= KEPT_SEARCHES, "{kept} searches kept");
        assert!(
            cache
                .get(1, &query(&format!("word{KEPT_SEARCHES}")))
                .is_some()
        );
    }
}
