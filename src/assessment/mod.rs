//! Assessments: question banks in Moodle's GIFT format (import and export).
//! The attempt engine (drawing, timing, grading, review) builds on these
//! questions.

pub mod gift;
pub mod grading;
