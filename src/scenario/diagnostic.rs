//! What is wrong with a scenario, where, and what to write instead; and the "did you mean"
//! suggestions every reader of names shares (the TOML reader, `--set`, validation, the CLI).

use std::fmt;

/// One problem in a scenario: where, what, and what to write instead.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diagnostic {
    /// "file:line:col", or the file alone.
    pub location: String,
    /// The field path ("traffic.dau"), or empty for the file as a whole.
    pub path: String,
    pub problem: String,
    /// What to write instead, in words; after [`Diagnostic::add`] when that is not empty.
    pub hint: String,
    /// Ways to fix the problem by adding inputs: each a list of inputs to add together.
    pub add: Box<[Vec<Addition>]>,
    /// The inputs in `add` are to be given as `--set` (their section came from `--set`, not a file).
    pub via_set: bool,
}

/// An input to add, kept as data so the message can say how to add it where the user works: a
/// line in the file (`add dim = 256`) or on the command line (`add --set embeddings.dim=256`).
#[derive(Clone, Debug, PartialEq)]
pub struct Addition {
    /// Where the key goes, as a `--set` path prefix: "embeddings", "stage.ranking".
    pub section: String,
    pub key: &'static str,
    /// The value as TOML writes it: `256`, `"10B"`.
    pub value: &'static str,
}

impl Addition {
    /// The addition as a line of the file; `[section] with …` when it goes in another section
    /// than the one at `path`.
    fn as_toml(&self, path: &str) -> String {
        let line = format!("{} = {}", self.key, self.value);
        if path.starts_with(&self.section) || self.section.contains('.') {
            line
        } else {
            format!("[{}] with {line}", self.section)
        }
    }

    /// The addition as a command-line argument: a string value loses its quotes and spaces.
    fn as_set(&self) -> String {
        let value: String = self
            .value
            .trim_matches('"')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        format!("--set {}.{}={value}", self.section, self.key)
    }
}

impl Diagnostic {
    /// What to write instead: the additions in the form the user writes them, then the hint.
    pub fn help(&self) -> String {
        if self.add.is_empty() {
            return self.hint.clone();
        }
        let ways: Vec<String> = self
            .add
            .iter()
            .map(|way| {
                let inputs: Vec<String> = way
                    .iter()
                    .map(|a| {
                        if self.via_set {
                            a.as_set()
                        } else {
                            a.as_toml(&self.path)
                        }
                    })
                    .collect();
                inputs.join(if self.via_set { " " } else { " and " })
            })
            .collect();
        let mut help = format!("add {}", ways.join(", or "));
        if !self.hint.is_empty() {
            if !self.hint.starts_with(',') {
                help.push(' ');
            }
            help.push_str(&self.hint);
        }
        help
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", Printable(&self.location))?;
        if !self.path.is_empty() {
            write!(f, "{}: ", Printable(&self.path))?;
        }
        write!(f, "{}", Printable(&self.problem))?;
        let help = self.help();
        if !help.is_empty() {
            write!(f, "\n  help: {}", Printable(&help))?;
        }
        Ok(())
    }
}

/// Text that echoes what a user typed, with control characters written as escapes (`\u{1b}`),
/// so a name cannot move the cursor or colour the terminal. Line breaks and tabs stay.
pub struct Printable<'a>(pub &'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() && c != '\n' && c != '\t' {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// Everything wrong with a scenario, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError(pub Vec<Diagnostic>);

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {d}")?;
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
    let near = nearest(given, candidates);
    if near.is_empty() {
        return fallback.to_string();
    }
    let quoted: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
    format!("did you mean {}?", quoted.join(" or "))
}

/// "did you mean …?", or the whole list of valid names when none is close.
pub fn suggest(given: &str, candidates: &[&str]) -> String {
    let all: Vec<String> = candidates.iter().map(|n| format!("`{n}`")).collect();
    suggest_or(
        given,
        candidates.iter().copied(),
        &format!("write one of {}", all.join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(section: &str, key: &'static str, value: &'static str) -> Addition {
        Addition {
            section: section.into(),
            key,
            value,
        }
    }

    fn no_traffic(via_set: bool) -> Diagnostic {
        Diagnostic {
            location: "x.toml:3:1".into(),
            path: "traffic".into(),
            problem: "[traffic] gives neither qps nor dau".into(),
            add: Box::new([
                vec![
                    input("traffic", "dau", "\"100M\""),
                    input("traffic", "requests_per_user_per_day", "5"),
                ],
                vec![input("traffic", "qps", "\"10k/s\"")],
            ]),
            via_set,
            ..Default::default()
        }
    }

    #[test]
    fn additions_read_as_file_lines_or_as_set_arguments() {
        assert_eq!(
            no_traffic(false).help(),
            "add dau = \"100M\" and requests_per_user_per_day = 5, or qps = \"10k/s\""
        );
        assert_eq!(
            no_traffic(true).help(),
            "add --set traffic.dau=100M --set traffic.requests_per_user_per_day=5, or --set traffic.qps=10k/s"
        );
    }

    #[test]
    fn control_characters_in_echoed_names_are_escaped() {
        let d = Diagnostic {
            location: "napkin".into(),
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
    fn a_hint_follows_the_additions_and_a_size_loses_its_space_on_the_command_line() {
        let d = Diagnostic {
            add: Box::new([vec![input("stage.ranking", "node_memory", "\"256 GiB\"")]]),
            hint: "(RAM of one server)".into(),
            via_set: true,
            ..Default::default()
        };
        assert_eq!(
            d.help(),
            "add --set stage.ranking.node_memory=256GiB (RAM of one server)"
        );
        let plain = Diagnostic {
            hint: "write 16 or 32".into(),
            ..Default::default()
        };
        assert_eq!(plain.help(), "write 16 or 32");
        // An input of another section names its section in the file's form.
        let elsewhere = Diagnostic {
            path: "index".into(),
            add: Box::new([vec![input("embeddings", "dim", "256")]]),
            ..Default::default()
        };
        assert_eq!(elsewhere.help(), "add [embeddings] with dim = 256");
    }
}
