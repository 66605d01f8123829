//! The bundled sample corpus: five real documents, one or more of each
//! format, compiled into the binary so a first run has data to show.

macro_rules! sample {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("../../assets/corpus/", $name)),
        )
    };
}

/// File name and content of each bundled document.
pub const SAMPLE: &[(&str, &[u8])] = &[
    sample!("000_3baf275082b782be.txt"),
    sample!("001_fa7e1b871c6b631c.txt"),
    sample!("002_b2246aa585e43b84.txt"),
    sample!("003_ece7e7cde554d52b.txt"),
    sample!("004_cf34fbbf89898201.txt"),
];
