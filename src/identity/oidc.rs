//! OpenID Connect relying party: authorization code flow with PKCE, state
//! and nonce; discovery documents cached per provider; ID tokens checked
//! for signature, issuer, audience, expiry and nonce by the openidconnect
//! crate. No redirects are followed on back-channel requests (SSRF).

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};

use super::models::IdentityProvider;
use super::service::VerifiedIdentity;

/// How long a discovery document is trusted before it is fetched again.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// How long a sign-in at the provider may take.
pub const FLOW_LIFETIME_SECONDS: i64 = 600;

/// Why a sign-in through a provider failed; each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error(
        "the sign-in service of {0} could not be reached or answered wrongly; please try again later ({1})"
    )]
    Discovery(String, String),
    #[error(
        "this sign-in attempt is not known to this browser (it may have expired, been used already, or been started elsewhere); please start again"
    )]
    UnknownState,
    #[error("{provider} reported a problem: {error}{description}")]
    Provider {
        provider: String,
        error: String,
        description: String,
    },
    #[error("the sign-in could not be completed with {0}; please start again")]
    Exchange(String, String),
    #[error("{0} did not send an ID token; the sign-in cannot be trusted")]
    MissingIdToken(String),
    #[error("the identity sent by {0} failed verification, so no session was created")]
    InvalidIdToken(String, String),
    #[error("the provider's configuration is invalid: {0}")]
    Configuration(String),
}

impl OidcError {
    /// The technical detail behind the message, for the logs only.
    pub fn detail(&self) -> Option<&str> {
        match self {
            OidcError::Discovery(_, detail)
            | OidcError::Exchange(_, detail)
            | OidcError::InvalidIdToken(_, detail) => Some(detail),
            _ => None,
        }
    }
}

/// What must survive the round trip through the provider (kept in the
/// encrypted session cookie).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingFlow {
    pub provider: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub started_at: i64,
}

/// The relying party: one HTTP client and the cached discovery documents.
pub struct OidcClients {
    http: openidconnect::reqwest::Client,
    base_url: String,
    discovered: RwLock<HashMap<String, (Instant, CoreProviderMetadata)>>,
}

impl std::fmt::Debug for OidcClients {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcClients")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl OidcClients {
    /// A relying party whose callback URLs live under `base_url`.
    pub fn new(base_url: &str) -> anyhow::Result<Self> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(OidcClients {
            http,
            base_url: base_url.trim_end_matches('/').to_owned(),
            discovered: RwLock::new(HashMap::new()),
        })
    }

    /// The callback URL registered with a provider.
    pub fn redirect_url(&self, provider_slug: &str) -> String {
        format!("{}/login/oidc/{provider_slug}/callback", self.base_url)
    }

    async fn metadata(
        &self,
        provider: &IdentityProvider,
    ) -> Result<CoreProviderMetadata, OidcError> {
        let key = format!("{}|{}", provider.slug, provider.issuer_url);
        if let Ok(cache) = self.discovered.read()
            && let Some((fetched, metadata)) = cache.get(&key)
            && fetched.elapsed() < DISCOVERY_TTL
        {
            return Ok(metadata.clone());
        }
        let issuer = IssuerUrl::new(provider.issuer_url.clone())
            .map_err(|error| OidcError::Configuration(format!("issuer URL: {error}")))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|error| {
                OidcError::Discovery(provider.display_name.clone(), error_chain(&error))
            })?;
        if let Ok(mut cache) = self.discovered.write() {
            cache.insert(key, (Instant::now(), metadata.clone()));
        }
        Ok(metadata)
    }

    async fn client(
        &self,
        provider: &IdentityProvider,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        OidcError,
    > {
        let metadata = self.metadata(provider).await?;
        let redirect = RedirectUrl::new(self.redirect_url(&provider.slug))
            .map_err(|error| OidcError::Configuration(format!("redirect URL: {error}")))?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(provider.client_id.clone()),
            Some(ClientSecret::new(provider.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// Starts a sign-in: the URL to send the browser to, and what to keep.
    pub async fn start(
        &self,
        provider: &IdentityProvider,
        now: i64,
    ) -> Result<(String, PendingFlow), OidcError> {
        let client = self.client(provider).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok((
            url.to_string(),
            PendingFlow {
                provider: provider.slug.clone(),
                state: state.secret().clone(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.secret().clone(),
                started_at: now,
            },
        ))
    }

    /// Finishes a sign-in: exchanges the code (with the PKCE verifier) and
    /// verifies the ID token against the nonce kept in the session.
    pub async fn finish(
        &self,
        provider: &IdentityProvider,
        flow: PendingFlow,
        code: &str,
    ) -> Result<VerifiedIdentity, OidcError> {
        let client = self.client(provider).await?;
        let name = provider.display_name.clone();
        let response = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|error| OidcError::Configuration(error.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|error| OidcError::Exchange(name.clone(), error_chain(&error)))?;
        let id_token: &CoreIdToken = response
            .id_token()
            .ok_or_else(|| OidcError::MissingIdToken(name.clone()))?;
        let verifier = client.id_token_verifier();
        let claims = id_token
            .claims(&verifier, &Nonce::new(flow.nonce))
            .map_err(|error| OidcError::InvalidIdToken(name.clone(), error.to_string()))?;
        let home_organization = extra_claim(id_token, "schac_home_organization");
        Ok(VerifiedIdentity {
            issuer: claims.issuer().as_str().to_owned(),
            subject: claims.subject().as_str().to_owned(),
            // Only an address the provider has verified may name an account.
            email: claims
                .email()
                .filter(|_| claims.email_verified() == Some(true))
                .map(|email| email.as_str().to_owned()),
            name: claims
                .name()
                .and_then(|names| names.get(None))
                .map(|name| name.as_str().to_owned()),
            home_organization,
        })
    }
}

/// A claim the core types do not model, read from the already verified token.
fn extra_claim(id_token: &CoreIdToken, claim: &str) -> Option<String> {
    use base64::Engine;
    let jwt = serde_json::to_value(id_token).ok()?;
    let payload = jwt.as_str()?.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    value.get(claim)?.as_str().map(str::to_owned)
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
