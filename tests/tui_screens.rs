//! Screens of the browser on ratatui's TestBackend, as insta snapshots at
//! 80×24 and 120×40, plus checks on what is drawn in the cells.

mod common;

use common::{app_over, draw, key, sample_app, screen, type_text};
use crossterm::event::KeyCode;
use esf_browser::import::Input;
use esf_browser::store::Store;
use esf_browser::tui::app::App;
use ratatui::style::Modifier;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn at_sizes(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = sample_app(w, h);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&mut app));
    }
}

#[test]
fn list() {
    at_sizes("list", |_| {});
}

#[test]
fn filtered_list() {
    at_sizes("filtered", |app| {
        app.handle(key(KeyCode::Char('/')));
        type_text(app, "inkl");
    });
}

#[test]
fn match_reasons() {
    // Försäkringskassan is a partner of one project and named in the
    // text of another; "göteborg" is an owner, a municipality and a
    // named organisation.
    at_sizes("reasons", |app| {
        app.handle(key(KeyCode::Char('/')));
        type_text(app, "försäkringskassan | vellinge");
    });
}

#[test]
fn detail() {
    at_sizes("detail", |app| {
        app.handle(key(KeyCode::Char('j')));
        app.handle(key(KeyCode::Enter));
    });
}

#[test]
fn help() {
    at_sizes("help", |app| {
        app.handle(key(KeyCode::Char('?')));
    });
}

#[test]
fn tiny_terminal() {
    let mut app = sample_app(24, 5);
    insta::assert_snapshot!("tiny_24x5", screen(&mut app));
}

#[test]
fn matched_characters_are_highlighted_without_colour() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "nya");
    let terminal = draw(&mut app);
    let buffer = terminal.backend().buffer();
    // Row 2 is the first data row; the name starts after "│▶ " and the
    // four-column mark (bookmark, review, note, change).
    let cell = &buffer[(8, 2)];
    assert_eq!(cell.symbol(), "N");
    assert!(cell
        .modifier
        .contains(Modifier::UNDERLINED | Modifier::BOLD));
    let selected = &buffer[(30, 2)];
    assert!(
        selected.modifier.contains(Modifier::REVERSED),
        "selection shows without colour"
    );
}

#[test]
fn control_characters_from_documents_never_reach_a_cell() {
    let evil = "1/2 - Ondska\n\nDiarienummer:\n1/2\nNamn:\nOnd\u{1b}]0;pwned\u{7}\u{202e}skap\nRegion:\nStockholm\nProjektägare:\nX\u{9b}31m\nProjektperiod:\n2020-01-01 - 2021-01-01\n\nText med\tflik och \u{1b}[2J rensning.\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("evil.txt"), evil).unwrap();
    let store = common::store_of(&Input::from_paths(&[dir.path().to_path_buf()]));
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_over(store_copy(&store, dir.path()), w, h);
        for step in [None, Some(KeyCode::Enter)] {
            if let Some(code) = step {
                app.handle(key(code));
            }
            let terminal = draw(&mut app);
            let buffer = terminal.backend().buffer();
            for cell in buffer.content() {
                assert!(
                    !cell
                        .symbol()
                        .chars()
                        .any(esf_browser::present::sanitize::is_unsafe),
                    "unsafe character in a cell: {:?}",
                    cell.symbol()
                );
            }
        }
        assert!(screen(&mut app).contains("␛"), "shown as a visible marker");
    }
}

/// A fresh in-memory store with the same documents (a Store is not Clone).
fn store_copy(_: &Store, dir: &std::path::Path) -> Store {
    common::store_of(&Input::from_paths(&[dir.to_path_buf()]))
}

#[test]
fn graph_pane() {
    at_sizes("graph", |app| {
        app.handle(key(KeyCode::Char('j')));
        app.handle(key(KeyCode::Char('p')));
    });
}

#[test]
fn organisations_view() {
    at_sizes("organisations", |app| {
        app.handle(key(KeyCode::Char('o')));
    });
}

#[test]
fn facet_picker() {
    at_sizes("facets", |app| {
        app.handle(key(KeyCode::Char('f')));
    });
    at_sizes("facet_values", |app| {
        app.handle(key(KeyCode::Char('f')));
        app.handle(key(KeyCode::Enter));
    });
}

/// The "active during" prompt shows its hint and what is typed, at every
/// size (it was blank, though Enter applied it).
#[test]
fn active_during_prompt_with_typed_text() {
    at_sizes("active_during", |app| {
        app.handle(key(KeyCode::Char('f')));
        app.handle(key(KeyCode::End));
        app.handle(key(KeyCode::Enter));
        type_text(app, "2015..2017");
    });
    for (w, h) in [(80, 24), (200, 50)] {
        let mut app = sample_app(w, h);
        app.handle(key(KeyCode::Char('f')));
        app.handle(key(KeyCode::End));
        app.handle(key(KeyCode::Enter));
        type_text(&mut app, "2016-03");
        let shown = screen(&mut app);
        assert!(shown.contains("› 2016-03█"), "{w}x{h}: {shown}");
        assert!(shown.contains("2015..2017"), "{w}x{h}: the format hint");
    }
}

#[test]
fn export_prompt() {
    at_sizes("export", |app| {
        app.handle(key(KeyCode::Char('e')));
    });
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('e')));
    let shown = screen(&mut app);
    assert!(
        shown.contains("notes: off"),
        "the notes option shows at 80 columns: {shown}"
    );
}

#[test]
fn faceted_list_with_marks() {
    at_sizes("faceted", |app| {
        app.handle(key(KeyCode::Char('j')));
        app.handle(key(KeyCode::Char('b')));
        app.handle(key(KeyCode::Char('r')));
        app.handle(key(KeyCode::Char('f')));
        app.handle(key(KeyCode::Enter));
        app.handle(key(KeyCode::Down));
        app.handle(key(KeyCode::Enter));
    });
}

#[test]
fn note_editor() {
    at_sizes("note", |app| {
        app.handle(key(KeyCode::Char('n')));
        type_text(app, "Ring Anna om uppföljningen efter sommaren");
    });
}

#[test]
fn stats_screen() {
    at_sizes("stats", |app| {
        app.handle(key(KeyCode::Char('S')));
    });
}

/// The same screens in Swedish at 80×24: every label translated and whole.
#[test]
fn swedish_screens() {
    use esf_browser::i18n::{self, Lang};
    i18n::set(Lang::Sv);
    let shot = |name: &str, setup: &dyn Fn(&mut App)| {
        let mut app = sample_app(80, 24);
        setup(&mut app);
        let text = screen(&mut app);
        insta::assert_snapshot!(format!("sv_{name}_80x24"), text.clone());
        text
    };
    let list = shot("list", &|_| {});
    assert!(
        list.contains("Projekt 5/5 · 1 av 5 · sortering: namn"),
        "{list}"
    );
    assert!(list.contains("5/5 projekt · sortering: namn"), "{list}");
    assert!(list.contains("? hjälp"), "{list}");
    let detail = shot("detail", &|app| {
        app.handle(key(KeyCode::Char('j')));
        app.handle(key(KeyCode::Char('b')));
        app.handle(key(KeyCode::Enter));
    });
    assert!(
        detail.contains("Dina anteckningar") && detail.contains("★ bokmärkt"),
        "{detail}"
    );
    assert!(
        detail.contains("Identitet") && detail.contains("ESF-stöd"),
        "{detail}"
    );
    assert!(detail.contains("3 år"), "{detail}");
    let facets = shot("facets", &|app| {
        app.handle(key(KeyCode::Char('f')));
    });
    assert!(
        facets.contains("Programperiod") && facets.contains("Aktivt under"),
        "{facets}"
    );
    shot("facet_values", &|app| {
        app.handle(key(KeyCode::Char('f')));
        app.handle(key(KeyCode::Enter));
    });
    shot("note", &|app| {
        app.handle(key(KeyCode::Char('n')));
    });
    let stats = shot("stats", &|app| {
        app.handle(key(KeyCode::Char('S')));
    });
    assert!(
        stats.contains("Startår (+1 utan datum)") && stats.contains("Tidslinje"),
        "{stats}"
    );
    shot("help", &|app| {
        app.handle(key(KeyCode::Char('?')));
    });
    let reasons = shot("match_reasons", &|app| {
        app.handle(key(KeyCode::Char('/')));
        type_text(app, "försäkringskassan | vellinge");
    });
    assert!(reasons.contains("bästa träff"), "{reasons}");
    let graph = shot("graph", &|app| {
        app.handle(key(KeyCode::Char('j')));
        app.handle(key(KeyCode::Char('p')));
    });
    assert!(
        graph.contains("ägare") && !graph.contains("owner"),
        "{graph}"
    );
    let orgs = shot("organisations", &|app| {
        app.handle(key(KeyCode::Char('o')));
    });
    assert!(orgs.contains("organisationer"), "{orgs}");
    let export = shot("export", &|app| {
        app.handle(key(KeyCode::Char('e')));
    });
    assert!(export.contains("anteckningar: av"), "{export}");
    shot("other_documents", &|app| {
        app.handle(key(KeyCode::Char('u')));
    });
    i18n::set(Lang::En);
}

/// Calls and pages about a project not in the cache stand beside the
/// projects, each with its kind; a call opens to its fields.
#[test]
fn other_documents_list_calls_and_pages_about_projects() {
    let mut inputs = Input::sample();
    // Embedded, so the screen shows no path of this machine.
    let pages: [(&str, &'static [u8]); 3] = [
        ("call.txt", include_bytes!("fixtures/pages/call.txt")),
        (
            "news_item.txt",
            include_bytes!("fixtures/pages/news_item.txt"),
        ),
        (
            "interreg_page.txt",
            include_bytes!("fixtures/pages/interreg_page.txt"),
        ),
    ];
    inputs.extend(pages.map(|(name, bytes)| Input::Embedded {
        name: name.into(),
        bytes,
    }));
    let mut app = app_over(common::store_of(&inputs), 80, 24);
    app.handle(key(KeyCode::Char('u')));
    let shown = screen(&mut app);
    assert!(shown.contains("Other documents (3)"), "{shown}");
    for (kind, title) in [
        ("call", "Stärkt etablering"),
        ("about a project", "Ny chans till jobb"),
        ("unknown format", "Region Västra Götaland"),
    ] {
        let row = shown.lines().find(|l| l.contains(title)).unwrap_or("");
        assert!(row.contains(kind), "{kind}: {row}\n{shown}");
    }
    app.handle(key(KeyCode::Enter));
    insta::assert_snapshot!("other_documents_call_80x24", screen(&mut app));
}
