//! Swedish or English labels on the command line: `--lang`, else the locale.

use std::process::Command;

fn esf(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_esf"));
    cmd.args(args)
        .env("ESF_DB", dir.join("cache.sqlite"))
        .env("ESF_NOTES", dir.join("notes.sqlite"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn labels_follow_lang_or_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let sv = esf(dir.path(), &["--lang", "sv", "show", "2015/00730"], &[]);
    assert!(
        sv.contains("Identitet") && sv.contains("ESF-stöd") && sv.contains("3 år"),
        "{sv}"
    );
    let en = esf(dir.path(), &["show", "2015/00730"], &[]);
    assert!(en.contains("Identity") && en.contains("ESF grant") && en.contains("3 years"));
    let from_locale = esf(dir.path(), &["list"], &[("LANG", "sv_SE.UTF-8")]);
    assert!(
        from_locale.starts_with("ID") && from_locale.contains("NAMN"),
        "{from_locale}"
    );
    let over = esf(
        dir.path(),
        &["--lang", "en", "list"],
        &[("LANG", "sv_SE.UTF-8")],
    );
    assert!(over.contains("NAME"));
}
