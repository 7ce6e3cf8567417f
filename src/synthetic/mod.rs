//! Synthetic data for load tests: fills a migrated database (empty, or
//! holding only the imported shipped courses) with a network-sized data set
//! — CoEs, institutions, learners, courses with published versions,
//! enrolments, lesson progress, assessment attempts and certificates — in
//! minutes, through PostgreSQL `COPY` rather than row-by-row inserts.
//!
//! The data is deterministic: the same seed, plan and anchor instant give
//! the same rows. Every row satisfies the schema's constraints and triggers
//! and the application's own rules (see `activity`), so that generated
//! learners can sign in and open their courses, lessons, "My learning" and
//! certificates. No audit events are written: nothing generated happened.
//!
//! Everything generated is recognisable by the slug prefix `synthetic-` of
//! its CoEs, institutions and courses; a database that already holds
//! synthetic CoEs is refused, so a second run cannot mix two data sets.
//!
//! - `plan`: how many rows, and how the counts scale;
//! - `network`, `catalogue`, `activity`: the rows, built in memory from the
//!   seed, and their COPY writers;
//! - `allocate`: exact division of totals (progress, attempts) over rows;
//! - `copy`: the COPY text-format writer; `clock`: instants and UUID v7 ids;
//! - `vocabulary`: names, topics and sentence templates; `queries`: the
//!   statements besides COPY (the presence check, setting keys and
//!   indexes aside during a bulk load, publishing, VACUUM (ANALYZE)).

mod activity;
mod allocate;
mod catalogue;
mod clock;
mod copy;
mod network;
mod plan;
mod queries;
mod vocabulary;

use std::fmt;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use diesel::{Connection, PgConnection};
use rand::SeedableRng;
use rand::rngs::StdRng;

pub use plan::{Plan, PlanError};

/// The slug prefix of every generated CoE, institution and course.
pub const SLUG_PREFIX: &str = "synthetic-";

/// Streams of the seeded generator for the in-memory plans (the batched
/// tables have their own, in `activity`).
const NETWORK_STREAM: u64 = 1;
const FACILITY_STREAM: u64 = 2;
const ROLE_STREAM: u64 = 3;
const CATALOGUE_STREAM: u64 = 4;
const ENROLMENT_PLAN_STREAM: u64 = 5;

/// Why generation stopped (nothing of an unfinished table is kept: each
/// table is loaded in one transaction).
#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error(
        "this database already holds synthetic data (CoEs whose slug starts with \"{SLUG_PREFIX}\"); \
         generate into a freshly migrated database"
    )]
    AlreadyPresent,
    #[error("a generated question bank does not parse: {0}")]
    QuestionBank(String),
    #[error("streaming rows to the database failed: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// One table loaded, or one step on loaded rows (named in parentheses):
/// the rows written or changed and the time it took.
#[derive(Debug, Clone)]
pub struct TableLoad {
    pub table: &'static str,
    pub rows: usize,
    pub elapsed: Duration,
    /// The part of `elapsed` spent recreating (and so checking) the
    /// table's foreign keys and secondary indexes after COPY.
    pub checking: Duration,
}

impl TableLoad {
    /// Whether this loaded a table (rather than a step on loaded rows).
    pub fn is_table(&self) -> bool {
        !self.table.starts_with('(')
    }

    pub fn rows_per_second(&self) -> f64 {
        self.rows as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl fmt::Display for TableLoad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:<22} {:>11} rows in {:>7.2} s ({:>9.0} rows/s)",
            self.table,
            self.rows,
            self.elapsed.as_secs_f64(),
            self.rows_per_second()
        )?;
        if !self.checking.is_zero() {
            write!(
                f,
                ", of which {:.2} s recreating keys and indexes",
                self.checking.as_secs_f64()
            )?;
        }
        Ok(())
    }
}

/// What generation is doing, for a progress display.
pub enum Progress<'a> {
    /// Rows built in memory (`what`), and the time it took.
    Planned(&'static str, Duration),
    /// Rows written so far into a table loaded in batches.
    Rows(&'static str, usize),
    /// A table's rows are written; its foreign keys and indexes are being
    /// recreated (which checks every row).
    Checking(&'static str),
    /// A table finished.
    Loaded(&'a TableLoad),
    /// Vacuuming and refreshing planner statistics.
    Vacuuming,
}

/// What a run wrote and how long each part took.
#[derive(Debug, Clone)]
pub struct Report {
    pub tables: Vec<TableLoad>,
    /// Time spent building rows in memory before loading them.
    pub planning: Duration,
    pub vacuum_analyze: Duration,
    pub total: Duration,
}

impl Report {
    /// Rows written into `table` (0 when it was not loaded).
    pub fn rows(&self, table: &str) -> usize {
        self.tables
            .iter()
            .filter(|load| load.table == table)
            .map(|load| load.rows)
            .sum()
    }
}

/// Times each step and passes progress on.
struct Tracker<'a> {
    on_progress: &'a mut dyn FnMut(Progress<'_>),
    tables: Vec<TableLoad>,
    planning: Duration,
}

impl Tracker<'_> {
    fn plan<T>(&mut self, what: &'static str, build: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let built = build();
        let elapsed = started.elapsed();
        self.planning += elapsed;
        (self.on_progress)(Progress::Planned(what, elapsed));
        built
    }

    fn load(
        &mut self,
        table: &'static str,
        load: impl FnOnce(&mut Self) -> Result<usize, SyntheticError>,
    ) -> Result<(), SyntheticError> {
        self.load_checked(table, |tracker| {
            load(tracker).map(|rows| (rows, Duration::ZERO))
        })
    }

    /// Like `load`, for a load that reports how long its checks took.
    fn load_checked(
        &mut self,
        table: &'static str,
        load: impl FnOnce(&mut Self) -> Result<(usize, Duration), SyntheticError>,
    ) -> Result<(), SyntheticError> {
        let started = Instant::now();
        let (rows, checking) = load(self)?;
        let done = TableLoad {
            table,
            rows,
            elapsed: started.elapsed(),
            checking,
        };
        (self.on_progress)(Progress::Loaded(&done));
        self.tables.push(done);
        Ok(())
    }

    /// Loads a large table inside the caller's transaction with its
    /// foreign keys and secondary indexes set aside, then recreates them,
    /// which checks every loaded row at once (as `pg_restore` does).
    fn bulk_load(
        &mut self,
        connection: &mut PgConnection,
        table: &'static str,
        load: impl FnOnce(&mut PgConnection, &mut Self) -> Result<usize, SyntheticError>,
    ) -> Result<(), SyntheticError> {
        self.load_checked(table, |tracker| {
            let restore = queries::set_aside_keys_and_indexes(connection, table)?;
            let rows = load(connection, tracker)?;
            (tracker.on_progress)(Progress::Checking(table));
            let checking = Instant::now();
            queries::restore_keys_and_indexes(connection, &restore)?;
            Ok((rows, checking.elapsed()))
        })
    }

    fn rows(&mut self, table: &'static str, rows: usize) {
        (self.on_progress)(Progress::Rows(table, rows));
    }
}

/// A seed for one stream of the generator, so that each table's rows do
/// not depend on how many random numbers other tables drew (splitmix64).
fn stream_seed(seed: u64, stream: u64, index: u64) -> u64 {
    let mut mixed = seed
        ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03).rotate_left(29);
    mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    mixed ^ (mixed >> 31)
}

/// Generates `plan` from `seed` into the database, with history ending at
/// `now`, then runs VACUUM (ANALYZE). Each large table is one transaction (the
/// network's and the catalogue's small tables share one each; the versions
/// are published at the end of theirs). The large tables are loaded with
/// their foreign keys and secondary indexes set aside and recreated before
/// commit: they are locked meanwhile, so generate into a database nobody
/// is using.
pub fn generate(
    connection: &mut PgConnection,
    plan: &Plan,
    seed: u64,
    now: DateTime<Utc>,
    on_progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Report, SyntheticError> {
    let started = Instant::now();
    if queries::synthetic_data_present(connection)? {
        return Err(SyntheticError::AlreadyPresent);
    }
    let clock = clock::Clock::new(now);
    let mut tracker = Tracker {
        on_progress,
        tables: Vec::new(),
        planning: Duration::ZERO,
    };

    let mut rng = StdRng::seed_from_u64(stream_seed(seed, NETWORK_STREAM, 0));
    let network = tracker.plan("network", || {
        network::Network::build(plan, &clock, &mut rng)
    });
    connection.transaction(|connection| {
        tracker.load("coes", |_| network::copy_coes(connection, &network))?;
        tracker.load("facilities", |_| {
            network::copy_facilities(connection, &network, stream_seed(seed, FACILITY_STREAM, 0))
        })?;
        tracker.load("institutions", |_| {
            network::copy_institutions(connection, &network)
        })?;
        tracker.bulk_load(connection, "users", |connection, _| {
            network::copy_users(connection, &network)
        })?;
        tracker.load("role_grants", |_| {
            network::copy_role_grants(connection, &network, stream_seed(seed, ROLE_STREAM, 0))
        })
    })?;

    let mut rng = StdRng::seed_from_u64(stream_seed(seed, CATALOGUE_STREAM, 0));
    let (courses, contents) = tracker.plan("catalogue", || {
        catalogue::build(plan, &network, &clock, &mut rng)
    })?;
    connection.transaction(|connection| {
        tracker.load("courses", |_| {
            catalogue::copy_courses(connection, &network, &courses, &contents)
        })?;
        tracker.load("course_versions", |_| {
            catalogue::copy_versions(connection, &courses, &contents)
        })?;
        queries::stage_search_texts(connection)?;
        tracker.load("(search texts staged)", |_| {
            catalogue::copy_search_texts(connection, &courses, &contents)
        })?;
        tracker.load("course_modules", |_| {
            catalogue::copy_modules(connection, &courses, &contents)
        })?;
        tracker.load("lessons", |_| {
            catalogue::copy_lessons(connection, &courses, &contents)
        })?;
        tracker.load("assessment_questions", |_| {
            catalogue::copy_questions(connection, &contents)
        })?;
        tracker.load("(versions published)", |_| {
            let after = Duration::from_millis(catalogue::PUBLISHED_AFTER.unsigned_abs());
            Ok(queries::publish_versions(connection, after)?)
        })
    })?;
    drop(contents);

    let mut rng = StdRng::seed_from_u64(stream_seed(seed, ENROLMENT_PLAN_STREAM, 0));
    let enrolments = tracker.plan("enrolments", || {
        activity::plan_enrolments(plan, &network, &courses, &clock, &mut rng)
    });
    let world = activity::World {
        network: &network,
        courses: &courses,
        enrolments: &enrolments,
        clock: &clock,
        seed,
    };
    connection.transaction(|connection| {
        tracker.bulk_load(connection, "enrolments", |connection, tracker| {
            world.copy_enrolments(connection, tracker)
        })
    })?;
    connection.transaction(|connection| {
        tracker.bulk_load(connection, "lesson_progress", |connection, tracker| {
            world.copy_progress(connection, tracker)
        })
    })?;
    connection.transaction(|connection| {
        tracker.bulk_load(connection, "assessment_attempts", |connection, tracker| {
            world.copy_attempts(connection, tracker)
        })
    })?;
    connection.transaction(|connection| {
        tracker.bulk_load(connection, "certificates", |connection, tracker| {
            world.copy_certificates(connection, tracker)
        })
    })?;

    (tracker.on_progress)(Progress::Vacuuming);
    let vacuum_started = Instant::now();
    queries::vacuum_analyze(connection)?;
    Ok(Report {
        tables: tracker.tables,
        planning: tracker.planning,
        vacuum_analyze: vacuum_started.elapsed(),
        total: started.elapsed(),
    })
}
