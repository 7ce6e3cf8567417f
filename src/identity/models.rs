//! People, their identities and roles, and identity providers.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::schema::{identity_providers, role_grants, users};
use crate::ids::{CoeId, CourseId, InstitutionId, UserId};

crate::uuid_id!(
    /// An OpenID Connect provider.
    ProviderId
);
crate::uuid_id!(
    /// A role grant (live or revoked).
    GrantId
);

/// A person's account.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = users)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub institution_id: Option<InstitutionId>,
    pub locale: Option<String>,
    pub created_at: DateTime<Utc>,
    pub deletion_requested_at: Option<DateTime<Utc>>,
    pub session_epoch: i32,
}

/// A role a person can hold. Everyone signed in is a learner; these are the
/// roles beyond that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[value(alias = "network_admin")]
    NetworkAdmin,
    Coordinator,
    Instructor,
    Assessor,
    Auditor,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::NetworkAdmin => "network_admin",
            Role::Coordinator => "coordinator",
            Role::Instructor => "instructor",
            Role::Assessor => "assessor",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "network_admin" => Some(Role::NetworkAdmin),
            "coordinator" => Some(Role::Coordinator),
            "instructor" => Some(Role::Instructor),
            "assessor" => Some(Role::Assessor),
            "auditor" => Some(Role::Auditor),
            _ => None,
        }
    }

    /// The catalogue message naming the role in the interface.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::NetworkAdmin => "role-network_admin",
            Role::Coordinator => "role-coordinator",
            Role::Instructor => "role-instructor",
            Role::Assessor => "role-assessor",
            Role::Auditor => "role-auditor",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::NetworkAdmin => "Network administrator",
            Role::Coordinator => "CoE coordinator",
            Role::Instructor => "Instructor",
            Role::Assessor => "Assessor",
            Role::Auditor => "Auditor",
        }
    }
}

/// A live role grant row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = role_grants)]
pub struct GrantRow {
    pub id: GrantId,
    pub user_id: UserId,
    pub role: String,
    pub coe_id: Option<CoeId>,
    pub course_id: Option<CourseId>,
    pub granted_at: DateTime<Utc>,
}

/// A role with its scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Grant {
    pub role: Role,
    pub coe_id: Option<CoeId>,
    pub course_id: Option<CourseId>,
}

/// An OpenID Connect provider as configured.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = identity_providers)]
pub struct IdentityProvider {
    pub id: ProviderId,
    pub slug: String,
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub institution_claim: String,
    pub enabled: bool,
}

/// The signed-in person, with the roles they hold now.
#[derive(Debug, Clone, Serialize)]
pub struct SessionUser {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    /// The interface language the person chose (None: the browser decides).
    pub locale: Option<String>,
    pub grants: Vec<Grant>,
    /// Sessions that began in an earlier epoch are over.
    pub session_epoch: i32,
}

impl SessionUser {
    /// A network admin may do everything.
    pub fn is_network_admin(&self) -> bool {
        self.grants
            .iter()
            .any(|grant| grant.role == Role::NetworkAdmin)
    }

    /// Whether the person holds `role` for `coe` (network admins hold every role).
    pub fn has_coe_role(&self, role: Role, coe: CoeId) -> bool {
        self.is_network_admin()
            || self
                .grants
                .iter()
                .any(|grant| grant.role == role && grant.coe_id == Some(coe))
    }

    /// Whether the person may teach `course` of `coe`: an instructor of the CoE or of the course.
    pub fn instructs(&self, course: CourseId, coe: CoeId) -> bool {
        self.has_coe_role(Role::Instructor, coe)
            || self
                .grants
                .iter()
                .any(|grant| grant.role == Role::Instructor && grant.course_id == Some(course))
    }
}
