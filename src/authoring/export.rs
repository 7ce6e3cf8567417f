//! Writes a course (a published version or a draft) in the `courses/`
//! folder format: `course.toml`, `modules/NN-slug/module.toml`, lessons as
//! `NN-slug.md` with `+++` front matter, `quiz.gift`, and attachments in
//! `files/<lesson>/`. Importing the
//! folder gives the same content hash, hence the same course.

use std::path::Path;

use toml::{Table, Value};

use crate::attachments::AttachmentStore;
use crate::course_files::load::CourseSource;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing {path}: {error}")]
    Write { path: String, error: std::io::Error },
    #[error("{path}: the attachment's file is missing from the data directory ({error})")]
    Attachment { path: String, error: String },
    #[error(
        "{path} already exists: export into a folder without it, so that no old module or lesson file stays behind"
    )]
    Exists { path: String },
    #[error("encoding {what}: {error}")]
    Encode { what: String, error: String },
}

fn write(path: &Path, text: &str) -> Result<(), ExportError> {
    let fail = |error| ExportError::Write {
        path: path.display().to_string(),
        error,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    std::fs::write(path, text).map_err(fail)
}

fn encode(what: &str, table: &Table) -> Result<String, ExportError> {
    toml::to_string(table).map_err(|error| ExportError::Encode {
        what: what.to_owned(),
        error: error.to_string(),
    })
}

fn datetime(moment: chrono::DateTime<chrono::Utc>) -> Result<Value, ExportError> {
    moment
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
        .parse::<toml::value::Datetime>()
        .map(Value::Datetime)
        .map_err(|error| ExportError::Encode {
            what: "a date".to_owned(),
            error: error.to_string(),
        })
}

/// The text of `course.toml`.
pub fn course_toml(course: &CourseSource) -> Result<String, ExportError> {
    let mut table = Table::new();
    table.insert("title".into(), course.title.clone().into());
    table.insert("summary".into(), course.summary.clone().into());
    table.insert(
        "description".into(),
        course.description_markdown.clone().into(),
    );
    table.insert("coe".into(), course.coe.clone().into());
    table.insert("audience".into(), course.audience.as_str().into());
    table.insert("level".into(), course.level.as_str().into());
    table.insert("language".into(), course.language.clone().into());
    if let (Some(credits), Some(kind)) = (course.credits, course.credit_type) {
        table.insert("credits".into(), credits.into());
        table.insert("credit_type".into(), kind.as_str().into());
    }
    table.insert("tags".into(), course.tags.clone().into());
    table.insert("prerequisites".into(), course.prerequisites.clone().into());
    table.insert("certificate".into(), course.certificate.into());
    if let Some(months) = course.certificate_validity_months {
        table.insert(
            "certificate_validity_months".into(),
            i64::from(months).into(),
        );
    }
    if course.requires_retraining {
        table.insert("requires_retraining".into(), true.into());
    }
    if let Some(note) = &course.change_note {
        table.insert("change_note".into(), note.clone().into());
    }
    table.insert("enrolment".into(), course.enrolment.as_str().into());
    if let Some(opens) = course.enrolment_opens_at {
        table.insert("enrolment_opens".into(), datetime(opens)?);
    }
    if let Some(closes) = course.enrolment_closes_at {
        table.insert("enrolment_closes".into(), datetime(closes)?);
    }
    encode("course.toml", &table)
}

/// Writes `course` into `root/<slug>/`, with its attachments from `store`
/// under `modules/NN-slug/files/<lesson>/`.
pub fn write_course(
    root: &Path,
    course: &CourseSource,
    store: &AttachmentStore,
) -> Result<(), ExportError> {
    let dir = root.join(&course.slug);
    if dir.exists() {
        return Err(ExportError::Exists {
            path: dir.display().to_string(),
        });
    }
    write(&dir.join("course.toml"), &course_toml(course)?)?;
    for module in &course.modules {
        let module_dir = dir
            .join("modules")
            .join(format!("{:02}-{}", module.position, module.slug));
        let mut table = Table::new();
        table.insert("title".into(), module.title.clone().into());
        table.insert("summary".into(), module.summary.clone().into());
        if let Some(settings) = &module.assessment {
            let value = Value::try_from(settings).map_err(|error| ExportError::Encode {
                what: format!("the assessment of module {}", module.slug),
                error: error.to_string(),
            })?;
            table.insert("assessment".into(), value);
        }
        write(
            &module_dir.join("module.toml"),
            &encode("module.toml", &table)?,
        )?;
        if let Some(gift) = &module.quiz_gift {
            write(&module_dir.join("quiz.gift"), gift)?;
        }
        for lesson in &module.lessons {
            let mut front = Table::new();
            front.insert("title".into(), lesson.title.clone().into());
            front.insert("minutes".into(), i64::from(lesson.minutes).into());
            front.insert("required".into(), lesson.required.into());
            if let Some(document) = &lesson.document {
                let mut table = Table::new();
                table.insert("id".into(), document.id.clone().into());
                table.insert("version".into(), document.version.clone().into());
                front.insert("document".into(), Value::Table(table));
            }
            write(
                &module_dir.join(format!("{:02}-{}.md", lesson.position, lesson.slug)),
                &format!(
                    "+++\n{}+++\n\n{}\n",
                    encode("lesson front matter", &front)?,
                    lesson.body_markdown
                ),
            )?;
            for attachment in &lesson.attachments {
                let path = module_dir
                    .join("files")
                    .join(&lesson.slug)
                    .join(&attachment.file_name);
                let bytes =
                    store
                        .read(&attachment.sha256)
                        .map_err(|error| ExportError::Attachment {
                            path: path.display().to_string(),
                            error: error.to_string(),
                        })?;
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|error| ExportError::Write {
                        path: parent.display().to_string(),
                        error,
                    })?;
                }
                std::fs::write(&path, bytes).map_err(|error| ExportError::Write {
                    path: path.display().to_string(),
                    error,
                })?;
            }
        }
    }
    Ok(())
}
