//! The certificate as a PDF: A4 landscape, drawn in-process with krilla.
//! Text is shaped with rustybuzz and laid out in visual order with the
//! Unicode bidirectional algorithm, so names in any EU language (and in
//! right-to-left scripts, with combining marks) print as written. The fonts
//! (DejaVu Sans, shipped in `fonts/`) are embedded and subset by krilla. A QR
//! code links to the public verification page. Rendering is CPU work: call
//! it from a blocking thread (`web::block`), never on an async worker.

use std::collections::BTreeSet;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use unicode_bidi::BidiInfo;

static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

const PAGE_WIDTH: f32 = 841.89;
const PAGE_HEIGHT: f32 = 595.28;
const MARGIN: f32 = 56.0;

/// What the PDF prints.
#[derive(Debug, Clone)]
pub struct PrintedCertificate {
    pub learner_name: String,
    pub title: String,
    pub coe_name: String,
    /// e.g. "1.5 ECTS", when the course carries credits.
    pub credits: Option<String>,
    pub completed_on: String,
    /// e.g. "12 March 2029", or `None` when the certificate does not expire.
    pub expires_on: Option<String>,
    /// Printed as `XXXX-XXXX-XXXX`.
    pub code: String,
    pub verification_url: String,
    pub version_number: Option<i32>,
    /// "revoked" or "expired" prints a banner saying so.
    pub status: String,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read")]
    Font,
    #[error("the QR code could not be made: {0}")]
    Qr(String),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

struct Fonts {
    regular: Font,
    bold: Font,
}

/// Renders `certificate` to PDF bytes.
pub fn render(certificate: &PrintedCertificate) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts {
        regular: Font::new(REGULAR.into(), 0).ok_or(PdfError::Font)?,
        bold: Font::new(BOLD.into(), 0).ok_or(PdfError::Font)?,
    };
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "Certificate {} — {}",
                certificate.code, certificate.title
            ))
            .creator("ATMP Academy".to_owned())
            .language("en".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Write("page size".to_owned()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    draw_frame(&mut surface);
    let centre = PAGE_WIDTH / 2.0;
    let text_width = PAGE_WIDTH - 2.0 * MARGIN - 40.0;
    let ink = rgb::Color::new(20, 33, 61);
    let accent = rgb::Color::new(0, 95, 115);
    let muted = rgb::Color::new(70, 80, 95);

    set_colour(&mut surface, accent);
    draw_centred(
        &mut surface,
        &fonts,
        Weight::Bold,
        "ATMP ACADEMY",
        13.0,
        centre,
        100.0,
    );
    set_colour(&mut surface, ink);
    draw_centred(
        &mut surface,
        &fonts,
        Weight::Bold,
        "Certificate of completion",
        30.0,
        centre,
        145.0,
    );
    set_colour(&mut surface, muted);
    draw_centred(
        &mut surface,
        &fonts,
        Weight::Regular,
        "This certifies that",
        13.0,
        centre,
        185.0,
    );
    set_colour(&mut surface, ink);
    let (name_size, name_lines) = fit(
        &certificate.learner_name,
        Weight::Bold,
        28.0,
        12.0,
        text_width,
        2,
    );
    let mut y = 222.0;
    for line in &name_lines {
        draw_centred(
            &mut surface,
            &fonts,
            Weight::Bold,
            line,
            name_size,
            centre,
            y,
        );
        y += name_size * 1.25;
    }
    set_colour(&mut surface, muted);
    draw_centred(
        &mut surface,
        &fonts,
        Weight::Regular,
        "has completed",
        13.0,
        centre,
        y + 8.0,
    );
    set_colour(&mut surface, ink);
    let (title_size, title_lines) =
        fit(&certificate.title, Weight::Bold, 20.0, 10.0, text_width, 3);
    y += 8.0 + 34.0;
    for line in &title_lines {
        draw_centred(
            &mut surface,
            &fonts,
            Weight::Bold,
            line,
            title_size,
            centre,
            y,
        );
        y += title_size * 1.3;
    }
    set_colour(&mut surface, muted);
    let mut offered = format!("offered by {}", certificate.coe_name);
    if let Some(version) = certificate.version_number {
        offered.push_str(&format!(" · version {version}"));
    }
    if let Some(credits) = &certificate.credits {
        offered.push_str(&format!(" · {credits}"));
    }
    draw_centred(
        &mut surface,
        &fonts,
        Weight::Regular,
        &offered,
        13.0,
        centre,
        y + 4.0,
    );

    set_colour(&mut surface, ink);
    let left = MARGIN + 24.0;
    let details = [
        ("Completed", certificate.completed_on.clone()),
        (
            "Valid until",
            certificate
                .expires_on
                .clone()
                .unwrap_or_else(|| "does not expire".to_owned()),
        ),
        ("Certificate code", certificate.code.clone()),
    ];
    let mut detail_y = PAGE_HEIGHT - MARGIN - 88.0;
    for (label, value) in details {
        set_colour(&mut surface, muted);
        draw_at(
            &mut surface,
            &fonts,
            Weight::Regular,
            label,
            11.0,
            left,
            detail_y,
        );
        set_colour(&mut surface, ink);
        draw_at(
            &mut surface,
            &fonts,
            Weight::Bold,
            &value,
            13.0,
            left + 120.0,
            detail_y,
        );
        detail_y += 22.0;
    }
    set_colour(&mut surface, muted);
    draw_at(
        &mut surface,
        &fonts,
        Weight::Regular,
        &format!("Verify: {}", certificate.verification_url),
        9.0,
        left,
        detail_y + 4.0,
    );
    if certificate.status != "valid" {
        set_colour(&mut surface, rgb::Color::new(160, 20, 20));
        let banner = format!("This certificate is {}.", certificate.status.to_uppercase());
        draw_centred(
            &mut surface,
            &fonts,
            Weight::Bold,
            &banner,
            18.0,
            centre,
            70.0,
        );
    }
    let qr_size = 118.0;
    draw_qr(
        &mut surface,
        &certificate.verification_url,
        PAGE_WIDTH - MARGIN - 24.0 - qr_size,
        PAGE_HEIGHT - MARGIN - 24.0 - qr_size,
        qr_size,
    )?;
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|error| PdfError::Write(format!("{error:?}")))
}

/// Which embedded face a piece of text uses.
#[derive(Clone, Copy)]
enum Weight {
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

fn width_of(text: &str, face: Weight, size: f32) -> f32 {
    shape(text, face)
        .iter()
        .map(|run| run.width_em)
        .sum::<f32>()
        * size
}

/// The largest size from `preferred` down to `smallest` at which `text`
/// fits `width` in at most `max_lines` lines, with its lines. Nothing is cut:
/// at the smallest size all lines are returned.
fn fit(
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
fn wrap(text: &str, face: Weight, size: f32, width: f32) -> Vec<String> {
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

fn draw_at(
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

fn draw_centred(
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

fn set_colour(surface: &mut Surface<'_>, colour: rgb::Color) {
    surface.set_fill(Some(Fill {
        paint: colour.into(),
        ..Fill::default()
    }));
}

fn fill_rect(surface: &mut Surface<'_>, x: f32, y: f32, width: f32, height: f32) {
    let Some(rect) = Rect::from_xywh(x, y, width, height) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    if let Some(path) = builder.finish() {
        surface.draw_path(&path);
    }
}

fn draw_frame(surface: &mut Surface<'_>) {
    set_colour(surface, rgb::Color::new(0, 95, 115));
    let (x, y) = (MARGIN / 2.0, MARGIN / 2.0);
    let (width, height) = (PAGE_WIDTH - MARGIN, PAGE_HEIGHT - MARGIN);
    for (dx, dy, w, h) in [
        (0.0, 0.0, width, 4.0),
        (0.0, height - 4.0, width, 4.0),
        (0.0, 0.0, 4.0, height),
        (width - 4.0, 0.0, 4.0, height),
    ] {
        fill_rect(surface, x + dx, y + dy, w, h);
    }
}

fn draw_qr(
    surface: &mut Surface<'_>,
    url: &str,
    x: f32,
    y: f32,
    size: f32,
) -> Result<(), PdfError> {
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|error| PdfError::Qr(error.to_string()))?;
    let modules = code.width();
    let quiet = 4;
    let cell = size / (modules + 2 * quiet) as f32;
    set_colour(surface, rgb::Color::new(255, 255, 255));
    fill_rect(surface, x, y, size, size);
    set_colour(surface, rgb::Color::new(0, 0, 0));
    let colours = code.to_colors();
    let mut builder = PathBuilder::new();
    for (index, colour) in colours.iter().enumerate() {
        if *colour == qrcode::Color::Dark {
            let (column, row) = (index % modules, index / modules);
            if let Some(rect) = Rect::from_xywh(
                x + (column + quiet) as f32 * cell,
                y + (row + quiet) as f32 * cell,
                cell,
                cell,
            ) {
                builder.push_rect(rect);
            }
        }
    }
    if let Some(path) = builder.finish() {
        surface.draw_path(&path);
    }
    Ok(())
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
