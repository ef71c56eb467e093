//! Letters out of the app: `mailto:` links (RFC 6068) and `.eml` files (RFC 5322).

/// Longest `mailto:` link offered; past it the UI copies the body instead.
pub const MAILTO_LIMIT: usize = 1800;

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A `mailto:` link with the subject and body, or `None` when it would be too long for a URL.
pub fn mailto(to: &str, subject: &str, body: &str) -> Option<String> {
    let body = body
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "")
        .replace('\n', "\r\n");
    let link = format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(to).replace("%40", "@"),
        percent_encode(subject),
        percent_encode(&body)
    );
    (link.len() <= MAILTO_LIMIT).then_some(link)
}

/// A `mailto:` link with the subject only, for when the body must be pasted.
pub fn mailto_subject_only(to: &str, subject: &str) -> String {
    format!(
        "mailto:{}?subject={}",
        percent_encode(to).replace("%40", "@"),
        percent_encode(subject)
    )
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (index, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if index <= chunk.len() {
                out.push(BASE64[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Who a message is from or to: a display name (may be empty) and an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mailbox<'a> {
    /// The name people see, such as `Ada Studio`.
    pub name: &'a str,
    /// The address, such as `ada@example.com`; written as it is, never encoded.
    pub address: &'a str,
}

/// Characters RFC 5322 calls specials: a display name holding one is quoted.
const SPECIALS: &[char] = &[
    '(', ')', '<', '>', '[', ']', ':', ';', '@', '\\', ',', '.', '"',
];

/// The text with CR, LF, NUL and every other control character removed, so a value cannot
/// end its header line and start another.
fn header_safe(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// Non-ASCII text as RFC 2047 encoded-words of at most 64 characters each (39 bytes of UTF-8
/// in base64, so a header line stays under 76), split between characters and folded onto
/// continuation lines.
fn encoded_words(text: &str) -> String {
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
        if chunk.len() + c.len_utf8() > 39 {
            words.push(std::mem::take(&mut chunk));
        }
        chunk.push(c);
    }
    words.push(chunk);
    words
        .iter()
        .map(|word| format!("=?UTF-8?B?{}?=", base64(word.as_bytes())))
        .collect::<Vec<_>>()
        .join("\r\n ")
}

/// An unstructured header value such as a subject: plain ASCII, or encoded-words.
fn header_text(text: &str) -> String {
    let clean = header_safe(text);
    if clean.is_ascii() {
        clean
    } else {
        encoded_words(&clean)
    }
}

/// A mailbox header value: `Name <address>`, with only the name encoded (an encoded-word
/// when it is not ASCII, a quoted string when it holds specials) and the address kept to the
/// characters an address may hold.
pub fn mailbox(mailbox: &Mailbox) -> String {
    let address: String = mailbox
        .address
        .chars()
        .filter(|c| !c.is_control() && !c.is_whitespace() && !"<>()[],;:\"\\".contains(*c))
        .collect();
    let name = header_safe(mailbox.name);
    let name = name.trim();
    if name.is_empty() {
        return address;
    }
    let phrase = if !name.is_ascii() {
        encoded_words(name)
    } else if name.contains(SPECIALS) {
        format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        name.to_string()
    };
    format!("{phrase} <{address}>")
}

/// An RFC 5322 message with a UTF-8 plain-text body in base64, CRLF line endings.
///
/// `date` is an RFC 5322 date from the caller, such as `Mon, 23 Nov 2026 09:00:00 +0000`.
/// Every header value is stripped of control characters, so no input can add a header; in
/// the body a bare CR or LF becomes CRLF and NUL is dropped.
pub fn eml(from: &Mailbox, to: &Mailbox, subject: &str, body: &str, date: &str) -> String {
    let body = body
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "")
        .replace('\n', "\r\n");
    let encoded = base64(body.as_bytes());
    let mut lines: Vec<String> = vec![
        format!("From: {}", mailbox(from)),
        format!("To: {}", mailbox(to)),
        format!("Subject: {}", header_text(subject)),
        format!("Date: {}", header_safe(date)),
        "MIME-Version: 1.0".into(),
        "Content-Type: text/plain; charset=UTF-8".into(),
        "Content-Transfer-Encoding: base64".into(),
        String::new(),
    ];
    lines.extend(
        encoded
            .as_bytes()
            .chunks(76)
            .map(|c| String::from_utf8_lossy(c).into_owned()),
    );
    lines.join("\r\n") + "\r\n"
}
