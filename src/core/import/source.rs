//! Reading a file: decode, split into records, find the header row by its content and
//! set aside title rows, blank rows, section rows, `Total …` rows and report footers.

use super::dates::date_in_words;
use super::decode::{decode, Encoding};
use super::fields::{is_known_header, normalise, Mapping};
use super::layout::{recognise, refuse_by_content, refuse_gnucash_entries, FileKind, Profile};
use super::table::{detect_separator, parse_records, Record, Separator};
use crate::core::error::FieldError;
use chrono::NaiveDate;

/// How many records from the top are searched for the header row.
const HEADER_SEARCH: usize = 40;

/// One data row under the header, with the section row above it (the client, in a
/// QuickBooks Open Invoices report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRow {
    /// The line it starts on (1 = the file's first line).
    pub line: usize,
    /// Its fields, trimmed.
    pub cells: Vec<String>,
    /// The label of the last section row above it.
    pub section: Option<String>,
}

impl DataRow {
    /// The field at `column` (trimmed when the row was read), or "" when the row is shorter.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// A file read and recognised, ready for a preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// How the bytes were read.
    pub encoding: Encoding,
    /// The field separator found.
    pub separator: Separator,
    /// The line of the header row.
    pub header_line: usize,
    /// The column headers exactly as written.
    pub headers: Vec<String>,
    /// The recognised layout.
    pub profile: Profile,
    /// Invoices or payments.
    pub kind: FileKind,
    /// Why the layout was recognised.
    pub reason: String,
    /// The layout's (or the guessed) column mapping.
    pub mapping: Mapping,
    /// The date the report or export was made, when its title rows say.
    pub export_date: Option<NaiveDate>,
    /// Things said about reading the file (such as the encoding used).
    pub notes: Vec<String>,
    /// The data rows.
    pub rows: Vec<DataRow>,
}

impl SourceFile {
    /// The first column whose header is exactly `header`, as the page's selects name it.
    pub fn column(&self, header: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == header)
    }

    /// The header of `column`, exactly as written.
    pub fn header(&self, column: usize) -> &str {
        self.headers.get(column).map_or("", String::as_str)
    }
}

/// Reads an exported file's bytes, or refuses it with a message that says what to do.
pub fn read(bytes: &[u8]) -> Result<SourceFile, FieldError> {
    read_inner(bytes).map_err(|message| FieldError::on("file", message))
}

fn read_inner(bytes: &[u8]) -> Result<SourceFile, String> {
    let decoded = decode(bytes)?;
    refuse_by_content(&decoded.text)?;
    let separator = detect_separator(&decoded.text);
    let mut records = parse_records(&decoded.text, separator);
    let header_index = match find_header(&records) {
        Some(index) => index,
        None => {
            let rows: Vec<&[String]> = records.iter().map(|r| r.cells.as_slice()).collect();
            refuse_gnucash_entries(&rows)?;
            return Err(
                "No header row was found: the first rows should name the columns \
                        (client, invoice number, dates, amounts)."
                    .into(),
            );
        }
    };
    let rows = data_rows(
        records.split_off(header_index + 1),
        records[header_index].cells.len(),
    );
    let header = records.pop().unwrap_or_else(|| Record {
        line: 1,
        cells: Vec::new(),
    });
    let title: Vec<&str> = records
        .iter()
        .flat_map(|r| r.cells.iter().map(String::as_str))
        .collect();
    let recognition = recognise(&header.cells, &title.join(" "))?;
    Ok(SourceFile {
        encoding: decoded.encoding,
        separator,
        header_line: header.line,
        headers: header.cells,
        profile: recognition.profile,
        kind: recognition.kind,
        reason: recognition.reason,
        mapping: recognition.mapping,
        export_date: title.iter().find_map(|cell| date_in_words(cell)),
        notes: decoded.note.into_iter().collect(),
        rows,
    })
}

/// The header is the early record that names the most known columns (at least two).
pub fn find_header(records: &[Record]) -> Option<usize> {
    records
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .map(|(index, record)| (index, known_names(record)))
        .filter(|&(_, known)| known >= 2)
        .max_by_key(|&(index, known)| (known, std::cmp::Reverse(index)))
        .map(|(index, _)| index)
}

fn known_names(record: &Record) -> usize {
    record
        .cells
        .iter()
        .filter(|cell| is_known_header(&normalise(cell)))
        .count()
}

/// Keeps the data rows, tracking section labels and dropping blank and total rows.
fn data_rows(records: Vec<Record>, width: usize) -> Vec<DataRow> {
    let mut rows = Vec::with_capacity(records.len());
    let mut section: Option<String> = None;
    for record in records {
        if record.is_blank() {
            continue;
        }
        let filled = record.filled();
        let first = record
            .cells
            .iter()
            .map(|c| c.trim())
            .find(|c| !c.is_empty());
        let total =
            first.is_some_and(|c| c.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("total")));
        if total && filled <= 3 {
            continue;
        }
        if filled == 1 && !record.cell(0).is_empty() && width >= 3 {
            section = Some(record.cell(0).to_string());
            continue;
        }
        let mut cells = record.cells;
        for cell in cells.iter_mut() {
            let trimmed = cell.trim();
            if trimmed.len() != cell.len() {
                *cell = trimmed.to_string();
            }
        }
        rows.push(DataRow {
            line: record.line,
            cells,
            section: section.clone(),
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGING: &str = "\"Foundry Distribution, Inc\",,,,,,,\nA/R Aging Detail Report,,,,,,,\n\"As of Jul 25, 2026\",,,,,,,\n\n,Date,Transaction type,Num,Customer full name,Due date,Amount,Open balance\n91 or more days past due,,,,,,,\n,11/11/2025,Invoice,SI-1,TACTICS,12/11/2025,\"1,000.00\",800.00\nTotal for 91 or more days past due,,,,,,,700.00\nTOTAL,,,,,,,\"1,400.00\"\n\" Thursday, July 30, 2026 04:19 PM GMT-06:00\",,,,,,,\n";

    #[test]
    fn the_header_is_found_under_title_rows_and_a_blank_row() {
        let file = read(AGING.as_bytes()).unwrap();
        assert_eq!(file.header_line, 5);
        assert_eq!(file.headers[3], "Num");
        assert_eq!(file.profile, Profile::QuickbooksAging);
        assert_eq!(file.export_date, NaiveDate::from_ymd_opt(2026, 7, 25));
    }

    #[test]
    fn sections_totals_and_footers_are_not_data() {
        let file = read(AGING.as_bytes()).unwrap();
        assert_eq!(file.rows.len(), 1);
        assert_eq!(file.rows[0].line, 7);
        assert_eq!(
            file.rows[0].section.as_deref(),
            Some("91 or more days past due")
        );
        assert_eq!(file.rows[0].cell(3), "SI-1");
    }

    #[test]
    fn a_file_without_a_header_row_is_refused() {
        let error = read(b"1,2,3\n4,5,6\n").unwrap_err();
        assert!(error.to_string().contains("No header row"), "{error}");
    }
}
