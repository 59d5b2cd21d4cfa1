//! Typed identities of a scenario's inputs and of where a problem stands.
//!
//! [`InputPath`] names one input (`corpus.videos.item_size`), [`SectionPath`] one section or list
//! entry (`stage.ranking`), and [`Location`] where a diagnostic points (a file's line and column,
//! a `--set` argument, standard input, a built-in preset). Paths are parsed once, here, by
//! `FromStr`, and written by `Display`; nothing else splits them on dots.

use super::registry;
use super::schema::{META_KEYS, Section};
use std::fmt;
use std::str::FromStr;

/// A section, or one named entry of a list section: `traffic`, `stage.ranking`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionPath {
    pub section: Section,
    /// The entry's `name` in a list section (`[[stage]]`), else `None`.
    pub entry: Option<String>,
}

impl SectionPath {
    pub fn new(section: Section, entry: Option<&str>) -> SectionPath {
        SectionPath {
            section,
            entry: entry.map(str::to_string),
        }
    }

    /// The path of this section's input `key`.
    pub fn input(&self, key: &'static str) -> InputPath {
        InputPath {
            section: self.section,
            entry: self.entry.clone(),
            key,
        }
    }
}

impl fmt::Display for SectionPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.section.key())?;
        if let Some(entry) = &self.entry {
            write!(f, ".{entry}")?;
        }
        Ok(())
    }
}

/// One input of a scenario: its section, the entry's name in a list section, and its key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InputPath {
    pub section: Section,
    pub entry: Option<String>,
    /// One of the section's keys, as the schema has it.
    pub key: &'static str,
}

impl InputPath {
    /// The path of `key` in a section that is not a list (`traffic.dau`). `key` must be one of
    /// the section's keys; an unknown key gives `None`.
    pub fn of(section: Section, key: &str) -> Option<InputPath> {
        Some(InputPath {
            section,
            entry: None,
            key: static_key(section, key)?,
        })
    }

    /// The path of `key` in the entry `entry` of a list section (`stage.ranking.latency`).
    pub fn entry(section: Section, entry: &str, key: &str) -> Option<InputPath> {
        Some(InputPath {
            section,
            entry: Some(entry.to_string()),
            key: static_key(section, key)?,
        })
    }

    /// The section or entry the input belongs to.
    pub fn section_path(&self) -> SectionPath {
        SectionPath {
            section: self.section,
            entry: self.entry.clone(),
        }
    }

    /// Whether this is `section.key` (of any entry).
    pub fn is(&self, section: Section, key: &str) -> bool {
        self.section == section && self.key == key
    }
}

impl PartialEq<str> for InputPath {
    /// Whether `text` is this path as written (`"stage.ranking.latency"`), without allocating.
    fn eq(&self, text: &str) -> bool {
        let Some(rest) = text
            .strip_prefix(self.section.key())
            .and_then(|r| r.strip_prefix('.'))
        else {
            return false;
        };
        let rest = match &self.entry {
            Some(entry) => match rest
                .strip_prefix(entry.as_str())
                .and_then(|r| r.strip_prefix('.'))
            {
                Some(r) => r,
                None => return false,
            },
            None => rest,
        };
        rest == self.key
    }
}

impl PartialEq<&str> for InputPath {
    fn eq(&self, text: &&str) -> bool {
        *self == **text
    }
}

impl PartialEq<InputPath> for &str {
    fn eq(&self, path: &InputPath) -> bool {
        *path == **self
    }
}

/// The section's key spelled `key`, as a `'static` string from its schema.
fn static_key(section: Section, key: &str) -> Option<&'static str> {
    if section == Section::Meta {
        return META_KEYS.iter().find(|(k, _, _)| *k == key).map(|m| m.0);
    }
    registry::row(section).field_named(key).map(|(_, f)| f.key)
}

impl InputPath {
    /// Writes `section[.entry].key`.
    fn write_to(&self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str(self.section.key())?;
        if let Some(entry) = &self.entry {
            write!(f, ".{entry}")?;
        }
        write!(f, ".{}", self.key)
    }
}

impl fmt::Display for InputPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_some() {
            // Padded as a whole: `{:<20}` lines paths up in a column.
            let mut text = String::new();
            self.write_to(&mut text)?;
            return f.pad(&text);
        }
        self.write_to(f)
    }
}

impl serde::Serialize for InputPath {
    /// As its text: `"traffic.dau"`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a text is not an input path; each says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// No dot at all, or nothing after one.
    Incomplete,
    /// The first part names no section.
    UnknownSection(String),
    /// A list section's path without the entry's name (`stage.latency`).
    NoEntry(Section),
    /// The section has no such key.
    UnknownKey(Section, String),
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::Incomplete => f.write_str("an input path is section.key"),
            PathError::UnknownSection(s) => write!(f, "there is no section `{s}`"),
            PathError::NoEntry(s) => write!(
                f,
                "[[{}]] entries are addressed by name: {}.<name>.<key>",
                s.key(),
                s.key()
            ),
            PathError::UnknownKey(s, k) => write!(f, "[{}] has no input `{k}`", s.key()),
        }
    }
}

impl FromStr for InputPath {
    type Err = PathError;

    /// Reads `section.key` or, in a list section, `section.<name>.key`; the entry's name may
    /// itself hold dots (the key is the last part).
    fn from_str(text: &str) -> Result<InputPath, PathError> {
        let (head, rest) = text.split_once('.').ok_or(PathError::Incomplete)?;
        let section = Section::ALL
            .into_iter()
            .find(|s| s.key() == head)
            .ok_or_else(|| PathError::UnknownSection(head.to_string()))?;
        let (entry, key) = if section.is_list() {
            match rest.rsplit_once('.') {
                Some((name, key)) if !name.is_empty() => (Some(name), key),
                _ => return Err(PathError::NoEntry(section)),
            }
        } else {
            (None, rest)
        };
        if key.is_empty() {
            return Err(PathError::Incomplete);
        }
        let key = static_key(section, key)
            .ok_or_else(|| PathError::UnknownKey(section, key.to_string()))?;
        Ok(InputPath {
            section,
            entry: entry.map(str::to_string),
            key,
        })
    }
}

/// Where a scenario's text came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// A file the user named (its path as given).
    File(String),
    /// Standard input.
    Stdin,
    /// A built-in preset, by id.
    Preset(String),
    /// Built on the command line alone (`napkin calc --set …` without a file).
    #[default]
    Arguments,
}

impl From<&str> for Origin {
    fn from(path: &str) -> Origin {
        Origin::File(path.to_string())
    }
}

impl From<String> for Origin {
    fn from(path: String) -> Origin {
        Origin::File(path)
    }
}

impl fmt::Display for Origin {
    /// The file's path, `<stdin>`, or the preset's id: for messages in which the kind of origin
    /// goes without saying.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(path) => f.write_str(path),
            Origin::Stdin => f.write_str("<stdin>"),
            Origin::Preset(id) => f.write_str(id),
            Origin::Arguments => f.write_str("the command line"),
        }
    }
}

/// A line and column in a scenario's text, both counted from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// Where a diagnostic points. The faces word it: the command line writes `--set` or
/// `file:line:col`, the screen names the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Location {
    /// In a scenario's text, at a position when one is known.
    Text {
        origin: Origin,
        at: Option<Position>,
    },
    /// A value given as an override (`--set`, or typed into the screen's form).
    Override,
    /// A value given for an output (`--given`).
    Given,
    /// An argument given to the program, as the face that took it writes it.
    Argument(String),
    /// Nowhere in particular: the scenario as a whole, or a name given to the program.
    #[default]
    Program,
}

impl Location {
    pub fn at(origin: &Origin, at: Position) -> Location {
        Location::Text {
            origin: origin.clone(),
            at: Some(at),
        }
    }
}

/// The path `text`, which a test knows to be one.
#[cfg(test)]
pub(crate) fn p(text: &str) -> InputPath {
    text.parse()
        .unwrap_or_else(|e| panic!("{text} is not an input path: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_back_as_written() {
        for text in [
            "traffic.dau",
            "stage.ranking.latency",
            "corpus.videos.item_size",
            "embedding_table.users.rows",
            "log.clicks.event_size",
            "meta.title",
        ] {
            let p: InputPath = text.parse().unwrap();
            assert_eq!(p.to_string(), text);
        }
        let p: InputPath = "stage.ranking.latency".parse().unwrap();
        assert_eq!(
            (p.section, p.entry.as_deref(), p.key),
            (Section::Stage, Some("ranking"), "latency")
        );
    }

    #[test]
    fn a_bad_path_says_which_part_is_wrong() {
        let err = |t: &str| t.parse::<InputPath>().unwrap_err();
        assert_eq!(err("traffic"), PathError::Incomplete);
        assert_eq!(
            err("trafic.dau"),
            PathError::UnknownSection("trafic".into())
        );
        assert_eq!(err("stage.latency"), PathError::NoEntry(Section::Stage));
        assert_eq!(
            err("traffic.daus"),
            PathError::UnknownKey(Section::Traffic, "daus".into())
        );
        assert_eq!(err("traffic."), PathError::Incomplete);
    }
}
