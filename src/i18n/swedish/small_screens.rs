//! The small screens' words: the stats and the graph where room is short,
//! a list with no hits, the export's file prompt, the language switch.

pub(super) const SMALL_SCREENS: &[(&str, &str)] = &[
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
    ("with your notes", "med dina anteckningar"),
    ("without your notes", "utan dina anteckningar"),
    ("{} projects as {}, {}", "{} projekt som {}, {}"),
    ("CSV for Swedish Excel", "CSV för svenska Excel"),
    ("Export to the file", "Exportera till filen"),
    ("Enter writes · Esc cancels", "Enter skriver · Esc avbryter"),
    ("write", "skriv"),
    // A free search for a place, and a list with no hits.
    (
        "{} have {} as municipality ({})",
        "{} har {} som kommun ({})",
    ),
    (
        "{} more name it in a name or an organisation",
        "{} till nämner den i ett namn eller en organisation",
    ),
    ("{} more only in their text", "{} till bara i sin text"),
    ("{} in {}", "{} i {}"),
    (
        "{} more name {} elsewhere",
        "{} till nämner {} på annat håll",
    ),
    ("{} only in their text", "{} bara i sin text"),
    ("+{} in names", "+{} i namn"),
    ("+{} in texts", "+{} i texter"),
    ("No project matches “{}”.", "Inget projekt matchar ”{}”."),
    (
        "No project matches “{}” with the facets chosen.",
        "Inget projekt matchar ”{}” med de valda fasetterna.",
    ),
    (
        "No project has the facets chosen.",
        "Inget projekt har de valda fasetterna.",
    ),
    (
        "The texts are still being searched…",
        "Texterna genomsöks fortfarande…",
    ),
    ("clears the search", "rensar sökningen"),
    ("deletes the last letter", "raderar sista bokstaven"),
    ("clears the facets", "rensar fasetterna"),
    ("changes them", "ändrar dem"),
    // The stats on a small screen.
    ("M kr", "mnkr"),
    ("bn kr", "mdkr"),
    (
        "+{} more regions (a taller window shows them)",
        "+{} regioner till (ett högre fönster visar dem)",
    ),
    ("+{} more regions", "+{} regioner till"),
    ("Budget ░, grant █", "Budget ░, stöd █"),
    ("Most connected", "Flest projekt"),
    // A project's detail opened from the graph.
    ("back to the graph", "tillbaka till grafen"),
    ("its graph", "dess graf"),
    ("copy ID", "kopiera ID"),
];
