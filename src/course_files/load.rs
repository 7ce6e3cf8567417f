//! Reads and validates a `courses/` directory into a `CourseTree`, collecting
//! every problem (file, line where known, what is wrong, how to fix it)
//! rather than stopping at the first. Nothing here touches the database.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::format::{
    AssessmentSettings, ControlledDocument, CourseFile, LessonFrontMatter, ModuleFile, NetworkFile,
    is_slug,
};
use crate::catalog::{Audience, CreditType, EnrolmentMethod, Level};
use crate::network::{CoeFields, FacilityFields};

/// The largest file the import reads (a lesson, a quiz, a TOML file).
const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message)?,
            None => write!(f, "{}: {}", self.path.display(), self.message)?,
        }
        write!(f, "\n    fix: {}", self.fix)
    }
}

/// Every problem found; the import writes nothing when there is any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<FileProblem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        writeln!(
            f,
            "the course files have {count} problem{}; nothing was imported:",
            if count == 1 { "" } else { "s" }
        )?;
        for problem in &self.0 {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// A CoE as the files describe it.
#[derive(Debug, Clone)]
pub struct CoeSource {
    pub fields: CoeFields,
    pub facilities: Vec<FacilityFields>,
}

/// An institution as the files describe it (its CoE by slug).
#[derive(Debug, Clone)]
pub struct InstitutionSource {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub kind: String,
    pub email_domains: Vec<String>,
    pub coe_slug: Option<String>,
}

/// A file attached to a lesson (a PDF or an image), by content hash; the
/// bytes live in the attachment store of the data directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentSource {
    pub file_name: String,
    pub sha256: String,
    pub content_type: String,
    pub size_bytes: u64,
    /// Where the import found the file (`files/<lesson>/<name>`), to store it.
    #[serde(skip)]
    pub source_path: Option<PathBuf>,
}

/// A lesson as the files describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonSource {
    pub position: u32,
    pub slug: String,
    pub title: String,
    pub minutes: u32,
    pub required: bool,
    pub body_markdown: String,
    /// Left out of the hash when empty (as before attachments existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentSource>,
    /// A controlled document learners sign as read and understood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<ControlledDocument>,
}

/// A module as the files describe it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleSource {
    pub position: u32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub assessment: Option<AssessmentSettings>,
    pub quiz_gift: Option<String>,
    pub lessons: Vec<LessonSource>,
}

/// A course as the files describe it. Its content hash covers everything
/// serialised here, so any change to what learners see is a new version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseSource {
    pub slug: String,
    #[serde(skip)]
    pub path: PathBuf,
    pub coe: String,
    pub title: String,
    pub summary: String,
    pub description_markdown: String,
    pub audience: Audience,
    pub level: Level,
    pub language: String,
    pub credits: Option<f64>,
    pub credit_type: Option<CreditType>,
    pub tags: Vec<String>,
    pub prerequisites: Vec<String>,
    pub certificate: bool,
    pub certificate_validity_months: Option<u32>,
    /// Left out of the hash when false/absent, so that adding these fields
    /// did not make a new version of every existing course.
    #[serde(default, skip_serializing_if = "is_false")]
    pub requires_retraining: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_note: Option<String>,
    pub enrolment: EnrolmentMethod,
    pub enrolment_opens_at: Option<chrono::DateTime<chrono::Utc>>,
    pub enrolment_closes_at: Option<chrono::DateTime<chrono::Utc>>,
    pub modules: Vec<ModuleSource>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl CourseSource {
    /// SHA-256 of the course's canonical JSON form, in hex.
    pub fn content_hash(&self) -> String {
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        hex::encode(Sha256::digest(canonical))
    }
}

/// Everything under `courses/`, validated.
#[derive(Debug, Clone)]
pub struct CourseTree {
    pub coes: Vec<CoeSource>,
    pub institutions: Vec<InstitutionSource>,
    pub courses: Vec<CourseSource>,
    /// From `programmes.toml` (none when the file is absent).
    pub programmes: Vec<crate::programmes::files::ProgrammeSource>,
}

/// Collects problems while reading.
#[derive(Default)]
struct Collector {
    problems: Vec<FileProblem>,
}

impl Collector {
    fn add(
        &mut self,
        path: &Path,
        line: Option<usize>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.problems.push(FileProblem {
            path: path.to_path_buf(),
            line,
            message: message.into(),
            fix: fix.into(),
        });
    }
}

/// Reads and validates the whole directory.
pub fn load_tree(root: &Path) -> Result<CourseTree, Problems> {
    let mut collector = Collector::default();
    if !root.is_dir() {
        collector.add(
            root,
            None,
            "the courses directory does not exist",
            "run from the project's root, or set ATMP_COURSES_DIR to the directory holding network.toml",
        );
        return Err(Problems(collector.problems));
    }
    let network_path = root.join("network.toml");
    let (coes, institutions) = match read_text(&network_path, &mut collector).and_then(|text| {
        parse_toml::<NetworkFile>(&network_path, &text, 0, &mut collector).map(|file| (file, text))
    }) {
        Some((file, text)) => load_network(&network_path, &text, file, &mut collector),
        None => (Vec::new(), Vec::new()),
    };
    let coe_slugs: BTreeSet<String> = coes.iter().map(|coe| coe.fields.slug.clone()).collect();

    let mut course_dirs: Vec<PathBuf> = match fs::read_dir(root) {
        Ok(entries) => entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.is_dir())
            .collect(),
        Err(error) => {
            collector.add(
                root,
                None,
                format!("cannot read the directory: {error}"),
                "check its permissions",
            );
            Vec::new()
        }
    };
    course_dirs.sort();
    let mut courses = Vec::new();
    for dir in course_dirs {
        let name = file_name(&dir);
        if name.starts_with('.') {
            continue;
        }
        if !is_slug(&name) {
            collector.add(
                &dir,
                None,
                format!("\"{name}\" is not a valid course slug"),
                "rename the folder to 3-64 lower-case letters, digits and single hyphens, e.g. gmp-for-atmp",
            );
            continue;
        }
        if let Some((course, spans)) = load_course(&dir, name, &coe_slugs, &mut collector) {
            courses.push((course, spans));
        }
    }
    check_prerequisites(&courses, &mut collector);
    let course_slugs: BTreeSet<String> = courses
        .iter()
        .map(|(course, _)| course.slug.clone())
        .collect();
    let programmes = crate::programmes::files::load(root, &course_slugs, &coe_slugs)
        .unwrap_or_else(|problems| {
            collector.problems.extend(problems);
            Vec::new()
        });
    if collector.problems.is_empty() {
        Ok(CourseTree {
            coes,
            institutions,
            courses: courses.into_iter().map(|(course, _)| course).collect(),
            programmes,
        })
    } else {
        Err(Problems(collector.problems))
    }
}

/// Line numbers of the prerequisites of a course, for error messages.
struct PrerequisiteLines {
    text: String,
    spans: Vec<(String, Range<usize>)>,
}

fn check_prerequisites(courses: &[(CourseSource, PrerequisiteLines)], collector: &mut Collector) {
    let known: BTreeSet<&str> = courses
        .iter()
        .map(|(course, _)| course.slug.as_str())
        .collect();
    for (course, lines) in courses {
        let path = course.path.join("course.toml");
        for (slug, span) in &lines.spans {
            let line = Some(line_of(&lines.text, span.start, 0));
            if slug == &course.slug {
                collector.add(
                    &path,
                    line,
                    "a course cannot require itself",
                    "remove it from `prerequisites`",
                );
            } else if !known.contains(slug.as_str()) {
                collector.add(
                    &path,
                    line,
                    format!("the prerequisite \"{slug}\" is not a course in courses/"),
                    format!(
                        "add a folder courses/{slug}/, or remove \"{slug}\" from `prerequisites`"
                    ),
                );
            }
        }
    }
    let graph: HashMap<&str, Vec<&str>> = courses
        .iter()
        .map(|(course, _)| {
            (
                course.slug.as_str(),
                course.prerequisites.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    for (course, _) in courses {
        if let Some(cycle) = find_cycle(&graph, &course.slug)
            && cycle.first().map(String::as_str) == Some(course.slug.as_str())
            && cycle.iter().min().map(String::as_str) == Some(course.slug.as_str())
        {
            collector.add(
                &course.path.join("course.toml"),
                None,
                format!("the prerequisites form a cycle: {}", cycle.join(" → ")),
                "remove one of the prerequisites so that no course ends up requiring itself",
            );
        }
    }
}

/// A path of prerequisites from `start` back to `start`, if there is one.
fn find_cycle(graph: &HashMap<&str, Vec<&str>>, start: &str) -> Option<Vec<String>> {
    fn visit<'a>(
        graph: &HashMap<&'a str, Vec<&'a str>>,
        start: &str,
        node: &'a str,
        path: &mut Vec<&'a str>,
        seen: &mut BTreeSet<&'a str>,
    ) -> bool {
        for next in graph.get(node).into_iter().flatten() {
            if *next == start {
                path.push(next);
                return true;
            }
            if seen.insert(next) {
                path.push(next);
                if visit(graph, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let (&key, _) = graph.get_key_value(start)?;
    let mut path = vec![key];
    let mut seen = BTreeSet::new();
    visit(graph, start, key, &mut path, &mut seen)
        .then(|| path.into_iter().map(str::to_owned).collect())
}

fn load_network(
    path: &Path,
    text: &str,
    file: NetworkFile,
    collector: &mut Collector,
) -> (Vec<CoeSource>, Vec<InstitutionSource>) {
    let mut seen_coes = BTreeSet::new();
    let mut coes = Vec::new();
    for entry in file.coe {
        let slug = entry.slug.get_ref().0.clone();
        if !seen_coes.insert(slug.clone()) {
            collector.add(
                path,
                Some(line_of(text, entry.slug.span().start, 0)),
                format!("the CoE slug \"{slug}\" is used twice"),
                "give each [[coe]] its own slug",
            );
            continue;
        }
        let mut facility_names = BTreeSet::new();
        for facility in &entry.facility {
            if !facility_names.insert(facility.name.0.clone()) {
                collector.add(
                    path,
                    Some(line_of(text, entry.slug.span().start, 0)),
                    format!(
                        "the CoE \"{slug}\" lists the facility \"{}\" twice",
                        facility.name.0
                    ),
                    "give each facility of a CoE its own name",
                );
            }
        }
        coes.push(CoeSource {
            fields: CoeFields {
                slug,
                name: entry.name.0,
                city: entry.city.0,
                country: entry.country.0,
                summary: entry.summary.0,
                expertise: entry.expertise.into_iter().map(|text| text.0).collect(),
            },
            facilities: entry
                .facility
                .into_iter()
                .map(|facility| FacilityFields {
                    name: facility.name.0,
                    kind: facility.kind.as_str().to_owned(),
                    description: facility.description.0,
                })
                .collect(),
        });
    }
    let mut seen_institutions = BTreeSet::new();
    let mut hosted = BTreeMap::new();
    let mut institutions = Vec::new();
    for entry in file.institution {
        let slug = entry.slug.get_ref().0.clone();
        let line = Some(line_of(text, entry.slug.span().start, 0));
        if !seen_institutions.insert(slug.clone()) {
            collector.add(
                path,
                line,
                format!("the institution slug \"{slug}\" is used twice"),
                "give each [[institution]] its own slug",
            );
            continue;
        }
        if let Some(coe) = &entry.coe {
            let coe_slug = &coe.get_ref().0;
            let coe_line = Some(line_of(text, coe.span().start, 0));
            if !seen_coes.contains(coe_slug) {
                collector.add(
                    path,
                    coe_line,
                    format!("the institution \"{slug}\" names an unknown CoE \"{coe_slug}\""),
                    format!(
                        "use the slug of a [[coe]] in this file (known: {})",
                        join(&seen_coes)
                    ),
                );
            } else if let Some(other) = hosted.insert(coe_slug.clone(), slug.clone()) {
                collector.add(
                    path,
                    coe_line,
                    format!("the CoE \"{coe_slug}\" is hosted by both \"{other}\" and \"{slug}\""),
                    "a CoE belongs to one institution: remove `coe` from one of them",
                );
            }
        }
        institutions.push(InstitutionSource {
            slug,
            name: entry.name.0,
            country: entry.country.0,
            kind: entry.kind.as_str().to_owned(),
            email_domains: entry
                .email_domains
                .into_iter()
                .map(|domain| domain.0)
                .collect(),
            coe_slug: entry.coe.map(|coe| coe.into_inner().0),
        });
    }
    (coes, institutions)
}

fn load_course(
    dir: &Path,
    slug: String,
    coe_slugs: &BTreeSet<String>,
    collector: &mut Collector,
) -> Option<(CourseSource, PrerequisiteLines)> {
    let problems_before = collector.problems.len();
    let course_path = dir.join("course.toml");
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = file_name(&entry.path());
        if !(name.starts_with('.') || name == "course.toml" || name == "modules") {
            collector.add(
                &entry.path(),
                None,
                "unexpected file in a course folder",
                "a course folder holds only course.toml and modules/: move or remove this file",
            );
        }
    }
    if !course_path.is_file() {
        collector.add(
            &course_path,
            None,
            "the course has no course.toml",
            "add course.toml with the course's metadata (see courses/README.md)",
        );
        return None;
    }
    let text = read_text(&course_path, collector)?;
    let file = parse_toml::<CourseFile>(&course_path, &text, 0, collector)?;
    let coe = file.coe.get_ref().0.clone();
    if !coe_slugs.contains(&coe) {
        collector.add(
            &course_path,
            Some(line_of(&text, file.coe.span().start, 0)),
            format!("unknown CoE \"{coe}\""),
            format!(
                "use the slug of a [[coe]] in courses/network.toml (known: {})",
                join(coe_slugs)
            ),
        );
    }
    let credits = file.credits.as_ref().map(|credits| *credits.get_ref());
    match (&file.credits, file.credit_type) {
        (Some(credits), None) => collector.add(
            &course_path,
            Some(line_of(&text, credits.span().start, 0)),
            "`credits` is set but `credit_type` is not",
            "add credit_type = \"ects\" or credit_type = \"cpd_hours\"",
        ),
        (None, Some(_)) => collector.add(
            &course_path,
            None,
            "`credit_type` is set but `credits` is not",
            "add credits = <number>, or remove credit_type",
        ),
        (Some(amount), Some(_)) if !(0.0..=1000.0).contains(amount.get_ref()) => collector.add(
            &course_path,
            Some(line_of(&text, amount.span().start, 0)),
            "`credits` must be between 0 and 1000",
            "correct the number of credits",
        ),
        _ => {}
    }
    if file.requires_retraining && file.change_note.is_none() {
        collector.add(
            &course_path,
            None,
            "`requires_retraining` is set but there is no `change_note` saying why",
            "add change_note = \"what changed and why holders must retrain\"",
        );
    }
    if file.requires_retraining && !file.certificate {
        collector.add(
            &course_path,
            None,
            "`requires_retraining` is set but the course gives no certificate",
            "set certificate = true, or remove requires_retraining",
        );
    }
    if file.certificate_validity_months.is_some() && !file.certificate {
        collector.add(
            &course_path,
            None,
            "`certificate_validity_months` is set but `certificate` is false",
            "set certificate = true, or remove certificate_validity_months",
        );
    }
    let mut tags: Vec<String> = file.tags.iter().map(|tag| tag.0.to_lowercase()).collect();
    tags.sort();
    tags.dedup();
    let mut prerequisites: Vec<String> = file
        .prerequisites
        .iter()
        .map(|slug| slug.get_ref().0.clone())
        .collect();
    let unique_prerequisites: BTreeSet<&String> = prerequisites.iter().collect();
    if unique_prerequisites.len() != prerequisites.len() {
        collector.add(
            &course_path,
            None,
            "a prerequisite is listed twice",
            "list each prerequisite course once",
        );
    }
    prerequisites.sort();
    prerequisites.dedup();
    let prerequisite_lines = PrerequisiteLines {
        spans: file
            .prerequisites
            .iter()
            .map(|slug| (slug.get_ref().0.clone(), slug.span()))
            .collect(),
        text: text.clone(),
    };
    let window = |value: &Option<toml::Spanned<toml::value::Datetime>>,
                  collector: &mut Collector| {
        value.as_ref().and_then(|spanned| {
            let instant = super::format::to_utc(spanned.get_ref());
            if instant.is_none() {
                collector.add(
                    &course_path,
                    Some(line_of(&text, spanned.span().start, 0)),
                    "an enrolment date must be a date such as 2027-01-15",
                    "write the date as YYYY-MM-DD",
                );
            }
            instant
        })
    };
    let enrolment_opens_at = window(&file.enrolment_opens, collector);
    let enrolment_closes_at = window(&file.enrolment_closes, collector);
    if let (Some(opens), Some(closes)) = (enrolment_opens_at, enrolment_closes_at)
        && opens >= closes
    {
        collector.add(
            &course_path,
            None,
            "`enrolment_closes` is not after `enrolment_opens`",
            "make enrolment close after it opens",
        );
    }
    let modules = load_modules(&dir.join("modules"), collector);
    if collector.problems.len() > problems_before {
        return None;
    }
    Some((
        CourseSource {
            slug,
            path: dir.to_path_buf(),
            coe,
            title: file.title.0,
            summary: file.summary.0,
            description_markdown: file.description.0,
            audience: file.audience,
            level: file.level,
            language: file.language.0,
            credits,
            credit_type: file.credit_type,
            tags,
            prerequisites,
            certificate: file.certificate,
            certificate_validity_months: file.certificate_validity_months.map(|months| months.0),
            requires_retraining: file.requires_retraining,
            change_note: file.change_note.map(|note| note.0),
            enrolment: file.enrolment,
            enrolment_opens_at,
            enrolment_closes_at,
            modules,
        },
        prerequisite_lines,
    ))
}

fn load_modules(dir: &Path, collector: &mut Collector) -> Vec<ModuleSource> {
    if !dir.is_dir() {
        collector.add(
            dir,
            None,
            "the course has no modules/ folder",
            "add modules/01-<slug>/ with a module.toml and at least one lesson",
        );
        return Vec::new();
    }
    let mut modules = Vec::new();
    let mut positions = BTreeMap::new();
    let mut slugs = BTreeMap::new();
    let mut entries_seen = 0;
    for path in sorted_entries(dir, collector) {
        let name = file_name(&path);
        if name.starts_with('.') {
            continue;
        }
        entries_seen += 1;
        if !path.is_dir() {
            collector.add(
                &path,
                None,
                "unexpected file in modules/",
                "modules/ holds only module folders named NN-slug",
            );
            continue;
        }
        let Some((position, slug)) = numbered_name(&name) else {
            collector.add(
                &path,
                None,
                format!("\"{name}\" is not a module folder name"),
                "name module folders NN-slug, e.g. 01-premises-and-cleanrooms",
            );
            continue;
        };
        if let Some(other) = positions.insert(position, name.clone()) {
            collector.add(
                &path,
                None,
                format!("position {position:02} is used by both \"{other}\" and \"{name}\""),
                "give each module its own two-digit position",
            );
        }
        if let Some(other) = slugs.insert(slug.clone(), name.clone()) {
            collector.add(
                &path,
                None,
                format!("the module slug \"{slug}\" is used by both \"{other}\" and \"{name}\""),
                "give each module of a course its own slug",
            );
        }
        if let Some(module) = load_module(&path, position, slug, collector) {
            modules.push(module);
        }
    }
    if entries_seen == 0 {
        collector.add(
            dir,
            None,
            "the course has no modules",
            "add modules/01-<slug>/ with a module.toml and at least one lesson",
        );
    }
    modules.sort_by_key(|module| module.position);
    modules
}

fn load_module(
    dir: &Path,
    position: u32,
    slug: String,
    collector: &mut Collector,
) -> Option<ModuleSource> {
    let problems_before = collector.problems.len();
    let module_path = dir.join("module.toml");
    let module_file = if module_path.is_file() {
        read_text(&module_path, collector)
            .and_then(|text| parse_toml::<ModuleFile>(&module_path, &text, 0, collector))
    } else {
        collector.add(
            &module_path,
            None,
            "the module has no module.toml",
            "add module.toml with at least title = \"...\"",
        );
        None
    };
    let mut lessons = Vec::new();
    let mut positions = BTreeMap::new();
    let mut slugs = BTreeMap::new();
    let mut quiz_gift = None;
    let mut gradable_questions = None;
    let mut bank_categories: BTreeMap<String, usize> = BTreeMap::new();
    for path in sorted_entries(dir, collector) {
        let name = file_name(&path);
        if name.starts_with('.') || name == "module.toml" {
            continue;
        }
        if name == "files" && path.is_dir() {
            continue;
        }
        if name == "quiz.gift" {
            quiz_gift = read_text(&path, collector);
            if let Some(source) = &quiz_gift {
                match crate::assessment::gift::parse(source) {
Ok(questions) => {
                        let gradable: Vec<&crate::assessment::gift::GiftQuestion> = questions
                            .iter()
                            .filter(|question| question.kind != crate::assessment::gift::QuestionKind::Description)
                            .collect();
                        for question in &gradable {
                            *bank_categories.entry(question.category.clone().unwrap_or_default()).or_insert(0) += 1;
                        }
                        gradable_questions = Some(gradable.len());
                    }
                    Err(problem) => collector.add(
                        &path,
                        Some(problem.line),
                        problem.message,
                        "correct the question (GIFT format: see docs.moodle.org, \"GIFT format\"; escape ~ = # { } : with a backslash)",
                    ),
                }
            }
            continue;
        }
        let Some((lesson_position, lesson_slug)) = name.strip_suffix(".md").and_then(numbered_name)
        else {
            collector.add(
                &path,
                None,
                "unexpected file in a module folder",
                "lessons are named NN-slug.md (e.g. 01-grades-a-to-d.md); a module may also hold module.toml and quiz.gift",
            );
            continue;
        };
        if let Some(other) = positions.insert(lesson_position, name.clone()) {
            collector.add(
                &path,
                None,
                format!("position {lesson_position:02} is used by both \"{other}\" and \"{name}\""),
                "give each lesson of a module its own two-digit position",
            );
        }
        if let Some(other) = slugs.insert(lesson_slug.clone(), name.clone()) {
            collector.add(
                &path,
                None,
                format!(
                    "the lesson slug \"{lesson_slug}\" is used by both \"{other}\" and \"{name}\""
                ),
                "give each lesson of a module its own slug",
            );
        }
        if let Some(lesson) = load_lesson(&path, lesson_position, lesson_slug, collector) {
            lessons.push(lesson);
        }
    }
    if positions.is_empty() {
        collector.add(
            dir,
            None,
            "the module has no lessons",
            "add at least one lesson file named NN-slug.md, or remove the module",
        );
    }
    let module_file = module_file?;
    if let (Some(settings), Some(available)) = (&module_file.assessment, gradable_questions)
        && settings.questions_per_attempt.0 as usize > available
    {
        collector.add(
            &module_path,
            None,
            format!(
                "questions_per_attempt is {} but quiz.gift has only {available} questions",
                settings.questions_per_attempt.0
            ),
            "lower questions_per_attempt, or add questions to quiz.gift",
        );
    }
    if let (Some(settings), Some(_)) = (&module_file.assessment, gradable_questions)
        && !settings.draw.is_empty()
    {
        let total: u32 = settings.draw.iter().map(|draw| draw.count.0).sum();
        if total != settings.questions_per_attempt.0 {
            collector.add(
                &module_path,
                None,
                format!("the [[assessment.draw]] counts add up to {total}, not questions_per_attempt = {}", settings.questions_per_attempt.0),
                "make the counts add up to questions_per_attempt",
            );
        }
        for draw in &settings.draw {
            let available = bank_categories.get(&draw.category.0).copied().unwrap_or(0);
            if (draw.count.0 as usize) > available {
                collector.add(
                    &module_path,
                    None,
                    format!("the draw asks for {} questions of category \"{}\" but quiz.gift has {available}", draw.count.0, draw.category.0),
                    "use a $CATEGORY: from quiz.gift, or lower the count",
                );
            }
        }
    }
    match (&module_file.assessment, &quiz_gift) {
        (Some(_), None) => collector.add(
            &module_path,
            None,
            "the module has an [assessment] but no quiz.gift",
            "add the question bank as quiz.gift in this folder, or remove [assessment]",
        ),
        (None, Some(_)) => collector.add(
            &dir.join("quiz.gift"),
            None,
            "quiz.gift has no [assessment] settings",
            "add an [assessment] table to module.toml (title, pass_mark_percent, questions_per_attempt)",
        ),
        _ => {}
    }
    attach_files(&dir.join("files"), &mut lessons, collector);
    if collector.problems.len() > problems_before {
        return None;
    }
    lessons.sort_by_key(|lesson| lesson.position);
    Some(ModuleSource {
        position,
        slug,
        title: module_file.title.0,
        summary: module_file.summary.trim().to_owned(),
        assessment: module_file.assessment,
        quiz_gift,
        lessons,
    })
}

/// Reads `files/<lesson-slug>/<file>` of a module: each lesson's
/// attachments, checked like uploads (type by content, size, name), in
/// file-name order.
fn attach_files(dir: &Path, lessons: &mut [LessonSource], collector: &mut Collector) {
    if !dir.is_dir() {
        return;
    }
    for lesson_dir in sorted_entries(dir, collector) {
        let lesson_slug = file_name(&lesson_dir);
        if lesson_slug.starts_with('.') {
            continue;
        }
        let Some(lesson) = lessons.iter_mut().find(|lesson| lesson.slug == lesson_slug) else {
            collector.add(
                &lesson_dir,
                None,
                format!("files/{lesson_slug} names no lesson of this module"),
                "name the folder after a lesson's slug (its file name without NN- and .md)",
            );
            continue;
        };
        for path in sorted_entries(&lesson_dir, collector) {
            let name = file_name(&path);
            if name.starts_with('.') {
                continue;
            }
            let too_big = fs::metadata(&path)
                .map(|meta| meta.len() > crate::attachments::MAX_BYTES as u64)
                .unwrap_or(false);
            let described = if too_big {
                Err(format!(
                    "the file is larger than {} MB",
                    crate::attachments::MAX_BYTES / 1024 / 1024
                ))
            } else {
                fs::read(&path)
                    .map_err(|error| format!("cannot read the file: {error}"))
                    .and_then(|bytes| {
                        crate::attachments::describe(&name, &bytes)
                            .map_err(|error| error.to_string())
                    })
            };
            match described {
                Ok(attachment) if attachment.file_name == name => {
                    lesson.attachments.push(AttachmentSource {
                        source_path: Some(path.clone()),
                        ..attachment
                    });
                }
                Ok(attachment) => collector.add(
                    &path,
                    None,
                    format!("the file name is not usable as it is (it would become {})", attachment.file_name),
                    "use letters, digits, dot, dash and underscore only",
                ),
                Err(message) => collector.add(
                    &path,
                    None,
                    message,
                    "attach PDFs or PNG, JPEG, GIF or WebP images of at most 10 MB, named with their extension",
                ),
            }
        }
        if lesson.attachments.len() > crate::attachments::MAX_PER_LESSON {
            collector.add(
                &lesson_dir,
                None,
                format!(
                    "more than {} attachments",
                    crate::attachments::MAX_PER_LESSON
                ),
                "keep the files a lesson needs",
            );
        }
    }
}

fn load_lesson(
    path: &Path,
    position: u32,
    slug: String,
    collector: &mut Collector,
) -> Option<LessonSource> {
    let text = read_text(path, collector)?;
    let mut lines = text.split_inclusive('\n');
    let first_line = lines.next().unwrap_or_default();
    if first_line.trim_end() != "+++" {
        collector.add(
            path,
            Some(1),
            "the lesson does not start with front matter",
            "begin the file with a line +++, then title = \"...\" and minutes = N, then a closing +++ line",
        );
        return None;
    }
    let mut front_matter = String::new();
    let mut closed = false;
    let mut consumed = first_line.len();
    for line in lines.by_ref() {
        consumed += line.len();
        if line.trim_end() == "+++" {
            closed = true;
            break;
        }
        front_matter.push_str(line);
    }
    if !closed {
        collector.add(
            path,
            Some(1),
            "the front matter is never closed",
            "end the front matter with a line holding only +++",
        );
        return None;
    }
    let front = parse_toml::<LessonFrontMatter>(path, &front_matter, 1, collector)?;
    let body = text
        .get(consumed.min(text.len())..)
        .unwrap_or_default()
        .trim()
        .to_owned();
    if body.is_empty() {
        collector.add(
            path,
            None,
            "the lesson has no content",
            "write the lesson's Markdown after the closing +++",
        );
        return None;
    }
    Some(LessonSource {
        position,
        slug,
        title: front.title.0,
        minutes: front.minutes.0,
        required: front.required,
        body_markdown: body,
        attachments: Vec::new(),
        document: front.document,
    })
}

/// `NN-slug` → (NN, slug).
fn numbered_name(name: &str) -> Option<(u32, String)> {
    let (number, slug) = name.split_once('-')?;
    if number.len() != 2 || !number.chars().all(|c| c.is_ascii_digit()) || !is_slug(slug) {
        return None;
    }
    let position = number
        .parse::<u32>()
        .ok()
        .filter(|position| *position >= 1)?;
    Some((position, slug.to_owned()))
}

fn sorted_entries(dir: &Path, collector: &mut Collector) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
            paths.sort();
            paths
        }
        Err(error) => {
            collector.add(
                dir,
                None,
                format!("cannot read the folder: {error}"),
                "check its permissions",
            );
            Vec::new()
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn read_text(path: &Path, collector: &mut Collector) -> Option<String> {
    match fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            collector.add(
                path,
                None,
                format!(
                    "the file is {} bytes; the limit is {MAX_FILE_BYTES}",
                    meta.len()
                ),
                "split the content into several lessons",
            );
            return None;
        }
        Ok(_) => {}
        Err(error) => {
            collector.add(
                path,
                None,
                format!("cannot read the file: {error}"),
                "check that it exists and is readable",
            );
            return None;
        }
    }
    match fs::read(path).map(String::from_utf8) {
        Ok(Ok(text)) => Some(text),
        Ok(Err(error)) => {
            let offset = error.utf8_error().valid_up_to();
            let line = error
                .as_bytes()
                .get(..offset)
                .map(|bytes| bytes.iter().filter(|b| **b == b'\n').count() + 1);
            collector.add(
                path,
                line,
                "the file is not valid UTF-8",
                "save the file as UTF-8 text",
            );
            None
        }
        Err(error) => {
            collector.add(
                path,
                None,
                format!("cannot read the file: {error}"),
                "check that it is readable",
            );
            None
        }
    }
}

/// Parses TOML; `line_offset` is the number of lines before `text` in the file.
fn parse_toml<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    line_offset: usize,
    collector: &mut Collector,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(error) => {
            let line = error
                .span()
                .map(|span| line_of(text, span.start, line_offset));
            let message = error.message().trim().to_owned();
            let fix = fix_for(&message);
            collector.add(path, line, message, fix);
            None
        }
    }
}

/// A suggestion for a TOML error message.
fn fix_for(message: &str) -> String {
    if let Some(field) = between(message, "missing field `", "`") {
        return format!("add `{field} = ...` (see courses/README.md for what it holds)");
    }
    if let Some(field) = between(message, "unknown field `", "`") {
        let allowed = message
            .split_once("expected")
            .map(|(_, rest)| rest.trim())
            .unwrap_or("see courses/README.md");
        return format!("remove or correct `{field}`; the keys allowed here are {allowed}");
    }
    if message.contains("unknown variant") {
        return "use one of the values listed in the message".to_owned();
    }
    if message.contains("invalid type") {
        return "check the value's type: text in quotes, numbers without, true/false for yes/no"
            .to_owned();
    }
    if message.contains("out of range")
        || message.contains("not a valid")
        || message.contains("is not a")
    {
        return "correct the value as the message says".to_owned();
    }
    if message.contains("must not be empty") {
        return "write a value, or remove the key if it is optional".to_owned();
    }
    "correct the TOML syntax at that line (strings in double quotes, one key = value per line)"
        .to_owned()
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let after = text.split_once(start)?.1;
    Some(after.split_once(end)?.0)
}

/// The 1-based line holding byte `offset` of `text`, plus `line_offset`.
fn line_of(text: &str, offset: usize, line_offset: usize) -> usize {
    let prefix = text.get(..offset.min(text.len())).unwrap_or(text);
    prefix.bytes().filter(|byte| *byte == b'\n').count() + 1 + line_offset
}

fn join(values: &BTreeSet<String>) -> String {
    values
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_need_two_digits_and_a_slug() {
        assert_eq!(
            numbered_name("01-intro-to-gmp"),
            Some((1, "intro-to-gmp".to_owned()))
        );
        assert_eq!(numbered_name("1-intro"), None);
        assert_eq!(numbered_name("00-intro"), None);
        assert_eq!(numbered_name("01-Intro"), None);
        assert_eq!(numbered_name("01-ab"), None);
    }

    #[test]
    fn line_numbers_count_from_one_with_offset() {
        let text = "a = 1\nb = 2\nc = 3\n";
        assert_eq!(line_of(text, 0, 0), 1);
        assert_eq!(line_of(text, 7, 0), 2);
        assert_eq!(line_of(text, 7, 1), 3);
    }

    #[test]
    fn prerequisite_cycles_are_found() {
        let graph: HashMap<&str, Vec<&str>> = HashMap::from([
            ("aaa", vec!["bbb"]),
            ("bbb", vec!["ccc"]),
            ("ccc", vec!["aaa"]),
            ("ddd", vec!["aaa"]),
        ]);
        assert_eq!(
            find_cycle(&graph, "aaa"),
            Some(vec![
                "aaa".to_owned(),
                "bbb".to_owned(),
                "ccc".to_owned(),
                "aaa".to_owned()
            ])
        );
        assert_eq!(find_cycle(&graph, "ddd"), None);
    }
}
