//! The synthetic catalogue: courses owned by the CoEs, each with one
//! published version made of modules, lessons (Markdown rendered and
//! sanitised exactly as the file import does) and, for most courses, an
//! assessment with a GIFT question bank stored both as the module's quiz
//! and as parsed question rows. Courses are web-authored (`source = 'web'`),
//! so the file sync never archives them.
//!
//! Rows go in as the import writes them: the version as a draft with its
//! modules, lessons and questions, then one UPDATE publishes every version
//! (the database refuses content changes to a published version).

use diesel::PgConnection;
use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom, index};
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::clock::{Clock, DAY, HOUR, between, id_at};
use super::copy::copy_rows;
use super::network::Network;
use super::plan::Plan;
use super::vocabulary::{
    DISTRACTORS, LESSON_PATTERNS, NUMERIC_FACTS, Subject, TOPICS, Topic, capitalised, lowered,
};
use super::{SLUG_PREFIX, SyntheticError};
use crate::assessment::gift;
use crate::catalog::{Audience, CreditType, Level};
use crate::course_files::format::{AssessmentSettings, Bounded, Text};
use crate::course_files::sync::search_text;
use crate::db::schema::{assessment_questions, course_modules, course_versions, courses, lessons};
use crate::markdown::render_markdown;

/// Time between a version's creation and its publication (the publishing
/// UPDATE adds the same interval).
pub const PUBLISHED_AFTER: i64 = 3 * HOUR;

/// Share of courses that end with an assessment.
const ASSESSED_SHARE: f64 = 0.6;
/// Share of courses that issue a certificate.
const CERTIFICATE_SHARE: f64 = 0.75;
/// Share of courses that need a coordinator's approval to enrol.
const APPROVAL_SHARE: f64 = 0.2;
/// Share of courses archived after a while.
const ARCHIVED_SHARE: f64 = 0.03;
/// Popularity falls off as 1 / rank^this.
const POPULARITY_SKEW: f64 = 0.8;

/// What the activity generator needs to know about a course.
pub struct Course {
    pub id: Uuid,
    pub version_id: Uuid,
    pub coe: usize,
    pub title: String,
    pub summary: String,
    pub certificate: bool,
    pub validity_months: Option<u32>,
    pub credits: Option<(f64, &'static str)>,
    pub approval: bool,
    pub published_at: i64,
    pub archived_at: Option<i64>,
    /// Relative share of enrolments.
    pub popularity: f64,
    /// Lesson ids in syllabus order.
    pub lessons: Vec<Uuid>,
    /// Index in `lessons` of the last required lesson.
    pub last_required: usize,
    /// The required assessments (self-checks have no generated attempts).
    pub assessments: Vec<Assessment>,
}

/// A required assessment of a module.
pub struct Assessment {
    pub module_id: Uuid,
    pub questions: Vec<Uuid>,
    pub per_attempt: usize,
    pub max_attempts: u32,
    pub pass_mark_percent: u32,
    pub time_limit_minutes: Option<u32>,
}

/// The text of a course, needed only while it is written.
pub struct CourseContent {
    slug: String,
    created_at: i64,
    audience: &'static str,
    level: &'static str,
    tags: Vec<String>,
    description_markdown: String,
    description_html: String,
    search_text: String,
    content_hash: String,
    modules: Vec<ModuleContent>,
}

struct ModuleContent {
    id: Uuid,
    slug: &'static str,
    title: String,
    summary: String,
    quiz: Option<Quiz>,
    lessons: Vec<LessonContent>,
}

struct Quiz {
    settings: AssessmentSettings,
    gift: String,
    questions: Vec<(Uuid, gift::GiftQuestion)>,
}

struct LessonContent {
    id: Uuid,
    slug: &'static str,
    title: String,
    minutes: i64,
    required: bool,
    body_markdown: String,
    body_html: String,
    document: Option<(String, String)>,
}

/// Builds every course of `plan` with its content.
pub fn build(
    plan: &Plan,
    network: &Network,
    clock: &Clock,
    rng: &mut StdRng,
) -> Result<(Vec<Course>, Vec<CourseContent>), SyntheticError> {
    let mut ranks: Vec<usize> = (0..plan.courses).collect();
    ranks.shuffle(rng);
    let mut courses = Vec::with_capacity(plan.courses);
    let mut contents = Vec::with_capacity(plan.courses);
    for (index, rank) in ranks.into_iter().enumerate() {
        let (course, content) = course(index, rank, network, clock, rng)?;
        courses.push(course);
        contents.push(content);
    }
    Ok((courses, contents))
}

fn course(
    index: usize,
    rank: usize,
    network: &Network,
    clock: &Clock,
    rng: &mut StdRng,
) -> Result<(Course, CourseContent), SyntheticError> {
    let coe_index = index % network.coes.len();
    let coe = &network.coes[coe_index];
    let topic = TOPICS.choose(rng).unwrap_or(&TOPICS[0]);
    let (title, level) = title_and_level(topic, rng);
    let title = format!("{title} ({})", coe.city.name);
    let audience = if rng.random_bool(0.85) {
        topic.audience
    } else {
        Audience::ALL
            .choose(rng)
            .map_or(topic.audience, |audience| audience.as_str())
    };
    let created_at = between(clock.days_ago(760), clock.days_ago(30), 1.6, rng);
    let published_at = created_at + PUBLISHED_AFTER;
    let archived_at = rng
        .random_bool(ARCHIVED_SHARE)
        .then(|| between(published_at + 120 * DAY, clock.days_ago(1), 1.0, rng))
        .filter(|archived| *archived > published_at);
    let certificate = rng.random_bool(CERTIFICATE_SHARE);
    let validity_months = (certificate && rng.random_bool(0.25))
        .then(|| [12, 24, 36].choose(rng).copied())
        .flatten();
    let approval = rng.random_bool(APPROVAL_SHARE);

    let module_count = rng.random_range(3..=6).min(topic.themes.len());
    let mut themes = index::sample(rng, topic.themes.len(), module_count).into_vec();
    themes.sort_unstable();
    let assessed = rng.random_bool(ASSESSED_SHARE);
    let middle_assessment =
        (assessed && module_count >= 4 && rng.random_bool(0.2)).then_some(module_count / 2 - 1);
    let mut modules = Vec::with_capacity(module_count);
    let mut id_clock = created_at;
    for (position, &theme) in themes.iter().enumerate() {
        let (theme_title, theme_slug) = topic.themes[theme];
        let subject = Subject {
            topic,
            theme: theme_title,
        };
        let lesson_count = rng.random_range(2..=4);
        let mut patterns = index::sample(rng, LESSON_PATTERNS.len(), lesson_count).into_vec();
        patterns.sort_unstable();
        let lessons = patterns
            .into_iter()
            .map(|pattern| {
                id_clock += 1;
                lesson(
                    &subject,
                    pattern,
                    audience,
                    position == 0,
                    id_at(id_clock, rng),
                    rng,
                )
            })
            .collect();
        let has_quiz =
            (assessed && position + 1 == module_count) || middle_assessment == Some(position);
        let self_check = !has_quiz && position == 0 && module_count >= 2 && rng.random_bool(0.5);
        let quiz = if has_quiz {
            let title = if position + 1 == module_count {
                "Final assessment".to_owned()
            } else {
                format!("{theme_title}: module assessment")
            };
            Some(quiz(&subject, &title, created_at, QuizKind::Graded, rng)?)
        } else if self_check {
            let title = format!("{theme_title}: self-check");
            Some(quiz(
                &subject,
                &title,
                created_at,
                QuizKind::SelfCheck,
                rng,
            )?)
        } else {
            None
        };
        id_clock += 1;
        modules.push(ModuleContent {
            id: id_at(id_clock, rng),
            slug: theme_slug,
            title: theme_title.to_owned(),
            summary: subject.sentence(rng),
            quiz,
            lessons,
        });
    }

    let lessons: Vec<&LessonContent> = modules.iter().flat_map(|module| &module.lessons).collect();
    let minutes: i64 = lessons.iter().map(|lesson| lesson.minutes).sum();
    let credits = match rng.random_range(0..20) {
        0..12 => Some((
            ((minutes as f64) / 30.0).round().max(1.0) / 2.0,
            CreditType::CpdHours.as_str(),
        )),
        12..15 => Some((
            [0.5, 1.0, 2.0, 3.0].choose(rng).copied().unwrap_or(1.0),
            CreditType::Ects.as_str(),
        )),
        _ => None,
    };
    let last_required = lessons
        .iter()
        .rposition(|lesson| lesson.required)
        .unwrap_or(0);
    let assessments: Vec<Assessment> = modules
        .iter()
        .filter_map(|module| module.quiz.as_ref().map(|quiz| (module.id, quiz)))
        .filter(|(_, quiz)| quiz.settings.required)
        .map(|(module_id, quiz)| assessment(module_id, quiz))
        .collect();
    let summary = format!(
        "For {}: {}, from {} to {}.",
        audience_phrase(audience),
        lowered(topic.name),
        lowered(
            modules
                .first()
                .map_or(topic.name, |module| module.title.as_str())
        ),
        lowered(
            modules
                .last()
                .map_or(topic.name, |module| module.title.as_str())
        ),
    );
    let description_markdown = description(
        topic,
        &coe.name,
        &modules,
        certificate,
        validity_months,
        rng,
    );
    let tags: Vec<String> = topic.tags.iter().map(|tag| (*tag).to_owned()).collect();
    let search_text = search_text(
        &title,
        &summary,
        &tags,
        &description_markdown,
        modules.iter().map(|module| {
            (
                module.title.as_str(),
                module
                    .lessons
                    .iter()
                    .map(|lesson| (lesson.title.as_str(), lesson.body_markdown.as_str()))
                    .collect(),
            )
        }),
    );
    let mut hasher = Sha256::new();
    hasher.update(search_text.as_bytes());
    for quiz in modules.iter().filter_map(|module| module.quiz.as_ref()) {
        hasher.update(quiz.gift.as_bytes());
    }
    let course = Course {
        id: id_at(created_at, rng),
        version_id: id_at(created_at, rng),
        coe: coe_index,
        title,
        summary,
        certificate,
        validity_months,
        credits,
        approval,
        published_at,
        archived_at,
        popularity: 1.0 / ((rank + 1) as f64).powf(POPULARITY_SKEW),
        lessons: lessons.iter().map(|lesson| lesson.id).collect(),
        last_required,
        assessments,
    };
    let content = CourseContent {
        slug: format!("{SLUG_PREFIX}{}-{:04}", topic.slug, index + 1),
        created_at,
        audience,
        level,
        tags,
        description_html: render_markdown(&description_markdown),
        description_markdown,
        search_text,
        content_hash: hex::encode(hasher.finalize()),
        modules,
    };
    Ok((course, content))
}

fn title_and_level(topic: &Topic, rng: &mut StdRng) -> (String, &'static str) {
    let name = topic.name;
    let lower = lowered(name);
    match rng.random_range(0..8) {
        0 => (
            format!("Introduction to {lower}"),
            Level::Introductory.as_str(),
        ),
        1 => (
            format!("{name} for beginners"),
            Level::Introductory.as_str(),
        ),
        2 => (format!("Advanced {lower}"), Level::Advanced.as_str()),
        3 => (
            format!("{name}: inspection readiness"),
            Level::Advanced.as_str(),
        ),
        4 => (
            format!("{name}: case studies from the network"),
            Level::Intermediate.as_str(),
        ),
        5 => (
            format!("{name}: a practical workshop"),
            Level::Intermediate.as_str(),
        ),
        6 => (format!("{name} refresher"), Level::Intermediate.as_str()),
        _ => (
            format!("{name}: principles and practice"),
            Level::Intermediate.as_str(),
        ),
    }
}

fn audience_phrase(audience: &str) -> &'static str {
    match Audience::parse(audience) {
        Some(Audience::Public) => "patients, families and the public",
        Some(Audience::Scientists) => "laboratory and translational scientists",
        Some(Audience::Clinicians) => "clinicians, nurses and trial staff",
        Some(Audience::GmpStaff) => "GMP operators, QA and QC staff",
        Some(Audience::Stakeholders) | None => "companies, payers and policy makers",
    }
}

fn lesson(
    subject: &Subject<'_>,
    pattern: usize,
    audience: &str,
    first_of_course: bool,
    id: Uuid,
    rng: &mut StdRng,
) -> LessonContent {
    let (title_pattern, slug) = LESSON_PATTERNS[pattern];
    let theme = lowered(subject.theme);
    let title = title_pattern
        .replace("{Theme}", &capitalised(&theme))
        .replace("{theme}", &theme);
    let mut body = String::with_capacity(3_000);
    body.push_str(&subject.paragraph(3, rng));
    body.push_str("\n\n## What this lesson covers\n\n");
    for _ in 0..3 {
        let term = subject.term(rng);
        body.push_str(&format!(
            "- **{}**: {}\n",
            capitalised(term),
            subject.sentence(rng)
        ));
    }
    body.push_str("\n## In practice\n\n");
    body.push_str(&subject.paragraph(4, rng));
    body.push_str("\n\n| Step | Who | Record |\n|---|---|---|\n");
    for step in ["Plan", "Carry out", "Review"] {
        let role = super::vocabulary::ROLES
            .choose(rng)
            .copied()
            .unwrap_or("QA");
        body.push_str(&format!(
            "| {step} | {} | {} |\n",
            capitalised(role),
            capitalised(subject.term(rng))
        ));
    }
    body.push_str("\n> **In the network.** ");
    body.push_str(&subject.sentence(rng));
    body.push_str("\n\n## Summary\n\n");
    body.push_str(&subject.paragraph(2, rng));
    body.push('\n');
    let document = (audience == Audience::GmpStaff.as_str() && rng.random_bool(0.05)).then(|| {
        (
            format!(
                "SOP-{}-{:03}",
                ["QA", "QC", "PR", "EM"]
                    .choose(rng)
                    .copied()
                    .unwrap_or("QA"),
                rng.random_range(1..400)
            ),
            rng.random_range(1..5).to_string(),
        )
    });
    LessonContent {
        id,
        slug,
        title,
        minutes: rng.random_range(5..=45),
        required: first_of_course || rng.random_bool(0.85),
        body_html: render_markdown(&body),
        body_markdown: body,
        document,
    }
}

/// What an assessment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuizKind {
    /// Counts for completion: a few attempts, often timed.
    Graded,
    /// Practice for the learner: optional, untimed, as many attempts as wanted.
    SelfCheck,
}

/// An assessment's settings and a question bank a few questions larger
/// than an attempt, written in GIFT and parsed back by the real parser.
fn quiz(
    subject: &Subject<'_>,
    title: &str,
    created_at: i64,
    kind: QuizKind,
    rng: &mut StdRng,
) -> Result<Quiz, SyntheticError> {
    let per_attempt = rng.random_range(5..=10_u32);
    let graded = kind == QuizKind::Graded;
    let settings = AssessmentSettings {
        title: Text(title.to_owned()),
        pass_mark_percent: Bounded([70, 75, 80].choose(rng).copied().unwrap_or(75)),
        questions_per_attempt: Bounded(per_attempt),
        max_attempts: graded.then(|| Bounded(rng.random_range(2..=4))),
        time_limit_minutes: (graded && rng.random_bool(0.7))
            .then(|| Bounded([20, 30, 45].choose(rng).copied().unwrap_or(30))),
        required: graded,
        result_rule: None,
        cooldown_minutes: None,
        shuffle_options: rng.random_bool(0.5),
        feedback: None,
        show_correct_answers: false,
        draw: Vec::new(),
        one_per_page: false,
        fixed: false,
    };
    let bank_size = per_attempt as usize + rng.random_range(3..=8);
    let gift = question_bank(subject, title, bank_size, rng);
    let parsed =
        gift::parse(&gift).map_err(|error| SyntheticError::QuestionBank(error.to_string()))?;
    let questions = parsed
        .into_iter()
        .enumerate()
        .map(|(position, question)| (id_at(created_at + position as i64, rng), question))
        .collect();
    Ok(Quiz {
        settings,
        gift,
        questions,
    })
}

fn question_bank(subject: &Subject<'_>, title: &str, size: usize, rng: &mut StdRng) -> String {
    let topic = lowered(subject.topic.name);
    let theme = lowered(subject.theme);
    let mut bank = format!("// {title}: question bank ({topic}).\n\n");
    for number in 1..=size {
        let term = subject.term(rng);
        let mut wrong: Vec<&str> = DISTRACTORS.choose_multiple(rng, 3).copied().collect();
        wrong.shuffle(rng);
        let question = match number % 5 {
            1 => format!(
                "::Q{number:02} {term}::Which of the following is part of {theme} in {topic}?\n{{\n\
                 ={term}#Correct. {} is part of {theme}.\n\
                 ~{}#Not quite. It has nothing to do with {theme}.\n\
                 ~{}#Not quite. It has nothing to do with {theme}.\n\
                 ~{}#Not quite. It has nothing to do with {theme}.\n}}\n",
                capitalised(term),
                wrong[0],
                wrong[1],
                wrong[2]
            ),
            2 => format!(
                "::Q{number:02} Records::The {term} is recorded so that what happened can be reconstructed later.{{T}}\n"
            ),
            3 => {
                let other = subject.term(rng);
                let second = if other == term {
                    subject.topic.terms[0]
                } else {
                    other
                };
                format!(
                    "::Q{number:02} Select all::Which of these belong to {topic}? Select all that apply.\n{{\n\
                     ~%50%{term}\n~%50%{second}\n~%-50%{}\n~%-50%{}\n}}\n",
                    wrong[0], wrong[1]
                )
            }
            4 => format!(
                "::Q{number:02} Relevance::{} is a critical quality attribute of an advanced therapy medicinal product.{{F}}\n",
                capitalised(wrong[0])
            ),
            _ => {
                let (question, answer) = NUMERIC_FACTS
                    .choose(rng)
                    .copied()
                    .unwrap_or(NUMERIC_FACTS[0]);
                format!("::Q{number:02} Numbers::{question}{{#{answer}}}\n")
            }
        };
        bank.push_str(&question);
        bank.push('\n');
    }
    bank
}

fn assessment(module_id: Uuid, quiz: &Quiz) -> Assessment {
    let settings = &quiz.settings;
    let questions: Vec<Uuid> = quiz
        .questions
        .iter()
        .filter(|(_, question)| question.kind != gift::QuestionKind::Description)
        .map(|(id, _)| *id)
        .collect();
    Assessment {
        module_id,
        per_attempt: (settings.questions_per_attempt.0 as usize).min(questions.len()),
        questions,
        max_attempts: settings.max_attempts.map_or(3, |attempts| attempts.0),
        pass_mark_percent: settings.pass_mark_percent.0,
        time_limit_minutes: settings.time_limit_minutes.map(|minutes| minutes.0),
    }
}

fn description(
    topic: &Topic,
    coe_name: &str,
    modules: &[ModuleContent],
    certificate: bool,
    validity_months: Option<u32>,
    rng: &mut StdRng,
) -> String {
    let subject = Subject {
        topic,
        theme: modules
            .first()
            .map_or(topic.name, |module| module.title.as_str()),
    };
    let mut text = subject.paragraph(3, rng);
    text.push_str(&format!(
        "\n\nThis course, run by the {coe_name}, covers:\n\n"
    ));
    for module in modules {
        text.push_str(&format!("- {};\n", lowered(&module.title)));
    }
    let assessments: Vec<String> = modules
        .iter()
        .filter_map(|module| module.quiz.as_ref())
        .filter(|quiz| quiz.settings.required)
        .map(|quiz| {
            let settings = &quiz.settings;
            format!(
                "{} questions per attempt (pass mark {} %, {} attempts)",
                settings.questions_per_attempt.0,
                settings.pass_mark_percent.0,
                settings.max_attempts.map_or(3, |attempts| attempts.0)
            )
        })
        .collect();
    if !assessments.is_empty() || certificate {
        text.push_str("\n**Assessment and certificate.** ");
        if !assessments.is_empty() {
            text.push_str(&format!("Assessed by {}. ", assessments.join(" and ")));
        }
        match (certificate, validity_months) {
            (true, Some(months)) => text.push_str(&format!(
                "Completing the course earns a certificate, valid for {months} months."
            )),
            (true, None) => text.push_str("Completing the course earns a certificate."),
            (false, _) => {}
        }
        text.push('\n');
    }
    text
}

pub fn copy_courses(
    connection: &mut PgConnection,
    network: &Network,
    courses: &[Course],
    contents: &[CourseContent],
) -> Result<usize, SyntheticError> {
    use courses::dsl as c;
    copy_rows(
        connection,
        courses::table,
        (
            c::id,
            c::slug,
            c::coe_id,
            c::source,
            c::status,
            c::current_version_id,
            c::created_at,
            c::archived_at,
        ),
        |writer| {
            for (course, content) in courses.iter().zip(contents) {
                writer
                    .uuid(course.id)
                    .text(&content.slug)
                    .uuid(network.coes[course.coe].id)
                    .text("web")
                    .text(if course.archived_at.is_some() {
                        "archived"
                    } else {
                        "active"
                    })
                    .uuid(course.version_id)
                    .timestamp(content.created_at)
                    .opt_timestamp(course.archived_at);
                writer.end_row()?;
            }
            Ok(())
        },
    )
}

/// The versions, as drafts (`queries::publish_versions` publishes them
/// and sets their search text, staged by `copy_search_texts`).
pub fn copy_versions(
    connection: &mut PgConnection,
    courses: &[Course],
    contents: &[CourseContent],
) -> Result<usize, SyntheticError> {
    use course_versions::dsl as v;
    copy_rows(
        connection,
        course_versions::table,
        (
            v::id,
            v::course_id,
            v::version_number,
            v::status,
            v::content_hash,
            v::title,
            v::summary,
            v::description_markdown,
            v::description_html,
            v::audience,
            v::level,
            v::language,
            v::credits,
            v::credit_type,
            v::tags,
            v::certificate,
            v::certificate_validity_months,
            v::enrolment_method,
            v::requires_retraining,
            v::search_text,
            v::created_at,
        ),
        |writer| {
            for (course, content) in courses.iter().zip(contents) {
                writer
                    .uuid(course.version_id)
                    .uuid(course.id)
                    .int(1)
                    .text("draft")
                    .text(&content.content_hash)
                    .text(&course.title)
                    .text(&course.summary)
                    .text(&content.description_markdown)
                    .text(&content.description_html)
                    .text(content.audience)
                    .text(content.level)
                    .text("en")
                    .opt_float(course.credits.map(|(credits, _)| credits))
                    .opt_text(course.credits.map(|(_, unit)| unit))
                    .text_array(&content.tags)
                    .bool(course.certificate)
                    .opt_int(course.validity_months.map(i64::from))
                    .text(if course.approval { "approval" } else { "open" })
                    .bool(false)
                    .text("")
                    .timestamp(content.created_at);
                writer.end_row()?;
            }
            Ok(())
        },
    )
}

/// Each version's search text, into the table `queries::stage_search_texts` made.
pub fn copy_search_texts(
    connection: &mut PgConnection,
    courses: &[Course],
    contents: &[CourseContent],
) -> Result<usize, SyntheticError> {
    use super::queries::synthetic_search_texts::dsl as s;
    copy_rows(
        connection,
        s::synthetic_search_texts,
        (s::version_id, s::search_text),
        |writer| {
            for (course, content) in courses.iter().zip(contents) {
                writer.uuid(course.version_id).text(&content.search_text);
                writer.end_row()?;
            }
            Ok(())
        },
    )
}

pub fn copy_modules(
    connection: &mut PgConnection,
    courses: &[Course],
    contents: &[CourseContent],
) -> Result<usize, SyntheticError> {
    use course_modules::dsl as m;
    copy_rows(
        connection,
        course_modules::table,
        (
            m::id,
            m::course_version_id,
            m::position,
            m::slug,
            m::title,
            m::summary,
            m::assessment,
            m::quiz_gift,
        ),
        |writer| {
            for (course, content) in courses.iter().zip(contents) {
                for (position, module) in content.modules.iter().enumerate() {
                    writer
                        .uuid(module.id)
                        .uuid(course.version_id)
                        .int(position as i64 + 1)
                        .text(module.slug)
                        .text(&module.title)
                        .text(&module.summary)
                        .opt_json(
                            module
                                .quiz
                                .as_ref()
                                .map(|quiz| json!(quiz.settings))
                                .as_ref(),
                        )
                        .opt_text(module.quiz.as_ref().map(|quiz| quiz.gift.as_str()));
                    writer.end_row()?;
                }
            }
            Ok(())
        },
    )
}

pub fn copy_lessons(
    connection: &mut PgConnection,
    courses: &[Course],
    contents: &[CourseContent],
) -> Result<usize, SyntheticError> {
    use lessons::dsl as l;
    copy_rows(
        connection,
        lessons::table,
        (
            l::id,
            l::module_id,
            l::course_version_id,
            l::position,
            l::slug,
            l::title,
            l::minutes,
            l::required,
            l::body_markdown,
            l::body_html,
            l::document_id,
            l::document_version,
        ),
        |writer| {
            for (course, content) in courses.iter().zip(contents) {
                for module in &content.modules {
                    for (position, lesson) in module.lessons.iter().enumerate() {
                        let document = lesson.document.as_ref();
                        writer
                            .uuid(lesson.id)
                            .uuid(module.id)
                            .uuid(course.version_id)
                            .int(position as i64 + 1)
                            .text(lesson.slug)
                            .text(&lesson.title)
                            .int(lesson.minutes)
                            .bool(lesson.required)
                            .text(&lesson.body_markdown)
                            .text(&lesson.body_html)
                            .opt_text(document.map(|(id, _)| id.as_str()))
                            .opt_text(document.map(|(_, version)| version.as_str()));
                        writer.end_row()?;
                    }
                }
            }
            Ok(())
        },
    )
}

/// The parsed questions of every quiz, as `assessment::service::store_questions` stores them.
pub fn copy_questions(
    connection: &mut PgConnection,
    contents: &[CourseContent],
) -> Result<usize, SyntheticError> {
    use assessment_questions::dsl as q;
    copy_rows(
        connection,
        assessment_questions::table,
        (
            q::id,
            q::module_id,
            q::position,
            q::category,
            q::title,
            q::question,
            q::gradable,
        ),
        |writer| {
            for module in contents.iter().flat_map(|content| &content.modules) {
                let Some(quiz) = &module.quiz else { continue };
                for (position, (id, question)) in quiz.questions.iter().enumerate() {
                    writer
                        .uuid(*id)
                        .uuid(module.id)
                        .int(position as i64 + 1)
                        .opt_text(question.category.as_deref())
                        .opt_text(question.title.as_deref())
                        .json(&json!(question))
                        .bool(question.kind != gift::QuestionKind::Description);
                    writer.end_row()?;
                }
            }
            Ok(())
        },
    )
}
