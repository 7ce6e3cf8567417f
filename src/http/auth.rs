//! Who is asking, decided once per request so a handler cannot forget it:
//! `Viewer` (anyone, maybe signed in), `CurrentUser` (signed in, else 401),
//! `NetworkAdmin` (else 403). The busiest pages take `UnconfirmedViewer` or
//! `UnconfirmedUser` instead and confirm the person inside their own
//! database work (`run_viewing`, `run_as_claimant`), with the same check;
//! the busiest read the person in their own statement (`Confirming`).
//! Sessions live in an encrypted, signed cookie with idle and absolute
//! time-outs; the session id is renewed at sign-in.
//! State-changing forms carry a CSRF token (`CsrfForm`), and a middleware
//! refuses cross-site writes outright.

use std::future::{Ready, ready};
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use chrono::Utc;
use diesel::PgConnection;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::AppError;
use crate::db::{self, DbPool};
use crate::i18n::{self, LANGUAGE_COOKIE, LanguageChoice, LanguagePolicy, Locale};
use crate::identity::claimant::Claimant;
use crate::identity::models::{Role, SessionUser};
use crate::identity::queries::ClaimedPerson;
use crate::identity::service as identity;
use crate::ids::UserId;

const USER_KEY: &str = "uid";
const SIGNED_IN_AT_KEY: &str = "signed_in_at";
const SEEN_AT_KEY: &str = "seen_at";
const CSRF_KEY: &str = "csrf";
const EPOCH_KEY: &str = "epoch";

/// How long sessions last.
#[derive(Debug, Clone, Copy)]
pub struct SessionPolicy {
    /// Signed out after this many seconds without a request.
    pub idle_seconds: i64,
    /// Signed out this many seconds after signing in, whatever happens.
    pub absolute_seconds: i64,
}

impl SessionPolicy {
    /// Whether a session that began at `signed_in_at` and was last used at
    /// `seen_at` (seconds since the epoch) has ended by `now`.
    pub fn has_expired(&self, now: i64, signed_in_at: i64, seen_at: i64) -> bool {
        now - signed_in_at > self.absolute_seconds
            || now - seen_at > self.idle_seconds
            || seen_at > now + 60
    }
}

/// The person making the request, if signed in, their session, and the
/// interface language chosen for them.
pub struct Viewer {
    pub session: Session,
    pub user: Option<SessionUser>,
    pub locale: Locale,
    /// The requested path and query (where the language switcher returns).
    pub here: String,
}

/// What the page shell needs to know about the viewer.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Shell {
    pub user_name: Option<String>,
    pub is_admin: bool,
    /// Instructors and coordinators (of any CoE or course) see "Authoring".
    pub is_author: bool,
    pub csrf_token: Option<String>,
    pub lang: Locale,
    pub languages: Vec<LanguageChoice>,
    pub here: String,
}

impl Shell {
    /// The shell of a page for someone not (known to be) signed in.
    pub fn anonymous(locale: Locale, here: String) -> Shell {
        Shell {
            lang: locale,
            languages: i18n::choices(locale),
            here,
            ..Shell::default()
        }
    }
}

impl Viewer {
    /// The page shell's data (a CSRF token only when there is a sign-out form).
    pub fn shell(&self) -> Shell {
        let anonymous = Shell::anonymous(self.locale, self.here.clone());
        match &self.user {
            Some(user) => Shell {
                user_name: Some(user.display_name.clone()),
                is_admin: user.is_network_admin(),
                is_author: user.is_network_admin()
                    || user
                        .grants
                        .iter()
                        .any(|grant| matches!(grant.role, Role::Instructor | Role::Coordinator)),
                csrf_token: csrf_token(&self.session).ok(),
                ..anonymous
            },
            None => anonymous,
        }
    }
}

/// The requested path and query: where the language switcher returns.
pub fn here(request: &HttpRequest) -> String {
    request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |path| path.as_str().to_owned())
}

/// The interface language of a request, before (or without) knowing who
/// is signed in: the switcher's cookie, else `Accept-Language`.
pub fn request_locale(request: &HttpRequest, profile: Option<&str>) -> Locale {
    let policy = request
        .app_data::<web::Data<LanguagePolicy>>()
        .map(|policy| *policy.get_ref())
        .unwrap_or_default();
    let cookie = request.cookie(LANGUAGE_COOKIE);
    let accept = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok());
    policy.negotiate(
        profile,
        cookie.as_ref().map(|cookie| cookie.value()),
        accept,
    )
}

/// A request's viewer before the person its session names is confirmed:
/// read from the cookie alone, with no database work. [`Viewer`] confirms
/// it in a database call of its own; the busiest pages confirm it inside
/// their own unit of work with [`run_viewing`] or [`run_as_claimant`] (one
/// hand-over to a blocking thread and one pooled connection instead of
/// two). Either way the same [`SessionClaim::confirm`] decides.
pub struct UnconfirmedViewer {
    session: Session,
    request: HttpRequest,
    claim: Option<SessionClaim>,
    now: i64,
    seen_at: i64,
}

/// Who a live session cookie says is signed in, and the sign-out epoch it
/// was issued under (what database work needs of it; `Send`).
#[derive(Debug, Clone, Copy)]
struct SessionClaim {
    user_id: UserId,
    epoch: Option<i32>,
}

impl SessionClaim {
    /// The person the session names, with their current roles, if their
    /// account still exists and they have not signed out since the session
    /// began (a copied cookie dies with the session).
    fn confirm(self, connection: &mut PgConnection) -> Result<Option<SessionUser>, AppError> {
        Ok(self.accept(identity::session_user(connection, self.user_id)?))
    }

    /// [`confirm`](Self::confirm)'s rule, given the person as read now
    /// (None: no such account).
    fn accept(self, person: Option<SessionUser>) -> Option<SessionUser> {
        person.filter(|user| user.id == self.user_id && self.epoch == Some(user.session_epoch))
    }
}

/// The person a session claims, confirmed inside a page's own unit of
/// work: from the person's row that the page's own statement read with
/// [`claimed_person_columns!`](crate::claimed_person_columns) for
/// [`claimed_id`](Self::claimed_id) (no round trip of its own), or else by
/// a statement of its own. Either way [`SessionClaim::accept`] decides.
pub struct Confirming {
    claim: Option<SessionClaim>,
    /// What was decided, once it was.
    decided: Option<Option<SessionUser>>,
}

impl Confirming {
    /// The person the session claims is signed in, if anyone: whose rows a
    /// page may read before confirming them, and must not use unless they
    /// are confirmed.
    pub fn claimed_id(&self) -> Option<UserId> {
        self.claim.map(|claim| claim.user_id)
    }

    /// Confirms the claim from the claimed person as the page's own
    /// statement read them (None: no such account); the signed-in person,
    /// if confirmed.
    pub fn confirm_with(&mut self, person: Option<ClaimedPerson>) -> Option<&SessionUser> {
        let user = self
            .claim
            .and_then(|claim| claim.accept(person.map(identity::session_user_from)));
        self.decided.insert(user).as_ref()
    }

    /// The person the session claims, as a service confirms them from its
    /// own statement (see [`confirm_with`](Self::confirm_with)).
    pub fn claimant(&mut self) -> Option<Claimant<'_>> {
        let id = self.claimed_id()?;
        Some(Claimant::claimed(id, move |person| {
            self.confirm_with(person).is_some()
        }))
    }

    /// The signed-in person, confirmed by a statement of its own unless
    /// already decided.
    pub fn confirm(
        &mut self,
        connection: &mut PgConnection,
    ) -> Result<Option<&SessionUser>, AppError> {
        if self.decided.is_none() {
            let user = match self.claim {
                Some(claim) => claim.confirm(connection)?,
                None => None,
            };
            self.decided = Some(user);
        }
        Ok(self.confirmed())
    }

    /// The confirmed person, once the claim is decided (None before).
    pub fn confirmed(&self) -> Option<&SessionUser> {
        self.decided.as_ref().and_then(Option::as_ref)
    }

    /// The signed-in person as finally decided (confirmed by a statement of
    /// its own if the page's work did not decide).
    fn settled(mut self, connection: &mut PgConnection) -> Result<Option<SessionUser>, AppError> {
        self.confirm(connection)?;
        Ok(self.decided.flatten())
    }
}

impl UnconfirmedViewer {
    /// Reads the session: a session past its idle or absolute limit is
    /// ended here and claims nobody.
    fn read(request: &HttpRequest) -> Result<Self, AppError> {
        let session = request.get_session();
        let policy = request
            .app_data::<web::Data<SessionPolicy>>()
            .map(|policy| *policy.get_ref())
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("no session policy configured")))?;
        let now = Utc::now().timestamp();
        let seen_at = session.get::<i64>(SEEN_AT_KEY).ok().flatten().unwrap_or(0);
        let claim = match session.get::<UserId>(USER_KEY) {
            Ok(Some(user_id)) => {
                let signed_in_at = session
                    .get::<i64>(SIGNED_IN_AT_KEY)
                    .ok()
                    .flatten()
                    .unwrap_or(0);
                if policy.has_expired(now, signed_in_at, seen_at) {
                    session.purge();
                    None
                } else {
                    Some(SessionClaim {
                        user_id,
                        epoch: session.get::<i32>(EPOCH_KEY).ok().flatten(),
                    })
                }
            }
            _ => None,
        };
        Ok(UnconfirmedViewer {
            session,
            request: request.clone(),
            claim,
            now,
            seen_at,
        })
    }

    /// The session's CSRF token when it claims someone is signed in (the
    /// forms of a signed-in page carry it).
    pub fn csrf_token_if_claimed(&self) -> Result<Option<String>, AppError> {
        match self.claim {
            Some(_) => csrf_token(&self.session).map(Some),
            None => Ok(None),
        }
    }

    /// Who the session claims is signed in, if anyone.
    fn claim(&self) -> Option<SessionClaim> {
        self.claim
    }

    /// The viewer, given what confirming the claim found: a session whose
    /// claim was not confirmed is ended; a confirmed one is marked as seen
    /// (at most once a minute, so the cookie is not rewritten on every
    /// request).
    pub fn settle(self, user: Option<SessionUser>) -> Viewer {
        if self.claim.is_some() {
            match &user {
                Some(_) if self.now - self.seen_at > 60 => {
                    let _ = self.session.insert(SEEN_AT_KEY, self.now);
                }
                Some(_) => {}
                None => self.session.purge(),
            }
        }
        let locale = request_locale(
            &self.request,
            user.as_ref().and_then(|user| user.locale.as_deref()),
        );
        self.request.extensions_mut().insert(locale);
        Viewer {
            here: here(&self.request),
            session: self.session,
            user,
            locale,
        }
    }
}

impl FromRequest for UnconfirmedViewer {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(UnconfirmedViewer::read(request))
    }
}

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let unconfirmed = UnconfirmedViewer::read(request);
        let pool = request.app_data::<web::Data<DbPool>>().cloned();
        Box::pin(async move {
            let unconfirmed = unconfirmed?;
            let user = match unconfirmed.claim() {
                Some(claim) => {
                    let pool = pool.ok_or_else(|| {
                        AppError::internal(anyhow::anyhow!("no database pool configured"))
                    })?;
                    db::run(&pool, move |connection| claim.confirm(connection)).await?
                }
                None => None,
            };
            Ok(unconfirmed.settle(user))
        })
    }
}

/// Runs `work` for the viewer on one pooled connection, in one hand-over to
/// a blocking thread: `work` confirms the session's claim through
/// [`Confirming`], from its own statement or with one of its own, and what
/// it leaves undecided is confirmed after it. The viewer is settled
/// whatever `work` returns, so an error page speaks their language.
pub async fn run_viewing<T, F>(
    unconfirmed: UnconfirmedViewer,
    pool: &DbPool,
    work: F,
) -> Result<(Viewer, T), AppError>
where
    F: FnOnce(&mut PgConnection, &mut Confirming) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let (viewer, outcome) = run_confirming(unconfirmed, pool, work).await?;
    Ok((viewer, outcome?))
}

/// [`run_viewing`], giving back the settled viewer beside what `work`
/// returned, error or not.
async fn run_confirming<T, F>(
    unconfirmed: UnconfirmedViewer,
    pool: &DbPool,
    work: F,
) -> Result<(Viewer, Result<T, AppError>), AppError>
where
    F: FnOnce(&mut PgConnection, &mut Confirming) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let mut confirming = Confirming {
        claim: unconfirmed.claim(),
        decided: None,
    };
    let (user, outcome) = db::run(pool, move |connection| {
        let outcome = work(connection, &mut confirming);
        match confirming.settled(connection) {
            Ok(user) => Ok((user, outcome)),
            Err(not_confirmed) => Err(outcome.err().unwrap_or(not_confirmed)),
        }
    })
    .await?;
    Ok((unconfirmed.settle(user), outcome))
}

/// A request whose session claims a signed-in person, not yet confirmed
/// (401 at once when it claims nobody); [`run_as_claimant`] confirms it
/// inside the page's own unit of work.
pub struct UnconfirmedUser(UnconfirmedViewer);

impl UnconfirmedUser {
    /// The session (its CSRF token can be checked before the person is
    /// confirmed).
    pub fn session(&self) -> &Session {
        &self.0.session
    }
}

impl FromRequest for UnconfirmedUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(
            UnconfirmedViewer::read(request).and_then(|viewer| match viewer.claim {
                Some(_) => Ok(UnconfirmedUser(viewer)),
                None => Err(sign_in_needed()),
            }),
        )
    }
}

/// Runs `work` for the person the session claims, on one pooled
/// connection: `work` hands the [`Claimant`] to a service, which confirms
/// the person from its own first statement (the rows it locks or reads come
/// with the person) and refuses to go on otherwise. 401 when the person is
/// not confirmed (signed out since, or gone), whatever `work` returned: a
/// copied cookie learns nothing of the person's rows from an error either.
pub async fn run_as_claimant<T, F>(
    unconfirmed: UnconfirmedUser,
    pool: &DbPool,
    work: F,
) -> Result<(CurrentUser, T), AppError>
where
    F: FnOnce(&mut PgConnection, Claimant<'_>) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let (viewer, outcome) =
        run_confirming(
            unconfirmed.0,
            pool,
            move |connection, confirming| match confirming.claimant() {
                Some(claimant) => work(connection, claimant).map(Some),
                None => Ok(None),
            },
        )
        .await?;
    match (viewer.user.clone(), outcome) {
        (Some(user), Ok(Some(outcome))) => Ok((CurrentUser(user, viewer), outcome)),
        (Some(_), Err(error)) => Err(error),
        _ => Err(sign_in_needed()),
    }
}

/// The 401 for a request whose person is not (or no longer) signed in.
pub fn sign_in_needed() -> AppError {
    AppError::Unauthorized("Please sign in to continue.".to_owned())
}

/// A signed-in person; anonymous requests get 401 with a way to sign in.
pub struct CurrentUser(pub SessionUser, pub Viewer);

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let viewer = Viewer::from_request(request, payload);
        Box::pin(async move {
            let viewer = viewer.await?;
            match viewer.user.clone() {
                Some(user) => Ok(CurrentUser(user, viewer)),
                None => Err(sign_in_needed()),
            }
        })
    }
}

/// A signed-in network administrator; others get 403 (anonymous: 401).
pub struct NetworkAdmin(pub SessionUser, pub Viewer);

impl FromRequest for NetworkAdmin {
    type Error = AppError;
    type Future = Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let current = CurrentUser::from_request(request, payload);
        Box::pin(async move {
            let CurrentUser(user, viewer) = current.await?;
            if user.is_network_admin() {
                Ok(NetworkAdmin(user, viewer))
            } else {
                Err(AppError::Forbidden(
                    "This page is for network administrators.".to_owned(),
                ))
            }
        })
    }
}

/// Starts a signed-in session: a new session id, the user, fresh timestamps
/// and a fresh CSRF token.
pub fn begin_session(session: &Session, user: &SessionUser) -> Result<(), AppError> {
    session.renew();
    session.clear();
    let now = Utc::now().timestamp();
    put(session, USER_KEY, &user.id)?;
    put(session, EPOCH_KEY, &user.session_epoch)?;
    put(session, SIGNED_IN_AT_KEY, &now)?;
    put(session, SEEN_AT_KEY, &now)?;
    put(session, CSRF_KEY, &identity::random_secret())
}

/// Stores a value in the session.
pub fn put<T: Serialize>(session: &Session, key: &str, value: &T) -> Result<(), AppError> {
    session
        .insert(key, value)
        .map_err(|error| AppError::internal(anyhow::anyhow!("session: {error}")))
}

/// The session's CSRF token, created on first use.
pub fn csrf_token(session: &Session) -> Result<String, AppError> {
    if let Ok(Some(token)) = session.get::<String>(CSRF_KEY) {
        return Ok(token);
    }
    let token = identity::random_secret();
    put(session, CSRF_KEY, &token)?;
    Ok(token)
}

/// Checks a submitted CSRF token against the session's.
pub fn verify_csrf(session: &Session, submitted: &str) -> Result<(), AppError> {
    let expected = session.get::<String>(CSRF_KEY).ok().flatten();
    match expected {
        Some(expected) if identity::hash_secret(&expected) == identity::hash_secret(submitted) => Ok(()),
        _ => Err(AppError::Forbidden(
            "This form has expired or did not come from this site. Go back, reload the page and try again.".to_owned(),
        )),
    }
}

/// A form with a `csrf_token` field.
pub trait CsrfProtected {
    fn csrf_token(&self) -> &str;
}

/// A form with nothing but its CSRF token (a button that does one thing).
#[derive(Deserialize)]
pub struct TokenOnlyForm {
    csrf_token: String,
}

impl CsrfProtected for TokenOnlyForm {
    fn csrf_token(&self) -> &str {
        &self.csrf_token
    }
}

/// A URL-encoded form whose CSRF token has been checked.
pub struct CsrfForm<T>(pub T, pub Session);

impl<T: DeserializeOwned + CsrfProtected + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn std::future::Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let session = request.get_session();
        let form = web::Form::<T>::from_request(request, payload);
        Box::pin(async move {
            let form = form.await?.into_inner();
            verify_csrf(&session, form.csrf_token())?;
            Ok(CsrfForm(form, session))
        })
    }
}

/// A JSON API call whose `X-CSRF-Token` header matches the session's token
/// (API calls made with a cookie session must prove they come from a page
/// or client that read the token from `GET /api/v1/me`).
pub struct CsrfHeader;

impl FromRequest for CsrfHeader {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let session = request.get_session();
        let submitted = request
            .headers()
            .get("x-csrf-token")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        ready(verify_csrf(&session, submitted).map(|()| CsrfHeader))
    }
}

/// Bounds how many failed sign-ins one client can write to the append-only
/// audit trail: at most `limit` per `window_seconds` per client address (per
/// instance); beyond that they are only logged.
#[derive(Debug)]
pub struct FailureAuditBudget {
    limit: u32,
    window_seconds: i64,
    spent: std::sync::Mutex<std::collections::HashMap<String, (i64, u32)>>,
}

impl FailureAuditBudget {
    pub fn new(limit: u32, window_seconds: i64) -> Self {
        FailureAuditBudget {
            limit,
            window_seconds,
            spent: std::sync::Mutex::new(std::collections::HashMap::new()),
        }
    }

    /// Whether one more failure from `client` may be audited at `now`.
    pub fn allow(&self, client: &str, now: i64) -> bool {
        let Ok(mut spent) = self.spent.lock() else {
            return false;
        };
        if spent.len() > 100_000 {
            spent.retain(|_, (started, _)| now - *started < self.window_seconds);
        }
        let entry = spent.entry(client.to_owned()).or_insert((now, 0));
        if now - entry.0 >= self.window_seconds {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.limit
    }
}

/// The reverse proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(pub Vec<std::net::IpAddr>);

/// The client's address: the peer's, or, when the peer is a trusted proxy,
/// the nearest address in `X-Forwarded-For` that is not a trusted proxy.
/// IPv6 clients are counted per /64, the block one subscriber usually holds.
pub struct ClientIp(pub String);

impl FromRequest for ClientIp {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let trusted = request
            .app_data::<web::Data<TrustedProxies>>()
            .map(|data| data.0.clone())
            .unwrap_or_default();
        let forwarded = request
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .filter_map(|part| part.trim().parse::<std::net::IpAddr>().ok())
            .collect::<Vec<_>>();
        let ip = client_address(
            request.peer_addr().map(|address| address.ip()),
            &forwarded,
            &trusted,
        );
        ready(Ok(ClientIp(ip)))
    }
}

fn client_address(
    peer: Option<std::net::IpAddr>,
    forwarded: &[std::net::IpAddr],
    trusted: &[std::net::IpAddr],
) -> String {
    let mut client = peer;
    if peer.is_some_and(|peer| trusted.contains(&peer)) {
        client = forwarded
            .iter()
            .rev()
            .find(|address| !trusted.contains(address))
            .copied()
            .or(peer);
    }
    match client {
        Some(std::net::IpAddr::V6(address)) => {
            let segments = address.segments();
            format!(
                "{:x}:{:x}:{:x}:{:x}::/64",
                segments[0], segments[1], segments[2], segments[3]
            )
        }
        Some(address) => address.to_string(),
        None => "unknown".to_owned(),
    }
}

/// Refuses state-changing requests that a browser marks as coming from
/// another site (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not
/// this host).
pub async fn reject_cross_site_writes(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error> {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if unsafe_method {
        let headers = request.headers();
        let fetch_site = headers
            .get("sec-fetch-site")
            .and_then(|value| value.to_str().ok());
        let host = headers
            .get(header::HOST)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        let origin_host = headers
            .get(header::ORIGIN)
            .and_then(|value| value.to_str().ok())
            .filter(|origin| *origin != "null")
            .map(|origin| origin.split("://").nth(1).unwrap_or(origin).to_owned());
        // Behind a proxy that rewrites Host, the configured base URL is the site's name.
        let base_host = request
            .app_data::<web::Data<crate::http::Templates>>()
            .and_then(|templates| {
                templates
                    .site()
                    .base_url
                    .split("://")
                    .nth(1)
                    .map(str::to_owned)
            });
        let same_site = |origin: &str| origin == host || base_host.as_deref() == Some(origin);
        let cross_site = fetch_site == Some("cross-site")
            || origin_host.is_some_and(|origin| !same_site(&origin));
        if cross_site {
            return Err(AppError::Forbidden(
                "Requests from other sites cannot change anything here.".to_owned(),
            )
            .into());
        }
    }
    next.call(request).await
}

#[cfg(test)]
mod tests {
    use super::SessionPolicy;

    const POLICY: SessionPolicy = SessionPolicy {
        idle_seconds: 7200,
        absolute_seconds: 43200,
    };

    #[test]
    fn an_active_session_lives_until_its_absolute_limit() {
        assert!(!POLICY.has_expired(1_000_000, 1_000_000 - 43_200, 1_000_000 - 60));
        assert!(POLICY.has_expired(1_000_000, 1_000_000 - 43_201, 1_000_000 - 60));
    }

    #[test]
    fn an_idle_session_ends_after_the_idle_limit() {
        assert!(!POLICY.has_expired(1_000_000, 1_000_000 - 8000, 1_000_000 - 7200));
        assert!(POLICY.has_expired(1_000_000, 1_000_000 - 8000, 1_000_000 - 7201));
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        use super::client_address;
        let proxy: std::net::IpAddr = "10.0.0.1".parse().unwrap();
        let client: std::net::IpAddr = "203.0.113.7".parse().unwrap();
        let spoofed: std::net::IpAddr = "198.51.100.1".parse().unwrap();
        assert_eq!(
            client_address(Some(client), &[spoofed], &[proxy]),
            "203.0.113.7"
        );
        assert_eq!(
            client_address(Some(proxy), &[spoofed, client], &[proxy]),
            "203.0.113.7"
        );
        let v6: std::net::IpAddr = "2001:db8:1:2:3:4:5:6".parse().unwrap();
        assert_eq!(client_address(Some(v6), &[], &[]), "2001:db8:1:2::/64");
    }

    #[test]
    fn failure_audits_are_bounded_per_client_and_window() {
        let budget = super::FailureAuditBudget::new(2, 900);
        assert!(budget.allow("a", 0) && budget.allow("a", 1));
        assert!(!budget.allow("a", 2), "third in the window");
        assert!(budget.allow("b", 2), "another client has its own budget");
        assert!(budget.allow("a", 900), "a new window");
    }

    #[test]
    fn a_session_from_the_future_is_not_trusted() {
        assert!(POLICY.has_expired(1_000_000, 1_000_000, 1_000_000 + 3600));
    }
}
