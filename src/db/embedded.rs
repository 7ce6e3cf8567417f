//! A private PostgreSQL cluster for when `DATABASE_URL` is unset: started
//! from the system's binaries under `<data-dir>/postgres`, reachable only
//! through a Unix socket, and stopped when the platform exits — also when
//! the platform is killed, through the kernel's parent-death signal.
//!
//! `initdb` refuses to run as root, so when the platform runs as root the
//! cluster's processes run as the `postgres` system user.
//!
//! Start it from the process's main thread: the parent-death signal fires
//! when the *thread* that spawned the server exits.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, RunQueryDsl};
use nix::sys::signal::{Signal, kill};
use nix::unistd::{Gid, Pid, Uid, User, chown};
use sha2::{Digest, Sha256};

/// The database the platform uses inside the private cluster.
const DATABASE_NAME: &str = "atmp";
/// How long the server may take to accept connections.
const START_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a fast shutdown may take before the server is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(20);
/// The longest Unix socket path Linux accepts (`sun_path` less the NUL).
const MAX_SOCKET_PATH: usize = 107;

/// Why the private cluster could not be started.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error(
        "PostgreSQL's server binaries (initdb, postgres) were not found{searched}.\n\
         Either install them (`sudo apt-get install postgresql`, or set PG_BINDIR to the \
         directory holding them), or set DATABASE_URL to a running server, e.g. \
         DATABASE_URL=postgres://postgres@127.0.0.1:5432/atmp"
    )]
    BinariesNotFound { searched: String },
    #[error(
        "running as root, the private PostgreSQL cluster must run as the `postgres` system user, \
         which does not exist. Install PostgreSQL (`apt-get install postgresql`), run as a normal \
         user, or set DATABASE_URL to a running server"
    )]
    NoPostgresUser,
    #[error("{action}: {source}")]
    Io { action: String, source: io::Error },
    #[error("initdb failed (exit status {status}); its output:\n{output}")]
    InitdbFailed { status: String, output: String },
    #[error(
        "PostgreSQL did not start; the end of its log ({log}) says:\n{tail}\n\
         If another ATMP Academy already runs with this data directory, stop it or choose \
         another ATMP_DATA_DIR"
    )]
    ServerFailed { log: String, tail: String },
    #[error("PostgreSQL did not accept connections within {0:?}; see {1}")]
    StartTimeout(Duration, String),
    #[error("creating the `{DATABASE_NAME}` database failed: {0}")]
    CreateDatabase(String),
}

fn io_error(action: impl Into<String>) -> impl FnOnce(io::Error) -> EmbeddedError {
    let action = action.into();
    move |source| EmbeddedError::Io { action, source }
}

/// A running private cluster; stopped (fast shutdown) when dropped.
#[derive(Debug)]
pub struct EmbeddedPostgres {
    server: Child,
    database_url: String,
    cluster_dir: PathBuf,
    socket_dir: PathBuf,
}

/// Who the cluster's processes run as.
#[derive(Debug, Clone, Copy)]
struct ClusterOwner {
    uid: Uid,
    gid: Gid,
    /// True when we must switch to this user for the cluster's processes.
    switch_user: bool,
}

impl EmbeddedPostgres {
    /// Initialises the cluster on first use, starts the server and creates
    /// the platform's database.
    pub fn start(data_dir: &Path, pg_bindir: Option<&Path>) -> Result<Self, EmbeddedError> {
        let bindir = find_bindir(pg_bindir)?;
        let owner = cluster_owner()?;
        fs::create_dir_all(data_dir).map_err(io_error(format!(
            "creating data directory {}",
            data_dir.display()
        )))?;
        let data_dir = data_dir.canonicalize().map_err(io_error(format!(
            "resolving data directory {}",
            data_dir.display()
        )))?;
        let cluster_dir = cluster_dir_for(&data_dir, owner);
        prepare_private_dir(&cluster_dir, owner)?;

        let pgdata = cluster_dir.join("pgdata");
        if !pgdata.join("PG_VERSION").exists() {
            initdb(&bindir, &pgdata, owner)?;
        }
        let socket_dir = socket_dir_for(&cluster_dir, owner)?;
        let log_path = cluster_dir.join("postgres.log");
        let server = spawn_server(&bindir, &pgdata, &socket_dir, &log_path, owner)?;
        let mut embedded = EmbeddedPostgres {
            server,
            database_url: socket_url(&socket_dir, DATABASE_NAME),
            cluster_dir,
            socket_dir: PathBuf::new(),
        };
        embedded.wait_until_ready(&socket_dir, &log_path)?;
        embedded.socket_dir = socket_dir;
        create_database(&embedded.url_for_database("postgres"))?;
        tracing::info!(cluster = %embedded.cluster_dir.display(), "private PostgreSQL started");
        Ok(embedded)
    }

    /// The URL to connect to the platform's database.
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    /// The URL of another database in the same cluster.
    pub fn url_for_database(&self, name: &str) -> String {
        socket_url(&self.socket_dir, name)
    }

    fn wait_until_ready(
        &mut self,
        socket_dir: &Path,
        log_path: &Path,
    ) -> Result<(), EmbeddedError> {
        let deadline = Instant::now() + START_TIMEOUT;
        let admin_url = socket_url(socket_dir, "postgres");
        loop {
            if let Ok(Some(_status)) = self.server.try_wait() {
                return Err(EmbeddedError::ServerFailed {
                    log: log_path.display().to_string(),
                    tail: log_tail(log_path),
                });
            }
            if PgConnection::establish(&admin_url).is_ok() {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(EmbeddedError::StartTimeout(
                    START_TIMEOUT,
                    log_path.display().to_string(),
                ));
            }
            sleep(Duration::from_millis(20));
        }
    }

    fn stop(&mut self) {
        if let Ok(Some(_)) = self.server.try_wait() {
            return;
        }
        let Ok(raw_pid) = i32::try_from(self.server.id()) else {
            return;
        };
        let pid = Pid::from_raw(raw_pid);
        // SIGINT is PostgreSQL's "fast" shutdown: roll back, checkpoint, exit.
        if kill(pid, Signal::SIGINT).is_err() {
            return;
        }
        let deadline = Instant::now() + STOP_TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.server.try_wait() {
                tracing::info!("private PostgreSQL stopped");
                return;
            }
            sleep(Duration::from_millis(20));
        }
        tracing::warn!("private PostgreSQL did not stop in time; sending SIGQUIT");
        let _ = kill(pid, Signal::SIGQUIT);
        let _ = self.server.wait();
    }
}

impl Drop for EmbeddedPostgres {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Finds the directory holding `initdb` and `postgres`.
fn find_bindir(explicit: Option<&Path>) -> Result<PathBuf, EmbeddedError> {
    let has_server = |dir: &Path| dir.join("initdb").is_file() && dir.join("postgres").is_file();
    let mut searched = Vec::new();
    if let Some(dir) = explicit {
        if has_server(dir) {
            return Ok(dir.to_path_buf());
        }
        return Err(EmbeddedError::BinariesNotFound {
            searched: format!(" in PG_BINDIR={}", dir.display()),
        });
    }
    if let Ok(output) = Command::new("pg_config").arg("--bindir").output()
        && output.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        if has_server(&dir) {
            return Ok(dir);
        }
        searched.push(dir.display().to_string());
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let initdb = dir.join("initdb");
            if let Ok(resolved) = initdb.canonicalize()
                && let Some(real_dir) = resolved.parent()
                && has_server(real_dir)
            {
                return Ok(real_dir.to_path_buf());
            }
        }
        searched.push("PATH".to_owned());
    }
    let mut versioned: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .filter(|(_, dir)| has_server(dir))
        .collect();
    versioned.sort();
    if let Some((_, dir)) = versioned.pop() {
        return Ok(dir);
    }
    searched.push("/usr/lib/postgresql/*/bin".to_owned());
    Err(EmbeddedError::BinariesNotFound {
        searched: format!(" (looked in: {})", searched.join(", ")),
    })
}

fn cluster_owner() -> Result<ClusterOwner, EmbeddedError> {
    let me = Uid::effective();
    if !me.is_root() {
        return Ok(ClusterOwner {
            uid: me,
            gid: Gid::effective(),
            switch_user: false,
        });
    }
    match User::from_name("postgres") {
        Ok(Some(user)) => Ok(ClusterOwner {
            uid: user.uid,
            gid: user.gid,
            switch_user: true,
        }),
        _ => Err(EmbeddedError::NoPostgresUser),
    }
}

/// `<data-dir>/postgres`, unless we run as root and the `postgres` user
/// cannot reach the data directory (e.g. under `/root`): then a directory
/// under `/var/tmp` named after the data directory, so it is kept across
/// restarts and stays one cluster per data directory.
fn cluster_dir_for(data_dir: &Path, owner: ClusterOwner) -> PathBuf {
    let preferred = data_dir.join("postgres");
    if !owner.switch_user || reachable_by(data_dir, owner) {
        return preferred;
    }
    let digest = Sha256::digest(data_dir.as_os_str().as_encoded_bytes());
    let fallback =
        PathBuf::from("/var/tmp").join(format!("atmp-academy-{}", &hex::encode(digest)[..16]));
    tracing::warn!(
        data_dir = %data_dir.display(),
        cluster = %fallback.display(),
        "the postgres user cannot reach the data directory; keeping the private cluster elsewhere"
    );
    fallback
}

/// Whether `owner` can traverse every directory from `/` down to `dir`.
fn reachable_by(dir: &Path, owner: ClusterOwner) -> bool {
    dir.ancestors()
        .all(|ancestor| match fs::metadata(ancestor) {
            Ok(meta) => {
                let mode = meta.permissions().mode();
                (meta.uid() == owner.uid.as_raw() && mode & 0o100 != 0)
                    || (meta.gid() == owner.gid.as_raw() && mode & 0o010 != 0)
                    || mode & 0o001 != 0
            }
            Err(_) => false,
        })
}

/// Creates `dir` (mode 0700) owned by the cluster's user.
fn prepare_private_dir(dir: &Path, owner: ClusterOwner) -> Result<(), EmbeddedError> {
    fs::create_dir_all(dir).map_err(io_error(format!("creating {}", dir.display())))?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io_error(format!(
        "setting permissions on {}",
        dir.display()
    )))?;
    if owner.switch_user {
        chown(dir, Some(owner.uid), Some(owner.gid)).map_err(|errno| EmbeddedError::Io {
            action: format!("giving {} to the postgres user", dir.display()),
            source: io::Error::from(errno),
        })?;
    }
    Ok(())
}

/// The socket directory: `<cluster>/run`, or a short directory under the
/// temporary directory when that path would be too long for a socket.
fn socket_dir_for(cluster_dir: &Path, owner: ClusterOwner) -> Result<PathBuf, EmbeddedError> {
    let socket_name_len = "/.s.PGSQL.5432".len();
    let preferred = cluster_dir.join("run");
    let dir = if preferred.as_os_str().len() + socket_name_len <= MAX_SOCKET_PATH {
        preferred
    } else {
        let digest = Sha256::digest(cluster_dir.as_os_str().as_encoded_bytes());
        PathBuf::from("/tmp").join(format!("atmp-pg-{}", &hex::encode(digest)[..12]))
    };
    prepare_private_dir(&dir, owner)?;
    Ok(dir)
}

/// Makes `command` run as the cluster's user, in its own process group (so a
/// Ctrl-C in the terminal reaches the platform, which then stops the server
/// in order), and die with its parent.
fn as_cluster_process(command: &mut Command, owner: ClusterOwner) {
    if owner.switch_user {
        command.uid(owner.uid.as_raw()).gid(owner.gid.as_raw());
    }
    command.process_group(0);
    let parent = std::process::id();
    // SAFETY: only async-signal-safe calls (prctl, getppid, _exit) run
    // between fork and exec. They run after the uid switch, so the
    // parent-death signal is not cleared by the credential change.
    unsafe {
        command.pre_exec(move || {
            if libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGINT as libc::c_ulong,
                0,
                0,
                0,
            ) != 0
            {
                return Err(io::Error::last_os_error());
            }
            if u32::try_from(libc::getppid()).ok() != Some(parent) {
                libc::_exit(1);
            }
            Ok(())
        });
    }
}

fn initdb(bindir: &Path, pgdata: &Path, owner: ClusterOwner) -> Result<(), EmbeddedError> {
    tracing::info!(pgdata = %pgdata.display(), "initialising the private PostgreSQL cluster");
    let run = |locale_args: &[&str]| -> Result<std::process::Output, EmbeddedError> {
        let mut command = Command::new(bindir.join("initdb"));
        command
            .arg("-D")
            .arg(pgdata)
            .args(["-U", "postgres", "--auth=trust", "--encoding=UTF8"])
            .args(locale_args)
            .stdin(Stdio::null());
        as_cluster_process(&mut command, owner);
        command.output().map_err(io_error("running initdb"))
    };
    let mut output = run(&["--locale=C.UTF-8"])?;
    if !output.status.success() {
        let _ = fs::remove_dir_all(pgdata);
        output = run(&["--no-locale"])?;
    }
    if output.status.success() {
        return Ok(());
    }
    let _ = fs::remove_dir_all(pgdata);
    Err(EmbeddedError::InitdbFailed {
        status: output.status.to_string(),
        output: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    })
}

fn spawn_server(
    bindir: &Path,
    pgdata: &Path,
    socket_dir: &Path,
    log_path: &Path,
    owner: ClusterOwner,
) -> Result<Child, EmbeddedError> {
    let log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log_path)
        .map_err(io_error(format!("opening {}", log_path.display())))?;
    if owner.switch_user {
        let _ = chown(log_path, Some(owner.uid), Some(owner.gid));
    }
    let log_for_stderr = log
        .try_clone()
        .map_err(io_error("duplicating the log handle"))?;
    let mut command = Command::new(bindir.join("postgres"));
    command
        .arg("-D")
        .arg(pgdata)
        .arg("-k")
        .arg(socket_dir)
        .args([
            "-c",
            "listen_addresses=",
            "-c",
            "unix_socket_permissions=0700",
        ])
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_for_stderr);
    as_cluster_process(&mut command, owner);
    command.spawn().map_err(io_error("starting postgres"))
}

fn create_database(admin_url: &str) -> Result<(), EmbeddedError> {
    let mut connection = PgConnection::establish(admin_url)
        .map_err(|error| EmbeddedError::CreateDatabase(error.to_string()))?;
    #[derive(diesel::QueryableByName)]
    struct Exists {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        exists: bool,
    }
    let found: Exists =
        diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
            .bind::<diesel::sql_types::Text, _>(DATABASE_NAME)
            .get_result(&mut connection)
            .map_err(|error| EmbeddedError::CreateDatabase(error.to_string()))?;
    if !found.exists {
        diesel::sql_query(format!("CREATE DATABASE {DATABASE_NAME}"))
            .execute(&mut connection)
            .map_err(|error| EmbeddedError::CreateDatabase(error.to_string()))?;
    }
    Ok(())
}

/// A libpq URL for a Unix socket directory.
fn socket_url(socket_dir: &Path, database: &str) -> String {
    let mut host = String::new();
    for byte in socket_dir.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                host.push(char::from(*byte))
            }
            other => host.push_str(&format!("%{other:02X}")),
        }
    }
    format!("postgres://postgres@/{database}?host={host}")
}

/// The last few lines of the server log, for error messages.
fn log_tail(log_path: &Path) -> String {
    let Ok(mut file) = fs::File::open(log_path) else {
        return "(no log written)".to_owned();
    };
    let length = file.metadata().map(|meta| meta.len()).unwrap_or(0);
    let _ = file.seek(SeekFrom::Start(length.saturating_sub(2000)));
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes)
        .lines()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_url_escapes_unusual_characters() {
        let url = socket_url(Path::new("/tmp/my data/run"), "atmp");
        assert_eq!(url, "postgres://postgres@/atmp?host=/tmp/my%20data/run");
    }

    #[test]
    fn explicit_bindir_without_binaries_names_both_ways_out() {
        let error = find_bindir(Some(Path::new("/nonexistent")))
            .unwrap_err()
            .to_string();
        assert!(error.contains("apt-get install postgresql"), "{error}");
        assert!(error.contains("DATABASE_URL"), "{error}");
    }
}
