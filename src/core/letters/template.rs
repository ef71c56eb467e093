//! A small template language for letters: `{{ path }}`, `{% if [not] path %}…{% else %}…{% endif %}`
//! and `{% for item in list %}…{% endfor %}`, and nothing more.
//!
//! It is hand-written rather than a crate: it does exactly what letters need, checks
//! templates against the documented variables with line and column, never panics, and adds
//! far less to the download than a general engine (see BENCHMARKS.md).
//!
//! No template can freeze a tab: the source length and the nesting of blocks and loops are
//! capped when parsing, and rendering stops with an error after [`MAX_RENDER_STEPS`] steps or
//! [`MAX_OUTPUT_BYTES`] of text.

use std::collections::BTreeMap;
use std::fmt;

/// The longest template source accepted, in bytes.
pub const MAX_SOURCE_BYTES: usize = 100_000;

/// How deeply `if` and `for` blocks may nest inside each other.
pub const MAX_DEPTH: usize = 16;

/// How deeply `for` loops may nest inside each other.
pub const MAX_LOOP_DEPTH: usize = 2;

/// The most steps (a piece of text, a variable, a condition, a loop turn) one rendering takes.
pub const MAX_RENDER_STEPS: usize = 100_000;

/// The longest text one rendering produces, in bytes.
pub const MAX_OUTPUT_BYTES: usize = 256 * 1024;

/// A value a template can show: text, or a list of records for a loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text, already formatted.
    Text(String),
    /// Records with text fields.
    List(Vec<BTreeMap<String, String>>),
}

/// The values a letter is rendered with, by dotted name.
pub type Context = BTreeMap<String, Value>;

/// What names a template may use: plain names, and lists with their fields.
pub trait Names {
    /// True when `name` is a plain variable.
    fn is_text(&self, name: &str) -> bool;
    /// The fields of a list variable, or `None` when `name` is not a list.
    fn list_fields(&self, name: &str) -> Option<Vec<&'static str>>;
}

/// A template that cannot be used, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Text(String),
    Variable(String, Position),
    If {
        negated: bool,
        name: String,
        at: Position,
        then: Vec<Node>,
        otherwise: Vec<Node>,
    },
    For {
        item: String,
        list: String,
        at: Position,
        body: Vec<Node>,
    },
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    nodes: Vec<Node>,
}

enum Token {
    Text(String),
    Variable(String, Position),
    Tag(Vec<String>, Position),
}

const START: Position = Position { line: 1, column: 1 };

/// Line and column of byte offsets met in increasing order, each found in time proportional to
/// the text since the previous one.
struct Positions<'a> {
    source: &'a str,
    offset: usize,
    at: Position,
}

impl Positions<'_> {
    fn of(&mut self, offset: usize) -> Position {
        for c in self.source[self.offset..offset].chars() {
            if c == '\n' {
                self.at = Position {
                    line: self.at.line + 1,
                    column: 1,
                };
            } else {
                self.at.column += 1;
            }
        }
        self.offset = offset;
        self.at.clone()
    }
}

fn error(at: &Position, message: impl Into<String>) -> TemplateError {
    TemplateError {
        line: at.line,
        column: at.column,
        message: message.into(),
    }
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

fn tokenize(source: &str) -> Result<Vec<Token>, TemplateError> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(error(
            &START,
            format!("the template is longer than {MAX_SOURCE_BYTES} characters; shorten it"),
        ));
    }
    let mut positions = Positions {
        source,
        offset: 0,
        at: START,
    };
    let mut tokens = Vec::new();
    let mut rest = 0;
    while let Some(found) = source[rest..].find(['{']).map(|i| i + rest) {
        let opener = source.get(found..found + 2);
        let closer = match opener {
            Some("{{") => "}}",
            Some("{%") => "%}",
            _ => {
                tokens.push(Token::Text(source[rest..found + 1].to_string()));
                rest = found + 1;
                continue;
            }
        };
        if found > rest {
            tokens.push(Token::Text(source[rest..found].to_string()));
        }
        let at = positions.of(found);
        let inner_start = found + 2;
        let end = source[inner_start..].find(closer).ok_or_else(|| {
            error(
                &at,
                format!(
                    "`{}` is never closed with `{closer}`",
                    opener.unwrap_or_default()
                ),
            )
        })? + inner_start;
        let inner = source[inner_start..end].trim();
        if closer == "}}" {
            if !valid_name(inner) {
                return Err(error(
                    &at,
                    format!("`{{{{ {inner} }}}}` is not a variable name"),
                ));
            }
            tokens.push(Token::Variable(inner.to_string(), at));
        } else {
            tokens.push(Token::Tag(
                inner.split_whitespace().map(str::to_string).collect(),
                at,
            ));
        }
        rest = end + 2;
    }
    if rest < source.len() {
        tokens.push(Token::Text(source[rest..].to_string()));
    }
    Ok(tokens)
}

/// Which end tag closes the block being parsed.
enum Closing {
    Else,
    EndIf,
    EndFor,
    Eof,
}

/// How deeply the block being parsed sits: blocks and loops around it.
#[derive(Clone, Copy, Default)]
struct Depth {
    blocks: usize,
    loops: usize,
}

impl Depth {
    /// The depth inside one more block at `at`, refused past the limits.
    fn enter(self, tag: &str, at: &Position) -> Result<Depth, TemplateError> {
        let inner = Depth {
            blocks: self.blocks + 1,
            loops: self.loops + usize::from(tag == "for"),
        };
        if inner.blocks > MAX_DEPTH {
            return Err(error(
                at,
                format!("blocks are nested more than {MAX_DEPTH} deep; simplify the template"),
            ));
        }
        if inner.loops > MAX_LOOP_DEPTH {
            return Err(error(
                at,
                format!("`{{% for %}}` loops are nested more than {MAX_LOOP_DEPTH} deep"),
            ));
        }
        Ok(inner)
    }
}

fn parse_block(
    tokens: &mut std::iter::Peekable<std::vec::IntoIter<Token>>,
    open: Option<(&str, &Position)>,
    depth: Depth,
) -> Result<(Vec<Node>, Closing), TemplateError> {
    let mut nodes = Vec::new();
    while let Some(token) = tokens.next() {
        match token {
            Token::Text(text) => nodes.push(Node::Text(text)),
            Token::Variable(name, at) => nodes.push(Node::Variable(name, at)),
            Token::Tag(words, at) => {
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                match words.as_slice() {
                    ["if", "not", name] | ["if", name] if valid_name(name) => {
                        let negated = words.len() == 3;
                        let inner = depth.enter("if", &at)?;
                        let (then, closing) = parse_block(tokens, Some(("if", &at)), inner)?;
                        let otherwise = match closing {
                            Closing::Else => {
                                let (otherwise, closing) = parse_block(tokens, Some(("else", &at)), inner)?;
                                if !matches!(closing, Closing::EndIf) {
                                    return Err(error(&at, "`{% if %}` is never closed with `{% endif %}`"));
                                }
                                otherwise
                            }
                            _ => Vec::new(),
                        };
                        nodes.push(Node::If { negated, name: name.to_string(), at, then, otherwise });
                    }
                    ["for", item, "in", list] if valid_name(item) && !item.contains('.') && valid_name(list) => {
                        let (body, _) = parse_block(tokens, Some(("for", &at)), depth.enter("for", &at)?)?;
                        nodes.push(Node::For { item: item.to_string(), list: list.to_string(), at, body });
                    }
                    ["else"] if matches!(open, Some(("if", _))) => return Ok((nodes, Closing::Else)),
                    ["endif"] if matches!(open, Some(("if" | "else", _))) => return Ok((nodes, Closing::EndIf)),
                    ["endfor"] if matches!(open, Some(("for", _))) => return Ok((nodes, Closing::EndFor)),
                    ["else" | "endif" | "endfor"] => {
                        return Err(error(&at, format!("`{{% {} %}}` has no matching opening tag", words[0])))
                    }
                    _ => {
                        return Err(error(&at, format!(
                            "`{{% {} %}}` is not a tag; use `if name`, `if not name`, `else`, `endif`, `for item in list` or `endfor`",
                            words.join(" ")
                        )))
                    }
                }
            }
        }
    }
    match open {
        Some((tag, at)) => {
            let (name, end) = if tag == "for" {
                ("for", "endfor")
            } else {
                ("if", "endif")
            };
            Err(error(
                at,
                format!("`{{% {name} %}}` is never closed with `{{% {end} %}}`"),
            ))
        }
        None => Ok((nodes, Closing::Eof)),
    }
}

impl Template {
    /// Parses a template, reporting syntax errors with their line and column, and refusing
    /// sources longer than [`MAX_SOURCE_BYTES`] or nested past [`MAX_DEPTH`] / [`MAX_LOOP_DEPTH`].
    pub fn parse(source: &str) -> Result<Template, TemplateError> {
        let mut tokens = tokenize(source)?.into_iter().peekable();
        let (nodes, _) = parse_block(&mut tokens, None, Depth::default())?;
        Ok(Template { nodes })
    }

    /// Parses (with the limits of [`Template::parse`]) and checks every name against `names`;
    /// the editor and backup import both run this.
    pub fn check(source: &str, names: &impl Names) -> Result<Template, TemplateError> {
        let template = Template::parse(source)?;
        check_nodes(&template.nodes, names, &BTreeMap::new())?;
        Ok(template)
    }

    /// Renders with `context`; a missing value renders as nothing. Stops with an error at the
    /// block that would take more than [`MAX_RENDER_STEPS`] steps or [`MAX_OUTPUT_BYTES`].
    pub fn render(&self, context: &Context) -> Result<String, TemplateError> {
        let mut rendering = Rendering {
            context,
            out: String::new(),
            steps_left: MAX_RENDER_STEPS,
        };
        rendering.nodes(&self.nodes, &BTreeMap::new(), &START)?;
        Ok(rendering.out)
    }
}

fn check_nodes(
    nodes: &[Node],
    names: &impl Names,
    scope: &BTreeMap<String, Vec<&'static str>>,
) -> Result<(), TemplateError> {
    let known = |name: &str, at: &Position| -> Result<(), TemplateError> {
        if names.is_text(name) {
            return Ok(());
        }
        if let Some((item, field)) = name.split_once('.') {
            if let Some(fields) = scope.get(item) {
                return if fields.contains(&field) {
                    Ok(())
                } else {
                    Err(error(
                        at,
                        format!(
                            "unknown field `{field}` of `{item}`; it has {}",
                            fields.join(", ")
                        ),
                    ))
                };
            }
        }
        if names.list_fields(name).is_some() {
            return Ok(());
        }
        Err(error(at, format!("unknown variable `{name}`")))
    };
    for node in nodes {
        match node {
            Node::Text(_) => {}
            Node::Variable(name, at) => {
                if names.list_fields(name).is_some() {
                    return Err(error(
                        at,
                        format!("`{name}` is a list; show it with `{{% for row in {name} %}}`"),
                    ));
                }
                known(name, at)?
            }
            Node::If {
                name,
                at,
                then,
                otherwise,
                ..
            } => {
                known(name, at)?;
                check_nodes(then, names, scope)?;
                check_nodes(otherwise, names, scope)?;
            }
            Node::For {
                item,
                list,
                at,
                body,
            } => {
                let fields = names
                    .list_fields(list)
                    .ok_or_else(|| error(at, format!("`{list}` is not a list to loop over")))?;
                let mut inner = scope.clone();
                inner.insert(item.clone(), fields);
                check_nodes(body, names, &inner)?;
            }
        }
    }
    Ok(())
}

fn lookup<'a>(
    name: &str,
    context: &'a Context,
    scope: &'a BTreeMap<String, BTreeMap<String, String>>,
) -> Option<&'a str> {
    if let Some((item, field)) = name.split_once('.') {
        if let Some(record) = scope.get(item) {
            return record.get(field).map(String::as_str);
        }
    }
    match context.get(name) {
        Some(Value::Text(text)) => Some(text),
        _ => None,
    }
}

fn truthy(
    name: &str,
    context: &Context,
    scope: &BTreeMap<String, BTreeMap<String, String>>,
) -> bool {
    if let Some(Value::List(items)) = context.get(name) {
        return !items.is_empty();
    }
    // Empty text, "false" and zero amounts such as "£0.00" are false.
    lookup(name, context, scope).is_some_and(|text| {
        let text = text.trim();
        let has_digit = text.chars().any(|c| c.is_ascii_digit());
        let nonzero = text.chars().any(|c| matches!(c, '1'..='9'));
        !(text.is_empty() || text == "false" || (has_digit && !nonzero))
    })
}

/// One rendering under way: the text so far and the steps it may still take.
struct Rendering<'a> {
    context: &'a Context,
    out: String,
    steps_left: usize,
}

impl Rendering<'_> {
    /// Counts one step inside the block at `at`, stopping when the budget is spent.
    fn step(&mut self, at: &Position) -> Result<(), TemplateError> {
        if self.out.len() > MAX_OUTPUT_BYTES {
            return Err(error(
                at,
                format!(
                    "the letter would be longer than {} KB",
                    MAX_OUTPUT_BYTES / 1024
                ),
            ));
        }
        self.steps_left = self.steps_left.checked_sub(1).ok_or_else(|| {
            error(
                at,
                "this block repeats too often to render; simplify the loops and conditions",
            )
        })?;
        Ok(())
    }

    fn nodes(
        &mut self,
        nodes: &[Node],
        scope: &BTreeMap<String, BTreeMap<String, String>>,
        block: &Position,
    ) -> Result<(), TemplateError> {
        for node in nodes {
            self.step(block)?;
            match node {
                Node::Text(text) => self.out.push_str(text),
                Node::Variable(name, _) => self
                    .out
                    .push_str(lookup(name, self.context, scope).unwrap_or_default()),
                Node::If {
                    negated,
                    name,
                    at,
                    then,
                    otherwise,
                } => {
                    let branch = if truthy(name, self.context, scope) != *negated {
                        then
                    } else {
                        otherwise
                    };
                    self.nodes(branch, scope, at)?;
                }
                Node::For {
                    item,
                    list,
                    at,
                    body,
                } => {
                    if let Some(Value::List(records)) = self.context.get(list) {
                        for record in records {
                            self.step(at)?;
                            let mut inner = scope.clone();
                            inner.insert(item.clone(), record.clone());
                            self.nodes(body, &inner, at)?;
                        }
                    }
                }
            }
        }
        self.step(block)
    }
}
