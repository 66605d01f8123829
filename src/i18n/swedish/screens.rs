//! The overlaps, coverage and timeline screens and the dossier key.

pub(super) const SCREENS: &[(&str, &str)] = &[
    // Help: the keys and the dossier prompt.
    ("dossier prompt", "aktfrågan"),
    ("overlaps: an organisation's projects at one time", "överlapp: en organisations projekt samtidigt"),
    ("coverage: municipalities × programme areas", "täckning: kommuner × programområden"),
    ("timeline of the list, organisation or municipality", "tidslinje för listan, organisationen eller kommunen"),
    ("the project's dossier (Markdown): file or clipboard", "projektets akt (Markdown): fil eller urklipp"),
    ("previous column (coverage)", "föregående kolumn (täckning)"),
    ("next column (coverage)", "nästa kolumn (täckning)"),
    ("coverage by programme area, objective or year", "täckning per programområde, mål eller år"),
    ("coverage: next region, or the whole country", "täckning: nästa region, eller hela landet"),
    ("write the dossier to a new file", "skriv akten till en ny fil"),
    ("copy the dossier (OSC 52)", "kopiera akten (OSC 52)"),
    ("contact persons in the dossier: on / off", "kontaktpersoner i akten: på / av"),
    // The status bar.
    ("file", "fil"),
    ("clipboard", "urklipp"),
    ("contact persons: on", "kontaktpersoner: på"),
    ("contact persons: off", "kontaktpersoner: av"),
    ("one / every organisation", "en / alla organisationer"),
    ("timeline", "tidslinje"),
    ("column", "kolumn"),
    ("columns", "kolumner"),
    ("reading…", "läser…"),
    ("overlapping pairs", "överlappande par"),
    ("overlapping pairs: one", "överlappande par"),
    ("municipalities", "kommuner"),
    ("municipalities: one", "kommun"),
    // The overlaps screen and the detail.
    ("Overlaps", "Överlapp"),
    ("Coverage", "Täckning"),
    ("Started", "Startade"),
    ("every organisation", "alla organisationer"),
    (
        "No two projects of one organisation ran at the same time sharing a programme area, an objective or a municipality.",
        "Inga två projekt av samma organisation pågick samtidigt med samma programområde, mål eller kommun.",
    ),
    ("cannot read the overlaps: {}", "kan inte läsa överlappen: {}"),
    (
        "Stopped after the first {} pairs (organisations in name order); esf overlaps lists every one.",
        "Avbrutet efter de första {} paren (organisationer i namnordning); esf overlaps listar alla.",
    ),
    // The coverage screen.
    ("every column", "alla kolumner"),
    ("{} × {}: no project", "{} × {}: inget projekt"),
    ("{} × {}: {} projects, ESF grant {} (Enter lists them)", "{} × {}: {} projekt, ESF-stöd {} (Enter listar dem)"),
    (
        "Counted {} of {} projects ({} without an ESF grant, in no sum); left out: {} without a municipality, {} {}, {} only outside {}.",
        "Räknade {} av {} projekt ({} utan ESF-stöd, i ingen summa); utelämnade: {} utan kommun, {} {}, {} bara utanför {}.",
    ),
    ("cannot read the coverage: {}", "kan inte läsa täckningen: {}"),
    // The timeline screen.
    ("no start or end date", "inget start- eller slutdatum"),
    (
        "Bars: {} projects with both dates; {} without a start or an end date are listed last, in no bar. Grants as the documents give them (— none given).",
        "Staplar: {} projekt med båda datumen; {} utan start- eller slutdatum listas sist, utan stapel. Stöd som dokumenten anger dem (— inget angivet).",
    ),
    ("the whole list", "hela listan"),
    ("the list ({})", "listan ({})"),
    ("cannot read the timeline: {}", "kan inte läsa tidslinjen: {}"),
    // Opening a project, the dossier.
    ("the filter and facets were cleared to show the project", "filtret och facetterna rensades för att visa projektet"),
    ("cannot make the dossier: {}", "kan inte göra akten: {}"),
    ("dossier written to {}", "akten skriven till {}"),
    ("cannot write the dossier: {}", "kan inte skriva akten: {}"),
    ("dossier copied ({} lines of Markdown)", "akten kopierad ({} rader Markdown)"),
];
