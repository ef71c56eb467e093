//! Plain words for what the JSON reader refuses in a backup, naming the record and field, and
//! the reading of a backup's bytes (UTF-8, or UTF-16 with or without a byte-order mark).

use serde_json::Value;

/// Why the file is not JSON at all, in words, with the line to look at.
pub(super) fn syntax(error: &serde_json::Error) -> String {
    let (line, column) = (error.line(), error.column());
    if error.is_eof() {
        return format!(
            "the file ends too early (line {line}): it was probably cut off while saving or copying. Export the backup again"
        );
    }
    let raw = error.to_string();
    let what = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(what, _)| what);
    let plain = match what {
        "trailing characters" => {
            return format!(
                "there is more text after the end of the backup (line {line}, column {column}); the file may be damaged or hold two files"
            )
        }
        "expected value" => "a value is missing or is not in quotes",
        "key must be a string" => "a field name is not in double quotes",
        "expected `,` or `}`" => "a comma or a closing } is missing",
        "expected `,` or `]`" => "a comma or a closing ] is missing",
        "expected `:`" => "a colon after a field name is missing",
        "invalid escape" => "a backslash in a text is not followed by a valid escape",
        "invalid number" | "number out of range" => "a number is not written correctly",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a line break or control character is inside quotes"
        }
        "expected ident" => "a word outside quotes is not true, false or null",
        "trailing comma" => "a comma is followed by nothing before the closing bracket",
        other => other,
    };
    format!("the file is not valid JSON at line {line}, column {column}: {plain}")
}

/// What the JSON reader said about one value, turned into the place (record and field) and a
/// sentence; `raw` is the reader's own message and `path` where it was.
pub(super) fn field(
    document: &Value,
    path: &serde_path_to_error::Path,
    raw: &str,
    name_record: impl Fn(&str) -> String,
) -> (String, String) {
    let place = path.to_string();
    let place = if place == "." { String::new() } else { place };
    if let Some(missing) = between(raw, "missing field `", "`") {
        let location = if place.is_empty() {
            missing.to_string()
        } else {
            format!("{}.{missing}", name_record(&place))
        };
        let message = if place.is_empty() {
            format!("the \"{missing}\" section is missing; every Overdue backup has one")
        } else {
            format!("the \"{missing}\" field is missing")
        };
        return (location, message);
    }
    let value = value_at(document, path);
    let message = if is_date_complaint(raw) {
        match value {
            Some(Value::String(text)) => format!(
                "\"{}\" is not a date; write it as YYYY-MM-DD, such as 2026-03-01",
                text.escape_debug()
            ),
            _ => "this is not a date; write it as YYYY-MM-DD, such as 2026-03-01".to_string(),
        }
    } else if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (found, expected) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let choices = expected
            .trim_start_matches("one of ")
            .replace('`', "\"")
            .replace(" or ", ", ");
        format!("\"{found}\" is not one of the accepted values: {choices}")
    } else if let Some(rest) = raw
        .strip_prefix("invalid type: ")
        .or_else(|| raw.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        format!(
            "expected {}, but the file has {}",
            expected_words(expected),
            found_words(found)
        )
    } else if let Some(twice) = between(raw, "duplicate field `", "`") {
        format!("the field \"{twice}\" appears twice")
    } else {
        raw.to_string()
    };
    (name_record(&place), message)
}

/// The text between `start` and the next `end` in `text`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.split_once(start)?.1;
    Some(rest.split_once(end)?.0)
}

/// The messages chrono gives for a date it cannot read.
fn is_date_complaint(raw: &str) -> bool {
    [
        "input is out of range",
        "trailing input",
        "premature end of input",
        "input contains invalid characters",
        "input is not enough for unique date and time",
        "no possible date and time matching input",
        "expected a formatted date string",
    ]
    .iter()
    .any(|complaint| raw.contains(complaint))
}

fn expected_words(expected: &str) -> String {
    match expected {
        "a string" => "text in double quotes".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list in [ ]".into(),
        "a map" => "a group of fields in { }".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        other if other.starts_with("struct ") => "a group of fields in { }".into(),
        other => other.into(),
    }
}

fn found_words(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("the text {text}");
    }
    for kind in ["integer", "floating point", "boolean"] {
        if let Some(value) = found.strip_prefix(kind) {
            return value.trim().trim_matches('`').to_string();
        }
    }
    match found {
        "map" => "a group of fields in { }".into(),
        "sequence" => "a list in [ ]".into(),
        "null" | "unit value" => "null (nothing)".into(),
        other => other.into(),
    }
}

/// The value the reader was at, found again in the document.
fn value_at<'a>(document: &'a Value, path: &serde_path_to_error::Path) -> Option<&'a Value> {
    use serde_path_to_error::Segment;
    path.iter()
        .try_fold(document, |value, segment| match segment {
            Segment::Seq { index } => value.get(*index),
            Segment::Map { key } => value.get(key),
            Segment::Enum { .. } => Some(value),
            Segment::Unknown => None,
        })
}

/// How a backup file's bytes were encoded, read as text. UTF-16 files (from Windows tools
/// that save "Unicode") are read whether or not they start with a byte-order mark: a backup
/// starts with `{`, so its first two bytes show the byte order.
pub(super) fn text_of(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| -> Result<String, String> {
        if rest.len() % 2 == 1 {
            return Err(
                "the file looks like UTF-16 text but has an odd number of bytes; it is damaged"
                    .into(),
            );
        }
        char::decode_utf16(rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])))
            .collect::<Result<String, _>>()
            .map_err(|_| "the file looks like UTF-16 text but holds broken characters".into())
    };
    let first = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace() && *byte != 0);
    if first.is_none() {
        return Err("the file is empty".into());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    match bytes {
        [byte, 0, ..] if byte.is_ascii() => utf16(bytes, u16::from_le_bytes),
        [0, byte, ..] if byte.is_ascii() => utf16(bytes, u16::from_be_bytes),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|error| {
        format!(
            "the file is not UTF-8 text (byte {} cannot be read); an Overdue backup is always UTF-8, so this is not one or it was re-saved by another program",
            error.utf8_error().valid_up_to() + 1
        )
    })
}
