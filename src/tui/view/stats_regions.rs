//! The stats screen's money per region: each region's name with its
//! budget and grant in whole units that fit (never cut inside a number or
//! its unit), a bar, and "+N more regions" where the pane is too short.

use crate::catalogue::stats::{RegionMoney, Stats};
use crate::i18n::{t, tf};
use crate::present::format::{decimal, thousands};
use crate::present::sanitize;
use crate::present::table::cut;
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The lines for a pane `inner` × `rows` inside its border.
pub fn lines(s: &Stats, theme: Theme, inner: usize, rows: usize) -> Vec<Line<'static>> {
    let most = s
        .per_region
        .iter()
        .map(|r| r.budget)
        .max()
        .unwrap_or(0)
        .max(1);
    let blocks: Vec<Vec<Line>> = s
        .per_region
        .iter()
        .map(|r| region(r, most, theme, inner))
        .collect();
    let full: usize = blocks.iter().map(Vec::len).sum();
    // Short of room, the "without an amount" notes go first.
    let blocks: Vec<Vec<Line>> = match full <= rows {
        true => blocks,
        false => blocks
            .into_iter()
            .map(|b| b.into_iter().take(2).collect())
            .collect(),
    };
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let left = blocks.len() - i;
        let room = rows.saturating_sub(out.len());
        let last = left == 1;
        if block.len() > room || (!last && block.len() + 1 > room) {
            let more = tf("+{} more regions (a taller window shows them)", &[&left]);
            let shorter = tf("+{} more regions", &[&left]);
            let said = if more.width() <= inner { more } else { shorter };
            out.push(Line::from(Span::styled(cut(&said, inner), theme.missing())));
            break;
        }
        out.extend(block.iter().cloned());
    }
    out
}

fn region(r: &RegionMoney, most: i128, theme: Theme, inner: usize) -> Vec<Line<'static>> {
    let name = sanitize::line(&r.region).into_owned();
    // The most exact form beside the whole name, else the shortest
    // beside the name cut.
    let forms = money_forms(r);
    let money = forms
        .iter()
        .find(|m| name.width() + 1 + m.width() <= inner)
        .or(forms.last())
        .cloned()
        .unwrap_or_default();
    let name = cut(&name, inner.saturating_sub(money.width() + 1).max(1));
    let pad = inner.saturating_sub(name.width() + money.width()).max(1);
    let mut lines = vec![Line::from(format!("{name}{}{money}", " ".repeat(pad)))];
    let bar = |v: i128| ((v as f64 / most as f64) * inner as f64).round() as usize;
    let (budget, grant) = (bar(r.budget), bar(r.grant).min(bar(r.budget)));
    lines.push(Line::from(vec![
        Span::styled("█".repeat(grant), theme.key()),
        Span::raw("░".repeat(budget - grant)),
    ]));
    if let Some(without) = without_amount(r) {
        lines.push(Line::from(Span::styled(
            cut(&without, inner),
            theme.missing(),
        )));
    }
    lines
}

/// Budget / grant, most exact first: "14 688,6 / 7 300,4 mnkr",
/// "14 689 / 7 300 mnkr", "14,7 / 7,3 mdkr"; a dash for a sum no project
/// gave an amount to.
pub fn money_forms(r: &RegionMoney) -> Vec<String> {
    let known = |sum: i128, without: usize| (without < r.projects).then_some(sum);
    let (budget, grant) = (
        known(r.budget, r.without_budget),
        known(r.grant, r.without_grant),
    );
    if budget.is_none() && grant.is_none() {
        return vec!["— / —".to_string()];
    }
    let show = |sum: Option<i128>, f: &dyn Fn(f64) -> String| match sum {
        Some(kr) => f(kr as f64),
        None => "—".to_string(),
    };
    let millions_1 = |kr: f64| grouped_decimal(kr / 1e6);
    let millions_0 = |kr: f64| thousands((kr / 1e6).round() as i64);
    let billions = |kr: f64| decimal(kr / 1e9, 1);
    let mut forms = vec![
        format!(
            "{} / {} {}",
            show(budget, &millions_1),
            show(grant, &millions_1),
            t("M kr")
        ),
        format!(
            "{} / {} {}",
            show(budget, &millions_0),
            show(grant, &millions_0),
            t("M kr")
        ),
    ];
    if budget.unwrap_or(0).max(grant.unwrap_or(0)) >= 1_000_000_000 {
        forms.push(format!(
            "{} / {} {}",
            show(budget, &billions),
            show(grant, &billions),
            t("bn kr")
        ));
    }
    forms
}

/// `14 688,6`: one decimal, thousands apart.
fn grouped_decimal(n: f64) -> String {
    let tenths = (n * 10.0).round() as i64;
    let whole = thousands(tenths / 10);
    let point = decimal(0.5, 1).chars().nth(1).unwrap_or('.');
    format!("{whole}{point}{}", (tenths % 10).abs())
}

/// "1 project without an amount", when any.
fn without_amount(r: &RegionMoney) -> Option<String> {
    match r.without_budget.max(r.without_grant) {
        0 => None,
        1 => Some(format!("1 {}", t("project without an amount"))),
        n => Some(format!("{n} {}", t("projects without an amount"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set, Lang};

    fn money(budget: i128, grant: i128) -> RegionMoney {
        RegionMoney {
            region: "Östra Mellansverige".into(),
            projects: 3,
            budget,
            grant,
            without_budget: 0,
            without_grant: 0,
        }
    }

    #[test]
    fn amounts_come_in_whole_units_most_exact_first() {
        set(Lang::Sv);
        let forms = money_forms(&money(14_566_012_345, 4_062_812_000));
        assert_eq!(
            forms,
            [
                "14 566,0 / 4 062,8 mnkr",
                "14 566 / 4 063 mnkr",
                "14,6 / 4,1 mdkr"
            ]
        );
        set(Lang::En);
        let forms = money_forms(&money(26_300_000, 14_600_000));
        assert_eq!(forms, ["26.3 / 14.6 M kr", "26 / 15 M kr"]);
    }

    #[test]
    fn a_narrow_pane_gets_the_shorter_form_never_a_cut_one() {
        set(Lang::Sv);
        let theme = Theme { color: false };
        let r = money(14_566_012_345, 4_062_812_000);
        for inner in [42, 30, 24] {
            let first: String = region(&r, r.budget, theme, inner)[0].to_string();
            assert!(first.width() <= inner, "{first}");
            assert!(
                first.ends_with("mnkr") || first.ends_with("mdkr"),
                "whole: {first}"
            );
        }
        set(Lang::En);
    }

    #[test]
    fn regions_that_do_not_fit_are_counted() {
        let theme = Theme { color: false };
        let stats = Stats {
            per_region: (0..8)
                .map(|i| money(1_000_000 * (8 - i), 500_000))
                .collect(),
            ..Stats::default()
        };
        let shown = lines(&stats, theme, 42, 8);
        assert_eq!(shown.len(), 7, "three regions of two lines, then the rest");
        assert_eq!(shown[6].to_string(), "+5 more regions");
        let wide = lines(&stats, theme, 60, 8);
        let more = "+5 more regions (a taller window shows them)";
        assert_eq!(wide[6].to_string(), more);
        assert_eq!(lines(&stats, theme, 42, 16).len(), 16, "all, with room");
    }
}
