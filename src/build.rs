//! Build script: rebuilds the crate when `migrations/` changes, because
//! `embed_migrations!` cannot see a new migration folder by itself and a
//! stale binary would start without it.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
