//! Course content as files: `courses/network.toml` and one folder per course
//! (format in `courses/README.md`). `load` reads and validates the files
//! without touching the database; `sync` writes them in one transaction,
//! idempotently, publishing a new immutable version for each changed course.

pub mod format;
pub mod load;
pub mod sync;

use std::path::Path;

use diesel::PgConnection;
use indicatif::ProgressBar;

pub use load::{CourseTree, FileProblem, Problems, load_tree};

use crate::attachments::{AttachmentError, AttachmentStore};
use crate::db::DbError;
pub use sync::{SyncError, SyncReport, sync_tree};

/// Validates `dir` and syncs it into the database; nothing is written when
/// any file is invalid.
pub fn import_directory(
    connection: &mut PgConnection,
    dir: &Path,
    store: &AttachmentStore,
    progress: &ProgressBar,
) -> Result<SyncReport, SyncError> {
    let tree = load_tree(dir).map_err(SyncError::Problems)?;
    store_attachments(&tree, store)?;
    sync_tree(connection, &tree, progress)
}

/// Copies the tree's attachment files into the store (content-addressed:
/// storing a file twice, or for a sync that then fails, is harmless).
fn store_attachments(tree: &CourseTree, store: &AttachmentStore) -> Result<(), SyncError> {
    let attachments = tree
        .courses
        .iter()
        .flat_map(|course| &course.modules)
        .flat_map(|module| &module.lessons)
        .flat_map(|lesson| &lesson.attachments);
    for attachment in attachments {
        if let Some(path) = &attachment.source_path {
            std::fs::read(path)
                .map_err(AttachmentError::from)
                .and_then(|bytes| store.put(attachment, &bytes))
                .map_err(|error| {
                    SyncError::Db(DbError::Task(format!("{}: {error}", path.display())))
                })?;
        }
    }
    Ok(())
}
