//! The load benchmark: drives a running ATMP Academy over HTTP with
//! signed-in sessions and prints, per journey, requests per second and the
//! p50/p95/p99 latency and errors, plus the server's peak memory.
//!
//! One command (see BENCHMARKS.md):
//!
//! ```sh
//! cargo bench --bench load -- --enrolments 1000000
//! ```
//!
//! It creates (once) the database `atmp_bench_<enrolments>` on the
//! PostgreSQL server at `--database-server` (default the local one), fills it
//! with `atmp-academy generate`, starts the release binary against it, signs
//! `--connections` learners in through the email-link flow (each sign-in
//! from its own client address, passed by a trusted proxy header, so the
//! sign-in rate limit is not what is measured), and runs each journey for
//! `--seconds` with that many concurrent connections. The verification
//! journey runs with `--verify-per-minute` raised for the same reason.
//!
//! Each run first removes what earlier runs left: the assessment attempts
//! they made (the generator writes no audit events, so an attempt with an
//! `attempt.started` event was made through the server), so that every run
//! measures the generated data set, not a learner with hundreds of attempts
//! left over from the last run; and the sign-in links they asked for (the
//! generator writes none), which would otherwise run into the per-address
//! sign-in limit after a few runs within the hour.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use diesel::sql_types::{Text, Uuid as SqlUuid};

struct Options {
    /// Only the journeys whose name contains this text (all when empty).
    only: String,
    enrolments: u64,
    connections: usize,
    seconds: u64,
    server: String,
}

fn options() -> Options {
    let mut options = Options {
        only: String::new(),
        enrolments: 10_000,
        connections: 32,
        seconds: 10,
        server: "postgres://postgres@127.0.0.1:5432".to_owned(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--enrolments" => options.enrolments = value().parse().unwrap_or(options.enrolments),
            "--connections" => options.connections = value().parse().unwrap_or(options.connections),
            "--seconds" => options.seconds = value().parse().unwrap_or(options.seconds),
            "--database-server" => options.server = value(),
            "--only" => options.only = value(),
            "--bench" => {}
            other => eprintln!("ignoring unknown argument {other}"),
        }
    }
    options
}

/// One signed-in learner and what they may open.
#[derive(Clone)]
struct Learner {
    client: reqwest::Client,
    /// The server's base URL.
    base: String,
    csrf: String,
    course_path: String,
    lesson_paths: Vec<String>,
    assessment: Option<AssessmentForm>,
}

/// An assessment a learner takes, and the answers they send with each
/// submission: one for every question of the module's bank, as the form
/// of a page showing them all (the server takes the answers to the
/// questions the attempt drew and ignores the rest).
#[derive(Clone)]
struct AssessmentForm {
    path: String,
    answers: Vec<(String, String)>,
}

/// A learner found in the data set, with what they will open.
struct FoundLearner {
    row: LearnerRow,
    lesson_paths: Vec<String>,
    assessment: Option<AssessmentForm>,
}

#[derive(QueryableByName)]
struct LearnerRow {
    #[diesel(sql_type = Text)]
    email: String,
    #[diesel(sql_type = SqlUuid)]
    enrolment_id: uuid::Uuid,
    #[diesel(sql_type = Text)]
    course_slug: String,
}

#[derive(QueryableByName)]
struct PathRow {
    #[diesel(sql_type = Text)]
    path: String,
}

#[derive(QueryableByName)]
struct AssessmentRow {
    #[diesel(sql_type = Text)]
    path: String,
    #[diesel(sql_type = SqlUuid)]
    module_id: uuid::Uuid,
}

#[derive(QueryableByName)]
struct QuestionRow {
    #[diesel(sql_type = Text)]
    question: String,
    #[diesel(sql_type = Text)]
    kind: String,
}

/// A learner's answer to every question of a module's bank, as form fields:
/// the first option, "true", a number, words (a matching question is left
/// blank).
fn answers_to_every_question(
    connection: &mut PgConnection,
    module: uuid::Uuid,
) -> Vec<(String, String)> {
    let questions: Vec<QuestionRow> = diesel::sql_query(
        "SELECT id::text AS question, question->'kind'->>'type' AS kind
         FROM assessment_questions WHERE module_id = $1 AND gradable ORDER BY position",
    )
    .bind::<SqlUuid, _>(module)
    .load(connection)
    .expect("the assessment's questions");
    let mut fields = Vec::new();
    for question in questions {
        let key = format!("q-{}", question.question);
        fields.push((format!("{key}-shown"), "1".to_owned()));
        match question.kind.as_str() {
            "single_choice" => fields.push((key, "0".to_owned())),
            "multiple_choice" => fields.push((format!("{key}-o0"), "on".to_owned())),
            "true_false" => fields.push((key, "true".to_owned())),
            "numeric" => fields.push((key, "1".to_owned())),
            "matching" => {}
            _ => fields.push((key, "An answer in words.".to_owned())),
        }
    }
    fields
}

struct Server {
    child: Child,
    base: String,
    data_dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_atmp-academy"))
}

fn database_exists(server: &str, name: &str) -> bool {
    let Ok(mut connection) = PgConnection::establish(&format!("{server}/postgres")) else {
        panic!("cannot reach PostgreSQL at {server} (set --database-server)");
    };
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        found: i64,
    }
    diesel::sql_query("SELECT count(*) AS found FROM pg_database WHERE datname = $1")
        .bind::<Text, _>(name)
        .get_result::<Found>(&mut connection)
        .map(|row| row.found > 0)
        .unwrap_or(false)
}

fn prepare_database(options: &Options) -> String {
    let name = format!("atmp_bench_{}", options.enrolments);
    // The server and PostgreSQL share the machine: no TLS on the loopback.
    let url = format!("{}/{name}?sslmode=disable", options.server);
    if database_exists(&options.server, &name) {
        println!("using the existing database {name}");
        return url;
    }
    let mut connection =
        PgConnection::establish(&format!("{}/postgres", options.server)).expect("connect");
    diesel::sql_query(format!("CREATE DATABASE {name}"))
        .execute(&mut connection)
        .expect("create database");
    println!("generating {} enrolments into {name} …", options.enrolments);
    let started = Instant::now();
    let status = Command::new(binary())
        .args(["generate", "--enrolments", &options.enrolments.to_string()])
        .env("DATABASE_URL", &url)
        .status()
        .expect("run the generator");
    if !status.success() {
        // A half-filled database must not be benchmarked by the next run.
        let _ = diesel::sql_query(format!("DROP DATABASE {name}")).execute(&mut connection);
        panic!("the generator failed; {name} was dropped");
    }
    println!("generated in {:.1} s", started.elapsed().as_secs_f64());
    url
}

/// Removes the attempts (and their answers) and the sign-in links that
/// earlier runs made.
fn forget_earlier_runs(url: &str) {
    let mut connection = PgConnection::establish(url).expect("connect to the benchmark database");
    let made = "SELECT entity_id::uuid FROM audit_events \
                WHERE action = 'attempt.started' AND entity_type = 'attempt'";
    connection
        .transaction(|connection| {
            diesel::sql_query(format!(
                "DELETE FROM attempt_answers WHERE attempt_id IN ({made})"
            ))
            .execute(connection)?;
            let removed = diesel::sql_query(format!(
                "DELETE FROM assessment_attempts WHERE id IN ({made})"
            ))
            .execute(connection)?;
            diesel::sql_query("DELETE FROM email_sign_in_links").execute(connection)?;
            Ok::<_, diesel::result::Error>(removed)
        })
        .map(|removed| {
            if removed > 0 {
                println!("removed {removed} attempts made by earlier runs");
            }
        })
        .expect("remove the attempts of earlier runs");
}

fn start_server(url: &str) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("free port");
    let data_dir = tempfile::tempdir().expect("data dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let child = Command::new(binary())
        .args([
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
            &data_dir.path().display().to_string(),
            "--templates-dir",
            &root.join("templates").display().to_string(),
            "--courses-dir",
            &root.join("courses").display().to_string(),
            "--trusted-proxies",
            "127.0.0.1",
            "--verify-per-minute",
            "1000000",
            "--log-filter",
            "warn",
        ])
        .env("DATABASE_URL", url)
        .stdout(Stdio::null())
        .spawn()
        .expect("start the server");
    Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
        data_dir,
    }
}

async fn wait_until_ready(base: &str) {
    let client = reqwest::Client::new();
    for _ in 0..600 {
        if let Ok(response) = client.get(format!("{base}/readyz")).send().await {
            if response.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not become ready");
}

fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'=' && index + 2 < bytes.len() {
            if let Ok(value) = u8::from_str_radix(&joined[index + 1..index + 3], 16) {
                out.push(value);
                index += 3;
                continue;
            }
        }
        out.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

async fn sign_in_link(mail_dir: &Path, email: &str) -> String {
    for _ in 0..200 {
        for entry in std::fs::read_dir(mail_dir).into_iter().flatten().flatten() {
            let text =
                decode_quoted_printable(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            if text.contains(email) {
                if let Some(link) = text
                    .split_whitespace()
                    .find(|word| word.contains("/login/email/confirm?token="))
                {
                    let link = link.trim_end_matches(['"', '>', '<']);
                    let start = link.find("http").unwrap_or(0);
                    return link[start..].to_owned();
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no sign-in email for {email}");
}

async fn sign_in(server: &Server, email: &str, address: &str) -> (reqwest::Client, String) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(4)
        .build()
        .expect("client");
    let base = &server.base;
    let login = client
        .get(format!("{base}/login"))
        .header("X-Forwarded-For", address)
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let requested = client
        .post(format!("{base}/login/email"))
        .header("X-Forwarded-For", address)
        .form(&[("csrf_token", csrf_of(&login).as_str()), ("email", email)])
        .send()
        .await
        .expect("request link");
    assert!(
        requested.status().is_success(),
        "link for {email}: {}",
        requested.status()
    );
    let link = sign_in_link(&server.data_dir.path().join("mail"), email).await;
    let confirm = client
        .get(&link)
        .header("X-Forwarded-For", address)
        .send()
        .await
        .expect("confirm page")
        .text()
        .await
        .expect("body");
    let token = link.split("token=").nth(1).unwrap_or_default().to_owned();
    let confirmed = client
        .post(format!("{base}/login/email/confirm"))
        .header("X-Forwarded-For", address)
        .form(&[
            ("csrf_token", csrf_of(&confirm).as_str()),
            ("token", token.as_str()),
        ])
        .send()
        .await
        .expect("confirm");
    assert_eq!(confirmed.status().as_u16(), 303, "sign-in of {email}");
    let learning = client
        .get(format!("{base}/learning"))
        .header("X-Forwarded-For", address)
        .send()
        .await
        .expect("learning")
        .text()
        .await
        .expect("body");
    (client, csrf_of(&learning))
}

/// The generated network's mean enrolments per learner. Every learner
/// signed in has exactly this many, so My learning shows as many cards at
/// every scale and the scales compare like with like (32 learners taken in
/// id order had 366 enrolments at 10k and 404 at 1M: a tenth more work per
/// page at 1M, which read as growth with the tables).
const ENROLMENTS_PER_LEARNER: i64 = 10;

fn learners(url: &str, count: usize) -> Vec<FoundLearner> {
    let mut connection = PgConnection::establish(url).expect("connect to the benchmark database");
    let rows: Vec<LearnerRow> = diesel::sql_query(
        "SELECT DISTINCT ON (u.id) u.email, e.id AS enrolment_id, c.slug AS course_slug
         FROM enrolments e JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id
         WHERE e.status = 'active'
           AND EXISTS (SELECT 1 FROM course_modules m WHERE m.course_version_id = e.course_version_id
                       AND m.assessment IS NOT NULL AND m.assessment->>'max_attempts' IS NULL)
           AND EXISTS (SELECT 1 FROM course_modules m WHERE m.course_version_id = e.course_version_id
                       AND (m.assessment->>'required')::boolean
                       AND NOT EXISTS (SELECT 1 FROM assessment_attempts a
                                        WHERE a.enrolment_id = e.id AND a.module_id = m.id AND a.passed))
           AND (SELECT count(*) FROM enrolments mine WHERE mine.user_id = u.id) = $2
         ORDER BY u.id LIMIT $1",
    )
    .bind::<diesel::sql_types::BigInt, _>(count as i64)
    .bind::<diesel::sql_types::BigInt, _>(ENROLMENTS_PER_LEARNER)
    .load(&mut connection)
    .expect("learners with active enrolments");
    assert!(
        rows.len() == count,
        "found {} learners with an active enrolment in a course with an unlimited assessment; need {count}",
        rows.len()
    );
    rows.into_iter()
        .map(|row| {
            let lessons: Vec<PathRow> = diesel::sql_query(
                "SELECT '/courses/' || c.slug || '/' || m.slug || '/' || l.slug AS path
                 FROM enrolments e JOIN courses c ON c.id = e.course_id
                 JOIN course_modules m ON m.course_version_id = e.course_version_id
                 JOIN lessons l ON l.module_id = m.id
                 WHERE e.id = $1 ORDER BY m.position, l.position",
            )
            .bind::<SqlUuid, _>(row.enrolment_id)
            .load(&mut connection)
            .expect("lessons");
            let assessment: Option<AssessmentRow> = diesel::sql_query(
                "SELECT '/courses/' || c.slug || '/' || m.slug || '/assessment' AS path,
                        m.id AS module_id
                 FROM enrolments e JOIN courses c ON c.id = e.course_id
                 JOIN course_modules m ON m.course_version_id = e.course_version_id
                 WHERE e.id = $1 AND m.assessment IS NOT NULL AND m.assessment->>'max_attempts' IS NULL
                 ORDER BY m.position LIMIT 1",
            )
            .bind::<SqlUuid, _>(row.enrolment_id)
            .get_result(&mut connection)
            .optional()
            .expect("assessment");
            let assessment = assessment.map(|found| AssessmentForm {
                answers: answers_to_every_question(&mut connection, found.module_id),
                path: found.path,
            });
            FoundLearner {
                row,
                lesson_paths: lessons.into_iter().map(|lesson| lesson.path).collect(),
                assessment,
            }
        })
        .collect()
}

fn certificate_codes(url: &str) -> Vec<String> {
    let mut connection = PgConnection::establish(url).expect("connect");
    diesel::sql_query("SELECT code AS path FROM certificates ORDER BY random() LIMIT 1000")
        .load::<PathRow>(&mut connection)
        .expect("certificate codes")
        .into_iter()
        .map(|row| row.path)
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Journey {
    Static,
    CatalogueSearch,
    CoursePage,
    LessonPage,
    MyLearning,
    MarkComplete,
    Attempt,
    Verify,
}

impl Journey {
    const ALL: [Journey; 8] = [
        Journey::Static,
        Journey::CatalogueSearch,
        Journey::CoursePage,
        Journey::LessonPage,
        Journey::MyLearning,
        Journey::MarkComplete,
        Journey::Attempt,
        Journey::Verify,
    ];

    fn name(self) -> &'static str {
        match self {
            Journey::Static => "static baseline (/healthz)",
            Journey::CatalogueSearch => "catalogue search",
            Journey::CoursePage => "course page",
            Journey::LessonPage => "lesson page (signed in)",
            Journey::MyLearning => "My learning",
            Journey::MarkComplete => "mark lesson complete",
            Journey::Attempt => "start + submit attempt",
            Journey::Verify => "certificate verification",
        }
    }
}

const SEARCH_WORDS: [&str; 8] = [
    "gene",
    "cell",
    "vector",
    "gmp",
    "cleanroom",
    "potency",
    "regulatory",
    "car-t",
];

/// What one request came to: its `Location` when it had the expected
/// status, else the status it had (0: no answer).
async fn outcome(
    response: Result<reqwest::Response, reqwest::Error>,
    expected: u16,
) -> Result<Option<String>, u16> {
    let response = response.map_err(|_| 0u16)?;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let _ = response.bytes().await;
    if status == expected {
        Ok(location)
    } else {
        Err(status)
    }
}

/// Runs one iteration of a journey; returns the requests it made and the
/// status of the one that failed, if any.
async fn iteration(
    journey: Journey,
    learner: &Learner,
    codes: &[String],
    step: usize,
) -> (u32, Option<u16>) {
    let base = &learner.base;
    let client = &learner.client;
    let single = |result: Result<Option<String>, u16>| (1, result.err());
    match journey {
        Journey::Static => {
            single(outcome(client.get(format!("{base}/healthz")).send().await, 200).await)
        }
        Journey::CatalogueSearch => {
            let word = SEARCH_WORDS[step % SEARCH_WORDS.len()];
            single(
                outcome(
                    client.get(format!("{base}/courses?q={word}")).send().await,
                    200,
                )
                .await,
            )
        }
        Journey::CoursePage => single(
            outcome(
                client
                    .get(format!("{base}{}", learner.course_path))
                    .send()
                    .await,
                200,
            )
            .await,
        ),
        Journey::LessonPage => {
            let path = &learner.lesson_paths[step % learner.lesson_paths.len()];
            single(outcome(client.get(format!("{base}{path}")).send().await, 200).await)
        }
        Journey::MyLearning => {
            single(outcome(client.get(format!("{base}/learning")).send().await, 200).await)
        }
        Journey::MarkComplete => {
            let path = &learner.lesson_paths[step % learner.lesson_paths.len()];
            single(
                outcome(
                    client
                        .post(format!("{base}{path}/complete"))
                        .form(&[("csrf_token", learner.csrf.as_str())])
                        .send()
                        .await,
                    303,
                )
                .await,
            )
        }
        Journey::Attempt => {
            let Some(assessment) = &learner.assessment else {
                return (0, Some(0));
            };
            let started = outcome(
                client
                    .post(format!("{base}{}/start", assessment.path))
                    .form(&[("csrf_token", learner.csrf.as_str())])
                    .send()
                    .await,
                303,
            )
            .await;
            let attempt = match started {
                Ok(Some(location)) => location,
                Ok(None) => return (1, Some(0)),
                Err(status) => return (1, Some(status)),
            };
            let mut form: Vec<(&str, &str)> =
                vec![("csrf_token", learner.csrf.as_str()), ("action", "submit")];
            form.extend(
                assessment
                    .answers
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str())),
            );
            let submitted = outcome(
                client
                    .post(format!("{base}{attempt}"))
                    .form(&form)
                    .send()
                    .await,
                303,
            )
            .await;
            (2, submitted.err())
        }
        Journey::Verify => {
            let code = &codes[step % codes.len()];
            single(
                outcome(
                    client.get(format!("{base}/verify/{code}")).send().await,
                    200,
                )
                .await,
            )
        }
    }
}

struct Figures {
    requests: u64,
    errors: u64,
    seconds: f64,
    latencies_micros: Vec<u64>,
    /// Failed requests by HTTP status (0: no answer).
    failed_statuses: BTreeMap<u16, u64>,
}

fn percentile(sorted: &[u64], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index] as f64 / 1000.0
}

async fn measure(
    journey: Journey,
    learners: &[Learner],
    codes: Arc<Vec<String>>,
    seconds: u64,
) -> Figures {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = learners
        .iter()
        .cloned()
        .enumerate()
        .map(|(worker, learner)| {
            let codes = Arc::clone(&codes);
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let (mut requests, mut errors) = (0u64, 0u64);
                let mut statuses = BTreeMap::new();
                let mut step = worker * 7919;
                while Instant::now() < deadline {
                    let began = Instant::now();
                    let (made, failed) = iteration(journey, &learner, &codes, step).await;
                    latencies.push(began.elapsed().as_micros() as u64);
                    requests += u64::from(made);
                    if let Some(status) = failed {
                        errors += 1;
                        *statuses.entry(status).or_insert(0u64) += 1;
                    }
                    step += 1;
                }
                (latencies, requests, errors, statuses)
            })
        })
        .collect();
    let mut figures = Figures {
        requests: 0,
        errors: 0,
        seconds: 0.0,
        latencies_micros: Vec::new(),
        failed_statuses: BTreeMap::new(),
    };
    for task in tasks {
        if let Ok((latencies, requests, errors, statuses)) = task.await {
            figures.latencies_micros.extend(latencies);
            figures.requests += requests;
            figures.errors += errors;
            for (status, count) in statuses {
                *figures.failed_statuses.entry(status).or_insert(0) += count;
            }
        }
    }
    figures.seconds = started.elapsed().as_secs_f64();
    figures.latencies_micros.sort_unstable();
    figures
}

fn peak_memory_kib(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|line| line.starts_with(name))
            .and_then(|line| line.split_whitespace().nth(1))
            .and_then(|value| value.parse().ok())
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

fn main() {
    let options = options();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(run(options));
}

async fn run(options: Options) {
    let url = prepare_database(&options);
    forget_earlier_runs(&url);
    let server = start_server(&url);
    wait_until_ready(&server.base).await;
    let found = learners(&url, options.connections);
    let codes = Arc::new(certificate_codes(&url));
    assert!(!codes.is_empty(), "the data set has no certificates");
    let mut signed_in = Vec::new();
    for (index, found) in found.into_iter().enumerate() {
        let address = format!("10.{}.{}.1", index / 250 + 1, index % 250);
        let (client, csrf) = sign_in(&server, &found.row.email, &address).await;
        signed_in.push(Learner {
            client,
            base: server.base.clone(),
            csrf,
            course_path: format!("/courses/{}", found.row.course_slug),
            lesson_paths: found.lesson_paths,
            assessment: found.assessment,
        });
    }
    let mut connection = PgConnection::establish(&url).expect("connect");
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let enrolments = diesel::sql_query("SELECT count(*) AS n FROM enrolments")
        .get_result::<Count>(&mut connection)
        .map(|row| row.n)
        .unwrap_or(0);
    println!(
        "\n{} enrolments · {} connections · {} s per journey · server pid {}\n",
        enrolments,
        options.connections,
        options.seconds,
        server.child.id()
    );
    println!(
        "| journey | requests/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|"
    );
    for journey in Journey::ALL
        .into_iter()
        .filter(|journey| journey.name().contains(&options.only))
    {
        let figures = measure(journey, &signed_in, Arc::clone(&codes), options.seconds).await;
        let failures: Vec<String> = figures
            .failed_statuses
            .iter()
            .map(|(status, count)| format!("{count}× {status}"))
            .collect();
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {:.2} | {}{} |",
            journey.name(),
            figures.requests as f64 / figures.seconds,
            percentile(&figures.latencies_micros, 0.50),
            percentile(&figures.latencies_micros, 0.95),
            percentile(&figures.latencies_micros, 0.99),
            figures.errors,
            if failures.is_empty() {
                String::new()
            } else {
                format!(" ({})", failures.join(", "))
            }
        );
    }
    if let Some((peak, now)) = peak_memory_kib(server.child.id()) {
        println!(
            "\nserver memory: peak {:.0} MB, now {:.0} MB",
            peak as f64 / 1024.0,
            now as f64 / 1024.0
        );
    }
}
