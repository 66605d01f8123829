//! Calendar arithmetic on ISO dates (proleptic Gregorian, UTC), enough for
//! durations, "active during" and time stamps without a date library.

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`).
pub fn days_from_iso(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO date of a day counted from 1970-01-01.
pub fn iso_from_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM` (UTC).
pub fn timestamp(seconds: i64) -> String {
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    format!(
        "{} {:02}:{:02}",
        iso_from_days(days),
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM:SS` (UTC).
pub fn timestamp_seconds(seconds: i64) -> String {
    format!("{}:{:02}", timestamp(seconds), seconds.rem_euclid(60))
}

/// `YYYY-MM-DD HH:MM[:SS]` (UTC) back to seconds since 1970.
pub fn parse_timestamp(value: &str) -> Option<i64> {
    let (date, time) = value.trim().split_once(' ')?;
    let mut parts = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m) = (parts.next()??, parts.next()??);
    let s = parts.next().flatten().unwrap_or(0);
    Some(days_from_iso(date)? * 86_400 + h * 3600 + m * 60 + s)
}

/// Seconds since 1970 as ISO 8601 in UTC: `2023-11-14T22:13:20Z`.
pub fn iso_timestamp(seconds: i64) -> String {
    format!("{}Z", timestamp_seconds(seconds).replacen(' ', "T", 1))
}

/// A time in JSON: ISO 8601 out (`2023-11-14T22:13:20Z`); in, that or
/// `2023-11-14 22:13:20`, or seconds since 1970 as an older esf wrote them.
pub mod iso_seconds {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(seconds: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso_timestamp(*seconds))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Time {
            Seconds(i64),
            Text(String),
        }
        match Time::deserialize(d)? {
            Time::Seconds(n) => Ok(n),
            Time::Text(t) => {
                let t = t.trim().trim_end_matches('Z').replacen('T', " ", 1);
                super::parse_timestamp(&t)
                    .ok_or_else(|| serde::de::Error::custom("a time it cannot read"))
            }
        }
    }
}

/// Seconds since 1970 now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The year of an ISO date.
pub fn year(date: &str) -> Option<i32> {
    date.get(..4)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_both_ways() {
        assert_eq!(days_from_iso("1970-01-01"), Some(0));
        assert_eq!(days_from_iso("2000-03-01"), Some(11_017));
        assert_eq!(days_from_iso("2016-13-01"), None);
        for day in [-100_000, -1, 0, 11_016, 11_017, 20_000, 2_932_896] {
            assert_eq!(days_from_iso(&iso_from_days(day)), Some(day));
        }
        assert_eq!(iso_from_days(11_017), "2000-03-01");
    }

    #[test]
    fn timestamps() {
        assert_eq!(timestamp(0), "1970-01-01 00:00");
        assert_eq!(timestamp(1_700_000_000), "2023-11-14 22:13");
        assert_eq!(timestamp_seconds(1_700_000_000), "2023-11-14 22:13:20");
        assert_eq!(parse_timestamp("2023-11-14 22:13:20"), Some(1_700_000_000));
        assert_eq!(parse_timestamp("2023-11-14 22:13"), Some(1_699_999_980));
        assert_eq!(iso_timestamp(1_700_000_000), "2023-11-14T22:13:20Z");
    }
}
