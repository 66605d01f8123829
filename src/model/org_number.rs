//! Swedish organisationsnummer: ten digits, the last a Luhn check digit,
//! written `NNNNNN-NNNN`, sometimes with the century `16` before them
//! (`16212000-1033`) or as a VAT number (`SE212000103301`).

/// The number in `text` as `NNNNNN-NNNN`, if it is one (its check digit
/// right): `2120001033`, `212000-1033`, `16212000-1033`, `SE212000103301`.
pub fn normalise(text: &str) -> Option<String> {
    let text = text.trim();
    let text = strip_vat(text).unwrap_or(text);
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' '))
    {
        return None;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let ten = match digits.len() {
        10 => digits.as_str(),
        12 if digits.starts_with("16") => &digits[2..],
        _ => return None,
    };
    luhn_ok(ten).then(|| format!("{}-{}", &ten[..6], &ten[6..]))
}

/// `SE` + ten digits + `01`: the ten digits.
fn strip_vat(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("SE")
        .or_else(|| text.strip_prefix("se"))?;
    let rest = rest.strip_suffix("01")?;
    (rest.len() == 10).then_some(rest)
}

/// The Luhn check over ten digits: doubling every other one from the first.
fn luhn_ok(ten: &str) -> bool {
    let sum: u32 = ten
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .enumerate()
        .map(|(i, d)| match (i % 2 == 0, d * 2) {
            (true, twice) if twice > 9 => twice - 9,
            (true, twice) => twice,
            (false, _) => d,
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn every_usual_way_of_writing_a_number_gives_one_form() {
        // Vellinge kommun's number, as its ESF+ document and others write it.
        for written in [
            "2120001033",
            "212000-1033",
            " 212000 1033 ",
            "16212000-1033",
            "162120001033",
            "SE212000103301",
        ] {
            assert_eq!(
                normalise(written).as_deref(),
                Some("212000-1033"),
                "{written}"
            );
        }
    }

    #[test]
    fn a_wrong_check_digit_or_other_text_is_no_number() {
        for written in [
            "2120001034",
            "212000-103",
            "21200010331",
            "2015/00730",
            "22-002-S07",
            "Vellinge",
            "",
            "17212000-1033",
        ] {
            assert_eq!(normalise(written), None, "{written}");
        }
    }

    #[test]
    fn known_numbers_check() {
        // Arbetsförmedlingen, Försäkringskassan, Göteborgs Stad.
        for written in ["202100-2114", "202100-5521", "212000-1355"] {
            assert_eq!(normalise(written).as_deref(), Some(written));
        }
    }
}
