//! What is wrong with a scenario, where, and what to write instead; and the "did you mean"
//! suggestions every reader of names shares (the TOML reader, overrides, validation, the faces).

use super::path::{InputPath, Location, SectionPath};
use std::fmt;

/// What a diagnostic is about: the scenario as a whole, a section or list entry, or one input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Subject {
    #[default]
    Scenario,
    Section(SectionPath),
    Input(InputPath),
    /// A name as the user wrote it: an output's id, or a path that names no input.
    Named(String),
}

impl Subject {
    /// The section or entry the subject lies in, if any.
    pub fn section(&self) -> Option<SectionPath> {
        match self {
            Subject::Scenario | Subject::Named(_) => None,
            Subject::Section(s) => Some(s.clone()),
            Subject::Input(p) => Some(p.section_path()),
        }
    }

    pub fn input(&self) -> Option<&InputPath> {
        match self {
            Subject::Input(p) => Some(p),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Subject::Scenario
    }
}

impl From<InputPath> for Subject {
    fn from(p: InputPath) -> Subject {
        Subject::Input(p)
    }
}

impl From<SectionPath> for Subject {
    fn from(p: SectionPath) -> Subject {
        Subject::Section(p)
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Scenario => Ok(()),
            Subject::Section(s) => s.fmt(f),
            Subject::Input(p) => p.fmt(f),
            Subject::Named(id) => f.write_str(id),
        }
    }
}

/// One problem in a scenario: where, about what, what is wrong and what to write instead. The
/// faces word it for where the user works ([`Diagnostic::help`] gives the file's wording).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diagnostic {
    pub location: Location,
    pub subject: Subject,
    pub problem: String,
    /// What to write instead, in words; after the additions when there are some.
    pub hint: String,
    /// Ways to fix the problem by adding inputs: each a list of inputs to add together.
    pub add: Box<[Vec<Addition>]>,
    /// An input to take out instead ("keep one of the two"): a line to delete in a file, an
    /// empty value where inputs are given one by one.
    pub unset: Option<InputPath>,
    /// A list of every valid name the face can point to.
    pub see: Option<See>,
}

/// Where a face can point the user next: a list of every valid name, or another command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum See {
    /// Every input of the scenario.
    Inputs,
    /// Every output of the estimate.
    Outputs,
    /// Every preset (and that a file's path must exist).
    Presets,
    /// Comparing two scenarios, to set one value against another.
    Compare,
}

/// An input to add, kept as data so each face can say how to add it where the user works: a
/// line in the file (`add dim = 256`) or an input given on its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Addition {
    pub section: SectionPath,
    pub key: &'static str,
    /// The value as TOML writes it: `256`, `"10B"`.
    pub value: &'static str,
}

impl Addition {
    /// The input's path.
    pub fn path(&self) -> InputPath {
        self.section.input(self.key)
    }

    /// The addition as a line of the file; `[section] with …` when it goes in another section
    /// than `subject`'s and than `before`'s (the addition named before it, with which it goes).
    pub fn as_toml(&self, subject: &Subject, before: Option<&Addition>) -> String {
        let line = format!("{} = {}", self.key, self.value);
        if subject
            .section()
            .is_some_and(|s| s.section == self.section.section)
            || self.section.entry.is_some()
            || before.is_some_and(|b| b.section == self.section)
        {
            line
        } else {
            format!("[{}] with {line}", self.section)
        }
    }

    /// The value as typed on its own: a string value loses its quotes and spaces (`256GiB`).
    pub fn bare_value(&self) -> String {
        self.value
            .trim_matches('"')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }
}

impl Diagnostic {
    /// What to write instead, with each addition worded by `input` (given the addition before
    /// it in its way) and joined by `and` within a way, `or` between ways; then the hint.
    pub fn help_with(
        &self,
        input: impl Fn(&Addition, Option<&Addition>) -> String,
        and: &str,
    ) -> String {
        if self.add.is_empty() {
            return self.hint.clone();
        }
        let word = |way: &Vec<Addition>| -> String {
            let before = std::iter::once(None).chain(way.iter().map(Some));
            let words: Vec<String> = way.iter().zip(before).map(|(a, b)| input(a, b)).collect();
            words.join(and)
        };
        let ways: Vec<String> = self.add.iter().map(word).collect();
        let mut help = format!("add {}", ways.join(", or "));
        if !self.hint.is_empty() {
            if !self.hint.starts_with(',') {
                help.push(' ');
            }
            help.push_str(&self.hint);
        }
        help
    }

    /// What to write instead, as lines of the file.
    pub fn help(&self) -> String {
        self.help_with(|a, before| a.as_toml(&self.subject, before), " and ")
    }
}

impl fmt::Display for Location {
    /// `file:line:col`, the file alone, or a word for what is not in a file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Text {
                origin,
                at: Some(p),
            } => write!(f, "{origin}:{}:{}", p.line, p.col),
            Location::Text { origin, at: None } => write!(f, "{origin}"),
            Location::Override => f.write_str("override"),
            Location::Given => f.write_str("given"),
            Location::Argument(a) => f.write_str(a),
            Location::Program => f.write_str("napkin"),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// The file's wording: `location: subject: problem` and a `help:` line, each part on its
    /// line whatever it echoes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", OneLine(&self.location.to_string()))?;
        if !self.subject.is_empty() {
            write!(f, "{}: ", OneLine(&self.subject.to_string()))?;
        }
        write!(f, "{}", OneLine(&self.problem))?;
        let help = self.help();
        if !help.is_empty() {
            write!(f, "\n  help: {}", OneLine(&help))?;
        }
        Ok(())
    }
}

/// Writes `text` with every control character as an escape (`\u{1b}`, `\n`), line breaks and
/// tabs too unless `keep_breaks`: the one way napkin makes what came from a file, an argument or
/// standard input safe to print, so that it cannot move the cursor, colour the terminal or set
/// its title.
fn escaped(f: &mut fmt::Formatter<'_>, text: &str, keep_breaks: bool) -> fmt::Result {
    let mut rest = text;
    while let Some(at) =
        rest.find(|c: char| c.is_control() && !(keep_breaks && matches!(c, '\n' | '\t')))
    {
        f.write_str(&rest[..at])?;
        let c = rest[at..].chars().next().unwrap_or_default();
        write!(f, "{}", c.escape_default())?;
        rest = &rest[at + c.len_utf8()..];
    }
    f.write_str(rest)
}

/// A whole text (a message of several lines, a report) that may echo what a user gave, with
/// control characters written as escapes (`\u{1b}`). Line breaks and tabs stay.
pub struct Printable<'a>(pub &'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escaped(f, self.0, true)
    }
}

/// One value a user gave (a name, a title, a note), shown within a line: every control character
/// written as an escape, line breaks and tabs too, so it cannot split a message or a table row.
pub struct OneLine<'a>(pub &'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escaped(f, self.0, false)
    }
}

/// Everything wrong with a scenario, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError(pub Vec<Diagnostic>);

/// Puts `found` in the order of the text it points into, line by line (problems found in any
/// order: while reading, then section by section); those at no line of a text keep their order,
/// after the others.
pub fn in_file_order(found: &mut [Diagnostic]) {
    found.sort_by_key(|d| match &d.location {
        Location::Text { at: Some(p), .. } => (0, p.line, p.col),
        _ => (1, 0, 0),
    });
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

/// The names in `candidates` close to `given`, best first, at most three: a few edits away
/// (swapped letters count as one) or alike by Jaro-Winkler.
pub fn nearest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let edits_allowed = (given.chars().count() / 4).max(1);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let jw = strsim::jaro_winkler(given, c);
            let close = jw >= 0.8 || strsim::osa_distance(given, c) <= edits_allowed;
            close.then_some((jw, c))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.iter().take(3).map(|(_, c)| *c).collect()
}

/// "did you mean `a` or `b`?" when some names are close; otherwise `fallback`.
pub fn suggest_or<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    fallback: &str,
) -> String {
    suggest_meaning_or(given, None, candidates, fallback)
}

/// "did you mean …?": `meant` when `given` is another word for it (`index.kind` for
/// `index.type`: see [`super::aliases`]), else the names close in spelling; `fallback` when
/// there are none.
pub fn suggest_meaning_or<'a>(
    given: &str,
    meant: Option<&str>,
    candidates: impl IntoIterator<Item = &'a str>,
    fallback: &str,
) -> String {
    let names = match meant {
        Some(m) => vec![m],
        None => nearest(given, candidates),
    };
    if names.is_empty() {
        return fallback.to_string();
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    format!("did you mean {}?", quoted.join(" or "))
}

/// "did you mean …?", or the whole list of valid names when none is close.
pub fn suggest(given: &str, candidates: &[&str]) -> String {
    suggest_meaning(given, None, candidates)
}

/// [`suggest`] with `meant` first: the name another word in `given` stands for.
pub fn suggest_meaning(given: &str, meant: Option<&str>, candidates: &[&str]) -> String {
    let all: Vec<String> = candidates.iter().map(|n| format!("`{n}`")).collect();
    suggest_meaning_or(
        given,
        meant,
        candidates.iter().copied(),
        &format!("write one of {}", all.join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::schema::Section;

    fn input(section: SectionPath, key: &'static str, value: &'static str) -> Addition {
        Addition {
            section,
            key,
            value,
        }
    }

    fn traffic() -> SectionPath {
        SectionPath::new(Section::Traffic, None)
    }

    fn no_traffic() -> Diagnostic {
        Diagnostic {
            subject: Subject::Section(traffic()),
            problem: "[traffic] gives neither qps nor dau".into(),
            add: Box::new([
                vec![
                    input(traffic(), "dau", "\"100M\""),
                    input(traffic(), "requests_per_user_per_day", "5"),
                ],
                vec![input(traffic(), "qps", "\"10k/s\"")],
            ]),
            ..Default::default()
        }
    }

    #[test]
    fn additions_read_as_file_lines_or_in_a_face_s_own_words() {
        assert_eq!(
            no_traffic().help(),
            "add dau = \"100M\" and requests_per_user_per_day = 5, or qps = \"10k/s\""
        );
        assert_eq!(
            no_traffic().help_with(|a, _| format!("{}={}", a.path(), a.bare_value()), " "),
            "add traffic.dau=100M traffic.requests_per_user_per_day=5, or traffic.qps=10k/s"
        );
        // About another section: each way names [traffic] once.
        let elsewhere = Diagnostic {
            subject: Subject::Section(SectionPath::new(Section::Serving, None)),
            ..no_traffic()
        };
        assert_eq!(
            elsewhere.help(),
            "add [traffic] with dau = \"100M\" and requests_per_user_per_day = 5, or [traffic] with qps = \"10k/s\""
        );
    }

    #[test]
    fn control_characters_in_echoed_names_are_escaped() {
        let d = Diagnostic {
            problem: "no preset or file named `tw\u{1b}[31mred`".into(),
            hint: "did you mean `tw\u{7}`?".into(),
            ..Default::default()
        };
        assert_eq!(
            d.to_string(),
            "napkin: no preset or file named `tw\\u{1b}[31mred`\n  help: did you mean `tw\\u{7}`?"
        );
    }

    #[test]
    fn a_hint_follows_the_additions_and_a_size_loses_its_space_given_alone() {
        let stage = SectionPath::new(Section::Stage, Some("ranking"));
        let d = Diagnostic {
            add: Box::new([vec![input(stage, "node_memory", "\"256 GiB\"")]]),
            hint: "(RAM of one server)".into(),
            ..Default::default()
        };
        assert_eq!(
            d.help(),
            "add node_memory = \"256 GiB\" (RAM of one server)"
        );
        assert_eq!(d.add[0][0].bare_value(), "256GiB");
        let plain = Diagnostic {
            hint: "write 16 or 32".into(),
            ..Default::default()
        };
        assert_eq!(plain.help(), "write 16 or 32");
        // An input of another section names its section in the file's form.
        let elsewhere = Diagnostic {
            subject: Subject::Section(SectionPath::new(Section::Index, None)),
            add: Box::new([vec![input(
                SectionPath::new(Section::Embeddings, None),
                "dim",
                "256",
            )]]),
            ..Default::default()
        };
        assert_eq!(elsewhere.help(), "add [embeddings] with dim = 256");
    }
}
