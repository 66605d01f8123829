//! The small screens' words: the stats and the graph where room is short,
//! a list with no hits, the export's file prompt, the language switch.

pub(super) const SCREENS: &[(&str, &str)] = &[
    // The language, switched while running.
    (
        "English / Swedish, every screen redrawn",
        "engelska / svenska, varje skärm ritas om",
    ),
    ("in English (L: på svenska)", "på svenska (L: in English)"),
    // The export's file prompt.
    (
        "export file name (other keys type)",
        "exportens filnamn (andra tangenter skriver)",
    ),
    ("nothing written", "inget skrevs"),
    (
        "{} exists: Enter again replaces it",
        "{} finns redan: Enter igen ersätter den",
    ),
    (
        "{} is a folder: add a file name",
        "{} är en mapp: lägg till ett filnamn",
    ),
    ("cannot write {}: {}", "kan inte skriva {}: {}"),
    ("with your notes", "med dina anteckningar"),
    ("without your notes", "utan dina anteckningar"),
    ("{} projects as {}, {}", "{} projekt som {}, {}"),
    ("CSV for Swedish Excel", "CSV för svenska Excel"),
    ("Export to the file", "Exportera till filen"),
    ("Enter writes · Esc cancels", "Enter skriver · Esc avbryter"),
    ("write", "skriv"),
];
