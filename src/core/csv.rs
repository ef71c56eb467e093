//! Writing CSV (RFC 4180) that is safe to open in a spreadsheet.
//!
//! Text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return) is neutralised as OWASP's CSV-injection guidance says: prefixed with a
//! single quote and quoted. Plain numbers such as `-12.50` are written as they are.

/// True for a plain decimal number: an optional minus, digits, and optional decimals.
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// One CSV field: a plain number as it is, other text quoted when it needs to be, and text that
/// would start a formula neutralised with a leading `'`.
pub fn cell(text: &str) -> String {
    if is_plain_number(text) {
        return text.to_string();
    }
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let needs_quotes = formula || text.contains([',', '"', '\r', '\n']);
    if !needs_quotes {
        return text.to_string();
    }
    let prefix = if formula { "'" } else { "" };
    format!("\"{prefix}{}\"", text.replace('"', "\"\""))
}

/// Appends one record: the fields through [`cell`], separated by commas, ended by CRLF.
pub fn push_row<I, S>(out: &mut String, fields: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    for (index, field) in fields.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&cell(field.as_ref()));
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_openers_are_prefixed_with_a_quote_and_quoted() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1+1"), "\"'+1+1\"");
        assert_eq!(cell("-2+3"), "\"'-2+3\"");
        assert_eq!(cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(cell("\tx"), "\"'\tx\"");
        assert_eq!(cell("\rx"), "\"'\rx\"");
    }

    #[test]
    fn plain_numbers_stay_numbers() {
        assert_eq!(cell("-12.50"), "-12.50");
        assert_eq!(cell("1234.56"), "1234.56");
        assert_eq!(cell("0"), "0");
        assert_eq!(cell("-"), "\"'-\"");
        assert_eq!(cell("-1e5"), "\"'-1e5\"");
    }

    #[test]
    fn ordinary_text_is_quoted_only_when_it_must_be() {
        assert_eq!(cell("Acme"), "Acme");
        assert_eq!(cell("Acme, Ltd"), "\"Acme, Ltd\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn a_row_joins_cells_and_ends_with_crlf() {
        let mut out = String::new();
        push_row(&mut out, ["=1", "Acme", "-5.00"]);
        assert_eq!(out, "\"'=1\",Acme,-5.00\r\n");
    }
}
