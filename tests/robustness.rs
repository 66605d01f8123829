//! Arbitrary bytes and mutated sample documents never make the parser
//! panic; every input gives a record or a reason.

use esf_browser::ingest::parse_bytes;
use esf_browser::model::Format;
use proptest::prelude::*;

fn seeds() -> Vec<Vec<u8>> {
    esf_browser::files::corpus::SAMPLE
        .iter()
        .map(|(_, b)| b.to_vec())
        .collect()
}

fn assert_record_or_reason(bytes: &[u8]) {
    let doc = parse_bytes("input", bytes);
    match doc.format {
        Format::Skipped => assert!(doc.skipped_reason.is_some()),
        _ => {
            assert!(doc.skipped_reason.is_none());
            assert!(doc.title.is_some() || doc.project.is_some() || doc.text.is_some());
        }
    }
    serde_json::to_string(&doc).expect("serialisable");
}

/// A mutation of a seed: bytes replaced, inserted or cut at `at`.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Cut(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Replace(a, b)),
        (
            any::<usize>(),
            proptest::collection::vec(any::<u8>(), 1..40)
        )
            .prop_map(|(a, v)| Mutation::Insert(a, v)),
        (any::<usize>(), 1usize..400).prop_map(|(a, n)| Mutation::Cut(a, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let len = bytes.len().max(1);
    match m {
        Mutation::Replace(at, b) => {
            let i = at % len;
            if i < bytes.len() {
                bytes[i] = *b;
            }
        }
        Mutation::Insert(at, v) => {
            let i = at % (bytes.len() + 1);
            bytes.splice(i..i, v.iter().copied());
        }
        Mutation::Cut(at, n) => {
            let i = at % len;
            let end = (i + n).min(bytes.len());
            bytes.drain(i.min(end)..end);
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        assert_record_or_reason(&bytes);
    }

    #[test]
    fn arbitrary_text(text in "\\PC{0,2000}") {
        assert_record_or_reason(text.as_bytes());
    }

    #[test]
    fn mutated_seeds(which in 0usize..5, mutations in proptest::collection::vec(mutation(), 1..12)) {
        let bytes = mutations.iter().fold(seeds()[which].clone(), apply);
        assert_record_or_reason(&bytes);
    }

    #[test]
    fn seed_lines_shuffled(which in 0usize..5, order in proptest::collection::vec(any::<usize>(), 0..200)) {
        let text = String::from_utf8(seeds()[which].clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let picked: Vec<&str> = order.iter().map(|i| lines[i % lines.len()]).collect();
        assert_record_or_reason(picked.join("\n").as_bytes());
    }
}

#[test]
fn hostile_shapes() {
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b":".to_vec(),
        b"Region:".to_vec(),
        "Åäö:\nÖ".as_bytes().to_vec(),
        b"\xff\xfe".to_vec(),
        b"\xff\xfeA".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        "x\u{301}".repeat(100_000).into_bytes(),
        b"a".repeat(2_000_000),
        b"Diarienummer:\n\nNamn:\n".to_vec(),
        b"1 - x\n\nDiarienummer:\nNamn:\nRegion:\nProjektperiod:\n".to_vec(),
        "Projektägare:\nÅ\nRegion:\nÖ\n".repeat(50).into_bytes(),
        b"ProjektfasX\nRegionY\nProjekt\xe4gareZ\n".to_vec(),
    ];
    for case in cases {
        assert_record_or_reason(&case);
    }
}

/// Every input that ever broke the parser (or was made to try) stays here.
#[test]
fn saved_regression_inputs_parse() {
    let mut seen = 0;
    for entry in std::fs::read_dir("tests/fixtures/regressions").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        assert_record_or_reason(&std::fs::read(&path).unwrap());
        seen += 1;
    }
    assert!(seen > 0);
}
