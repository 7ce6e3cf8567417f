//! Text on PDF pages, shared by every PDF the platform makes: the embedded
//! fonts (DejaVu Sans regular and bold, in `fonts/`, subset by krilla),
//! shaping with rustybuzz, visual ordering with the Unicode bidirectional
//! algorithm (so Greek, Hebrew or combining marks print as written),
//! measuring, fitting and wrapping (never cutting text), and drawing.

use std::collections::BTreeSet;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use unicode_bidi::BidiInfo;

static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// The embedded faces, ready for a document.
pub struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    /// The embedded fonts (`None` only if the font files were damaged).
    pub fn load() -> Option<Self> {
        Some(Fonts {
            regular: Font::new(REGULAR.into(), 0)?,
            bold: Font::new(BOLD.into(), 0)?,
        })
    }
}

/// Which embedded face a piece of text uses.
#[derive(Clone, Copy)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }
}

/// A run of glyphs in one direction, with the text it shows.
struct ShapedRun {
    glyphs: Vec<KrillaGlyph>,
    text: String,
    width_em: f32,
}

/// Shapes `text` into runs in visual (left-to-right drawing) order.
fn shape(text: &str, face: Weight) -> Vec<ShapedRun> {
    let Some(rb_face) = rustybuzz::Face::from_slice(face.bytes(), 0) else {
        return Vec::new();
    };
    let units = rb_face.units_per_em().max(1) as f32;
    let bidi = BidiInfo::new(text, None);
    let mut runs = Vec::new();
    for paragraph in &bidi.paragraphs {
        let (levels, visual_runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
        for range in visual_runs {
            let run_text = &text[range.clone()];
            let right_to_left = levels.get(range.start).is_some_and(|level| level.is_rtl());
            let mut buffer = rustybuzz::UnicodeBuffer::new();
            buffer.push_str(run_text);
            buffer.guess_segment_properties();
            buffer.set_direction(if right_to_left {
                rustybuzz::Direction::RightToLeft
            } else {
                rustybuzz::Direction::LeftToRight
            });
            let output = rustybuzz::shape(&rb_face, &[], buffer);
            let clusters: BTreeSet<usize> = output
                .glyph_infos()
                .iter()
                .map(|info| info.cluster as usize)
                .collect();
            let mut width_em = 0.0;
            let glyphs = output
                .glyph_infos()
                .iter()
                .zip(output.glyph_positions())
                .map(|(info, position)| {
                    let start = info.cluster as usize;
                    let end = clusters
                        .range(start + 1..)
                        .next()
                        .copied()
                        .unwrap_or(run_text.len());
                    width_em += position.x_advance as f32 / units;
                    KrillaGlyph::new(
                        GlyphId::new(info.glyph_id),
                        position.x_advance as f32 / units,
                        position.x_offset as f32 / units,
                        position.y_offset as f32 / units,
                        position.y_advance as f32 / units,
                        start..end,
                        None,
                    )
                })
                .collect();
            runs.push(ShapedRun {
                glyphs,
                text: run_text.to_owned(),
                width_em,
            });
        }
    }
    runs
}

pub fn width_of(text: &str, face: Weight, size: f32) -> f32 {
    shape(text, face)
        .iter()
        .map(|run| run.width_em)
        .sum::<f32>()
        * size
}

/// The largest size from `preferred` down to `smallest` at which `text`
/// fits `width` in at most `max_lines` lines, with its lines. Nothing is cut:
/// at the smallest size all lines are returned.
pub fn fit(
    text: &str,
    face: Weight,
    preferred: f32,
    smallest: f32,
    width: f32,
    max_lines: usize,
) -> (f32, Vec<String>) {
    let mut size = preferred;
    loop {
        let lines = wrap(text, face, size, width);
        if lines.len() <= max_lines || size <= smallest {
            return (size, lines);
        }
        size = (size - 1.0).max(smallest);
    }
}

/// Breaks `text` into lines that fit `width` at `size`: at spaces, and
/// inside a word that is wider than a line on its own.
pub fn wrap(text: &str, face: Weight, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if width_of(&candidate, face, size) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if width_of(word, face, size) <= width {
            current = word.to_owned();
            continue;
        }
        for character in word.chars() {
            let mut longer = current.clone();
            longer.push(character);
            if !current.is_empty() && width_of(&longer, face, size) > width {
                lines.push(std::mem::replace(&mut current, character.to_string()));
            } else {
                current = longer;
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

pub fn draw_at(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    face: Weight,
    text: &str,
    size: f32,
    x: f32,
    y: f32,
) {
    let font = match face {
        Weight::Regular => &fonts.regular,
        Weight::Bold => &fonts.bold,
    };
    let mut pen = x;
    for run in shape(text, face) {
        surface.draw_glyphs(
            Point::from_xy(pen, y),
            &run.glyphs,
            font.clone(),
            &run.text,
            size,
            false,
        );
        pen += run.width_em * size;
    }
}

pub fn draw_centred(
    surface: &mut Surface<'_>,
    fonts: &Fonts,
    face: Weight,
    text: &str,
    size: f32,
    centre: f32,
    y: f32,
) {
    let width = width_of(text, face, size);
    draw_at(surface, fonts, face, text, size, centre - width / 2.0, y);
}

pub fn set_colour(surface: &mut Surface<'_>, colour: rgb::Color) {
    surface.set_fill(Some(Fill {
        paint: colour.into(),
        ..Fill::default()
    }));
}

pub fn fill_rect(surface: &mut Surface<'_>, x: f32, y: f32, width: f32, height: f32) {
    let Some(rect) = Rect::from_xywh(x, y, width, height) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    if let Some(path) = builder.finish() {
        surface.draw_path(&path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_and_combining_names_shape_into_glyphs() {
        for name in [
            "שרה לוי",
            "Nguyễn Thị Hương",
            "Zoë Ångström-Łukasiewicz",
            "Πέτρος Παπαδόπουλος",
            "e\u{301}lodie",
        ] {
            let runs = shape(name, Weight::Bold);
            assert!(runs.iter().all(|run| !run.glyphs.is_empty()), "{name}");
            assert!(width_of(name, Weight::Bold, 20.0) > 20.0, "{name}");
        }
    }

    #[test]
    fn long_names_and_titles_shrink_and_wrap_but_are_never_cut() {
        let name =
            "Maria-Alexandra Konstantinopoulou-Vanderbergh de la Cruz y Montenegro-Świętokrzyska";
        let (size, lines) = fit(name, Weight::Bold, 28.0, 12.0, 400.0, 2);
        assert!(size < 28.0 && lines.len() <= 2);
        assert_eq!(lines.join(" "), name);
        let word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(4);
        let lines = wrap(&word, Weight::Bold, 20.0, 300.0);
        assert!(
            lines.len() > 1
                && lines
                    .iter()
                    .all(|line| width_of(line, Weight::Bold, 20.0) <= 300.0)
        );
        assert_eq!(lines.concat(), word);
        let title = "word ".repeat(120);
        let (_, lines) = fit(title.trim(), Weight::Bold, 20.0, 10.0, 700.0, 3);
        assert_eq!(
            lines.join(" "),
            title.trim(),
            "nothing is cut even when it needs more lines"
        );
    }

    #[test]
    fn long_titles_wrap_within_the_width() {
        let title = "An exceedingly long course title about the manufacture of advanced therapy medicinal products under good manufacturing practice";
        let lines = wrap(title, Weight::Bold, 20.0, 400.0);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|line| width_of(line, Weight::Bold, 20.0) <= 400.0)
        );
        assert_eq!(lines.join(" "), title);
    }
}
