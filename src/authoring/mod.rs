//! Instructor authoring in the browser: a course's next version is drafted
//! as one document in the course-folder shape, edited with optimistic
//! locking, submitted for review, approved by a second person and
//! published through the file import's own code into an immutable version.
//! The history lists every version with a readable diff; any version can be
//! exported back to the `courses/` format.

pub mod diff;
pub mod draft;
pub mod export;
pub mod pages;
pub mod queries;
pub mod service;

/// The routes of the editor.
pub fn routes(config: &mut actix_web::web::ServiceConfig) {
    pages::routes(config);
}
