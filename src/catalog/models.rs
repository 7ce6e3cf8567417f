//! Catalogue rows and the closed vocabularies (audience, level, credit type,
//! enrolment method) shared by the file format, the database and the pages.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::schema::{course_modules, course_versions, courses, lessons};
use crate::ids::{CoeId, CourseId, CourseVersionId, LessonId, ModuleId, UserId};

/// Declares a closed vocabulary stored as text: parse, name, label, list.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident $prefix:literal { $($variant:ident => $text:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored (and URL) form.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The form shown to people (English; see `message_id`).
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The catalogue message naming the value in the interface.
            pub fn message_id(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $text)),+ }
            }

            /// Parses the stored form.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The stored forms, for error messages.
            pub fn expected() -> String {
                [$($text),+].join(", ")
            }
        }
    };
}

vocabulary!(
    /// Who a course is written for.
    Audience "audience" {
        Public => "public", "Public & patients";
        Scientists => "scientists", "Scientists";
        Clinicians => "clinicians", "Clinicians & trial staff";
        GmpStaff => "gmp_staff", "GMP operators & QA/QC";
        Stakeholders => "stakeholders", "Companies & stakeholders";
    }
);

vocabulary!(
    /// How much a course assumes.
    Level "level" {
        Introductory => "introductory", "Introductory";
        Intermediate => "intermediate", "Intermediate";
        Advanced => "advanced", "Advanced";
    }
);

vocabulary!(
    /// The unit of a course's credits.
    CreditType "credit-type" {
        Ects => "ects", "ECTS";
        CpdHours => "cpd_hours", "CPD hours";
    }
);

vocabulary!(
    /// How learners get into a course.
    EnrolmentMethod "enrolment-method" {
        Open => "open", "Open enrolment";
        Approval => "approval", "Enrolment by approval";
    }
);

/// A course row.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = courses)]
pub struct Course {
    pub id: CourseId,
    pub slug: String,
    pub coe_id: CoeId,
    pub source: String,
    pub status: String,
    pub current_version_id: Option<CourseVersionId>,
    pub created_at: DateTime<Utc>,
    pub archived_at: Option<DateTime<Utc>>,
}

/// A course version row (without its search columns).
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = course_versions)]
pub struct CourseVersion {
    pub id: CourseVersionId,
    pub course_id: CourseId,
    pub version_number: i32,
    pub status: String,
    pub content_hash: String,
    pub title: String,
    pub summary: String,
    pub description_markdown: String,
    pub description_html: String,
    pub audience: String,
    pub level: String,
    pub language: String,
    pub credits: Option<f64>,
    pub credit_type: Option<String>,
    pub tags: Vec<String>,
    pub certificate: bool,
    pub certificate_validity_months: Option<i32>,
    pub enrolment_method: String,
    pub requires_retraining: bool,
    pub change_note: Option<String>,
    pub source_path: Option<String>,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub published_by: Option<UserId>,
    pub enrolment_opens_at: Option<DateTime<Utc>>,
    pub enrolment_closes_at: Option<DateTime<Utc>>,
}

/// A module row.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = course_modules)]
pub struct Module {
    pub id: ModuleId,
    pub course_version_id: CourseVersionId,
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub assessment: Option<serde_json::Value>,
}

/// A lesson without its body (for syllabi).
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = lessons)]
pub struct LessonOutline {
    pub id: LessonId,
    pub module_id: ModuleId,
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub minutes: i32,
    pub required: bool,
}

/// A lesson with its rendered body.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = lessons)]
pub struct Lesson {
    pub id: LessonId,
    pub module_id: ModuleId,
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub minutes: i32,
    pub required: bool,
    pub body_html: String,
    pub document_id: Option<String>,
    pub document_version: Option<String>,
}
