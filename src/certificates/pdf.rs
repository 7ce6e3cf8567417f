//! The certificate as a PDF: A4 landscape, drawn in-process with krilla.
//! Text goes through `printing` (shaping, bidi, embedded and subset DejaVu
//! Sans), so names in any EU language (and in right-to-left scripts, with
//! combining marks) print as written. A QR code links to the public
//! verification page. Rendering is CPU work: call
//! it from a blocking thread (`web::block`), never on an async worker.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;

use crate::printing::{Fonts, Weight, draw_at, draw_centred, fill_rect, fit, set_colour};

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
    /// Printed in groups of four, e.g. `7K3Q-M9PX-2RWT`.
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

/// Renders `certificate` to PDF bytes.
pub fn render(certificate: &PrintedCertificate) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load().ok_or(PdfError::Font)?;
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
