//! CSV reading: the separator, then records with the line each starts on (RFC 4180 quoting).

/// The character between fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// `,`
    Comma,
    /// `;` (European Excel)
    Semicolon,
    /// A tab (IIF, "Unicode text")
    Tab,
    /// `|`
    Pipe,
}

impl Separator {
    /// Every separator that is detected.
    pub const ALL: [Separator; 4] = [
        Separator::Comma,
        Separator::Semicolon,
        Separator::Tab,
        Separator::Pipe,
    ];

    /// The separator's byte.
    pub fn byte(self) -> u8 {
        match self {
            Separator::Comma => b',',
            Separator::Semicolon => b';',
            Separator::Tab => b'\t',
            Separator::Pipe => b'|',
        }
    }

    /// A short name for people.
    pub fn label(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Tab => "tab",
            Separator::Pipe => "vertical bar",
        }
    }
}

/// One CSV record and the line of the file it starts on (1 = the first line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on.
    pub line: usize,
    /// Its fields, unquoted.
    pub cells: Vec<String>,
}

impl Record {
    /// The field at `index`, trimmed, or "" past the end.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |cell| cell.trim())
    }

    /// True when every field is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.trim().is_empty())
    }

    /// How many fields are not blank.
    pub fn filled(&self) -> usize {
        self.cells
            .iter()
            .filter(|cell| !cell.trim().is_empty())
            .count()
    }
}

/// Picks the separator that splits the first lines into the most consistent number of fields.
///
/// Separators inside quotes do not count, so a quoted `"Glasgow, Scotland"` does not vote.
pub fn detect_separator(text: &str) -> Separator {
    let mut best = (Separator::Comma, 0usize, 0usize);
    for separator in Separator::ALL {
        let counts = counts_per_line(text, separator.byte(), 40);
        let Some((mode, lines)) = most_common_nonzero(&counts) else {
            continue;
        };
        if (lines, mode) > (best.1, best.2) {
            best = (separator, lines, mode);
        }
    }
    best.0
}

fn counts_per_line(text: &str, separator: u8, max_lines: usize) -> Vec<usize> {
    let mut counts = Vec::new();
    let (mut in_quotes, mut count) = (false, 0);
    for &byte in text.as_bytes().iter().take(64 * 1024) {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                counts.push(count);
                count = 0;
                if counts.len() == max_lines {
                    return counts;
                }
            }
            _ if byte == separator && !in_quotes => count += 1,
            _ => {}
        }
    }
    counts.push(count);
    counts
}

fn most_common_nonzero(counts: &[usize]) -> Option<(usize, usize)> {
    let mut tally: Vec<(usize, usize)> = Vec::new();
    for &count in counts.iter().filter(|c| **c > 0) {
        match tally.iter_mut().find(|(value, _)| *value == count) {
            Some((_, lines)) => *lines += 1,
            None => tally.push((count, 1)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|&(value, lines)| (lines, value))
}

/// Splits the text into records with a real CSV parser (quoted separators, doubled quotes,
/// line breaks inside quotes, CRLF). Blank lines give no record.
pub fn parse_records(text: &str, separator: Separator) -> Vec<Record> {
    let mut reader = csv_core::ReaderBuilder::new()
        .delimiter(separator.byte())
        .build();
    let bytes = text.as_bytes();
    let (mut input, mut line, mut counted) = (0usize, 1usize, 0usize);
    let (mut output, mut ends) = (vec![0u8; 4096], vec![0usize; 64]);
    let (mut out_len, mut ends_len) = (0usize, 0usize);
    let mut records = Vec::new();
    let mut start = record_start(bytes, 0);
    loop {
        let (result, read, written, ended) = reader.read_record(
            &bytes[input..],
            &mut output[out_len..],
            &mut ends[ends_len..],
        );
        input += read;
        out_len += written;
        ends_len += ended;
        match result {
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull => output.resize(output.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            csv_core::ReadRecordResult::Record => {
                line += count_newlines(&bytes[counted..start]);
                counted = start;
                records.push(Record {
                    line,
                    cells: split_fields(&output[..out_len], &ends[..ends_len]),
                });
                (out_len, ends_len) = (0, 0);
                start = record_start(bytes, input);
            }
            csv_core::ReadRecordResult::End => return records,
        }
    }
}

/// The first byte of the next record: blank lines before it are skipped by the parser.
fn record_start(bytes: &[u8], from: usize) -> usize {
    let skipped = bytes[from..]
        .iter()
        .take_while(|byte| matches!(byte, b'\r' | b'\n'))
        .count();
    from + skipped
}

fn count_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|byte| **byte == b'\n').count()
}

fn split_fields(output: &[u8], ends: &[usize]) -> Vec<String> {
    let mut cells = Vec::with_capacity(ends.len());
    let mut from = 0;
    for &end in ends {
        cells.push(String::from_utf8_lossy(&output[from..end]).into_owned());
        from = end;
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_detected_from_consistent_field_counts() {
        assert_eq!(detect_separator("a,b,c\n1,2,3\n"), Separator::Comma);
        assert_eq!(
            detect_separator("Kunde;Betrag;Datum\nA;1,50;1.2.2026\n"),
            Separator::Semicolon
        );
        assert_eq!(
            detect_separator("!TRNS\tDATE\tAMOUNT\nTRNS\t7/16/98\t1\n"),
            Separator::Tab
        );
        assert_eq!(detect_separator("a|b\n1|2\n"), Separator::Pipe);
        assert_eq!(
            detect_separator("city;n\n\"Glasgow, Scotland, UK\";1\n\"Leeds, UK\";2\n"),
            Separator::Semicolon
        );
    }

    #[test]
    fn quoted_fields_keep_separators_doubled_quotes_and_line_breaks() {
        let text = "name,notes,total\r\n\"Acme, Ltd\",\"He said \"\"pay\"\"\nnow\",\"1,020.00\"\r\n\r\nB,,5\n";
        let records = parse_records(text, Separator::Comma);
        assert_eq!(records.len(), 3);
        assert_eq!(
            records[1].cells,
            ["Acme, Ltd", "He said \"pay\"\nnow", "1,020.00"]
        );
        assert_eq!(records[1].line, 2);
        assert_eq!(
            records[2].line, 5,
            "the quoted line break and the blank line both count"
        );
        assert_eq!(records[2].cells, ["B", "", "5"]);
    }

    #[test]
    fn a_last_line_without_a_newline_is_a_record() {
        let records = parse_records("a,b\n1,2", Separator::Comma);
        assert_eq!(records[1].cells, ["1", "2"]);
        assert_eq!(records[1].line, 2);
    }
}
