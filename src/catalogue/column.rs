//! A column of numbers that take few values (a region, a fund, a start
//! date): each value is kept once in a table and every row holds only
//! its place there, one byte a row while there are at most 256 values,
//! two up to 65,536, four beyond. A million rows of regions take 1 MB
//! instead of 4.

use std::collections::HashMap;

/// The places of the rows' values, as wide as the table needs.
#[derive(Debug)]
enum Places {
    One(Vec<u8>),
    Two(Vec<u16>),
    Four(Vec<u32>),
}

impl Default for Places {
    fn default() -> Places {
        Places::One(Vec::new())
    }
}

/// A row's number, by its value's place in a table of the values.
#[derive(Debug, Default)]
pub struct Column {
    places: Places,
    values: Vec<u32>,
    place_of: HashMap<u32, u32>,
}

impl Column {
    /// Adds a row after those in.
    pub fn push(&mut self, value: u32) {
        let place = match self.place_of.get(&value) {
            Some(&place) => place,
            None => {
                let place = self.values.len() as u32;
                self.values.push(value);
                self.place_of.insert(value, place);
                place
            }
        };
        self.widen_for(place);
        match &mut self.places {
            Places::One(rows) => rows.push(place as u8),
            Places::Two(rows) => rows.push(place as u16),
            Places::Four(rows) => rows.push(place),
        }
    }

    /// Makes the places wide enough to hold `place`.
    fn widen_for(&mut self, place: u32) {
        let wider = match &self.places {
            Places::One(rows) if place > u32::from(u8::MAX) => match u16::try_from(place) {
                Ok(_) => Places::Two(rows.iter().map(|&p| u16::from(p)).collect()),
                Err(_) => Places::Four(rows.iter().map(|&p| u32::from(p)).collect()),
            },
            Places::Two(rows) if place > u32::from(u16::MAX) => {
                Places::Four(rows.iter().map(|&p| u32::from(p)).collect())
            }
            _ => return,
        };
        self.places = wider;
    }

    pub fn len(&self) -> usize {
        match &self.places {
            Places::One(rows) => rows.len(),
            Places::Two(rows) => rows.len(),
            Places::Four(rows) => rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `index`'s value, kept in the table (None past the end).
    pub fn get_ref(&self, index: usize) -> Option<&u32> {
        let place = match &self.places {
            Places::One(rows) => u32::from(*rows.get(index)?),
            Places::Two(rows) => u32::from(*rows.get(index)?),
            Places::Four(rows) => *rows.get(index)?,
        };
        self.values.get(place as usize)
    }

    pub fn get(&self, index: usize) -> Option<u32> {
        self.get_ref(index).copied()
    }

    pub fn shrink_to_fit(&mut self) {
        match &mut self.places {
            Places::One(rows) => rows.shrink_to_fit(),
            Places::Two(rows) => rows.shrink_to_fit(),
            Places::Four(rows) => rows.shrink_to_fit(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_keeps_its_value_as_the_column_widens() {
        let mut column = Column::default();
        let values: Vec<u32> = (0..70_000u32)
            .map(|i| (i * 7919) % 69_997)
            .chain([u32::MAX, 5, u32::MAX - 1])
            .collect();
        for (at, &v) in values.iter().enumerate() {
            column.push(v);
            if at == 200 {
                assert!(matches!(column.places, Places::One(_)));
            }
            if at == 1_000 {
                assert!(matches!(column.places, Places::Two(_)));
            }
        }
        assert!(matches!(column.places, Places::Four(_)));
        assert_eq!(column.len(), values.len());
        for (at, &v) in values.iter().enumerate() {
            assert_eq!(column.get(at), Some(v), "row {at}");
        }
        assert_eq!(column.get(values.len()), None);
    }
}
