//! Open Badges 3.0 credentials (1EdTech): an `OpenBadgeCredential` built
//! from a certificate, and its VC-JWT form signed with Ed25519 (`EdDSA`).
//! The JWT payload is the credential itself plus the registered claims of
//! the spec's section 8.2.4.1 (`iss`, `nbf`, `jti`, `sub`, and `exp` when
//! the certificate expires). The `kid` header is the URL of the signing key;
//! every key is also in `/.well-known/jwks.json`. Revocation is published
//! through `credentialStatus` (`1EdTechRevocationList`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use super::keys::{self, CredentialKeys};

/// The 1EdTech JSON-LD context of Open Badges 3.0.
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// The 1EdTech extensions context (defines `1EdTechRevocationList` and
/// `1EdTechJsonSchemaValidator2019`).
pub const EXTENSIONS_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
/// The W3C Verifiable Credentials 2.0 context.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The JSON schema an Open Badges 3.0 credential conforms to.
pub const OB_SCHEMA: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

/// What a credential says, as recorded on the certificate.
#[derive(Debug, Clone)]
pub struct CredentialFacts<'a> {
    pub certificate_id: uuid::Uuid,
    pub code: &'a str,
    pub user_id: uuid::Uuid,
    pub learner_name: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub kind: &'a str,
    /// `/courses/<slug>` or `/programmes/<slug>`, for the achievement id.
    pub achievement_path: String,
    pub version_number: Option<i32>,
    pub coe_slug: &'a str,
    pub coe_name: &'a str,
    pub credits: Option<f64>,
    pub credit_type: Option<&'a str>,
    pub completed_at: DateTime<Utc>,
    pub issued_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// The id of the network's issuer profile.
pub fn issuer_id(base_url: &str) -> String {
    format!("{base_url}/credentials/issuer")
}

/// The network's issuer profile (served at its id).
pub fn issuer_profile(base_url: &str) -> Value {
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": issuer_id(base_url),
        "type": ["Profile"],
        "name": "ATMP Academy — European network of Centres of Excellence for Advanced Therapy Medicinal Products",
        "url": base_url,
        "description": "Issues the certificates of the network's courses and programmes. Verify any certificate at /verify.",
    })
}

/// The URL of a credential's revocation list.
pub fn status_url(base_url: &str, certificate_id: uuid::Uuid) -> String {
    format!("{base_url}/credentials/status/{certificate_id}")
}

fn timestamp(moment: DateTime<Utc>) -> String {
    moment.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The `OpenBadgeCredential` of a certificate.
pub fn credential(facts: &CredentialFacts<'_>, base_url: &str) -> Value {
    let achievement_id = match facts.version_number {
        Some(version) => format!("{base_url}{}/versions/{version}", facts.achievement_path),
        None => format!("{base_url}{}", facts.achievement_path),
    };
    let mut achievement = json!({
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": if facts.kind == "programme" { "Certificate" } else { "Course" },
        "name": facts.title,
        "description": facts.summary,
        "criteria": {
            "narrative": format!(
                "Completed every required lesson and passed every required assessment of \"{}\"{}.",
                facts.title,
                facts.version_number.map(|version| format!(" (version {version})")).unwrap_or_default()
            ),
        },
        "creator": {
            "id": format!("{base_url}/network/{}", facts.coe_slug),
            "type": ["Profile"],
            "name": facts.coe_name,
        },
    });
    if let (Some(credits), Some(credit_type)) = (facts.credits, facts.credit_type) {
        achievement["creditsAvailable"] = json!(credits);
        achievement["fieldOfStudy"] = json!("Advanced Therapy Medicinal Products");
        achievement["tag"] = json!([if credit_type == "ects" {
            "ECTS"
        } else {
            "CPD hours"
        }]);
    }
    let mut credential = json!({
        "@context": [VC_CONTEXT, OB_CONTEXT, EXTENSIONS_CONTEXT],
        "id": format!("urn:uuid:{}", facts.certificate_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": issuer_id(base_url),
            "type": ["Profile"],
            "name": "ATMP Academy",
            "url": base_url,
        },
        "validFrom": timestamp(facts.issued_at),
        "name": format!("{} — certificate", facts.title),
        "description": format!("Certificate {} issued by ATMP Academy for {}.", super::code::display(facts.code), facts.coe_name),
        "credentialSubject": {
            "id": format!("urn:uuid:{}", facts.user_id),
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": false,
                "identityHash": facts.learner_name,
            }],
            "achievement": achievement,
            "activityEndDate": timestamp(facts.completed_at),
        },
        "credentialStatus": {
            "id": status_url(base_url, facts.certificate_id),
            "type": "1EdTechRevocationList",
        },
        "credentialSchema": [{
            "id": OB_SCHEMA,
            "type": "1EdTechJsonSchemaValidator2019",
        }],
        "evidence": [{
            "id": format!("{base_url}/verify/{}", facts.code),
            "type": ["Evidence"],
            "name": "Verification page",
            "narrative": "The issuer's page for this certificate: valid, expired or revoked.",
        }],
    });
    if let Some(expires_at) = facts.expires_at {
        credential["validUntil"] = json!(timestamp(expires_at));
    }
    credential
}

/// The credential as a compact VC-JWT signed with the current key.
pub fn signed_jwt(credential: &Value, keys: &CredentialKeys, base_url: &str) -> String {
    let header = json!({
        "alg": "EdDSA",
        "typ": "JWT",
        "kid": keys::key_url(base_url, keys.signing_kid()),
    });
    let mut payload = credential.clone();
    let seconds = |field: &str| {
        credential[field]
            .as_str()
            .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
            .map(|moment| moment.timestamp())
    };
    payload["iss"] = credential["issuer"]["id"].clone();
    payload["jti"] = credential["id"].clone();
    payload["sub"] = credential["credentialSubject"]["id"].clone();
    if let Some(not_before) = seconds("validFrom") {
        payload["nbf"] = json!(not_before);
        payload["iat"] = json!(not_before);
    }
    if let Some(expiry) = seconds("validUntil") {
        payload["exp"] = json!(expiry);
    }
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let signature = keys.sign(signing_input.as_bytes());
    format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature))
}

/// The revocation list of one credential (`1EdTechRevocationList`).
pub fn revocation_list(
    base_url: &str,
    certificate_id: uuid::Uuid,
    revoked: Option<(&str, DateTime<Utc>)>,
) -> Value {
    let revoked_credentials: Vec<Value> = revoked
        .map(|(reason, at)| {
            json!({
                "id": format!("urn:uuid:{certificate_id}"),
                "revocationReason": format!("{reason} (revoked {})", timestamp(at)),
            })
        })
        .into_iter()
        .collect();
    json!({
        "id": status_url(base_url, certificate_id),
        "issuer": issuer_id(base_url),
        "revokedCredentials": revoked_credentials,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signature, Verifier, VerifyingKey};

    fn facts() -> CredentialFacts<'static> {
        CredentialFacts {
            certificate_id: uuid::Uuid::nil(),
            code: "0123456789AB",
            user_id: uuid::Uuid::nil(),
            learner_name: "Zoë Ångström-Łukasiewicz",
            title: "GMP for ATMP manufacturing",
            summary: "Cleanrooms.",
            kind: "course",
            achievement_path: "/courses/gmp".to_owned(),
            version_number: Some(2),
            coe_slug: "coe-leiden",
            coe_name: "CoE Leiden",
            credits: Some(1.5),
            credit_type: Some("ects"),
            completed_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            issued_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            expires_at: DateTime::from_timestamp(1_860_000_000, 0),
        }
    }

    #[test]
    fn the_jwt_carries_the_credential_and_the_registered_claims_and_verifies() {
        let directory = tempfile::tempdir().unwrap();
        let keys = CredentialKeys::load_or_create(directory.path()).unwrap();
        let jwt = signed_jwt(
            &credential(&facts(), "https://academy.example"),
            &keys,
            "https://academy.example",
        );
        let parts: Vec<&str> = jwt.split('.').collect();
        assert_eq!(parts.len(), 3);
        let payload: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(payload["iss"], "https://academy.example/credentials/issuer");
        assert_eq!(payload["jti"], format!("urn:uuid:{}", uuid::Uuid::nil()));
        assert_eq!(payload["sub"], payload["credentialSubject"]["id"]);
        assert_eq!(payload["nbf"], 1_800_000_000);
        assert_eq!(payload["exp"], 1_860_000_000);
        assert_eq!(payload["type"][1], "OpenBadgeCredential");
        let jwks = super::keys::jwks(&keys.public_parts(), "https://academy.example");
        let x = jwks["keys"][0]["x"].as_str().unwrap();
        let public: [u8; 32] = URL_SAFE_NO_PAD.decode(x).unwrap().try_into().unwrap();
        let verifying = VerifyingKey::from_bytes(&public).unwrap();
        let signature: [u8; 64] = URL_SAFE_NO_PAD
            .decode(parts[2])
            .unwrap()
            .try_into()
            .unwrap();
        let message = format!("{}.{}", parts[0], parts[1]);
        verifying
            .verify(message.as_bytes(), &Signature::from_bytes(&signature))
            .unwrap();
        let tampered = message.replace(
            parts[1],
            &URL_SAFE_NO_PAD.encode(payload.to_string().replace("Zoë", "Eve")),
        );
        assert!(
            verifying
                .verify(tampered.as_bytes(), &Signature::from_bytes(&signature))
                .is_err()
        );
    }
}
