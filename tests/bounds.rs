//! Every input has a bound it is refused or cut at, with one line saying
//! so, and nothing grows faster than its input: huge queries and pastes,
//! hostile HTML, long prose lists, FIFOs and devices where a file is read,
//! deep folders, large exports. Through the real binary; a hang fails on a
//! time-out rather than blocking the suite, and memory is the child's own
//! peak (no timed assertions).

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A finished run of the binary: what it said and its peak memory.
struct Ran {
    status: ExitStatus,
    stdout: String,
    stderr: String,
    peak_mb: u64,
}

/// Runs `cmd` to its end, killed (and the test failed) after `limit`: a
/// hang is a failure, never a stuck suite. The peak resident memory is
/// the child's own high-water mark (`VmHWM`), read every few milliseconds
/// while it runs: what the kernel keeps for a child at its end (wait4,
/// getrusage) also holds this test process's own peak, which a spawned
/// child shares until it runs esf.
fn run_within(cmd: &mut Command, limit: Duration) -> Ran {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = r.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let status_file = format!("/proc/{}/status", child.id());
    let deadline = Instant::now() + limit;
    let mut peak_kb = 0;
    let status = loop {
        if let Some(kb) = high_water_kb(&status_file) {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("esf {cmd:?} still running after {limit:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let ran = Ran {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        peak_mb: peak_kb / 1024,
    };
    assert!(!ran.stderr.contains("panicked"), "{}", ran.stderr);
    ran
}

/// A running process's peak resident memory, from its status file.
fn high_water_kb(status_file: &str) -> Option<u64> {
    let status = std::fs::read_to_string(status_file).ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    line.trim().trim_end_matches("kB").trim().parse().ok()
}

fn run(cmd: &mut Command) -> Ran {
    run_within(cmd, Duration::from_secs(60))
}

/// The binary over a cache and notes in `dir`, with English messages.
fn esf(dir: &Path) -> Command {
    common::esf_over(&dir.join("cache.sqlite"), &dir.join("notes.sqlite"))
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus")
}

/// A cache holding the sample corpus.
fn imported() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ran = run(esf(dir.path()).arg("import").arg(corpus()));
    assert!(ran.status.success(), "{}", ran.stderr);
    dir
}

/// The one line a refusal gives.
fn one_line(ran: &Ran) -> &str {
    let lines: Vec<&str> = ran.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line, not {:?}", ran.stderr);
    lines[0]
}

/// A project-bank record whose description names `n` partners in prose.
fn record_with_partners(n: usize) -> String {
    let names: Vec<String> = (0..n).map(|i| format!("Organisation{i} AB")).collect();
    record_with_prose(&format!(
        "Samverkande aktörer i projektet är {} och Sista AB.",
        names.join(", ")
    ))
}

/// A project-bank record whose description, after its first sentence,
/// is `prose`.
fn record_with_prose(prose: &str) -> String {
    format!(
        "2015/00730 - effektbutiken\n\nDiarienummer:\n2015/00730\nNamn:\neffektbutiken\n\
         Projektägare:\nGöteborgs Stad\nRegion:\nVästsverige\n\n\
         Om projektet. {prose}\n"
    )
}

#[test]
fn a_query_past_256_characters_is_refused_in_one_line() {
    let dir = imported();
    let huge = "vellinge ".repeat(33_000 / 9);
    let queries: [&[&str]; 4] = [
        &["list", "--filter", &huge],
        &["export", "--format", "json", "--filter", &huge],
        &["search", &huge],
        &["orgs", "--filter", &huge],
    ];
    for args in queries {
        let ran = run(esf(dir.path()).args(args));
        assert_eq!(ran.status.code(), Some(2), "{args:.1?}: {}", ran.stderr);
        let line = one_line(&ran);
        assert!(line.contains("at most 256 are read"), "{line}");
        assert!(ran.stdout.is_empty(), "{}", ran.stdout);
        assert!(ran.peak_mb < 200, "{args:.1?}: {} MB", ran.peak_mb);
    }
    let longest = format!("{} vellinge", "x".repeat(256 - 9));
    let ran = run(esf(dir.path()).args(["list", "--filter", &longest]));
    assert_eq!(
        ran.status.code(),
        Some(1),
        "read, found nothing: {}",
        ran.stderr
    );
}

#[test]
fn an_id_past_256_characters_is_refused_in_one_line_before_any_lookup() {
    let dir = imported();
    // An unknown ID is compared with every key and name for "did you
    // mean"; one of 128 KB is refused before that.
    let huge = "2015/00730".repeat(128 * 1024 / 10);
    let commands: [&[&str]; 9] = [
        &["show", &huge],
        &["timeline", &huge],
        &["show", "--json", &huge],
        &["graph", &huge],
        &["related", &huge],
        &["note", &huge, "en anteckning"],
        &["note", &huge],
        &["bookmark", &huge],
        &["review", &huge, "done"],
    ];
    for args in commands {
        let ran = run(esf(dir.path()).args(args));
        assert_eq!(ran.status.code(), Some(2), "{}: {}", args[0], ran.stderr);
        let line = one_line(&ran);
        assert!(
            line.contains("the ID has 131070 characters; at most 256 are read"),
            "{line}"
        );
        assert!(ran.stdout.is_empty(), "{}", ran.stdout);
    }
    let ran = run(esf(dir.path()).args(["notes", "--json"]));
    assert_eq!(ran.stdout.trim(), "[]", "nothing was noted");
    // An ID at the bound is looked up as before.
    let longest = "x".repeat(256);
    let ran = run(esf(dir.path()).args(["show", &longest]));
    assert_eq!(ran.status.code(), Some(1), "{}", ran.stderr);
    assert!(
        one_line(&ran).contains("no project with ID"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_megabyte_pasted_into_the_search_box_is_cut_and_the_status_bar_says_so() {
    let dir = imported();
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("Projects 5/5");
    use std::io::Write;
    s.keys.write_all(b"/").unwrap();
    let mut paste = b"\x1b[200~vellinge ".to_vec();
    paste.extend(std::iter::repeat_n(b'x', 1024 * 1024));
    paste.extend_from_slice(b"\x1b[201~");
    s.keys.write_all(&paste).unwrap();
    s.screen
        .wait_for("search box holds 256 characters; the rest was cut");
    s.screen.wait_for("Projects 0/5");
    let pid = s.child.process_id().unwrap();
    let peak_kb = high_water_kb(&format!("/proc/{pid}/status")).unwrap();
    assert!(peak_kb < 500 * 1024, "{peak_kb} kB");
    s.keys.write_all(b"\x1b").unwrap(); // Esc: the cut query goes
    s.screen.wait_for("Projects 5/5");
    s.keys.write_all(b"q").unwrap();
    assert_eq!(common::pty::wait_exit(&mut *s.child).exit_code(), 0);
}

#[test]
fn a_prose_list_of_80000_partners_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("record.txt");
    std::fs::write(&file, record_with_partners(80_000)).unwrap();
    let ran = run(esf(dir.path()).args(["parse", "--json"]).arg(&file));
    assert!(ran.status.success(), "{}", ran.stderr);
    let docs: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let project = &docs[0]["project"];
    let partners = project["partners"].as_array().unwrap();
    assert_eq!(partners.len(), 80_001);
    assert_eq!(partners[0], "Organisation0 AB");
    assert_eq!(partners[79_999], "Organisation79999 AB");
    assert_eq!(partners[80_000], "Sista AB");
    let orgs = project["organisations"].as_array().unwrap();
    let partner_orgs = orgs.iter().filter(|o| o["role"] == "partner").count();
    assert_eq!(partner_orgs, 80_001);
    assert!(ran.peak_mb < 500, "{} MB", ran.peak_mb);
}

#[test]
fn a_paragraph_of_50000_partner_lists_is_read_once() {
    // "projektet samverkar med A, projektet samverkar med B, …" with no
    // full stop: each list ends where the next begins, so the paragraph
    // is read once rather than once for each of its 50,000 lists.
    let n = 50_000;
    let prose: String = (0..n)
        .map(|i| format!("projektet samverkar med Organisation{i} AB, "))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("record.txt");
    std::fs::write(&file, record_with_prose(&prose)).unwrap();
    let ran = run(esf(dir.path()).args(["parse", "--json"]).arg(&file));
    assert!(ran.status.success(), "{}", ran.stderr);
    let docs: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let partners = docs[0]["project"]["partners"].as_array().unwrap();
    assert_eq!(partners.len(), n);
    assert_eq!(partners[0], "Organisation0 AB");
    assert_eq!(partners[1], "Organisation1 AB");
    assert_eq!(partners[n - 1], format!("Organisation{} AB", n - 1));
    assert!(ran.peak_mb < 500, "{} MB", ran.peak_mb);
}

#[test]
fn an_article_of_50000_names_and_owners_in_one_sentence_is_read_in_one_pass() {
    // Names, owners, list nouns and a heading's name said again and again
    // with no full stop: each is read near where it stands (and the first
    // hundred of each cue only), never the whole rest of the text each time.
    let n = 50_000;
    let sentence: String = (0..n)
        .map(|i| {
            format!(
                "i projektet Nya Steg ser man Nya Steg{i} och Enheten{i} i Skara kommun är \
                 projektägare tillsammans med Vara kommun och tio kommuner - Skara, Vara och "
            )
        })
        .collect();
    let page = format!("Svenska ESF-rådet\nNya Steg Ljusare Framtid\n{sentence}\n");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.txt");
    std::fs::write(&file, page).unwrap();
    let ran = run(esf(dir.path()).args(["parse", "--json"]).arg(&file));
    assert!(ran.status.success(), "{}", ran.stderr);
    let docs: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(docs[0]["format"], "article");
    assert_eq!(docs[0]["project"]["name"], "Nya Steg");
    assert_eq!(docs[0]["project"]["owner"], "Enheten0 i Skara kommun");
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

/// The browser in a pseudo-terminal with `config` as its config file
/// (made by `make`): it opens (a hang fails after 20 s), the one line on
/// the config names the reason, and the status bar counts the problem.
fn browser_with_config(make: impl FnOnce(&Path), reason: &str) {
    let dir = imported();
    let folder = dir.path().join("esf-browser");
    std::fs::create_dir(&folder).unwrap();
    make(&folder.join("config.toml"));
    let mut s = common::pty::start(&dir.path().join("cache.sqlite"), &[]);
    s.screen.wait_for("Projects 5/5");
    s.screen.wait_for("config: 1 problem");
    let said = s.screen.raw_text();
    assert!(said.contains(reason), "{said}");
    use std::io::Write;
    s.keys.write_all(b"q").unwrap();
    assert_eq!(common::pty::wait_exit(&mut *s.child).exit_code(), 0);
}

#[test]
fn a_fifo_or_a_device_as_config_is_refused_in_one_line_and_the_browser_opens() {
    browser_with_config(mkfifo, "config.toml: not a regular file");
    browser_with_config(
        |config| std::os::unix::fs::symlink("/dev/zero", config).unwrap(),
        "config.toml: not a regular file",
    );
    browser_with_config(
        |config| {
            let file = std::fs::File::create(config).unwrap();
            file.set_len(2 << 20).unwrap();
        },
        "config.toml: larger than 1 MB, the most that is read",
    );
}

/// A folder `docs` holding one sample document, `record.txt`.
fn docs_with_a_record() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let seed = std::fs::read_dir(corpus())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    std::fs::copy(seed.path(), docs.join("record.txt")).unwrap();
    (dir, docs)
}

#[test]
fn fifos_and_devices_are_skipped_with_a_reason_never_waited_on() {
    let (dir, docs) = docs_with_a_record();
    let fifo = docs.join("pipe.txt");
    mkfifo(&fifo);
    let limit = Duration::from_secs(20);

    // esf parse: the folder, and the FIFO given by name.
    let ran = run_within(esf(dir.path()).args(["parse", "--json"]).arg(&docs), limit);
    assert_eq!(ran.status.code(), Some(2), "{}", ran.stderr);
    let docs_json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(docs_json[0]["format"], "skipped");
    let reason = docs_json[0]["skipped_reason"].as_str().unwrap();
    assert!(reason.contains("not a regular file"), "{reason}");
    assert_eq!(docs_json[1]["format"], "esf2014");
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        let ran = run_within(esf(dir.path()).arg("parse").arg(path), limit);
        assert_eq!(ran.status.code(), Some(2), "{}", ran.stderr);
        assert!(
            one_line(&ran).contains("not a regular file"),
            "{}",
            ran.stderr
        );
    }

    // esf import: the folder imports the record and names the FIFO; the
    // FIFO alone imports nothing, in one line.
    let ran = run_within(esf(dir.path()).arg("import").arg(&docs), limit);
    assert!(ran.status.success(), "{}", ran.stderr);
    let all = format!("{}{}", ran.stdout, ran.stderr);
    assert!(all.contains("pipe.txt: not a regular file"), "{all}");
    assert!(all.contains("new 1"), "{all}");
    let ran = run_within(esf(dir.path()).arg("import").arg(&fifo), limit);
    assert_eq!(ran.status.code(), Some(2), "{}", ran.stderr);
    let all = format!("{}{}", ran.stdout, ran.stderr);
    assert!(all.contains("not a regular file"), "{all}");

    // esf notes import: the FIFO is refused in one line.
    let ran = run_within(esf(dir.path()).args(["notes", "import"]).arg(&fifo), limit);
    assert_eq!(ran.status.code(), Some(2), "{}", ran.stderr);
    assert!(
        one_line(&ran).contains("not a regular file"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_document_past_32_mb_is_skipped_with_the_reason() {
    let (dir, docs) = docs_with_a_record();
    let big = docs.join("big.txt");
    // Sparse: the size is what counts, and it is known before a byte is read.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(33 << 20)
        .unwrap();
    let ran = run(esf(dir.path()).arg("parse").arg(&big));
    assert_eq!(ran.status.code(), Some(2), "{}", ran.stderr);
    let line = one_line(&ran);
    assert!(
        line.contains("larger than 32 MB, the most that is read"),
        "{line}"
    );
    assert!(ran.peak_mb < 100, "{} MB", ran.peak_mb);
    let ran = run(esf(dir.path()).arg("import").arg(&docs));
    assert!(ran.status.success(), "{}", ran.stderr);
    let all = format!("{}{}", ran.stdout, ran.stderr);
    assert!(all.contains("big.txt: larger than 32 MB"), "{all}");
    assert!(all.contains("new 1"), "{all}");
    assert!(ran.peak_mb < 200, "{} MB", ran.peak_mb);
}

#[test]
fn folders_deeper_than_64_are_skipped_with_the_reason() {
    let (dir, docs) = docs_with_a_record();
    // 2,000 folders deep, a document at the bottom: too long a path to
    // make in one go, so a shell walks down making each.
    let made = Command::new("sh")
        .arg("-c")
        .arg("cd \"$1\" && for i in $(seq 2000); do mkdir d && cd d || exit 1; done; cp \"$2\" deep.txt")
        .args(["sh", docs.to_str().unwrap(), docs.join("record.txt").to_str().unwrap()])
        .status()
        .unwrap();
    assert!(made.success());
    let ran = run(esf(dir.path()).arg("import").arg(&docs));
    assert!(ran.status.success(), "{}", ran.stderr);
    let all = format!("{}{}", ran.stdout, ran.stderr);
    assert!(all.contains("new 1"), "{all}");
    let reason = "a folder more than 64 folders deep; nothing below it is read";
    let skipped: Vec<&str> = all.lines().filter(|l| l.contains(reason)).collect();
    assert_eq!(skipped.len(), 1, "{all}");
    let deep = format!("docs{}:", "/d".repeat(65));
    assert!(skipped[0].contains(&deep), "{}", skipped[0]);
    let ran = run(esf(dir.path()).args(["parse", "--json"]).arg(&docs));
    assert_eq!(ran.status.code(), Some(2), "{}", ran.stderr);
    assert!(one_line(&ran).contains(reason), "{}", ran.stderr);
}

#[test]
fn an_html_page_made_to_make_millions_of_elements_is_read_as_plain_text() {
    // 1,900 bold elements left open, which the HTML5 parser opens again
    // for each of 16,000 paragraphs: 30 million elements from 148 KB.
    html_trap_is_read_as_plain_text(|i| format!("<b id=b{i}>"));
}

#[test]
fn a_quoted_angle_bracket_does_not_hide_the_html_trap() {
    // The same trap with a `>` in a quoted value before each id: up to
    // the first `>` all 1,900 tags read `<b x="`, yet they are different.
    html_trap_is_read_as_plain_text(|i| format!(r#"<b x=">" id=b{i}>"#));
}

fn html_trap_is_read_as_plain_text(bold: impl Fn(usize) -> String) {
    let open: String = (0..1_900).map(bold).collect();
    let page = format!(
        "<!DOCTYPE html><html><head><title>Fälla</title></head><body><p>{open}{}</body></html>",
        "<p>ord</p>".repeat(16_000)
    );
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let file = docs.join("trap.html");
    std::fs::write(&file, &page).unwrap();
    let ran = run(esf(dir.path()).args(["parse", "--json"]).arg(&file));
    assert!(ran.status.success(), "{}", ran.stderr);
    let records: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let warnings = records[0]["warnings"].to_string();
    assert!(
        warnings.contains("(more than 500000): read as plain text"),
        "{warnings}"
    );
    assert_eq!(records[0]["format"], "unknown");
    let text = records[0]["text"].as_str().unwrap();
    assert_eq!(text.matches("ord").count(), 16_000, "nothing is lost");
    assert!(ran.peak_mb < 200, "{} MB", ran.peak_mb);
    let ran = run(esf(dir.path()).arg("import").arg(&docs));
    assert!(ran.status.success(), "{}", ran.stderr);
    assert!(ran.peak_mb < 300, "{} MB", ran.peak_mb);
}

#[test]
fn an_export_is_written_as_it_is_read_in_flat_memory() {
    // 6,000 generated projects: held whole, the JSON export took about
    // 145 MB here (872 MB at 50,000); streamed, about 30 MB.
    let dir = tempfile::tempdir().unwrap();
    let ran = run(esf(dir.path()).args(["gen", "--count", "6000", "--seed", "7"]));
    assert!(ran.status.success(), "{}", ran.stderr);
    let listed = run(esf(dir.path()).args(["list", "--json"]));
    assert!(listed.status.success(), "{}", listed.stderr);
    let json = run(esf(dir.path()).args(["export", "--format", "json"]));
    assert!(json.status.success(), "{}", json.stderr);
    let projects: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(projects.as_array().unwrap().len(), 6_000);
    let csv = run(esf(dir.path()).args(["export", "--format", "csv"]));
    assert!(csv.status.success(), "{}", csv.stderr);
    let mut reader = ::csv::Reader::from_reader(csv.stdout.as_bytes());
    assert_eq!(reader.records().map(Result::unwrap).count(), 6_000);
    let markdown = run(esf(dir.path()).args(["export", "--format", "markdown"]));
    assert!(markdown.stdout.starts_with("# ESF projects (6000)\n"));
    assert_eq!(markdown.stdout.matches("\n## ").count(), 6_000);
    for ran in [&json, &csv, &markdown] {
        assert!(ran.peak_mb < 100, "{} MB", ran.peak_mb);
        assert!(
            ran.peak_mb < listed.peak_mb + 40,
            "{} MB against {} MB for list --json",
            ran.peak_mb,
            listed.peak_mb
        );
    }
}
