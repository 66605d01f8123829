//! The drawn ego network: the focus in the centre, its neighbours on an
//! inner ring, theirs on an outer ring, edges coloured by role, and labels
//! placed so that none overlaps or touches another (a label that cannot be
//! placed is left out; the list beside the drawing names everything). No
//! edge is drawn over a label: the cells around each are cleared, and a
//! box around the centre's name, so its edges stop short of it. A crowded
//! drawing names its outer ring only where it is wide enough to read it.

use crate::graph::{Ego, Role};
use crate::present::sanitize;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Points};
use ratatui::widgets::{Block, Widget};
use std::collections::HashMap;
use std::f64::consts::TAU;
use unicode_width::UnicodeWidthStr;

/// Neighbours drawn on the inner ring (the rest are summed up as "+N").
const INNER_MAX: usize = 10;
/// Outer-ring nodes drawn per inner node.
const OUTER_PER_NODE: usize = 3;
/// Narrower than this (inside its border), the outer ring of a crowded
/// drawing goes unnamed.
const OUTER_LABELS_FROM: usize = 70;
/// A drawing of this many spots or fewer is not crowded.
const FEW_SPOTS: usize = 12;

/// A node at canvas coordinates (-1..1 both ways), with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
    pub label: String,
    pub role: Role,
    pub ring: u8,
}

/// Where everything goes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawing {
    pub spots: Vec<Spot>,
    /// Edges between spots (indices), with the role that styles them.
    pub edges: Vec<(usize, usize, Role)>,
}

/// Positions on two rings around the centre.
pub fn layout(ego: &Ego) -> Drawing {
    let mut d = Drawing::default();
    d.spots.push(Spot {
        x: 0.0,
        y: 0.0,
        label: ego.center.label.clone(),
        role: Role::Owner,
        ring: 0,
    });
    let shown = ego.groups.len().min(INNER_MAX);
    let hidden = ego.groups.len() - shown + ego.more;
    let slots = shown + usize::from(hidden > 0);
    // Each node is drawn once: one a second neighbour also reaches gets a
    // second edge, not a second spot.
    let mut placed: HashMap<&str, usize> = HashMap::from([(ego.center.id.as_str(), 0)]);
    for (i, group) in ego.groups.iter().take(shown).enumerate() {
        let angle = TAU * i as f64 / slots as f64 + 0.3;
        let inner = d.spots.len();
        placed.insert(group.node.id.as_str(), inner);
        d.spots
            .push(ring_spot(angle, 0.5, &group.node.label, group.node.role, 1));
        d.edges.push((0, inner, group.node.role));
    }
    for (i, group) in ego.groups.iter().take(shown).enumerate() {
        let angle = TAU * i as f64 / slots as f64 + 0.3;
        let inner = placed[group.node.id.as_str()];
        let others: Vec<_> = group.others.iter().take(OUTER_PER_NODE).collect();
        let spread = TAU / slots as f64 * 0.6;
        for (j, other) in others.iter().enumerate() {
            if let Some(&there) = placed.get(other.id.as_str()) {
                d.edges.push((inner, there, other.role));
                continue;
            }
            let offset = if others.len() > 1 {
                spread * (j as f64 / (others.len() - 1) as f64 - 0.5)
            } else {
                0.0
            };
            let outer = d.spots.len();
            placed.insert(other.id.as_str(), outer);
            d.spots
                .push(ring_spot(angle + offset, 0.92, &other.label, other.role, 2));
            d.edges.push((inner, outer, other.role));
        }
    }
    if hidden > 0 {
        let angle = TAU * shown as f64 / slots as f64 + 0.3;
        d.spots.push(ring_spot(
            angle,
            0.5,
            &format!("+{hidden} {}", crate::i18n::t("more")),
            Role::Mentioned,
            1,
        ));
    }
    d
}

fn ring_spot(angle: f64, radius: f64, label: &str, role: Role, ring: u8) -> Spot {
    Spot {
        x: radius * angle.cos(),
        y: radius * angle.sin(),
        label: label.to_string(),
        role,
        ring,
    }
}

fn role_color(role: Role) -> Color {
    match role {
        Role::Owner => Color::Yellow,
        Role::Partner => Color::Green,
        Role::Mentioned => Color::DarkGray,
        Role::Municipality => Color::Blue,
    }
}

/// Draws the network into `area` (inside `block`).
pub fn render(ego: &Ego, block: Block, marker: Marker, theme: Theme, area: Rect, buf: &mut Buffer) {
    let inner = block.inner(area);
    let drawing = layout(ego);
    let color = |role| {
        if theme.color {
            role_color(role)
        } else {
            Color::Reset
        }
    };
    Canvas::default()
        .block(block)
        .marker(marker)
        .x_bounds([-1.0, 1.0])
        .y_bounds([-1.0, 1.0])
        .paint(|ctx| {
            for (a, b, role) in &drawing.edges {
                let (p, q) = (&drawing.spots[*a], &drawing.spots[*b]);
                ctx.draw(&CanvasLine::new(p.x, p.y, q.x, q.y, color(*role)));
            }
            let coords: Vec<(f64, f64)> = drawing.spots.iter().map(|s| (s.x, s.y)).collect();
            ctx.draw(&Points {
                coords: &coords,
                color: Color::Reset,
            });
        })
        .render(area, buf);
    let placed = place_labels(&drawing, inner);
    for (spot, (x, y), text) in &placed {
        let rows = match spot.ring {
            0 => y.saturating_sub(1)..=y + 1,
            _ => *y..=*y,
        };
        let end = (x + text.width() as u16 + 1).min(inner.right());
        for row in rows.filter(|r| *r >= inner.y && *r < inner.bottom()) {
            for col in x.saturating_sub(1).max(inner.x)..end {
                buf[(col, row)].reset();
            }
        }
    }
    for (spot, cell, text) in placed {
        let style = if spot.ring == 0 {
            theme.header()
        } else {
            Style::new().fg(color(spot.role))
        };
        buf.set_string(cell.0, cell.1, text, style);
    }
}

/// Labels that fit without overlapping, centre first, then inner ring.
pub fn place_labels(d: &Drawing, area: Rect) -> Vec<(&Spot, (u16, u16), String)> {
    let (w, h) = (area.width as usize, area.height as usize);
    if w < 4 || h < 2 {
        return Vec::new();
    }
    let mut taken = vec![vec![false; w]; h];
    let mut placed = Vec::new();
    let mut order: Vec<&Spot> = d.spots.iter().collect();
    order.sort_by_key(|s| s.ring);
    // A crowded drawing on a narrow screen names its inner ring only.
    let outer_named = w >= OUTER_LABELS_FROM || d.spots.len() <= FEW_SPOTS;
    for spot in order {
        if spot.ring == 2 && !outer_named {
            continue;
        }
        let max = match spot.ring {
            0 => w * 2 / 3,
            1 => w / 3,
            _ => w / 4,
        }
        .max(3);
        let text = crate::present::table::cut(&sanitize::line(&spot.label), max);
        let (col, row) = cell_of(spot, w, h);
        let side = match spot.ring {
            0 => Side::Centred,
            _ if spot.x < -0.05 => Side::Left,
            _ => Side::Right,
        };
        if let Some((x, y)) = free_place(&mut taken, &text, col, row, side) {
            placed.push((spot, (area.x + x as u16, area.y + y as u16), text));
        }
    }
    placed
}

/// Where a label goes beside its node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    /// On the node (the centre, whose edges stop at its box).
    Centred,
}

/// The cell a canvas point falls in.
fn cell_of(s: &Spot, w: usize, h: usize) -> (usize, usize) {
    let col = ((s.x + 1.0) / 2.0 * (w - 1) as f64).round() as usize;
    let row = ((1.0 - s.y) / 2.0 * (h - 1) as f64).round() as usize;
    (col.min(w - 1), row.min(h - 1))
}

/// A row near `row` where the text fits beside `col` (or on it), with a
/// free cell on either side, marking the cells it takes with that margin
/// (and, for the centre, the rows above and below).
fn free_place(
    taken: &mut [Vec<bool>],
    text: &str,
    col: usize,
    row: usize,
    side: Side,
) -> Option<(usize, usize)> {
    let (h, w) = (taken.len(), taken[0].len());
    let len = text.width().min(w);
    let start = match side {
        Side::Left => col.saturating_sub(len + 1),
        Side::Right => (col + 1).min(w - len),
        Side::Centred => col.saturating_sub(len / 2).min(w - len),
    };
    let margin = start.saturating_sub(1)..(start + len + 1).min(w);
    for dy in [0isize, -1, 1] {
        let y = row as isize + dy;
        if y < 0 || y >= h as isize {
            continue;
        }
        let y = y as usize;
        if taken[y][margin.clone()].iter().any(|t| *t) {
            continue;
        }
        let rows = match side {
            Side::Centred => y.saturating_sub(1)..(y + 2).min(h),
            _ => y..y + 1,
        };
        for r in rows {
            taken[r][margin.clone()].iter_mut().for_each(|t| *t = true);
        }
        return Some((start, y));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{EgoGroup, Member, MemberKind};

    fn member(id: &str, project: bool, role: Role) -> Member {
        let kind = match project {
            true => MemberKind::Project,
            false => MemberKind::Organisation("agency".into()),
        };
        Member {
            id: id.into(),
            label: id.into(),
            kind,
            role,
            weight: 1.0,
        }
    }

    fn ego(groups: usize, others: usize) -> Ego {
        let groups = (0..groups)
            .map(|i| EgoGroup {
                node: member(&format!("Organisation number {i}"), false, Role::Partner),
                size: others + 1,
                others: (0..others)
                    .map(|j| member(&format!("Projekt {i}.{j}"), true, Role::Partner))
                    .collect(),
                more: 0,
            })
            .collect();
        Ego {
            center: member("Fokusprojektet", true, Role::Owner),
            groups,
            more: 0,
        }
    }

    #[test]
    fn labels_never_overlap() {
        for (groups, others) in [(1, 0), (3, 2), (10, 3), (25, 5)] {
            let d = layout(&ego(groups, others));
            for (w, h) in [(48, 20), (30, 10), (120, 40)] {
                let placed = place_labels(&d, Rect::new(0, 0, w, h));
                let mut cells = std::collections::HashSet::new();
                for (_, (x, y), text) in &placed {
                    for dx in 0..text.width() as u16 {
                        assert!(
                            cells.insert((x + dx, *y)),
                            "overlap at {groups}/{others} {w}x{h}"
                        );
                    }
                    assert!(x + text.width() as u16 <= w);
                }
                assert_eq!(placed[0].2, "Fokusprojektet", "the centre is always named");
                for (i, (_, (x, y), text)) in placed.iter().enumerate() {
                    let end = x + text.width() as u16;
                    let touching = placed.iter().skip(i + 1).any(|(_, (x2, y2), t2)| {
                        y == y2 && (*x2 == end || x2 + t2.width() as u16 == *x)
                    });
                    assert!(!touching, "labels touch at {groups}/{others} {w}x{h}");
                }
            }
        }
    }

    #[test]
    fn a_project_two_neighbours_share_is_drawn_once() {
        let mut shared = ego(2, 1);
        let both = member("Delat projekt", true, Role::Partner);
        for group in &mut shared.groups {
            group.others = vec![both.clone()];
        }
        let d = layout(&shared);
        let spots: Vec<usize> = (0..d.spots.len())
            .filter(|&i| d.spots[i].label == "Delat projekt")
            .collect();
        assert_eq!(spots.len(), 1, "{d:?}");
        let edges = d.edges.iter().filter(|(_, b, _)| *b == spots[0]).count();
        assert_eq!(edges, 2, "one edge from each neighbour");
    }

    #[test]
    fn no_edge_crosses_the_centre_name_and_a_narrow_drawing_names_the_inner_ring_only() {
        let ego = ego(10, 3);
        let area = Rect::new(0, 0, 50, 22);
        let mut buf = Buffer::empty(area);
        let block = Block::bordered();
        render(
            &ego,
            block,
            Marker::Braille,
            Theme { color: false },
            area,
            &mut buf,
        );
        let inner = Block::bordered().inner(area);
        let drawing = layout(&ego);
        let placed = place_labels(&drawing, inner);
        let (_, (x, y), text) = &placed[0];
        assert_eq!(text, "Fokusprojektet");
        let row = |r: u16| -> String {
            (x - 1..x + text.width() as u16 + 1)
                .map(|c| buf[(c, r)].symbol().to_string())
                .collect()
        };
        assert_eq!(row(*y), " Fokusprojektet ");
        let blank = " ".repeat(text.width() + 2);
        assert_eq!((row(y - 1), row(y + 1)), (blank.clone(), blank), "a box");
        assert!(
            placed.iter().all(|(s, _, _)| s.ring < 2),
            "48 wide: no outer names"
        );
        let wide = place_labels(&drawing, Rect::new(0, 0, 118, 38));
        assert!(
            wide.iter().any(|(s, _, _)| s.ring == 2),
            "wide: outer names too"
        );
    }

    #[test]
    fn hubs_are_summarised() {
        let d = layout(&ego(25, 1));
        assert_eq!(
            d.spots.iter().filter(|s| s.ring == 1).count(),
            INNER_MAX + 1
        );
        assert!(d.spots.iter().any(|s| s.label == "+15 more"));
    }
}
