//! The run command with `DATABASE_URL` unset: the binary starts a private
//! PostgreSQL from the system binaries in its data directory, serves, and
//! stops the cluster when it exits — also when it is killed outright.

use std::io::Read;
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::fixtures::standard_tree;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("free port")
}

fn start(data_dir: &Path, courses: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_atmp-academy"))
        .env_remove("DATABASE_URL")
        .env("ATMP_DATA_DIR", data_dir)
        .env("ATMP_BIND", format!("127.0.0.1:{port}"))
        .env("ATMP_COURSES_DIR", courses)
        .env(
            "ATMP_TEMPLATES_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
        )
        .env("ATMP_HTTP_WORKERS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the binary")
}

async fn wait_until_ready(child: &mut Child, port: u16) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                let _ = pipe.read_to_string(&mut stderr);
            }
            panic!("the binary exited ({status}) before it was ready:\n{stderr}");
        }
        if let Ok(response) = client
            .get(format!("http://127.0.0.1:{port}/readyz"))
            .send()
            .await
            && response.status() == 200
        {
            return;
        }
        assert!(Instant::now() < deadline, "not ready within 90 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The postmaster's pid from its pid file, if the cluster is running.
fn postmaster_pid(data_dir: &Path) -> Option<i32> {
    let text = std::fs::read_to_string(data_dir.join("postgres/pgdata/postmaster.pid")).ok()?;
    text.lines().next()?.trim().parse().ok()
}

fn process_alive(pid: i32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| stat.contains(") Z "))
}

async fn wait_for_exit(pid: i32) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if !process_alive(pid) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

/// A data directory the `postgres` user can reach when the tests run as root.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    dir
}

#[tokio::test]
async fn binary_without_database_url_starts_private_postgres_and_stops_it_on_exit() {
    let data = data_dir();
    let courses = standard_tree();
    let port = free_port();
    let mut child = start(data.path(), courses.path(), port);
    wait_until_ready(&mut child, port).await;
    let body = reqwest::get(format!("http://127.0.0.1:{port}/api/v1/courses"))
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(body.contains("cleanroom-basics"), "{body}");
    let pid = postmaster_pid(data.path()).expect("the cluster runs under the data directory");
    let pid_file = std::fs::read_to_string(data.path().join("postgres/pgdata/postmaster.pid"))
        .expect("pid file");
    let lines: Vec<&str> = pid_file.lines().collect();
    assert_eq!(
        lines.get(5).map(|line| line.trim()),
        Some(""),
        "no TCP listen address: Unix socket only"
    );
    assert!(
        lines
            .get(4)
            .is_some_and(|socket_dir| socket_dir.starts_with(data.path().to_str().unwrap_or("?")))
    );
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(i32::try_from(child.id()).expect("pid")),
        nix::sys::signal::Signal::SIGTERM,
    )
    .expect("SIGTERM");
    let status = child.wait().expect("wait");
    assert!(status.success(), "clean exit on SIGTERM: {status}");
    assert!(wait_for_exit(pid).await, "postgres stops with the platform");

    // A second start reuses the cluster (and the imported data).
    let port = free_port();
    let mut child = start(data.path(), courses.path(), port);
    wait_until_ready(&mut child, port).await;
    let pid = postmaster_pid(data.path()).expect("running again");
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    assert!(
        wait_for_exit(pid).await,
        "postgres stops when the platform is killed"
    );
}
