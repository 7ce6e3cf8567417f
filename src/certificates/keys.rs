//! The Ed25519 keys that sign credentials. Each key is a file in the key
//! directory (`<data-dir>/credential-keys` unless configured), holding its
//! 32-byte secret seed in hex, mode 0600, named `<UTC time>-<kid>.ed25519`.
//! The newest file signs. The public part of every key is also recorded in
//! the database (`credential_keys`), and the key set at
//! `/.well-known/jwks.json` is served from there: every instance publishes
//! the same keys, and credentials signed before a rotation — or with a key
//! whose file was lost — still verify. The first start generates the first
//! key; `keys rotate` adds one.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use rand::RngCore;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const SUFFIX: &str = ".ed25519";

/// One published key.
#[derive(Clone)]
struct PublishedKey {
    kid: String,
    verifying: VerifyingKey,
}

/// The signing key and every key ever published.
#[derive(Clone)]
pub struct CredentialKeys {
    signing: SigningKey,
    signing_kid: String,
    published: Vec<PublishedKey>,
}

impl std::fmt::Debug for CredentialKeys {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("CredentialKeys")
            .field("signing_kid", &self.signing_kid)
            .field("published", &self.published.len())
            .finish()
    }
}

impl CredentialKeys {
    /// Loads the keys of `directory`, generating the first one when there is none.
    pub fn load_or_create(directory: &Path) -> anyhow::Result<Self> {
        if key_files(directory)?.is_empty() {
            generate(directory)?;
        }
        Self::load(directory)
    }

    /// Loads the keys of `directory` (at least one must exist).
    pub fn load(directory: &Path) -> anyhow::Result<Self> {
        let mut published = Vec::new();
        let mut newest = None;
        for path in key_files(directory)? {
            let signing = read_key(&path)?;
            let verifying = signing.verifying_key();
            published.push(PublishedKey {
                kid: thumbprint(&verifying),
                verifying,
            });
            newest = Some(signing);
        }
        let signing = newest.ok_or_else(|| {
            anyhow::anyhow!(
                "{} holds no credential key (run `atmp-academy keys rotate` to create one)",
                directory.display()
            )
        })?;
        Ok(CredentialKeys {
            signing_kid: thumbprint(&signing.verifying_key()),
            signing,
            published,
        })
    }

    /// The id of the key that signs now.
    pub fn signing_kid(&self) -> &str {
        &self.signing_kid
    }

    /// The ids of every published key, oldest first.
    pub fn published_kids(&self) -> Vec<String> {
        self.published.iter().map(|key| key.kid.clone()).collect()
    }

    /// Signs `message` with the current key.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    /// The public parts of every key on disk: (kid, x).
    pub fn public_parts(&self) -> Vec<(String, String)> {
        self.published
            .iter()
            .map(|key| {
                (
                    key.kid.clone(),
                    URL_SAFE_NO_PAD.encode(key.verifying.as_bytes()),
                )
            })
            .collect()
    }
}

/// The dereferenceable id of the key with `thumbprint` (the JWT `kid`).
pub fn key_url(base_url: &str, thumbprint: &str) -> String {
    format!("{base_url}/credentials/keys/{thumbprint}")
}

/// One published key as a JWK (RFC 8037); its `kid` is the URL serving it.
pub fn jwk(thumbprint: &str, x: &str, base_url: &str) -> Value {
    json!({
        "kty": "OKP",
        "crv": "Ed25519",
        "x": x,
        "kid": key_url(base_url, thumbprint),
        "alg": "EdDSA",
        "use": "sig",
    })
}

/// The JSON Web Key Set (RFC 7517) of the given public keys.
pub fn jwks(keys: &[(String, String)], base_url: &str) -> Value {
    json!({ "keys": keys.iter().map(|(kid, x)| jwk(kid, x, base_url)).collect::<Vec<_>>() })
}

/// Adds a new key to `directory`; it signs from the next start on.
pub fn rotate(directory: &Path) -> anyhow::Result<String> {
    generate(directory)
}

/// The RFC 7638 thumbprint of an Ed25519 public key, base64url.
fn thumbprint(key: &VerifyingKey) -> String {
    let canonical = format!(
        r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#,
        URL_SAFE_NO_PAD.encode(key.as_bytes())
    );
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

fn key_files(directory: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !directory.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(directory)
        .map_err(|error| anyhow::anyhow!("reading {}: {error}", directory.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.ends_with(SUFFIX))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn read_key(path: &Path) -> anyhow::Result<SigningKey> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| anyhow::anyhow!("reading {}: {error}", path.display()))?;
    let seed: [u8; 32] = hex::decode(text.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{} is not an Ed25519 key (64 hex digits expected); restore it from a backup: \
                 credentials it signed cannot be verified without it",
                path.display()
            )
        })?;
    Ok(SigningKey::from_bytes(&seed))
}

fn generate(directory: &Path) -> anyhow::Result<String> {
    std::fs::create_dir_all(directory)
        .map_err(|error| anyhow::anyhow!("creating {}: {error}", directory.display()))?;
    let mut seed = [0_u8; 32];
    rand::rng().fill_bytes(&mut seed);
    let key = SigningKey::from_bytes(&seed);
    let kid = thumbprint(&key.verifying_key());
    let name = format!(
        "{}-{}{SUFFIX}",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
        kid.chars().take(12).collect::<String>()
    );
    let path = directory.join(name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(&path)
        .map_err(|error| anyhow::anyhow!("creating {}: {error}", path.display()))?;
    std::io::Write::write_all(&mut file, hex::encode(seed).as_bytes())?;
    file.sync_all()?;
    tracing::info!(kid = %kid, path = %path.display(), "generated a credential signing key");
    Ok(kid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rotated_key_signs_and_the_old_one_stays_published() {
        let directory = tempfile::tempdir().unwrap();
        let first = CredentialKeys::load_or_create(directory.path()).unwrap();
        let again = CredentialKeys::load_or_create(directory.path()).unwrap();
        assert_eq!(
            first.signing_kid(),
            again.signing_kid(),
            "a key is kept, not regenerated"
        );
        let new_kid = rotate(directory.path()).unwrap();
        let rotated = CredentialKeys::load(directory.path()).unwrap();
        assert_eq!(rotated.signing_kid(), new_kid);
        assert_eq!(
            rotated.published_kids(),
            vec![first.signing_kid().to_owned(), new_kid]
        );
        assert_eq!(
            jwks(&rotated.public_parts(), "http://x")["keys"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn a_damaged_key_file_is_reported_not_replaced() {
        let directory = tempfile::tempdir().unwrap();
        std::fs::write(directory.path().join("2026-bad.ed25519"), "not hex").unwrap();
        let error = CredentialKeys::load_or_create(directory.path()).unwrap_err();
        assert!(error.to_string().contains("not an Ed25519 key"), "{error}");
    }
}
