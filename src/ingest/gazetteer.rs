//! Reference data from `assets/`: known actors, municipalities, spelling
//! variants, partner phrases, page chrome and programme areas.
//!
//! The files are compiled into the binary so `esf` works from any directory.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast hash for short keys looked up once per word of prose
/// (the standard SipHash is built to resist attacks this data cannot make).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const ACTORS: &str = include_str!("../../assets/gazetteer/actors.tsv");
const MUNICIPALITIES: &str = include_str!("../../assets/gazetteer/municipalities.tsv");
const VARIANTS: &str = include_str!("../../assets/gazetteer/variants.tsv");
const PARTNER_PHRASES: &str = include_str!("../../assets/gazetteer/partner_phrases.txt");
const CHROME: &str = include_str!("../../assets/gazetteer/chrome.txt");
const DISTRICTS: &str = include_str!("../../assets/gazetteer/districts.tsv");
const PROGRAMMES: &str = include_str!("../../assets/programmes.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Agency,
    Region,
    Generic,
    Municipality,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub canonical: String,
    pub kind: ActorKind,
}

#[derive(Debug, Clone)]
pub struct Municipality {
    pub name: String,
    pub org_name: String,
    pub county: String,
    pub region: String,
    pub nuts2: String,
}

/// A district or unit of a municipality (`assets/gazetteer/districts.tsv`).
#[derive(Debug, Clone)]
pub struct District {
    /// Lower case, as matched.
    pub key: String,
    /// The municipality's organisation (`Göteborgs Stad`).
    pub parent: String,
    /// Whether the name alone names the unit, without a unit word.
    pub alone: bool,
}

#[derive(Debug, Clone)]
pub struct ProgrammeAreaInfo {
    pub period: String,
    pub code: String,
    pub name: String,
}

/// All reference data, loaded once.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub actors: Vec<Actor>,
    /// Lower-case word sequence → index into `actors`.
    pub patterns: FastMap<String, usize>,
    /// First word of each pattern → the longest pattern starting with it.
    pub first_words: FastMap<String, usize>,
    pub municipalities: Vec<Municipality>,
    /// Lower-case name → index into `municipalities` (prose asks per word).
    municipality_index: HashMap<String, usize>,
    pub districts: Vec<District>,
    pub variants: HashMap<String, String>,
    pub partner_phrases: Vec<String>,
    chrome_exact: Vec<String>,
    chrome_prefixes: Vec<String>,
    pub programmes: Vec<ProgrammeAreaInfo>,
}

/// The gazetteer built from the bundled assets.
pub fn gazetteer() -> &'static Gazetteer {
    static CELL: OnceLock<Gazetteer> = OnceLock::new();
    CELL.get_or_init(Gazetteer::bundled)
}

/// Rows of a data file: comments and blank lines skipped, fields split on tabs.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl Gazetteer {
    pub fn bundled() -> Gazetteer {
        let mut g = Gazetteer::default();
        for row in rows(ACTORS) {
            if let [canonical, kind, patterns] = row[..] {
                g.add_actor(canonical, parse_kind(kind), patterns.split('|'));
            }
        }
        for row in rows(MUNICIPALITIES).skip(1) {
            if let [name, org_name, county, region, nuts2] = row[..] {
                g.add_municipality(name, org_name, county, region, nuts2);
            }
        }
        for row in rows(VARIANTS) {
            if let [written, canonical] = row[..] {
                g.variants
                    .insert(written.to_string(), canonical.to_string());
            }
        }
        g.districts = rows(DISTRICTS)
            .filter_map(|r| match r[..] {
                [name, parent, alone] => Some(District {
                    key: name.to_lowercase(),
                    parent: parent.to_string(),
                    alone: alone == "yes",
                }),
                _ => None,
            })
            .collect();
        g.partner_phrases = rows(PARTNER_PHRASES).map(|r| r[0].to_lowercase()).collect();
        g.load_chrome();
        g.programmes = rows(PROGRAMMES)
            .filter_map(|r| match r[..] {
                [period, code, name] => Some(ProgrammeAreaInfo {
                    period: period.to_string(),
                    code: code.to_string(),
                    name: name.to_string(),
                }),
                _ => None,
            })
            .collect();
        g
    }

    fn add_actor<'a>(
        &mut self,
        canonical: &'a str,
        kind: ActorKind,
        patterns: impl Iterator<Item = &'a str>,
    ) {
        let index = match self.actors.iter().position(|a| a.canonical == canonical) {
            Some(i) => i,
            None => {
                self.actors.push(Actor {
                    canonical: canonical.to_string(),
                    kind,
                });
                self.actors.len() - 1
            }
        };
        for pattern in patterns.chain(std::iter::once(canonical)) {
            let key = pattern_key(pattern);
            let first = key.split(' ').next().unwrap_or("").to_string();
            let words = key.split(' ').count();
            let longest = self.first_words.entry(first).or_insert(0);
            *longest = (*longest).max(words);
            self.patterns.entry(key).or_insert(index);
        }
    }

    fn add_municipality(&mut self, name: &str, org: &str, county: &str, region: &str, nuts: &str) {
        let genitive = if name.ends_with('s') || name.ends_with('x') || name.ends_with('z') {
            name.to_string()
        } else {
            format!("{name}s")
        };
        let forms = [
            format!("{name} kommun"),
            format!("{genitive} kommun"),
            format!("{genitive} stad"),
        ];
        self.add_actor(
            org,
            ActorKind::Municipality,
            forms.iter().map(String::as_str),
        );
        self.municipality_index
            .insert(name.to_lowercase(), self.municipalities.len());
        self.municipalities.push(Municipality {
            name: name.to_string(),
            org_name: org.to_string(),
            county: county.to_string(),
            region: region.to_string(),
            nuts2: nuts.to_string(),
        });
    }

    fn load_chrome(&mut self) {
        for row in rows(CHROME) {
            let line = row.join(" ").to_lowercase();
            match line.strip_prefix("prefix:") {
                Some(prefix) => self.chrome_prefixes.push(prefix.to_string()),
                None => self.chrome_exact.push(line),
            }
        }
    }

    /// Is this line page chrome rather than content? Chrome is short UI
    /// text, so long lines are content without further ado.
    pub fn is_chrome(&self, line: &str) -> bool {
        // Bytes: a cookie banner's sentence runs to two hundred or so.
        const LONGEST_CHROME: usize = 300;
        let line = line.trim();
        if line.len() > LONGEST_CHROME || line.is_empty() {
            return false;
        }
        let lower = line.to_lowercase();
        self.chrome_exact.contains(&lower)
            || self.chrome_prefixes.iter().any(|p| lower.starts_with(p))
    }

    /// The actor a whole name stands for (`"VELLINGE KOMMUN"` → Vellinge kommun).
    pub fn actor_named(&self, name: &str) -> Option<&Actor> {
        self.patterns
            .get(&pattern_key(name))
            .map(|&i| &self.actors[i])
    }

    pub fn municipality(&self, name: &str) -> Option<&Municipality> {
        let key = name.trim().to_lowercase();
        self.municipality_index
            .get(&key)
            .map(|&i| &self.municipalities[i])
    }

    /// The programme period a named programme area belongs to, when the name
    /// is used by exactly one programme.
    pub fn period_of_area_name(&self, name: &str) -> Option<&str> {
        let key = pattern_key(name);
        let mut periods = self
            .programmes
            .iter()
            .filter(|p| pattern_key(&p.name) == key)
            .map(|p| p.period.as_str());
        let first = periods.next()?;
        periods.all(|p| p == first).then_some(first)
    }

    pub fn area_name(&self, period: &str, code: &str) -> Option<&str> {
        self.programmes
            .iter()
            .find(|p| p.period == period && p.code == code)
            .map(|p| p.name.as_str())
    }
}

fn parse_kind(kind: &str) -> ActorKind {
    match kind {
        "agency" => ActorKind::Agency,
        "region" => ActorKind::Region,
        _ => ActorKind::Generic,
    }
}

/// Lower case with runs of blanks folded: the key names are looked up by.
pub fn pattern_key(s: &str) -> String {
    let tidy = !s.contains("  ") && !s.contains(['\t', '\n', '\u{a0}']) && s.trim() == s;
    if tidy {
        return s.to_lowercase();
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_is_complete() {
        let g = gazetteer();
        assert_eq!(g.municipalities.len(), 290);
        let gbg = g.municipality("göteborg").unwrap();
        assert_eq!(
            (gbg.org_name.as_str(), gbg.region.as_str()),
            ("Göteborgs Stad", "Västsverige")
        );
        assert_eq!(g.municipality("Vellinge").unwrap().nuts2, "SE22");
    }

    #[test]
    fn names_resolve_to_actors() {
        let g = gazetteer();
        let canon = |n: &str| g.actor_named(n).map(|a| a.canonical.clone());
        assert_eq!(canon("VELLINGE KOMMUN").as_deref(), Some("Vellinge kommun"));
        assert_eq!(canon("Göteborgs  stad").as_deref(), Some("Göteborgs Stad"));
        assert_eq!(canon("Partille kommun").as_deref(), Some("Partille kommun"));
        assert_eq!(
            canon("Arbetsförmedlingen").as_deref(),
            Some("Arbetsförmedlingen")
        );
        assert_eq!(
            canon("Samordningsförbundet").as_deref(),
            Some("Samordningsförbund")
        );
        assert_eq!(canon("Nötkärnan"), None);
    }

    #[test]
    fn chrome_and_programmes() {
        let g = gazetteer();
        assert!(g.is_chrome("Logotyp på utskrifter"));
        assert!(g.is_chrome("Bild i högerkolumnBild på projektets broschyr"));
        assert!(!g.is_chrome("Inkluderande rehabilitering"));
        assert_eq!(
            g.period_of_area_name("Ökat arbetskraftsutbud"),
            Some("2007-2013")
        );
        assert_eq!(g.period_of_area_name("Kompetensförsörjning"), None);
        assert_eq!(
            g.area_name("2014-2020", "2"),
            Some("Öka övergångarna till arbete")
        );
    }
}
