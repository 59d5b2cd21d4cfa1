//! Other words for a section or an input: what a person may write for it (`index.type` for
//! `index.kind`, `training.gpus` for `training.devices`). They are never read as the input: a
//! name napkin does not know is an error, and these turn its "did you mean" from spelling to
//! meaning, first among the suggestions.

use super::schema::Section;

/// `(section, a word for one of its keys, the key)`.
#[rustfmt::skip]
pub const KEYS: &[(Section, &str, &str)] = &[
    (Section::Traffic, "users", "dau"),
    (Section::Traffic, "daily_users", "dau"),
    (Section::Traffic, "daily_active_users", "dau"),
    (Section::Traffic, "requests_per_user", "requests_per_user_per_day"),
    (Section::Traffic, "requests_per_day", "requests_per_user_per_day"),
    (Section::Traffic, "rps", "qps"),
    (Section::Traffic, "peak", "peak_factor"),
    (Section::Corpus, "count", "items"),
    (Section::Corpus, "size", "item_size"),
    (Section::Corpus, "bytes", "item_size"),
    (Section::Corpus, "items_per_day", "new_items_per_day"),
    (Section::Corpus, "per_day", "new_items_per_day"),
    (Section::Corpus, "copies", "replication"),
    (Section::Corpus, "replicas", "replication"),
    (Section::Corpus, "ttl", "retention"),
    (Section::Embeddings, "dimension", "dim"),
    (Section::Embeddings, "dimensions", "dim"),
    (Section::Embeddings, "dims", "dim"),
    (Section::Embeddings, "count", "vectors"),
    (Section::Embeddings, "items", "vectors"),
    (Section::Embeddings, "type", "dtype"),
    (Section::Embeddings, "precision", "dtype"),
    (Section::Index, "type", "kind"),
    (Section::Index, "algorithm", "kind"),
    (Section::Index, "m", "hnsw_m"),
    (Section::Index, "memory", "node_memory"),
    (Section::Index, "ram", "node_memory"),
    (Section::Index, "headroom", "memory_headroom"),
    (Section::Index, "qps", "per_replica_qps"),
    (Section::Stage, "throughput", "per_server_throughput"),
    (Section::Stage, "qps_per_server", "per_server_throughput"),
    (Section::Stage, "gpus", "devices_per_server"),
    (Section::Stage, "devices", "devices_per_server"),
    (Section::Serving, "budget", "latency_budget"),
    (Section::Serving, "slo", "latency_budget"),
    (Section::Serving, "utilization", "target_utilization"),
    (Section::Serving, "spares", "redundancy"),
    (Section::Training, "gpus", "devices"),
    (Section::Training, "tpus", "devices"),
    (Section::Training, "accelerators", "devices"),
    (Section::Training, "gpu", "device"),
    (Section::Training, "accelerator", "device"),
    (Section::Training, "parameters", "params"),
    (Section::Training, "mfu", "efficiency"),
    (Section::Training, "dataset_size", "examples"),
    (Section::EmbeddingTable, "dimension", "dim"),
    (Section::EmbeddingTable, "dimensions", "dim"),
    (Section::EmbeddingTable, "type", "dtype"),
    (Section::Experiment, "baseline", "baseline_rate"),
    (Section::Experiment, "mde", "mde_relative"),
    (Section::Experiment, "significance", "alpha"),
    (Section::Experiment, "variants", "arms"),
    (Section::Experiment, "users", "eligible_daily_users"),
    (Section::Experiment, "daily_users", "eligible_daily_users"),
    (Section::Experiment, "traffic", "allocation"),
    (Section::Cache, "capacity", "cached_items"),
    (Section::Cache, "zipf", "zipf_s"),
    (Section::Cache, "skew", "zipf_s"),
    (Section::Labelling, "labels", "labels_per_item"),
    (Section::Labelling, "price", "price_per_label"),
    (Section::Llm, "gpu", "device"),
    (Section::Llm, "accelerator", "device"),
    (Section::Llm, "tp", "tensor_parallel"),
    (Section::Llm, "gpus_per_replica", "tensor_parallel"),
    (Section::Llm, "parameters", "params"),
    (Section::Llm, "input_tokens", "prompt_tokens"),
    (Section::Llm, "completion_tokens", "output_tokens"),
    (Section::Llm, "max_tokens", "output_tokens"),
    (Section::Llm, "batch_size", "max_batch"),
    (Section::Llm, "precision", "dtype"),
    (Section::Llm, "quantization", "dtype"),
    (Section::Diffusion, "images_per_day", "outputs_per_day"),
    (Section::Diffusion, "gpu", "device"),
    (Section::Diffusion, "denoising_steps", "steps"),
];

/// `(a word for a section, the section)`.
#[rustfmt::skip]
pub const SECTIONS: &[(&str, Section)] = &[
    ("ab", Section::Experiment),
    ("ab_test", Section::Experiment),
    ("abtest", Section::Experiment),
    ("vectors", Section::Embeddings),
    ("vector_index", Section::Index),
    ("ann", Section::Index),
    ("storage", Section::Corpus),
    ("items", Section::Corpus),
    ("serve", Section::Serving),
    ("train", Section::Training),
    ("features", Section::FeatureStore),
    ("labels", Section::Labelling),
    ("labeling", Section::Labelling),
    ("model", Section::Llm),
    ("inference", Section::Llm),
    ("images", Section::Diffusion),
];

/// The key of `section` that `word` is another word for.
pub fn key(section: Section, word: &str) -> Option<&'static str> {
    KEYS.iter()
        .find(|(s, w, _)| *s == section && *w == word)
        .map(|(_, _, k)| *k)
}

/// The section `word` is another word for.
pub fn section(word: &str) -> Option<Section> {
    SECTIONS.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

/// The input path `text` means when it names its section or key by another word:
/// `index.type` → `index.kind`, `ab_test.alpha` → `experiment.alpha`,
/// `corpus.images.size` → `corpus.images.item_size`. `None` when no word in it is an alias, or
/// the path it would mean is not one.
pub fn meant(text: &str) -> Option<String> {
    let (head, rest) = text.split_once('.')?;
    let known = Section::ALL.into_iter().find(|s| s.key() == head);
    let section = known.or_else(|| section(head))?;
    if section == Section::Meta {
        return None;
    }
    let (entry, word) = if section.is_list() {
        match rest.rsplit_once('.') {
            Some((name, word)) if !name.is_empty() => (Some(name), word),
            _ => return None,
        }
    } else {
        (None, rest)
    };
    let exact = super::registry::row(section)
        .field_named(word)
        .map(|(_, f)| f.key)
        .filter(|k| *k != "name");
    let key = exact.or_else(|| key(section, word))?;
    if known.is_some() && exact.is_some() {
        return None;
    }
    Some(match entry {
        Some(name) => format!("{}.{name}.{key}", section.key()),
        None => format!("{}.{key}", section.key()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_alias_names_a_real_key_and_is_not_one() {
        for &(section, word, key) in KEYS {
            let row = crate::scenario::registry::row(section);
            assert_eq!(row.section(), section, "{word}");
            assert!(row.field_named(key).is_some(), "{section:?}.{key}");
            assert!(
                row.field_named(word).is_none(),
                "{section:?}.{word} is a key"
            );
        }
        for &(word, section) in SECTIONS {
            assert!(
                Section::ALL.iter().all(|s| s.key() != word),
                "{word} is a section"
            );
            assert_ne!(section, Section::Meta);
        }
    }

    #[test]
    fn a_path_in_other_words_means_the_input() {
        assert_eq!(meant("index.type").as_deref(), Some("index.kind"));
        assert_eq!(meant("training.gpus").as_deref(), Some("training.devices"));
        assert_eq!(
            meant("embeddings.dimension").as_deref(),
            Some("embeddings.dim")
        );
        assert_eq!(meant("ab_test.alpha").as_deref(), Some("experiment.alpha"));
        assert_eq!(meant("ab.mde").as_deref(), Some("experiment.mde_relative"));
        assert_eq!(
            meant("corpus.images.size").as_deref(),
            Some("corpus.images.item_size")
        );
        // The real path, an unknown word and a list entry without its name mean nothing more.
        assert_eq!(meant("index.kind"), None);
        assert_eq!(meant("index.flavour"), None);
        assert_eq!(meant("corpus.size"), None);
        assert_eq!(meant("nowhere.dim"), None);
    }
}
