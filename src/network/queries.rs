//! Queries on CoEs, facilities and institutions.

use diesel::prelude::*;

use super::models::{Coe, CoeFields, Facility, FacilityFields, Institution, InstitutionFields};
use crate::db::schema::{coes, facilities, institutions};
use crate::ids::{CoeId, FacilityId, InstitutionId};

/// Every CoE, by name.
pub fn all_coes(connection: &mut PgConnection) -> QueryResult<Vec<Coe>> {
    coes::table
        .order(coes::name.asc())
        .select(Coe::as_select())
        .load(connection)
}

/// One CoE by slug.
pub fn coe_by_slug(connection: &mut PgConnection, slug: &str) -> QueryResult<Option<Coe>> {
    coes::table
        .filter(coes::slug.eq(slug))
        .select(Coe::as_select())
        .first(connection)
        .optional()
}

/// A CoE by id.
pub fn coe_by_id(connection: &mut PgConnection, id: CoeId) -> QueryResult<Coe> {
    coes::table
        .find(id)
        .select(Coe::as_select())
        .first(connection)
}

pub fn insert_coe(connection: &mut PgConnection, fields: &CoeFields) -> QueryResult<CoeId> {
    diesel::insert_into(coes::table)
        .values((coes::id.eq(CoeId::new()), fields))
        .returning(coes::id)
        .get_result(connection)
}

pub fn update_coe(connection: &mut PgConnection, id: CoeId, fields: &CoeFields) -> QueryResult<()> {
    diesel::update(coes::table.find(id))
        .set((fields, coes::updated_at.eq(diesel::dsl::now)))
        .execute(connection)?;
    Ok(())
}

/// Every facility, by CoE and position.
pub fn all_facilities(connection: &mut PgConnection) -> QueryResult<Vec<Facility>> {
    facilities::table
        .order((facilities::coe_id.asc(), facilities::position.asc()))
        .select(Facility::as_select())
        .load(connection)
}

/// The facilities of one CoE, in order.
pub fn facilities_of(connection: &mut PgConnection, coe_id: CoeId) -> QueryResult<Vec<Facility>> {
    facilities::table
        .filter(facilities::coe_id.eq(coe_id))
        .order(facilities::position.asc())
        .select(Facility::as_select())
        .load(connection)
}

/// Replaces a CoE's facilities with `wanted`, in that order.
pub fn replace_facilities(
    connection: &mut PgConnection,
    coe_id: CoeId,
    wanted: &[FacilityFields],
) -> QueryResult<()> {
    diesel::delete(facilities::table.filter(facilities::coe_id.eq(coe_id))).execute(connection)?;
    let rows: Vec<_> = wanted
        .iter()
        .zip(0..)
        .map(|(facility, position)| {
            (
                facilities::id.eq(FacilityId::new()),
                facilities::coe_id.eq(coe_id),
                facilities::position.eq(position),
                facilities::name.eq(&facility.name),
                facilities::kind.eq(&facility.kind),
                facilities::description.eq(&facility.description),
            )
        })
        .collect();
    diesel::insert_into(facilities::table)
        .values(rows)
        .execute(connection)?;
    Ok(())
}

/// Every institution, by name.
pub fn all_institutions(connection: &mut PgConnection) -> QueryResult<Vec<Institution>> {
    institutions::table
        .order(institutions::name.asc())
        .select(Institution::as_select())
        .load(connection)
}

pub fn insert_institution(
    connection: &mut PgConnection,
    fields: &InstitutionFields,
) -> QueryResult<InstitutionId> {
    diesel::insert_into(institutions::table)
        .values((institutions::id.eq(InstitutionId::new()), fields))
        .returning(institutions::id)
        .get_result(connection)
}

pub fn update_institution(
    connection: &mut PgConnection,
    id: InstitutionId,
    fields: &InstitutionFields,
) -> QueryResult<()> {
    diesel::update(institutions::table.find(id))
        .set((fields, institutions::updated_at.eq(diesel::dsl::now)))
        .execute(connection)?;
    Ok(())
}
