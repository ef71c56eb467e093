//! Bytes to text: UTF-8 with or without a byte-order mark, UTF-16 and Windows-1252.

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel, Invoice2go).
    Utf8Bom,
    /// UTF-16, little-endian (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252, read because the bytes were not valid UTF-8.
    Windows1252,
}

impl Encoding {
    /// A short name for people.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (with BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// The decoded text, how it was read, and a note when the reading involved a guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// How the bytes were read.
    pub encoding: Encoding,
    /// Said to the user when the encoding was inferred rather than marked.
    pub note: Option<String>,
}

/// The characters Windows-1252 puts at 0x80–0x9F (the rest of the range is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Reads the bytes of an exported file as text, or says why it is not a text file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    refuse_binary(bytes)?;
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        plain(
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        )
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        plain(utf16(rest, u16::from_le_bytes), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        plain(utf16(rest, u16::from_be_bytes), Encoding::Utf16Be)
    } else if let Some(encoding) = unmarked_utf16(bytes) {
        let text = match encoding {
            Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes),
            _ => utf16(bytes, u16::from_be_bytes),
        };
        Decoded {
            text,
            encoding,
            note: Some(format!(
                "The file has no byte-order mark; it was read as {} because every other byte is zero.",
                encoding.label()
            )),
        }
    } else {
        match std::str::from_utf8(bytes) {
            Ok(text) => plain(text.to_string(), Encoding::Utf8),
            Err(_) => Decoded {
                text: windows_1252(bytes),
                encoding: Encoding::Windows1252,
                note: Some(
                    "The file is not UTF-8, so it was read as Windows-1252 (Western European). \
                     If accented letters look wrong, save it as CSV UTF-8 and import it again."
                        .into(),
                ),
            },
        }
    };
    if decoded.text.contains('\0') {
        return Err("This is not a text file. Export a CSV file from your invoicing tool.".into());
    }
    Ok(decoded)
}

fn plain(text: String, encoding: Encoding) -> Decoded {
    Decoded {
        text,
        encoding,
        note: None,
    }
}

fn refuse_binary(bytes: &[u8]) -> Result<(), String> {
    if bytes.iter().all(|byte| byte.is_ascii_whitespace()) {
        return Err("The file is empty.".into());
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(
            "This is a spreadsheet workbook (Excel or similar), not CSV. Open it and save it \
             as CSV, then import the CSV file."
                .into(),
        );
    }
    if bytes.starts_with(b"%PDF") {
        return Err("This is a PDF. Export the report as CSV instead.".into());
    }
    Ok(())
}

/// UTF-16 without a byte-order mark shows as a zero in every other byte of ASCII text.
fn unmarked_utf16(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even_zeros = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zeros = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zeros * 10 >= pairs * 7 && even_zeros * 10 <= pairs {
        Some(Encoding::Utf16Le)
    } else if even_zeros * 10 >= pairs * 7 && odd_zeros * 10 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&byte| match byte {
            0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
            _ => char::from(byte),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        text.encode_utf16()
            .for_each(|u| bytes.extend(u.to_le_bytes()));
        bytes
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Währung,Total\n".as_bytes()).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding),
            ("Währung,Total\n", Encoding::Utf8)
        );
        let marked = decode(b"\xEF\xBB\xBFId,Name\n").unwrap();
        assert_eq!(
            (marked.text.as_str(), marked.encoding),
            ("Id,Name\n", Encoding::Utf8Bom)
        );
        assert_eq!(marked.note, None);
    }

    #[test]
    fn utf16_with_a_bom_in_both_byte_orders() {
        let le = decode(&utf16le("Client;Betrag\n", true)).unwrap();
        assert_eq!(
            (le.text.as_str(), le.encoding),
            ("Client;Betrag\n", Encoding::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        "Zoë,1"
            .encode_utf16()
            .for_each(|u| be.extend(u.to_be_bytes()));
        let be = decode(&be).unwrap();
        assert_eq!(
            (be.text.as_str(), be.encoding),
            ("Zoë,1", Encoding::Utf16Be)
        );
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_zero_bytes_and_explained() {
        let decoded = decode(&utf16le("Client,Amount\nAcme,12.00\n", false)).unwrap();
        assert_eq!(decoded.encoding, Encoding::Utf16Le);
        assert_eq!(decoded.text, "Client,Amount\nAcme,12.00\n");
        assert!(decoded.note.unwrap().contains("no byte-order mark"));
    }

    #[test]
    fn invalid_utf8_is_read_as_windows_1252_with_a_note() {
        let decoded = decode(b"Client,W\xE4hrung,Total\nCaf\xE9 \x80,EUR,5\n").unwrap();
        assert_eq!(decoded.encoding, Encoding::Windows1252);
        assert_eq!(decoded.text, "Client,Währung,Total\nCafé €,EUR,5\n");
        assert!(decoded.note.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn workbooks_pdfs_and_empty_files_are_refused_with_what_to_do() {
        assert!(decode(b"PK\x03\x04rest")
            .unwrap_err()
            .contains("save it as CSV"));
        assert!(decode(b"%PDF-1.4").unwrap_err().contains("PDF"));
        assert!(decode(b"  \n").unwrap_err().contains("empty"));
        assert!(decode(b"a,b\n\x00\x00\x00\x01\x02\x03").is_err());
    }
}
