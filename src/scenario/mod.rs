//! The scenario: a case study's inputs, typed.
//!
//! A scenario is read from TOML by [`load`], changed by `--set` through [`overrides`], checked by
//! [`validate`], and described field by field in [`schema`], the one table that drives reading,
//! overriding, editing in the TUI and the reference's list of inputs. [`provenance`] records where each
//! input came from (the book, a public source, arithmetic on those, an assumption).

pub mod aliases;
pub mod diagnostic;
pub mod edit;
pub mod load;
pub mod named;
pub mod overrides;
pub mod path;
pub mod provenance;
pub mod registry;
pub mod schema;
pub mod sections;
pub mod validate;

use crate::units::Interval;

pub use diagnostic::{Diagnostic, ScenarioError, Subject};
pub use load::load_str;
pub use named::Named;
pub use path::{InputPath, Location, Origin, PathError, Position, SectionPath};
pub use provenance::{Provenance, Source, SourceKind};
pub use sections::cache::Cache;
pub use sections::corpus::Corpus;
pub use sections::diffusion::Diffusion;
pub use sections::embedding_table::{EmbeddingTable, Optimizer, WeightDtype};
pub use sections::embeddings::{Dtype, Embeddings};
pub use sections::experiment::{Correction, Experiment};
pub use sections::feature_store::FeatureStore;
pub use sections::graph::Graph;
pub use sections::index::{Index, IndexKind};
pub use sections::labelling::Labelling;
pub use sections::llm::{Llm, Precision};
pub use sections::logging::Logging;
pub use sections::sampling::Sampling;
pub use sections::serving::Serving;
pub use sections::stage::{Mode, Stage};
pub use sections::text_index::TextIndex;
pub use sections::traffic::Traffic;
pub use sections::training::Training;

/// A plain count of things: users, requests, vectors, items. Kept apart from bare `f64` so a
/// count cannot be passed where a factor or fraction is meant.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Count(pub f64);

/// A whole scenario.
#[derive(Clone, Debug, Default)]
pub struct Scenario {
    pub meta: Meta,
    pub traffic: Option<Traffic>,
    pub corpora: Vec<Corpus>,
    pub embeddings: Option<Embeddings>,
    pub index: Option<Index>,
    pub stages: Vec<Stage>,
    pub serving: Serving,
    pub logging: Option<Logging>,
    /// Further named log streams (`[[log]]`), such as impressions and clicks.
    pub logs: Vec<Logging>,
    pub graph: Option<Graph>,
    pub text_index: Option<TextIndex>,
    pub training: Option<Training>,
    /// Recommendation-model tables (`[[embedding_table]]`).
    pub embedding_tables: Vec<EmbeddingTable>,
    pub sampling: Option<Sampling>,
    pub feature_store: Option<FeatureStore>,
    pub experiment: Option<Experiment>,
    pub labelling: Option<Labelling>,
    pub cache: Option<Cache>,
    /// Serving a language model (`[llm]`).
    pub llm: Option<Llm>,
    /// Generating images or clips with a diffusion model (`[diffusion]`).
    pub diffusion: Option<Diffusion>,
    /// Where each input came from, by field path.
    pub provenance: Provenance,
    /// The inputs written as ranges (`lo..hi`), in the order they were read. Each such field
    /// holds its range's median, so every other reader sees one plain value.
    pub ranges: Vec<RangeInput>,
}

/// An input written as a range.
#[derive(Clone, Debug, PartialEq)]
pub struct RangeInput {
    pub path: InputPath,
    pub interval: Interval,
}

impl Scenario {
    /// The traffic that sends online requests: `[traffic]` with a rate. `None` without
    /// `[traffic]`, and when it gives only a peak factor (which uploads still peak by).
    pub fn requests(&self) -> Option<&Traffic> {
        self.traffic.as_ref().filter(|t| t.has_requests())
    }

    /// Whether any corpus receives uploads: new items a day that arrive from outside.
    pub fn has_uploads(&self) -> bool {
        self.corpora
            .iter()
            .any(|c| c.uploaded && c.new_items_per_day.0 > 0.0)
    }

    /// The range written for the input at `path`, if it is one.
    pub fn range(&self, path: &InputPath) -> Option<&Interval> {
        self.ranges
            .iter()
            .find(|r| r.path == *path)
            .map(|r| &r.interval)
    }

    /// Records that the input at `path` is the range `interval` (or, with `None`, a plain value
    /// again). The field itself is set by the caller.
    pub fn set_range(&mut self, path: &InputPath, interval: Option<Interval>) {
        self.ranges.retain(|r| r.path != *path);
        if let Some(interval) = interval {
            self.ranges.push(RangeInput {
                path: path.clone(),
                interval,
            });
        }
    }

    /// How much uploads and traffic peak above their average: `[traffic]`'s factor, or the
    /// default (2, Xu's convention) when there is no `[traffic]`.
    pub fn peak_factor(&self) -> f64 {
        self.traffic
            .as_ref()
            .map_or(Traffic::default().peak_factor, |t| t.peak_factor)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub chapter: Option<Count>,
    pub summary: String,
    pub sources: Vec<String>,
    /// Warning ids the preset expects, each explained by a comment in the file.
    pub expected_warnings: Vec<String>,
}
