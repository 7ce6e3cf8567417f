//! Queries on users, identities, sign-in links, role grants and providers.

use chrono::{DateTime, Utc};
use diesel::prelude::*;

diesel::define_sql_function! {
    /// PostgreSQL's `lower`: emails compare without case (the unique index is on `lower(email)`).
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

use super::models::{GrantId, GrantRow, IdentityProvider, ProviderId, User};
use crate::db::schema::{
    email_sign_in_links, identity_provider_institutions, identity_providers, institutions,
    role_grants, user_identities, users,
};
use crate::ids::{CoeId, CourseId, InstitutionId, UserId};

pub fn user_by_id(connection: &mut PgConnection, id: UserId) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(connection)
        .optional()
}

pub fn user_by_email(connection: &mut PgConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(lower(users::email).eq(lower(email)))
        .select(User::as_select())
        .first(connection)
        .optional()
}

/// Inserts a user; `None` if an account with the same address appeared meanwhile.
pub fn insert_user(
    connection: &mut PgConnection,
    email: &str,
    display_name: &str,
    institution_id: Option<InstitutionId>,
) -> QueryResult<Option<User>> {
    diesel::insert_into(users::table)
        .values((
            users::id.eq(UserId::new()),
            users::email.eq(email),
            users::display_name.eq(display_name),
            users::institution_id.eq(institution_id),
        ))
        .on_conflict_do_nothing()
        .returning(User::as_returning())
        .get_result(connection)
        .optional()
}

/// Serialises sign-in link requests for one address within a transaction.
pub fn lock_address(connection: &mut PgConnection, email: &str) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext(lower($1)))")
        .bind::<diesel::sql_types::Text, _>(email)
        .execute(connection)?;
    Ok(())
}

/// Links requested for `email` by one browser since `since`.
pub fn links_for_email_and_browser_since(
    connection: &mut PgConnection,
    email: &str,
    browser_hash: &str,
    since: DateTime<Utc>,
) -> QueryResult<i64> {
    email_sign_in_links::table
        .filter(lower(email_sign_in_links::email).eq(lower(email)))
        .filter(email_sign_in_links::browser_hash.eq(browser_hash))
        .filter(email_sign_in_links::created_at.gt(since))
        .count()
        .get_result(connection)
}

/// Whether a provider is configured to serve an institution.
pub fn provider_serves(
    connection: &mut PgConnection,
    provider_id: ProviderId,
    institution_id: InstitutionId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        identity_provider_institutions::table
            .filter(identity_provider_institutions::provider_id.eq(provider_id))
            .filter(identity_provider_institutions::institution_id.eq(institution_id)),
    ))
    .get_result(connection)
}

pub fn bump_session_epoch(connection: &mut PgConnection, id: UserId) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::session_epoch.eq(users::session_epoch + 1))
        .execute(connection)?;
    Ok(())
}

pub fn set_user_institution(
    connection: &mut PgConnection,
    id: UserId,
    institution: InstitutionId,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::institution_id.eq(institution),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(connection)?;
    Ok(())
}

pub fn mark_deletion_requested(connection: &mut PgConnection, id: UserId) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::deletion_requested_at.eq(diesel::dsl::now),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(connection)?;
    Ok(())
}

/// The institution whose email domains include `domain`.
pub fn institution_for_domain(
    connection: &mut PgConnection,
    domain: &str,
) -> QueryResult<Option<InstitutionId>> {
    institutions::table
        .filter(institutions::email_domains.contains(vec![domain.to_lowercase()]))
        .select(institutions::id)
        .first(connection)
        .optional()
}

pub fn institution_name(
    connection: &mut PgConnection,
    id: InstitutionId,
) -> QueryResult<Option<String>> {
    institutions::table
        .find(id)
        .select(institutions::name)
        .first(connection)
        .optional()
}

/// The user linked to (issuer, subject), if any.
pub fn user_for_identity(
    connection: &mut PgConnection,
    issuer: &str,
    subject: &str,
) -> QueryResult<Option<UserId>> {
    user_identities::table
        .filter(user_identities::issuer.eq(issuer))
        .filter(user_identities::subject.eq(subject))
        .select(user_identities::user_id)
        .first(connection)
        .optional()
}

pub fn insert_identity(
    connection: &mut PgConnection,
    user_id: UserId,
    provider_id: ProviderId,
    issuer: &str,
    subject: &str,
) -> QueryResult<()> {
    diesel::insert_into(user_identities::table)
        .values((
            user_identities::id.eq(uuid::Uuid::now_v7()),
            user_identities::user_id.eq(user_id),
            user_identities::provider_id.eq(provider_id),
            user_identities::issuer.eq(issuer),
            user_identities::subject.eq(subject),
        ))
        .execute(connection)?;
    Ok(())
}

pub fn touch_identity(
    connection: &mut PgConnection,
    issuer: &str,
    subject: &str,
) -> QueryResult<()> {
    diesel::update(
        user_identities::table
            .filter(user_identities::issuer.eq(issuer))
            .filter(user_identities::subject.eq(subject)),
    )
    .set(user_identities::last_used_at.eq(diesel::dsl::now))
    .execute(connection)?;
    Ok(())
}

/// (issuer, provider name, linked at) of a user's identities.
pub fn identities_of(
    connection: &mut PgConnection,
    user_id: UserId,
) -> QueryResult<Vec<(String, String, DateTime<Utc>)>> {
    user_identities::table
        .inner_join(identity_providers::table)
        .filter(user_identities::user_id.eq(user_id))
        .select((
            user_identities::issuer,
            identity_providers::display_name,
            user_identities::created_at,
        ))
        .load(connection)
}

/// The person a session names, with their live grants, as the columns
/// [`ClaimedPerson`] reads: a statement of its own, or the body of a
/// `LEFT JOIN LATERAL` in a page's own statement (one round trip for both).
/// The statement's first parameter (`$1`) is the person's id; no row when
/// there is no such account.
#[macro_export]
macro_rules! claimed_person_columns {
    () => {
        "SELECT u.id AS person_id, u.email AS person_email, \
                u.display_name AS person_display_name, u.locale AS person_locale, \
                u.session_epoch AS person_session_epoch, \
                g.grant_roles, g.grant_coes, g.grant_courses \
         FROM users u CROSS JOIN LATERAL ( \
             SELECT coalesce(array_agg(role ORDER BY granted_at, id), '{}') AS grant_roles, \
                    coalesce(array_agg(coe_id ORDER BY granted_at, id), '{}') AS grant_coes, \
                    coalesce(array_agg(course_id ORDER BY granted_at, id), '{}') AS grant_courses \
             FROM role_grants WHERE user_id = u.id AND revoked_at IS NULL) g \
         WHERE u.id = $1"
    };
}

/// A person with their live grants (oldest first, as parallel arrays), as
/// read with [`claimed_person_columns!`].
#[derive(Debug, QueryableByName)]
pub struct ClaimedPerson {
    #[diesel(sql_type = diesel::sql_types::Uuid, column_name = person_id)]
    pub id: UserId,
    #[diesel(sql_type = diesel::sql_types::Text, column_name = person_email)]
    pub email: String,
    #[diesel(sql_type = diesel::sql_types::Text, column_name = person_display_name)]
    pub display_name: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>, column_name = person_locale)]
    pub locale: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Integer, column_name = person_session_epoch)]
    pub session_epoch: i32,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
    pub grant_roles: Vec<String>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Nullable<diesel::sql_types::Uuid>>)]
    pub grant_coes: Vec<Option<CoeId>>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Nullable<diesel::sql_types::Uuid>>)]
    pub grant_courses: Vec<Option<CourseId>>,
}

/// The person `id` with their live grants, in one round trip (every
/// signed-in request whose page does not read them in its own statement
/// asks).
pub fn claimed_person(
    connection: &mut PgConnection,
    id: UserId,
) -> QueryResult<Option<ClaimedPerson>> {
    let statement =
        diesel::sql_query(crate::claimed_person_columns!()).bind::<diesel::sql_types::Uuid, _>(id);
    crate::db::Prepared(statement)
        .get_result(connection)
        .optional()
}

/// The live grants of a user.
pub fn live_grants(connection: &mut PgConnection, user_id: UserId) -> QueryResult<Vec<GrantRow>> {
    role_grants::table
        .filter(role_grants::user_id.eq(user_id))
        .filter(role_grants::revoked_at.is_null())
        .order(role_grants::granted_at.asc())
        .select(GrantRow::as_select())
        .load(connection)
}

pub fn insert_grant(
    connection: &mut PgConnection,
    user_id: UserId,
    role: &str,
    coe_id: Option<CoeId>,
    course_id: Option<CourseId>,
    granted_by: Option<UserId>,
) -> QueryResult<GrantId> {
    diesel::insert_into(role_grants::table)
        .values((
            role_grants::id.eq(GrantId::new()),
            role_grants::user_id.eq(user_id),
            role_grants::role.eq(role),
            role_grants::coe_id.eq(coe_id),
            role_grants::course_id.eq(course_id),
            role_grants::granted_by.eq(granted_by),
        ))
        .returning(role_grants::id)
        .get_result(connection)
}

pub fn revoke_grant(
    connection: &mut PgConnection,
    id: GrantId,
    revoked_by: Option<UserId>,
) -> QueryResult<usize> {
    diesel::update(
        role_grants::table
            .find(id)
            .filter(role_grants::revoked_at.is_null()),
    )
    .set((
        role_grants::revoked_at.eq(diesel::dsl::now),
        role_grants::revoked_by.eq(revoked_by),
    ))
    .execute(connection)
}

/// A sign-in link as stored.
#[derive(Debug, Clone, Queryable)]
pub struct StoredLink {
    pub id: uuid::Uuid,
    pub email: String,
    pub browser_hash: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

pub fn insert_sign_in_link(
    connection: &mut PgConnection,
    email: &str,
    token_hash: &str,
    browser_hash: &str,
    client_ip: &str,
    expires_at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(email_sign_in_links::table)
        .values((
            email_sign_in_links::id.eq(uuid::Uuid::now_v7()),
            email_sign_in_links::email.eq(email),
            email_sign_in_links::token_hash.eq(token_hash),
            email_sign_in_links::browser_hash.eq(browser_hash),
            email_sign_in_links::client_ip.eq(client_ip),
            email_sign_in_links::expires_at.eq(expires_at),
        ))
        .execute(connection)?;
    Ok(())
}

/// The link with `token_hash`, locked for this transaction.
pub fn lock_sign_in_link(
    connection: &mut PgConnection,
    token_hash: &str,
) -> QueryResult<Option<StoredLink>> {
    email_sign_in_links::table
        .filter(email_sign_in_links::token_hash.eq(token_hash))
        .select((
            email_sign_in_links::id,
            email_sign_in_links::email,
            email_sign_in_links::browser_hash,
            email_sign_in_links::expires_at,
            email_sign_in_links::used_at,
        ))
        .for_update()
        .first(connection)
        .optional()
}

pub fn mark_link_used(connection: &mut PgConnection, id: uuid::Uuid) -> QueryResult<()> {
    diesel::update(email_sign_in_links::table.find(id))
        .set(email_sign_in_links::used_at.eq(diesel::dsl::now))
        .execute(connection)?;
    Ok(())
}

/// Links requested for `email` since `since`.
pub fn links_for_email_since(
    connection: &mut PgConnection,
    email: &str,
    since: DateTime<Utc>,
) -> QueryResult<i64> {
    email_sign_in_links::table
        .filter(lower(email_sign_in_links::email).eq(lower(email)))
        .filter(email_sign_in_links::created_at.gt(since))
        .count()
        .get_result(connection)
}

/// Links requested from `client_ip` since `since`.
pub fn links_for_ip_since(
    connection: &mut PgConnection,
    client_ip: &str,
    since: DateTime<Utc>,
) -> QueryResult<i64> {
    email_sign_in_links::table
        .filter(email_sign_in_links::client_ip.eq(client_ip))
        .filter(email_sign_in_links::created_at.gt(since))
        .count()
        .get_result(connection)
}

pub fn enabled_providers(connection: &mut PgConnection) -> QueryResult<Vec<IdentityProvider>> {
    identity_providers::table
        .filter(identity_providers::enabled.eq(true))
        .order(identity_providers::display_name.asc())
        .select(IdentityProvider::as_select())
        .load(connection)
}

pub fn all_providers(connection: &mut PgConnection) -> QueryResult<Vec<IdentityProvider>> {
    identity_providers::table
        .order(identity_providers::display_name.asc())
        .select(IdentityProvider::as_select())
        .load(connection)
}

pub fn provider_by_slug(
    connection: &mut PgConnection,
    slug: &str,
) -> QueryResult<Option<IdentityProvider>> {
    identity_providers::table
        .filter(identity_providers::slug.eq(slug))
        .select(IdentityProvider::as_select())
        .first(connection)
        .optional()
}

/// A provider about to be saved.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = identity_providers)]
pub struct ProviderFields {
    pub slug: String,
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub institution_claim: String,
}

pub fn insert_provider(
    connection: &mut PgConnection,
    fields: &ProviderFields,
) -> QueryResult<ProviderId> {
    diesel::insert_into(identity_providers::table)
        .values((identity_providers::id.eq(ProviderId::new()), fields))
        .returning(identity_providers::id)
        .get_result(connection)
}

pub fn set_provider_institutions(
    connection: &mut PgConnection,
    provider_id: ProviderId,
    institution_ids: &[InstitutionId],
) -> QueryResult<()> {
    diesel::delete(
        identity_provider_institutions::table
            .filter(identity_provider_institutions::provider_id.eq(provider_id)),
    )
    .execute(connection)?;
    let rows: Vec<_> = institution_ids
        .iter()
        .map(|institution| {
            (
                identity_provider_institutions::provider_id.eq(provider_id),
                identity_provider_institutions::institution_id.eq(*institution),
            )
        })
        .collect();
    diesel::insert_into(identity_provider_institutions::table)
        .values(rows)
        .execute(connection)?;
    Ok(())
}

/// (institution name, institution slug, provider slug, provider name) for the sign-in list.
pub fn institution_sign_in_options(
    connection: &mut PgConnection,
) -> QueryResult<Vec<(String, String, String, String)>> {
    identity_provider_institutions::table
        .inner_join(institutions::table)
        .inner_join(identity_providers::table)
        .filter(identity_providers::enabled.eq(true))
        .select((
            institutions::name,
            institutions::slug,
            identity_providers::slug,
            identity_providers::display_name,
        ))
        .order(institutions::name.asc())
        .load(connection)
}

/// The institution id for a slug.
pub fn institution_by_slug(
    connection: &mut PgConnection,
    slug: &str,
) -> QueryResult<Option<InstitutionId>> {
    institutions::table
        .filter(institutions::slug.eq(slug))
        .select(institutions::id)
        .first(connection)
        .optional()
}

/// Records a person's interface language (None: let the browser decide).
pub fn set_user_locale(
    connection: &mut PgConnection,
    id: UserId,
    locale: Option<&str>,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::locale.eq(locale),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .execute(connection)?;
    Ok(())
}
