//! Integration tests: real PostgreSQL (a fresh database per test), real
//! HTTP on port 0, the real binary where the test is about the binary.

mod chrome;
mod fixtures;
mod helpers;

mod assessment;
mod authoring;
mod catalogue;
mod certificates;
mod embedded_postgres;
mod enrolment;
mod identity;
mod import;
mod journeys;
mod languages;
mod matrix;
mod migrations;
mod pages;
mod programmes;
mod records;
mod reports;
mod signatures;
mod synthetic;
