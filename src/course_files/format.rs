//! The on-disk format of `courses/` as serde types (see `courses/README.md`).
//! Every table refuses unknown keys, so a typo is an error with a line
//! number rather than a silently ignored setting. Values that need more
//! than a type check (slugs, non-empty text, ranges) are checked by their
//! own deserialisers, so the error still points at the offending line.

use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use crate::catalog::{Audience, CreditType, EnrolmentMethod, Level};

/// `courses/network.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkFile {
    #[serde(default)]
    pub coe: Vec<CoeEntry>,
    #[serde(default)]
    pub institution: Vec<InstitutionEntry>,
}

/// A `[[coe]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoeEntry {
    pub slug: toml::Spanned<Slug>,
    pub name: Text,
    pub city: Text,
    pub country: CountryCode,
    pub summary: Text,
    #[serde(default)]
    pub expertise: Vec<Text>,
    #[serde(default)]
    pub facility: Vec<FacilityEntry>,
}

/// What kind of place a facility is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FacilityKind {
    GmpSuite,
    VectorCore,
    ClinicalTrialUnit,
    Laboratory,
    TrainingCentre,
    Other,
}

impl FacilityKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            FacilityKind::GmpSuite => "gmp_suite",
            FacilityKind::VectorCore => "vector_core",
            FacilityKind::ClinicalTrialUnit => "clinical_trial_unit",
            FacilityKind::Laboratory => "laboratory",
            FacilityKind::TrainingCentre => "training_centre",
            FacilityKind::Other => "other",
        }
    }
}

/// A `[[coe.facility]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacilityEntry {
    pub name: Text,
    pub kind: FacilityKind,
    pub description: Text,
}

/// What kind of organisation an institution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionKind {
    University,
    Hospital,
    Company,
    ResearchInstitute,
    Regulator,
    PatientOrganisation,
    Other,
}

impl InstitutionKind {
    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            InstitutionKind::University => "university",
            InstitutionKind::Hospital => "hospital",
            InstitutionKind::Company => "company",
            InstitutionKind::ResearchInstitute => "research_institute",
            InstitutionKind::Regulator => "regulator",
            InstitutionKind::PatientOrganisation => "patient_organisation",
            InstitutionKind::Other => "other",
        }
    }
}

/// An `[[institution]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstitutionEntry {
    pub slug: toml::Spanned<Slug>,
    pub name: Text,
    pub country: CountryCode,
    pub kind: InstitutionKind,
    #[serde(default)]
    pub email_domains: Vec<EmailDomain>,
    pub coe: Option<toml::Spanned<Slug>>,
}

fn default_enrolment() -> EnrolmentMethod {
    EnrolmentMethod::Open
}

fn default_true() -> bool {
    true
}

/// `courses/<slug>/course.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    pub title: Text,
    pub summary: Text,
    pub description: Text,
    pub coe: toml::Spanned<Slug>,
    pub audience: Audience,
    pub level: Level,
    pub language: LanguageCode,
    pub credits: Option<toml::Spanned<f64>>,
    pub credit_type: Option<CreditType>,
    #[serde(default)]
    pub tags: Vec<Text>,
    #[serde(default)]
    pub prerequisites: Vec<toml::Spanned<Slug>>,
    pub certificate: bool,
    pub certificate_validity_months: Option<Bounded<1, 240>>,
    /// This version requires holders of certificates from older versions to
    /// requalify (they are assigned requalification and emailed).
    #[serde(default)]
    pub requires_retraining: bool,
    /// What changed in this version (and, with `requires_retraining`, why
    /// retraining is needed).
    pub change_note: Option<Text>,
    #[serde(default = "default_enrolment")]
    pub enrolment: EnrolmentMethod,
    /// First day learners may enrol (a TOML date, e.g. 2027-01-15; UTC).
    pub enrolment_opens: Option<toml::Spanned<toml::value::Datetime>>,
    /// Day enrolment closes (exclusive; UTC).
    pub enrolment_closes: Option<toml::Spanned<toml::value::Datetime>>,
}

/// A TOML date or date-time as a UTC instant (dates are midnight UTC).
pub fn to_utc(value: &toml::value::Datetime) -> Option<chrono::DateTime<chrono::Utc>> {
    let date = value.date?;
    let day = chrono::NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )?;
    let time = match value.time {
        Some(time) => chrono::NaiveTime::from_hms_opt(
            u32::from(time.hour),
            u32::from(time.minute),
            u32::from(time.second),
        )?,
        None => chrono::NaiveTime::MIN,
    };
    let offset_minutes = match value.offset {
        Some(toml::value::Offset::Custom { minutes }) => i64::from(minutes),
        _ => 0,
    };
    Some(day.and_time(time).and_utc() - chrono::Duration::minutes(offset_minutes))
}

/// `modules/NN-slug/module.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleFile {
    pub title: Text,
    #[serde(default)]
    pub summary: String,
    pub assessment: Option<AssessmentSettings>,
}

/// The `[assessment]` table of a module: how its `quiz.gift` is examined.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentSettings {
    pub title: Text,
    pub pass_mark_percent: Bounded<0, 100>,
    pub questions_per_attempt: Bounded<1, 500>,
    pub max_attempts: Option<Bounded<1, 100>>,
    pub time_limit_minutes: Option<Bounded<1, 600>>,
    #[serde(default = "default_true")]
    pub required: bool,
    /// Which attempts decide the result (default: the best).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_rule: Option<ResultRule>,
    /// Minutes a learner waits after an attempt before the next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooldown_minutes: Option<Bounded<1, 10080>>,
    /// Show each learner the options of choice questions in an order of their own.
    #[serde(default, skip_serializing_if = "is_false")]
    pub shuffle_options: bool,
    /// When a learner sees the feedback on their answers (default: after each submission).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<FeedbackPolicy>,
    /// Show the correct answers with the feedback.
    #[serde(default, skip_serializing_if = "is_false")]
    pub show_correct_answers: bool,
    /// Draw this many questions from each `$CATEGORY` of the bank instead of
    /// from the whole bank; the counts add up to `questions_per_attempt`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub draw: Vec<CategoryDraw>,
    /// Show one question per page instead of all on one page.
    #[serde(default, skip_serializing_if = "is_false")]
    pub one_per_page: bool,
    /// Use the first `questions_per_attempt` questions of the bank, in the
    /// bank's order, instead of drawing at random.
    #[serde(default, skip_serializing_if = "is_false")]
    pub fixed: bool,
}

/// `[[assessment.draw]]`: how many questions come from one category.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDraw {
    pub category: Text,
    pub count: Bounded<1, 500>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Which attempts decide an assessment's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResultRule {
    /// Passed once any attempt passes.
    Best,
    /// The latest graded attempt decides.
    Last,
    /// The average score of the graded attempts decides.
    Average,
}

/// When feedback on answers is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackPolicy {
    AfterSubmit,
    /// Once the learner has passed or has no attempts left.
    AfterLastAttempt,
    Never,
}

/// A lesson's front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonFrontMatter {
    pub title: Text,
    pub minutes: Bounded<1, 600>,
    #[serde(default = "default_true")]
    pub required: bool,
    /// Makes the lesson a controlled document that learners sign as read
    /// and understood.
    pub document: Option<ControlledDocument>,
}

/// `[document]` of a lesson's front matter: a controlled document (SOP).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ControlledDocument {
    /// The document's identifier, e.g. "SOP-QA-012".
    pub id: String,
    /// Its version, e.g. "3"; a new version needs new signatures.
    pub version: String,
}

/// Whether `text` is a slug: lower-case ASCII letters and digits in groups
/// joined by single hyphens, 3 to 64 characters.
pub fn is_slug(text: &str) -> bool {
    (3..=64).contains(&text.len())
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A validated slug.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Slug(pub String);

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if is_slug(&text) {
            Ok(Slug(text))
        } else {
            Err(de::Error::custom(format!(
                "\"{text}\" is not a valid slug: use 3 to 64 lower-case letters, digits and single hyphens, e.g. \"coe-leiden\""
            )))
        }
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text that is not blank (trimmed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            Err(de::Error::custom("this value must not be empty"))
        } else {
            Ok(Text(trimmed.to_owned()))
        }
    }
}

/// An ISO 3166-1 alpha-2 country code such as `NL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCode(pub String);

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.len() == 2 && text.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(CountryCode(text))
        } else {
            Err(de::Error::custom(format!(
                "\"{text}\" is not a country code: use two capital letters (ISO 3166-1), e.g. \"NL\""
            )))
        }
    }
}

/// A BCP 47 primary language subtag such as `en`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct LanguageCode(pub String);

impl<'de> Deserialize<'de> for LanguageCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if (2..=3).contains(&text.len()) && text.chars().all(|c| c.is_ascii_lowercase()) {
            Ok(LanguageCode(text))
        } else {
            Err(de::Error::custom(format!(
                "\"{text}\" is not a language code: use two or three lower-case letters, e.g. \"en\", \"de\", \"fr\""
            )))
        }
    }
}

/// An email domain such as `example.org`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailDomain(pub String);

impl<'de> Deserialize<'de> for EmailDomain {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?.to_ascii_lowercase();
        let valid = text.contains('.')
            && !text.starts_with('.')
            && !text.ends_with('.')
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        if valid {
            Ok(EmailDomain(text))
        } else {
            Err(de::Error::custom(format!(
                "\"{text}\" is not an email domain: write only the part after @, e.g. \"example.org\""
            )))
        }
    }
}

/// A whole number between `MIN` and `MAX` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Bounded<const MIN: u32, const MAX: u32>(pub u32);

impl<'de, const MIN: u32, const MAX: u32> Deserialize<'de> for Bounded<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = i64::deserialize(deserializer)?;
        match u32::try_from(number) {
            Ok(value) if (MIN..=MAX).contains(&value) => Ok(Bounded(value)),
            _ => Err(de::Error::custom(format!(
                "{number} is out of range: use a whole number from {MIN} to {MAX}"
            ))),
        }
    }
}

impl<const MIN: u32, const MAX: u32> Bounded<MIN, MAX> {
    /// The value as a database integer.
    pub fn as_i32(self) -> i32 {
        i32::try_from(self.0).unwrap_or(i32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_single_hyphens() {
        for good in ["coe-leiden", "gmp-for-atmp-manufacturing", "abc", "a1-b2"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in [
            "ab",
            "Coe-Leiden",
            "coe--leiden",
            "-coe",
            "coe-",
            "coe_leiden",
            "../etc",
            "ünï",
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
