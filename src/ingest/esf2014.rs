//! `esf2014`: the project bank's record for the 2014–2020 programme.

use super::gazetteer::Gazetteer;
use super::text::CleanText;
use super::{record, FormatParser, Parsed};
use crate::model::Format;

pub struct Esf2014;

impl FormatParser for Esf2014 {
    fn format(&self) -> Format {
        Format::Esf2014
    }

    fn recognise(&self, doc: &CleanText) -> u8 {
        match record::layout(doc) {
            Some(layout) if !record::is_esfplus(&layout) => 10,
            _ => 0,
        }
    }

    fn parse(&self, doc: &CleanText, g: &Gazetteer) -> Parsed {
        record::parse(doc, g, "2014-2020")
    }
}
