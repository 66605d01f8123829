//! Key sequences through the browser's update function, asserting on state.

mod common;

use common::{ctrl, key, sample_app, screen, type_text};
use crossterm::event::KeyCode;
use esf_browser::catalogue::SortKey;
use esf_browser::tui::app::{App, Exit, ListKind, Pane};
use esf_browser::tui::keymap::Context;

fn selected_name(app: &App) -> String {
    let index = &app.state.list.rows[app.state.list.selection.index];
    app.state
        .catalogue
        .projects
        .get(*index)
        .name
        .clone()
        .unwrap_or_default()
}

#[test]
fn moving_through_the_list() {
    let mut app = sample_app(80, 24);
    assert_eq!(
        selected_name(&app),
        "Arbetsliv och hälsa Nordost",
        "sorted by name"
    );
    app.handle(key(KeyCode::Char('j')));
    assert_eq!(selected_name(&app), "effektbutiken");
    app.handle(key(KeyCode::Down));
    app.handle(key(KeyCode::Char('k')));
    assert_eq!(app.state.list.selection.index, 1);
    app.handle(key(KeyCode::Char('G')));
    assert_eq!(selected_name(&app), "Nya Vägar i Vellinge +");
    app.handle(key(KeyCode::Home));
    assert_eq!(app.state.list.selection.index, 0);
    app.handle(key(KeyCode::End));
    app.handle(key(KeyCode::Char('g')));
    assert_eq!(app.state.list.selection.index, 0);
    app.handle(key(KeyCode::PageDown));
    assert_eq!(
        app.state.list.selection.index, 4,
        "a page is more than five rows"
    );
    app.handle(ctrl('u'));
    assert_eq!(app.state.list.selection.index, 0);
    app.handle(ctrl('d'));
    assert_eq!(app.state.list.selection.index, 4);
}

#[test]
fn filtering_ranks_keeps_and_clears() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    assert_eq!(app.state.context(), Context::Filter);
    type_text(&mut app, "vellinge");
    assert_eq!(
        selected_name(&app),
        "Nya Vägar i Vellinge +",
        "best match first"
    );
    assert!(app.state.list.ranked);
    app.handle(key(KeyCode::Enter));
    assert_eq!(
        (app.state.context(), app.state.search.query.as_str()),
        (Context::Normal, "vellinge"),
        "Enter keeps"
    );
    app.handle(key(KeyCode::Char('/')));
    app.handle(key(KeyCode::Esc));
    assert_eq!(
        (app.state.context(), app.state.search.query.as_str()),
        (Context::Normal, ""),
        "Esc clears"
    );
    assert_eq!(app.state.list.rows.len(), 5);
    assert!(!app.state.list.ranked);
}

#[test]
fn typing_in_the_filter_is_not_taken_for_commands() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "qsjk?");
    assert_eq!(app.state.search.query, "qsjk?");
    assert!(app.state.exit.is_none());
    app.handle(key(KeyCode::Backspace));
    assert_eq!(app.state.search.query, "qsjk");
    app.handle(ctrl('u'));
    assert_eq!(app.state.search.query, "");
}

#[test]
fn a_filter_matching_nothing_shows_nothing_and_survives_keys() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "zzzzqqq");
    assert!(app.state.list.rows.is_empty());
    for code in [
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::PageDown,
        KeyCode::Enter,
    ] {
        app.handle(key(code));
    }
    app.handle(key(KeyCode::Enter));
    app.handle(key(KeyCode::Char('y')));
    assert!(app.outbox.is_empty(), "nothing to copy");
    assert!(screen(&mut app).contains("0/5 projects"));
}

#[test]
fn sort_cycles_through_every_key() {
    let mut app = sample_app(80, 24);
    let mut seen = vec![app.state.list.sort];
    for _ in 0..7 {
        app.handle(key(KeyCode::Char('s')));
        seen.push(app.state.list.sort);
    }
    assert_eq!(&seen[..7], &SortKey::ALL);
    assert_eq!(seen[7], SortKey::Name, "and round again");
    app.handle(key(KeyCode::Char('s')));
    app.handle(key(KeyCode::Char('s')));
    app.handle(key(KeyCode::Char('s')));
    app.handle(key(KeyCode::Char('s')));
    assert_eq!(app.state.list.sort, SortKey::Budget);
    assert_eq!(
        selected_name(&app),
        "Arbetsliv och hälsa Nordost",
        "largest budget first"
    );
}

#[test]
fn opening_and_going_back() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('j')));
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.list.focus, Pane::Detail);
    app.prepare_frame();
    assert_eq!(app.state.detail.shown.as_ref().unwrap().key, "2015/00730");
    app.handle(key(KeyCode::Char('j')));
    assert_eq!(app.state.list.detail_scroll, 1, "j scrolls the detail");
    app.handle(key(KeyCode::Backspace));
    assert_eq!(app.state.list.focus, Pane::List);
    assert_eq!(app.state.list.selection.index, 1, "back where we were");
    app.handle(key(KeyCode::Tab));
    assert_eq!(app.state.list.focus, Pane::Detail);
    app.handle(key(KeyCode::BackTab));
    assert_eq!(app.state.list.focus, Pane::List);
}

#[test]
fn help_opens_and_closes() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('?')));
    assert_eq!(app.state.context(), Context::Help);
    app.handle(key(KeyCode::Esc));
    assert_eq!(app.state.context(), Context::Normal);
    app.handle(key(KeyCode::F(1)));
    assert_eq!(app.state.context(), Context::Help);
}

#[test]
fn quitting() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('q')));
    assert_eq!(app.state.exit, Some(Exit::Quit));
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    app.handle(ctrl('c'));
    assert_eq!(
        app.state.exit,
        Some(Exit::Interrupted),
        "Ctrl-C even while filtering"
    );
}

#[test]
fn copying_goes_out_as_osc52() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('j')));
    app.handle(key(KeyCode::Char('y')));
    let sequence = app.outbox.pop().expect("a sequence");
    assert!(
        sequence.contains("\u{1b}]52;c;MjAxNS8wMDczMA==\u{7}"),
        "{sequence:?}"
    );
    assert!(app.state.status.text().unwrap().contains("2015/00730"));
    app.handle(key(KeyCode::Char('Y')));
    let summary = app.outbox.pop().unwrap();
    assert!(summary.contains("]52;c;"));
}

#[test]
fn unclassified_documents_are_reachable() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('u')));
    assert_eq!(app.state.list.kind, ListKind::Unclassified);
    assert!(screen(&mut app).contains("Other documents (0)"));
    app.handle(key(KeyCode::Char('u')));
    assert_eq!(app.state.list.kind, ListKind::Projects);
}

#[test]
fn mouse_wheel_and_click() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = sample_app(80, 24);
    let at = |kind, row| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    app.handle(at(MouseEventKind::Down(MouseButton::Left), 4));
    assert_eq!(
        app.state.list.selection.index, 2,
        "the third data row (border, header, rows)"
    );
    app.handle(at(MouseEventKind::ScrollDown, 5));
    assert_eq!(app.state.list.selection.index, 4);
    app.handle(at(MouseEventKind::ScrollUp, 5));
    assert_eq!(app.state.list.selection.index, 1);
}

#[test]
fn every_size_down_to_one_by_one_draws_without_panic() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('j')));
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (29, 6),
        (30, 5),
        (30, 6),
        (40, 8),
        (79, 23),
        (109, 30),
        (110, 30),
        (200, 50),
    ] {
        for focus_detail in [false, true] {
            app.handle(crossterm::event::Event::Resize(w, h));
            if focus_detail {
                app.handle(key(KeyCode::Enter));
            }
            let text = screen(&mut app);
            assert_eq!(text.lines().count(), h as usize);
            app.handle(key(KeyCode::Esc));
        }
    }
    app.handle(crossterm::event::Event::Resize(20, 4));
    assert!(
        screen(&mut app).contains("esf needs"),
        "a note when too small"
    );
}

#[test]
fn walking_the_partner_graph() {
    use esf_browser::graph::Focus;
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('j')));
    app.handle(key(KeyCode::Char('p')));
    assert!(app.state.screen.graph().is_some(), "on the graph");
    let graph = app.state.screen.graph().unwrap();
    assert_eq!(graph.focus(), &Focus::Project("2015/00730".into()));
    let orgs: Vec<&str> = graph
        .ego
        .groups
        .iter()
        .map(|g| g.node.id.as_str())
        .collect();
    assert_eq!(
        orgs,
        vec!["Göteborgs Stad", "Arbetsförmedlingen", "Försäkringskassan"],
        "owner first"
    );
    // Enter on an organisation lists its projects.
    app.handle(key(KeyCode::Enter));
    let graph = app.state.screen.graph().unwrap();
    assert_eq!(graph.focus(), &Focus::Organisation("Göteborgs Stad".into()));
    let projects: Vec<&str> = graph
        .ego
        .groups
        .iter()
        .map(|g| g.node.id.as_str())
        .collect();
    assert!(projects.contains(&"2020/00551") && projects.contains(&"2015/00730"));
    // Enter on a project opens its detail; Esc is back on the graph.
    let at = projects.iter().position(|p| *p == "2020/00551").unwrap();
    for _ in 0..at {
        app.handle(key(KeyCode::Char('j')));
    }
    app.handle(key(KeyCode::Enter));
    assert_eq!(app.state.screen.graph_project(), Some("2020/00551"));
    let detail = screen(&mut app);
    assert!(detail.contains("Arbetsliv och hälsa Nordost"), "{detail}");
    app.handle(key(KeyCode::Esc));
    assert!(app.state.screen.graph().is_some());
    // p moves the focus there.
    app.handle(key(KeyCode::Char('p')));
    let graph = app.state.screen.graph().unwrap();
    assert_eq!(
        graph.breadcrumb(),
        vec!["2015/00730", "Göteborgs Stad", "2020/00551"]
    );
    assert!(screen(&mut app).contains("2015/00730 › Göteborgs Stad › 2020/00551"));
    // Backspace walks back, then leaves the graph.
    app.handle(key(KeyCode::Backspace));
    assert_eq!(
        app.state.screen.graph().unwrap().focus(),
        &Focus::Organisation("Göteborgs Stad".into())
    );
    app.handle(key(KeyCode::Backspace));
    app.handle(key(KeyCode::Backspace));
    assert!(app.state.screen.is_browse());
}

#[test]
fn branches_toggle_in_the_graph() {
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "inkluderande");
    app.handle(key(KeyCode::Enter));
    // The pre-study (owner Nord-ost) has the Arbetsförmedlingen offices.
    while !app
        .state
        .catalogue
        .projects
        .get(app.state.list.rows[app.state.list.selection.index])
        .owner
        .as_deref()
        .unwrap_or("")
        .contains("Nord-ost")
    {
        app.handle(key(KeyCode::Char('j')));
    }
    app.handle(key(KeyCode::Char('p')));
    let count = |app: &App, name: &str| {
        app.state
            .screen
            .graph()
            .unwrap()
            .ego
            .groups
            .iter()
            .filter(|g| g.node.id.starts_with(name))
            .count()
    };
    assert_eq!(count(&app, "Arbetsförmedlingen"), 1, "rolled up");
    app.handle(key(KeyCode::Char('B')));
    assert_eq!(count(&app, "Arbetsförmedlingen"), 10, "ten offices apart");
    app.handle(key(KeyCode::Esc));
    assert!(app.state.screen.is_browse());
    app.handle(key(KeyCode::Char('p')));
    assert_eq!(
        count(&app, "Arbetsförmedlingen"),
        10,
        "the graph opens again as the user left it"
    );
}

#[test]
fn the_organisations_view_filters_and_opens_a_graph() {
    use esf_browser::graph::Focus;
    let mut app = sample_app(80, 24);
    app.handle(key(KeyCode::Char('o')));
    assert!(app.state.screen.orgs().is_some(), "on the organisations");
    let orgs = app.state.screen.orgs().unwrap();
    assert_eq!(orgs.all.len(), orgs.rows.len());
    app.handle(key(KeyCode::Char('/')));
    type_text(&mut app, "försäkrings");
    app.handle(key(KeyCode::Enter));
    assert_eq!(
        app.state.screen.orgs().unwrap().selected().unwrap().name,
        "Försäkringskassan"
    );
    app.handle(key(KeyCode::Enter));
    assert!(app.state.screen.graph().is_some(), "on the graph");
    assert_eq!(
        app.state.screen.graph().unwrap().focus(),
        &Focus::Organisation("Försäkringskassan".into())
    );
    app.handle(key(KeyCode::Esc));
    assert!(
        app.state.screen.orgs().is_some(),
        "back to where the graph was opened"
    );
    app.handle(key(KeyCode::Esc));
    assert!(
        app.state.screen.orgs().is_some(),
        "Esc first clears the filter"
    );
    assert!(app.state.screen.orgs().unwrap().query.is_empty());
    app.handle(key(KeyCode::Char('j')));
    let selected = app.state.screen.orgs().unwrap().selection.index;
    app.handle(key(KeyCode::Esc));
    assert!(app.state.screen.is_browse());
    app.handle(key(KeyCode::Char('o')));
    assert_eq!(
        app.state.screen.orgs().unwrap().selection.index,
        selected,
        "the organisations come back as they were left"
    );
}

#[test]
fn the_detail_names_related_projects() {
    let mut app = sample_app(120, 40);
    app.handle(key(KeyCode::Char('j')));
    app.prepare_frame();
    let related: Vec<&str> = app
        .state
        .detail
        .related
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    // The pre-study shares Göteborgs Stad (its partner "Göteborgs Stad
    // Centrum" rolls up) and Arbetsförmedlingen; Arbetsliv och hälsa
    // Nordost the city as owner (its Socialförvaltning Nordost); Nya
    // Vägar only the two agencies effektbutiken names in its text.
    assert_eq!(related, vec!["x-552c407c19", "2020/00551", "22-002-S07"]);
    let text: Vec<String> = app
        .state
        .detail
        .lines
        .lines()
        .map(|l| l.to_string())
        .collect();
    let at = text
        .iter()
        .position(|l| l == "Related projects")
        .expect("a section");
    assert!(text[at + 1].starts_with("Inkluderande rehabilitering (x-552c407c19)"));
    // effektbutiken is Göteborgs Stad's own project and names
    // Arbetsförmedlingen; the pre-study lists both among its partners.
    let via = text[at + 2..at + 4].join(" ");
    assert!(
        via.contains("via Göteborgs Stad (owner / partner);")
            && via.contains("Arbetsförmedlingen (mentioned / partner)"),
        "{via}"
    );
}

/// Waits for what another thread sends the browser (at most ten seconds).
fn wait_until(app: &mut App, mut arrived: impl FnMut(&mut App) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !arrived(app) {
        assert!(std::time::Instant::now() < deadline, "nothing arrived");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// Every project is in (what the workers sent taken in).
fn loaded(app: &mut App) -> bool {
    app.receive();
    !app.state.is_loading()
}

/// The texts' matches for the query typed are in.
fn texts_in(app: &mut App) -> bool {
    app.receive();
    app.state.search.texts.query == app.state.search.query
}

fn starting_over_a_cache_file(dir: &std::path::Path) -> App {
    let mut store = esf_browser::store::Store::open(&dir.join("cache.sqlite"))
        .unwrap()
        .store;
    esf_browser::import::import(
        &mut store,
        &esf_browser::import::Input::sample(),
        &Default::default(),
        &mut |_, _| {},
    )
    .unwrap();
    let mut app = App::starting(store, Default::default()).unwrap();
    app.handle(crossterm::event::Event::Resize(120, 40));
    app
}

#[test]
fn the_list_shows_while_loading_and_keeps_the_selection_when_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = starting_over_a_cache_file(dir.path());
    assert!(app.state.is_loading());
    assert_eq!(selected_name(&app), "Arbetsliv och hälsa Nordost");
    app.handle(key(KeyCode::Char('j')));
    wait_until(&mut app, loaded);
    assert!(!app.state.is_loading());
    assert_eq!(app.state.list.rows.len(), 5);
    assert_eq!(selected_name(&app), "effektbutiken", "still selected");
}

#[test]
fn a_filter_typed_while_loading_applies_when_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = starting_over_a_cache_file(dir.path());
    app.state.list.defer_filtering = true;
    type_text(&mut app, "/vellinge");
    assert!(
        !app.run_pending_filter(&|| false),
        "waits for every project"
    );
    wait_until(&mut app, loaded);
    assert!(app.state.list.rows.len() < 5, "filtered");
    assert_eq!(selected_name(&app), "Nya Vägar i Vellinge +", "best first");
}

#[test]
fn a_key_typed_while_the_filter_runs_stops_it_and_the_filter_waits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = starting_over_a_cache_file(dir.path());
    wait_until(&mut app, loaded);
    app.state.list.defer_filtering = true;
    type_text(&mut app, "/vellinge");
    assert!(!app.run_pending_filter(&|| true), "given up for the key");
    assert_eq!(app.state.list.rows.len(), 5, "nothing changed");
    assert!(app.run_pending_filter(&|| false), "still waiting, and run");
    assert_eq!(selected_name(&app), "Nya Vägar i Vellinge +");
    assert!(!app.run_pending_filter(&|| false), "nothing left to run");
}

#[test]
fn texts_are_searched_on_their_own_thread_once_every_project_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = starting_over_a_cache_file(dir.path());
    wait_until(&mut app, loaded);
    app.state.list.defer_filtering = true;
    type_text(&mut app, "/IPS");
    assert!(app.run_pending_filter(&|| false));
    // Searched here, the answer would be in already: typing waited for it.
    assert!(
        app.state.search.texts.asked.is_some(),
        "the texts are being searched"
    );
    wait_until(&mut app, texts_in);
    assert!(
        app.state.search.texts.snippets.contains_key("22-002-S07"),
        "Nya Vägar's snippet"
    );
}

#[test]
fn related_projects_arrive_after_the_detail() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = starting_over_a_cache_file(dir.path());
    wait_until(&mut app, loaded);
    app.handle(key(KeyCode::Char('j')));
    app.prepare_frame();
    assert!(app.state.detail.shown.is_some(), "the detail at once");
    assert!(app.state.detail.related_pending, "related projects later");
    wait_until(&mut app, |app| {
        app.receive();
        !app.state.detail.related_pending
    });
    let related: Vec<&str> = app
        .state
        .detail
        .related
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(related, vec!["x-552c407c19", "2020/00551", "22-002-S07"]);
}

#[test]
fn help_ends_with_what_the_search_box_understands() {
    let mut app = sample_app(100, 30);
    app.handle(key(KeyCode::Char('?')));
    app.handle(key(KeyCode::End));
    let shown = screen(&mut app);
    assert!(shown.contains("[search]"), "{shown}");
    assert!(shown.contains("efektbutik"), "{shown}");
    assert!(shown.contains("a | b  a OR b"), "{shown}");
}
