//! Streaming rows into PostgreSQL with `COPY ... FROM STDIN` (text format)
//! through Diesel: `copy_rows` runs one COPY statement whose rows a closure
//! writes into a `RowWriter`, which escapes each field and hands the data to
//! libpq in large chunks.

use std::io::Write;

use diesel::pg::{CopyFormat, CopyTarget};
use diesel::prelude::*;
use uuid::Uuid;

use super::SyntheticError;

/// Bytes buffered before they are handed to libpq.
const CHUNK: usize = 1 << 20;

/// Runs `COPY <columns> FROM STDIN` with the rows `write_rows` produces;
/// returns the number of rows the server stored.
pub fn copy_rows<T, C, F>(
    connection: &mut PgConnection,
    table: T,
    columns: C,
    write_rows: F,
) -> Result<usize, SyntheticError>
where
    T: Table,
    C: CopyTarget<Table = T>,
    F: Fn(&mut RowWriter<'_>) -> Result<(), SyntheticError>,
{
    diesel::copy_from(table)
        .from_raw_data(columns, |sink: &mut dyn Write| {
            let mut writer = RowWriter::new(sink);
            write_rows(&mut writer)?;
            writer.finish()
        })
        .with_format(CopyFormat::Text)
        .execute(connection)
}

/// Writes rows in COPY's text format: fields separated by tabs, rows ended
/// by a newline, `\N` for NULL, backslash escapes inside values.
pub struct RowWriter<'a> {
    sink: &'a mut dyn Write,
    buffer: Vec<u8>,
    /// Whether the next field starts a row (no tab before it).
    row_start: bool,
}

impl<'a> RowWriter<'a> {
    fn new(sink: &'a mut dyn Write) -> Self {
        RowWriter {
            sink,
            buffer: Vec::with_capacity(CHUNK + CHUNK / 4),
            row_start: true,
        }
    }

    fn separate(&mut self) {
        if !self.row_start {
            self.buffer.push(b'\t');
        }
        self.row_start = false;
    }

    /// Ends the current row.
    pub fn end_row(&mut self) -> Result<(), SyntheticError> {
        self.buffer.push(b'\n');
        self.row_start = true;
        if self.buffer.len() >= CHUNK {
            self.sink.write_all(&self.buffer)?;
            self.buffer.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(), SyntheticError> {
        self.sink.write_all(&self.buffer)?;
        self.buffer.clear();
        Ok(())
    }

    /// A NULL.
    pub fn null(&mut self) -> &mut Self {
        self.separate();
        self.buffer.extend_from_slice(b"\\N");
        self
    }

    /// A text value.
    pub fn text(&mut self, value: &str) -> &mut Self {
        self.separate();
        escape_into(&mut self.buffer, value.as_bytes());
        self
    }

    /// A text value or NULL.
    pub fn opt_text(&mut self, value: Option<&str>) -> &mut Self {
        match value {
            Some(value) => self.text(value),
            None => self.null(),
        }
    }

    /// A UUID.
    pub fn uuid(&mut self, value: Uuid) -> &mut Self {
        self.separate();
        let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
        self.buffer
            .extend_from_slice(value.hyphenated().encode_lower(&mut text).as_bytes());
        self
    }

    /// A UUID or NULL.
    pub fn opt_uuid(&mut self, value: Option<Uuid>) -> &mut Self {
        match value {
            Some(value) => self.uuid(value),
            None => self.null(),
        }
    }

    /// A whole number.
    pub fn int(&mut self, value: i64) -> &mut Self {
        self.separate();
        push_display(&mut self.buffer, value);
        self
    }

    /// A whole number or NULL.
    pub fn opt_int(&mut self, value: Option<i64>) -> &mut Self {
        match value {
            Some(value) => self.int(value),
            None => self.null(),
        }
    }

    /// A double precision number or NULL.
    pub fn opt_float(&mut self, value: Option<f64>) -> &mut Self {
        match value {
            Some(value) => {
                self.separate();
                push_display(&mut self.buffer, value);
                self
            }
            None => self.null(),
        }
    }

    /// A boolean.
    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.separate();
        self.buffer.push(if value { b't' } else { b'f' });
        self
    }

    /// A boolean or NULL.
    pub fn opt_bool(&mut self, value: Option<bool>) -> &mut Self {
        match value {
            Some(value) => self.bool(value),
            None => self.null(),
        }
    }

    /// A `timestamptz` given in milliseconds since the Unix epoch (UTC).
    pub fn timestamp(&mut self, millis: i64) -> &mut Self {
        self.separate();
        push_timestamp(&mut self.buffer, millis);
        self
    }

    /// A `timestamptz` or NULL.
    pub fn opt_timestamp(&mut self, millis: Option<i64>) -> &mut Self {
        match millis {
            Some(millis) => self.timestamp(millis),
            None => self.null(),
        }
    }

    /// A `jsonb` value.
    pub fn json(&mut self, value: &serde_json::Value) -> &mut Self {
        self.text(&value.to_string())
    }

    /// A `jsonb` value or NULL.
    pub fn opt_json(&mut self, value: Option<&serde_json::Value>) -> &mut Self {
        match value {
            Some(value) => self.json(value),
            None => self.null(),
        }
    }

    /// A `text[]` (every element quoted, so any text is safe).
    pub fn text_array<S: AsRef<str>>(&mut self, values: &[S]) -> &mut Self {
        let mut literal = String::from("{");
        for (index, value) in values.iter().enumerate() {
            if index > 0 {
                literal.push(',');
            }
            literal.push('"');
            for character in value.as_ref().chars() {
                if character == '"' || character == '\\' {
                    literal.push('\\');
                }
                literal.push(character);
            }
            literal.push('"');
        }
        literal.push('}');
        self.text(&literal)
    }

    /// A `uuid[]`.
    pub fn uuid_array(&mut self, values: &[Uuid]) -> &mut Self {
        self.separate();
        self.buffer.push(b'{');
        let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
        for (index, value) in values.iter().enumerate() {
            if index > 0 {
                self.buffer.push(b',');
            }
            self.buffer
                .extend_from_slice(value.hyphenated().encode_lower(&mut text).as_bytes());
        }
        self.buffer.push(b'}');
        self
    }
}

fn push_display(buffer: &mut Vec<u8>, value: impl std::fmt::Display) {
    // Writing to a Vec cannot fail.
    let _ = write!(buffer, "{value}");
}

/// Escapes a value for COPY's text format.
fn escape_into(buffer: &mut Vec<u8>, value: &[u8]) {
    for &byte in value {
        match byte {
            b'\\' => buffer.extend_from_slice(b"\\\\"),
            b'\n' => buffer.extend_from_slice(b"\\n"),
            b'\r' => buffer.extend_from_slice(b"\\r"),
            b'\t' => buffer.extend_from_slice(b"\\t"),
            other => buffer.push(other),
        }
    }
}

/// Writes `YYYY-MM-DD HH:MM:SS.mmm+00` for a UTC instant in milliseconds.
fn push_timestamp(buffer: &mut Vec<u8>, millis: i64) {
    let days = millis.div_euclid(86_400_000);
    let in_day = millis.rem_euclid(86_400_000);
    let (year, month, day) = civil_from_days(days);
    push_digits(buffer, year, 4);
    buffer.push(b'-');
    push_digits(buffer, month, 2);
    buffer.push(b'-');
    push_digits(buffer, day, 2);
    buffer.push(b' ');
    push_digits(buffer, in_day / 3_600_000, 2);
    buffer.push(b':');
    push_digits(buffer, in_day / 60_000 % 60, 2);
    buffer.push(b':');
    push_digits(buffer, in_day / 1_000 % 60, 2);
    buffer.push(b'.');
    push_digits(buffer, in_day % 1_000, 3);
    buffer.extend_from_slice(b"+00");
}

/// Zero-padded decimal digits of a non-negative number.
fn push_digits(buffer: &mut Vec<u8>, value: i64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut rest = value.max(0);
    let mut used = 0;
    while rest > 0 || used == 0 {
        digits[used] = b'0' + (rest % 10) as u8;
        rest /= 10;
        used += 1;
    }
    for _ in used..width {
        buffer.push(b'0');
    }
    buffer.extend(digits[..used].iter().rev());
}

/// The proleptic Gregorian date of a day count since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(write: impl Fn(&mut RowWriter<'_>)) -> String {
        let mut out = Vec::new();
        let mut writer = RowWriter::new(&mut out);
        write(&mut writer);
        writer.end_row().unwrap();
        writer.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_are_escaped_and_separated() {
        let text = row(|writer| {
            writer
                .text("a\tb\nc\\d")
                .null()
                .int(-42)
                .bool(true)
                .opt_float(Some(0.5))
                .text_array(&["x", "say \"hi\"", "back\\slash"]);
        });
        assert_eq!(
            text,
            "a\\tb\\nc\\\\d\t\\N\t-42\tt\t0.5\t{\"x\",\"say \\\\\"hi\\\\\"\",\"back\\\\\\\\slash\"}\n"
        );
    }

    #[test]
    fn timestamps_match_chrono() {
        for millis in [
            0_i64,
            951_782_400_000,
            1_709_251_199_999,
            1_767_225_600_123,
            4_102_444_799_000,
        ] {
            let mut buffer = Vec::new();
            push_timestamp(&mut buffer, millis);
            let expected = chrono::DateTime::from_timestamp_millis(millis)
                .unwrap()
                .format("%Y-%m-%d %H:%M:%S%.3f+00")
                .to_string();
            assert_eq!(String::from_utf8(buffer).unwrap(), expected);
        }
    }
}
