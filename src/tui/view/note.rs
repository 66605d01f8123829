//! The note editor: a box over the screen with the note being written.

use crate::i18n::t;
use crate::present::sanitize;
use crate::tui::layout::centred;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, screen: Rect) {
    let Some(editor) = app.overlay.note_editor() else {
        return;
    };
    let area = centred(
        screen,
        screen.width.saturating_sub(4).min(90),
        screen.height.saturating_sub(4).min(14),
    );
    let (width, height) = (area.width, area.height);
    let name = editor.name.as_deref().unwrap_or("");
    let title = format!(" {} · {} {} ", t("Note"), editor.key, name);
    let inner_width = width.saturating_sub(2) as usize;
    let (mut lines, at) = super::typed::wrapped(&editor.text, theme, inner_width);
    let mut room = height.saturating_sub(2) as usize;
    let problem: Vec<Line> = editor
        .problem
        .iter()
        .flat_map(|why| {
            let said = format!("{}: {}", t("not saved"), sanitize::line(why));
            wrap(&said, inner_width)
                .into_iter()
                .map(|l| Line::styled(l, theme.message()))
        })
        .collect();
    room = room.saturating_sub(problem.len());
    // The line with the cursor stays in view.
    lines.drain(..(at + 1).saturating_sub(room));
    lines.truncate(room.max(1));
    lines.splice(0..0, problem);
    let block = Block::bordered()
        .title(sanitize::line(&title).into_owned())
        .title_bottom(
            Line::from(format!(
                " {} ",
                t("Enter saves · Alt-Enter new line · Esc cancels")
            ))
            .right_aligned(),
        )
        .border_style(theme.border(true));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
