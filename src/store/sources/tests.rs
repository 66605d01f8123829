use super::*;
use std::os::unix::fs::PermissionsExt;

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    assert_eq!(read(&db), Recorded::None);
    record(&db, &["/a".into(), SAMPLE.into()]).unwrap();
    record(&db, &["/a".into(), "/b".into()]).unwrap();
    let paths: Vec<String> = read(&db).sources().iter().map(|s| s.path.clone()).collect();
    assert_eq!(paths, vec!["/a", SAMPLE, "/b"]);
    assert!(is_list(&db));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");
    assert_eq!(list_path(&db), dir.path().join("cache.sqlite.sources"));
}

#[test]
fn a_list_others_may_write_is_followed_only_with_its_signature() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    record(&db, &["/srv/docs".into()]).unwrap();
    let list = list_path(&db);
    set_mode(&list, 0o664);
    // Signed by this user: followed, though the team may write the file.
    if sources_key::sign("x").is_some() {
        assert!(matches!(read(&db), Recorded::Trusted(_)));
    }
    // Changed in place by someone who may write it: not followed.
    let text = std::fs::read_to_string(&list).unwrap();
    let tampered = text.replace("/srv/docs", "/home/owner/.ssh");
    std::fs::write(&list, tampered).unwrap();
    let Recorded::Distrusted { sources, why } = read(&db) else {
        panic!("a changed list was followed");
    };
    assert_eq!(sources[0].path, "/home/owner/.ssh");
    assert!(why.contains("signature"), "{why}");
    // The same file that only its owner may write is the owner's word.
    set_mode(&list, 0o644);
    assert!(matches!(read(&db), Recorded::Trusted(_)));
}

#[test]
fn a_list_that_is_no_regular_file_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.sqlite");
    std::os::unix::fs::symlink("/dev/zero", list_path(&db)).unwrap();
    assert!(matches!(read(&db), Recorded::Distrusted { why, .. } if why.contains("link")));
    std::fs::remove_file(list_path(&db)).unwrap();
    let fifo = std::ffi::CString::new(list_path(&db).to_str().unwrap()).unwrap();
    // SAFETY: a valid C string naming a path in a fresh folder.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    assert!(matches!(read(&db), Recorded::Distrusted { why, .. } if why.contains("regular")));
}

#[test]
fn only_lists_esf_wrote_make_a_file_esfs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("thesis.md");
    assert!(!is_list(&db));
    std::fs::write(list_path(&db), "/home/a/docs\nsample:\n").unwrap();
    assert!(is_list(&db), "a list from before the header");
    std::fs::write(list_path(&db), format!("{HEADER_1}\n/home/a/docs\n")).unwrap();
    assert!(is_list(&db), "a list of the first version");
    std::fs::write(list_path(&db), "chapter one\n").unwrap();
    assert!(!is_list(&db));
    std::fs::write(list_path(&db), "\n  \n").unwrap();
    assert!(!is_list(&db), "an empty file says nothing");
    std::fs::write(list_path(&db), format!("{HEADER}\nnot json\n")).unwrap();
    assert!(!is_list(&db));
    // Only the bundled sample itself and absolute paths are sources.
    for line in [r#"{"path":"sample:x"}"#, r#"{"path":"docs"}"#] {
        std::fs::write(list_path(&db), format!("{HEADER}\n{line}\n")).unwrap();
        assert!(!is_list(&db), "{line}");
    }
    std::fs::write(list_path(&db), "sample:x\n").unwrap();
    assert!(!is_list(&db));
}

#[test]
fn a_signed_list_copied_beside_another_cache_or_linked_is_not_followed() {
    if sources_key::sign("x").is_none() {
        return; // no key for this user: only unwritable lists are followed
    }
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("own.sqlite");
    record(&own, &["/home/owner/private".into()]).unwrap();
    std::fs::create_dir(dir.path().join("team")).unwrap();
    let team = dir.path().join("team/cache.sqlite");
    std::fs::copy(list_path(&own), list_path(&team)).unwrap();
    set_mode(&list_path(&team), 0o664);
    assert!(
        matches!(read(&team), Recorded::Distrusted { .. }),
        "a copy is not the team's"
    );
    std::fs::remove_file(list_path(&team)).unwrap();
    std::fs::hard_link(list_path(&own), list_path(&team)).unwrap();
    set_mode(&list_path(&own), 0o644);
    assert!(matches!(read(&team), Recorded::Distrusted { why, .. } if why.contains("hard links")));
}

#[test]
fn a_source_that_became_a_link_or_changed_hands_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("docs");
    std::fs::create_dir(&folder).unwrap();
    let source = Source::now(folder.to_string_lossy().into_owned());
    assert_eq!(source.owner, Some(current_user()));
    assert!(!source.link && source.changed().is_none());
    std::fs::remove_dir(&folder).unwrap();
    std::os::unix::fs::symlink(dir.path(), &folder).unwrap();
    assert!(source.changed().unwrap().contains("symbolic link"));
    let elsewhere = Source {
        owner: Some(current_user() + 1),
        link: true,
        ..source.clone()
    };
    assert!(elsewhere.changed().unwrap().contains("another user"));
    // A link recorded as a link, pointed elsewhere since.
    let linked = Source::now(folder.to_string_lossy().into_owned());
    assert!(linked.link && linked.changed().is_none());
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::remove_file(&folder).unwrap();
    std::os::unix::fs::symlink(&other, &folder).unwrap();
    assert!(
        linked.changed().unwrap().contains("now leads to"),
        "{:?}",
        linked.changed()
    );
}
