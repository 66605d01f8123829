//! `esfplus`: the project bank's record for the 2021–2027 programme (ESF+),
//! told from `esf2014` by the labels only it uses (Startdatum, NUTS-2 kod, …).

use super::gazetteer::Gazetteer;
use super::text::CleanText;
use super::{record, FormatParser, Parsed};
use crate::model::Format;

pub struct EsfPlus;

impl FormatParser for EsfPlus {
    fn format(&self) -> Format {
        Format::Esfplus
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        match record::layout(doc) {
            Some(layout) if record::is_esfplus(&layout) => 10,
            _ => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        record::parse(doc, g, "2021-2027")
    }
}
