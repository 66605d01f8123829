//! The export's file name prompt: a box over the screen with what is
//! written (format, how many projects, notes or not), the name being typed
//! and, when the last try wrote nothing, why.

use crate::i18n::{t, tf};
use crate::present::export::Format;
use crate::present::sanitize;
use crate::tui::layout::centred;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::wrap::wrap;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &State, theme: Theme, screen: Rect) {
    let Some(prompt) = app.overlay.export_prompt() else {
        return;
    };
    let area = centred(screen, screen.width.saturating_sub(4).min(100), 8);
    let inner = area.width.saturating_sub(2) as usize;
    let notes = match app.export_notes {
        true => t("with your notes"),
        false => t("without your notes"),
    };
    let what = tf(
        "{} projects as {}, {}",
        &[&app.list.rows.len(), &format_name(prompt.format), &notes],
    );
    let mut lines = vec![Line::from(what), Line::default()];
    let (mut name, at) = super::typed::wrapped(&prompt.text, theme, inner.saturating_sub(2));
    if let Some(first) = name.first_mut() {
        first.spans.insert(0, Span::raw("› "));
    }
    // The line with the cursor stays in view.
    let room = match prompt.problem {
        Some(_) => 2,
        None => 4,
    };
    name.drain(..(at + 1).saturating_sub(room));
    name.truncate(room);
    lines.extend(name.into_iter().map(|l| l.patch_style(theme.header())));
    if let Some(why) = &prompt.problem {
        for l in wrap(&sanitize::line(why), inner).into_iter().take(2) {
            lines.push(Line::from(Span::styled(l, theme.message())));
        }
    }
    let block = Block::bordered()
        .title(format!(" {} ", t("Export to the file")))
        .title_bottom(Line::from(format!(" {} ", t("Enter writes · Esc cancels"))).right_aligned())
        .border_style(theme.border(true));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Csv => "CSV",
        Format::ExcelCsv => t("CSV for Swedish Excel"),
        Format::Json => "JSON",
        Format::Markdown => "Markdown",
    }
}
