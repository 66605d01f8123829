//! The browser over a real SSH session on the loopback address: the client
//! drops, and the remote `esf` ends and leaves its cache intact. Needs
//! OpenSSH's server (`.ci/run` installs it); skipped with a reason without.

mod common;

use common::pty::Screen;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn sshd() -> Option<PathBuf> {
    ["/usr/sbin/sshd", "/usr/bin/sshd"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// A throwaway server on a high port that lets in one throwaway key.
struct Server {
    process: Child,
    port: u16,
    key: PathBuf,
}

impl Server {
    fn start(dir: &Path, sshd: &Path) -> Server {
        keygen(&dir.join("host"));
        let key = dir.join("user");
        keygen(&key);
        std::fs::copy(dir.join("user.pub"), dir.join("authorized_keys")).unwrap();
        let _ = std::fs::create_dir_all("/run/sshd");
        // Tests of one run each get their own port.
        static NEXT: std::sync::atomic::AtomicU16 = std::sync::atomic::AtomicU16::new(0);
        let next = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let port = 20_000 + (std::process::id() % 10_000) as u16 * 2 + next;
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nAuthorizedKeysFile {keys}\n\
             PermitRootLogin yes\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             PidFile {pid}\nClientAliveInterval 1\nClientAliveCountMax 2\n",
            host = dir.join("host").display(),
            keys = dir.join("authorized_keys").display(),
            pid = dir.join("sshd.pid").display(),
        );
        std::fs::write(dir.join("sshd_config"), config).unwrap();
        let process = Command::new(sshd)
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(dir.join("sshd_config"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(500));
        Server { process, port, key }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn running_with(marker: &str) -> bool {
    Command::new("pgrep")
        .args(["-f", marker])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A server in a new directory, or None (said) where OpenSSH's server is
/// not installed.
fn server_or_skip() -> Option<(tempfile::TempDir, Server)> {
    let Some(sshd) = sshd() else {
        eprintln!("skipped: no OpenSSH server here (.ci/run installs openssh-server)");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &sshd);
    Some((dir, server))
}

/// An `ssh -tt` client in a terminal of its own (80×24), as a caseworker's
/// has, so the remote side gets its size, running `remote` there.
fn connect(
    server: &Server,
    remote: &str,
) -> (
    portable_pty::PtyPair,
    Box<dyn portable_pty::Child + Send + Sync>,
) {
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    let pair = common::pty::terminal_80x24();
    let mut ssh = portable_pty::CommandBuilder::new("ssh");
    ssh.args(["-tt", "-p", &server.port.to_string(), "-i"]);
    ssh.arg(&server.key);
    for option in [
        "StrictHostKeyChecking=no",
        "UserKnownHostsFile=/dev/null",
        "BatchMode=yes",
        "LogLevel=ERROR",
    ] {
        ssh.args(["-o", option]);
    }
    ssh.arg(format!("{user}@127.0.0.1"));
    ssh.arg(remote);
    let client = pair.slave.spawn_command(ssh).unwrap();
    (pair, client)
}

#[test]
fn a_dropped_ssh_link_ends_the_remote_browser_and_keeps_the_cache() {
    let Some((dir, server)) = server_or_skip() else {
        return;
    };
    let db = dir.path().join("remote-cache.sqlite");
    let esf = env!("CARGO_BIN_EXE_esf");
    let remote = format!(
        "exec env TERM=xterm-256color ESF_LANG=en XDG_CONFIG_HOME=/nonexistent {esf} --db {}",
        db.display()
    );
    let (pair, mut client) = connect(&server, &remote);
    let screen = Screen::watch(pair.master.try_clone_reader().unwrap(), 24, 80);
    screen.wait_for("5/5 projects");
    let marker = db.display().to_string();
    assert!(running_with(&marker), "esf runs on the far side");

    // The link drops: the client dies without a word to the server.
    let pid = client.process_id().unwrap().to_string();
    assert!(Command::new("kill")
        .args(["-s", "KILL", &pid])
        .status()
        .unwrap()
        .success());
    let _ = client.wait();
    drop(pair);
    let deadline = Instant::now() + Duration::from_secs(10);
    while running_with(&marker) {
        assert!(
            Instant::now() < deadline,
            "esf lingers after the link dropped"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let projects: i64 = conn
        .query_row("SELECT count(*) FROM projects", [], |r| r.get(0))
        .unwrap();
    assert_eq!(projects, 5);
}

/// What the answers' screens say in one language, in the order walked.
struct Said {
    lang: &'static str,
    loaded: &'static str,
    overlaps: &'static str,
    coverage: &'static str,
    timeline: &'static str,
    dossier: &'static str,
}

#[test]
fn the_answers_screens_work_over_ssh_at_80x24_in_both_languages() {
    let Some((dir, server)) = server_or_skip() else {
        return;
    };
    let db = dir.path().join("remote-cache.sqlite");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut import = common::esf_beside(&db);
    import
        .arg("import")
        .arg(fixtures.join("overlaps"))
        .arg(fixtures.join("coverage"));
    assert!(common::run_checked(&mut import).status.success());
    for said in [
        Said {
            lang: "en",
            loaded: "16/16 projects",
            overlaps: "Overlaps · every organisation",
            coverage: "Coverage · Sweden · programme area",
            timeline: "Timeline of",
            dossier: "dossier written to",
        },
        Said {
            lang: "sv",
            loaded: "16/16 projekt",
            overlaps: "Överlapp · alla organisationer",
            coverage: "Täckning · Sverige · programområde",
            timeline: "Tidslinje för",
            dossier: "akten skriven till",
        },
    ] {
        walk_the_answers(&server, &db, dir.path(), &said);
    }
}

/// Overlaps, coverage, timeline and a dossier to a file, over SSH; `q`
/// ends the remote browser with status 0.
fn walk_the_answers(server: &Server, db: &Path, dir: &Path, said: &Said) {
    let home = dir.join(format!("home-{}", said.lang));
    std::fs::create_dir_all(&home).unwrap();
    let esf = env!("CARGO_BIN_EXE_esf");
    let remote = format!(
        "exec env TERM=xterm-256color ESF_LANG={} HOME={} XDG_CONFIG_HOME=/nonexistent {esf} --db {}",
        said.lang,
        home.display(),
        db.display()
    );
    let (pair, mut client) = connect(server, &remote);
    let screen = Screen::watch(pair.master.try_clone_reader().unwrap(), 24, 80);
    let mut keys = pair.master.take_writer().unwrap();
    screen.wait_for(said.loaded);
    for (key, title) in [
        (&b"O"[..], said.overlaps),
        (b"\x1b", said.loaded),
        (b"C", said.coverage),
        (b"\x1b", said.loaded),
        (b"T", said.timeline),
        (b"\x1b", said.loaded),
        (b"Df", said.dossier),
    ] {
        keys.write_all(key).unwrap();
        screen.wait_for(title);
    }
    let written: Vec<_> = std::fs::read_dir(&home)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("esf-dossier-"))
        .collect();
    assert_eq!(written.len(), 1, "one dossier in the remote home");
    let mode = written[0].metadata().unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "a dossier is the caseworker's own");
    keys.write_all(b"q").unwrap();
    assert_eq!(common::pty::wait_exit(&mut *client).exit_code(), 0);
}
