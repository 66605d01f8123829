//! Labels and messages in English or Swedish. Text is written in English
//! in the code and looked up here; a string without a Swedish entry stays
//! English. The language is chosen once per thread (`--lang`, else the
//! locale), so tests can draw both languages side by side.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

impl Lang {
    /// Swedish when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the
    /// first one set) is Swedish (`sv_SE.UTF-8`, `sv`), else English.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.starts_with("sv") {
            Lang::Sv
        } else {
            Lang::En
        }
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Sets the language of this thread's labels and messages.
pub fn set(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The text in the language in force.
pub fn t(en: &'static str) -> &'static str {
    if lang() == Lang::En {
        return en;
    }
    swedish().get(en).copied().unwrap_or(en)
}

fn swedish() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| SWEDISH.iter().copied().collect())
}

/// `n` of a word: `one` is looked up as "`many`: one" (English uses
/// `many` for both where they are the same word).
pub fn t_count(n: usize, many: &'static str) -> String {
    if n == 1 && lang() == Lang::Sv {
        let one = format!("{many}: one");
        if let Some(word) = swedish().get(one.as_str()) {
            return format!("{n} {word}");
        }
    }
    format!("{n} {}", t(many))
}

/// English → Swedish.
const SWEDISH: &[(&str, &str)] = &[
    // Detail sections and labels (the browser and `esf show`).
    ("Identity", "Identitet"),
    ("Diarienummer", "Diarienummer"),
    ("Name", "Namn"),
    ("Fund", "Fond"),
    ("Programme period", "Programperiod"),
    ("Phase", "Fas"),
    ("Money", "Finansiering"),
    ("Total budget", "Totalbudget"),
    ("ESF grant", "ESF-stöd"),
    ("EU co-financing", "EU-medfinansiering"),
    ("Period", "Period"),
    ("Duration", "Längd"),
    ("Programme", "Program"),
    ("Programme area", "Programområde"),
    ("Specific objective", "Specifikt mål"),
    ("Intervention type", "Insatstyp"),
    ("Planned participants", "Planerade deltagare"),
    ("Region", "Region"),
    ("NUTS-2", "NUTS-2"),
    ("Owner and contact", "Ägare och kontakt"),
    ("Owner", "Ägare"),
    ("Org. number", "Org.nummer"),
    ("Contact", "Kontakt"),
    ("E-mail", "E-post"),
    ("Phone", "Telefon"),
    ("Beneficiary", "Stödmottagare"),
    ("Organisations", "Organisationer"),
    ("Partners", "Partner"),
    ("Mentioned", "Nämnda"),
    ("Mentioned in passing", "Nämnda i förbigående"),
    ("Municipalities", "Kommuner"),
    ("Municipality", "Kommun"),
    ("Description", "Beskrivning"),
    ("Source", "Källa"),
    ("Related projects", "Relaterade projekt"),
    ("finding…", "söker…"),
    (
        "none share an organisation",
        "inga projekt delar organisation",
    ),
    ("via", "via"),
    ("Your notes", "Dina anteckningar"),
    ("★ bookmarked", "★ bokmärkt"),
    ("review", "granskning"),
    ("Articles", "Artiklar"),
    ("none linked", "inga länkade"),
    ("Details", "Detaljer"),
    ("↓ more", "↓ mer"),
    ("none (listed as", "inget (listas som"),
    ("year", "år"),
    ("years", "år"),
    ("month", "månad"),
    ("months", "månader"),
    ("day", "dag"),
    ("days", "dagar"),
    // Review states.
    ("unread", "oläst"),
    ("in-review", "granskas"),
    ("done", "klar"),
    // The list and the status bar.
    ("Projects", "Projekt"),
    ("projects", "projekt"),
    ("Unclassified documents", "Oklassade dokument"),
    ("Other documents", "Övriga dokument"),
    ("other documents", "övriga dokument"),
    ("OPEN – CLOSE", "ÖPPEN – STÄNGER"),
    ("AMOUNT", "BELOPP"),
    ("PROJECT", "PROJEKT"),
    ("ABOUT", "OM"),
    ("not in the cache", "inte i cachen"),
    ("About the project", "Om projektet"),
    ("TITLE", "TITEL"),
    ("FILE", "FIL"),
    ("call", "utlysning"),
    ("about a project", "om ett projekt"),
    ("unknown format", "okänt format"),
    ("final report", "slutrapport"),
    ("page about a project", "sida om ett projekt"),
    ("Documents about the project", "Dokument om projektet"),
    ("Total budget (EUR)", "Total budget (EUR)"),
    ("EU contribution (EUR)", "EU-bidrag (EUR)"),
    ("Title", "Titel"),
    ("Opens", "Öppnar"),
    ("Closes", "Stänger"),
    ("Amount", "Belopp"),
    ("Kind", "Slag"),
    ("Project", "Projekt"),
    ("unclassified", "oklassade"),
    ("sort", "sortering"),
    ("best match", "bästa träff"),
    ("name", "namn"),
    ("id", "id"),
    ("start", "start"),
    ("end", "slut"),
    ("budget", "budget"),
    ("grant", "stöd"),
    ("region", "region"),
    // Where a search term was found.
    ("owner", "ägare"),
    ("partner", "partner"),
    ("mentioned", "nämnd"),
    ("municipality", "kommun"),
    ("area", "område"),
    ("objective", "mål"),
    ("MATCHED", "TRÄFF"),
    ("filter", "filter"),
    ("loading…", "läser in…"),
    ("searching texts…", "söker i texterna…"),
    (
        "the search box (/): every term must be found",
        "sökrutan (/): varje term måste finnas",
    ),
    ("in a field or the texts", "i ett fält eller i texterna"),
    ("a typo or two is forgiven", "ett stavfel eller två går bra"),
    ("exactly as typed", "exakt som skrivet"),
    (
        "at the start / end of a field",
        "i början / slutet av ett fält",
    ),
    ("leaves out where it stands", "utesluter där det står"),
    ("either (ELLER too)", "något av dem (även ELLER)"),
    ("an organisationsnummer", "ett organisationsnummer"),
    (
        "in one field (region: id: text: …)",
        "i ett fält (region: id: text: …)",
    ),
    (
        "cannot find related projects",
        "kan inte hitta relaterade projekt",
    ),
    ("cannot search the texts", "kan inte söka i texterna"),
    ("text", "text"),
    ("NAME", "NAMN"),
    ("ID", "ID"),
    ("OWNER", "ÄGARE"),
    ("REGION", "REGION"),
    ("BUDGET", "BUDGET"),
    ("GRANT", "STÖD"),
    ("PERIOD", "PERIOD"),
    ("YEARS", "ÅR"),
    ("neighbours", "grannar"),
    ("organisations", "organisationer"),
    // Hints.
    ("keep", "behåll"),
    ("clear", "rensa"),
    ("move", "flytta"),
    ("save", "spara"),
    ("cancel", "avbryt"),
    ("choose", "välj"),
    ("back", "tillbaka"),
    ("close", "stäng"),
    ("quit", "avsluta"),
    ("go to", "gå till"),
    ("branches", "filialer"),
    ("help", "hjälp"),
    ("graph", "graf"),
    ("scroll", "rulla"),
    ("note", "anteckning"),
    ("bookmark", "bokmärke"),
    ("open", "öppna"),
    ("facets", "fasetter"),
    ("stats", "statistik"),
    ("orgs", "org."),
    ("notes: on", "anteckningar: på"),
    ("notes: off", "anteckningar: av"),
    // Messages.
    ("bookmarked", "bokmärkt"),
    ("bookmark removed", "bokmärket borttaget"),
    ("note saved", "anteckningen sparad"),
    ("not saved", "inte sparad"),
    ("bundled sample corpus", "medföljande exempelprojekt"),
    ("add yours", "lägg till dina"),
    ("problem", "problem"),
    ("problems", "problem"),
    ("listed in the help, ?", "listade i hjälpen, ?"),
    ("config.toml: not applied", "config.toml: tillämpades inte"),
    (
        "more below: PageDown, G · rebind by action name in config.toml · Esc closes",
        "mer nedanför: PageDown, G · byt tangent per åtgärd i config.toml · Esc stänger",
    ),
    ("new line", "ny rad"),
    (
        "a paste goes into the search box (/) or a note (n)",
        "klistra in i sökrutan (/) eller i en anteckning (n)",
    ),
    (
        "the note was not saved; it is still here",
        "anteckningen sparades inte; den finns kvar här",
    ),
    ("note removed", "anteckningen borttagen"),
    ("note not changed", "anteckningen oförändrad"),
    ("facets cleared", "fasetterna rensade"),
    ("nothing to export yet", "inget att exportera än"),
    ("wrote", "skrev"),
    ("to", "till"),
    ("cannot export", "kan inte exportera"),
    (
        "facets wait until every project is in",
        "fasetterna väntar tills alla projekt är inlästa",
    ),
    (
        "the stats wait until every project is in",
        "statistiken väntar tills alla projekt är inlästa",
    ),
    ("since you last looked", "sedan du senast tittade"),
    ("new", "nya"),
    ("changed", "ändrade"),
    ("removed", "borttagna"),
    ("new: one", "ny"),
    ("changed: one", "ändrad"),
    ("removed: one", "borttagen"),
    (
        "note saved after the one written meanwhile elsewhere",
        "anteckningen sparad efter den som skrevs på annat håll under tiden",
    ),
    ("M", "mnkr"),
    ("no note for", "ingen anteckning för"),
    ("no notes yet", "inga anteckningar än"),
    ("MARK", "MÄRKE"),
    ("REVIEW", "GRANSKNING"),
    ("NOTE", "ANTECKNING"),
    ("orphaned", "utan projekt"),
    (
        "nothing new since you last looked",
        "inget nytt sedan du senast tittade",
    ),
    ("CHANGE", "ÄNDRING"),
    ("with", "med"),
    ("no project matches", "inget projekt matchar"),
    (
        "of your notes are for projects no longer in the cache",
        "av dina anteckningar gäller projekt som inte längre finns i cachen",
    ),
    // Facets.
    ("Facets · Enter chooses", "Fasetter · Enter väljer"),
    ("type to narrow", "skriv för att filtrera"),
    ("Esc back", "Esc tillbaka"),
    ("any", "alla"),
    ("(any)", "(alla)"),
    ("Bookmarks", "Bokmärken"),
    ("Review state", "Granskning"),
    ("Organisation", "Organisation"),
    ("Active during", "Aktivt under"),
    (
        "A year, month, date or range: 2016, 2016-03, 2015..2017",
        "Ett år, en månad, ett datum eller ett intervall: 2016, 2016-03, 2015..2017",
    ),
    ("(empty: any time)", "(tomt: när som helst)"),
    ("not bookmarked", "inte bokmärkt"),
    // Note editor.
    ("Note", "Anteckning"),
    (
        "Enter saves · Alt-Enter new line · Esc cancels",
        "Enter sparar · Alt-Enter ny rad · Esc avbryter",
    ),
    // Stats.
    ("Projects per start year", "Projekt per startår"),
    (
        "Budget ░ and ESF grant █ per region",
        "Budget ░ och ESF-stöd █ per region",
    ),
    ("Timeline", "Tidslinje"),
    ("by start; j/k scroll", "efter start; j/k rullar"),
    (
        "Most connected organisations",
        "Organisationer i flest projekt",
    ),
    // Help.
    ("Keys", "Tangenter"),
    ("KEYS", "TANGENTER"),
    ("ACTION", "HANDLING"),
    ("WHAT IT DOES", "VAD DEN GÖR"),
    (
        "rebind by action name in config.toml · Esc closes",
        "byt tangent per handling i config.toml · Esc stänger",
    ),
    ("next row, or scroll down", "nästa rad, eller rulla ned"),
    ("previous row, or scroll up", "förra raden, eller rulla upp"),
    ("one page down", "en sida ned"),
    ("one page up", "en sida upp"),
    ("first row, or top", "första raden, eller överst"),
    ("last row, or bottom", "sista raden, eller nederst"),
    ("next pane", "nästa ruta"),
    ("previous pane", "förra rutan"),
    (
        "open the project or organisation",
        "öppna projektet eller organisationen",
    ),
    (
        "back (help, detail, filter, graph path)",
        "tillbaka (hjälp, detaljer, filter, graf)",
    ),
    (
        "fuzzy filter (Enter keeps, Esc clears)",
        "sökfilter (Enter behåller, Esc rensar)",
    ),
    ("next sort order", "nästa sorteringsordning"),
    (
        "projects / calls and other documents",
        "projekt / utlysningar och övriga dokument",
    ),
    (
        "partner graph of the selected project",
        "partnergraf för valt projekt",
    ),
    (
        "all organisations (Enter: their graph)",
        "alla organisationer (Enter: deras graf)",
    ),
    (
        "graph: branch offices rolled up / apart",
        "graf: filialer ihop / isär",
    ),
    (
        "copy the diarienummer (OSC 52)",
        "kopiera diarienumret (OSC 52)",
    ),
    (
        "copy a short summary (OSC 52)",
        "kopiera en kort sammanfattning (OSC 52)",
    ),
    (
        "your note (Enter saves, Esc cancels)",
        "anteckning (Enter sparar, Esc avbryter)",
    ),
    ("bookmark on / off", "bokmärke på / av"),
    (
        "review: unread → in review → done",
        "granskning: oläst → granskas → klar",
    ),
    (
        "facets: region, period, org, dates…",
        "fasetter: region, period, org., datum…",
    ),
    ("clear every facet", "rensa alla fasetter"),
    (
        "the list to a file: CSV, JSON, Markdown",
        "listan till en fil: CSV, JSON, Markdown",
    ),
    (
        "charts of the filtered projects",
        "diagram över de filtrerade projekten",
    ),
    ("this help", "den här hjälpen"),
    // Graph and organisations screens.
    ("Graph", "Graf"),
    ("branches rolled up", "filialer ihop"),
    ("branches apart", "filialer isär"),
    ("more", "till"),
    ("PROJECTS", "PROJEKT"),
    ("ORGANISATION", "ORGANISATION"),
    ("KIND", "SLAG"),
    ("ROLES", "ROLLER"),
    ("PART OF", "DEL AV"),
    ("ORG. NUMBER", "ORG.NUMMER"),
    ("also:", "även:"),
    ("without a start date", "utan startdatum"),
    ("leaves out", "utelämnar"),
    ("project without a start date", "projekt utan startdatum"),
    ("projects without a start date", "projekt utan startdatum"),
    (
        "without a start date left out",
        "utan startdatum utelämnade",
    ),
    ("project without an amount", "projekt utan belopp"),
    ("projects without an amount", "projekt utan belopp"),
    ("undated", "utan datum"),
    ("list", "lista"),
    ("place", "ort"),
    ("Start years", "Startår"),
    ("without both dates", "utan båda datumen"),
    ("check digit wrong", "fel kontrollsiffra"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_has_one_translation() {
        let mut seen = std::collections::HashSet::new();
        for (en, _) in SWEDISH {
            assert!(seen.insert(en), "{en} twice");
        }
    }

    #[test]
    fn the_language_is_per_thread() {
        set(Lang::Sv);
        assert_eq!(t("Money"), "Finansiering");
        assert_eq!(t("no such text"), "no such text");
        std::thread::spawn(|| assert_eq!(t("Money"), "Money"))
            .join()
            .unwrap();
        set(Lang::En);
        assert_eq!(t("Money"), "Money");
    }
}
