//! What a question exercises; progress is tracked per skill.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skill {
    Qps,
    Storage,
    Bandwidth,
    Memory,
    Shards,
    Servers,
    Latency,
    /// Training, embedding tables, sampling, features, experiments, labels, caches.
    Ml,
    /// Serving a language model: weights, KV cache, batch, TTFT, TPOT, replicas, cost.
    Llm,
    /// Generating images or clips with a diffusion model.
    Diffusion,
}

impl Skill {
    pub const ALL: [Skill; 10] = [
        Skill::Qps,
        Skill::Storage,
        Skill::Bandwidth,
        Skill::Memory,
        Skill::Shards,
        Skill::Servers,
        Skill::Latency,
        Skill::Ml,
        Skill::Llm,
        Skill::Diffusion,
    ];

    /// The skill's id, as the history file and `--skill` write it.
    pub fn id(self) -> &'static str {
        match self {
            Skill::Qps => "qps",
            Skill::Storage => "storage",
            Skill::Bandwidth => "bandwidth",
            Skill::Memory => "memory",
            Skill::Shards => "shards",
            Skill::Servers => "servers",
            Skill::Latency => "latency",
            Skill::Ml => "ml",
            Skill::Llm => "llm",
            Skill::Diffusion => "diffusion",
        }
    }

    /// The skill with this id.
    pub fn from_id(id: &str) -> Option<Skill> {
        Skill::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The skill in words.
    pub fn name(self) -> &'static str {
        match self {
            Skill::Qps => "QPS",
            Skill::Storage => "storage",
            Skill::Bandwidth => "bandwidth",
            Skill::Memory => "index memory",
            Skill::Shards => "shards",
            Skill::Servers => "servers",
            Skill::Latency => "latency",
            Skill::Ml => "the ML side",
            Skill::Llm => "LLM serving",
            Skill::Diffusion => "diffusion",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Skill;

    #[test]
    fn the_id_is_the_history_files_name() {
        for k in Skill::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.id()));
            assert_eq!(Skill::from_id(k.id()), Some(k));
        }
        assert_eq!(Skill::from_id("vibes"), None);
    }
}
