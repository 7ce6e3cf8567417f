//! Queries on assessment questions, attempts and answers.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde_json::Value;

use crate::db::schema::{
    assessment_attempts, assessment_questions, attempt_answers, course_modules,
};
use crate::enrolment::queries::EnrolmentId;
use crate::identity::queries::ClaimedPerson;
use crate::ids::{CourseVersionId, ModuleId, UserId};

crate::uuid_id!(
    /// A question of a published module.
    QuestionId
);
crate::uuid_id!(
    /// One attempt at an assessment.
    AttemptId
);

/// Modules of a version that carry a quiz but have no question rows yet.
pub fn modules_missing_questions(
    connection: &mut PgConnection,
    version: CourseVersionId,
) -> QueryResult<Vec<(ModuleId, String)>> {
    let modules: Vec<(ModuleId, Option<String>)> = course_modules::table
        .filter(course_modules::course_version_id.eq(version))
        .filter(course_modules::quiz_gift.is_not_null())
        .filter(diesel::dsl::not(diesel::dsl::exists(
            assessment_questions::table
                .filter(assessment_questions::module_id.eq(course_modules::id)),
        )))
        .select((course_modules::id, course_modules::quiz_gift))
        .load(connection)?;
    Ok(modules
        .into_iter()
        .filter_map(|(id, gift)| gift.map(|gift| (id, gift)))
        .collect())
}

/// A question to store.
pub struct NewQuestion {
    pub position: i32,
    pub category: Option<String>,
    pub title: Option<String>,
    pub question: Value,
    pub gradable: bool,
}

pub fn insert_questions(
    connection: &mut PgConnection,
    module: ModuleId,
    questions: &[NewQuestion],
) -> QueryResult<()> {
    let rows: Vec<_> = questions
        .iter()
        .map(|question| {
            (
                assessment_questions::id.eq(QuestionId::new()),
                assessment_questions::module_id.eq(module),
                assessment_questions::position.eq(question.position),
                assessment_questions::category.eq(&question.category),
                assessment_questions::title.eq(&question.title),
                assessment_questions::question.eq(&question.question),
                assessment_questions::gradable.eq(question.gradable),
            )
        })
        .collect();
    diesel::insert_into(assessment_questions::table)
        .values(rows)
        .execute(connection)?;
    Ok(())
}

/// Every question of a module's bank in order: id, whether attempts may
/// draw it, and the question.
pub fn module_questions(
    connection: &mut PgConnection,
    module: ModuleId,
) -> QueryResult<Vec<(QuestionId, bool, Value)>> {
    assessment_questions::table
        .filter(assessment_questions::module_id.eq(module))
        .order(assessment_questions::position.asc())
        .select((
            assessment_questions::id,
            assessment_questions::gradable,
            assessment_questions::question,
        ))
        .load(connection)
}

/// Questions by id.
pub fn questions_by_id(
    connection: &mut PgConnection,
    ids: &[QuestionId],
) -> QueryResult<Vec<(QuestionId, Value)>> {
    assessment_questions::table
        .filter(assessment_questions::id.eq_any(ids))
        .select((assessment_questions::id, assessment_questions::question))
        .load(connection)
}

/// An attempt row.
#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = assessment_attempts)]
pub struct Attempt {
    pub id: AttemptId,
    pub enrolment_id: EnrolmentId,
    pub module_id: ModuleId,
    pub number: i32,
    pub status: String,
    pub question_ids: Vec<uuid::Uuid>,
    pub started_at: DateTime<Utc>,
    pub deadline_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub score: Option<f64>,
    pub passed: Option<bool>,
}

/// The attempts of an enrolment at one assessment, oldest first.
pub fn attempts_of(
    connection: &mut PgConnection,
    enrolment: EnrolmentId,
    module: ModuleId,
) -> QueryResult<Vec<Attempt>> {
    assessment_attempts::table
        .filter(assessment_attempts::enrolment_id.eq(enrolment))
        .filter(assessment_attempts::module_id.eq(module))
        .order(assessment_attempts::number.asc())
        .select(Attempt::as_select())
        .load(connection)
}

/// The attempt at an assessment with the highest number: the open one when
/// there is one (at most one is open, and it is the latest).
pub fn latest_attempt(
    connection: &mut PgConnection,
    enrolment: EnrolmentId,
    module: ModuleId,
) -> QueryResult<Option<Attempt>> {
    assessment_attempts::table
        .filter(assessment_attempts::enrolment_id.eq(enrolment))
        .filter(assessment_attempts::module_id.eq(module))
        .order(assessment_attempts::number.desc())
        .select(Attempt::as_select())
        .first(connection)
        .optional()
}

/// What the result rules need to know of an enrolment's graded attempts at
/// one assessment.
#[derive(Debug, QueryableByName)]
pub struct GradedSummary {
    /// Whether any graded attempt passed.
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub any_passed: bool,
    /// Whether the last graded attempt passed.
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Bool>)]
    pub last_passed: Option<bool>,
    /// The average score (0 to 1) of the graded attempts that have one.
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Float8>)]
    pub average_score: Option<f64>,
}

/// The summary of one enrolment's graded attempts at one module's assessment.
#[derive(Debug, QueryableByName)]
pub struct ModuleGrades {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub enrolment_id: EnrolmentId,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub module_id: ModuleId,
    #[diesel(embed)]
    pub summary: GradedSummary,
}

/// The graded attempts of an enrolment, summed up in the database (the view
/// `graded_attempt_summaries`): one row per module with graded attempts,
/// however many attempts there are. One scalar parameter, so that
/// PostgreSQL keeps one generic plan for the prepared statement (with
/// arrays of ids it planned the view's aggregate anew on every call).
pub fn graded_summaries(
    connection: &mut PgConnection,
    enrolment: EnrolmentId,
) -> QueryResult<Vec<ModuleGrades>> {
    let statement = diesel::sql_query(
        "SELECT enrolment_id, module_id, any_passed, last_passed, average_score \
         FROM graded_attempt_summaries WHERE enrolment_id = $1",
    )
    .bind::<diesel::sql_types::Uuid, _>(enrolment);
    crate::db::Prepared(statement).load(connection)
}

pub fn insert_attempt(
    connection: &mut PgConnection,
    enrolment: EnrolmentId,
    module: ModuleId,
    number: i32,
    question_ids: &[uuid::Uuid],
    started_at: DateTime<Utc>,
    deadline_at: Option<DateTime<Utc>>,
) -> QueryResult<Attempt> {
    diesel::insert_into(assessment_attempts::table)
        .values((
            assessment_attempts::id.eq(AttemptId::new()),
            assessment_attempts::enrolment_id.eq(enrolment),
            assessment_attempts::module_id.eq(module),
            assessment_attempts::number.eq(number),
            assessment_attempts::status.eq("in_progress"),
            assessment_attempts::question_ids.eq(question_ids),
            assessment_attempts::started_at.eq(started_at),
            assessment_attempts::deadline_at.eq(deadline_at),
        ))
        .returning(Attempt::as_returning())
        .get_result(connection)
}

/// A learner's live enrolment in a course, locked for this transaction,
/// with the id of the module `module_slug` of its version (if there is one),
/// the catalogue's generation and the learner with their live grants, in
/// one statement.
#[derive(Debug, QueryableByName)]
pub struct EnrolmentAtModule {
    #[diesel(embed)]
    pub person: Option<ClaimedPerson>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub generation: i64,
    #[diesel(embed)]
    pub enrolment: crate::enrolment::queries::Enrolment,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Uuid>)]
    pub module_id: Option<ModuleId>,
}

/// The active enrolment of `user` in the course `course_slug`, locked (its
/// lock counts the attempts of parallel starts one at a time), with the
/// module `module_slug` of the enrolled version.
pub fn lock_enrolment_at_module(
    connection: &mut PgConnection,
    user: UserId,
    course_slug: &str,
    module_slug: &str,
) -> QueryResult<Option<EnrolmentAtModule>> {
    use diesel::sql_types::{Text, Uuid};
    let statement = diesel::sql_query(concat!(
        "SELECT person.*, g.generation, ",
        crate::enrolment_columns!(),
        ", \
                m.id AS module_id \
         FROM enrolments e \
         CROSS JOIN catalogue_generation g \
         LEFT JOIN course_modules m \
                ON m.course_version_id = e.course_version_id AND m.slug = $3",
        crate::claimed_live_enrolment_locked!()
    ))
    .bind::<Uuid, _>(user)
    .bind::<Text, _>(course_slug)
    .bind::<Text, _>(module_slug);
    crate::db::Prepared(statement)
        .get_result(connection)
        .optional()
}

/// An attempt locked with its enrolment, with the course's slug, the
/// catalogue's generation and the attempt's owner with their live grants.
#[derive(Debug, QueryableByName)]
pub struct LockedAttempt {
    #[diesel(embed)]
    pub person: Option<ClaimedPerson>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub generation: i64,
    #[diesel(embed)]
    pub attempt: Attempt,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub course_slug: String,
}

/// The attempt `id` if it is `owner`'s, locked with its enrolment (the
/// attempt, then its enrolment), in one statement.
pub fn lock_attempt_with_enrolment(
    connection: &mut PgConnection,
    owner: UserId,
    id: AttemptId,
) -> QueryResult<Option<LockedAttempt>> {
    use diesel::sql_types::Uuid;
    let statement = diesel::sql_query(concat!(
        "SELECT person.*, g.generation, a.id, a.enrolment_id, a.module_id, a.number, \
                a.status, a.question_ids, a.started_at, a.deadline_at, a.submitted_at, \
                a.score, a.passed, c.slug AS course_slug \
         FROM assessment_attempts a \
         JOIN enrolments e ON e.id = a.enrolment_id \
         JOIN courses c ON c.id = e.course_id \
         CROSS JOIN catalogue_generation g \
         LEFT JOIN LATERAL (",
        crate::claimed_person_columns!(),
        ") person ON true \
         WHERE a.id = $2 AND e.user_id = $1 \
         FOR UPDATE OF a, e"
    ))
    .bind::<Uuid, _>(owner)
    .bind::<Uuid, _>(id);
    crate::db::Prepared(statement)
        .get_result(connection)
        .optional()
}

/// An attempt, locked for this transaction.
pub fn lock_attempt(connection: &mut PgConnection, id: AttemptId) -> QueryResult<Option<Attempt>> {
    assessment_attempts::table
        .find(id)
        .select(Attempt::as_select())
        .for_update()
        .first(connection)
        .optional()
}

/// Saves answers of an attempt (a question's earlier answer is replaced),
/// in one statement however many there are.
pub fn save_answers(
    connection: &mut PgConnection,
    attempt: AttemptId,
    answers: &[(QuestionId, Value)],
    at: DateTime<Utc>,
) -> QueryResult<()> {
    use diesel::sql_types::{Array, Jsonb, Timestamptz, Uuid};
    let (questions, values): (Vec<uuid::Uuid>, Vec<Value>) = answers
        .iter()
        .map(|(question, answer)| (question.0, answer.clone()))
        .unzip();
    let statement = diesel::sql_query(
        "INSERT INTO attempt_answers (attempt_id, question_id, answer, saved_at) \
         SELECT $1, given.question_id, given.answer, $2 \
         FROM unnest($3::uuid[], $4::jsonb[]) AS given (question_id, answer) \
         ON CONFLICT (attempt_id, question_id) DO UPDATE \
         SET answer = EXCLUDED.answer, saved_at = EXCLUDED.saved_at \
         RETURNING 1 AS changed",
    )
    .bind::<Uuid, _>(attempt)
    .bind::<Timestamptz, _>(at)
    .bind::<Array<Uuid>, _>(questions)
    .bind::<Array<Jsonb>, _>(values);
    crate::db::Prepared(statement).change(connection)?;
    Ok(())
}

/// An answer saved for an attempt, not yet graded.
#[derive(Debug, Clone, Queryable)]
pub struct SavedAnswer {
    pub question_id: QuestionId,
    pub answer: Value,
    pub saved_at: DateTime<Utc>,
}

/// The answers saved for an attempt.
pub fn answers_of(
    connection: &mut PgConnection,
    attempt: AttemptId,
) -> QueryResult<Vec<SavedAnswer>> {
    attempt_answers::table
        .filter(attempt_answers::attempt_id.eq(attempt))
        .select((
            attempt_answers::question_id,
            attempt_answers::answer,
            attempt_answers::saved_at,
        ))
        .load(connection)
}

/// One answer of a submitted attempt, as recorded: its text, when it was
/// saved, and its grade.
#[derive(Debug)]
pub struct AnswerGrade {
    pub question: QuestionId,
    pub answer: Value,
    pub saved_at: DateTime<Utc>,
    pub fraction: f64,
    pub feedback: Value,
    pub needs_review: bool,
}

/// How an attempt ends: its status, score and result.
#[derive(Debug)]
pub struct Finish<'a> {
    pub status: &'a str,
    pub score: Option<f64>,
    pub passed: Option<bool>,
}

/// Records an attempt's answers with their grades and finishes the
/// attempt, in one statement however many answers there are: each
/// question's row is written once, inserted or replacing what was saved.
/// The attempt is submitted at `at`, and graded then unless it waits for a
/// review.
pub fn record_grades_and_finish(
    connection: &mut PgConnection,
    attempt: AttemptId,
    grades: &[AnswerGrade],
    finish: &Finish,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    use diesel::sql_types::{Array, Bool, Float8, Jsonb, Nullable, Text, Timestamptz, Uuid};
    let questions: Vec<uuid::Uuid> = grades.iter().map(|grade| grade.question.0).collect();
    let answers: Vec<Value> = grades.iter().map(|grade| grade.answer.clone()).collect();
    let saved: Vec<DateTime<Utc>> = grades.iter().map(|grade| grade.saved_at).collect();
    let fractions: Vec<f64> = grades.iter().map(|grade| grade.fraction).collect();
    let feedback: Vec<Value> = grades.iter().map(|grade| grade.feedback.clone()).collect();
    let reviews: Vec<bool> = grades.iter().map(|grade| grade.needs_review).collect();
    let statement = diesel::sql_query(
        "WITH recorded AS ( \
             INSERT INTO attempt_answers \
                 (attempt_id, question_id, answer, saved_at, fraction, feedback, needs_review) \
             SELECT $1, graded.question_id, graded.answer, graded.saved_at, graded.fraction, \
                    graded.feedback, graded.needs_review \
             FROM unnest($3::uuid[], $4::jsonb[], $5::timestamptz[], $6::float8[], \
                         $7::jsonb[], $8::bool[]) \
                  AS graded (question_id, answer, saved_at, fraction, feedback, needs_review) \
             ON CONFLICT (attempt_id, question_id) DO UPDATE \
             SET answer = EXCLUDED.answer, saved_at = EXCLUDED.saved_at, \
                 fraction = EXCLUDED.fraction, feedback = EXCLUDED.feedback, \
                 needs_review = EXCLUDED.needs_review) \
         UPDATE assessment_attempts \
         SET status = $9, submitted_at = $2, \
             graded_at = CASE WHEN $9 = 'graded' THEN $2 END, score = $10, passed = $11 \
         WHERE id = $1 \
         RETURNING 1 AS changed",
    )
    .bind::<Uuid, _>(attempt)
    .bind::<Timestamptz, _>(at)
    .bind::<Array<Uuid>, _>(questions)
    .bind::<Array<Jsonb>, _>(answers)
    .bind::<Array<Timestamptz>, _>(saved)
    .bind::<Array<Float8>, _>(fractions)
    .bind::<Array<Jsonb>, _>(feedback)
    .bind::<Array<Bool>, _>(reviews)
    .bind::<Text, _>(finish.status)
    .bind::<Nullable<Float8>, _>(finish.score)
    .bind::<Nullable<Bool>, _>(finish.passed);
    crate::db::Prepared(statement).change(connection)?;
    Ok(())
}

/// A saved answer with its grade.
#[derive(Debug, Clone, Queryable)]
pub struct GradedAnswer {
    pub question_id: QuestionId,
    pub answer: Value,
    pub fraction: Option<f64>,
    pub feedback: Option<Value>,
    pub needs_review: bool,
    pub review_comment: Option<String>,
}

pub fn graded_answers_of(
    connection: &mut PgConnection,
    attempt: AttemptId,
) -> QueryResult<Vec<GradedAnswer>> {
    attempt_answers::table
        .filter(attempt_answers::attempt_id.eq(attempt))
        .select((
            attempt_answers::question_id,
            attempt_answers::answer,
            attempt_answers::fraction,
            attempt_answers::feedback,
            attempt_answers::needs_review,
            attempt_answers::review_comment,
        ))
        .load(connection)
}

/// An essay answer waiting for a grade, with where it comes from.
#[derive(Debug, Clone, QueryableByName, serde::Serialize)]
pub struct PendingEssay {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub attempt_id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub question_id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub learner: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub course_slug: String,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub coe_id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub course_id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Jsonb)]
    pub question: Value,
    #[diesel(sql_type = diesel::sql_types::Jsonb)]
    pub answer: Value,
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    pub submitted_at: DateTime<Utc>,
}

/// Every essay answer waiting for a grade, oldest first.
pub fn pending_essays(connection: &mut PgConnection) -> QueryResult<Vec<PendingEssay>> {
    diesel::sql_query(
        "SELECT a.attempt_id, a.question_id, u.display_name AS learner, c.slug AS course_slug, c.coe_id, c.id AS course_id,
                q.question, a.answer, t.submitted_at
         FROM attempt_answers a
         JOIN assessment_attempts t ON t.id = a.attempt_id
         JOIN assessment_questions q ON q.id = a.question_id
         JOIN enrolments e ON e.id = t.enrolment_id
         JOIN users u ON u.id = e.user_id
         JOIN courses c ON c.id = e.course_id
         WHERE a.needs_review AND a.reviewed_at IS NULL AND t.status = 'awaiting_review'
         ORDER BY t.submitted_at, a.attempt_id, a.question_id",
    )
    .load(connection)
}

/// Records an instructor's grade of one essay answer.
pub fn record_review(
    connection: &mut PgConnection,
    attempt: AttemptId,
    question: QuestionId,
    fraction: f64,
    reviewer: crate::ids::UserId,
    comment: &str,
) -> QueryResult<usize> {
    diesel::update(
        attempt_answers::table
            .filter(attempt_answers::attempt_id.eq(attempt))
            .filter(attempt_answers::question_id.eq(question))
            .filter(attempt_answers::needs_review.eq(true))
            .filter(attempt_answers::reviewed_at.is_null()),
    )
    .set((
        attempt_answers::fraction.eq(fraction),
        attempt_answers::needs_review.eq(false),
        attempt_answers::reviewed_by.eq(reviewer),
        attempt_answers::reviewed_at.eq(diesel::dsl::now),
        attempt_answers::review_comment.eq(comment),
    ))
    .execute(connection)
}

/// (fraction, still waiting for review) of every answer of an attempt.
pub fn answer_fractions(
    connection: &mut PgConnection,
    attempt: AttemptId,
) -> QueryResult<Vec<(Option<f64>, bool)>> {
    attempt_answers::table
        .filter(attempt_answers::attempt_id.eq(attempt))
        .select((attempt_answers::fraction, attempt_answers::needs_review))
        .load(connection)
}

pub fn complete_review(
    connection: &mut PgConnection,
    attempt: AttemptId,
    score: f64,
    passed: bool,
) -> QueryResult<()> {
    diesel::update(assessment_attempts::table.find(attempt))
        .set((
            assessment_attempts::status.eq("graded"),
            assessment_attempts::graded_at.eq(diesel::dsl::now),
            assessment_attempts::score.eq(score),
            assessment_attempts::passed.eq(passed),
        ))
        .execute(connection)?;
    Ok(())
}

/// Every question of a module (descriptions too), in order.
pub fn all_questions(connection: &mut PgConnection, module: ModuleId) -> QueryResult<Vec<Value>> {
    assessment_questions::table
        .filter(assessment_questions::module_id.eq(module))
        .order(assessment_questions::position.asc())
        .select(assessment_questions::question)
        .load(connection)
}

/// A saved answer of a graded attempt at a module with a given slug of a course.
#[derive(Debug, Clone, QueryableByName)]
pub struct GradedAnswerRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub attempt_id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub question_id: uuid::Uuid,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    pub title: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Jsonb)]
    pub answer: Value,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Double>)]
    pub fraction: Option<f64>,
}

/// Every answer of every graded attempt at the module `module_slug` of the
/// course, in any version, locked for this transaction.
pub fn graded_answers_for_module(
    connection: &mut PgConnection,
    course: crate::ids::CourseId,
    module_slug: &str,
) -> QueryResult<Vec<GradedAnswerRow>> {
    diesel::sql_query(
        "SELECT a.attempt_id, a.question_id, q.title, a.answer, a.fraction
         FROM attempt_answers a
         JOIN assessment_attempts t ON t.id = a.attempt_id
         JOIN assessment_questions q ON q.id = a.question_id
         JOIN course_modules m ON m.id = t.module_id
         JOIN enrolments e ON e.id = t.enrolment_id
         WHERE e.course_id = $1 AND m.slug = $2 AND t.status = 'graded' AND NOT a.needs_review
         ORDER BY t.started_at, a.attempt_id
         FOR UPDATE OF a, t",
    )
    .bind::<diesel::sql_types::Uuid, _>(course.0)
    .bind::<diesel::sql_types::Text, _>(module_slug)
    .load(connection)
}

pub fn set_answer_fraction(
    connection: &mut PgConnection,
    attempt: AttemptId,
    question: QuestionId,
    fraction: f64,
) -> QueryResult<()> {
    diesel::update(
        attempt_answers::table
            .filter(attempt_answers::attempt_id.eq(attempt))
            .filter(attempt_answers::question_id.eq(question)),
    )
    .set(attempt_answers::fraction.eq(fraction))
    .execute(connection)?;
    Ok(())
}

pub fn set_attempt_result(
    connection: &mut PgConnection,
    attempt: AttemptId,
    score: f64,
    passed: bool,
) -> QueryResult<()> {
    diesel::update(assessment_attempts::table.find(attempt))
        .set((
            assessment_attempts::score.eq(score),
            assessment_attempts::passed.eq(passed),
        ))
        .execute(connection)?;
    Ok(())
}
