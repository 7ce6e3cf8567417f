//! Markdown to safe HTML: pulldown-cmark renders, ammonia sanitises. Every
//! piece of author-written text (lesson bodies, course descriptions) goes
//! through `render_markdown` before it is stored, and stored HTML goes
//! through `sanitise_html` again when it is shown, so neither a bad import
//! nor a bad row can put script into a page.

use std::collections::HashSet;
use std::sync::LazyLock;

use ammonia::Builder;
use pulldown_cmark::{Options, Parser, html};

/// The sanitiser: ammonia's defaults (no scripts, no event handlers, no
/// `style` attributes, only http/https/mailto/relative links) plus the table
/// and heading attributes Markdown produces.
static SANITISER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer"))
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("ol", ["start"])
        .add_generic_attributes(["id"])
        .id_prefix(Some("md-"));
    builder
});

/// Renders CommonMark (with tables, footnotes, strikethrough and task lists)
/// to sanitised HTML.
pub fn render_markdown(source: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(source, options));
    sanitise_html(&unsafe_html)
}

/// Sanitises HTML that may hold anything.
pub fn sanitise_html(html: &str) -> String {
    SANITISER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_headings_lists_and_tables() {
        let html = render_markdown("## Grades\n\n- A\n- B\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h2>Grades</h2>"), "{html}");
        assert!(html.contains("<li>A</li>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn script_tags_are_removed() {
        let html = render_markdown("Hello <script>alert(1)</script> world");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert(1)</script"), "{html}");
    }

    #[test]
    fn javascript_links_lose_their_href() {
        let html =
            render_markdown("[click](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">x</a>");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
    }

    #[test]
    fn event_handlers_and_inline_styles_are_removed() {
        let html = render_markdown(
            "<img src=x onerror=\"alert(1)\"> <p style=\"width: expression(alert(1))\" onclick=\"x()\">t</p>",
        );
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("expression("), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn links_get_noopener() {
        let html = render_markdown("[EMA](https://www.ema.europa.eu/)");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }
}
