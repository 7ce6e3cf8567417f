//! Identity rules: email sign-in links (single use, hashed, 15 minutes,
//! bound to the requesting browser, rate limited, no account enumeration),
//! just-in-time accounts linked by (issuer, subject) and never merged by
//! email, scoped role grants, identity providers, and a person's own data.

use chrono::{DateTime, Duration, Utc};
use diesel::{Connection, PgConnection};
use rand::RngCore;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::models::{Grant, IdentityProvider, Role, SessionUser, User};
use super::queries::{self, ClaimedPerson, ProviderFields};
use crate::audit::{self, Actor, Change};
use crate::db::DbError;
use crate::ids::{CoeId, CourseId, UserId};

/// How long an email sign-in link works.
pub const LINK_LIFETIME_MINUTES: i64 = 15;
/// Links one browser may ask for, for one address, per window.
pub const LINKS_PER_ADDRESS: i64 = 5;
/// Links one address may be sent per window from all browsers together
/// (a cap against mail floods, high enough that a stranger's requests do
/// not lock the owner out quickly).
pub const LINKS_PER_ADDRESS_ALL_BROWSERS: i64 = 20;
/// Links one client address may request per window.
pub const LINKS_PER_CLIENT: i64 = 20;
/// The rate-limit window.
pub const RATE_WINDOW_MINUTES: i64 = 15;

/// Why an email link cannot sign anyone in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    Unknown,
    Used,
    Expired,
    OtherBrowser,
}

/// Why an identity operation failed.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("{0}")]
    BadInput(String),
    #[error("{0}")]
    RateLimited(String),
    #[error("the sign-in link cannot be used")]
    Link(LinkProblem),
    #[error("{0}")]
    AccountConflict(String),
    #[error("{0}")]
    NotFound(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for IdentityError {
    fn from(error: diesel::result::Error) -> Self {
        IdentityError::Db(DbError::Query(error))
    }
}

/// A random secret, URL-safe.
pub fn random_secret() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 in hex: how secrets are stored and compared.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Trims and checks an email address; the domain is lower-cased.
pub fn normalise_email(raw: &str) -> Result<String, IdentityError> {
    let trimmed = raw.trim();
    let invalid =
        || IdentityError::BadInput("Enter an email address like name@example.org.".to_owned());
    let (local, domain) = trimmed.rsplit_once('@').ok_or_else(invalid)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
    if !domain_ok || !local_ok || trimmed.len() > 254 {
        return Err(invalid());
    }
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

/// Records a new sign-in link for `raw_email` and returns (address, token).
/// The same answer is given whether or not an account exists.
pub fn request_sign_in_link(
    connection: &mut PgConnection,
    raw_email: &str,
    client_ip: &str,
    browser_secret: &str,
    now: DateTime<Utc>,
) -> Result<(String, String), IdentityError> {
    let email = normalise_email(raw_email)?;
    let browser_hash = hash_secret(browser_secret);
    connection.transaction(|connection| {
        // Parallel requests for one address are counted one after another.
        queries::lock_address(connection, &email)?;
        let since = now - Duration::minutes(RATE_WINDOW_MINUTES);
        if queries::links_for_email_and_browser_since(connection, &email, &browser_hash, since)? >= LINKS_PER_ADDRESS
            || queries::links_for_email_since(connection, &email, since)? >= LINKS_PER_ADDRESS_ALL_BROWSERS
            || queries::links_for_ip_since(connection, client_ip, since)? >= LINKS_PER_CLIENT
        {
            return Err(IdentityError::RateLimited(format!(
                "Too many sign-in links were requested. Please wait {RATE_WINDOW_MINUTES} minutes and try again, \
                 or use the most recent link you received."
            )));
        }
        let token = random_secret();
        queries::insert_sign_in_link(
            connection,
            &email,
            &hash_secret(&token),
            &browser_hash,
            client_ip,
            now + Duration::minutes(LINK_LIFETIME_MINUTES),
        )?;
        Ok((email, token))
    })
}

/// Uses a sign-in link: single use (the row is locked), unexpired, from the
/// browser that asked for it. Creates the account on first use.
pub fn confirm_sign_in_link(
    connection: &mut PgConnection,
    token: &str,
    browser_secret: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SessionUser, IdentityError> {
    connection.transaction(|connection| {
        let link = queries::lock_sign_in_link(connection, &hash_secret(token))?
            .ok_or(IdentityError::Link(LinkProblem::Unknown))?;
        if link.used_at.is_some() {
            return Err(IdentityError::Link(LinkProblem::Used));
        }
        if link.expires_at <= now {
            return Err(IdentityError::Link(LinkProblem::Expired));
        }
        if browser_secret.map(hash_secret).as_deref() != Some(link.browser_hash.as_str()) {
            return Err(IdentityError::Link(LinkProblem::OtherBrowser));
        }
        queries::mark_link_used(connection, link.id)?;
        let user = match queries::user_by_email(connection, &link.email)? {
            Some(user) => user,
            None => match create_user(connection, &link.email, None, "email link")? {
                Some(user) => user,
                // Another sign-in created the account a moment ago.
                None => queries::user_by_email(connection, &link.email)?.ok_or_else(|| {
                    IdentityError::NotFound("The account could not be created.".to_owned())
                })?,
            },
        };
        audit::record(
            connection,
            Change::new(Actor::User(user.id), "user.signed_in", "user", user.id)
                .new_value(json!({ "method": "email_link" })),
        )?;
        load_session_user(connection, &user)
    })
}

/// Writes a failed sign-in to the audit trail.
pub fn record_sign_in_failure(
    connection: &mut PgConnection,
    method: &str,
    reason: &str,
) -> Result<(), IdentityError> {
    audit::record(
        connection,
        Change::new(Actor::System, "auth.sign_in_failed", "sign_in", method)
            .reason(reason.chars().take(500).collect::<String>()),
    )?;
    Ok(())
}

/// Creates an account; `None` when another request created one for the
/// same address at the same moment.
fn create_user(
    connection: &mut PgConnection,
    email: &str,
    name: Option<&str>,
    method: &str,
) -> Result<Option<User>, IdentityError> {
    let domain = email
        .rsplit_once('@')
        .map(|(_, domain)| domain)
        .unwrap_or_default();
    let institution = queries::institution_for_domain(connection, domain)?;
    let display_name = name
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| name.chars().take(200).collect::<String>())
        .unwrap_or_else(|| email.split('@').next().unwrap_or(email).to_owned());
    let Some(user) = queries::insert_user(connection, email, &display_name, institution)? else {
        return Ok(None);
    };
    audit::record(
        connection,
        Change::new(Actor::User(user.id), "user.created", "user", user.id)
            .new_value(json!({ "email": email, "display_name": display_name, "institution_id": institution, "method": method })),
    )?;
    Ok(Some(user))
}

/// The person just signed in or registered, as their session sees them.
fn load_session_user(
    connection: &mut PgConnection,
    user: &User,
) -> Result<SessionUser, IdentityError> {
    session_user(connection, user.id)?
        .ok_or_else(|| IdentityError::NotFound("This account no longer exists.".to_owned()))
}

/// The signed-in person from their account and live grants as read with
/// [`claimed_person_columns!`](crate::claimed_person_columns) (a grant whose
/// role this build does not know is left out).
pub fn session_user_from(person: ClaimedPerson) -> SessionUser {
    let grants = person
        .grant_roles
        .iter()
        .zip(person.grant_coes)
        .zip(person.grant_courses)
        .filter_map(|((role, coe_id), course_id)| {
            Some(Grant {
                role: Role::parse(role)?,
                coe_id,
                course_id,
            })
        })
        .collect();
    SessionUser {
        id: person.id,
        email: person.email,
        display_name: person.display_name,
        locale: person.locale,
        grants,
        session_epoch: person.session_epoch,
    }
}

/// The signed-in person for a session, with current roles (None if the
/// account is gone).
pub fn session_user(
    connection: &mut PgConnection,
    id: UserId,
) -> Result<Option<SessionUser>, IdentityError> {
    Ok(queries::claimed_person(connection, id)?.map(session_user_from))
}

/// Ends every session of a person (sign-out: a copied cookie stops working too).
pub fn end_all_sessions(
    connection: &mut PgConnection,
    user_id: UserId,
) -> Result<(), IdentityError> {
    connection.transaction(|connection| {
        queries::bump_session_epoch(connection, user_id)?;
        audit::record(
            connection,
            Change::new(Actor::User(user_id), "user.signed_out", "user", user_id),
        )?;
        Ok(())
    })
}

/// What an identity provider vouched for, after the ID token was verified.
#[derive(Debug, Clone)]
pub struct VerifiedIdentity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub name: Option<String>,
    pub home_organization: Option<String>,
}

/// Signs in through an identity provider: the account linked to (issuer,
/// subject), or a new one. An email that belongs to another account is
/// never merged silently.
pub fn sign_in_with_identity(
    connection: &mut PgConnection,
    provider: &IdentityProvider,
    identity: &VerifiedIdentity,
) -> Result<SessionUser, IdentityError> {
    connection.transaction(|connection| {
        if let Some(user_id) = queries::user_for_identity(connection, &identity.issuer, &identity.subject)? {
            let user = queries::user_by_id(connection, user_id)?
                .ok_or_else(|| IdentityError::NotFound("The linked account no longer exists.".to_owned()))?;
            queries::touch_identity(connection, &identity.issuer, &identity.subject)?;
            audit::record(
                connection,
                Change::new(Actor::User(user.id), "user.signed_in", "user", user.id)
                    .new_value(json!({ "method": "oidc", "provider": provider.slug })),
            )?;
            return load_session_user(connection, &user);
        }
        let email = identity
            .email
            .as_deref()
            .map(normalise_email)
            .transpose()
            .map_err(|_| IdentityError::BadInput("Your institution did not send a usable email address.".to_owned()))?
            .ok_or_else(|| {
                IdentityError::BadInput(
                    "Your institution did not share your email address, which the Academy needs for your account. \
                     Ask your institution's identity service to release the email claim."
                        .to_owned(),
                )
            })?;
        if queries::user_by_email(connection, &email)?.is_some() {
            return Err(IdentityError::AccountConflict(format!(
                "An account with the address {email} already exists, and it is not linked to your {} account. \
                 To keep records apart, the two are not merged automatically: sign in with an email link to use \
                 the existing account, or contact a network administrator to link them.",
                provider.display_name
            )));
        }
        let user = create_user(connection, &email, identity.name.as_deref(), "oidc")?.ok_or_else(|| {
            IdentityError::AccountConflict("Another sign-in created this account at the same moment; please sign in again.".to_owned())
        })?;
        // A provider vouches only for the institutions it is configured to serve.
        if provider.institution_claim == "schac_home_organization"
            && let Some(organisation) = &identity.home_organization
            && let Some(institution) = queries::institution_for_domain(connection, organisation)?
            && queries::provider_serves(connection, provider.id, institution)?
        {
            queries::set_user_institution(connection, user.id, institution)?;
        }
        queries::insert_identity(connection, user.id, provider.id, &identity.issuer, &identity.subject)?;
        audit::record(
            connection,
            Change::new(Actor::User(user.id), "user.identity_linked", "user", user.id)
                .new_value(json!({ "issuer": identity.issuer, "subject": identity.subject, "provider": provider.slug })),
        )?;
        audit::record(
            connection,
            Change::new(Actor::User(user.id), "user.signed_in", "user", user.id)
                .new_value(json!({ "method": "oidc", "provider": provider.slug })),
        )?;
        load_session_user(connection, &user)
    })
}

/// Who a grant is for and what it covers.
#[derive(Debug, Clone)]
pub struct GrantRequest {
    pub email: String,
    pub role: Role,
    pub coe_slug: Option<String>,
    pub course_slug: Option<String>,
    /// Create the account with this name when no account has the email.
    pub create_with_name: Option<String>,
}

fn resolve_scope(
    connection: &mut PgConnection,
    request: &GrantRequest,
) -> Result<(Option<CoeId>, Option<CourseId>), IdentityError> {
    let coe = match &request.coe_slug {
        Some(slug) => Some(
            crate::network::queries::coe_by_slug(connection, slug)?
                .ok_or_else(|| IdentityError::NotFound(format!("There is no CoE \"{slug}\".")))?
                .id,
        ),
        None => None,
    };
    let course = match &request.course_slug {
        Some(slug) => Some(
            crate::catalog::queries::course_id_by_slug(connection, slug)?.ok_or_else(|| {
                IdentityError::NotFound(format!("There is no course \"{slug}\"."))
            })?,
        ),
        None => None,
    };
    let valid = match request.role {
        Role::NetworkAdmin => coe.is_none() && course.is_none(),
        Role::Coordinator | Role::Assessor | Role::Auditor => coe.is_some() && course.is_none(),
        Role::Instructor => coe.is_some() != course.is_some(),
    };
    if !valid {
        return Err(IdentityError::BadInput(match request.role {
            Role::NetworkAdmin => {
                "A network admin role has no scope: give neither --coe nor --course.".to_owned()
            }
            Role::Instructor => {
                "An instructor role needs exactly one of --coe or --course.".to_owned()
            }
            _ => format!(
                "The {} role needs --coe (and no --course).",
                request.role.as_str()
            ),
        }));
    }
    Ok((coe, course))
}

/// Grants a role; the grant and (if made) the new account go to the audit trail.
pub fn grant_role(
    connection: &mut PgConnection,
    actor: Actor,
    request: &GrantRequest,
) -> Result<(), IdentityError> {
    let email = normalise_email(&request.email)?;
    connection.transaction(|connection| {
        let user = match queries::user_by_email(connection, &email)? {
            Some(user) => user,
            None => match &request.create_with_name {
                Some(name) => create_user(connection, &email, Some(name), "cli")?
                    .ok_or_else(|| IdentityError::BadInput(format!("{email} was created by someone else just now: run the command again.")))?,
                None => {
                    return Err(IdentityError::NotFound(format!(
                        "No account uses {email}. Ask the person to sign in once, or add --create --name \"Full Name\"."
                    )));
                }
            },
        };
        let (coe, course) = resolve_scope(connection, request)?;
        let existing = queries::live_grants(connection, user.id)?;
        if existing
            .iter()
            .any(|grant| grant.role == request.role.as_str() && grant.coe_id == coe && grant.course_id == course)
        {
            return Err(IdentityError::BadInput(format!("{email} already holds that role.")));
        }
        let grant_id = queries::insert_grant(connection, user.id, request.role.as_str(), coe, course, actor.user_id())?;
        audit::record(
            connection,
            Change::new(actor, "role.granted", "user", user.id).new_value(json!({
                "grant_id": grant_id,
                "role": request.role.as_str(),
                "coe": request.coe_slug,
                "course": request.course_slug,
            })),
        )?;
        Ok(())
    })
}

/// Revokes a live role grant (kept in history, marked revoked).
pub fn revoke_role(
    connection: &mut PgConnection,
    actor: Actor,
    request: &GrantRequest,
) -> Result<(), IdentityError> {
    let email = normalise_email(&request.email)?;
    connection.transaction(|connection| {
        let user = queries::user_by_email(connection, &email)?
            .ok_or_else(|| IdentityError::NotFound(format!("No account uses {email}.")))?;
        let (coe, course) = resolve_scope(connection, request)?;
        let grant = queries::live_grants(connection, user.id)?
            .into_iter()
            .find(|grant| grant.role == request.role.as_str() && grant.coe_id == coe && grant.course_id == course)
            .ok_or_else(|| IdentityError::NotFound(format!("{email} does not hold that role.")))?;
        queries::revoke_grant(connection, grant.id, actor.user_id())?;
        audit::record(
            connection,
            Change::new(actor, "role.revoked", "user", user.id)
                .old(json!({ "grant_id": grant.id, "role": request.role.as_str(), "coe": request.coe_slug, "course": request.course_slug })),
        )?;
        Ok(())
    })
}

/// A provider as an admin describes it.
#[derive(Debug, Clone)]
pub struct ProviderInput {
    pub slug: String,
    pub display_name: String,
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub institution_claim: String,
    pub institution_slugs: Vec<String>,
}

/// Adds an identity provider (the secret is stored, never shown again).
pub fn add_provider(
    connection: &mut PgConnection,
    actor: Actor,
    input: &ProviderInput,
) -> Result<(), IdentityError> {
    if !crate::course_files::format::is_slug(&input.slug) {
        return Err(IdentityError::BadInput(
            "The provider's slug must be 3 to 64 lower-case letters, digits and single hyphens."
                .to_owned(),
        ));
    }
    let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|prefix| input.issuer_url.starts_with(prefix));
    if !(input.issuer_url.starts_with("https://") || loopback) {
        return Err(IdentityError::BadInput(
            "The issuer URL must start with https:// (plain http:// is accepted only on this machine, for testing)."
                .to_owned(),
        ));
    }
    if input.client_id.trim().is_empty()
        || input.client_secret.trim().is_empty()
        || input.display_name.trim().is_empty()
    {
        return Err(IdentityError::BadInput(
            "A provider needs a name, a client id and a client secret.".to_owned(),
        ));
    }
    if !["schac_home_organization", "email_domain"].contains(&input.institution_claim.as_str()) {
        return Err(IdentityError::BadInput(
            "The institution claim must be schac_home_organization or email_domain.".to_owned(),
        ));
    }
    connection.transaction(|connection| {
        if queries::provider_by_slug(connection, &input.slug)?.is_some() {
            return Err(IdentityError::BadInput(format!(
                "A provider \"{}\" already exists.",
                input.slug
            )));
        }
        let mut institutions = Vec::new();
        for slug in &input.institution_slugs {
            institutions.push(queries::institution_by_slug(connection, slug)?.ok_or_else(
                || IdentityError::NotFound(format!("There is no institution \"{slug}\".")),
            )?);
        }
        let id = queries::insert_provider(
            connection,
            &ProviderFields {
                slug: input.slug.clone(),
                display_name: input.display_name.trim().to_owned(),
                issuer_url: input.issuer_url.trim_end_matches('/').to_owned(),
                client_id: input.client_id.trim().to_owned(),
                client_secret: input.client_secret.trim().to_owned(),
                institution_claim: input.institution_claim.clone(),
            },
        )?;
        queries::set_provider_institutions(connection, id, &institutions)?;
        audit::record(
            connection,
            Change::new(actor, "identity_provider.created", "identity_provider", id).new_value(
                json!({
                    "slug": input.slug,
                    "issuer_url": input.issuer_url,
                    "client_id": input.client_id,
                    "institutions": input.institution_slugs,
                    "client_secret": "(stored, not shown)",
                }),
            ),
        )?;
        Ok(())
    })
}

/// What the profile page shows.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub display_name: String,
    pub email: String,
    pub institution: Option<String>,
    /// The interface language the person chose (None: the browser decides).
    pub locale: Option<String>,
    pub roles: Vec<RoleView>,
    pub identities: Vec<String>,
    pub member_since: DateTime<Utc>,
    pub deletion_requested_at: Option<DateTime<Utc>>,
}

/// A role as the profile shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleView {
    /// The interface message naming the role (`role-…`).
    pub label_id: &'static str,
    /// The CoE the role is held in, by name.
    pub scope: Option<String>,
    /// The course the role is held in, by id (when not held in a CoE).
    pub course: Option<String>,
    /// Where the role's work is done, if it has a page.
    pub link: Option<String>,
}

/// Records the interface language a person chose (None: the browser's
/// `Accept-Language` decides again).
pub fn set_language(
    connection: &mut PgConnection,
    user_id: UserId,
    locale: Option<crate::i18n::Locale>,
) -> Result<(), IdentityError> {
    queries::set_user_locale(connection, user_id, locale.map(crate::i18n::Locale::code))?;
    Ok(())
}

/// A person's profile.
pub fn profile(connection: &mut PgConnection, user_id: UserId) -> Result<Profile, IdentityError> {
    let user = queries::user_by_id(connection, user_id)?
        .ok_or_else(|| IdentityError::NotFound("No such account.".to_owned()))?;
    let institution = match user.institution_id {
        Some(id) => queries::institution_name(connection, id)?,
        None => None,
    };
    let coes = crate::network::queries::all_coes(connection)?;
    let roles = queries::live_grants(connection, user_id)?
        .into_iter()
        .filter_map(|grant| {
            let role = Role::parse(&grant.role)?;
            let scope = grant.coe_id.and_then(|coe| {
                coes.iter()
                    .find(|candidate| candidate.id == coe)
                    .map(|coe| coe.name.clone())
            });
            let course = match (grant.coe_id, grant.course_id) {
                (None, Some(course)) => Some(course.to_string()),
                _ => None,
            };
            let link = match (role, grant.coe_id) {
                (Role::Coordinator, Some(coe)) => coes
                    .iter()
                    .find(|candidate| candidate.id == coe)
                    .map(|coe| format!("/coordinate/{}", coe.slug)),
                (Role::NetworkAdmin, _) => Some("/admin/identity-providers".to_owned()),
                (Role::Instructor | Role::Assessor, _) => Some("/review".to_owned()),
                _ => None,
            };
            Some(RoleView {
                label_id: role.message_id(),
                scope,
                course,
                link,
            })
        })
        .collect();
    let identities = queries::identities_of(connection, user_id)?
        .into_iter()
        .map(|(_, provider, _)| provider)
        .collect();
    Ok(Profile {
        display_name: user.display_name,
        email: user.email,
        institution,
        locale: user.locale,
        roles,
        identities,
        member_since: user.created_at,
        deletion_requested_at: user.deletion_requested_at,
    })
}

/// Everything the platform holds about a person, as JSON (data portability).
pub fn export_personal_data(
    connection: &mut PgConnection,
    user_id: UserId,
) -> Result<serde_json::Value, IdentityError> {
    let profile = profile(connection, user_id)?;
    let identities: Vec<serde_json::Value> = queries::identities_of(connection, user_id)?
        .into_iter()
        .map(|(issuer, provider, linked_at)| json!({ "issuer": issuer, "provider": provider, "linked_at": linked_at }))
        .collect();
    let history = audit::events_for_entity(connection, "user", &user_id.to_string())?;
    audit::record(
        connection,
        Change::new(Actor::User(user_id), "user.data_exported", "user", user_id),
    )?;
    Ok(json!({
        "exported_at": Utc::now(),
        "profile": profile,
        "identities": identities,
        "account_history": history,
    }))
}

/// Records a request to delete the account (carried out by an administrator,
/// since training records must be kept for their retention time).
pub fn request_deletion(
    connection: &mut PgConnection,
    user_id: UserId,
) -> Result<(), IdentityError> {
    connection.transaction(|connection| {
        let user = queries::user_by_id(connection, user_id)?
            .ok_or_else(|| IdentityError::NotFound("No such account.".to_owned()))?;
        if user.deletion_requested_at.is_some() {
            return Err(IdentityError::BadInput(
                "You have already asked for your account to be deleted.".to_owned(),
            ));
        }
        queries::mark_deletion_requested(connection, user_id)?;
        audit::record(
            connection,
            Change::new(
                Actor::User(user_id),
                "user.deletion_requested",
                "user",
                user_id,
            )
            .new_value(json!({ "deletion_requested": true }))
            .reason("requested by the account holder"),
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_domains_lower_cased() {
        assert_eq!(
            normalise_email("  Ada@Example.ORG ").ok().as_deref(),
            Some("Ada@example.org")
        );
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a b@example.org",
            "ada@exa mple.org",
            "<a>@example.org",
        ] {
            assert!(normalise_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn secrets_are_random_and_hashes_hex() {
        assert_ne!(random_secret(), random_secret());
        assert_eq!(hash_secret("x").len(), 64);
    }
}
