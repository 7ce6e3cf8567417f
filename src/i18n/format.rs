//! Numbers written the way each language writes them: the decimal mark and
//! the thousands separator (1,234.5 · 1.234,5 · 1 234,5 · 1.234,5). Dates are
//! written through catalogue messages (`date-long`, `month-N`), so their
//! word order and month names are the translators' to edit.

use super::Locale;

/// `value` with the language's separators, at least `min_fraction_digits`
/// decimals and at most three (trailing zeros beyond the minimum dropped).
pub fn number(locale: Locale, value: f64, min_fraction_digits: usize) -> String {
    let (group, decimal) = separators(locale);
    let negative = value < 0.0;
    let rendered = format!("{:.3}", value.abs());
    let (whole, fraction) = rendered.split_once('.').unwrap_or((&rendered, ""));
    let mut fraction = fraction.trim_end_matches('0').to_owned();
    while fraction.len() < min_fraction_digits.min(3) {
        fraction.push('0');
    }
    let mut grouped = String::new();
    for (position, digit) in whole.chars().enumerate() {
        if position > 0 && (whole.len() - position) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(digit);
    }
    let sign = if negative && (grouped != "0" || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{fraction}")
    }
}

fn separators(locale: Locale) -> (&'static str, char) {
    match locale {
        Locale::En | Locale::Pseudo => (",", '.'),
        Locale::De | Locale::It => (".", ','),
        Locale::Fr => ("\u{202f}", ','),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_each_languages_separators() {
        assert_eq!(number(Locale::En, 1234567.5, 0), "1,234,567.5");
        assert_eq!(number(Locale::De, 1234567.5, 0), "1.234.567,5");
        assert_eq!(
            number(Locale::Fr, 1234567.5, 0),
            "1\u{202f}234\u{202f}567,5"
        );
        assert_eq!(number(Locale::It, 1234.0, 0), "1.234");
    }

    #[test]
    fn small_negative_and_padded_numbers() {
        assert_eq!(number(Locale::En, 0.0, 0), "0");
        assert_eq!(number(Locale::En, 999.0, 0), "999");
        assert_eq!(number(Locale::De, -1000.25, 0), "-1.000,25");
        assert_eq!(number(Locale::Fr, 2.5, 2), "2,50");
        assert_eq!(number(Locale::En, 1.0 / 3.0, 0), "0.333");
    }
}
