//! Lesson attachments on disk: a content-addressed store under
//! `<data-dir>/attachments/<first two hex digits>/<sha256>` (written to a
//! temporary file, then renamed, so a reader never sees half a file), the
//! allowed types recognised by their first bytes (never by the name or the
//! browser's word), the size limit, and safe file names.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::course_files::load::AttachmentSource;
use crate::http::AppError;

/// The largest attachment.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most attachments a lesson may have.
pub const MAX_PER_LESSON: usize = 20;

/// Why a file was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum AttachmentError {
    #[error("{0}")]
    Refused(String),
    #[error("storing the file: {0}")]
    Io(#[from] std::io::Error),
}

/// The types lessons may carry, by magic bytes: (content type, extensions).
fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static [&'static str])> {
    if bytes.starts_with(b"%PDF-") {
        Some(("application/pdf", &["pdf"]))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", &["png"]))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", &["jpg", "jpeg"]))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("image/gif", &["gif"]))
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("image/webp", &["webp"]))
    } else {
        None
    }
}

/// A safe file name from what the browser sent: the last path component,
/// letters, digits, dot, dash and underscore (others become dashes), no
/// leading dot, at most 100 characters.
pub fn clean_file_name(sent: &str) -> Option<String> {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut name = String::new();
    for character in last.chars() {
        if character.is_ascii_alphanumeric() || matches!(character, '.' | '_' | '-') {
            name.push(character);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_start_matches(['.', '-', '_']).to_owned();
    let name: String = name.chars().take(100).collect();
    (!name.is_empty() && name.contains('.')).then_some(name)
}

/// Checks an upload and describes it; the bytes are not stored yet.
pub fn describe(sent_name: &str, bytes: &[u8]) -> Result<AttachmentSource, AttachmentError> {
    if bytes.is_empty() {
        return Err(AttachmentError::Refused("The file is empty.".to_owned()));
    }
    if bytes.len() > MAX_BYTES {
        return Err(AttachmentError::Refused(format!(
            "The file is {:.1} MB; attachments may be at most 10 MB. Compress it or split it.",
            bytes.len() as f64 / 1024.0 / 1024.0
        )));
    }
    let (content_type, extensions) = sniff(bytes).ok_or_else(|| {
        AttachmentError::Refused(
            "Only PDF documents and PNG, JPEG, GIF or WebP images can be attached (recognised by their content, not their name).".to_owned(),
        )
    })?;
    let file_name = clean_file_name(sent_name).ok_or_else(|| {
        AttachmentError::Refused(format!(
            "\"{}\" is not a usable file name: give the file a name with an extension, e.g. gowning-poster.pdf.",
            sent_name.chars().take(100).collect::<String>()
        ))
    })?;
    let extension = file_name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !extensions.contains(&extension.as_str()) {
        return Err(AttachmentError::Refused(format!(
            "\"{file_name}\" holds a {content_type} file; name it with .{} so that it opens correctly.",
            extensions[0]
        )));
    }
    Ok(AttachmentSource {
        file_name,
        sha256: hex::encode(Sha256::digest(bytes)),
        content_type: content_type.to_owned(),
        size_bytes: bytes.len() as u64,
        source_path: None,
    })
}

/// Where attachments are kept.
#[derive(Debug, Clone)]
pub struct AttachmentStore {
    root: PathBuf,
}

impl AttachmentStore {
    /// A store under `data_dir/attachments`.
    pub fn new(data_dir: &Path) -> Self {
        AttachmentStore {
            root: data_dir.join("attachments"),
        }
    }

    /// The path of the file with this hash (hashes are checked to be hex).
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        (sha256.len() == 64 && sha256.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| self.root.join(&sha256[..2]).join(sha256))
    }

    /// Stores `bytes` under their hash (once; storing again changes nothing).
    pub fn put(&self, attachment: &AttachmentSource, bytes: &[u8]) -> Result<(), AttachmentError> {
        let path = self
            .path_of(&attachment.sha256)
            .ok_or_else(|| AttachmentError::Refused("bad content hash".to_owned()))?;
        if path.exists() {
            return Ok(());
        }
        let folder = path.parent().unwrap_or(&self.root);
        std::fs::create_dir_all(folder)?;
        let temporary = folder.join(format!(".{}.{}", attachment.sha256, uuid::Uuid::new_v4()));
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, &path)?;
        Ok(())
    }

    /// The bytes with this hash.
    pub fn read(&self, sha256: &str) -> Result<Vec<u8>, AttachmentError> {
        let path = self
            .path_of(sha256)
            .ok_or_else(|| AttachmentError::Refused("bad content hash".to_owned()))?;
        Ok(std::fs::read(path)?)
    }
}

/// How a browser should treat the file: images shown, PDFs downloaded.
pub fn disposition(content_type: &str) -> &'static str {
    if content_type.starts_with("image/") {
        "inline"
    } else {
        "attachment"
    }
}

/// Sends a stored attachment with its type, a download name, and no sniffing.
pub async fn respond(
    store: std::sync::Arc<AttachmentStore>,
    attachment: AttachmentSource,
) -> Result<actix_web::HttpResponse, AppError> {
    let sha = attachment.sha256.clone();
    let bytes = actix_web::web::block(move || store.read(&sha))
        .await
        .map_err(AppError::internal)?
        .map_err(|error| match error {
            AttachmentError::Io(error) if error.kind() == std::io::ErrorKind::NotFound => {
                AppError::NotFound("The file of this attachment is missing from the data directory; ask an administrator to restore it from the backup.".to_owned())
            }
            AttachmentError::Refused(message) => AppError::BadRequest(message),
            AttachmentError::Io(error) => AppError::internal(error),
        })?;
    Ok(actix_web::HttpResponse::Ok()
        .content_type(attachment.content_type.as_str())
        .insert_header(actix_web::http::header::ContentDisposition {
            disposition: if disposition(&attachment.content_type) == "inline" {
                actix_web::http::header::DispositionType::Inline
            } else {
                actix_web::http::header::DispositionType::Attachment
            },
            parameters: vec![actix_web::http::header::DispositionParam::Filename(
                attachment.file_name.clone(),
            )],
        })
        .insert_header((
            actix_web::http::header::CONTENT_SECURITY_POLICY,
            "sandbox; default-src 'none'",
        ))
        .insert_header((actix_web::http::header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            "private, max-age=300",
        ))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_paths_and_odd_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), None);
        assert_eq!(
            clean_file_name("..\\..\\boot.ini").as_deref(),
            Some("boot.ini")
        );
        assert_eq!(
            clean_file_name("C:\\Users\\me\\Gowning poster (v2).pdf").as_deref(),
            Some("Gowning-poster-v2-.pdf")
        );
        assert_eq!(
            clean_file_name(".hidden.pdf").as_deref(),
            Some("hidden.pdf")
        );
        assert_eq!(clean_file_name(""), None);
    }

    #[test]
    fn types_are_recognised_by_content_and_must_match_the_name() {
        let pdf = b"%PDF-1.7 rest";
        assert_eq!(
            describe("notes.pdf", pdf).unwrap().content_type,
            "application/pdf"
        );
        assert!(describe("notes.png", pdf).is_err(), "a PDF named .png");
        assert!(describe("page.html", b"<html><script>").is_err());
        assert!(describe("evil.svg", b"<svg onload=alert(1)>").is_err());
        assert!(describe("big.pdf", &vec![b'%'; MAX_BYTES + 1]).is_err());
        assert!(describe("empty.pdf", b"").is_err());
    }
}
