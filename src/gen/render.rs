//! Generated projects written as documents in their format, and in the
//! encodings and line endings real exports arrive in.

use super::{GenProject, Rng};
use crate::model::Format;

/// File name and bytes of the project's document.
pub fn render(p: &GenProject, seed: u64) -> (String, Vec<u8>) {
    let text = match p.format {
        Format::Esf2014 => esf2014(p),
        Format::Esfplus => esfplus(p),
        Format::LegacyPage => legacy(p),
        _ => article(p),
    };
    let mut rng = Rng::new(seed ^ (p.index as u64).wrapping_mul(31));
    let text = if rng.chance(0.15) {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    let bytes = match rng.below(20) {
        0 | 1 => cp1252(&text),
        2 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        _ => text.into_bytes(),
    };
    (
        format!("{:03}/doc{:07}.txt", p.index / 1000, p.index),
        bytes,
    )
}

fn pairs(rows: &[(&str, String)]) -> String {
    rows.iter()
        .map(|(label, value)| format!("{label}:\n{value}\n"))
        .collect()
}

fn money(n: i64) -> String {
    crate::present::format::thousands(n)
}

fn esf2014(p: &GenProject) -> String {
    let id = p.id.clone().unwrap_or_default();
    let head = pairs(&[
        ("Diarienummer", id.clone()),
        ("Namn", p.name.clone()),
        ("Projektnummer", id.clone()),
        ("Projektägare", p.owner.clone()),
        ("Region", p.region.clone()),
        ("Planerat antal deltagare", p.participants.to_string()),
        ("Projektperiod", format!("{} - {}", p.start, p.end)),
        ("Total projektbudget", money(p.budget)),
        ("Beviljat ESF-stöd", money(p.grant)),
        ("Kontaktperson", p.contact.clone()),
        ("E-post", p.email.clone()),
        (
            "Stödmottagare postnr",
            format!("{}", 10_000 + p.index % 89_999),
        ),
        ("Programområde", p.area.clone()),
        ("Specifikt mål", p.objective.clone()),
        ("Unionens medfinansieringsgrad", format!("{}%", p.rate)),
        ("Interventionstyp", format!("{}", 100 + p.index % 50)),
    ]);
    format!(
        "{id} - {}\n\n{head}\n{}\n",
        p.name,
        p.paragraphs.join("\n\n")
    )
}

fn esfplus(p: &GenProject) -> String {
    let id = p.id.clone().unwrap_or_default();
    let head = pairs(&[
        ("Diarienummer", id.clone()),
        ("Namn", p.name.clone()),
        ("Startdatum", p.start.clone()),
        ("Slutdatum", p.end.clone()),
        ("Land som berörs", "Sverige".into()),
        ("Berörd fond", "ESF+".into()),
        ("Program CCI", "2021SE05SFPR".into()),
        (
            "Projektägare organisationsnummer",
            format!("21200{:05}", p.index % 100_000),
        ),
        ("Projektägare", p.owner.to_uppercase()),
        ("Unionens medfinansieringsgrad", format!("{}%", p.rate)),
        ("Programområde", p.area.clone()),
        ("Specifikt mål", format!("{}2A", p.area)),
        ("Region", p.region.clone()),
        ("NUTS-2 kod", p.nuts2.clone()),
        ("Stödmottagare ort", p.place.to_uppercase()),
        ("Antal deltagare", p.participants.to_string()),
    ]);
    format!(
        "{id} - {}\n\n{head}\n{}\n",
        p.name,
        p.paragraphs.join("\n\n")
    )
}

fn legacy(p: &GenProject) -> String {
    let partners: String = p.partners.iter().map(|o| format!(" • {o}\n")).collect();
    let municipalities: String = p
        .municipalities
        .iter()
        .map(|m| format!(" • {m}\n"))
        .collect();
    format!(
        "Logotyp på utskrifter\n\n{name}\n\nProgramområdeProgramområde {area}\nProjektfas{phase}\n\
         Projektägare{owner}\nKontaktperson{contact}\nE-post{email}\nTelefonnummer010-{tel} 00\n\
         Beviljat ESF-stöd{grant}\u{a0}kr\nTotal projektbudget{budget}\u{a0}kr\n\
         Projektperiod{start} till {end}\nRegion{region}\nIn English\n\nSammanfattning\n\n{body}\n\n\
         Samarbetspartners\n\n{partners}\nKommun\n\n{municipalities}",
        name = p.name,
        area = p.area,
        phase = p.phase,
        owner = p.owner,
        contact = p.contact,
        email = p.email,
        tel = 100 + p.index % 900,
        grant = money(p.grant).replace(' ', "\u{a0}"),
        budget = money(p.budget).replace(' ', "\u{a0}"),
        start = p.start,
        end = p.end,
        region = p.region,
        body = p.paragraphs.join("\n\n"),
    )
}

fn article(p: &GenProject) -> String {
    let body = p.paragraphs.join("\n\n\u{a0}\n\n");
    format!(
        "Logotyp på utskrifter\n\nStäng\n\n12 mars - Konferens om arbetsmarknaden\n\n\
         Mer information och anmälan.\n\nSå arbetar {name} i {place}\n\n{body}\n\n\
         Bild i högerkolumnBild från projektet\n\n{name}\n\nProgramområde:\n{area}.1 Öka övergångarna\n\
         till arbete\n\nRegion:\n{region}\n\nProjektägare:\n{owner}\n\nLäs mer om projektet\n",
        name = p.name,
        place = p.place,
        area = p.area.chars().next().unwrap_or('2'),
        region = p.region,
        owner = p.owner,
    )
}

/// Windows-1252 bytes; characters it lacks become `?`.
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{0}'..='\u{7f}' | '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '–' => 0x96,
            '—' => 0x97,
            '•' => 0x95,
            '’' => 0x92,
            '”' => 0x94,
            '€' => 0x80,
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gen::{project, Pool};
    use crate::ingest::parse_bytes;

    #[test]
    fn generated_documents_parse_as_their_format() {
        let pool = Pool::new(3);
        for i in 0..120 {
            let p = project(&pool, 3, i);
            let (_, bytes) = render(&p, 3);
            assert!(
                (2_500..9_000).contains(&bytes.len()),
                "{} bytes",
                bytes.len()
            );
            let doc = parse_bytes("gen", &bytes);
            assert_eq!(doc.format, p.format, "document {i}");
            let parsed = doc.project.expect("a project");
            assert_eq!(parsed.name.as_deref(), Some(p.name.as_str()));
            if p.format != Format::Article {
                assert_eq!(parsed.start_date.as_deref(), Some(p.start.as_str()));
            }
        }
    }
}
