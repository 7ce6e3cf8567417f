//! What the network pages show: each CoE with its expertise and facilities.

use diesel::PgConnection;
use serde::Serialize;

use super::models::Facility;
use super::queries;
use crate::db::DbError;

/// A facility as shown to people.
#[derive(Debug, Clone, Serialize)]
pub struct FacilityView {
    pub name: String,
    pub kind: String,
    pub kind_label: &'static str,
    pub description: String,
}

/// A CoE as shown to people.
#[derive(Debug, Clone, Serialize)]
pub struct CoeView {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub summary: String,
    pub expertise: Vec<String>,
    pub facilities: Vec<FacilityView>,
}

/// The words people use for a facility kind.
pub fn facility_kind_label(kind: &str) -> &'static str {
    match kind {
        "gmp_suite" => "GMP manufacturing suite",
        "vector_core" => "Viral vector core",
        "clinical_trial_unit" => "Clinical trial unit",
        "laboratory" => "Laboratory",
        "training_centre" => "Training centre",
        _ => "Other facility",
    }
}

fn facility_view(facility: &Facility) -> FacilityView {
    FacilityView {
        name: facility.name.clone(),
        kind: facility.kind.clone(),
        kind_label: facility_kind_label(&facility.kind),
        description: facility.description.clone(),
    }
}

/// Every CoE with its facilities, by name.
pub fn network_overview(connection: &mut PgConnection) -> Result<Vec<CoeView>, DbError> {
    Ok(connection
        .build_transaction()
        .read_only()
        .run(|connection| {
            let coes = queries::all_coes(connection)?;
            let facilities = queries::all_facilities(connection)?;
            Ok::<_, diesel::result::Error>(
                coes.into_iter()
                    .map(|coe| CoeView {
                        facilities: facilities
                            .iter()
                            .filter(|facility| facility.coe_id == coe.id)
                            .map(facility_view)
                            .collect(),
                        slug: coe.slug,
                        name: coe.name,
                        city: coe.city,
                        country: coe.country,
                        summary: coe.summary,
                        expertise: coe.expertise,
                    })
                    .collect(),
            )
        })?)
}

/// One CoE by slug, with its facilities.
pub fn coe_detail(connection: &mut PgConnection, slug: &str) -> Result<Option<CoeView>, DbError> {
    let Some(coe) = queries::coe_by_slug(connection, slug)? else {
        return Ok(None);
    };
    let facilities = queries::facilities_of(connection, coe.id)?;
    Ok(Some(CoeView {
        facilities: facilities.iter().map(facility_view).collect(),
        slug: coe.slug,
        name: coe.name,
        city: coe.city,
        country: coe.country,
        summary: coe.summary,
        expertise: coe.expertise,
    }))
}
