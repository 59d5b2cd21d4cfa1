//! Named language models (`model = "llama-3.1-70b"` in `[llm]`): all parameters (what memory
//! holds), the parameters used per token (what a token's FLOPs are worked from; fewer for a
//! mixture of experts), layers, attention heads, key/value heads and head dimension, each with its
//! public source. The data is `src/models.toml`, which the build turns into a table of strings (no
//! run parses TOML); the figures are read once, by napkin's unit reader, when a model is first
//! asked for.

use crate::accelerators::Figure;
use crate::units::{self, Kind};
use std::sync::OnceLock;

/// One model of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// The family, and for a mixture of experts how many experts a token uses.
    pub family: &'static str,
    /// Every parameter: the weights held in memory.
    pub params: Figure,
    /// The parameters one token passes through, for a mixture of experts; `None` for a dense
    /// model (every parameter is used).
    pub active_params: Option<Figure>,
    pub layers: Figure,
    /// Attention (query) heads.
    pub heads: Figure,
    /// Key/value heads: fewer than `heads` with grouped-query attention.
    pub kv_heads: Figure,
    pub head_dim: Figure,
}

impl Model {
    /// The parameters a token's FLOPs are worked from: the active ones, or all of them.
    pub fn flops_params(&self) -> &Figure {
        self.active_params.as_ref().unwrap_or(&self.params)
    }
}

/// A model as the build writes it from `src/models.toml`: its names, and per figure (in the
/// order of [`Model`]'s figures) the value as written and its source marks.
struct RawModel {
    name: &'static str,
    aliases: &'static [&'static str],
    family: &'static str,
    figures: [Option<(&'static str, &'static str)>; 6],
}

const TABLE: &[RawModel] = include!(concat!(env!("OUT_DIR"), "/models.rs"));

/// Every model, in the table's order.
pub fn all() -> &'static [Model] {
    static ALL: OnceLock<Vec<Model>> = OnceLock::new();
    ALL.get_or_init(|| read(TABLE).unwrap_or_else(|e| panic!("src/models.toml: {e}")))
}

/// The model named `name` or one of its aliases, ignoring case ("Llama-3.1-70B").
pub fn find(name: &str) -> Option<&'static Model> {
    let name = name.trim();
    all().iter().find(|m| {
        m.name.eq_ignore_ascii_case(name) || m.aliases.iter().any(|x| x.eq_ignore_ascii_case(name))
    })
}

/// The names a `model` may take, for messages.
pub fn names() -> Vec<&'static str> {
    all().iter().map(|m| m.name).collect()
}

fn read(table: &[RawModel]) -> Result<Vec<Model>, String> {
    table
        .iter()
        .map(|raw| {
            let fig = |i: usize, kind| -> Result<Option<Figure>, String> {
                let Some((written, source)) = raw.figures[i] else {
                    return Ok(None);
                };
                let value =
                    units::parse(written, kind).map_err(|e| format!("{}: {e}", raw.name))?;
                Ok(Some(Figure {
                    value,
                    written,
                    source,
                }))
            };
            let need = |i: usize, kind, what: &str| {
                fig(i, kind)?.ok_or(format!("{} has no {what}", raw.name))
            };
            Ok(Model {
                name: raw.name,
                aliases: raw.aliases,
                family: raw.family,
                params: need(0, Kind::Count, "params")?,
                active_params: fig(1, Kind::Count)?,
                layers: need(2, Kind::Integer, "layers")?,
                heads: need(3, Kind::Integer, "heads")?,
                kv_heads: need(4, Kind::Integer, "kv_heads")?,
                head_dim: need(5, Kind::Integer, "head_dim")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_the_contract_names_reads_with_sources() {
        for n in [
            "llama-3.1-8b",
            "llama-3.1-70b",
            "llama-3.1-405b",
            "mistral-7b",
            "mixtral-8x7b",
            "qwen2.5-7b",
            "qwen2.5-72b",
            "gpt-3-175b",
        ] {
            let m = find(n).unwrap_or_else(|| panic!("{n} missing"));
            assert!(!m.params.source.is_empty() && !m.kv_heads.source.is_empty());
            assert!(m.kv_heads.value <= m.heads.value, "{n}");
        }
    }

    #[test]
    fn figures_as_the_configs_give_them() {
        // Llama 3.1 70B: 80 layers, 64 heads, 8 KV heads of 128; 70,553,706,496 parameters.
        let m = find("Llama-3.1-70B").unwrap();
        assert_eq!(m.name, "llama-3.1-70b");
        assert_eq!(
            (
                m.layers.value,
                m.heads.value,
                m.kv_heads.value,
                m.head_dim.value
            ),
            (80.0, 64.0, 8.0, 128.0)
        );
        assert_eq!(m.params.value, 70_553_706_496.0);
        assert!(m.active_params.is_none());
        assert_eq!(m.flops_params().value, m.params.value);
        // Mixtral: memory from 46.7B, FLOPs from 12.9B.
        let x = find("mixtral-8x7b").unwrap();
        assert_eq!(x.params.value, 46_702_792_704.0);
        assert_eq!(x.flops_params().value, 12_879_925_248.0);
        // GPT-3 is multi-head: as many KV heads as heads, 96 of 128.
        let g = find("gpt-3").unwrap();
        assert_eq!((g.heads.value, g.kv_heads.value), (96.0, 96.0));
        assert_eq!(g.params.value, 175e9);
        assert_eq!(find("qwen2.5-7b").unwrap().params.value, 7.61e9);
        assert!(find("llama-9").is_none());
    }
}
