//! A readable account of what changed between two versions of a course:
//! course details, modules and lessons added, removed, moved or renamed,
//! assessment changes, and line-by-line changes of texts.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::course_files::load::{CourseSource, LessonSource, ModuleSource};

/// One line of a text diff.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DiffLine {
    /// `added`, `removed` or `context`.
    pub kind: &'static str,
    pub text: String,
}

/// One change, in words, with the changed lines of a text where there are some.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChangeItem {
    pub summary: String,
    pub lines: Vec<DiffLine>,
}

fn item(summary: String) -> ChangeItem {
    ChangeItem {
        summary,
        lines: Vec::new(),
    }
}

/// Changed lines (with one line of context) between two texts.
pub fn text_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let diff = TextDiff::from_lines(old, new);
    let mut lines = Vec::new();
    for group in diff.grouped_ops(1) {
        for operation in group {
            for change in diff.iter_changes(&operation) {
                let kind = match change.tag() {
                    ChangeTag::Delete => "removed",
                    ChangeTag::Insert => "added",
                    ChangeTag::Equal => "context",
                };
                lines.push(DiffLine {
                    kind,
                    text: change.value().trim_end_matches('\n').to_owned(),
                });
            }
        }
    }
    lines
}

fn field(changes: &mut Vec<ChangeItem>, label: &str, old: String, new: String) {
    if old != new {
        changes.push(item(format!("{label}: “{old}” → “{new}”")));
    }
}

/// What changed from `old` to `new`.
pub fn changes(old: &CourseSource, new: &CourseSource) -> Vec<ChangeItem> {
    let mut changes = Vec::new();
    field(&mut changes, "Title", old.title.clone(), new.title.clone());
    field(
        &mut changes,
        "Summary",
        old.summary.clone(),
        new.summary.clone(),
    );
    if old.description_markdown != new.description_markdown {
        changes.push(ChangeItem {
            summary: "Description changed".to_owned(),
            lines: text_lines(&old.description_markdown, &new.description_markdown),
        });
    }
    field(
        &mut changes,
        "Audience",
        old.audience.label().to_owned(),
        new.audience.label().to_owned(),
    );
    field(
        &mut changes,
        "Level",
        old.level.label().to_owned(),
        new.level.label().to_owned(),
    );
    field(
        &mut changes,
        "Language",
        old.language.clone(),
        new.language.clone(),
    );
    let credits = |course: &CourseSource| match (course.credits, course.credit_type) {
        (Some(amount), Some(kind)) => format!("{amount} {}", kind.label()),
        _ => "none".to_owned(),
    };
    field(&mut changes, "Credits", credits(old), credits(new));
    field(
        &mut changes,
        "Tags",
        old.tags.join(", "),
        new.tags.join(", "),
    );
    field(
        &mut changes,
        "Prerequisites",
        old.prerequisites.join(", "),
        new.prerequisites.join(", "),
    );
    let certificate =
        |course: &CourseSource| match (course.certificate, course.certificate_validity_months) {
            (false, _) => "no certificate".to_owned(),
            (true, None) => "certificate, no expiry".to_owned(),
            (true, Some(months)) => format!("certificate valid {months} months"),
        };
    field(
        &mut changes,
        "Certificate",
        certificate(old),
        certificate(new),
    );
    field(
        &mut changes,
        "Enrolment",
        old.enrolment.label().to_owned(),
        new.enrolment.label().to_owned(),
    );
    for module in &new.modules {
        match old
            .modules
            .iter()
            .find(|candidate| candidate.slug == module.slug)
        {
            None => changes.push(item(format!(
                "Module “{}” added with {} lesson{}",
                module.title,
                module.lessons.len(),
                if module.lessons.len() == 1 { "" } else { "s" }
            ))),
            Some(before) => module_changes(&mut changes, before, module),
        }
    }
    for module in &old.modules {
        if !new
            .modules
            .iter()
            .any(|candidate| candidate.slug == module.slug)
        {
            changes.push(item(format!("Module “{}” removed", module.title)));
        }
    }
    let order = |course: &CourseSource| {
        course
            .modules
            .iter()
            .map(|module| module.slug.clone())
            .collect::<Vec<_>>()
    };
    let kept = |course: &CourseSource, other: &CourseSource| {
        order(course)
            .into_iter()
            .filter(|slug| other.modules.iter().any(|module| &module.slug == slug))
            .collect::<Vec<_>>()
    };
    if kept(old, new) != kept(new, old) {
        changes.push(item("Modules reordered".to_owned()));
    }
    changes
}

fn module_changes(changes: &mut Vec<ChangeItem>, old: &ModuleSource, new: &ModuleSource) {
    let name = &new.title;
    field(
        changes,
        &format!("Module “{name}”: title"),
        old.title.clone(),
        new.title.clone(),
    );
    field(
        changes,
        &format!("Module “{name}”: summary"),
        old.summary.clone(),
        new.summary.clone(),
    );
    if old.assessment != new.assessment {
        changes.push(item(match (&old.assessment, &new.assessment) {
            (None, Some(_)) => format!("Module “{name}”: assessment added"),
            (Some(_), None) => format!("Module “{name}”: assessment removed"),
            _ => format!("Module “{name}”: assessment settings changed"),
        }));
    }
    if old.quiz_gift != new.quiz_gift && old.quiz_gift.is_some() && new.quiz_gift.is_some() {
        changes.push(ChangeItem {
            summary: format!("Module “{name}”: question bank changed"),
            lines: text_lines(
                old.quiz_gift.as_deref().unwrap_or_default(),
                new.quiz_gift.as_deref().unwrap_or_default(),
            ),
        });
    }
    for lesson in &new.lessons {
        match old
            .lessons
            .iter()
            .find(|candidate| candidate.slug == lesson.slug)
        {
            None => changes.push(item(format!(
                "Module “{name}”: lesson “{}” added",
                lesson.title
            ))),
            Some(before) => lesson_changes(changes, name, before, lesson),
        }
    }
    for lesson in &old.lessons {
        if !new
            .lessons
            .iter()
            .any(|candidate| candidate.slug == lesson.slug)
        {
            changes.push(item(format!(
                "Module “{name}”: lesson “{}” removed",
                lesson.title
            )));
        }
    }
    let kept = |lessons: &[LessonSource], other: &[LessonSource]| {
        lessons
            .iter()
            .filter(|lesson| other.iter().any(|candidate| candidate.slug == lesson.slug))
            .map(|lesson| lesson.slug.clone())
            .collect::<Vec<_>>()
    };
    if kept(&old.lessons, &new.lessons) != kept(&new.lessons, &old.lessons) {
        changes.push(item(format!("Module “{name}”: lessons reordered")));
    }
}

fn lesson_changes(
    changes: &mut Vec<ChangeItem>,
    module: &str,
    old: &LessonSource,
    new: &LessonSource,
) {
    let name = format!("Module “{module}”, lesson “{}”", new.title);
    field(
        changes,
        &format!("{name}: title"),
        old.title.clone(),
        new.title.clone(),
    );
    field(
        changes,
        &format!("{name}: minutes"),
        old.minutes.to_string(),
        new.minutes.to_string(),
    );
    if old.required != new.required {
        changes.push(item(format!(
            "{name}: now {}",
            if new.required { "required" } else { "optional" }
        )));
    }
    if old.body_markdown != new.body_markdown {
        changes.push(ChangeItem {
            summary: format!("{name}: text changed"),
            lines: text_lines(&old.body_markdown, &new.body_markdown),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_shows_as_removed_and_added_with_context() {
        let lines = text_lines("one\ntwo\nthree\nfour\n", "one\ntwo\n3\nfour\n");
        let kinds: Vec<(&str, &str)> = lines
            .iter()
            .map(|line| (line.kind, line.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("context", "two"),
                ("removed", "three"),
                ("added", "3"),
                ("context", "four")
            ]
        );
    }
}
