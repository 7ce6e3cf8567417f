//! Signature rules: only someone who may read the lesson signs it; a code
//! is valid for 10 minutes and 5 attempts, one at a time; a signature is
//! bound to the document version of the lesson signed, once per person and
//! lesson, in the audit trail.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use rand::Rng;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::audit::{self, Actor, Change};
use crate::catalog::queries as catalog_queries;
use crate::db::DbError;
use crate::db::schema::{document_signatures, lessons, signature_challenges};
use crate::identity::models::SessionUser;
use crate::ids::LessonId;
use crate::notifications::{self, Notification};

/// The one meaning a signature here carries.
pub const MEANING: &str = "read and understood";
const CODE_MINUTES: i64 = 10;
const MAX_ATTEMPTS: i32 = 5;

/// Why a signature request failed; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Conflict(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for SignatureError {
    fn from(error: diesel::result::Error) -> Self {
        SignatureError::Db(DbError::Query(error))
    }
}

/// A lesson that is a controlled document, as the viewer may read it.
struct Document {
    lesson_id: LessonId,
    id: String,
    version: String,
    title: String,
}

fn document(
    connection: &mut PgConnection,
    user: &SessionUser,
    course_slug: &str,
    module_slug: &str,
    lesson_slug: &str,
) -> Result<Document, SignatureError> {
    let not_found = || SignatureError::NotFound("There is no such lesson.".to_owned());
    let (course, version, coe) =
        catalog_queries::course_with_version(connection, course_slug, None)?
            .ok_or_else(not_found)?;
    let access = crate::enrolment::service::reading_access(
        connection,
        Some(user),
        course.id,
        coe.id,
        crate::catalog::service::lessons_are_public(&version.audience),
    )
    .map_err(|error| SignatureError::Db(DbError::Task(error.to_string())))?;
    if !access.may_read {
        return Err(SignatureError::Forbidden(
            "Enrol in the course to read and sign this document.".to_owned(),
        ));
    }
    let shown = access.version.unwrap_or(version.id);
    let lesson_id =
        crate::enrolment::queries::lesson_in_version(connection, shown, module_slug, lesson_slug)?
            .ok_or_else(not_found)?;
    let (title, id, doc_version): (String, Option<String>, Option<String>) = lessons::table
        .find(lesson_id)
        .select((
            lessons::title,
            lessons::document_id,
            lessons::document_version,
        ))
        .first(connection)?;
    match (id, doc_version) {
        (Some(id), Some(version)) => Ok(Document {
            lesson_id,
            id,
            version,
            title,
        }),
        _ => Err(SignatureError::NotFound(
            "This lesson is not a controlled document; there is nothing to sign.".to_owned(),
        )),
    }
}

fn hash_code(challenge: uuid::Uuid, code: &str) -> String {
    hex::encode(Sha256::digest(
        format!("{challenge}:{}", code.trim()).as_bytes(),
    ))
}

/// Sends a one-time code to the signer's email.
pub fn request_code(
    connection: &mut PgConnection,
    user: &SessionUser,
    course_slug: &str,
    module_slug: &str,
    lesson_slug: &str,
    now: DateTime<Utc>,
) -> Result<(), SignatureError> {
    connection.transaction(|connection| {
        let document = document(connection, user, course_slug, module_slug, lesson_slug)?;
        // One request at a time per person, so the limits below hold.
        diesel::sql_query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE")
            .bind::<diesel::sql_types::Uuid, _>(user.id)
            .execute(connection)?;
        if signature_of(connection, user, document.lesson_id)?.is_some() {
            return Err(SignatureError::Conflict("You have already signed this document version.".to_owned()));
        }
        let recent: i64 = signature_challenges::table
            .filter(signature_challenges::user_id.eq(user.id))
            .filter(signature_challenges::lesson_id.eq(document.lesson_id))
            .filter(signature_challenges::created_at.gt(now - Duration::seconds(60)))
            .count()
            .get_result(connection)?;
        if recent > 0 {
            return Err(SignatureError::Refused(
                "A code was sent less than a minute ago; check your email, or wait a minute before asking again.".to_owned(),
            ));
        }
        let this_hour: i64 = signature_challenges::table
            .filter(signature_challenges::user_id.eq(user.id))
            .filter(signature_challenges::lesson_id.eq(document.lesson_id))
            .filter(signature_challenges::created_at.gt(now - Duration::hours(1)))
            .count()
            .get_result(connection)?;
        if this_hour >= 3 {
            return Err(SignatureError::Refused(
                "Three codes were sent in the last hour; wait an hour before asking again, or ask your coordinator.".to_owned(),
            ));
        }
        diesel::update(
            signature_challenges::table
                .filter(signature_challenges::user_id.eq(user.id))
                .filter(signature_challenges::lesson_id.eq(document.lesson_id))
                .filter(signature_challenges::used_at.is_null()),
        )
        .set(signature_challenges::used_at.eq(now))
        .execute(connection)?;
        let challenge = uuid::Uuid::new_v4();
        let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
        diesel::insert_into(signature_challenges::table)
            .values((
                signature_challenges::id.eq(challenge),
                signature_challenges::user_id.eq(user.id),
                signature_challenges::lesson_id.eq(document.lesson_id),
                signature_challenges::code_hash.eq(hash_code(challenge, &code)),
                signature_challenges::created_at.eq(now),
                signature_challenges::expires_at.eq(now + Duration::minutes(CODE_MINUTES)),
            ))
            .execute(connection)?;
        notifications::enqueue(
            connection,
            &user.email,
            &Notification::SignatureCode {
                learner_name: user.display_name.clone(),
                document_id: document.id.clone(),
                document_version: document.version.clone(),
                document_title: document.title.clone(),
                code,
                minutes: CODE_MINUTES,
            },
        )?;
        Ok(())
    })
}

/// What a signing attempt led to.
enum Attempt {
    Signed,
    WrongCode { left: i32 },
}

/// Signs the document with the code from the email.
pub fn sign(
    connection: &mut PgConnection,
    user: &SessionUser,
    course_slug: &str,
    module_slug: &str,
    lesson_slug: &str,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(), SignatureError> {
    let attempt = connection.transaction(|connection| {
        let document = document(connection, user, course_slug, module_slug, lesson_slug)?;
        let (challenge, code_hash, expires_at, attempts): (uuid::Uuid, String, DateTime<Utc>, i32) =
            signature_challenges::table
                .filter(signature_challenges::user_id.eq(user.id))
                .filter(signature_challenges::lesson_id.eq(document.lesson_id))
                .filter(signature_challenges::used_at.is_null())
                .order(signature_challenges::created_at.desc())
                .select((
                    signature_challenges::id,
                    signature_challenges::code_hash,
                    signature_challenges::expires_at,
                    signature_challenges::attempts,
                ))
                .for_update()
                .first(connection)
                .optional()?
                .ok_or_else(|| SignatureError::Refused("Ask for a code first: it is sent to your email.".to_owned()))?;
        if expires_at <= now {
            return Err(SignatureError::Refused("The code has expired; ask for a new one.".to_owned()));
        }
        if attempts >= MAX_ATTEMPTS {
            return Err(SignatureError::Refused("Too many wrong codes; ask for a new one.".to_owned()));
        }
        if hash_code(challenge, code) != code_hash {
            diesel::update(signature_challenges::table.find(challenge))
                .set(signature_challenges::attempts.eq(attempts + 1))
                .execute(connection)?;
            return Ok(Attempt::WrongCode { left: MAX_ATTEMPTS - attempts - 1 });
        }
        diesel::update(signature_challenges::table.find(challenge))
            .set(signature_challenges::used_at.eq(now))
            .execute(connection)?;
        let signature = uuid::Uuid::now_v7();
        let inserted = diesel::insert_into(document_signatures::table)
            .values((
                document_signatures::id.eq(signature),
                document_signatures::user_id.eq(user.id),
                document_signatures::lesson_id.eq(document.lesson_id),
                document_signatures::document_id.eq(&document.id),
                document_signatures::document_version.eq(&document.version),
                document_signatures::meaning.eq(MEANING),
                document_signatures::method.eq("email_code"),
                document_signatures::signer_name.eq(&user.display_name),
                document_signatures::signer_email.eq(&user.email),
                document_signatures::signed_at.eq(now),
            ))
            .on_conflict_do_nothing()
            .execute(connection)?;
        if inserted == 0 {
            return Err(SignatureError::Conflict("You have already signed this document version.".to_owned()));
        }
        audit::record(
            connection,
            Change::new(Actor::User(user.id), "document.signed", "document_signature", signature).new_value(json!({
                "document_id": document.id, "document_version": document.version, "lesson_id": document.lesson_id,
                "meaning": MEANING, "method": "email_code", "signer_email": user.email, "signed_at": now,
            })),
        )?;
        Ok(Attempt::Signed)
    })?;
    match attempt {
        Attempt::Signed => Ok(()),
        Attempt::WrongCode { left } => Err(SignatureError::Refused(format!(
            "That code is not right; {left} attempt{} left.",
            if left == 1 { "" } else { "s" }
        ))),
    }
}

/// A signature as the lesson page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureView {
    pub signer_name: String,
    pub signed_at: DateTime<Utc>,
    pub document_version: String,
}

/// The viewer's signature on a lesson, if any.
pub fn signature_of(
    connection: &mut PgConnection,
    user: &SessionUser,
    lesson_id: LessonId,
) -> QueryResult<Option<SignatureView>> {
    document_signatures::table
        .filter(document_signatures::user_id.eq(user.id))
        .filter(document_signatures::lesson_id.eq(lesson_id))
        .select((
            document_signatures::signer_name,
            document_signatures::signed_at,
            document_signatures::document_version,
        ))
        .first::<(String, DateTime<Utc>, String)>(connection)
        .optional()
        .map(|row| {
            row.map(|(signer_name, signed_at, document_version)| SignatureView {
                signer_name,
                signed_at,
                document_version,
            })
        })
}

/// Whether the viewer has a live code for a lesson (to show the code form).
pub fn code_pending(
    connection: &mut PgConnection,
    user: &SessionUser,
    lesson_id: LessonId,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        signature_challenges::table
            .filter(signature_challenges::user_id.eq(user.id))
            .filter(signature_challenges::lesson_id.eq(lesson_id))
            .filter(signature_challenges::used_at.is_null())
            .filter(signature_challenges::expires_at.gt(now)),
    ))
    .get_result(connection)
}
