//! What a learner sees of an assessment and an attempt. Right answers and
//! weights are never part of a view of an attempt in progress; feedback and
//! marks appear once the attempt is graded.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::PgConnection;
use serde::Serialize;

use super::gift::{GiftQuestion, QuestionKind, TextFormat};
use super::grading::Answer;
use super::kept::{KeptAssessment, stored_settings};
use super::queries::{self, Attempt, AttemptId, QuestionId};
use super::service::{Answers, AssessmentError, GRACE_SECONDS, question_of};
use crate::course_files::format::AssessmentSettings;
use crate::ids::UserId;

/// An option of a choice question.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OptionView {
    pub index: usize,
    pub text: String,
    pub checked: bool,
}

/// One row of a matching question.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MatchRow {
    pub index: usize,
    pub left: String,
    pub choices: Vec<OptionView>,
}

/// A question as shown in an attempt.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QuestionView {
    pub id: String,
    pub number: usize,
    /// Sanitised HTML.
    pub text_html: String,
    pub kind: &'static str,
    pub options: Vec<OptionView>,
    pub value: String,
    pub true_checked: bool,
    pub false_checked: bool,
    pub rows: Vec<MatchRow>,
    /// Only once graded: the answer's feedback, the instructor's comment
    /// and the question's general feedback, in that order.
    pub feedback: Vec<String>,
    /// The parts of `feedback`, for pages that word the instructor's comment
    /// in the reader's language: the answer's feedback (course content)…
    pub answer_feedback: Vec<String>,
    /// …the instructor's comment…
    pub instructor_comment: Option<String>,
    /// …and the question's general feedback (course content).
    pub general_feedback: Option<String>,
    pub marks_percent: Option<f64>,
    pub marks_label: Option<String>,
    pub awaiting_review: bool,
    /// Only when the assessment shows correct answers, once graded.
    pub correct_answer: Option<String>,
    /// `correct_answer` in parts, for pages that word it in the reader's language.
    pub correct: Option<CorrectAnswer>,
}

/// The right answer of a question, in parts a page can put into words:
/// text from the course, true or false, or a numeric range.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CorrectAnswer {
    /// Options, accepted text, matching pairs or a number, as the course writes them.
    Text { text: String },
    /// The answer of a true/false question.
    Truth { value: bool },
    /// Any number from `min` to `max`.
    Range { min: String, max: String },
}

impl CorrectAnswer {
    /// The answer in English words (the API's `correct_answer`).
    fn english(&self) -> String {
        match self {
            CorrectAnswer::Text { text } => text.clone(),
            CorrectAnswer::Truth { value } => if *value { "True" } else { "False" }.to_owned(),
            CorrectAnswer::Range { min, max } => format!("between {min} and {max}"),
        }
    }
}

/// An attempt as shown to its learner.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AttemptView {
    pub id: String,
    pub number: i32,
    pub title: String,
    /// The language of the course version (of the title and the questions).
    pub language: String,
    pub course_slug: String,
    pub module_slug: String,
    pub status: String,
    pub in_progress: bool,
    pub deadline_at: Option<DateTime<Utc>>,
    pub minutes_left: Option<i64>,
    pub time_is_up: bool,
    pub questions: Vec<QuestionView>,
    pub score_percent: Option<f64>,
    /// The score as people read it: "100%", "33.3%".
    pub score_label: Option<String>,
    pub passed: Option<bool>,
    pub pass_mark_percent: u32,
    /// Set when the assessment shows one question per page.
    pub paging: Option<Paging>,
}

/// Where a one-question-per-page attempt is.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Paging {
    pub current: usize,
    pub total: usize,
    pub previous: Option<usize>,
    pub next: Option<usize>,
}

/// Keeps only the question on `page` (1-based) when the assessment shows
/// one question per page and the attempt is in progress.
pub fn paginate(view: &mut AttemptView, one_per_page: bool, page: usize) {
    if !one_per_page || !view.in_progress || view.questions.is_empty() {
        return;
    }
    let total = view.questions.len();
    let current = page.clamp(1, total);
    view.questions = vec![view.questions[current - 1].clone()];
    view.paging = Some(Paging {
        current,
        total,
        previous: (current > 1).then(|| current - 1),
        next: (current < total).then(|| current + 1),
    });
}

/// "100%", "33.3%", "0%".
pub fn percent_label(percent: f64) -> String {
    let text = format!("{percent:.1}");
    format!("{}%", text.trim_end_matches('0').trim_end_matches('.'))
}

fn text_html(question: &GiftQuestion) -> String {
    let text = question.text.replace(super::gift::BLANK, "______");
    match question.format {
        TextFormat::Markdown => crate::markdown::render_markdown(&text),
        TextFormat::Html => crate::markdown::sanitise_html(&text),
        TextFormat::Moodle | TextFormat::Plain => {
            handlebars::html_escape(&text).replace('\n', "<br>")
        }
    }
}

fn kind_name(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Description => "description",
        QuestionKind::Essay => "essay",
        QuestionKind::TrueFalse { .. } => "truefalse",
        QuestionKind::SingleChoice { .. } => "single",
        QuestionKind::MultipleChoice { .. } => "multiple",
        QuestionKind::ShortAnswer { .. } => "short",
        QuestionKind::Matching { .. } => "matching",
        QuestionKind::Numeric { .. } => "numeric",
    }
}

/// The right answer, for the result page.
fn correct_answer(kind: &QuestionKind) -> Option<CorrectAnswer> {
    let number = |value: f64| format!("{value}");
    let text = |text: String| CorrectAnswer::Text { text };
    match kind {
        QuestionKind::Description | QuestionKind::Essay => None,
        QuestionKind::TrueFalse { answer, .. } => Some(CorrectAnswer::Truth { value: *answer }),
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            Some(text(
                options
                    .iter()
                    .filter(|option| option.weight > 0.0)
                    .map(|option| option.text.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ))
        }
        QuestionKind::ShortAnswer { answers } => answers
            .iter()
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .map(|answer| text(answer.text.clone())),
        QuestionKind::Matching { pairs } => Some(text(
            pairs
                .iter()
                .map(|(left, right)| format!("{left} → {right}"))
                .collect::<Vec<_>>()
                .join("; "),
        )),
        QuestionKind::Numeric { answers } => answers
            .iter()
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .map(|answer| match answer.value {
                super::gift::NumericValue::Tolerance { value, tolerance } if tolerance > 0.0 => {
                    text(format!("{} ± {}", number(value), number(tolerance)))
                }
                super::gift::NumericValue::Tolerance { value, .. } => text(number(value)),
                super::gift::NumericValue::Range { min, max } => CorrectAnswer::Range {
                    min: number(min),
                    max: number(max),
                },
            }),
    }
}

/// A stable, per-attempt order for the options of a question.
fn shuffled(options: &mut [OptionView], attempt: AttemptId, question: QuestionId) {
    use sha2::{Digest, Sha256};
    options.sort_by_cached_key(|option| {
        Sha256::digest(format!("{attempt}:{question}:{}", option.index)).to_vec()
    });
}

fn question_view(
    id: QuestionId,
    number: usize,
    question: &GiftQuestion,
    answer: &Answer,
) -> QuestionView {
    let options = match &question.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            options
                .iter()
                .enumerate()
                .map(|(index, option)| OptionView {
                    index,
                    text: option.text.clone(),
                    checked: match answer {
                        Answer::Choice(chosen) => *chosen == index,
                        Answer::Choices(chosen) => chosen.contains(&index),
                        _ => false,
                    },
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let rows = match &question.kind {
        QuestionKind::Matching { pairs } => {
            let mut rights: Vec<&String> = pairs.iter().map(|(_, right)| right).collect();
            rights.sort();
            rights.dedup();
            pairs
                .iter()
                .enumerate()
                .map(|(index, (left, _))| {
                    let chosen = match answer {
                        Answer::Matches(chosen) => chosen.get(index).cloned().flatten(),
                        _ => None,
                    };
                    MatchRow {
                        index,
                        left: left.clone(),
                        choices: rights
                            .iter()
                            .enumerate()
                            .map(|(choice, text)| OptionView {
                                index: choice,
                                text: (*text).clone(),
                                checked: chosen.as_deref() == Some(text.as_str()),
                            })
                            .collect(),
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };
    QuestionView {
        id: id.to_string(),
        number,
        text_html: text_html(question),
        kind: kind_name(&question.kind),
        options,
        value: match answer {
            Answer::Text(text) => text.clone(),
            _ => String::new(),
        },
        true_checked: *answer == Answer::Bool(true),
        false_checked: *answer == Answer::Bool(false),
        rows,
        feedback: Vec::new(),
        answer_feedback: Vec::new(),
        instructor_comment: None,
        general_feedback: None,
        marks_percent: None,
        marks_label: None,
        awaiting_review: false,
        correct_answer: None,
        correct: None,
    }
}

/// The learner's view of one of their attempts.
pub fn attempt_view(
    connection: &mut PgConnection,
    user_id: UserId,
    attempt_id: AttemptId,
    now: DateTime<Utc>,
) -> Result<AttemptView, AssessmentError> {
    let attempt = queries::lock_attempt(connection, attempt_id)?
        .ok_or_else(|| AssessmentError::NotFound("There is no such attempt.".to_owned()))?;
    let enrolment = crate::enrolment::queries::lock_enrolment(connection, attempt.enrolment_id)?
        .filter(|enrolment| enrolment.user_id == user_id)
        .ok_or_else(|| AssessmentError::NotFound("There is no such attempt.".to_owned()))?;
    let course_slug = crate::catalog::queries::course_slug(connection, enrolment.course_id)?;
    let language =
        crate::catalog::queries::version_by_id(connection, enrolment.course_version_id)?.language;
    let (module_slug, settings) =
        crate::catalog::queries::module_slug_and_assessment(connection, attempt.module_id)?;
    let settings = stored_settings(&settings.unwrap_or_default())?;
    let ids: Vec<QuestionId> = attempt
        .question_ids
        .iter()
        .map(|id| QuestionId(*id))
        .collect();
    let stored = queries::questions_by_id(connection, &ids)?;
    let answers = queries::graded_answers_of(connection, attempt.id)?;
    let graded = attempt.status != "in_progress";
    let show_feedback = graded && feedback_shown(connection, &settings, &attempt)?;
    let mut questions = Vec::new();
    for (index, id) in ids.iter().enumerate() {
        let question: GiftQuestion = stored
            .iter()
            .find(|(candidate, _)| candidate == id)
            .and_then(|(_, value)| serde_json::from_value(value.clone()).ok())
            .ok_or_else(|| {
                AssessmentError::NotFound("A question of this attempt is missing.".to_owned())
            })?;
        let saved = answers.iter().find(|row| row.question_id == *id);
        let answer: Answer = saved
            .and_then(|row| serde_json::from_value(row.answer.clone()).ok())
            .unwrap_or(Answer::Blank);
        let mut view = question_view(*id, index + 1, &question, &answer);
        if settings.shuffle_options {
            shuffled(&mut view.options, attempt.id, *id);
        }
        if show_feedback && settings.show_correct_answers {
            view.correct = correct_answer(&question.kind);
            view.correct_answer = view.correct.as_ref().map(CorrectAnswer::english);
        }
        if show_feedback && let Some(row) = saved {
            view.answer_feedback = serde_json::from_value(row.feedback.clone().unwrap_or_default())
                .unwrap_or_default();
            view.instructor_comment = row.review_comment.clone();
            view.general_feedback = question.general_feedback.clone();
            view.feedback = view.answer_feedback.clone();
            if let Some(comment) = &row.review_comment {
                view.feedback.push(format!("Your instructor: {comment}"));
            }
            if let Some(general) = &question.general_feedback {
                view.feedback.push(general.clone());
            }
            view.awaiting_review = row.needs_review;
            view.marks_percent =
                (!row.needs_review).then(|| (row.fraction.unwrap_or(0.0) * 1000.0).round() / 10.0);
        }
        questions.push(view);
    }
    let minutes_left = attempt
        .deadline_at
        .filter(|_| !graded)
        .map(|deadline| ((deadline - now).num_seconds().max(0) + 59) / 60);
    Ok(AttemptView {
        id: attempt.id.to_string(),
        number: attempt.number,
        title: settings.title.0.clone(),
        language,
        course_slug,
        module_slug,
        in_progress: !graded,
        time_is_up: !graded
            && attempt
                .deadline_at
                .is_some_and(|deadline| now > deadline + chrono::Duration::seconds(GRACE_SECONDS)),
        status: attempt.status,
        deadline_at: attempt.deadline_at,
        minutes_left,
        questions,
        score_percent: attempt.score.map(|score| (score * 1000.0).round() / 10.0),
        score_label: attempt.score.map(|score| percent_label(score * 100.0)),
        passed: attempt.passed,
        pass_mark_percent: settings.pass_mark_percent.0,
        paging: None,
    })
}

/// Whether an attempt's assessment shows one question per page.
pub fn one_per_page(
    connection: &mut PgConnection,
    attempt_id: AttemptId,
) -> Result<bool, AssessmentError> {
    let attempt = queries::lock_attempt(connection, attempt_id)?
        .ok_or_else(|| AssessmentError::NotFound("There is no such attempt.".to_owned()))?;
    let (_, settings) =
        crate::catalog::queries::module_slug_and_assessment(connection, attempt.module_id)?;
    Ok(settings
        .and_then(|settings| {
            settings
                .get("one_per_page")
                .and_then(serde_json::Value::as_bool)
        })
        .unwrap_or(false))
}

/// Whether the assessment's feedback policy lets the learner see feedback now.
fn feedback_shown(
    connection: &mut PgConnection,
    settings: &AssessmentSettings,
    attempt: &queries::Attempt,
) -> Result<bool, AssessmentError> {
    use crate::course_files::format::FeedbackPolicy;
    Ok(
        match settings.feedback.unwrap_or(FeedbackPolicy::AfterSubmit) {
            FeedbackPolicy::AfterSubmit => true,
            FeedbackPolicy::Never => false,
            FeedbackPolicy::AfterLastAttempt => {
                let attempts =
                    queries::attempts_of(connection, attempt.enrolment_id, attempt.module_id)?;
                let no_attempts_left = settings
                    .max_attempts
                    .is_some_and(|limit| attempts.len() >= limit.0 as usize);
                no_attempts_left
                    || super::service::has_passed(
                        connection,
                        attempt.enrolment_id,
                        attempt.module_id,
                    )?
            }
        },
    )
}

/// Reads the answer form of an attempt page: `q-<id>` (choice index,
/// true/false, text), `q-<id>-o<n>` (ticked options), `q-<id>-m<row>`
/// (matching), and `q-<id>-shown` for every question on the page.
/// Questions the form does not show are left as they are.
pub fn answers_from_form(
    attempt: &Attempt,
    assessment: &KeptAssessment,
    form: &HashMap<String, String>,
) -> Result<Answers, AssessmentError> {
    let mut answers = Vec::new();
    for id in attempt.question_ids.iter().map(|id| QuestionId(*id)) {
        let key = format!("q-{id}");
        if !form.contains_key(&format!("{key}-shown")) {
            continue;
        }
        let question = question_of(assessment, id)?;
        let field = form
            .get(&key)
            .map(|text| text.trim())
            .filter(|text| !text.is_empty());
        let answer = match &question.kind {
            QuestionKind::Description => continue,
            QuestionKind::SingleChoice { .. } => match field {
                Some(text) => Answer::Choice(text.parse().map_err(|_| {
                    AssessmentError::Refused("An option value is not valid.".to_owned())
                })?),
                None => Answer::Blank,
            },
            QuestionKind::MultipleChoice { options } => Answer::Choices(
                (0..options.len())
                    .filter(|index| form.contains_key(&format!("{key}-o{index}")))
                    .collect(),
            ),
            QuestionKind::TrueFalse { .. } => match field {
                Some("true") => Answer::Bool(true),
                Some("false") => Answer::Bool(false),
                Some(_) => {
                    return Err(AssessmentError::Refused(
                        "A true/false answer must be true or false.".to_owned(),
                    ));
                }
                None => Answer::Blank,
            },
            QuestionKind::Matching { pairs } => Answer::Matches(
                (0..pairs.len())
                    .map(|row| {
                        form.get(&format!("{key}-m{row}"))
                            .map(|text| text.trim().to_owned())
                            .filter(|text| !text.is_empty())
                    })
                    .collect(),
            ),
            QuestionKind::Essay
            | QuestionKind::ShortAnswer { .. }
            | QuestionKind::Numeric { .. } => match field {
                Some(text) => Answer::Text(text.chars().take(20_000).collect()),
                None => Answer::Blank,
            },
        };
        answers.push((id, answer));
    }
    Ok(answers)
}
