//! The training matrix as a PDF for inspection: A4 landscape pages with a
//! title, the moment it shows, and a table of every holder, role, required
//! course, state and evidence (long cells wrap; rows never split across
//! pages). Rendering is CPU work: call it from a blocking thread.

use krilla::Document;
use krilla::color::rgb;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;

use super::service::Matrix;
use crate::printing::{Fonts, Weight, draw_at, fill_rect, set_colour, wrap};

const WIDTH: f32 = 841.89;
const HEIGHT: f32 = 595.28;
const MARGIN: f32 = 36.0;
const SIZE: f32 = 8.5;
const LINE: f32 = 11.0;
/// Column titles and widths (points).
const COLUMNS: [(&str, f32); 6] = [
    ("Person", 170.0),
    ("Role", 120.0),
    ("Course", 200.0),
    ("State", 60.0),
    ("Evidence", 120.0),
    ("Valid until", 100.0),
];

/// Renders `matrix` of `coe_name`, as it was at `at` (already formatted).
pub fn render(matrix: &Matrix, coe_name: &str, at: &str) -> Result<Vec<u8>, String> {
    let fonts = Fonts::load().ok_or("the embedded font could not be read")?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("Training matrix — {coe_name} — {at}"))
            .creator("ATMP Academy".to_owned())
            .language("en".to_owned()),
    );
    let rows: Vec<[String; 6]> = matrix
        .rows
        .iter()
        .flat_map(|row| {
            row.cells.iter().map(move |cell| {
                [
                    format!("{} <{}>", row.name, row.email),
                    row.role_title.clone(),
                    cell.course_title.clone(),
                    cell.label.clone(),
                    cell.evidence
                        .as_ref()
                        .map(|item| {
                            item.certificate_code
                                .clone()
                                .unwrap_or_else(|| item.kind.clone())
                        })
                        .unwrap_or_else(|| "none".to_owned()),
                    cell.evidence
                        .as_ref()
                        .and_then(|item| item.expires_at)
                        .map(|expires| expires.format("%-d %b %Y").to_string())
                        .unwrap_or_else(|| "—".to_owned()),
                ]
            })
        })
        .collect();
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or("page size")?;
    let mut index = 0;
    let mut page_number = 1;
    loop {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        set_colour(&mut surface, rgb::Color::new(20, 33, 61));
        draw_at(
            &mut surface,
            &fonts,
            Weight::Bold,
            &format!("Training matrix — {coe_name}"),
            14.0,
            MARGIN,
            MARGIN + 6.0,
        );
        draw_at(
            &mut surface,
            &fonts,
            Weight::Regular,
            &format!(
                "As at {at} · page {page_number} · states: current, due soon (within 30 days), overdue, expired"
            ),
            8.0,
            MARGIN,
            MARGIN + 20.0,
        );
        let mut y = MARGIN + 42.0;
        let mut x = MARGIN;
        for (title, width) in COLUMNS {
            draw_at(&mut surface, &fonts, Weight::Bold, title, SIZE, x, y);
            x += width;
        }
        set_colour(&mut surface, rgb::Color::new(120, 128, 140));
        fill_rect(&mut surface, MARGIN, y + 4.0, WIDTH - 2.0 * MARGIN, 0.6);
        set_colour(&mut surface, rgb::Color::new(20, 33, 61));
        y += LINE + 6.0;
        if rows.is_empty() {
            draw_at(
                &mut surface,
                &fonts,
                Weight::Regular,
                "Nobody holds a role yet.",
                SIZE,
                MARGIN,
                y,
            );
        }
        while index < rows.len() {
            let cells: Vec<Vec<String>> = rows[index]
                .iter()
                .zip(COLUMNS)
                .map(|(text, (_, width))| wrap(text, Weight::Regular, SIZE, width - 6.0))
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * LINE;
            if y + height > HEIGHT - MARGIN && y > MARGIN + 60.0 {
                break;
            }
            let mut x = MARGIN;
            for (lines, (_, width)) in cells.iter().zip(COLUMNS) {
                for (line_index, line) in lines.iter().enumerate() {
                    draw_at(
                        &mut surface,
                        &fonts,
                        Weight::Regular,
                        line,
                        SIZE,
                        x,
                        y + line_index as f32 * LINE,
                    );
                }
                x += width;
            }
            y += height + 3.0;
            index += 1;
        }
        surface.finish();
        page.finish();
        if index >= rows.len() {
            break;
        }
        page_number += 1;
    }
    document.finish().map_err(|error| format!("{error:?}"))
}
