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
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
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

fn header_text(text: &str) -> String {
    let clean: String = text.chars().filter(|c| *c != '\r' && *c != '\n').collect();
    if clean.is_ascii() {
        clean
    } else {
        format!("=?UTF-8?B?{}?=", base64(clean.as_bytes()))
    }
}

/// An RFC 5322 message with a UTF-8 plain-text body in base64, CRLF line endings.
///
/// `date` is an RFC 5322 date from the caller, such as `Mon, 23 Nov 2026 09:00:00 +0000`.
pub fn eml(from: &str, to: &str, subject: &str, body: &str, date: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    let encoded = base64(body.as_bytes());
    let mut lines: Vec<String> = vec![
        format!("From: {}", header_text(from)),
        format!("To: {}", header_text(to)),
        format!("Subject: {}", header_text(subject)),
        format!("Date: {date}"),
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
