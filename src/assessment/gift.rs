//! Moodle's GIFT question format (docs.moodle.org, "GIFT format"): parse a
//! file into questions, and write questions back so that parsing the export
//! gives the same questions.
//!
//! Supported: `//` comments, `$CATEGORY:` lines, `::title::`, `[html]`,
//! `[markdown]`, `[plain]` and `[moodle]` text formats, multi-line questions,
//! single choice (`=`/`~`), multiple choice with `~%50%` weights (negative
//! weights allowed), true/false (`T`, `F`, `TRUE`, `FALSE`, with wrong/right
//! feedback), short answer (several `=` answers, optional weights), matching
//! (`=a -> b`), numeric (`#value:tolerance`, `#min..max`, several weighted
//! numeric answers), missing word (text after the answer block), essay `{}`,
//! descriptions (no answer block), answer feedback `#`, general feedback
//! `####`, and the escapes `\~ \= \# \{ \} \: \\ \n`.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

/// The marker that stands for the answer block in missing-word questions.
pub const BLANK: &str = "_____";

/// How a question's text is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    #[default]
    Moodle,
    Html,
    Markdown,
    Plain,
}

impl TextFormat {
    fn marker(self) -> Option<&'static str> {
        match self {
            TextFormat::Moodle => None,
            TextFormat::Html => Some("[html]"),
            TextFormat::Markdown => Some("[markdown]"),
            TextFormat::Plain => Some("[plain]"),
        }
    }
}

/// An option of a choice question, with its weight in percent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    pub weight: f64,
    pub feedback: Option<String>,
}

/// A numeric answer: a value with a tolerance, or a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NumericValue {
    Tolerance { value: f64, tolerance: f64 },
    Range { min: f64, max: f64 },
}

/// A weighted numeric answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumericAnswer {
    pub value: NumericValue,
    pub weight: f64,
    pub feedback: Option<String>,
}

/// What kind of question, with its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Text only: no answer.
    Description,
    /// Free text, graded by an instructor.
    Essay,
    TrueFalse {
        answer: bool,
        feedback_wrong: Option<String>,
        feedback_right: Option<String>,
    },
    /// One right option (`=`), the others wrong (`~`).
    SingleChoice {
        options: Vec<Choice>,
    },
    /// Options with weights; several may be chosen.
    MultipleChoice {
        options: Vec<Choice>,
    },
    /// Typed answers; each accepted answer has a weight.
    ShortAnswer {
        answers: Vec<Choice>,
    },
    Matching {
        pairs: Vec<(String, String)>,
    },
    Numeric {
        answers: Vec<NumericAnswer>,
    },
}

/// One question as written in a GIFT file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GiftQuestion {
    /// The `$CATEGORY:` in force, if any.
    pub category: Option<String>,
    pub title: Option<String>,
    pub format: TextFormat,
    /// The question text; for missing-word questions it holds [`BLANK`]
    /// where the answer block stood.
    pub text: String,
    pub kind: QuestionKind,
    pub general_feedback: Option<String>,
    /// The line the question starts on (1-based).
    #[serde(skip)]
    pub line: usize,
}

impl GiftQuestion {
    /// Whether the answer block stood inside the text.
    pub fn is_missing_word(&self) -> bool {
        self.text.contains(BLANK)
    }
}

/// A problem in a GIFT file, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GiftError {
    pub line: usize,
    pub message: String,
}

fn error(line: usize, message: impl Into<String>) -> GiftError {
    GiftError {
        line,
        message: message.into(),
    }
}

/// Parses a whole GIFT file.
pub fn parse(source: &str) -> Result<Vec<GiftQuestion>, GiftError> {
    let mut questions = Vec::new();
    let mut category: Option<String> = None;
    let mut block = String::new();
    let mut block_start = 0;
    let mut depth = 0usize;
    for (index, raw_line) in source.lines().enumerate() {
        let line_number = index + 1;
        let trimmed = raw_line.trim();
        if depth == 0 && trimmed.starts_with("//") {
            continue;
        }
        if depth == 0 && block.trim().is_empty() {
            if let Some(rest) = trimmed.strip_prefix("$CATEGORY:") {
                let name = rest.trim();
                category = (!name.is_empty()).then(|| name.to_owned());
                continue;
            }
        }
        if depth == 0 && trimmed.is_empty() {
            if !block.trim().is_empty() {
                questions.push(parse_question(&block, block_start, category.clone())?);
            }
            block.clear();
            continue;
        }
        if block.trim().is_empty() {
            block.clear();
            block_start = line_number;
        }
        depth = brace_depth_after(raw_line, depth);
        block.push_str(raw_line);
        block.push('\n');
    }
    if depth > 0 {
        return Err(error(
            block_start,
            "the answer block opened with { is never closed with }",
        ));
    }
    if !block.trim().is_empty() {
        questions.push(parse_question(&block, block_start, category)?);
    }
    Ok(questions)
}

/// The `{`/`}` nesting after `line`, ignoring escaped braces.
fn brace_depth_after(line: &str, mut depth: usize) -> usize {
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

/// Positions of unescaped `c` in `text` (byte offsets).
fn unescaped_positions(text: &str, wanted: char) -> Vec<usize> {
    let mut positions = Vec::new();
    let mut escaped = false;
    for (offset, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == wanted {
            positions.push(offset);
        }
    }
    positions
}

/// Removes GIFT escapes.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Adds GIFT escapes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

fn parse_question(
    block: &str,
    line: usize,
    category: Option<String>,
) -> Result<GiftQuestion, GiftError> {
    let mut rest = block.trim();
    let mut title = None;
    if let Some(after) = rest.strip_prefix("::") {
        let close = find_unescaped(after, "::")
            .ok_or_else(|| error(line, "the title opened with :: is never closed with ::"))?;
        title = Some(unescape(after[..close].trim()));
        rest = after[close + 2..].trim_start();
    }
    let mut format = TextFormat::Moodle;
    for candidate in [TextFormat::Html, TextFormat::Markdown, TextFormat::Plain] {
        if let Some(marker) = candidate.marker()
            && let Some(after) = rest.strip_prefix(marker)
        {
            format = candidate;
            rest = after.trim_start();
        }
    }
    if let Some(after) = rest.strip_prefix("[moodle]") {
        rest = after.trim_start();
    }
    let opens = unescaped_positions(rest, '{');
    let closes = unescaped_positions(rest, '}');
    if opens.len() > closes.len() {
        return Err(error(
            line,
            "an answer block opened with { is never closed with }",
        ));
    }
    match (opens.as_slice(), closes.as_slice()) {
        ([], []) => Ok(GiftQuestion {
            category,
            title,
            format,
            text: unescape(rest.trim()),
            kind: QuestionKind::Description,
            general_feedback: None,
            line,
        }),
        ([open], [close]) if open < close => {
            let before = rest[..*open].trim_end();
            let after = rest[close + 1..].trim();
            let (kind, general_feedback) = parse_answers(&rest[open + 1..*close], line)?;
            let text = if after.is_empty() {
                unescape(before)
            } else {
                format!("{} {BLANK} {}", unescape(before), unescape(after))
                    .trim()
                    .to_owned()
            };
            if text.is_empty() {
                return Err(error(line, "the question has no text before its answers"));
            }
            Ok(GiftQuestion {
                category,
                title,
                format,
                text,
                kind,
                general_feedback,
                line,
            })
        }
        _ => Err(error(
            line,
            "a question has exactly one answer block {…} (escape a literal brace as \\{ or \\})",
        )),
    }
}

fn find_unescaped(text: &str, needle: &str) -> Option<usize> {
    let mut escaped = false;
    for (offset, c) in text.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
            continue;
        }
        if text[offset..].starts_with(needle) {
            return Some(offset);
        }
    }
    None
}

/// Splits a block's body at unescaped answer markers (`=`, `~`), keeping the marker.
fn split_answers(body: &str) -> Vec<(char, String)> {
    let mut parts = Vec::new();
    let mut current: Option<(char, String)> = None;
    let mut escaped = false;
    for c in body.chars() {
        if escaped {
            if let Some((_, text)) = current.as_mut() {
                text.push('\\');
                text.push(c);
            }
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
            continue;
        }
        if c == '=' || c == '~' {
            if let Some(part) = current.take() {
                parts.push(part);
            }
            current = Some((c, String::new()));
        } else if let Some((_, text)) = current.as_mut() {
            text.push(c);
        }
    }
    if let Some(part) = current.take() {
        parts.push(part);
    }
    parts
}

/// Splits `text#feedback` at the first unescaped `#`.
fn split_feedback(text: &str) -> (String, Option<String>) {
    match unescaped_positions(text, '#').first() {
        Some(position) => (
            unescape(text[..*position].trim()),
            Some(unescape(text[position + 1..].trim())).filter(|feedback| !feedback.is_empty()),
        ),
        None => (unescape(text.trim()), None),
    }
}

/// Reads `%50%` at the start of an answer.
fn split_weight(text: &str, line: usize) -> Result<(Option<f64>, &str), GiftError> {
    let trimmed = text.trim_start();
    if let Some(after) = trimmed.strip_prefix('%') {
        let end = after
            .find('%')
            .ok_or_else(|| error(line, "a weight opened with % is never closed with %"))?;
        let weight: f64 = after[..end].trim().parse().map_err(|_| {
            error(
                line,
                format!(
                    "\"{}\" is not a weight: write a percentage such as %50% or %-100%",
                    &after[..end]
                ),
            )
        })?;
        if !(-100.0..=100.0).contains(&weight) {
            return Err(error(
                line,
                format!("the weight {weight}% is outside -100..100"),
            ));
        }
        return Ok((Some(weight), &after[end + 1..]));
    }
    Ok((None, trimmed))
}

fn parse_answers(body: &str, line: usize) -> Result<(QuestionKind, Option<String>), GiftError> {
    let (body, general_feedback) = match find_unescaped(body, "####") {
        Some(position) => (
            &body[..position],
            Some(unescape(body[position + 4..].trim())).filter(|text| !text.is_empty()),
        ),
        None => (body, None),
    };
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return Ok((QuestionKind::Essay, general_feedback));
    }
    if let Some(numeric) = trimmed.strip_prefix('#') {
        return Ok((parse_numeric(numeric, line)?, general_feedback));
    }
    let (head, feedback_part) = match unescaped_positions(trimmed, '#').first() {
        Some(position) => (trimmed[..*position].trim(), Some(&trimmed[*position..])),
        None => (trimmed, None),
    };
    let truth = match head {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    };
    if let Some(answer) = truth {
        let feedbacks: Vec<Option<String>> = feedback_part
            .map(|part| {
                let positions = unescaped_positions(part, '#');
                positions
                    .iter()
                    .enumerate()
                    .map(|(index, start)| {
                        let end = positions.get(index + 1).copied().unwrap_or(part.len());
                        Some(unescape(part[start + 1..end].trim())).filter(|text| !text.is_empty())
                    })
                    .collect()
            })
            .unwrap_or_default();
        if feedbacks.len() > 2 {
            return Err(error(
                line,
                "a true/false answer takes at most two feedbacks: #wrong#right",
            ));
        }
        return Ok((
            QuestionKind::TrueFalse {
                answer,
                feedback_wrong: feedbacks.first().cloned().flatten(),
                feedback_right: feedbacks.get(1).cloned().flatten(),
            },
            general_feedback,
        ));
    }
    let parts = split_answers(trimmed);
    if parts.is_empty() {
        return Err(error(
            line,
            format!(
                "unknown answer type \"{}\": answers start with =, ~ or #, or are T/F",
                trimmed.chars().take(40).collect::<String>()
            ),
        ));
    }
    let all_right = parts.iter().all(|(marker, _)| *marker == '=');
    if all_right
        && parts
            .iter()
            .all(|(_, text)| find_unescaped(text, "->").is_some())
    {
        let pairs = parts
            .iter()
            .map(|(_, text)| {
                let arrow = find_unescaped(text, "->").unwrap_or(0);
                let question = unescape(text[..arrow].trim());
                let answer = unescape(text[arrow + 2..].trim());
                if answer.is_empty() {
                    Err(error(line, "a matching pair needs an answer after ->"))
                } else {
                    Ok((question, answer))
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        if pairs.len() < 2 {
            return Err(error(line, "a matching question needs at least two pairs"));
        }
        return Ok((QuestionKind::Matching { pairs }, general_feedback));
    }
    let mut choices = Vec::new();
    let mut any_weight = false;
    for (marker, text) in &parts {
        let (weight, text) = split_weight(text, line)?;
        any_weight |= weight.is_some();
        let (answer, feedback) = split_feedback(text);
        if answer.is_empty() {
            return Err(error(line, "an answer is empty"));
        }
        let weight = weight.unwrap_or(if *marker == '=' { 100.0 } else { 0.0 });
        choices.push(Choice {
            text: answer,
            weight,
            feedback,
        });
    }
    if all_right {
        return Ok((
            QuestionKind::ShortAnswer { answers: choices },
            general_feedback,
        ));
    }
    let rights = parts.iter().filter(|(marker, _)| *marker == '=').count();
    if rights == 1 && !any_weight {
        return Ok((
            QuestionKind::SingleChoice { options: choices },
            general_feedback,
        ));
    }
    if rights > 1 {
        return Err(error(
            line,
            "a choice question has one = answer; give several right answers weights with ~%50%",
        ));
    }
    if !choices.iter().any(|choice| choice.weight > 0.0) {
        return Err(error(
            line,
            "no option earns any marks: mark the right option with = or give it a positive ~%weight%",
        ));
    }
    Ok((
        QuestionKind::MultipleChoice { options: choices },
        general_feedback,
    ))
}

fn parse_number(text: &str, line: usize) -> Result<f64, GiftError> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|number| number.is_finite())
        .ok_or_else(|| error(line, format!("\"{}\" is not a number", text.trim())))
}

fn parse_numeric_value(text: &str, line: usize) -> Result<NumericValue, GiftError> {
    let text = unescape(text.trim());
    if let Some((min, max)) = text.split_once("..") {
        let (min, max) = (parse_number(min, line)?, parse_number(max, line)?);
        if min > max {
            return Err(error(
                line,
                format!("the range {min}..{max} runs backwards"),
            ));
        }
        return Ok(NumericValue::Range { min, max });
    }
    let (value, tolerance) = match text.split_once(':') {
        Some((value, tolerance)) => (parse_number(value, line)?, parse_number(tolerance, line)?),
        None => (parse_number(&text, line)?, 0.0),
    };
    if tolerance < 0.0 {
        return Err(error(line, "a tolerance cannot be negative"));
    }
    Ok(NumericValue::Tolerance { value, tolerance })
}

fn parse_numeric(body: &str, line: usize) -> Result<QuestionKind, GiftError> {
    let parts = split_answers(body);
    let answers = if parts.is_empty() {
        let (value, feedback) = split_feedback_raw(body);
        vec![NumericAnswer {
            value: parse_numeric_value(value, line)?,
            weight: 100.0,
            feedback,
        }]
    } else {
        parts
            .iter()
            .map(|(marker, text)| {
                if *marker != '=' {
                    return Err(error(line, "numeric answers start with ="));
                }
                let (weight, text) = split_weight(text, line)?;
                let (value, feedback) = split_feedback_raw(text);
                Ok(NumericAnswer {
                    value: parse_numeric_value(value, line)?,
                    weight: weight.unwrap_or(100.0),
                    feedback,
                })
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    Ok(QuestionKind::Numeric { answers })
}

/// Like `split_feedback`, but keeps the value part escaped (numbers use `:`).
fn split_feedback_raw(text: &str) -> (&str, Option<String>) {
    match unescaped_positions(text, '#').first() {
        Some(position) => (
            &text[..*position],
            Some(unescape(text[position + 1..].trim())).filter(|feedback| !feedback.is_empty()),
        ),
        None => (text, None),
    }
}

fn format_number(value: f64) -> String {
    let text = format!("{value}");
    if text.contains('e') {
        format!("{value:.12}")
    } else {
        text
    }
}

fn write_feedback(out: &mut String, feedback: &Option<String>) {
    if let Some(feedback) = feedback {
        let _ = write!(out, "#{}", escape(feedback));
    }
}

fn write_weight(out: &mut String, weight: f64) {
    let _ = write!(out, "%{}%", format_number(weight));
}

/// Writes questions as GIFT; `parse(&export(q)) == q` (lines aside).
pub fn export(questions: &[GiftQuestion]) -> String {
    let mut out = String::new();
    let mut category: Option<&str> = None;
    for question in questions {
        if question.category.as_deref() != category {
            if let Some(name) = &question.category {
                let _ = writeln!(out, "$CATEGORY: {name}\n");
            }
            category = question.category.as_deref();
        }
        if let Some(title) = &question.title {
            let _ = write!(out, "::{}::", escape(title));
        }
        if let Some(marker) = question.format.marker() {
            out.push_str(marker);
        }
        let answers = export_answers(question);
        if question.kind == QuestionKind::Description {
            out.push_str(&escape(&question.text));
        } else if let Some((before, after)) = question.text.split_once(BLANK) {
            let _ = write!(
                out,
                "{} {answers} {}",
                escape(before.trim()),
                escape(after.trim())
            );
        } else {
            let _ = write!(out, "{} {answers}", escape(&question.text));
        }
        out.push_str("\n\n");
    }
    out
}

fn export_answers(question: &GiftQuestion) -> String {
    let mut out = String::from("{");
    match &question.kind {
        QuestionKind::Description => return String::new(),
        QuestionKind::Essay => {}
        QuestionKind::TrueFalse {
            answer,
            feedback_wrong,
            feedback_right,
        } => {
            out.push_str(if *answer { "TRUE" } else { "FALSE" });
            if feedback_wrong.is_some() || feedback_right.is_some() {
                let _ = write!(
                    out,
                    "#{}",
                    feedback_wrong.as_deref().map(escape).unwrap_or_default()
                );
            }
            write_feedback(&mut out, feedback_right);
        }
        QuestionKind::SingleChoice { options } => {
            for option in options {
                out.push_str(if option.weight >= 100.0 { "\n=" } else { "\n~" });
                out.push_str(&escape(&option.text));
                write_feedback(&mut out, &option.feedback);
            }
            out.push('\n');
        }
        QuestionKind::MultipleChoice { options } => {
            for option in options {
                out.push_str("\n~");
                write_weight(&mut out, option.weight);
                out.push_str(&escape(&option.text));
                write_feedback(&mut out, &option.feedback);
            }
            out.push('\n');
        }
        QuestionKind::ShortAnswer { answers } => {
            for answer in answers {
                out.push_str("\n=");
                if answer.weight != 100.0 {
                    write_weight(&mut out, answer.weight);
                }
                out.push_str(&escape(&answer.text));
                write_feedback(&mut out, &answer.feedback);
            }
            out.push('\n');
        }
        QuestionKind::Matching { pairs } => {
            for (left, right) in pairs {
                let _ = write!(out, "\n={} -> {}", escape(left), escape(right));
            }
            out.push('\n');
        }
        QuestionKind::Numeric { answers } => {
            out.push('#');
            for answer in answers {
                out.push_str("\n=");
                if answer.weight != 100.0 {
                    write_weight(&mut out, answer.weight);
                }
                match answer.value {
                    NumericValue::Tolerance { value, tolerance } => {
                        let _ =
                            write!(out, "{}:{}", format_number(value), format_number(tolerance));
                    }
                    NumericValue::Range { min, max } => {
                        let _ = write!(out, "{}..{}", format_number(min), format_number(max));
                    }
                }
                write_feedback(&mut out, &answer.feedback);
            }
            out.push('\n');
        }
    }
    if let Some(feedback) = &question.general_feedback {
        let _ = write!(out, "####{}", escape(feedback));
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<GiftQuestion> {
        parse(include_str!("../../tests/gift/corpus.gift")).expect("the corpus parses")
    }

    fn without_lines(questions: &[GiftQuestion]) -> Vec<GiftQuestion> {
        questions
            .iter()
            .cloned()
            .map(|question| GiftQuestion {
                line: 0,
                ..question
            })
            .collect()
    }

    fn by_title(questions: &[GiftQuestion], title: &str) -> GiftQuestion {
        questions
            .iter()
            .find(|question| question.title.as_deref() == Some(title))
            .cloned()
            .unwrap_or_else(|| panic!("no question titled {title}"))
    }

    #[test]
    fn the_corpus_covers_every_feature() {
        let questions = corpus();
        assert_eq!(questions.len(), 18);
        let q1 = by_title(&questions, "Q1 single choice");
        assert_eq!(q1.category.as_deref(), Some("Regulation/Basics"));
        assert_eq!(q1.line, 6);
        assert_eq!(
            q1.general_feedback.as_deref(),
            Some("The ATMP Regulation dates from 2007.")
        );
        let QuestionKind::SingleChoice { options } = &q1.kind else {
            panic!("{q1:?}")
        };
        assert_eq!(options[0].weight, 100.0);
        assert_eq!(
            options[0].feedback.as_deref(),
            Some("Right: it is the ATMP Regulation.")
        );
        assert_eq!(options[2].feedback, None);
        let QuestionKind::MultipleChoice { options } = by_title(&questions, "Q2 weights").kind
        else {
            panic!()
        };
        assert_eq!(
            options
                .iter()
                .map(|option| option.weight)
                .collect::<Vec<_>>(),
            vec![50.0, 50.0, -100.0]
        );
        assert_eq!(
            by_title(&questions, "Q3 true").kind,
            QuestionKind::TrueFalse {
                answer: true,
                feedback_wrong: None,
                feedback_right: None
            }
        );
        assert_eq!(
            by_title(&questions, "Q4 false with feedback").kind,
            QuestionKind::TrueFalse {
                answer: false,
                feedback_wrong: Some("Wrong: they are gene therapy products.".to_owned()),
                feedback_right: Some("Right.".to_owned()),
            }
        );
        let QuestionKind::ShortAnswer { answers } = by_title(&questions, "Q5 short answer").kind
        else {
            panic!()
        };
        assert_eq!((answers[0].text.as_str(), answers[1].weight), ("CAT", 50.0));
        let QuestionKind::Matching { pairs } = by_title(&questions, "Q6 matching").kind else {
            panic!()
        };
        assert_eq!(
            pairs[1],
            ("Grade B".to_owned(), "background to grade A".to_owned())
        );
        let QuestionKind::Numeric { answers } =
            by_title(&questions, "Q7 numeric with tolerance").kind
        else {
            panic!()
        };
        assert_eq!(
            answers[0].value,
            NumericValue::Tolerance {
                value: 2007.0,
                tolerance: 0.0
            }
        );
        let QuestionKind::Numeric { answers } = by_title(&questions, "Q8 numeric range").kind
        else {
            panic!()
        };
        assert_eq!(
            answers[0].value,
            NumericValue::Range {
                min: 0.36,
                max: 0.54
            }
        );
        let QuestionKind::Numeric { answers } =
            by_title(&questions, "Q9 several numeric answers").kind
        else {
            panic!()
        };
        assert_eq!((answers.len(), answers[1].weight), (2, 50.0));
        let q10 = by_title(&questions, "Q10 missing word");
        assert!(q10.is_missing_word());
        assert_eq!(
            q10.text,
            format!("The {BLANK} adopts the draft opinion on ATMP applications.")
        );
        let q11 = by_title(&questions, "Q11 essay");
        assert_eq!(q11.kind, QuestionKind::Essay);
        assert_eq!(
            q11.general_feedback.as_deref(),
            Some("Mention root cause, scope and CAPA.")
        );
        assert_eq!(
            by_title(&questions, "Q12 markdown").format,
            TextFormat::Markdown
        );
        assert_eq!(by_title(&questions, "Q13 html").format, TextFormat::Html);
        assert_eq!(by_title(&questions, "Q14 plain").format, TextFormat::Plain);
        let q15 = by_title(&questions, "Q15 escapes");
        assert_eq!(
            q15.text,
            "Which characters need escaping: ~ = # { } and \\?"
        );
        let QuestionKind::SingleChoice { options } = &q15.kind else {
            panic!()
        };
        assert_eq!(options[0].text, "All of them: ~ = # { } \\");
        assert_eq!(
            by_title(&questions, "Q16 multi-line").text,
            "This question\nspans several\nlines."
        );
        let untitled = questions
            .iter()
            .find(|question| question.title.is_none())
            .expect("untitled");
        assert_eq!(
            untitled.kind,
            QuestionKind::TrueFalse {
                answer: false,
                feedback_wrong: None,
                feedback_right: None
            }
        );
        let description = by_title(&questions, "D1 description");
        assert_eq!(
            (description.kind.clone(), description.category.as_deref()),
            (QuestionKind::Description, Some("Descriptions"))
        );
    }

    #[test]
    fn export_then_import_gives_the_same_bank() {
        let questions = corpus();
        let exported = export(&questions);
        let again = parse(&exported).unwrap_or_else(|error| panic!("{error}\n{exported}"));
        assert_eq!(
            without_lines(&again),
            without_lines(&questions),
            "{exported}"
        );
        assert_eq!(export(&again), exported, "export is stable");
    }

    #[test]
    fn errors_name_the_line_and_what_is_wrong() {
        let cases = [
            (
                "::A::Fine?{T}\n\n::B::Unclosed {=yes ~no\n\n::C::Next{T}\n",
                3,
                "never closed",
            ),
            ("\n\n::Q::What? {?strange}\n", 3, "unknown answer type"),
            ("::Q::Year?{#abc}\n", 1, "is not a number"),
            ("::Q::Pick {=a =b ~c}\n", 1, "one = answer"),
            ("::Q::Pick {~%150%a ~b}\n", 1, "outside -100..100"),
            ("::Q::Pick {~a ~b}\n", 1, "no option earns any marks"),
            ("::Q::Match {=a -> 1}\n", 1, "at least two pairs"),
            ("::Q::Two {T} blocks {F}\n", 1, "exactly one answer block"),
            ("::Q::Backwards {#5..1}\n", 1, "runs backwards"),
            ("::Unclosed title Question {T}\n", 1, "title opened with ::"),
        ];
        for (source, line, words) in cases {
            let error = parse(source).expect_err(source);
            assert_eq!(error.line, line, "{source}: {error}");
            assert!(error.message.contains(words), "{source}: {error}");
        }
    }
}
