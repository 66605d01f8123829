//! What an import reads: files found under the paths given, bundled
//! sample documents, and paths that could not be listed.

use crate::files::{self, Found, Links};
use crate::store::sources;
use std::path::PathBuf;

/// Something to import.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file, with its identity when its folder was read.
    File(PathBuf, Option<files::FileId>),
    /// A bundled document, recorded as `sample:NAME`.
    Embedded { name: String, bytes: &'static [u8] },
    /// A path that could not be listed.
    Unlistable(PathBuf, String),
}

impl Input {
    /// Files and folders from the command line.
    pub fn from_paths(paths: &[PathBuf]) -> Vec<Input> {
        Input::from_paths_with(paths, Links::Inside)
    }

    /// Files and folders, with symbolic links treated as asked.
    pub fn from_paths_with(paths: &[PathBuf], links: Links) -> Vec<Input> {
        files::expand(paths, links)
            .into_iter()
            .map(|f| match f {
                Found::File(p, id) => Input::File(p, id),
                Found::Unlistable(p, why) => Input::Unlistable(p, why),
            })
            .collect()
    }

    /// The bundled sample corpus.
    pub fn sample() -> Vec<Input> {
        crate::files::corpus::SAMPLE
            .iter()
            .map(|(name, bytes)| Input::Embedded {
                name: name.to_string(),
                bytes,
            })
            .collect()
    }

    /// The path the cache records for this input.
    pub fn recorded_path(&self) -> String {
        match self {
            Input::File(p, _) | Input::Unlistable(p, _) => sources::absolute(p),
            Input::Embedded { name, .. } => format!("{}{name}", sources::SAMPLE),
        }
    }
}

/// The inputs that recorded sources (files, folders, `sample:`) give; a
/// source that has become a link or changed hands since it was imported
/// is not read, and says why.
pub fn inputs_of(recorded: &[sources::Source], links: Links) -> Vec<Input> {
    let mut inputs = Vec::new();
    for source in recorded {
        let path = PathBuf::from(&source.path);
        if source.path == sources::SAMPLE {
            inputs.extend(Input::sample());
        } else if let Some(why) = source.changed() {
            inputs.push(Input::Unlistable(path, why));
        } else {
            inputs.extend(Input::from_paths_with(&[path], links));
        }
    }
    inputs
}
