//! Static assets (the stylesheet, icons) from `templates/static/`, read once
//! at start-up and served from memory with a content hash for caching.

use std::collections::HashMap;
use std::path::Path;

use actix_web::http::header::{self, ContentType};
use actix_web::{HttpRequest, HttpResponse, get, web};
use sha2::{Digest, Sha256};

use super::AppError;

/// One file in memory.
#[derive(Debug)]
struct Asset {
    bytes: Vec<u8>,
    content_type: &'static str,
    etag: String,
}

/// Every static asset, by file name.
#[derive(Debug, Default)]
pub struct Assets {
    files: HashMap<String, Asset>,
}

impl Assets {
    /// Reads `dir` (not recursive). A missing directory is an error: the
    /// pages would have no stylesheet.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let mut files = HashMap::new();
        let entries = std::fs::read_dir(dir)
            .map_err(|error| anyhow::anyhow!("reading {}: {error}", dir.display()))?;
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            let Some(name) = path
                .file_name()
                .and_then(|name| name.to_str())
                .map(str::to_owned)
            else {
                continue;
            };
            if !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path)
                .map_err(|error| anyhow::anyhow!("reading {}: {error}", path.display()))?;
            let etag = hex::encode(&Sha256::digest(&bytes)[..8]);
            let content_type = match path.extension().and_then(|ext| ext.to_str()) {
                Some("css") => "text/css; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                Some("ico") => "image/x-icon",
                Some("woff2") => "font/woff2",
                _ => "application/octet-stream",
            };
            files.insert(
                name,
                Asset {
                    bytes,
                    content_type,
                    etag,
                },
            );
        }
        Ok(Assets { files })
    }

    /// `/static/<name>?v=<hash>`, so a changed file gets a new URL.
    pub fn versioned_href(&self, name: &str) -> String {
        match self.files.get(name) {
            Some(asset) => format!("/static/{name}?v={}", asset.etag),
            None => format!("/static/{name}"),
        }
    }
}

/// Serves one asset; cached for a year when the URL carries its hash.
#[get("/static/{name}")]
pub async fn serve_asset(
    request: HttpRequest,
    name: web::Path<String>,
    assets: web::Data<Assets>,
) -> Result<HttpResponse, AppError> {
    let asset = assets
        .files
        .get(name.as_str())
        .ok_or_else(|| AppError::NotFound("There is no such file.".to_owned()))?;
    let etag = format!("\"{}\"", asset.etag);
    if request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value == etag)
    {
        return Ok(HttpResponse::NotModified().finish());
    }
    let cache = if request.query_string().starts_with("v=") {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    };
    Ok(HttpResponse::Ok()
        .content_type(ContentType(
            asset.content_type.parse().map_err(AppError::internal)?,
        ))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .body(asset.bytes.clone()))
}
