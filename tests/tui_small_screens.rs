//! The screens a caseworker meets on a small terminal, as insta snapshots
//! at 80×24 and 120×40 in English and Swedish: the stats and the graph of
//! 2,000 generated projects, a search with no hits, a search for a place,
//! the export's file prompt.

mod common;

use common::{app_over, key, sample_app, screen, type_text};
use crossterm::event::KeyCode;
use esf_browser::i18n::{self, Lang};
use esf_browser::store::Store;
use esf_browser::tui::app::App;
use std::path::PathBuf;
use std::sync::OnceLock;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Sv, "sv")];

/// A cache of 2,000 generated projects, made once for every test here.
fn generated() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let db = dir.join("cache.sqlite");
        let out = common::esf_beside(&db)
            .args(["gen", "--count", "2000", "--seed", "7"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        db
    })
}

fn generated_app(width: u16, height: u16) -> App {
    app_over(Store::open(generated()).unwrap().store, width, height)
}

/// Each size in each language: `make` the app, `setup` it, check and
/// snapshot the screen.
fn shots(name: &str, make: fn(u16, u16) -> App, setup: &dyn Fn(&mut App), check: &dyn Fn(&str)) {
    for (lang, code) in LANGS {
        i18n::set(lang);
        for (w, h) in SIZES {
            let mut app = make(w, h);
            setup(&mut app);
            let shown = screen(&mut app);
            check(&shown);
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), shown);
        }
    }
    i18n::set(Lang::En);
}

#[test]
fn stats_at_80x24_and_120x40_in_both_languages() {
    shots(
        "stats",
        generated_app,
        &|app| {
            app.handle(key(KeyCode::Char('S')));
        },
        &|shown| {
            assert!(!shown.contains("0 0 1 1"), "years read whole: {shown}");
            assert!(shown.contains("2010") && shown.contains("2020"), "{shown}");
            // Every amount ends in its unit, never cut inside it.
            let regions = shown.lines().filter_map(|l| l.split("││").nth(1));
            for line in regions.filter(|l| l.contains(" / ")) {
                let line = line.trim_end_matches(['│', ' ']);
                assert!(
                    line.ends_with("M kr") || line.ends_with("mnkr") || line.ends_with("mdkr"),
                    "{line}"
                );
            }
        },
    );
    i18n::set(Lang::Sv);
    let mut app = generated_app(80, 24);
    app.handle(key(KeyCode::Char('S')));
    assert!(screen(&mut app).contains("+5 regioner till"));
    i18n::set(Lang::En);
}

#[test]
fn the_graph_of_a_generated_project_at_both_sizes() {
    shots(
        "graph",
        generated_app,
        &|app| {
            app.handle(key(KeyCode::Char('p')));
        },
        &|shown| {
            let centre = shown.lines().find(|l| l.contains(" Aktiv arbetsgivare "));
            assert!(
                centre.is_some(),
                "the centre named, a blank either side: {shown}"
            );
        },
    );
}

#[test]
fn no_hits_say_so_and_how_to_clear_them() {
    shots(
        "no_hits",
        sample_app,
        &|app| {
            app.handle(key(KeyCode::Char('/')));
            type_text(app, "zzqqxxw");
        },
        &|shown| {
            let said = [
                "No project matches “zzqqxxw”.",
                "Inget projekt matchar ”zzqqxxw”.",
            ];
            assert!(said.iter().any(|s| shown.contains(s)), "{shown}");
            assert!(
                shown.contains("Esc ") && shown.contains("Backspace "),
                "{shown}"
            );
        },
    );
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "zzqqxxw");
    app.handle(key(KeyCode::Enter));
    assert!(screen(&mut app).contains("Esc clears the search"));
    // A facet that leaves nothing: F clears it, f changes it.
    app.handle(key(KeyCode::Esc));
    let region = esf_browser::catalogue::facets::Facet::Region;
    let facets = &mut app.state.search.facets.chosen;
    facets.insert(region, "Västsverige".into());
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "vellinge");
    app.handle(key(KeyCode::Enter));
    let shown = screen(&mut app);
    assert!(app.state.list.rows.is_empty(), "{shown}");
    assert!(
        shown.contains("No project matches “vellinge” with the facets chosen."),
        "{shown}"
    );
    assert!(shown.contains("F clears the facets") && shown.contains("f changes them"));
}

#[test]
fn a_place_name_says_why_the_free_search_finds_more() {
    shots(
        "place",
        generated_app,
        &|app| {
            app.handle(key(KeyCode::Char('/')));
            type_text(app, "göteborg");
            app.handle(key(KeyCode::Enter));
        },
        &|shown| {
            // 37 found: 5 with Göteborg as municipality (as `esf list
            // --filter kommun:göteborg` finds), 32 through Göteborgs Stad
            // and other names.
            let said = [
                "5 in kommun:göteborg · 32 more name Göteborg elsewhere",
                "5 i kommun:göteborg · 32 till nämner Göteborg på annat håll",
            ];
            assert!(said.iter().any(|s| shown.contains(s)), "{shown}");
        },
    );
}

#[test]
fn the_export_prompt_opens_on_a_default_ready_to_accept() {
    let today = esf_browser::dates::iso_from_days(esf_browser::dates::now() / 86_400);
    for (lang, code) in LANGS {
        i18n::set(lang);
        for (w, h) in SIZES {
            let mut app = sample_app(w, h);
            app.state.export_dir = "/home/anna".into();
            app.handle(key(KeyCode::Char('e')));
            app.handle(key(KeyCode::Char('x')));
            // The date of the day, the same width, so the snapshot holds.
            let shown = screen(&mut app).replace(&today, "YYYY-MM-DD");
            assert!(
                shown.contains("› /home/anna/esf-export-YYYY-MM-DD.csv█"),
                "{shown}"
            );
            insta::assert_snapshot!(format!("export_file_{code}_{w}x{h}"), shown);
        }
    }
    i18n::set(Lang::En);
}
