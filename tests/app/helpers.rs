//! Test harness: a fresh database per test, copied from a template database
//! that is migrated once (guarded by an advisory lock, since nextest runs
//! tests in many processes), the application served on port 0, and course
//! fixtures written to temporary directories.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use atmp_academy::config::Cli;
use atmp_academy::course_files::{self, SyncError, SyncReport};
use atmp_academy::db::migrations;
use atmp_academy::startup::Application;
use clap::Parser;
use diesel::{Connection, PgConnection, RunQueryDsl};
use indicatif::ProgressBar;
use sha2::{Digest, Sha256};

/// Where the tests' databases live.
enum Server {
    /// A running server: `ATMP_TEST_DATABASE_SERVER`, else trust auth at 127.0.0.1:5432.
    Url(String),
    /// No server answered: a private cluster from the system binaries, for
    /// this test process only (a URL with `{db}` for the database name).
    Private(String),
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let configured = std::env::var("ATMP_TEST_DATABASE_SERVER").ok();
        let url = configured
            .clone()
            .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432".to_owned());
        if configured.is_some() || PgConnection::establish(&format!("{url}/postgres")).is_ok() {
            return Server::Url(url);
        }
        Server::Private(start_private_cluster())
    })
}

/// Starts a private cluster on a thread that lives as long as the process
/// (the cluster dies with the thread that started it).
fn start_private_cluster() -> String {
    remove_clusters_of_finished_runs();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let dir = std::env::temp_dir().join(format!("atmp-test-pg-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o755));
        match atmp_academy::db::embedded::EmbeddedPostgres::start(&dir, None) {
            Ok(cluster) => {
                let _ = sender.send(Ok(cluster.url_for_database("{db}")));
                loop {
                    std::thread::park();
                }
            }
            Err(error) => {
                let _ = sender.send(Err(error.to_string()));
            }
        }
    });
    match receiver.recv() {
        Ok(Ok(url)) => url,
        Ok(Err(error)) => {
            panic!("no PostgreSQL at 127.0.0.1:5432 and no private cluster either: {error}")
        }
        Err(error) => panic!("starting a private PostgreSQL failed: {error}"),
    }
}

/// Deletes the private clusters of test processes that have ended.
fn remove_clusters_of_finished_runs() {
    for entry in std::fs::read_dir(std::env::temp_dir())
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(pid) = name.strip_prefix("atmp-test-pg-")
            && !Path::new("/proc").join(pid).exists()
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The URL of database `name` on the tests' server.
pub fn database_url(name: &str) -> String {
    match server() {
        Server::Url(url) => format!("{url}/{name}"),
        Server::Private(template) => template.replace("%7Bdb%7D", name).replace("{db}", name),
    }
}

fn admin_connection() -> PgConnection {
    let url = database_url("postgres");
    PgConnection::establish(&url)
        .unwrap_or_else(|error| panic!("cannot reach the test PostgreSQL at {url}: {error}"))
}

/// The template's name: changes whenever a migration file changes.
fn template_name() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| {
        let mut hasher = Sha256::new();
        let mut files: Vec<PathBuf> =
            walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations"));
        files.sort();
        for file in files {
            hasher.update(file.to_string_lossy().as_bytes());
            hasher.update(std::fs::read(&file).unwrap_or_default());
        }
        let name = format!("atmp_tpl_{}", &hex::encode(hasher.finalize())[..16]);
        ensure_template(&name);
        name
    })
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[derive(diesel::QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    exists: bool,
}

fn database_exists(connection: &mut PgConnection, name: &str) -> bool {
    diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
        .bind::<diesel::sql_types::Text, _>(name)
        .get_result::<Exists>(connection)
        .map(|row| row.exists)
        .unwrap_or(false)
}

fn ensure_template(name: &str) {
    let mut admin = admin_connection();
    diesel::sql_query("SELECT pg_advisory_lock(727274001)")
        .execute(&mut admin)
        .expect("lock");
    if !database_exists(&mut admin, name) {
        let building = format!("{name}_building");
        diesel::sql_query(format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .execute(&mut admin)
            .expect("drop");
        diesel::sql_query(format!("CREATE DATABASE {building}"))
            .execute(&mut admin)
            .expect("create template");
        {
            let mut connection =
                PgConnection::establish(&database_url(&building)).expect("connect");
            migrations::run_pending(&mut connection).expect("migrate template");
        }
        diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
            .execute(&mut admin)
            .expect("rename");
    }
    diesel::sql_query("SELECT pg_advisory_unlock(727274001)")
        .execute(&mut admin)
        .expect("unlock");
}

/// A database of its own for one test, dropped at the end.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    /// A fresh, migrated database.
    pub fn new() -> Self {
        let template = template_name();
        let name = format!("atmp_t_{}", uuid::Uuid::new_v4().simple());
        let mut admin = admin_connection();
        diesel::sql_query(format!(
            "CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY"
        ))
        .execute(&mut admin)
        .expect("create test database");
        TestDb {
            url: database_url(&name),
            name,
        }
    }

    /// An empty database with no migrations applied.
    pub fn empty() -> Self {
        let name = format!("atmp_t_{}", uuid::Uuid::new_v4().simple());
        let mut admin = admin_connection();
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .expect("create test database");
        TestDb {
            url: database_url(&name),
            name,
        }
    }

    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url).expect("connect to test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let mut admin = admin_connection();
        let _ = diesel::sql_query(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))
        .execute(&mut admin);
    }
}

/// The single number a counting SQL query (`... AS n`) returns.
pub fn count(connection: &mut PgConnection, sql: &str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(sql)
        .get_result::<Count>(connection)
        .expect(sql)
        .n
}

/// Creates an account directly (no sign-in) and returns its id.
pub fn insert_person(connection: &mut PgConnection, email: &str) -> atmp_academy::ids::UserId {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        id: uuid::Uuid,
    }
    let id: Id = diesel::sql_query("INSERT INTO users (id, email, display_name) VALUES (gen_random_uuid(), $1, $1) RETURNING id")
        .bind::<diesel::sql_types::Text, _>(email)
        .get_result(connection)
        .expect("insert user");
    atmp_academy::ids::UserId(id.id)
}

/// The shipped `courses/` directory.
pub fn shipped_courses() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("courses")
}

/// The attachment store the tests' imports share (content-addressed, so
/// sharing is harmless).
pub fn test_attachment_store() -> atmp_academy::attachments::AttachmentStore {
    atmp_academy::attachments::AttachmentStore::new(
        &std::env::temp_dir().join("atmp-academy-tests"),
    )
}

/// Imports a directory of course files into `db`.
pub fn import(db: &TestDb, dir: &Path) -> Result<SyncReport, SyncError> {
    course_files::import_directory(
        &mut db.connect(),
        dir,
        &test_attachment_store(),
        &ProgressBar::hidden(),
    )
}

/// A running application on its own database and data directory.
pub struct TestApp {
    pub address: String,
    pub db: TestDb,
    pub client: reqwest::Client,
    pub data_dir: tempfile::TempDir,
    /// An outbox worker like the app's, for tests that drive it by hand.
    pub outbox_worker: atmp_academy::notifications::worker::Worker,
    /// Keeps a fixture directory alive for the test's duration.
    pub _courses: Option<tempfile::TempDir>,
}

impl TestApp {
    /// Serves the shipped `courses/`.
    pub async fn with_shipped_courses() -> Self {
        Self::spawn(shipped_courses(), None, &[]).await
    }

    /// Serves a fixture directory.
    pub async fn with_fixture(fixture: tempfile::TempDir) -> Self {
        let dir = fixture.path().to_path_buf();
        Self::spawn(dir, Some(fixture), &[]).await
    }

    /// Serves a fixture directory with extra command-line options.
    pub async fn with_fixture_and_options(fixture: tempfile::TempDir, options: &[String]) -> Self {
        let dir = fixture.path().to_path_buf();
        Self::spawn(dir, Some(fixture), options).await
    }

    async fn spawn(
        courses_dir: PathBuf,
        keep: Option<tempfile::TempDir>,
        options: &[String],
    ) -> Self {
        log_server_errors_to_the_test_output();
        let db = TestDb::new();
        let data_dir = tempfile::tempdir().expect("data dir");
        let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let cli = Cli::try_parse_from(
            [
                "atmp-academy".to_owned(),
                "--bind".to_owned(),
                "127.0.0.1:0".to_owned(),
                "--courses-dir".to_owned(),
                courses_dir.display().to_string(),
                "--templates-dir".to_owned(),
                templates.display().to_string(),
                "--http-workers".to_owned(),
                "2".to_owned(),
                "--db-pool-size".to_owned(),
                "8".to_owned(),
                "--data-dir".to_owned(),
                data_dir.path().display().to_string(),
            ]
            .into_iter()
            .chain(options.iter().cloned()),
        )
        .expect("test configuration parses");
        let application = Application::build(&cli.config, &db.url)
            .await
            .expect("application builds");
        let address = format!("http://127.0.0.1:{}", application.port());
        let outbox_worker = application.outbox_worker();
        tokio::spawn(application.run_until_stopped());
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("client");
        TestApp {
            address,
            db,
            client,
            data_dir,
            outbox_worker,
            _courses: keep,
        }
    }

    /// A new browser (its own cookie jar) pointed at this app.
    pub fn browser(&self) -> Browser {
        Browser::new(&self.address)
    }

    /// The sign-in emails written so far, oldest first, decoded.
    pub fn emails(&self) -> Vec<String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.data_dir.path().join("mail"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "eml"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| decode_quoted_printable(&std::fs::read_to_string(path).unwrap_or_default()))
            .collect()
    }

    /// Signs a browser in through the email link flow, as a person would.
    pub async fn signed_in_browser(&self, email: &str) -> Browser {
        let browser = self.browser();
        let before = self.emails().len();
        let login = browser.get_text("/login").await;
        let csrf = csrf_of(&login);
        let response = browser
            .post_form(
                "/login/email",
                &[("csrf_token", csrf.as_str()), ("email", email)],
            )
            .await;
        assert_eq!(response.status(), 200, "requesting a link");
        let link = wait_for_link(self, before).await;
        let path = link
            .strip_prefix(&self.address)
            .expect("link to this app")
            .to_owned();
        let confirm = browser.get_text(&path).await;
        let token = path.split("token=").nth(1).expect("token").to_owned();
        let response = browser
            .post_form(
                "/login/email/confirm",
                &[
                    ("csrf_token", csrf_of(&confirm).as_str()),
                    ("token", token.as_str()),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "signing in with the link");
        browser
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request")
    }

    /// GETs `path` and returns (status, body).
    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// GETs `path` and returns (status, JSON body).
    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }
}

/// Waits (briefly: mail is sent in the background) for a new sign-in email
/// and returns its link (other emails, e.g. from the outbox, are skipped).
pub async fn wait_for_link(app: &TestApp, emails_before: usize) -> String {
    for _ in 0..100 {
        let emails = app.emails();
        if let Some(email) = emails
            .iter()
            .skip(emails_before)
            .rev()
            .find(|email| email.contains("/login/email/confirm?token="))
        {
            return link_in(email);
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("no sign-in email arrived");
}

/// The sign-in link in an email.
fn link_in(email: &str) -> String {
    email
        .split_whitespace()
        .find(|word| word.starts_with("http") && word.contains("/login/email/confirm?token="))
        .map(|word| word.trim_end_matches(['"', '>', '<']).to_owned())
        .expect("a sign-in link in the email")
}

fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let mut out = Vec::new();
    let bytes = joined.as_bytes();
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

/// The CSRF token in a page's form.
pub fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no CSRF token in the page: {html}"))
}

/// A browser: its own cookie jar, no automatic redirects.
pub struct Browser {
    pub base: String,
    pub client: reqwest::Client,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        Browser {
            base: base.to_owned(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .build()
                .expect("client"),
        }
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_text(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("body")
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// Sends the same form `times` times at once, from this browser (same
    /// session), and returns the statuses.
    pub async fn post_form_in_parallel(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        times: usize,
    ) -> Vec<u16> {
        let owned: Vec<(String, String)> = fields
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        let handles: Vec<_> = (0..times)
            .map(|_| {
                let (client, url, fields) = (self.client.clone(), self.url(path), owned.clone());
                tokio::spawn(async move {
                    client
                        .post(url)
                        .form(&fields)
                        .send()
                        .await
                        .expect("POST")
                        .status()
                        .as_u16()
                })
            })
            .collect();
        let mut statuses = Vec::new();
        for handle in handles {
            statuses.push(handle.await.expect("task"));
        }
        statuses
    }
}

/// A child process killed when dropped (identity providers, SMTP sinks).
pub struct ChildGuard(pub std::process::Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The folder of the test identity providers, with its npm packages installed.
pub fn oidc_dir() -> PathBuf {
    static INSTALLED: OnceLock<PathBuf> = OnceLock::new();
    INSTALLED
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/oidc");
            if !dir.join("node_modules/oidc-provider").exists() {
                let status = std::process::Command::new("npm")
                    .args(["ci", "--no-audit", "--no-fund", "--silent"])
                    .current_dir(&dir)
                    .status()
                    .expect("npm is needed for the identity tests: apt-get install nodejs npm");
                assert!(status.success(), "npm ci in tests/oidc failed");
            }
            dir
        })
        .clone()
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("free port")
}

/// Starts a node script from tests/oidc and waits until it says "ready".
pub fn start_node(script: &str, args: &[String]) -> ChildGuard {
    use std::io::BufRead;
    let mut child = std::process::Command::new("node")
        .arg(script)
        .args(args)
        .current_dir(oidc_dir())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("node is needed for the identity tests: apt-get install nodejs");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufReader::new(stdout).lines();
    match lines.next() {
        Some(Ok(line)) if line.starts_with("ready") => {}
        other => panic!("{script} did not start: {other:?}"),
    }
    // Keep reading, so that later output never meets a closed pipe.
    std::thread::spawn(move || lines.for_each(drop));
    ChildGuard(child)
}

/// A real SMTP server (PyPI aiosmtpd) that keeps every message in a maildir.
pub struct SmtpSink {
    pub port: u16,
    folder: tempfile::TempDir,
    _process: ChildGuard,
}

impl SmtpSink {
    /// Starts a sink on a free port.
    pub fn start() -> Self {
        Self::start_on(free_port())
    }

    /// Starts a sink on `port`.
    pub fn start_on(port: u16) -> Self {
        ensure_aiosmtpd();
        let folder = tempfile::tempdir().expect("maildir");
        let process = ChildGuard(
            std::process::Command::new("python3")
                .args([
                    "-m",
                    "aiosmtpd",
                    "-n",
                    "-l",
                    &format!("127.0.0.1:{port}"),
                    "-c",
                    "aiosmtpd.handlers.Mailbox",
                ])
                // The handler creates the maildir itself, so it must not exist yet.
                .arg(folder.path().join("maildir"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("python3 is needed for the email tests"),
        );
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return SmtpSink {
                    port,
                    folder,
                    _process: process,
                };
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("the SMTP sink did not start");
    }

    /// The messages received so far, decoded.
    pub fn messages(&self) -> Vec<String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.folder.path().join("maildir/new"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| decode_quoted_printable(&std::fs::read_to_string(path).unwrap_or_default()))
            .collect()
    }

    /// The URL to give the app.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }
}

fn ensure_aiosmtpd() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let present = std::process::Command::new("python3")
            .args(["-c", "import aiosmtpd"])
            .status()
            .is_ok_and(|status| status.success());
        if !present {
            let status = std::process::Command::new("python3")
                .args(["-m", "pip", "install", "--quiet", "aiosmtpd"])
                .status()
                .expect("python3 with pip is needed for the email tests");
            assert!(status.success(), "pip install aiosmtpd failed");
        }
    });
}

/// Grants `role` to `email` (creating the account if needed), at `coe`
/// when the role is scoped to a CoE.
pub fn grant(
    db: &TestDb,
    email: &str,
    role: atmp_academy::identity::models::Role,
    coe: Option<&str>,
) {
    atmp_academy::identity::service::grant_role(
        &mut db.connect(),
        atmp_academy::audit::Actor::Cli,
        &atmp_academy::identity::service::GrantRequest {
            email: email.to_owned(),
            role,
            coe_slug: coe.map(str::to_owned),
            course_slug: None,
            create_with_name: Some(email.split('@').next().unwrap_or(email).to_owned()),
        },
    )
    .expect("grant");
}

/// An account as the session sees it (its grants included).
pub fn session_user(db: &TestDb, email: &str) -> atmp_academy::identity::models::SessionUser {
    let mut connection = db.connect();
    let user = atmp_academy::identity::queries::user_by_email(&mut connection, email)
        .expect("query")
        .expect("the person exists");
    atmp_academy::identity::service::session_user(&mut connection, user.id)
        .expect("load")
        .expect("exists")
}

/// A running test OpenID Connect provider (npm oidc-provider), registered
/// with the app under `slug`.
pub struct IdentityProviderProcess {
    pub _process: ChildGuard,
    pub slug: String,
}

/// Registers a provider with the app (its institutions by slug).
pub fn add_provider(
    app: &TestApp,
    slug: &str,
    issuer: &str,
    client_id: &str,
    claim: &str,
    institutions: &[&str],
) {
    atmp_academy::identity::service::add_provider(
        &mut app.db.connect(),
        atmp_academy::audit::Actor::Cli,
        &atmp_academy::identity::service::ProviderInput {
            slug: slug.to_owned(),
            display_name: format!("Provider {slug}"),
            issuer_url: issuer.to_owned(),
            client_id: client_id.to_owned(),
            client_secret: format!("{client_id}-secret"),
            institution_claim: claim.to_owned(),
            institution_slugs: institutions.iter().map(|slug| (*slug).to_owned()).collect(),
        },
    )
    .expect("add provider");
}

/// Starts a real provider whose accounts are `<login>@<domain>` and
/// registers it for the standard tree's `alpha-hospital`.
pub fn start_real_provider(app: &TestApp, slug: &str, domain: &str) -> IdentityProviderProcess {
    let port = free_port();
    let client_id = format!("academy-{slug}");
    let redirect = format!("{}/login/oidc/{slug}/callback", app.address);
    let process = start_node(
        "provider.mjs",
        &[
            port.to_string(),
            domain.to_owned(),
            client_id.clone(),
            format!("{client_id}-secret"),
            redirect,
        ],
    );
    add_provider(
        app,
        slug,
        &format!("http://127.0.0.1:{port}"),
        &client_id,
        "schac_home_organization",
        &["alpha-hospital"],
    );
    IdentityProviderProcess {
        _process: process,
        slug: slug.to_owned(),
    }
}

/// Server errors (a 500's cause) appear in a failing test's output.
fn log_server_errors_to_the_test_output() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("error"))
            .with_test_writer()
            .try_init();
    });
}
