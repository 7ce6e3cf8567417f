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
pub use sync::{SyncError, SyncReport, sync_tree};

/// Validates `dir` and syncs it into the database; nothing is written when
/// any file is invalid.
pub fn import_directory(
    connection: &mut PgConnection,
    dir: &Path,
    progress: &ProgressBar,
) -> Result<SyncReport, SyncError> {
    let tree = load_tree(dir).map_err(SyncError::Problems)?;
    sync_tree(connection, &tree, progress)
}
