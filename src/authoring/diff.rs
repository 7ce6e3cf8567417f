//! A readable account of what changed between two versions of a course:
//! course details, modules and lessons added, removed, moved or renamed,
//! assessment changes, and line-by-line changes of texts. Each change is
//! described as an interface message (`author-change-…`, worded in the
//! reader's language by the history page) with the course's own words as
//! its arguments; the changed lines are the course's text as it is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

use crate::course_files::load::{CourseSource, LessonSource, ModuleSource};

/// One line of a text diff.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DiffLine {
    /// `added`, `removed` or `context`.
    pub kind: &'static str,
    pub text: String,
}

/// One change, with the changed lines of a text where there are some.
///
/// `summary` carries the description as a [`Phrase`] in JSON (see
/// [`ChangeItem::description`]), so that the page can word it in the
/// reader's language; an item made elsewhere with plain text (the
/// service's "First version") is read as that text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChangeItem {
    pub summary: String,
    pub lines: Vec<DiffLine>,
}

/// The plain summary the authoring service gives a course's first version.
const FIRST_VERSION: &str = "First version";

impl ChangeItem {
    /// What changed, to be worded in the reader's language.
    pub fn description(&self) -> Phrase {
        serde_json::from_str(&self.summary).unwrap_or_else(|_| {
            if self.summary == FIRST_VERSION {
                Phrase::message("author-change-first-version", [])
            } else {
                Phrase::Text(self.summary.clone())
            }
        })
    }
}

/// Words that describe a change: text from the course shown as it is, a
/// number (written the reader's way), an interface message whose
/// arguments are phrases again, or phrases side by side (an amount and
/// its unit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phrase {
    Text(String),
    Number(f64),
    Message {
        id: String,
        args: BTreeMap<String, Phrase>,
    },
    Words(Vec<Phrase>),
}

impl Phrase {
    /// The message `id` with `args`.
    pub fn message<const N: usize>(id: &str, args: [(&str, Phrase); N]) -> Phrase {
        Phrase::Message {
            id: id.to_owned(),
            args: args
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        }
    }

    /// A text from the course.
    fn text(text: &str) -> Phrase {
        Phrase::Text(text.to_owned())
    }
}

fn item(description: Phrase) -> ChangeItem {
    described(description, Vec::new())
}

fn described(description: Phrase, lines: Vec<DiffLine>) -> ChangeItem {
    ChangeItem {
        summary: serde_json::to_string(&description).unwrap_or_default(),
        lines,
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

/// A changed value: message `id` with the `old` and `new` values and the
/// names in `context` (the module, the lesson).
fn field<const N: usize>(
    changes: &mut Vec<ChangeItem>,
    id: &str,
    context: [(&str, Phrase); N],
    old: Phrase,
    new: Phrase,
) {
    if old != new {
        let mut description = Phrase::message(id, context);
        if let Phrase::Message { args, .. } = &mut description {
            args.insert("old".to_owned(), old);
            args.insert("new".to_owned(), new);
        }
        changes.push(item(description));
    }
}

/// A value of a closed vocabulary, by its message id.
fn vocabulary(id: &str) -> Phrase {
    Phrase::message(id, [])
}

/// What changed from `old` to `new`.
pub fn changes(old: &CourseSource, new: &CourseSource) -> Vec<ChangeItem> {
    let mut changes = Vec::new();
    field(
        &mut changes,
        "author-change-title",
        [],
        Phrase::text(&old.title),
        Phrase::text(&new.title),
    );
    field(
        &mut changes,
        "author-change-summary",
        [],
        Phrase::text(&old.summary),
        Phrase::text(&new.summary),
    );
    if old.description_markdown != new.description_markdown {
        changes.push(described(
            Phrase::message("author-change-description", []),
            text_lines(&old.description_markdown, &new.description_markdown),
        ));
    }
    field(
        &mut changes,
        "author-change-audience",
        [],
        vocabulary(old.audience.message_id()),
        vocabulary(new.audience.message_id()),
    );
    field(
        &mut changes,
        "author-change-level",
        [],
        vocabulary(old.level.message_id()),
        vocabulary(new.level.message_id()),
    );
    field(
        &mut changes,
        "author-change-language",
        [],
        Phrase::text(&old.language),
        Phrase::text(&new.language),
    );
    let credits = |course: &CourseSource| match (course.credits, course.credit_type) {
        (Some(amount), Some(kind)) => {
            Phrase::Words(vec![Phrase::Number(amount), vocabulary(kind.message_id())])
        }
        _ => Phrase::message("author-change-credits-none", []),
    };
    field(
        &mut changes,
        "author-change-credits",
        [],
        credits(old),
        credits(new),
    );
    field(
        &mut changes,
        "author-change-tags",
        [],
        Phrase::Text(old.tags.join(", ")),
        Phrase::Text(new.tags.join(", ")),
    );
    field(
        &mut changes,
        "author-change-prerequisites",
        [],
        Phrase::Text(old.prerequisites.join(", ")),
        Phrase::Text(new.prerequisites.join(", ")),
    );
    let certificate =
        |course: &CourseSource| match (course.certificate, course.certificate_validity_months) {
            (false, _) => Phrase::message("author-change-certificate-none", []),
            (true, None) => Phrase::message("author-change-certificate-no-expiry", []),
            (true, Some(months)) => Phrase::message(
                "author-change-certificate-months",
                [("months", Phrase::Number(f64::from(months)))],
            ),
        };
    field(
        &mut changes,
        "author-change-certificate",
        [],
        certificate(old),
        certificate(new),
    );
    field(
        &mut changes,
        "author-change-enrolment",
        [],
        vocabulary(old.enrolment.message_id()),
        vocabulary(new.enrolment.message_id()),
    );
    for module in &new.modules {
        match old
            .modules
            .iter()
            .find(|candidate| candidate.slug == module.slug)
        {
            None => changes.push(item(Phrase::message(
                "author-change-module-added",
                [
                    ("module", Phrase::text(&module.title)),
                    ("count", Phrase::Number(module.lessons.len() as f64)),
                ],
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
            changes.push(item(Phrase::message(
                "author-change-module-removed",
                [("module", Phrase::text(&module.title))],
            )));
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
        changes.push(item(Phrase::message("author-change-modules-reordered", [])));
    }
    changes
}

fn module_changes(changes: &mut Vec<ChangeItem>, old: &ModuleSource, new: &ModuleSource) {
    let name = || ("module", Phrase::text(&new.title));
    field(
        changes,
        "author-change-module-title",
        [name()],
        Phrase::text(&old.title),
        Phrase::text(&new.title),
    );
    field(
        changes,
        "author-change-module-summary",
        [name()],
        Phrase::text(&old.summary),
        Phrase::text(&new.summary),
    );
    if old.assessment != new.assessment {
        let id = match (&old.assessment, &new.assessment) {
            (None, Some(_)) => "author-change-assessment-added",
            (Some(_), None) => "author-change-assessment-removed",
            _ => "author-change-assessment-settings",
        };
        changes.push(item(Phrase::message(id, [name()])));
    }
    if old.quiz_gift != new.quiz_gift && old.quiz_gift.is_some() && new.quiz_gift.is_some() {
        changes.push(described(
            Phrase::message("author-change-question-bank", [name()]),
            text_lines(
                old.quiz_gift.as_deref().unwrap_or_default(),
                new.quiz_gift.as_deref().unwrap_or_default(),
            ),
        ));
    }
    for lesson in &new.lessons {
        match old
            .lessons
            .iter()
            .find(|candidate| candidate.slug == lesson.slug)
        {
            None => changes.push(item(Phrase::message(
                "author-change-lesson-added",
                [name(), ("lesson", Phrase::text(&lesson.title))],
            ))),
            Some(before) => lesson_changes(changes, &new.title, before, lesson),
        }
    }
    for lesson in &old.lessons {
        if !new
            .lessons
            .iter()
            .any(|candidate| candidate.slug == lesson.slug)
        {
            changes.push(item(Phrase::message(
                "author-change-lesson-removed",
                [name(), ("lesson", Phrase::text(&lesson.title))],
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
        changes.push(item(Phrase::message(
            "author-change-lessons-reordered",
            [name()],
        )));
    }
}

fn lesson_changes(
    changes: &mut Vec<ChangeItem>,
    module: &str,
    old: &LessonSource,
    new: &LessonSource,
) {
    let names = || {
        [
            ("module", Phrase::text(module)),
            ("lesson", Phrase::text(&new.title)),
        ]
    };
    field(
        changes,
        "author-change-lesson-title",
        names(),
        Phrase::text(&old.title),
        Phrase::text(&new.title),
    );
    field(
        changes,
        "author-change-lesson-minutes",
        names(),
        Phrase::Number(f64::from(old.minutes)),
        Phrase::Number(f64::from(new.minutes)),
    );
    if old.required != new.required {
        let id = if new.required {
            "author-change-lesson-now-required"
        } else {
            "author-change-lesson-now-optional"
        };
        changes.push(item(Phrase::message(id, names())));
    }
    if old.body_markdown != new.body_markdown {
        changes.push(described(
            Phrase::message("author-change-lesson-text", names()),
            text_lines(&old.body_markdown, &new.body_markdown),
        ));
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

    #[test]
    fn a_description_survives_the_summary_and_plain_text_is_read_as_text() {
        let phrase = Phrase::message(
            "author-change-module-added",
            [
                ("module", Phrase::text("Basics")),
                ("count", Phrase::Number(2.0)),
            ],
        );
        assert_eq!(item(phrase.clone()).description(), phrase);
        let first = ChangeItem {
            summary: FIRST_VERSION.to_owned(),
            lines: Vec::new(),
        };
        assert_eq!(
            first.description(),
            Phrase::message("author-change-first-version", [])
        );
        let other = ChangeItem {
            summary: "Something else".to_owned(),
            lines: Vec::new(),
        };
        assert_eq!(other.description(), Phrase::text("Something else"));
    }
}
