//! A module's assessment as attempts use it: its settings and its question
//! bank, parsed once. Both change only with the catalogue (a module's
//! settings with its row, its questions with theirs, and both move the
//! catalogue's generation on), so they are kept in the catalogue cache under
//! the generation (see `catalog::cache`): starting, saving and submitting an
//! attempt then read only the learner's own rows.

use std::sync::Arc;

use diesel::PgConnection;
use serde::Deserialize;

use super::gift::GiftQuestion;
use super::queries::{self, QuestionId};
use super::service::AssessmentError;
use crate::catalog::cache::CatalogueCache;
use crate::course_files::format::AssessmentSettings;
use crate::db::DbError;
use crate::ids::ModuleId;

/// One question of a module's bank.
#[derive(Debug)]
pub struct KeptQuestion {
    pub id: QuestionId,
    /// Whether attempts may draw it (a description is not).
    pub gradable: bool,
    pub question: GiftQuestion,
}

/// A module's assessment settings and its whole question bank in order.
#[derive(Debug)]
pub struct KeptAssessment {
    pub settings: AssessmentSettings,
    pub questions: Vec<KeptQuestion>,
}

impl KeptAssessment {
    /// The gradable questions in the bank's order.
    pub fn gradable(&self) -> impl Iterator<Item = &KeptQuestion> {
        self.questions.iter().filter(|question| question.gradable)
    }

    /// A question of the bank by id.
    pub fn question(&self, id: QuestionId) -> Option<&GiftQuestion> {
        self.questions
            .iter()
            .find(|question| question.id == id)
            .map(|question| &question.question)
    }
}

/// A module's assessment settings as stored on its row.
pub fn stored_settings(value: &serde_json::Value) -> Result<AssessmentSettings, AssessmentError> {
    AssessmentSettings::deserialize(value).map_err(|error| {
        AssessmentError::Db(DbError::Task(format!(
            "stored assessment settings are unreadable: {error}"
        )))
    })
}

/// A question as stored in a module's bank.
pub fn stored_question(value: serde_json::Value) -> Result<GiftQuestion, AssessmentError> {
    serde_json::from_value(value).map_err(|error| {
        AssessmentError::Db(DbError::Task(format!(
            "a stored question is unreadable: {error}"
        )))
    })
}

/// The assessment of `module` as of catalogue `generation` (read by the
/// caller in its transaction): kept, or read and kept. `None` when the module
/// has no assessment.
pub fn kept_assessment(
    connection: &mut PgConnection,
    cache: &CatalogueCache,
    generation: i64,
    module: ModuleId,
) -> Result<Option<Arc<KeptAssessment>>, AssessmentError> {
    if let Some(kept) = cache.assessment(generation, module) {
        return Ok(Some(kept));
    }
    let Some(settings) = crate::catalog::queries::module_assessment_by_id(connection, module)?
    else {
        return Ok(None);
    };
    let settings = stored_settings(&settings)?;
    let questions = queries::module_questions(connection, module)?
        .into_iter()
        .map(|(id, gradable, value)| {
            stored_question(value).map(|question| KeptQuestion {
                id,
                gradable,
                question,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let kept = Arc::new(KeptAssessment {
        settings,
        questions,
    });
    cache.keep_assessment(generation, module, Arc::clone(&kept));
    Ok(Some(kept))
}
