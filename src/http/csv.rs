//! CSV downloads: rows written with every cell safe to open in a
//! spreadsheet (a cell that would run as a formula gets an apostrophe), and
//! the response headers of a private download.

use actix_web::HttpResponse;
use actix_web::http::header;

use super::AppError;

/// A CSV file being written.
pub struct CsvDownload {
    writer: csv::Writer<Vec<u8>>,
}

impl CsvDownload {
    /// A file with this header row.
    pub fn new(header_row: &[&str]) -> Result<Self, AppError> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(header_row)
            .map_err(AppError::internal)?;
        Ok(CsvDownload { writer })
    }

    /// Adds a row.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), AppError> {
        self.writer
            .write_record(cells.iter().map(|cell| spreadsheet_safe(cell.as_ref())))
            .map_err(AppError::internal)
    }

    /// The file as a private download named `file_name`.
    pub fn into_response(self, file_name: &str) -> Result<HttpResponse, AppError> {
        let bytes = self.writer.into_inner().map_err(AppError::internal)?;
        Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header(header::ContentDisposition {
                disposition: header::DispositionType::Attachment,
                parameters: vec![header::DispositionParam::Filename(file_name.to_owned())],
            })
            .insert_header((header::CACHE_CONTROL, "private, no-store"))
            .body(bytes))
    }
}

/// A cell a spreadsheet will not run as a formula (a leading `=`, `+`, `-`,
/// `@`, tab or carriage return gets an apostrophe).
pub fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_defused() {
        assert_eq!(
            super::spreadsheet_safe("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(super::spreadsheet_safe("ordinary"), "ordinary");
    }
}
