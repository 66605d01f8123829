//! Documents the parser was not written against: the same four formats with
//! other values, regions, encodings and line endings. Each
//! `NAME.expected.json` holds values written by hand from reading NAME;
//! every field it gives must match.

use esf_browser::ingest::parse_bytes;
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    let mut docs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    docs.sort();
    docs
}

/// Every key of `expected` (recursively for objects) equals `actual`'s.
fn check(expected: &Value, actual: &Value, at: &str, errors: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) if !at.ends_with("extra") => {
            for (key, value) in want {
                let path = format!("{at}.{key}");
                check(value, got.get(key).unwrap_or(&Value::Null), &path, errors);
            }
        }
        (want, got) if numbers_equal(want, got) || want == got => {}
        (want, got) => errors.push(format!("{at}: expected {want}, got {got}")),
    }
}

fn numbers_equal(a: &Value, b: &Value) -> bool {
    matches!((a.as_f64(), b.as_f64()), (Some(x), Some(y)) if x == y)
}

#[test]
fn unseen_documents_parse_as_read_by_hand() {
    let docs = fixtures();
    assert!(docs.len() >= 8, "fixtures present");
    let mut errors = Vec::new();
    for path in docs {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected_path = path.with_file_name(format!("{name}.expected.json"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let parsed = parse_bytes(&name, &std::fs::read(&path).unwrap());
        let actual = serde_json::to_value(&parsed).unwrap();
        check(&expected, &actual, &name, &mut errors);
    }
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn unknown_documents_keep_title_and_text() {
    let path = fixtures()
        .into_iter()
        .find(|p| p.ends_with("unknown_memo.txt"))
        .unwrap();
    let parsed = parse_bytes("memo", &std::fs::read(path).unwrap());
    let actual = serde_json::to_value(&parsed).unwrap();
    assert_eq!(actual["format"], json!("unknown"));
    assert!(actual["text"].as_str().is_some_and(|t| t.len() > 200));
}
