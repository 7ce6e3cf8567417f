//! Edits to a draft: pure functions on a `CourseSource` (the same shape as a
//! course folder), each checking its input with a message a person can act
//! on. Positions are renumbered 1..n after every structural change.

use crate::assessment::gift;
use crate::catalog::{Audience, CreditType, EnrolmentMethod, Level};
use crate::course_files::format::{AssessmentSettings, Bounded, Text, is_slug};
use crate::course_files::load::{AttachmentSource, CourseSource, LessonSource, ModuleSource};

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(pub String);

fn invalid(message: impl Into<String>) -> Invalid {
    Invalid(message.into())
}

fn bounded_text(label: &str, text: &str, max: usize) -> Result<String, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(invalid(format!("{label} cannot be empty.")));
    }
    if text.chars().count() > max {
        return Err(invalid(format!("{label} can be at most {max} characters.")));
    }
    Ok(text.to_owned())
}

/// A slug from a title: lower-case ASCII words joined by hyphens.
pub fn slug_from(title: &str) -> String {
    let mut slug = String::new();
    for character in title.chars() {
        let character = match character {
            'ä' | 'à' | 'á' | 'â' | 'å' | 'ã' => 'a',
            'ö' | 'ò' | 'ó' | 'ô' | 'ø' | 'õ' => 'o',
            'ü' | 'ù' | 'ú' | 'û' => 'u',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            'ñ' => 'n',
            other => other.to_ascii_lowercase(),
        };
        if character.is_ascii_alphanumeric() {
            slug.push(character);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    slug.chars()
        .take(64)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

fn checked_slug(wanted: &str, title: &str) -> Result<String, Invalid> {
    let slug = if wanted.trim().is_empty() {
        slug_from(title)
    } else {
        wanted.trim().to_owned()
    };
    if is_slug(&slug) {
        Ok(slug)
    } else {
        Err(invalid(format!(
            "\"{slug}\" is not a usable address name: use 3 to 64 lower-case letters and digits in words joined by single hyphens (e.g. \"premises-and-cleanrooms\")."
        )))
    }
}

fn renumber(course: &mut CourseSource) {
    for (index, module) in course.modules.iter_mut().enumerate() {
        module.position = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (lesson_index, lesson) in module.lessons.iter_mut().enumerate() {
            lesson.position = u32::try_from(lesson_index + 1).unwrap_or(u32::MAX);
        }
    }
}

/// The course's descriptive fields, as a form sends them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct MetadataInput {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub description: String,
    pub audience: String,
    pub level: String,
    pub language: String,
    #[serde(default)]
    pub credits: String,
    #[serde(default)]
    pub credit_type: String,
    #[serde(default)]
    pub tags: String,
    #[serde(default)]
    pub certificate: Option<String>,
    #[serde(default)]
    pub certificate_validity_months: String,
    pub enrolment: String,
    #[serde(default)]
    pub requires_retraining: Option<String>,
    #[serde(default)]
    pub change_note: String,
}

/// Applies the descriptive fields.
pub fn set_metadata(course: &mut CourseSource, input: &MetadataInput) -> Result<(), Invalid> {
    let title = bounded_text("The title", &input.title, 300)?;
    let summary = bounded_text("The summary", &input.summary, 1000)?;
    let description = bounded_text("The description", &input.description, 100_000)?;
    let audience = Audience::parse(&input.audience)
        .ok_or_else(|| invalid(format!("Choose an audience: {}.", Audience::expected())))?;
    let level = Level::parse(&input.level)
        .ok_or_else(|| invalid(format!("Choose a level: {}.", Level::expected())))?;
    let language = input.language.trim().to_lowercase();
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(invalid(
            "The language is a two- or three-letter code, e.g. en, de, fr, it.",
        ));
    }
    let enrolment = EnrolmentMethod::parse(&input.enrolment).ok_or_else(|| {
        invalid(format!(
            "Choose how learners enrol: {}.",
            EnrolmentMethod::expected()
        ))
    })?;
    let (credits, credit_type) = match (input.credits.trim(), input.credit_type.trim()) {
        ("", "") => (None, None),
        ("", _) => {
            return Err(invalid(
                "Give the number of credits, or clear the credit type.",
            ));
        }
        (_, "") => {
            return Err(invalid(
                "Choose the credit type (ECTS or CPD hours), or clear the credits.",
            ));
        }
        (amount, kind) => {
            let amount: f64 = amount
                .parse()
                .ok()
                .filter(|amount: &f64| amount.is_finite() && (0.0..=1000.0).contains(amount))
                .ok_or_else(|| invalid("Credits are a number between 0 and 1000, e.g. 1.5."))?;
            let kind = CreditType::parse(kind).ok_or_else(|| {
                invalid(format!(
                    "The credit type is one of {}.",
                    CreditType::expected()
                ))
            })?;
            (Some(amount), Some(kind))
        }
    };
    let tags: Vec<String> = input
        .tags
        .split(',')
        .map(|tag| tag.trim().to_owned())
        .filter(|tag| !tag.is_empty())
        .collect();
    if tags.len() > 20 || tags.iter().any(|tag| tag.chars().count() > 60) {
        return Err(invalid(
            "Give at most 20 tags of at most 60 characters, separated by commas.",
        ));
    }
    let certificate = input.certificate.is_some();
    let validity = match input.certificate_validity_months.trim() {
        "" => None,
        months => Some(
            months
                .parse::<u32>()
                .ok()
                .filter(|months| (1..=240).contains(months))
                .ok_or_else(|| invalid("Certificate validity is a number of months from 1 to 240, or empty for no expiry."))?,
        ),
    };
    if validity.is_some() && !certificate {
        return Err(invalid(
            "A certificate validity needs \"gives a certificate\" ticked.",
        ));
    }
    let requires_retraining = input.requires_retraining.is_some();
    let change_note = input.change_note.trim();
    if change_note.chars().count() > 2000 {
        return Err(invalid("The change note can be at most 2,000 characters."));
    }
    if requires_retraining && !certificate {
        return Err(invalid(
            "\"Requires retraining\" applies to courses that give a certificate.",
        ));
    }
    if requires_retraining && change_note.is_empty() {
        return Err(invalid(
            "Say in the change note why holders must retrain: they receive it by email.",
        ));
    }
    course.title = title;
    course.summary = summary;
    course.description_markdown = description;
    course.audience = audience;
    course.level = level;
    course.language = language;
    course.credits = credits;
    course.credit_type = credit_type;
    course.tags = tags;
    course.certificate = certificate;
    course.certificate_validity_months = validity;
    course.enrolment = enrolment;
    course.requires_retraining = requires_retraining;
    course.change_note = (!change_note.is_empty()).then(|| change_note.to_owned());
    Ok(())
}

fn module_mut<'a>(
    course: &'a mut CourseSource,
    slug: &str,
) -> Result<&'a mut ModuleSource, Invalid> {
    course
        .modules
        .iter_mut()
        .find(|module| module.slug == slug)
        .ok_or_else(|| invalid(format!("This draft has no module \"{slug}\".")))
}

/// Adds an empty module at the end.
pub fn add_module(course: &mut CourseSource, title: &str, slug: &str) -> Result<String, Invalid> {
    let title = bounded_text("The module title", title, 300)?;
    let slug = checked_slug(slug, &title)?;
    if course.modules.iter().any(|module| module.slug == slug) {
        return Err(invalid(format!(
            "The course already has a module \"{slug}\"; choose another address name."
        )));
    }
    if course.modules.len() >= 99 {
        return Err(invalid("A course can have at most 99 modules."));
    }
    course.modules.push(ModuleSource {
        position: 0,
        slug: slug.clone(),
        title,
        summary: String::new(),
        assessment: None,
        quiz_gift: None,
        lessons: Vec::new(),
    });
    renumber(course);
    Ok(slug)
}

/// Changes a module's title and summary.
pub fn set_module(
    course: &mut CourseSource,
    slug: &str,
    title: &str,
    summary: &str,
) -> Result<(), Invalid> {
    let title = bounded_text("The module title", title, 300)?;
    if summary.chars().count() > 2000 {
        return Err(invalid(
            "The module summary can be at most 2,000 characters.",
        ));
    }
    let module = module_mut(course, slug)?;
    module.title = title;
    module.summary = summary.trim().to_owned();
    Ok(())
}

/// Moves a module one place up (`-1`) or down (`1`).
pub fn move_module(course: &mut CourseSource, slug: &str, step: i32) -> Result<(), Invalid> {
    let index = course
        .modules
        .iter()
        .position(|module| module.slug == slug)
        .ok_or_else(|| invalid(format!("This draft has no module \"{slug}\".")))?;
    let target = index as i64 + i64::from(step.signum());
    if (0..course.modules.len() as i64).contains(&target) {
        course.modules.swap(index, target as usize);
        renumber(course);
    }
    Ok(())
}

/// Removes a module and its lessons.
pub fn delete_module(course: &mut CourseSource, slug: &str) -> Result<(), Invalid> {
    let before = course.modules.len();
    course.modules.retain(|module| module.slug != slug);
    if course.modules.len() == before {
        return Err(invalid(format!("This draft has no module \"{slug}\".")));
    }
    renumber(course);
    Ok(())
}

/// Adds a lesson at the end of a module.
pub fn add_lesson(
    course: &mut CourseSource,
    module: &str,
    title: &str,
    slug: &str,
) -> Result<String, Invalid> {
    let title = bounded_text("The lesson title", title, 300)?;
    let slug = checked_slug(slug, &title)?;
    let module = module_mut(course, module)?;
    if module.lessons.iter().any(|lesson| lesson.slug == slug) {
        return Err(invalid(format!(
            "The module already has a lesson \"{slug}\"; choose another address name."
        )));
    }
    if module.lessons.len() >= 99 {
        return Err(invalid("A module can have at most 99 lessons."));
    }
    module.lessons.push(LessonSource {
        position: 0,
        slug: slug.clone(),
        title: title.clone(),
        minutes: 10,
        required: true,
        body_markdown: format!("Write the lesson \"{title}\" here."),
        attachments: Vec::new(),
        document: None,
    });
    renumber(course);
    Ok(slug)
}

fn lesson_mut<'a>(
    course: &'a mut CourseSource,
    module: &str,
    slug: &str,
) -> Result<&'a mut LessonSource, Invalid> {
    module_mut(course, module)?
        .lessons
        .iter_mut()
        .find(|lesson| lesson.slug == slug)
        .ok_or_else(|| {
            invalid(format!(
                "Module \"{module}\" of this draft has no lesson \"{slug}\"."
            ))
        })
}

/// A lesson's content, as the editor sends it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct LessonInput {
    pub title: String,
    pub minutes: String,
    #[serde(default)]
    pub required: Option<String>,
    pub body_markdown: String,
}

/// The largest lesson text.
pub const MAX_LESSON_BYTES: usize = 512 * 1024;

/// Changes a lesson's title, duration, whether it is required, and text.
pub fn set_lesson(
    course: &mut CourseSource,
    module: &str,
    slug: &str,
    input: &LessonInput,
) -> Result<(), Invalid> {
    let title = bounded_text("The lesson title", &input.title, 300)?;
    let minutes = input
        .minutes
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|minutes| (1..=600).contains(minutes))
        .ok_or_else(|| invalid("The duration is a whole number of minutes from 1 to 600."))?;
    let body = input.body_markdown.replace("\r\n", "\n");
    if body.trim().is_empty() {
        return Err(invalid("The lesson text cannot be empty."));
    }
    if body.len() > MAX_LESSON_BYTES {
        return Err(invalid(
            "The lesson text can be at most 512 KB; split it into several lessons.",
        ));
    }
    let lesson = lesson_mut(course, module, slug)?;
    lesson.title = title;
    lesson.minutes = minutes;
    lesson.required = input.required.is_some();
    lesson.body_markdown = body.trim().to_owned();
    Ok(())
}

/// Moves a lesson one place up or down within its module.
pub fn move_lesson(
    course: &mut CourseSource,
    module: &str,
    slug: &str,
    step: i32,
) -> Result<(), Invalid> {
    let lessons = &mut module_mut(course, module)?.lessons;
    let index = lessons
        .iter()
        .position(|lesson| lesson.slug == slug)
        .ok_or_else(|| {
            invalid(format!(
                "Module \"{module}\" of this draft has no lesson \"{slug}\"."
            ))
        })?;
    let target = index as i64 + i64::from(step.signum());
    if (0..lessons.len() as i64).contains(&target) {
        lessons.swap(index, target as usize);
        renumber(course);
    }
    Ok(())
}

/// Removes a lesson.
pub fn delete_lesson(course: &mut CourseSource, module: &str, slug: &str) -> Result<(), Invalid> {
    let lessons = &mut module_mut(course, module)?.lessons;
    let before = lessons.len();
    lessons.retain(|lesson| lesson.slug != slug);
    if lessons.len() == before {
        return Err(invalid(format!(
            "Module \"{module}\" of this draft has no lesson \"{slug}\"."
        )));
    }
    renumber(course);
    Ok(())
}

/// Attaches a file to a lesson (replacing one of the same name).
pub fn attach(
    course: &mut CourseSource,
    module: &str,
    lesson: &str,
    attachment: AttachmentSource,
) -> Result<(), Invalid> {
    let lesson = lesson_mut(course, module, lesson)?;
    if let Some(existing) = lesson
        .attachments
        .iter_mut()
        .find(|existing| existing.file_name == attachment.file_name)
    {
        *existing = attachment;
        return Ok(());
    }
    if lesson.attachments.len() >= crate::attachments::MAX_PER_LESSON {
        return Err(invalid(format!(
            "A lesson can have at most {} attachments; remove one first.",
            crate::attachments::MAX_PER_LESSON
        )));
    }
    lesson.attachments.push(attachment);
    lesson
        .attachments
        .sort_by(|left, right| left.file_name.cmp(&right.file_name));
    Ok(())
}

/// Removes an attachment from a lesson.
pub fn detach(
    course: &mut CourseSource,
    module: &str,
    lesson: &str,
    file_name: &str,
) -> Result<(), Invalid> {
    let lesson = lesson_mut(course, module, lesson)?;
    let before = lesson.attachments.len();
    lesson
        .attachments
        .retain(|attachment| attachment.file_name != file_name);
    if lesson.attachments.len() == before {
        return Err(invalid(format!(
            "This lesson has no attachment \"{file_name}\"."
        )));
    }
    Ok(())
}

/// A module's assessment, as the editor sends it (an empty bank removes it).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct QuizInput {
    #[serde(default)]
    pub gift: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub pass_mark_percent: String,
    #[serde(default)]
    pub questions_per_attempt: String,
    #[serde(default)]
    pub max_attempts: String,
    #[serde(default)]
    pub time_limit_minutes: String,
}

fn number_in(label: &str, text: &str, min: u32, max: u32) -> Result<u32, Invalid> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|value| (min..=max).contains(value))
        .ok_or_else(|| invalid(format!("{label} is a whole number from {min} to {max}.")))
}

fn optional_number_in(label: &str, text: &str, min: u32, max: u32) -> Result<Option<u32>, Invalid> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        number_in(label, text, min, max).map(Some)
    }
}

/// Sets (or, with an empty bank, removes) a module's GIFT question bank and
/// its assessment settings; the bank must parse and hold enough questions.
pub fn set_quiz(
    course: &mut CourseSource,
    module: &str,
    input: &QuizInput,
) -> Result<usize, Invalid> {
    let text = input.gift.replace("\r\n", "\n");
    if text.trim().is_empty() {
        let module = module_mut(course, module)?;
        module.assessment = None;
        module.quiz_gift = None;
        return Ok(0);
    }
    if text.len() > 2 * 1024 * 1024 {
        return Err(invalid("A question bank can be at most 2 MB."));
    }
    let questions = gift::parse(&text).map_err(|problem| {
        invalid(format!(
            "The GIFT question bank has a problem on line {}: {}",
            problem.line, problem.message
        ))
    })?;
    let gradable = questions
        .iter()
        .filter(|question| question.kind != gift::QuestionKind::Description)
        .count();
    let title = bounded_text("The assessment title", &input.title, 300)?;
    let pass_mark = number_in("The pass mark", &input.pass_mark_percent, 0, 100)?;
    let per_attempt = number_in(
        "Questions per attempt",
        &input.questions_per_attempt,
        1,
        500,
    )?;
    if per_attempt as usize > gradable {
        return Err(invalid(format!(
            "An attempt draws {per_attempt} questions but the bank has {gradable} that can be graded; add questions or draw fewer."
        )));
    }
    let max_attempts = optional_number_in("The number of attempts", &input.max_attempts, 1, 100)?;
    let time_limit = optional_number_in("The time limit", &input.time_limit_minutes, 1, 600)?;
    let module = module_mut(course, module)?;
    let previous = module.assessment.clone();
    module.assessment = Some(AssessmentSettings {
        title: Text(title),
        pass_mark_percent: Bounded(pass_mark),
        questions_per_attempt: Bounded(per_attempt),
        max_attempts: max_attempts.map(Bounded),
        time_limit_minutes: time_limit.map(Bounded),
        ..previous.unwrap_or_else(|| default_settings(per_attempt))
    });
    module.quiz_gift = Some(text);
    Ok(gradable)
}

fn default_settings(per_attempt: u32) -> AssessmentSettings {
    AssessmentSettings {
        title: Text(String::new()),
        pass_mark_percent: Bounded(80),
        questions_per_attempt: Bounded(per_attempt),
        max_attempts: None,
        time_limit_minutes: None,
        required: true,
        result_rule: None,
        cooldown_minutes: None,
        shuffle_options: false,
        feedback: None,
        show_correct_answers: false,
        draw: Vec::new(),
        one_per_page: false,
        fixed: false,
    }
}

/// What must hold before a draft goes to review.
pub fn ready_for_review(course: &CourseSource, is_new_version: bool) -> Result<(), Invalid> {
    if course.modules.is_empty() {
        return Err(invalid(
            "Add at least one module with a lesson before submitting.",
        ));
    }
    if let Some(module) = course
        .modules
        .iter()
        .find(|module| module.lessons.is_empty())
    {
        return Err(invalid(format!(
            "Module \"{}\" has no lessons; add one or delete the module.",
            module.title
        )));
    }
    if is_new_version
        && course
            .change_note
            .as_deref()
            .is_none_or(|note| note.trim().is_empty())
    {
        return Err(invalid(
            "Say what changed in the change note (course details): the version history shows it.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course() -> CourseSource {
        serde_json::from_value(serde_json::json!({
            "slug": "demo", "coe": "coe-alpha", "title": "Demo", "summary": "S",
            "description_markdown": "", "audience": "scientists", "level": "introductory",
            "language": "en", "credits": null, "credit_type": null, "tags": [],
            "prerequisites": [], "certificate": true, "certificate_validity_months": null,
            "enrolment": "open", "enrolment_opens_at": null, "enrolment_closes_at": null,
            "modules": []
        }))
        .unwrap()
    }

    #[test]
    fn slugs_come_from_titles() {
        assert_eq!(
            slug_from("Premises & Cleanrooms (Grade A–D)"),
            "premises-cleanrooms-grade-a-d"
        );
        assert_eq!(slug_from("Qualität der Räume"), "qualitat-der-raume");
    }

    #[test]
    fn lessons_move_within_their_module_and_positions_follow() {
        let mut course = course();
        add_module(&mut course, "One", "").unwrap();
        add_lesson(&mut course, "one", "First", "").unwrap();
        add_lesson(&mut course, "one", "Second", "").unwrap();
        move_lesson(&mut course, "one", "second", -1).unwrap();
        let slugs: Vec<_> = course.modules[0]
            .lessons
            .iter()
            .map(|l| (l.slug.as_str(), l.position))
            .collect();
        assert_eq!(slugs, vec![("second", 1), ("first", 2)]);
        move_lesson(&mut course, "one", "second", -1).unwrap();
        assert_eq!(
            course.modules[0].lessons[0].slug, "second",
            "the first stays first"
        );
        assert!(move_lesson(&mut course, "two", "second", 1).is_err());
        assert!(move_lesson(&mut course, "one", "../../etc/passwd", 1).is_err());
    }

    #[test]
    fn bad_slugs_and_duplicates_are_refused() {
        let mut course = course();
        assert!(add_module(&mut course, "One", "../../etc/passwd").is_err());
        add_module(&mut course, "One", "").unwrap();
        assert!(add_module(&mut course, "One", "").is_err());
        assert!(add_lesson(&mut course, "one", "   ", "").is_err());
    }

    #[test]
    fn a_quiz_must_parse_and_hold_enough_questions() {
        let mut course = course();
        add_module(&mut course, "One", "").unwrap();
        let input = |gift: &str, per: &str| QuizInput {
            gift: gift.to_owned(),
            title: "Check".to_owned(),
            pass_mark_percent: "80".to_owned(),
            questions_per_attempt: per.to_owned(),
            max_attempts: String::new(),
            time_limit_minutes: String::new(),
        };
        assert!(set_quiz(&mut course, "one", &input("::Q1:: Is it? {", "1")).is_err());
        assert!(set_quiz(&mut course, "one", &input("::Q1:: Is it? {T}", "2")).is_err());
        assert_eq!(
            set_quiz(&mut course, "one", &input("::Q1:: Is it? {T}", "1")).unwrap(),
            1
        );
        assert!(course.modules[0].assessment.is_some());
        set_quiz(&mut course, "one", &input("", "")).unwrap();
        assert!(course.modules[0].assessment.is_none());
    }
}
