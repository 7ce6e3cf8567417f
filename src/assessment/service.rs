//! Attempt rules: an enrolled learner starts an attempt (at most the
//! assessment's `max_attempts`, counted under the enrolment's row lock so
//! parallel starts cannot exceed it; an open attempt is resumed), questions
//! are drawn at random from the module's bank, answers are saved until the
//! server-side deadline (plus a grace period), and submitting grades every
//! drawn question. A passed required assessment can complete the course.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, PgConnection};
use rand::seq::SliceRandom;
use serde::Serialize;
use serde_json::json;

use super::gift::{self, GiftQuestion};
use super::grading::{self, Answer};
use super::kept::{
    KeptAssessment, KeptQuestion, kept_assessment, stored_question, stored_settings,
};
use super::queries::{self, Attempt, AttemptId, GradedSummary, NewQuestion, QuestionId};
use crate::audit::{self, Actor, Change};
use crate::catalog::cache::CatalogueCache;
use crate::course_files::format::AssessmentSettings;
use crate::db::DbError;
use crate::enrolment::queries as enrolment_queries;
use crate::enrolment::service::{self as enrolment_service, EnrolmentError};
use crate::identity::claimant::Claimant;
use crate::ids::{CourseVersionId, ModuleId, UserId};

/// How long after the deadline answers are still accepted (network delays).
pub const GRACE_SECONDS: i64 = 30;

/// Why an assessment operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AssessmentError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Forbidden(String),
    /// The session's person was not confirmed (signed out since, or gone).
    #[error("Please sign in to continue.")]
    NotSignedIn,
    #[error(transparent)]
    Enrolment(#[from] EnrolmentError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for AssessmentError {
    fn from(error: diesel::result::Error) -> Self {
        AssessmentError::Db(DbError::Query(error))
    }
}

/// Stores the questions of every module of `version` that has a quiz but no
/// question rows yet (at publication, and once for older versions).
pub fn store_questions(
    connection: &mut PgConnection,
    version: CourseVersionId,
) -> Result<(), AssessmentError> {
    for (module, source) in queries::modules_missing_questions(connection, version)? {
        let questions = gift::parse(&source)
            .map_err(|error| DbError::Task(format!("a stored quiz no longer parses: {error}")))?;
        let rows: Vec<NewQuestion> = questions
            .iter()
            .zip(1..)
            .map(|(question, position)| NewQuestion {
                position,
                category: question.category.clone(),
                title: question.title.clone(),
                question: json!(question),
                gradable: question.kind != gift::QuestionKind::Description,
            })
            .collect();
        queries::insert_questions(connection, module, &rows)?;
    }
    Ok(())
}

/// A module's assessment as the learner's enrolment sees it.
struct Context {
    enrolment: enrolment_queries::Enrolment,
    module: ModuleId,
    assessment: Arc<KeptAssessment>,
}

/// The learner's enrolment (locked) and the module's assessment;
/// [`AssessmentError::NotSignedIn`] unless `claimant` is accepted.
fn context(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    claimant: Claimant<'_>,
    course_slug: &str,
    module_slug: &str,
) -> Result<Context, AssessmentError> {
    let Some(found) =
        queries::lock_enrolment_at_module(connection, claimant.id(), course_slug, module_slug)?
    else {
        return Err(
            match crate::catalog::queries::course_id_by_slug(connection, course_slug)? {
                None => AssessmentError::NotFound(format!("There is no course \"{course_slug}\".")),
                Some(_) => AssessmentError::Refused(
                    "Enrol in the course to take its assessments.".to_owned(),
                ),
            },
        );
    };
    if !claimant.accept(found.person) {
        return Err(AssessmentError::NotSignedIn);
    }
    let no_assessment = || {
        AssessmentError::NotFound(
            "Your version of this course has no assessment in that module.".to_owned(),
        )
    };
    let module = found.module_id.ok_or_else(no_assessment)?;
    let assessment =
        kept_assessment(connection, cache, found.generation, module)?.ok_or_else(no_assessment)?;
    Ok(Context {
        enrolment: found.enrolment,
        module,
        assessment,
    })
}

/// Starts an attempt, or returns the one in progress.
pub fn start(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    claimant: Claimant<'_>,
    course_slug: &str,
    module_slug: &str,
    now: DateTime<Utc>,
) -> Result<AttemptId, AssessmentError> {
    let user_id = claimant.id();
    connection.transaction(|connection| {
        let context = context(connection, cache, claimant, course_slug, module_slug)?;
        let settings = &context.assessment.settings;
        let latest = queries::latest_attempt(connection, context.enrolment.id, context.module)?;
        if let Some(open) = latest
            .as_ref()
            .filter(|attempt| attempt.status == "in_progress")
        {
            return Ok(open.id);
        }
        let used = latest.as_ref().map_or(0, |attempt| attempt.number);
        if let (Some(cooldown), Some(last)) = (
            settings.cooldown_minutes,
            latest.as_ref().and_then(|attempt| attempt.submitted_at),
        ) && now < last + Duration::minutes(i64::from(cooldown.0))
        {
            return Err(AssessmentError::Refused(format!(
                "You can start your next attempt at {} UTC ({} minutes after your last one).",
                (last + Duration::minutes(i64::from(cooldown.0))).format("%H:%M on %-d %B %Y"),
                cooldown.0
            )));
        }
        if let Some(limit) = settings.max_attempts
            && i64::from(used) >= i64::from(limit.0)
        {
            return Err(AssessmentError::Refused(format!(
                "You have used all {} attempts at \"{}\".",
                limit.0, settings.title.0
            )));
        }
        let bank = draw_questions(settings, context.assessment.gradable());
        let deadline = settings
            .time_limit_minutes
            .map(|minutes| now + Duration::minutes(i64::from(minutes.0)));
        let number = used.saturating_add(1);
        let attempt = queries::insert_attempt(
            connection,
            context.enrolment.id,
            context.module,
            number,
            &bank,
            now,
            deadline,
        )?;
        audit::record(
            connection,
            Change::new(
                Actor::User(user_id),
                "attempt.started",
                "attempt",
                attempt.id,
            )
            .new_value(json!({
                "enrolment_id": context.enrolment.id, "assessment": settings.title.0,
                "number": number, "questions": bank.len(), "deadline": deadline,
            })),
        )?;
        Ok(attempt.id)
    })
}

/// An attempt of `claimant`'s, locked with its enrolment, and its module's
/// assessment; [`AssessmentError::NotSignedIn`] unless `claimant` is
/// accepted.
fn owned_attempt(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    claimant: Claimant<'_>,
    attempt_id: AttemptId,
) -> Result<(queries::LockedAttempt, Arc<KeptAssessment>), AssessmentError> {
    let mut locked =
        queries::lock_attempt_with_enrolment(connection, claimant.id(), attempt_id)?
            .ok_or_else(|| AssessmentError::NotFound("There is no such attempt.".to_owned()))?;
    if !claimant.accept(locked.person.take()) {
        return Err(AssessmentError::NotSignedIn);
    }
    let assessment = kept_assessment(
        connection,
        cache,
        locked.generation,
        locked.attempt.module_id,
    )?
    .ok_or_else(|| AssessmentError::NotFound("This module has no assessment.".to_owned()))?;
    Ok((locked, assessment))
}

/// Answers a learner gives with a save or a submission: read against the
/// attempt's questions (a form names them by the questions it showed) by
/// the closure the caller passes, inside the unit of work.
pub type Answers = Vec<(QuestionId, Answer)>;

/// Whether the time for an attempt is up (its deadline and the grace
/// period have passed): answers are no longer saved.
fn time_is_up(attempt: &Attempt, now: DateTime<Utc>) -> bool {
    attempt
        .deadline_at
        .is_some_and(|deadline| now > deadline + Duration::seconds(GRACE_SECONDS))
}

/// Saves answers of an attempt in progress, until the deadline (plus grace).
pub fn save_answers(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    claimant: Claimant<'_>,
    attempt_id: AttemptId,
    given: impl FnOnce(&Attempt, &KeptAssessment) -> Result<Answers, AssessmentError>,
    now: DateTime<Utc>,
) -> Result<(), AssessmentError> {
    connection.transaction(|connection| {
        let (locked, assessment) = owned_attempt(connection, cache, claimant, attempt_id)?;
        let attempt = &locked.attempt;
        if attempt.status != "in_progress" {
            return Err(AssessmentError::Conflict("This attempt has been submitted; its answers can no longer change.".to_owned()));
        }
        if time_is_up(attempt, now) {
            return Err(AssessmentError::Refused(
                "The time for this attempt is up: answers can no longer be saved. Submit it to see your result.".to_owned(),
            ));
        }
        let answers = given(attempt, &assessment)?;
        store_answers(connection, attempt, &assessment, &answers, now)
    })
}

/// Checks that every answer names a question of the attempt, once, and
/// fits it, then stores them all (a question's earlier answer is replaced).
fn store_answers(
    connection: &mut PgConnection,
    attempt: &Attempt,
    assessment: &KeptAssessment,
    answers: &[(QuestionId, Answer)],
    now: DateTime<Utc>,
) -> Result<(), AssessmentError> {
    check_questions(attempt, answers)?;
    for (question_id, answer) in answers {
        grade_given(attempt, assessment, *question_id, answer)?;
    }
    let values: Vec<(QuestionId, serde_json::Value)> = answers
        .iter()
        .map(|(question_id, answer)| (*question_id, json!(answer)))
        .collect();
    if !values.is_empty() {
        queries::save_answers(connection, attempt.id, &values, now)?;
    }
    Ok(())
}

/// Refuses answers unless each names a question of the attempt, once.
fn check_questions(
    attempt: &Attempt,
    answers: &[(QuestionId, Answer)],
) -> Result<(), AssessmentError> {
    let mut answered = HashSet::with_capacity(answers.len());
    for (question_id, _) in answers {
        if !attempt.question_ids.contains(&question_id.0) {
            return Err(AssessmentError::Refused(
                "An answer names a question that is not in this attempt.".to_owned(),
            ));
        }
        if !answered.insert(*question_id) {
            return Err(AssessmentError::Refused(format!(
                "Question {} is answered twice: send one answer for each question.",
                position_of(attempt, *question_id)
            )));
        }
    }
    Ok(())
}

/// The grade of an answer the learner gives now, or its refusal, naming
/// the question's number, when it does not fit the question.
fn grade_given(
    attempt: &Attempt,
    assessment: &KeptAssessment,
    question_id: QuestionId,
    answer: &Answer,
) -> Result<grading::Grade, AssessmentError> {
    let question = question_of(assessment, question_id)?;
    grading::grade(&question.kind, answer).map_err(|error| {
        AssessmentError::Refused(format!(
            "Question {}: {error}.",
            position_of(attempt, question_id)
        ))
    })
}

/// No marks, no feedback: a question left blank, or a saved answer that no
/// longer fits its question.
fn no_credit() -> grading::Grade {
    grading::Grade {
        fraction: 0.0,
        feedback: Vec::new(),
        needs_review: false,
    }
}

fn position_of(attempt: &Attempt, question: QuestionId) -> usize {
    attempt
        .question_ids
        .iter()
        .position(|id| *id == question.0)
        .map_or(0, |index| index + 1)
}

/// A question of an attempt, from its module's bank.
pub fn question_of(
    assessment: &KeptAssessment,
    id: QuestionId,
) -> Result<&GiftQuestion, AssessmentError> {
    assessment.question(id).ok_or_else(|| {
        AssessmentError::NotFound("A question of this attempt is missing.".to_owned())
    })
}

/// Submits and grades an attempt with the answers `given` with it (unless
/// the time is up: then only answers saved in time count), in one
/// transaction: a given answer that does not fit refuses the submission
/// and saves nothing. Each question's answer is written once, with its
/// grade: the answer given now, else the one saved before (with the time
/// it was saved), else a blank.
pub fn submit(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    claimant: Claimant<'_>,
    attempt_id: AttemptId,
    given: impl FnOnce(&Attempt, &KeptAssessment) -> Result<Answers, AssessmentError>,
    now: DateTime<Utc>,
) -> Result<AttemptResult, AssessmentError> {
    let user_id = claimant.id();
    connection.transaction(|connection| {
        let (locked, assessment) = owned_attempt(connection, cache, claimant, attempt_id)?;
        let attempt = &locked.attempt;
        if attempt.status != "in_progress" {
            return Err(AssessmentError::Conflict(
                "This attempt has already been submitted.".to_owned(),
            ));
        }
        let late = time_is_up(attempt, now);
        let given: HashMap<QuestionId, Answer> = if late {
            HashMap::new()
        } else {
            let answers = given(attempt, &assessment)?;
            check_questions(attempt, &answers)?;
            answers.into_iter().collect()
        };
        let every_question_given = attempt
            .question_ids
            .iter()
            .all(|id| given.contains_key(&QuestionId(*id)));
        let saved = if every_question_given {
            Vec::new()
        } else {
            queries::answers_of(connection, attempt.id)?
        };
        let settings = &assessment.settings;
        let mut grades = Vec::with_capacity(attempt.question_ids.len());
        for id in attempt.question_ids.iter().map(|id| QuestionId(*id)) {
            let (answer, saved_at, grade) = if let Some(answer) = given.get(&id) {
                let grade = grade_given(attempt, &assessment, id, answer)?;
                (json!(answer), now, grade)
            } else if let Some(earlier) = saved.iter().find(|answer| answer.question_id == id) {
                let question = question_of(&assessment, id)?;
                let answer =
                    serde_json::from_value(earlier.answer.clone()).unwrap_or(Answer::Blank);
                let grade = grading::grade(&question.kind, &answer).unwrap_or_else(|_| no_credit());
                (earlier.answer.clone(), earlier.saved_at, grade)
            } else {
                (json!(Answer::Blank), now, no_credit())
            };
            grades.push(queries::AnswerGrade {
                question: id,
                answer,
                saved_at,
                fraction: grade.fraction,
                feedback: json!(grade.feedback),
                needs_review: grade.needs_review,
            });
        }
        let total: f64 = grades.iter().map(|grade| grade.fraction).sum();
        let needs_review = grades.iter().any(|grade| grade.needs_review);
        let score = if grades.is_empty() {
            0.0
        } else {
            total / grades.len() as f64
        };
        let passed = (!needs_review)
            .then(|| score * 100.0 + 1e-9 >= f64::from(settings.pass_mark_percent.0));
        let status = if needs_review {
            "awaiting_review"
        } else {
            "graded"
        };
        queries::record_grades_and_finish(
            connection,
            attempt.id,
            &grades,
            &queries::Finish {
                status,
                score: (!needs_review).then_some(score),
                passed,
            },
            now,
        )?;
        audit::record(
            connection,
            Change::new(
                Actor::User(user_id),
                "attempt.submitted",
                "attempt",
                attempt.id,
            )
            .new_value(json!({
                "status": status, "score": score, "passed": passed, "late_submission": late,
            })),
        )?;
        if passed == Some(true) {
            let enrolment = enrolment_queries::lock_enrolment(connection, attempt.enrolment_id)?
                .ok_or_else(|| {
                    AssessmentError::NotFound("The attempt's enrolment is gone.".to_owned())
                })?;
            enrolment_service::check_completion(connection, &enrolment, &locked.course_slug)?;
        }
        Ok(AttemptResult {
            attempt_id: attempt.id.to_string(),
            status: status.to_owned(),
            score_percent: (!needs_review).then(|| (score * 1000.0).round() / 10.0),
            passed,
            pass_mark_percent: settings.pass_mark_percent.0,
        })
    })
}

fn module_settings(
    connection: &mut PgConnection,
    module: ModuleId,
) -> Result<AssessmentSettings, AssessmentError> {
    let value = crate::catalog::queries::module_assessment_by_id(connection, module)?
        .ok_or_else(|| AssessmentError::NotFound("This module has no assessment.".to_owned()))?;
    stored_settings(&value)
}

/// The outcome of a submitted attempt.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AttemptResult {
    pub attempt_id: String,
    /// `graded`, or `awaiting_review` while an essay waits for an instructor.
    pub status: String,
    pub score_percent: Option<f64>,
    pub passed: Option<bool>,
    pub pass_mark_percent: u32,
}

/// One past or open attempt in the overview.
#[derive(Debug, Clone, Serialize)]
pub struct AttemptSummary {
    pub id: String,
    pub number: i32,
    pub status: String,
    pub score_percent: Option<f64>,
    pub score_label: Option<String>,
    pub passed: Option<bool>,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// The assessment page before an attempt: rules and attempts so far.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub title: String,
    /// The language of the learner's course version (the title's language).
    pub language: String,
    pub course_slug: String,
    pub module_slug: String,
    pub pass_mark_percent: u32,
    pub questions_per_attempt: u32,
    pub max_attempts: Option<u32>,
    pub time_limit_minutes: Option<u32>,
    pub attempts: Vec<AttemptSummary>,
    pub open_attempt: Option<String>,
    pub attempts_left: Option<u32>,
    pub passed: bool,
}

/// The learner's overview of a module's assessment.
pub fn overview(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    user_id: UserId,
    course_slug: &str,
    module_slug: &str,
) -> Result<Overview, AssessmentError> {
    connection.transaction(|connection| {
        let context = context(
            connection,
            cache,
            Claimant::confirmed(user_id),
            course_slug,
            module_slug,
        )?;
        let settings = &context.assessment.settings;
        let attempts = queries::attempts_of(connection, context.enrolment.id, context.module)?;
        let used = u32::try_from(attempts.len()).unwrap_or(u32::MAX);
        let language = crate::catalog::queries::version_by_id(
            connection,
            context.enrolment.course_version_id,
        )?
        .language;
        Ok(Overview {
            title: settings.title.0.clone(),
            language,
            course_slug: course_slug.to_owned(),
            module_slug: module_slug.to_owned(),
            pass_mark_percent: settings.pass_mark_percent.0,
            questions_per_attempt: settings.questions_per_attempt.0,
            max_attempts: settings.max_attempts.map(|limit| limit.0),
            time_limit_minutes: settings.time_limit_minutes.map(|limit| limit.0),
            open_attempt: attempts
                .iter()
                .find(|attempt| attempt.status == "in_progress")
                .map(|attempt| attempt.id.to_string()),
            attempts_left: settings
                .max_attempts
                .map(|limit| limit.0.saturating_sub(used)),
            passed: passes_under_rule(settings, &summary_of(&attempts)),
            attempts: attempts
                .into_iter()
                .map(|attempt| AttemptSummary {
                    id: attempt.id.to_string(),
                    number: attempt.number,
                    status: attempt.status,
                    score_percent: attempt.score.map(|score| (score * 1000.0).round() / 10.0),
                    score_label: attempt
                        .score
                        .map(|score| super::views::percent_label(score * 100.0)),
                    passed: attempt.passed,
                    submitted_at: attempt.submitted_at,
                })
                .collect(),
        })
    })
}

/// Whether an enrolment has passed a module's assessment under its result
/// rule: the best attempt (any pass), the last graded attempt, or the
/// average score of the graded attempts.
pub fn has_passed(
    connection: &mut PgConnection,
    enrolment: crate::enrolment::queries::EnrolmentId,
    module: ModuleId,
) -> Result<bool, AssessmentError> {
    let settings = module_settings(connection, module)?;
    let attempts = queries::attempts_of(connection, enrolment, module)?;
    Ok(passes_under_rule(&settings, &summary_of(&attempts)))
}

/// Which of the summaries `grades` pass their module's result rule, for the
/// modules whose stored settings are given (summaries of other modules do
/// not count).
pub fn passing_modules(
    settings: &HashMap<ModuleId, &serde_json::Value>,
    grades: impl IntoIterator<Item = queries::ModuleGrades>,
) -> Result<HashSet<(crate::enrolment::queries::EnrolmentId, ModuleId)>, AssessmentError> {
    let mut rules = HashMap::new();
    for (module, value) in settings {
        rules.insert(*module, stored_settings(value)?);
    }
    Ok(grades
        .into_iter()
        .filter(|grades| {
            rules
                .get(&grades.module_id)
                .is_some_and(|rule| passes_under_rule(rule, &grades.summary))
        })
        .map(|grades| (grades.enrolment_id, grades.module_id))
        .collect())
}

/// What the result rules read of an assessment's attempts (all of them,
/// oldest first; only the graded ones count).
fn summary_of(attempts: &[Attempt]) -> GradedSummary {
    let graded: Vec<&Attempt> = attempts
        .iter()
        .filter(|attempt| attempt.status == "graded")
        .collect();
    let scores: Vec<f64> = graded.iter().filter_map(|attempt| attempt.score).collect();
    GradedSummary {
        any_passed: graded.iter().any(|attempt| attempt.passed == Some(true)),
        last_passed: graded.last().and_then(|attempt| attempt.passed),
        average_score: (!scores.is_empty())
            .then(|| scores.iter().sum::<f64>() / scores.len() as f64),
    }
}

fn passes_under_rule(settings: &AssessmentSettings, graded: &GradedSummary) -> bool {
    use crate::course_files::format::ResultRule;
    let pass_mark = f64::from(settings.pass_mark_percent.0);
    match settings.result_rule.unwrap_or(ResultRule::Best) {
        ResultRule::Best => graded.any_passed,
        ResultRule::Last => graded.last_passed == Some(true),
        ResultRule::Average => graded
            .average_score
            .is_some_and(|average| average * 100.0 + 1e-9 >= pass_mark),
    }
}

/// An essay answer an instructor can grade.
#[derive(Debug, Clone, Serialize)]
pub struct EssayToGrade {
    pub attempt_id: String,
    pub question_id: String,
    pub learner: String,
    pub course_slug: String,
    pub question: String,
    pub answer: String,
    pub submitted_at: DateTime<Utc>,
}

/// Whether `reviewer` may grade answers in `course` of `coe`: its
/// instructors and assessors, and network admins.
fn may_grade(
    reviewer: &crate::identity::models::SessionUser,
    course: crate::ids::CourseId,
    coe: crate::ids::CoeId,
) -> bool {
    reviewer.instructs(course, coe)
        || reviewer.has_coe_role(crate::identity::models::Role::Assessor, coe)
}

/// The essays waiting for this reviewer, oldest first.
pub fn review_queue(
    connection: &mut PgConnection,
    reviewer: &crate::identity::models::SessionUser,
) -> Result<Vec<EssayToGrade>, AssessmentError> {
    Ok(queries::pending_essays(connection)?
        .into_iter()
        .filter(|essay| {
            may_grade(
                reviewer,
                crate::ids::CourseId(essay.course_id),
                crate::ids::CoeId(essay.coe_id),
            )
        })
        .map(|essay| EssayToGrade {
            attempt_id: essay.attempt_id.to_string(),
            question_id: essay.question_id.to_string(),
            learner: essay.learner,
            course_slug: essay.course_slug,
            question: essay
                .question
                .get("text")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            answer: match serde_json::from_value::<Answer>(essay.answer) {
                Ok(Answer::Text(text)) => text,
                _ => String::new(),
            },
            submitted_at: essay.submitted_at,
        })
        .collect())
}

/// Grades one essay answer with a comment; when it was the attempt's last
/// ungraded answer, the attempt is graded (and may complete the course).
pub fn grade_essay(
    connection: &mut PgConnection,
    reviewer: &crate::identity::models::SessionUser,
    attempt_id: AttemptId,
    question_id: QuestionId,
    percent: f64,
    comment: &str,
) -> Result<(), AssessmentError> {
    if !(0.0..=100.0).contains(&percent) {
        return Err(AssessmentError::Refused(
            "Give a mark from 0 to 100 %.".to_owned(),
        ));
    }
    let comment = comment.trim();
    if comment.is_empty() {
        return Err(AssessmentError::Refused(
            "Add a comment for the learner: it explains the mark.".to_owned(),
        ));
    }
    connection.transaction(|connection| {
        let attempt = queries::lock_attempt(connection, attempt_id)?
            .ok_or_else(|| AssessmentError::NotFound("There is no such attempt.".to_owned()))?;
        let enrolment = enrolment_queries::lock_enrolment(connection, attempt.enrolment_id)?
            .ok_or_else(|| AssessmentError::NotFound("There is no such attempt.".to_owned()))?;
        let coe = crate::catalog::queries::coe_of_course(connection, enrolment.course_id)?;
        if !may_grade(reviewer, enrolment.course_id, coe) {
            return Err(AssessmentError::Forbidden(
                "Only instructors and assessors of the course's CoE grade its essays.".to_owned(),
            ));
        }
        if queries::record_review(
            connection,
            attempt.id,
            question_id,
            percent / 100.0,
            reviewer.id,
            comment,
        )? != 1
        {
            return Err(AssessmentError::Conflict(
                "This answer has already been graded.".to_owned(),
            ));
        }
        audit::record(
            connection,
            Change::new(
                Actor::User(reviewer.id),
                "attempt.essay_graded",
                "attempt",
                attempt.id,
            )
            .old(json!({ "question_id": question_id, "fraction": null }))
            .new_value(json!({ "question_id": question_id, "fraction": percent / 100.0 }))
            .reason(comment),
        )?;
        let answers = queries::answer_fractions(connection, attempt.id)?;
        if answers.iter().any(|(_, waiting)| *waiting) {
            return Ok(());
        }
        let settings = module_settings(connection, attempt.module_id)?;
        let drawn = attempt.question_ids.len().max(1) as f64;
        let score = answers
            .iter()
            .filter_map(|(fraction, _)| *fraction)
            .sum::<f64>()
            / drawn;
        let passed = score * 100.0 + 1e-9 >= f64::from(settings.pass_mark_percent.0);
        queries::complete_review(connection, attempt.id, score, passed)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(reviewer.id),
                "attempt.graded",
                "attempt",
                attempt.id,
            )
            .old(json!({ "status": "awaiting_review" }))
            .new_value(json!({ "status": "graded", "score": score, "passed": passed })),
        )?;
        if passed {
            let course_slug =
                crate::catalog::queries::course_slug(connection, enrolment.course_id)?;
            enrolment_service::check_completion(connection, &enrolment, &course_slug)?;
        }
        Ok(())
    })
}

/// The bank of a module as GIFT, for the course's instructors.
pub fn export_bank_for(
    connection: &mut PgConnection,
    instructor: &crate::identity::models::SessionUser,
    course_slug: &str,
    module_slug: &str,
) -> Result<String, AssessmentError> {
    let (course, _, coe) =
        crate::catalog::queries::course_with_version(connection, course_slug, None)?.ok_or_else(
            || AssessmentError::NotFound(format!("There is no course \"{course_slug}\".")),
        )?;
    if !may_grade(instructor, course.id, coe.id) {
        return Err(AssessmentError::Forbidden(
            "Only the course's instructors and assessors download its question banks.".to_owned(),
        ));
    }
    export_bank(connection, course_slug, module_slug)
}

/// The question bank of a module of a course's current version, as GIFT.
pub fn export_bank(
    connection: &mut PgConnection,
    course_slug: &str,
    module_slug: &str,
) -> Result<String, AssessmentError> {
    let (_, version, _) =
        crate::catalog::queries::course_with_version(connection, course_slug, None)?.ok_or_else(
            || AssessmentError::NotFound(format!("There is no course \"{course_slug}\".")),
        )?;
    let (module, _) =
        crate::catalog::queries::module_assessment(connection, version.id, module_slug)?
            .ok_or_else(|| {
                AssessmentError::NotFound(format!(
                    "The module \"{module_slug}\" of \"{course_slug}\" has no assessment."
                ))
            })?;
    let questions: Vec<GiftQuestion> = queries::all_questions(connection, module)?
        .into_iter()
        .map(stored_question)
        .collect::<Result<_, _>>()?;
    Ok(gift::export(&questions))
}

/// Draws an attempt's questions from the gradable questions of the bank:
/// at random from the whole bank, or the configured number at random from
/// each category.
fn draw_questions<'a>(
    settings: &AssessmentSettings,
    bank: impl Iterator<Item = &'a KeptQuestion>,
) -> Vec<uuid::Uuid> {
    let mut rng = rand::rng();
    if settings.fixed {
        return bank
            .take(settings.questions_per_attempt.0 as usize)
            .map(|question| question.id.0)
            .collect();
    }
    if settings.draw.is_empty() {
        let mut ids: Vec<uuid::Uuid> = bank.map(|question| question.id.0).collect();
        ids.shuffle(&mut rng);
        ids.truncate(settings.questions_per_attempt.0 as usize);
        return ids;
    }
    let bank: Vec<&KeptQuestion> = bank.collect();
    let mut drawn = Vec::new();
    for draw in &settings.draw {
        let mut ids: Vec<uuid::Uuid> = bank
            .iter()
            .filter(|question| {
                question.question.category.as_deref().unwrap_or_default() == draw.category.0
            })
            .map(|question| question.id.0)
            .collect();
        ids.shuffle(&mut rng);
        ids.truncate(draw.count.0 as usize);
        drawn.extend(ids);
    }
    drawn
}

/// What a regrade changed.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct RegradeReport {
    pub answers_changed: usize,
    pub attempts_changed: usize,
    /// Answers whose question has no title in both versions (cannot be matched).
    pub answers_unmatched: usize,
}

/// Regrades the answers already given at a course's module with the
/// questions of its current version (matched by question title): after an
/// instructor fixes a question and publishes the new version, earlier
/// attempts are graded as the fixed question says. Every changed grade is
/// audited with `reason`. Essays keep their instructor's grade.
pub fn regrade(
    connection: &mut PgConnection,
    instructor: &crate::identity::models::SessionUser,
    course_slug: &str,
    module_slug: &str,
    reason: &str,
) -> Result<RegradeReport, AssessmentError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AssessmentError::Refused(
            "Say why the answers are regraded: the reason goes to the audit trail.".to_owned(),
        ));
    }
    connection.transaction(|connection| {
        let (course, version, coe) = crate::catalog::queries::course_with_version(connection, course_slug, None)?
            .ok_or_else(|| AssessmentError::NotFound(format!("There is no course \"{course_slug}\".")))?;
        if !instructor.instructs(course.id, coe.id) {
            return Err(AssessmentError::Forbidden("Only the course's instructors regrade its assessments.".to_owned()));
        }
        let (module, settings) = crate::catalog::queries::module_assessment(connection, version.id, module_slug)?
            .ok_or_else(|| AssessmentError::NotFound(format!("The module \"{module_slug}\" has no assessment in the current version.")))?;
        let settings = stored_settings(&settings)?;
        let current: Vec<GiftQuestion> = queries::all_questions(connection, module)?
            .into_iter()
            .filter_map(|value| serde_json::from_value(value).ok())
            .collect();
        let mut report = RegradeReport::default();
        let mut changed_attempts = std::collections::BTreeSet::new();
        for row in queries::graded_answers_for_module(connection, course.id, module_slug)? {
            let Some(fixed) = row.title.as_ref().and_then(|title| current.iter().find(|question| question.title.as_ref() == Some(title))) else {
                report.answers_unmatched += 1;
                continue;
            };
            let answer: Answer = serde_json::from_value(row.answer.clone()).unwrap_or(Answer::Blank);
            let Ok(grade) = grading::grade(&fixed.kind, &answer) else {
                report.answers_unmatched += 1;
                continue;
            };
            if grade.needs_review || (grade.fraction - row.fraction.unwrap_or(0.0)).abs() < 1e-9 {
                continue;
            }
            let (attempt, question) = (AttemptId(row.attempt_id), QuestionId(row.question_id));
            queries::set_answer_fraction(connection, attempt, question, grade.fraction)?;
            audit::record(
                connection,
                Change::new(Actor::User(instructor.id), "attempt.answer_regraded", "attempt", attempt)
                    .old(json!({ "question_id": question, "fraction": row.fraction }))
                    .new_value(json!({ "question_id": question, "fraction": grade.fraction, "graded_with_version": version.version_number }))
                    .reason(reason),
            )?;
            report.answers_changed += 1;
            changed_attempts.insert(row.attempt_id);
        }
        for attempt_id in changed_attempts {
            let attempt = queries::lock_attempt(connection, AttemptId(attempt_id))?
                .ok_or_else(|| AssessmentError::NotFound("An attempt vanished during the regrade.".to_owned()))?;
            let fractions = queries::answer_fractions(connection, attempt.id)?;
            let score = fractions.iter().filter_map(|(fraction, _)| *fraction).sum::<f64>() / attempt.question_ids.len().max(1) as f64;
            let passed = score * 100.0 + 1e-9 >= f64::from(settings.pass_mark_percent.0);
            queries::set_attempt_result(connection, attempt.id, score, passed)?;
            audit::record(
                connection,
                Change::new(Actor::User(instructor.id), "attempt.regraded", "attempt", attempt.id)
                    .old(json!({ "score": attempt.score, "passed": attempt.passed }))
                    .new_value(json!({ "score": score, "passed": passed }))
                    .reason(reason),
            )?;
            report.attempts_changed += 1;
            if passed && attempt.passed != Some(true) {
                let enrolment = enrolment_queries::lock_enrolment(connection, attempt.enrolment_id)?
                    .ok_or_else(|| AssessmentError::NotFound("An enrolment vanished during the regrade.".to_owned()))?;
                enrolment_service::check_completion(connection, &enrolment, course_slug)?;
            }
        }
        Ok(report)
    })
}
