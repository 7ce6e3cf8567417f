//! ATMP Academy: the learning platform of the European network of Centres of
//! Excellence for Advanced Therapy Medicinal Products.
//!
//! The binary (`main.rs`) parses the configuration and calls into this
//! library, so that integration tests link against exactly what runs.
//! Each top-level module is one context; `http` holds what the web edge
//! shares, `db` what the database layer shares.

pub mod assessment;
pub mod attachments;
pub mod audit;
pub mod authoring;
pub mod catalog;
pub mod certificates;
pub mod config;
pub mod course_files;
pub mod db;
pub mod enrolment;
pub mod hands_on;
pub mod http;
pub mod i18n;
pub mod identity;
pub mod ids;
pub mod mail;
pub mod markdown;
pub mod network;
pub mod notifications;
pub mod printing;
pub mod programmes;
pub mod qualification;
pub mod reports;
pub mod signatures;
pub mod startup;
pub mod synthetic;
pub mod telemetry;
