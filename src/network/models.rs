//! Rows of the network tables, and the fields the sync writes.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{coes, facilities, institutions};
use crate::ids::{CoeId, FacilityId, InstitutionId};

/// A Centre of Excellence.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = coes)]
pub struct Coe {
    pub id: CoeId,
    pub slug: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub summary: String,
    pub expertise: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What describes a CoE (all but ids and timestamps): inserted or compared.
#[derive(Debug, Clone, PartialEq, Eq, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = coes)]
pub struct CoeFields {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub summary: String,
    pub expertise: Vec<String>,
}

impl From<&Coe> for CoeFields {
    fn from(coe: &Coe) -> Self {
        CoeFields {
            slug: coe.slug.clone(),
            name: coe.name.clone(),
            city: coe.city.clone(),
            country: coe.country.clone(),
            summary: coe.summary.clone(),
            expertise: coe.expertise.clone(),
        }
    }
}

/// A facility of a CoE.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = facilities)]
pub struct Facility {
    pub id: FacilityId,
    pub coe_id: CoeId,
    pub position: i32,
    pub name: String,
    pub kind: String,
    pub description: String,
}

/// What describes a facility, in its CoE's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacilityFields {
    pub name: String,
    pub kind: String,
    pub description: String,
}

impl From<&Facility> for FacilityFields {
    fn from(facility: &Facility) -> Self {
        FacilityFields {
            name: facility.name.clone(),
            kind: facility.kind.clone(),
            description: facility.description.clone(),
        }
    }
}

/// An institution (university, hospital, company, ...).
#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = institutions)]
pub struct Institution {
    pub id: InstitutionId,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub kind: String,
    pub email_domains: Vec<String>,
    pub coe_id: Option<CoeId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What describes an institution: inserted or compared.
#[derive(Debug, Clone, PartialEq, Eq, Insertable, AsChangeset, Serialize)]
#[diesel(table_name = institutions, treat_none_as_null = true)]
pub struct InstitutionFields {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub kind: String,
    pub email_domains: Vec<String>,
    pub coe_id: Option<CoeId>,
}

impl From<&Institution> for InstitutionFields {
    fn from(institution: &Institution) -> Self {
        InstitutionFields {
            slug: institution.slug.clone(),
            name: institution.name.clone(),
            country: institution.country.clone(),
            kind: institution.kind.clone(),
            email_domains: institution.email_domains.clone(),
            coe_id: institution.coe_id,
        }
    }
}
