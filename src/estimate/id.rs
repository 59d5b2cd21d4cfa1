//! The identities of the estimate's values: an output's id ([`OutputId`], `index.shards`), and
//! the borrowed forms the formulas name their outputs and inputs by while they run ([`Out`],
//! [`In`]), which cost nothing on the fast path.

use crate::scenario::schema::Section as InputSection;
use crate::scenario::{InputPath, SectionPath};
use std::fmt;
use std::str::FromStr;

/// The family an output belongs to: the first part of its id, and a heading in the reports,
/// which print the sections in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Traffic,
    Storage,
    Graph,
    Bandwidth,
    Index,
    Fleet,
    Latency,
    Llm,
    Diffusion,
    Sampling,
    Training,
    EmbeddingTables,
    FeatureStore,
    Experiment,
    Labelling,
    Cache,
}

impl Section {
    /// Every section, in the order reports print them.
    pub const ALL: [Section; 16] = [
        Section::Traffic,
        Section::Storage,
        Section::Graph,
        Section::Bandwidth,
        Section::Index,
        Section::Fleet,
        Section::Latency,
        Section::Llm,
        Section::Diffusion,
        Section::Sampling,
        Section::Training,
        Section::EmbeddingTables,
        Section::FeatureStore,
        Section::Experiment,
        Section::Labelling,
        Section::Cache,
    ];

    /// The first part of the ids of its outputs ("storage" in "storage.total").
    pub fn key(self) -> &'static str {
        match self {
            Section::Traffic => "traffic",
            Section::Storage => "storage",
            Section::Graph => "graph",
            Section::Bandwidth => "bandwidth",
            Section::Index => "index",
            Section::Fleet => "fleet",
            Section::Latency => "latency",
            Section::Llm => "llm",
            Section::Diffusion => "diffusion",
            Section::Sampling => "sampling",
            Section::Training => "training",
            Section::EmbeddingTables => "embedding_tables",
            Section::FeatureStore => "feature_store",
            Section::Experiment => "experiment",
            Section::Labelling => "labelling",
            Section::Cache => "cache",
        }
    }

    /// The heading reports print over its outputs.
    pub fn title(self) -> &'static str {
        match self {
            Section::Traffic => "Traffic",
            Section::Storage => "Storage",
            Section::Graph => "Graph",
            Section::Bandwidth => "Bandwidth",
            Section::Index => "Vector index",
            Section::Fleet => "Fleet",
            Section::Latency => "Latency",
            Section::Llm => "LLM serving",
            Section::Diffusion => "Diffusion",
            Section::Sampling => "Sampling",
            Section::Training => "Training",
            Section::EmbeddingTables => "Embedding tables",
            Section::FeatureStore => "Feature store",
            Section::Experiment => "Experiment",
            Section::Labelling => "Labelling",
            Section::Cache => "Cache",
        }
    }
}

/// An output's stable id: its section and the rest of its dotted name (`fleet.ranking.servers`
/// is [`Section::Fleet`] and `ranking.servers`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutputId {
    pub section: Section,
    /// The id after its section's key: `shards`, `ranking.servers`, `videos`.
    pub name: String,
}

impl fmt::Display for OutputId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_some() {
            return f.pad(&format!("{}.{}", self.section.key(), self.name));
        }
        write!(f, "{}.{}", self.section.key(), self.name)
    }
}

/// Why a text is not an output id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    /// No section, or nothing after it.
    Incomplete,
    /// The first part names no section of outputs.
    UnknownSection(String),
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Incomplete => {
                f.write_str("an output id is section.name, such as index.shards")
            }
            IdError::UnknownSection(s) => write!(f, "no output's id starts with `{s}`"),
        }
    }
}

impl FromStr for OutputId {
    type Err = IdError;

    /// Reads `section.name`. Whether the estimate has such an output is the estimate's to say.
    fn from_str(text: &str) -> Result<OutputId, IdError> {
        let (head, name) = text.split_once('.').ok_or(IdError::Incomplete)?;
        let section = Section::ALL
            .into_iter()
            .find(|s| s.key() == head)
            .ok_or_else(|| IdError::UnknownSection(head.to_string()))?;
        if name.is_empty() {
            return Err(IdError::Incomplete);
        }
        Ok(OutputId {
            section,
            name: name.to_string(),
        })
    }
}

impl PartialEq<str> for OutputId {
    /// Whether `text` is this id as written, without allocating.
    fn eq(&self, text: &str) -> bool {
        text.strip_prefix(self.section.key())
            .and_then(|r| r.strip_prefix('.'))
            .is_some_and(|r| r == self.name)
    }
}

impl PartialEq<&str> for OutputId {
    fn eq(&self, text: &&str) -> bool {
        *self == **text
    }
}

impl PartialEq<String> for OutputId {
    fn eq(&self, text: &String) -> bool {
        *self == **text
    }
}

impl serde::Serialize for OutputId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An output named while the estimate runs: its section and the parts of its name, borrowed
/// (`Out::new(Section::Fleet, &[&stage.name, "servers"])`).
#[derive(Clone, Copy, Debug)]
pub struct Out<'a> {
    pub section: Section,
    pub parts: &'a [&'a str],
}

impl<'a> Out<'a> {
    pub const fn new(section: Section, parts: &'a [&'a str]) -> Out<'a> {
        Out { section, parts }
    }

    /// Whether this names `id`.
    pub fn is(&self, id: &OutputId) -> bool {
        if self.section != id.section {
            return false;
        }
        let mut rest = id.name.as_str();
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                match rest.strip_prefix('.') {
                    Some(r) => rest = r,
                    None => return false,
                }
            }
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        rest.is_empty()
    }

    pub fn to_id(self) -> OutputId {
        OutputId {
            section: self.section,
            name: self.parts.join("."),
        }
    }
}

impl fmt::Display for Out<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.section.key())?;
        for part in self.parts {
            write!(f, ".{part}")?;
        }
        Ok(())
    }
}

/// An input named while the estimate runs: its section, the list entry's name, its key.
#[derive(Clone, Copy, Debug)]
pub struct In<'a> {
    pub section: InputSection,
    pub entry: Option<&'a str>,
    pub key: &'static str,
}

impl<'a> In<'a> {
    /// `traffic.dau`: an input of a section that is not a list.
    pub const fn of(section: InputSection, key: &'static str) -> In<'static> {
        In {
            section,
            entry: None,
            key,
        }
    }

    /// `stage.ranking.latency`: an input of a list entry.
    pub const fn entry(section: InputSection, entry: &'a str, key: &'static str) -> In<'a> {
        In {
            section,
            entry: Some(entry),
            key,
        }
    }

    /// The input `key` of the section or entry at `at` (`corpus.videos`, `log.clicks`).
    pub fn at(at: &'a SectionPath, key: &'static str) -> In<'a> {
        In {
            section: at.section,
            entry: at.entry.as_deref(),
            key,
        }
    }

    pub fn to_path(self) -> InputPath {
        InputPath {
            section: self.section,
            entry: self.entry.map(str::to_string),
            key: self.key,
        }
    }

    /// Whether this names `path`.
    pub fn is(&self, path: &InputPath) -> bool {
        self.section == path.section && self.key == path.key && self.entry == path.entry.as_deref()
    }
}

impl fmt::Display for In<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.section.key())?;
        if let Some(entry) = self.entry {
            write!(f, ".{entry}")?;
        }
        write!(f, ".{}", self.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_and_match_their_borrowed_form() {
        let id: OutputId = "fleet.ranking.servers".parse().unwrap();
        assert_eq!(id.section, Section::Fleet);
        assert_eq!(id.name, "ranking.servers");
        assert_eq!(id.to_string(), "fleet.ranking.servers");
        assert!(Out::new(Section::Fleet, &["ranking", "servers"]).is(&id));
        assert!(!Out::new(Section::Fleet, &["ranking"]).is(&id));
        assert!(!Out::new(Section::Fleet, &["rank", "servers"]).is(&id));
        assert_eq!(
            "flet.total".parse::<OutputId>(),
            Err(IdError::UnknownSection("flet".into()))
        );
        assert_eq!("index".parse::<OutputId>(), Err(IdError::Incomplete));
        assert!(id == "fleet.ranking.servers");
    }
}
