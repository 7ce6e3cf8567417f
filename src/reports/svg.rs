//! Bar charts as SVG, drawn on the server (no JavaScript): one bar per
//! month, the value written above each bar, a title and a description for
//! screen readers, and the numbers also given as a table on the page. The
//! words (title, labels, description) come already in the page's language.

/// Escapes text for SVG/XML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One bar: the label under it, its value, the value as written above it,
/// and what a screen reader hears for it (e.g. "November 2026: 3").
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub shown: String,
    pub spoken: String,
}

/// A bar chart of `bars` titled `title`; `id` keeps its title and
/// description ids unique on the page.
pub fn chart(id: &str, title: &str, bars: &[Bar]) -> String {
    let (width, height, left, bottom, top) = (640.0, 220.0, 36.0, 34.0, 28.0);
    let max = bars
        .iter()
        .map(|bar| bar.value)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let slot = (width - left - 8.0) / bars.len().max(1) as f64;
    let bar_width = (slot * 0.7).max(2.0);
    let plot = height - bottom - top;
    let description = bars
        .iter()
        .map(|bar| bar.spoken.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="{id}-title {id}-desc" class="chart"><title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc><line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#5b6474"/>"##,
        id = escape(id),
        title = escape(title),
        description = escape(&description),
        base = height - bottom,
        right = width - 4.0,
    );
    for (index, bar) in bars.iter().enumerate() {
        let bar_height = plot * bar.value / max;
        let x = left + slot * index as f64 + (slot - bar_width) / 2.0;
        let y = height - bottom - bar_height;
        svg.push_str(&format!(
            r##"<rect x="{x:.1}" y="{y:.1}" width="{bar_width:.1}" height="{bar_height:.1}" fill="#005f73"/><text x="{cx:.1}" y="{ty:.1}" font-size="11" text-anchor="middle" fill="#14213d">{value}</text><text x="{cx:.1}" y="{ly:.1}" font-size="10" text-anchor="middle" fill="#3b4350">{label}</text>"##,
            cx = x + bar_width / 2.0,
            ty = y - 4.0,
            ly = height - bottom + 14.0,
            value = escape(&bar.shown),
            label = escape(&bar.label),
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// A bar chart of `(label, value)` pairs in English, `unit` after each
/// value in the description.
pub fn bar_chart(id: &str, title: &str, points: &[(String, f64)], unit: &str) -> String {
    let bars: Vec<Bar> = points
        .iter()
        .map(|(label, value)| Bar {
            label: label.clone(),
            value: *value,
            shown: format_value(*value),
            spoken: format!("{label}: {}{unit}", format_value(*value)),
        })
        .collect();
    chart(id, title, &bars)
}

fn format_value(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_every_point_is_drawn_and_described() {
        let svg = bar_chart(
            "enrolments",
            "Enrolments <script>",
            &[
                ("Jan".into(), 3.0),
                ("Feb".into(), 0.0),
                ("<b>".into(), 1.5),
            ],
            "",
        );
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("Jan: 3, Feb: 0, &lt;b&gt;: 1.5"));
        assert!(svg.contains(r#"role="img""#));
    }

    #[test]
    fn a_chart_writes_the_words_it_is_given() {
        let svg = chart(
            "enrolments",
            "Einschreibungen pro Monat",
            &[Bar {
                label: "Nov.".into(),
                value: 2.5,
                shown: "2,5".into(),
                spoken: "November 2026: 2,5".into(),
            }],
        );
        assert!(svg.contains(">Einschreibungen pro Monat</title>"));
        assert!(svg.contains(">November 2026: 2,5</desc>"));
        assert!(svg.contains(">2,5</text>") && svg.contains(">Nov.</text>"));
    }
}
