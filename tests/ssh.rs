//! The browser over a real SSH session on the loopback address: the client
//! drops, and the remote `esf` ends and leaves its cache intact. Needs
//! OpenSSH's server (`.ci/run` installs it); skipped with a reason without.

mod common;

use common::pty::Screen;
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
        let port = 20_000 + (std::process::id() % 20_000) as u16;
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

#[test]
fn a_dropped_ssh_link_ends_the_remote_browser_and_keeps_the_cache() {
    let Some(sshd) = sshd() else {
        eprintln!("skipped: no OpenSSH server here (.ci/run installs openssh-server)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &sshd);
    let db = dir.path().join("remote-cache.sqlite");
    let esf = env!("CARGO_BIN_EXE_esf");
    let remote = format!(
        "exec env TERM=xterm-256color ESF_LANG=en XDG_CONFIG_HOME=/nonexistent {esf} --db {}",
        db.display()
    );
    let user = std::env::var("USER").unwrap_or_else(|_| "root".into());
    // The client has a terminal of its own, as a caseworker's has, so the
    // remote one gets its size.
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
    let mut client = pair.slave.spawn_command(ssh).unwrap();
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
