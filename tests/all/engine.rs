//! Hand-worked estimates: every expected number is worked out in the comment beside it.

use crate::common;

/// Within 10^-9 of the hand-worked value.
fn close9(actual: f64, expected: f64) {
    common::close(actual, expected, 1e-9);
}

use napkin::estimate::{self, Output};
use napkin::scenario::{Scenario, load_str};

fn scenario(toml: &str) -> Scenario {
    load_str(toml, "test.toml").unwrap_or_else(|e| panic!("{e}"))
}

fn outputs(toml: &str) -> Vec<Output> {
    estimate::explain(&scenario(toml)).1
}

fn value(outs: &[Output], id: &str) -> f64 {
    outs.iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no output {id}"))
        .value
}

const META: &str = "[meta]\nid = \"t\"\ntitle = \"T\"\n";

#[test]
fn twitter_example_from_xu() {
    let outs = outputs(include_str!("../../presets/twitter.toml"));
    // 150M DAU × 2 tweets/day ÷ 86,400 s/day = 300,000,000 / 86,400 = 3,472.22/s (Xu: ≈3,500).
    close9(value(&outs, "traffic.avg_qps"), 300_000_000.0 / 86_400.0);
    assert!((value(&outs, "traffic.avg_qps") - 3_472.22).abs() < 0.01);
    // × 2 peak factor = 6,944.44/s (Xu: ≈7,000).
    assert!((value(&outs, "traffic.peak_qps") - 6_944.44).abs() < 0.01);
    // 150M × 2 × 10% = 30M media items/day × 1 MB (1e6 B) = 3e13 B = 30 TB/day.
    close9(value(&outs, "storage.media.growth_per_day"), 30e12);
    // 30 TB/day × 365 × 5 = 30e12 × 1,825 = 5.475e16 B = 54.75 PB (Xu: ≈55 PB).
    close9(value(&outs, "storage.media.retained_growth"), 5.475e16);
    close9(value(&outs, "storage.total"), 5.475e16);
}

#[test]
fn a_billion_256d_f32_embeddings_take_1_024_tb() {
    let outs = outputs(&format!(
        "{META}[embeddings]\nvectors = \"1B\"\ndim = 256\ndtype = \"f32\"\n"
    ));
    // 10^9 × 256 dims × 4 B = 1.024e12 B = 1.024 TB.
    close9(value(&outs, "storage.embeddings"), 1.024e12);
}

#[test]
fn bytes_per_vector_for_every_dtype() {
    // d = 256: f32 4·256 = 1,024; f16 and bf16 2·256 = 512; int8 256; binary 256/8 = 32;
    // PQ 32 × 8 bits / 8 = 32.
    for (dtype, extra, expected) in [
        ("f32", "", 1_024.0),
        ("f16", "", 512.0),
        ("bf16", "", 512.0),
        ("int8", "", 256.0),
        ("binary", "", 32.0),
        ("pq", "pq_m = 32\n", 32.0),
    ] {
        let outs = outputs(&format!(
            "{META}[embeddings]\nvectors = 1000\ndim = 256\ndtype = \"{dtype}\"\n{extra}"
        ));
        close9(value(&outs, "storage.embeddings"), 1000.0 * expected);
    }
}

fn index_case(kind_params: &str, embeddings: &str) -> Vec<Output> {
    outputs(&format!(
        "{META}[embeddings]\n{embeddings}\n[index]\n{kind_params}\nnode_memory = \"64 GiB\"\n"
    ))
}

#[test]
fn faiss_hnsw_small_case() {
    let outs = index_case(
        "kind = \"hnsw\"\nhnsw_m = 16",
        "vectors = \"1M\"\ndim = 128",
    );
    // Faiss wiki short form 4d + 8M = 512 + 128 = 640 B. The layout napkin uses adds the upper
    // levels 4M/(M−1) = 64/15 = 4.2667 B and 12 B of level and offset: 656.2667 B per vector.
    let per = 512.0 + 128.0 + 64.0 / 15.0 + 12.0;
    close9(value(&outs, "index.bytes_per_vector"), per);
    assert!(
        (per - (4.0 * 128.0 + 8.0 * 16.0)) < 17.0,
        "within 17 B of the wiki's short form"
    );
    // × 1M vectors = 656,266,667 B ≈ 656 MB.
    close9(value(&outs, "index.memory"), 1e6 * per);
    close9(value(&outs, "index.disk"), 0.0);
}

#[test]
fn ivf_flat_and_ivf_sq8_count_ids_and_centroids() {
    let outs = index_case(
        "kind = \"ivf_flat\"\nnlist = 1024",
        "vectors = \"1M\"\ndim = 128",
    );
    // (4·128 + 8) × 1M + 1,024 × 4 × 128 = 520,000,000 + 524,288 = 520,524,288 B.
    close9(value(&outs, "index.memory"), 520_524_288.0);
    let outs = index_case(
        "kind = \"ivf_sq8\"\nnlist = 1024",
        "vectors = \"1M\"\ndim = 128",
    );
    // (128 + 8) × 1M + 524,288 = 136,524,288 B.
    close9(value(&outs, "index.memory"), 136_524_288.0);
}

#[test]
fn ivf_pq_counts_ids_centroids_codebook_and_table() {
    let outs = index_case(
        "kind = \"ivf_pq\"\nnlist = 1024\npq_m = 16\npq_nbits = 8",
        "vectors = \"1M\"\ndim = 128",
    );
    // code 16 × 8 / 8 = 16 B + 8 B id = 24 B per vector.
    close9(value(&outs, "index.bytes_per_vector"), 24.0);
    // 1M × 24 = 24,000,000
    // + centroids 1,024 × 128 × 4 = 524,288
    // + codebook 128 × 2^8 × 4 = 131,072
    // + precomputed table 1,024 × 16 × 256 × 4 = 16,777,216 (16 MiB ≤ 2 GiB, so Faiss keeps it)
    // = 41,432,576 B.
    close9(value(&outs, "index.memory"), 41_432_576.0);
}

#[test]
fn ivf_pq_drops_a_precomputed_table_over_2_gib() {
    let outs = index_case(
        "kind = \"ivf_pq\"\nnlist = 65536\npq_m = 64\npq_nbits = 8",
        "vectors = \"100M\"\ndim = 768",
    );
    // table 65,536 × 64 × 256 × 4 = 4,294,967,296 B > 2 GiB: not kept.
    // 100M × (64 + 8) = 7.2e9 + centroids 65,536 × 768 × 4 = 201,326,592 + codebook 768 × 256 × 4 = 786,432
    // = 7,402,113,024 B ≈ 7.4 GB (formulas: "IVF-PQ (PQ64, nlist 65,536) 7.4 GB").
    close9(value(&outs, "index.memory"), 7_402_113_024.0);
}

#[test]
fn diskann_768d_f32_r64_one_node_per_sector() {
    let outs = index_case(
        "kind = \"diskann\"\ndegree = 64\npq_m = 64",
        "vectors = \"100M\"\ndim = 768",
    );
    // node = (64 + 1) × 4 + 768 × 4 = 260 + 3,072 = 3,332 B ≤ 4,096: one node per sector.
    // 100M sectors × 4,096 B = 409,600,000,000 B = 409.6 GB of SSD.
    close9(value(&outs, "index.disk"), 409.6e9);
    // RAM: 100M × 64 B PQ = 6.4e9 + pivots 768 × 256 × 4 = 786,432 → 6,400,786,432 B.
    close9(value(&outs, "index.memory"), 6_400_786_432.0);
    close9(value(&outs, "index.bytes_per_vector"), 64.0);
}

#[test]
fn diskann_small_nodes_share_a_sector() {
    let outs = index_case(
        "kind = \"diskann\"\ndegree = 32\npq_m = 16",
        "vectors = 1000\ndim = 128",
    );
    // node = 33 × 4 + 512 = 644 B → ⌊4,096 / 644⌋ = 6 per sector; ⌈1,000 / 6⌉ = 167 sectors × 4,096 = 684,032 B.
    close9(value(&outs, "index.disk"), 684_032.0);
}

const FLEET: &str = r#"
[traffic]
qps = "10k/s"
peak_factor = 2

[embeddings]
vectors = "1B"
dim = 256

[index]
kind = "flat"
node_memory = "256 GiB"
memory_headroom = 0.7
per_replica_qps = 2000

[[stage]]
name = "retrieval"
index = true
items_per_request = 100
latency = "30 ms"

[[stage]]
name = "ranking"
items_per_request = 1000
per_server_throughput = "50k/s"
latency = "50 ms"
"#;

#[test]
fn shards_replicas_nodes_and_servers_are_ceilings() {
    let outs = outputs(&format!("{META}{FLEET}"));
    // memory 1B × 1,024 B = 1.024e12; node 256 GiB = 274,877,906,944 × 0.7 = 192,414,534,860.8;
    // 1.024e12 / 1.924e11 = 5.32 → 6 shards.
    close9(value(&outs, "index.shards"), 6.0);
    // peak 10k × 2 = 20,000/s; ⌈20,000 / (2,000 × 0.6 default utilisation)⌉ = ⌈16.67⌉ = 17 replicas.
    close9(value(&outs, "index.replicas"), 17.0);
    // 6 × 17 × 1 region = 102 nodes.
    close9(value(&outs, "index.nodes"), 102.0);
    close9(value(&outs, "fleet.retrieval.servers"), 102.0);
    // 20,000 × 1,000 items = 2e7 items/s ÷ (50,000 × 0.6) = 666.67 → 667 servers.
    close9(value(&outs, "fleet.ranking.servers"), 667.0);
    close9(value(&outs, "fleet.total_servers"), 769.0);
    // Little's law: 20,000/s × 0.05 s = 1,000 requests in flight.
    close9(value(&outs, "fleet.ranking.concurrency"), 1_000.0);
}

#[test]
fn regions_and_spares_add_per_region() {
    let outs = outputs(&format!(
        "{META}{FLEET}\n[serving]\nregions = 3\nredundancy = 1\n"
    ));
    // per region 20,000 / 3 = 6,666.67/s; replicas ⌈6,666.67 / 1,200⌉ = ⌈5.56⌉ = 6, + 1 spare = 7.
    close9(value(&outs, "index.replicas"), 7.0);
    // 6 shards × 7 × 3 regions = 126 nodes.
    close9(value(&outs, "index.nodes"), 126.0);
    // ranking: ⌈6,666.67 × 1,000 / 30,000⌉ = ⌈222.2⌉ = 223, + 1 = 224 per region × 3 = 672.
    close9(value(&outs, "fleet.ranking.servers"), 672.0);
}

#[test]
fn region_failover_sizes_each_region_for_a_lost_one() {
    let outs = outputs(&format!(
        "{META}{FLEET}\n[serving]\nregions = 3\nredundancy = 1\nregion_failover = true\n"
    ));
    // per region 20,000 / (3 − 1) = 10,000/s; ranking ⌈10,000 × 1,000 / 30,000⌉ = 334, + 1 = 335 × 3 = 1,005.
    close9(value(&outs, "fleet.ranking.servers"), 1_005.0);
}

#[test]
fn fanout_tail_of_100_shards() {
    let outs = outputs(&format!(
        "{META}{}",
        FLEET.replace("kind = \"flat\"", "kind = \"flat\"\nshards = 100")
    ));
    // P(all 100 fast) = 0.99^100 = 0.36603; 1 − 0.36603 = 0.63397: 63% of requests are slow.
    let slow = value(&outs, "latency.fanout_slow_fraction");
    assert!((slow - 0.633_97).abs() < 1e-5, "{slow}");
}

#[test]
fn fanout_bandwidth_to_the_shards() {
    let outs = outputs(&format!("{META}{FLEET}"));
    // per shard: query 4 × 256 = 1,024 B + 100 results × 12 B = 2,224 B;
    // 20,000/s × 6 shards × 2,224 B = 266,880,000 B/s.
    close9(value(&outs, "bandwidth.retrieval.fanout"), 266_880_000.0);
}

#[test]
fn latency_against_the_budget() {
    let outs = outputs(&format!(
        "{META}{FLEET}\n[serving]\nlatency_budget = \"200 ms\"\noverhead = \"20 ms\"\n"
    ));
    // 20 ms overhead + 30 ms retrieval + 50 ms ranking = 100 ms; 100 / 200 = 0.5.
    close9(value(&outs, "latency.total"), 0.1);
    close9(value(&outs, "latency.budget_used"), 0.5);
}

#[test]
fn batch_stage_in_a_daily_window_and_on_a_cadence() {
    let base = "[[stage]]\nname = \"blur\"\nmode = \"batch\"\nitems_per_day = \"86.4M\"\nper_server_throughput = 100\nutilization = 0.5\n";
    let outs = outputs(&format!("{META}{base}"));
    // 86.4M items in a 1-day window = 1,000 items/s ÷ (100 × 0.5) = 20 servers.
    close9(value(&outs, "fleet.blur.servers"), 20.0);
    let outs = outputs(&format!(
        "{META}{base}every = \"1 h\"\nwindow = \"30 min\"\n"
    ));
    // a run every hour takes 86.4M / 24 = 3.6M items, in 30 min = 1,800 s → 2,000/s ÷ 50 = 40 servers.
    close9(value(&outs, "fleet.blur.servers"), 40.0);
}

#[test]
fn gpu_stage_from_flops() {
    let outs = outputs(&format!(
        "{META}[traffic]\nqps = 1000\npeak_factor = 1\n[[stage]]\nname = \"rank\"\nitems_per_request = 500\nflops_per_item = \"40M\"\ndevice_flops = \"100 TFLOP/s\"\nefficiency = 0.5\nlatency = \"20 ms\"\n"
    ));
    // per server 1e14 × 0.5 / 4e7 = 1.25M items/s; load 1,000 × 500 = 5e5/s;
    // ⌈5e5 / (1.25e6 × 0.6)⌉ = ⌈0.667⌉ = 1 server.
    close9(value(&outs, "fleet.rank.servers"), 1.0);
}

#[test]
fn bandwidth_counts_requests_and_uploads_at_peak() {
    let outs = outputs(&format!(
        "{META}[traffic]\nqps = 1000\npeak_factor = 2\nrequest_size = \"1 KB\"\nresponse_size = \"20 KB\"\n[[corpus]]\nname = \"v\"\nitems = 0\nitem_size = \"10 MB\"\nnew_items_per_day = \"8.64M\"\n"
    ));
    // ingress: 2,000/s × 1,000 B = 2e6 B/s + 8.64M × 1e7 B ÷ 86,400 s × 2 = 2e9 B/s → 2.002e9 B/s.
    close9(value(&outs, "bandwidth.ingress"), 2.002e9);
    // egress: 2,000/s × 20,000 B = 4e7 B/s.
    close9(value(&outs, "bandwidth.egress"), 4e7);
}

#[test]
fn a_corpus_the_system_writes_itself_is_stored_but_not_ingress() {
    let corpus = "[[corpus]]\nname = \"v\"\nitems = 0\nitem_size = \"10 MB\"\nnew_items_per_day = \"8.64M\"\n";
    let outs = outputs(&format!(
        "{META}[traffic]\nqps = 1000\npeak_factor = 2\nrequest_size = \"1 KB\"\n{corpus}{}uploaded = false\n",
        corpus.replace("\"v\"", "\"derived\"")
    ));
    // Only v's uploads and the requests: 2e6 B/s + 2e9 B/s = 2.002e9 B/s, as with v alone.
    close9(value(&outs, "bandwidth.ingress"), 2.002e9);
    // Both still grow the storage: 2 × 8.64M × 1e7 B = 1.728e14 B a day.
    close9(value(&outs, "storage.growth_per_day"), 1.728e14);
    let ingress = outs.iter().find(|o| o.id == "bandwidth.ingress").unwrap();
    assert!(
        ingress
            .inputs
            .iter()
            .any(|i| i == "corpus.derived.uploaded")
    );
    assert!(
        ingress
            .steps
            .iter()
            .any(|s| common::text(s).contains("derived: stored from data already inside")),
        "{:?}",
        ingress.steps
    );
}

#[test]
fn a_stage_holding_a_corpus_in_ram_has_servers_enough_to_hold_it() {
    let base = format!(
        "{META}[traffic]\nqps = 1000\npeak_factor = 1\n[[corpus]]\nname = \"profiles\"\nitems = \"1B\"\nitem_size = \"1 KB\"\nreplication = 3\n[[stage]]\nname = \"features\"\nper_server_throughput = \"10k/s\"\n"
    );
    // By load alone: ⌈1,000/s ÷ (10,000/s × 0.6)⌉ = ⌈0.17⌉ = 1 server.
    close9(value(&outputs(&base), "fleet.features.servers"), 1.0);
    let held =
        format!("{base}holds = \"profiles\"\nnode_memory = \"100 GB\"\nmemory_headroom = 0.5\n");
    // 1B × 1 KB × 3 copies = 3e12 B; ⌈3e12 ÷ (1e11 × 0.5)⌉ = 60 servers, more than the 1 by load.
    let outs = outputs(&held);
    close9(value(&outs, "fleet.features.servers"), 60.0);
    let servers = outs
        .iter()
        .find(|o| o.id == "fleet.features.servers")
        .unwrap();
    for input in [
        "stage.features.holds",
        "stage.features.node_memory",
        "corpus.profiles.items",
    ] {
        assert!(
            servers.inputs.iter().any(|i| i == input),
            "{input}: {:?}",
            servers.inputs
        );
    }
    // Every region holds it all: (60 + 1 spare) × 2 regions = 122.
    let outs = outputs(&format!("{held}[serving]\nregions = 2\nredundancy = 1\n"));
    close9(value(&outs, "fleet.features.servers"), 122.0);
}

#[test]
fn a_held_corpus_is_sized_at_its_largest_with_its_growth_over_retention() {
    let outs = outputs(&format!(
        "{META}[traffic]\nqps = 10\n[[corpus]]\nname = \"recent\"\nitems = 0\nitem_size = \"1 KB\"\nnew_items_per_day = \"1M\"\nretention = \"10 d\"\n[[stage]]\nname = \"cache\"\nper_server_throughput = \"10k/s\"\nholds = \"recent\"\nnode_memory = \"1 GB\"\nmemory_headroom = 0.5\n"
    ));
    // Nothing at rest today, 1M × 1 KB × 10 d = 1e10 B by the end of the retention;
    // ⌈1e10 ÷ (1e9 × 0.5)⌉ = 20 servers.
    close9(value(&outs, "fleet.cache.servers"), 20.0);
}

#[test]
fn logs_graph_and_text_index_storage() {
    let outs = outputs(&format!(
        "{META}[traffic]\ndau = \"1B\"\nrequests_per_user_per_day = 5\n[logging]\nevents_per_user_per_day = 50\nevent_size = \"500 B\"\nretention = \"90 d\"\n[[log]]\nname = \"clicks\"\nevents_per_day = \"1B\"\nevent_size = \"100 B\"\nretention = \"30 d\"\n[graph]\nnodes = \"1B\"\navg_degree = 1000\n[text_index]\ndocuments = \"1B\"\nterms_per_document = 100\nbytes_per_posting = \"4 B\"\n"
    ));
    // logging: 1B × 50 × 500 B = 2.5e13 B/day × 90 d = 2.25e15 B; clicks: 1B × 100 B × 30 = 3e12 B.
    close9(value(&outs, "storage.log.clicks"), 3e12);
    close9(value(&outs, "storage.logs"), 2.25e15 + 3e12);
    // growth: 2.5e13 + 1e11 = 2.51e13 B/day.
    close9(value(&outs, "storage.growth_per_day"), 2.51e13);
    // graph: 1B × 1,000 × 8 B = 8e12 B; friends of friends 1,000² = 1e6.
    close9(value(&outs, "storage.graph"), 8e12);
    close9(value(&outs, "graph.friends_of_friends"), 1e6);
    // text index: 1B × 100 × 4 B = 4e11 B.
    close9(value(&outs, "storage.text_index"), 4e11);
    close9(value(&outs, "storage.total"), 2.25e15 + 3e12 + 8e12 + 4e11);
}

#[test]
fn warnings_flag_budget_redundancy_utilisation_and_shard_size() {
    let s = scenario(&format!(
        "{META}{}\n[serving]\nlatency_budget = \"50 ms\"\ntarget_utilization = 0.9\n",
        FLEET.replace("kind = \"flat\"", "kind = \"flat\"\nshards = 2")
    ));
    let e = estimate::estimate(&s);
    let ids: Vec<&str> = estimate::warnings(&s, &e, napkin::units::Style::Decimal)
        .iter()
        .map(|w| w.id)
        .collect();
    // 30 + 50 = 80 ms > 50 ms budget; 0.9 > 0.8; 1.024 TB / 2 shards = 512 GB > 192 GB usable.
    assert!(ids.contains(&"latency.over_budget"), "{ids:?}");
    assert!(ids.contains(&"serving.high_utilization"), "{ids:?}");
    assert!(ids.contains(&"index.shard_too_big"), "{ids:?}");

    let s = scenario(&format!(
        "{META}[traffic]\nqps = 10\n[[stage]]\nname = \"tiny\"\nper_server_throughput = 1000\n"
    ));
    let e = estimate::estimate(&s);
    // 20/s ÷ 600/s → 1 server: no redundancy.
    let w = estimate::warnings(&s, &e, napkin::units::Style::Decimal);
    assert_eq!(
        w.iter().map(|w| w.id).collect::<Vec<_>>(),
        ["fleet.no_redundancy"]
    );
}

#[test]
fn the_fast_path_and_the_explained_path_agree() {
    let s = scenario(include_str!("../../presets/video-recommendation.toml"));
    let fast = estimate::estimate(&s);
    let (explained, _) = estimate::explain(&s);
    assert_eq!(fast, explained);
    let mut reused = estimate::Estimate::default();
    estimate::estimate_into(&s, &mut reused);
    estimate::estimate_into(&s, &mut reused);
    assert_eq!(fast, reused);
}

#[test]
fn binary_ivf_keeps_binary_centroids_and_queries() {
    let outs = outputs(&format!(
        "{META}[traffic]\nqps = 100\npeak_factor = 1\n[embeddings]\nvectors = \"1M\"\ndim = 256\ndtype = \"binary\"\n[index]\nkind = \"ivf_flat\"\nnlist = 1024\nnode_memory = \"64 GiB\"\nper_replica_qps = 1000\n[[stage]]\nname = \"ann\"\nindex = true\nitems_per_request = 10\nlatency = \"5 ms\"\n"
    ));
    // per vector 256 / 8 = 32 B + 8 B id = 40 B; centroids 1,024 × 32 B = 32,768 B;
    // 1M × 40 + 32,768 = 40,032,768 B.
    close9(value(&outs, "index.memory"), 40_032_768.0);
    // one shard; per shard 32 B binary query + 10 × 12 B = 152 B; 100/s × 1 × 152 = 15,200 B/s.
    close9(value(&outs, "bandwidth.ann.fanout"), 15_200.0);
}

#[test]
fn parallel_stages_count_the_slower_one() {
    let stages = "[traffic]\nqps = 100\n[serving]\noverhead = \"20 ms\"\nlatency_budget = \"200 ms\"\n\
        [[stage]]\nname = \"embed\"\nper_server_throughput = 1000\nlatency = \"10 ms\"\n\
        [[stage]]\nname = \"vector\"\nper_server_throughput = 1000\nlatency = \"10 ms\"\n\
        [[stage]]\nname = \"text\"\nper_server_throughput = 1000\nlatency = \"30 ms\"\nparallel_with = \"vector\"\n\
        [[stage]]\nname = \"fuse\"\nper_server_throughput = 1000\nlatency = \"5 ms\"\n";
    let outs = outputs(&format!("{META}{stages}"));
    // 20 overhead + 10 embed = 30; vector 30→40 and text 30→60 side by side; fuse 60→65 ms.
    close9(value(&outs, "latency.total"), 0.065);
    // 65 ÷ 200 = 0.325.
    close9(value(&outs, "latency.budget_used"), 0.325);
    let e = napkin::estimate::estimate(&scenario(&format!("{META}{stages}")));
    assert_eq!((e.stages[2].start, e.stages[2].finish), (0.03, 0.06));
}

/// Worked examples of the ML formulas, section by section, each computed by hand.
mod ml_formulas {
    use super::{META, close9, outputs, scenario, value};

    /// Within 1e-5 of a value worked by hand to six or seven figures.
    fn near(actual: f64, expected: f64) {
        assert!(
            ((actual - expected) / expected).abs() < 1e-5,
            "expected {expected}, got {actual}"
        );
    }

    #[test]
    fn transformer_training_on_h100() {
        // §2: 1B params × 20B tokens → C = 6 × 1e9 × 2e10 = 1.2e20 FLOPs.
        let o = outputs(&format!(
            "{META}[training]\nparams = \"1B\"\nexamples = \"20B\"\ndevice = \"H100\"\nefficiency = 0.4\nprice_per_device_hour = \"$3.99\"\n"
        ));
        close9(value(&o, "training.flops"), 1.2e20);
        // 1.2e20 ÷ (989e12 × 0.4) = 303,337 s = 84.26 GPU-hours.
        close9(value(&o, "training.device_time"), 1.2e20 / (989e12 * 0.4));
        // 84.26 h × $3.99 = $336.2.
        close9(
            value(&o, "training.cost"),
            1.2e20 / (989e12 * 0.4) / 3600.0 * 3.99,
        );
        // On A100 (312T/s): 1.2e20 ÷ 1.248e14 = 961,538.5 s = 267.094 h.
        let o = outputs(&format!(
            "{META}[training]\nparams = \"1B\"\nexamples = \"20B\"\ndevice = \"A100\"\nefficiency = 0.4\n"
        ));
        near(value(&o, "training.device_time") / 3600.0, 267.094);
    }

    #[test]
    fn device_figures_can_be_overridden() {
        // device_flops given beside a device wins: 6e18 ÷ (100e12 × 0.5) = 120,000 s.
        let o = outputs(&format!(
            "{META}[training]\nflops_per_example = \"600M\"\nexamples = \"10B\"\ndevice = \"H100\"\ndevice_flops = \"100T/s\"\nefficiency = 0.5\ndevice_memory = \"40 GB\"\n[[embedding_table]]\nname = \"t\"\nrows = \"100M\"\ndim = 100\noptimizer = \"sgd\"\n"
        ));
        close9(value(&o, "training.device_time"), 120_000.0);
        // 100M × 100 × 4 B = 40 GB ÷ (40 GB × 0.8 = 32 GB) = 1.25 → 2 devices.
        close9(value(&o, "embedding_tables.devices"), 2.0);
    }

    #[test]
    fn embedding_tables_by_optimizer() {
        // §3: 1B users × 128 × f32 = 512 GB; Adam ×3 = 1.536 TB; ⌈1.536 TB ÷ 64 GB⌉ = 24 GPUs.
        let t = |opt: &str, dtype: &str| {
            outputs(&format!(
                "{META}[training]\nparams = \"1M\"\nexamples = \"1M\"\ndevice = \"A100\"\n[[embedding_table]]\nname = \"users\"\nrows = \"1B\"\ndim = 128\ndtype = \"{dtype}\"\noptimizer = \"{opt}\"\n"
            ))
        };
        let o = t("adam", "f32");
        close9(value(&o, "embedding_tables.users"), 1.536e12);
        close9(value(&o, "embedding_tables.devices"), 24.0);
        // Adagrad 1.024 TB; row-wise Adagrad 512 + 4 = 516 GB → 9 GPUs.
        close9(
            value(&t("adagrad", "f32"), "embedding_tables.memory"),
            1.024e12,
        );
        let o = t("rowwise_adagrad", "f32");
        close9(value(&o, "embedding_tables.memory"), 5.16e11);
        close9(value(&o, "embedding_tables.devices"), 9.0);
        // f16 weights + row-wise Adagrad: 256 + 4 = 260 GB → ⌈4.06⌉ = 5 GPUs.
        let o = t("rowwise_adagrad", "f16");
        close9(value(&o, "embedding_tables.memory"), 2.6e11);
        close9(value(&o, "embedding_tables.devices"), 5.0);
        // bf16 is two bytes a weight like f16: the same 260 GB.
        let o = t("rowwise_adagrad", "bf16");
        close9(value(&o, "embedding_tables.memory"), 2.6e11);
        close9(value(&t("sgd", "int8"), "embedding_tables.memory"), 1.28e11);
    }

    #[test]
    fn downsampling_and_recalibration() {
        // §4: 1B/day, CTR 1%, w = 0.025 → 10M + 24.75M = 34.75M; share 28.8%; p′ = 0.5 → 0.0244.
        let o = outputs(&format!(
            "{META}[sampling]\nexamples_per_day = \"1B\"\npositive_rate = 0.01\nnegative_keep_rate = 0.025\n"
        ));
        close9(value(&o, "sampling.examples_per_day"), 34.75e6);
        close9(value(&o, "sampling.positive_share"), 10.0 / 34.75);
        close9(value(&o, "sampling.recalibrated"), 0.5 / 20.5);
        // Recalibrating the positive share gives back the base rate:
        // q(0.287770) = 0.287770 ÷ (0.287770 + 0.712230 ÷ 0.025) = 0.01.
        let o = outputs(&format!(
            "{META}[sampling]\nexamples_per_day = \"1B\"\npositive_rate = 0.01\nnegative_keep_rate = 0.025\nraw_prediction = {}\n",
            10.0 / 34.75
        ));
        close9(value(&o, "sampling.recalibrated"), 0.01);
    }

    #[test]
    fn feature_store_example() {
        // §5: 500M × (140 + 100 × 13 = 1,440 B) = 720 GB; 20k QPS × 501 × 2 = 2.004e7/s.
        let o = outputs(&format!(
            "{META}[traffic]\nqps = \"10k/s\"\n[feature_store]\nentities = \"500M\"\nfeatures_per_entity = 100\nentities_per_request = 501\nfeature_views = 2\nreplication = 2\nnode_memory = \"64 GiB\"\n"
        ));
        close9(value(&o, "feature_store.memory"), 7.2e11);
        close9(value(&o, "feature_store.lookups"), 2.004e7);
        // ⌈2.004e7 ÷ 1.5e5⌉ = ⌈133.6⌉ = 134 shards for lookups (memory: ⌈7.2e11 ÷ 4.81e10⌉ = 15 × 2 = 30).
        close9(value(&o, "feature_store.nodes"), 134.0);
    }

    #[test]
    fn experiment_on_a_proportion() {
        // §1: p = 5%, relative MDE 5% → δ = 0.0025; Evan Miller: 0.750912 ÷ 6.25e-6 = 120,146 per arm.
        let o = outputs(&format!(
            "{META}[experiment]\nbaseline_rate = 0.05\nmde_relative = 0.05\neligible_daily_users = \"1M\"\nallocation = 0.1\n"
        ));
        close9(value(&o, "experiment.sample_size_per_arm"), 120_146.0);
        // 2 × 120,146 ÷ 100,000 = 2.40 days.
        close9(value(&o, "experiment.duration"), 2.40292 * 86_400.0);
        // The same effect written absolute: δ = 0.0025.
        let o = outputs(&format!(
            "{META}[experiment]\nbaseline_rate = 0.05\nmde_absolute = 0.0025\neligible_daily_users = \"1M\"\n"
        ));
        close9(value(&o, "experiment.sample_size_per_arm"), 120_146.0);
    }

    /// The text report of `toml`, and what it cannot estimate with what each needs.
    fn report_of(toml: &str) -> (String, Vec<(String, &'static str)>) {
        let r = napkin::report::Report::build(&scenario(toml), napkin::units::Style::Decimal)
            .unwrap_or_else(|e| panic!("{e:?}"));
        let text = napkin::report::text::render(&r, napkin::report::text::Detail::Brief);
        let missing = r
            .not_estimated()
            .map(|(o, needs)| (o.id.to_string(), needs))
            .collect();
        (text, missing)
    }

    #[test]
    fn an_experiment_alone_gives_its_sample_size_and_says_what_its_duration_needs() {
        let ab = format!("{META}[experiment]\nbaseline_rate = 0.05\nmde_relative = 0.05\n");
        let o = outputs(&ab);
        // 120,146 per arm, as above: the sample size needs no users.
        close9(value(&o, "experiment.sample_size_per_arm"), 120_146.0);
        let (text, missing) = report_of(&ab);
        let line = |text: &str, label: &str| {
            text.lines()
                .find(|l| l.trim_start().starts_with(label))
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        assert_eq!(
            line(&text, "Sample size per arm").as_deref(),
            Some("Sample size per arm 120,146")
        );
        assert!(
            text.contains("NOT ESTIMATED\n  Experiment duration"),
            "{text}"
        );
        // Its first line is under NOT ESTIMATED: no duration of 0 s is printed.
        assert_eq!(
            line(&text, "Experiment duration").as_deref(),
            Some("Experiment duration needs experiment.eligible_daily_users (or traffic.dau)")
        );
        assert_eq!(
            missing,
            [(
                "experiment.duration".to_string(),
                "experiment.eligible_daily_users (or traffic.dau)"
            )]
        );
        // Daily users alone in [traffic] are the eligible users: 2 × 120,146 ÷ 1M a day
        // = 0.240292 d = 20,761.2 s (5.77 h); the QPS they cannot give is said instead.
        let with_users = format!("{ab}[traffic]\ndau = \"1M\"\n");
        close9(
            value(&outputs(&with_users), "experiment.duration"),
            0.240292 * 86_400.0,
        );
        let (text, missing) = report_of(&with_users);
        assert_eq!(
            line(&text, "Experiment duration").as_deref(),
            Some("Experiment duration 5.77 h ≈ 6 h")
        );
        // Without a rate, neither the QPS nor the bandwidth it carries.
        let ids: Vec<&str> = missing.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "traffic.avg_qps",
                "traffic.peak_qps",
                "bandwidth.ingress",
                "bandwidth.egress"
            ]
        );
        assert!(missing[0].1.contains("traffic.requests_per_user_per_day"));
        assert!(missing[2].1.starts_with("a request rate"));
    }

    #[test]
    fn traffic_without_sizes_says_its_bandwidth_needs_them() {
        // 50k/s and no request or response size: no "0 B/s" of bandwidth, but what it needs.
        let (text, missing) = report_of(&format!("{META}[traffic]\nqps = \"50k\"\n"));
        assert!(!text.contains("0 B/s"), "{text}");
        assert_eq!(
            missing,
            [
                (
                    "bandwidth.ingress".to_string(),
                    "traffic.request_size (or a corpus's new_items_per_day and item_size)"
                ),
                ("bandwidth.egress".to_string(), "traffic.response_size")
            ]
        );
        // With a request size, 100k/s peak × 1 KB = 100 MB/s in; the egress still needs its size.
        let (text, missing) = report_of(&format!(
            "{META}[traffic]\nqps = \"50k\"\nrequest_size = \"1 KB\"\n"
        ));
        assert!(text.contains("100 MB/s"), "{text}");
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].0, "bandwidth.egress");
    }

    #[test]
    fn a_cache_alone_gives_its_hit_ratio_and_memory_not_its_backend_load() {
        let (text, missing) = report_of(&format!(
            "{META}[cache]\nitems = \"10M\"\ncached_items = \"100k\"\nitem_size = \"2 KB\"\n"
        ));
        // H(100k) ÷ H(10M) = 12.090 ÷ 16.695 = 72.4%; 100k × 2 KB = 200 MB.
        assert!(text.contains("72.4%"), "{text}");
        assert!(text.contains("200 MB"), "{text}");
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].0, "cache.backend_qps");
        assert!(missing[0].1.starts_with("a request rate: traffic.qps"));
    }

    #[test]
    fn a_feature_store_without_node_memory_gives_its_memory() {
        let toml =
            format!("{META}[feature_store]\nentities = \"500M\"\nfeatures_per_entity = 100\n");
        // 500M × (140 B + 100 × 13 B) = 500M × 1,440 B = 7.2e11 B = 720 GB.
        close9(value(&outputs(&toml), "feature_store.memory"), 7.2e11);
        let (text, missing) = report_of(&toml);
        assert!(text.contains("720 GB"), "{text}");
        let ids: Vec<&str> = missing.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["feature_store.lookups", "feature_store.nodes"]);
        assert_eq!(missing[1].1, "feature_store.node_memory");
    }

    #[test]
    fn an_llm_without_requests_sizes_a_replica_not_a_fleet() {
        let toml = format!(
            "{META}[llm]\nmodel = \"llama-3.1-8b\"\nprompt_tokens = 1000\noutput_tokens = 200\ndevice = \"H100\"\nprice_per_device_hour = \"$2\"\n"
        );
        let o = outputs(&toml);
        // 8,030,261,248 params × 2 B (f16) = 16,060,522,496 B.
        close9(value(&o, "llm.weights_memory"), 16_060_522_496.0);
        // 2 (K and V) × 32 layers × 8 KV heads × 128 dims × 2 B = 131,072 B a token.
        close9(value(&o, "llm.kv_cache_per_token"), 131_072.0);
        let (_, missing) = report_of(&toml);
        let ids: Vec<&str> = missing.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "fleet.total_devices",
                "fleet.accelerator_cost_per_day",
                "llm.peak_requests_per_second",
                "llm.tokens_per_day",
                "llm.replicas",
                "llm.devices",
                "llm.cost_per_day",
                "llm.cost_per_million_tokens",
            ]
        );
        assert!(missing[0].1.starts_with("llm.requests_per_day"));
    }

    #[test]
    fn diffusion_without_an_output_size_adds_no_storage() {
        let (text, missing) = report_of(&format!(
            "{META}[diffusion]\noutputs_per_day = \"1M\"\nsteps = 30\nflops_per_step = \"10T\"\ndevice = \"H100\"\n"
        ));
        assert!(!text.contains("STORAGE"), "{text}");
        // 30 steps × 10 TFLOP = 300 TFLOP an output.
        assert!(text.contains("300 TFLOP"), "{text}");
        assert!(missing.is_empty());
    }

    #[test]
    fn daily_users_alone_cannot_serve_an_online_stage() {
        let e = napkin::scenario::load_str(
            &format!(
                "{META}[traffic]\ndau = \"1M\"\n[[stage]]\nname = \"a\"\nper_server_throughput = \"1k/s\"\nlatency = \"5 ms\"\n"
            ),
            "t.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("[traffic] gives the daily users but not their requests"),
            "{e}"
        );
        assert!(
            e.contains("add [traffic] with requests_per_user_per_day = 5, or [traffic] with qps"),
            "{e}"
        );
    }

    #[test]
    fn a_rate_above_one_half_takes_its_effect_from_the_rate_as_given() {
        let n = |p: f64, mde: &str| {
            let o = outputs(&format!(
                "{META}[experiment]\nbaseline_rate = {p}\n{mde}\neligible_daily_users = \"1M\"\n"
            ));
            value(&o, "experiment.sample_size_per_arm")
        };
        // p = 0.6, 2% relative: δ = 0.6 × 0.02 = 0.012, mirrored to p = 0.4, p2 = 0.412.
        // √(2 × 0.4 × 0.6) = 0.692820; √(0.4 × 0.6 + 0.412 × 0.588) = √0.482256 = 0.694447;
        // (1.959964 × 0.692820 + 0.841621 × 0.694447)² = 1.942359² = 3.772759;
        // ÷ 0.012² = 26,199.7 → 26,200 per arm (the bug took δ from 0.4: 58,924).
        assert_eq!(n(0.6, "mde_relative = 0.02"), 26_200.0);
        // p = 0.95, 1%: δ = 0.0095, p = 0.05, p2 = 0.0595; √0.095 = 0.308221,
        // √(0.0475 + 0.0595 × 0.9405) = √0.10345975 = 0.321652;
        // (0.604107 + 0.270709)² = 0.765303 ÷ 0.0095² = 8,479.8 → 8,480 (not 2,986,813).
        assert_eq!(n(0.95, "mde_relative = 0.01"), 8_480.0);
        // The relative effect is the absolute one it names: 0.6 × 0.02 = 0.012.
        assert_eq!(n(0.6, "mde_absolute = 0.012"), 26_200.0);
        // Mirror: p and 1 − p with the same absolute δ need the same sample.
        for (p, d) in [(0.3, 0.01), (0.15, 0.004), (0.45, 0.02)] {
            let mde = format!("mde_absolute = {d}");
            assert_eq!(n(p, &mde), n(1.0 - p, &mde), "p = {p}, δ = {d}");
        }
    }

    #[test]
    fn experiment_on_a_mean_with_cuped() {
        // §1: σ = 60, δ = 0.3 (1% of 30): 15.697757 × 3,600 ÷ 0.09 = 627,910.3 → 627,911 per arm.
        let toml = |rho: f64| {
            format!(
                "{META}[experiment]\nbaseline_mean = 30\nstddev = 60\nmde_relative = 0.01\neligible_daily_users = \"1M\"\nallocation = 0.1\ncuped_correlation = {rho}\n"
            )
        };
        let o = outputs(&toml(0.0));
        close9(value(&o, "experiment.sample_size_per_arm"), 627_911.0);
        // 2 × 627,911 ÷ 100k = 12.55822 days.
        close9(value(&o, "experiment.duration"), 12.55822 * 86_400.0);
        // CUPED at ρ = 0.7: 627,910.3 × 0.51 = 320,234.2 → 320,235.
        let o = outputs(&toml(0.7));
        close9(value(&o, "experiment.sample_size_per_arm"), 320_235.0);
    }

    #[test]
    fn bonferroni_tests_each_comparison_at_alpha_over_arms_minus_one() {
        // 3 arms, α = 0.05: α' = 0.05 ÷ 2 = 0.025, z = Φ⁻¹(0.9875) = 2.241403, z_β = 0.841621.
        // p = 0.1, δ = 0.005: 2.241403 × √0.18 = 0.950946; 0.841621 × √(0.09 + 0.093975) = 0.360990;
        // (1.311936)² ÷ 0.005² = 1.721176 ÷ 2.5e-5 = 68,847.0 → 68,848 per arm.
        let toml = |correction: &str| {
            format!(
                "{META}[experiment]\nbaseline_rate = 0.1\nmde_relative = 0.05\narms = 3\neligible_daily_users = \"10M\"\ncorrection = \"{correction}\"\n"
            )
        };
        close9(
            value(
                &outputs(&toml("bonferroni")),
                "experiment.sample_size_per_arm",
            ),
            68_848.0,
        );
        // Uncorrected, z = 1.959964: 1.959964 × 0.424264 = 0.831542; (1.192532)² = 1.422133
        // ÷ 2.5e-5 = 56,885.3 → 56,886.
        close9(
            value(&outputs(&toml("none")), "experiment.sample_size_per_arm"),
            56_886.0,
        );
    }

    #[test]
    fn labelling_street_view() {
        // §6: 1M images × 3 boxes in 30 d at 35 s: 100k/day × 35 ÷ 21,600 = 162.04 → 163.
        let o = outputs(&format!(
            "{META}[labelling]\nitems = \"1M\"\ndeadline = \"30 d\"\nlabels_per_item = 3\nseconds_per_label = 35\nprice_per_label = \"$0.036\"\n"
        ));
        close9(value(&o, "labelling.annotators"), 163.0);
        close9(value(&o, "labelling.cost"), 108_000.0);
        // At 7 s: 100k × 7 ÷ 21,600 = 32.4 → 33.
        let o = outputs(&format!(
            "{META}[labelling]\nitems = \"1M\"\ndeadline = \"30 d\"\nlabels_per_item = 3\nseconds_per_label = 7\n"
        ));
        close9(value(&o, "labelling.annotators"), 33.0);
        // A stream: 1M items/day at 30 s ÷ 21,600 = 1,388.9 → 1,389 reviewers.
        let o = outputs(&format!(
            "{META}[labelling]\nitems_per_day = \"1M\"\nseconds_per_label = 30\n"
        ));
        close9(value(&o, "labelling.annotators"), 1389.0);
    }

    #[test]
    fn cache_under_zipf() {
        // §7: N = 10M, k = 100k, s = 1: (ln 1e5 + γ + 1/2e5) ÷ (ln 1e7 + γ + 1/2e7)
        // = 12.090146 ÷ 16.695311 = 0.724164; backend 100k × 0.275836 = 27,584/s.
        let toml = |s: f64| {
            format!(
                "{META}[traffic]\nqps = \"50k/s\"\n[cache]\nitems = \"10M\"\ncached_items = \"100k\"\nzipf_s = {s}\nitem_size = \"2 KB\"\n"
            )
        };
        let o = outputs(&toml(1.0));
        near(value(&o, "cache.hit_ratio"), 0.724_164);
        near(value(&o, "cache.backend_qps"), 27_583.6);
        // 100k × 2 KB (napkin's KB = 1,000 B) = 200 MB.
        close9(value(&o, "cache.memory"), 2e8);
        // s = 0: uniform popularity, the hit ratio is k ÷ N = 100k ÷ 10M = 1%, exactly.
        let o = outputs(&toml(0.0));
        assert_eq!(value(&o, "cache.hit_ratio"), 0.01);
        assert!(super::working(&o, "cache.hit_ratio")[0].contains("uniform popularity"));
        // s = 0.8: hit 0.376.
        let o = outputs(&toml(0.8));
        assert!((value(&o, "cache.hit_ratio") - 0.376).abs() < 5e-4);
    }

    #[test]
    fn ml_warnings() {
        use napkin::estimate::{estimate, warnings};
        let ids = |toml: &str| -> Vec<&'static str> {
            let s = scenario(toml);
            warnings(&s, &estimate(&s), napkin::units::Style::Decimal)
                .into_iter()
                .map(|w| w.id)
                .collect()
        };
        // 600M × 10B = 6e18 FLOPs ÷ (312e12 × 0.4) = 48,077 s = 13.4 h on 1 device: inside a
        // daily schedule, longer than an hourly one.
        let base = format!(
            "{META}[training]\nflops_per_example = \"600M\"\nexamples = \"10B\"\ndevice = \"A100\"\n"
        );
        assert!(
            !ids(&format!("{base}retrain_every = \"1 d\"\n"))
                .contains(&"training.slower_than_schedule")
        );
        assert!(
            ids(&format!("{base}retrain_every = \"1 h\"\n"))
                .contains(&"training.slower_than_schedule")
        );
        // 1.536 TB of Adam tables need 24 devices; devices = 1.
        let w = ids(&format!(
            "{base}[[embedding_table]]\nname = \"u\"\nrows = \"1B\"\ndim = 128\n"
        ));
        assert!(w.contains(&"embedding_tables.more_devices"), "{w:?}");
        // 2 × 120,146 ÷ (1M × 0.005 = 5k a day) = 48 days > 28.
        let w = ids(&format!(
            "{META}[experiment]\nbaseline_rate = 0.05\nmde_relative = 0.05\neligible_daily_users = \"1M\"\nallocation = 0.005\n"
        ));
        assert!(w.contains(&"experiment.too_long"), "{w:?}");
        // Three arms uncorrected: 1 − 0.95² = 9.75% family-wise; Bonferroni silences it.
        let arms = |extra: &str| {
            let s = scenario(&format!(
                "{META}[experiment]\nbaseline_rate = 0.1\nmde_relative = 0.05\narms = 3\neligible_daily_users = \"10M\"\n{extra}"
            ));
            warnings(&s, &estimate(&s), napkin::units::Style::Decimal)
                .into_iter()
                .find(|w| w.id == "experiment.multiple_comparisons")
        };
        let w = arms("").expect("three uncorrected arms are flagged");
        assert!(w.message.contains("9.75%"), "{}", w.message);
        assert!(arms("correction = \"bonferroni\"\n").is_none());
        // 6e18 ÷ (312e12 × 0.4) = 48,077 s = 13.4 h a run, one starting every hour:
        // ⌈13.4⌉ = 14 runs at once on 1 device each = 14 devices.
        let s = scenario(&format!("{base}retrain_every = \"1 h\"\n"));
        let w = warnings(&s, &estimate(&s), napkin::units::Style::Decimal)
            .into_iter()
            .find(|w| w.id == "training.slower_than_schedule")
            .unwrap();
        assert!(w.message.contains("on 1 device but"), "{}", w.message);
        assert!(
            w.message.contains("14 runs overlap, 14 devices at once"),
            "{}",
            w.message
        );
        // 50k/s × 86,400 = 4.32B requests a day over 10M items (s = 1): 4.32e9 ÷ 16.7 = 259M ≥ 10M,
        // so every item is requested daily: a 100k cache is smaller than the hot set; a 10M one is not.
        let cache = |k: &str| {
            format!(
                "{META}[traffic]\nqps = \"50k/s\"\n[cache]\nitems = \"10M\"\ncached_items = \"{k}\"\nitem_size = \"2 KB\"\n"
            )
        };
        assert!(ids(&cache("100k")).contains(&"cache.smaller_than_hot_set"));
        assert!(!ids(&cache("10M")).contains(&"cache.smaller_than_hot_set"));
    }
}

/// The working of output `id`, one line a step.
fn working(outs: &[Output], id: &str) -> Vec<String> {
    outs.iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no output {id}"))
        .steps
        .iter()
        .map(common::text)
        .collect()
}

fn shown(o: &Output) -> String {
    napkin::units::Human::new(o.value, o.kind).to_string()
}

#[test]
fn growth_per_day_reads_per_day() {
    use napkin::units::Kind;
    let outs = outputs(include_str!("../../presets/twitter.toml"));
    // 30M new media a day × 1 MB × 1 copy = 3e13 B a day.
    for id in ["storage.media.growth_per_day", "storage.growth_per_day"] {
        let o = outs.iter().find(|o| o.id == id).unwrap();
        assert_eq!(o.kind, Kind::SizePerDay, "{id}");
        assert_eq!(o.kind.base_unit(), "B/day");
        assert_eq!(shown(o), "30 TB/day", "{id}");
    }
    assert_eq!(
        working(&outs, "storage.growth_per_day"),
        ["30 TB/day corpora = 30 TB/day"]
    );
    // Kept for 5 years: 30 TB/day × 1,825 days = 54.75 PB, a size.
    assert_eq!(
        working(&outs, "storage.media.retained_growth"),
        ["30 TB/day × 1,825 days retention = 54.8 PB"]
    );
}

#[test]
fn uploads_read_per_day_without_a_space() {
    let outs = outputs(include_str!("../../presets/twitter.toml"));
    // 30M/day × 1e6 B ÷ 86,400 s × 2 = 694,444 B/s = 694 MB/s.
    let ingress = working(&outs, "bandwidth.ingress");
    assert!(
        ingress.contains(
            &"uploads to media: 30M/day × 1 MB ÷ 86,400 s × peak 2 = 694 MB/s".to_string()
        ),
        "{ingress:?}"
    );
}

#[test]
fn the_latency_working_starts_with_the_first_part_of_the_path() {
    // No overhead: the first stage stands alone, the next adds to it (30 + 50 = 80 ms).
    let outs = outputs(&format!("{META}{FLEET}"));
    assert_eq!(
        working(&outs, "latency.total"),
        ["retrieval 30 ms", "+ ranking 50 ms = 80 ms"]
    );
    // With an overhead, the overhead comes first and every stage adds to it.
    let outs = outputs(&format!("{META}{FLEET}\n[serving]\noverhead = \"20 ms\"\n"));
    assert_eq!(
        working(&outs, "latency.total"),
        [
            "overhead (network, serialisation): 20 ms",
            "+ retrieval 30 ms = 50 ms",
            "+ ranking 50 ms = 100 ms"
        ]
    );
}

#[test]
fn fractions_in_the_working_are_percentages() {
    let outs = outputs(&format!(
        "{META}{}",
        FLEET.replace("kind = \"flat\"", "kind = \"flat\"\nshards = 8")
    ));
    // P(all 8 fast) = 0.99^8 = 0.922745 → 92.3%; each shard fast 0.99^(1/8) = 0.998744 → the
    // gap to 100% is 0.1256%, two figures 0.13: 99.874 → "99.87%".
    let tail = working(&outs, "latency.fanout_slow_fraction");
    assert_eq!(tail[0], "P(all 8 shards fast) = 99%^8 = 92.3%");
    assert!(tail[2].ends_with("= 99.87% of the time"), "{}", tail[2]);
    // Utilisation and headroom as percentages, never 0.6 or 0.7.
    let servers = working(&outs, "fleet.ranking.servers").join("\n");
    assert!(servers.contains("× 60% utilisation)"), "{servers}");
    for o in &outs {
        for s in &o.steps {
            assert!(
                !common::text(s).contains(" 0.6 ") && !common::text(s).contains(" 0.7 "),
                "{}: {}",
                o.id,
                common::text(s)
            );
        }
    }
}

#[test]
fn sizes_past_exabytes_keep_a_unit() {
    // 4e12 items × 1 GB = 4e21 B (4,000 EB): past the largest prefix, in scientific form.
    let outs = outputs(&format!(
        "{META}[[corpus]]\nname = \"huge\"\nitems = \"4T\"\nitem_size = \"1 GB\"\n"
    ));
    let o = outs.iter().find(|o| o.id == "storage.huge").unwrap();
    assert_eq!(shown(o), "4e21 B");
    assert_eq!(
        working(&outs, "storage.huge"),
        ["4T items × 1 GB × 1 copy = 4e21 B"]
    );
}

#[test]
fn tiny_values_are_written_without_an_exponent() {
    // One request a day: 1 ÷ 86,400 s = 0.0000115741/s → "0.0000116/s".
    let outs = outputs(&format!(
        "{META}[traffic]\ndau = 1\nrequests_per_user_per_day = 1\n"
    ));
    let o = outs.iter().find(|o| o.id == "traffic.avg_qps").unwrap();
    assert_eq!(shown(o), "0.0000116/s");
    assert!(
        working(&outs, "traffic.avg_qps")
            .iter()
            .all(|s| !s.contains("e-")),
        "{:?}",
        working(&outs, "traffic.avg_qps")
    );
}

#[test]
fn the_faiss_engine_entry_is_index_memory_in_every_preset() {
    for preset in napkin::presets::builtin() {
        let s = preset.load().unwrap();
        let (e, outs) = estimate::explain(&s);
        let Some(ix) = e.index else { continue };
        let memory = value(&outs, "index.memory");
        assert_eq!(value(&outs, "index.engine.faiss"), memory, "{}", preset.id);
        assert_eq!(ix.engines[0], Some(memory), "{}", preset.id);
        // The silent path computes what the derivation shows.
        for (i, engine) in estimate::engines::Engine::ALL.iter().enumerate() {
            let id = format!("index.engine.{}", engine.key());
            let shown = outs.iter().find(|o| o.id == id).map(|o| o.value);
            assert_eq!(shown, ix.engines[i], "{}: {id}", preset.id);
        }
    }
}

#[test]
fn engines_size_the_same_hnsw_index_from_the_scenario() {
    let outs = index_case(
        "kind = \"hnsw\"\nhnsw_m = 16",
        "vectors = \"1M\"\ndim = 128",
    );
    // Faiss 656.2667 B (above) × 1M; OpenSearch 1.1 × (512 + 8 × 16) = 704 B × 1M;
    // Elasticsearch, int8_hnsw by default under 384 dims: (128 + 16) + 4 × 16 = 208 B × 1M;
    // Weaviate 512 + 10 × 16 = 672 B × 1M; Qdrant (512 + 16 × 2 × 4 × 1.2 = 153.6 + 52 id
    // tracker) × 1.2 headroom = 717.6 × 1.2 = 861.12 B × 1M.
    close9(
        value(&outs, "index.engine.faiss"),
        1e6 * (640.0 + 64.0 / 15.0 + 12.0),
    );
    close9(value(&outs, "index.engine.opensearch"), 704e6);
    close9(value(&outs, "index.engine.elasticsearch"), 208e6);
    close9(value(&outs, "index.engine.weaviate"), 672e6);
    close9(value(&outs, "index.engine.qdrant"), 861.12e6);
    // Each names its source in its working.
    let working = |id: &str| {
        outs.iter()
            .find(|o| o.id == id)
            .unwrap()
            .steps
            .iter()
            .map(common::text)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let qdrant = working("index.engine.qdrant");
    assert!(
        qdrant.contains(
            "qdrant/landing_page qdrant-landing/content/documentation/capacity-planning.md"
        ),
        "{qdrant}"
    );
    assert!(qdrant.contains("1.2 headroom"), "{qdrant}");
    assert!(!qdrant.contains("1.5"), "the old rule is gone: {qdrant}");
    assert!(working("index.engine.hnswlib").contains("nmslib/hnswlib hnswlib/hnswalg.h"));
    assert!(working("index.engine.pgvector").contains("pgvector/pgvector src/hnsw.h"));
    let milvus = working("index.engine.milvus");
    assert!(milvus.contains("sizingTool.ts"), "{milvus}");
    assert!(milvus.contains("query-node loading memory"), "{milvus}");
    assert!(milvus.contains("mmap"), "{milvus}");
    let elastic = working("index.engine.elasticsearch");
    assert!(elastic.contains("int8_hnsw, the default"), "{elastic}");
    assert!(elastic.contains("not the default"), "{elastic}");
    let weaviate = working("index.engine.weaviate");
    assert!(weaviate.contains("rule of thumb"), "{weaviate}");
    assert!(weaviate.contains("headline"), "{weaviate}");
    assert!(working("index.engine.opensearch").contains("on_disk"));
    assert!(working("index.engine.faiss").contains("IndexHNSWFlat"));
    // An IVF index: no hnswlib, Qdrant, Weaviate or Elasticsearch entry.
    let ivf = index_case("kind = \"ivf_flat\"", "vectors = \"1M\"\ndim = 128");
    for absent in ["hnswlib", "qdrant", "weaviate", "elasticsearch"] {
        let id = format!("index.engine.{absent}");
        assert!(ivf.iter().all(|o| o.id != id), "{id}");
    }
    for present in ["faiss", "milvus", "opensearch", "pgvector"] {
        let id = format!("index.engine.{present}");
        assert!(ivf.iter().any(|o| o.id == id), "{id}");
    }
}

#[test]
fn a_section_without_what_it_needs_says_why() {
    // A feature store and a cache with no [traffic]: memory alone sizes the store, and the
    // working says why there are no lookups and no backend QPS instead of writing 0/s.
    let outs = outputs(&format!(
        "{META}[cache]\nitems = \"1M\"\ncached_items = \"100k\"\nitem_size = \"1 KB\"\n\
         [feature_store]\nentities = \"1M\"\nfeatures_per_entity = 100\nnode_memory = \"64 GiB\"\n"
    ));
    let nodes = working(&outs, "feature_store.nodes").join("\n");
    assert!(nodes.contains("no lookups to size for"), "{nodes}");
    assert!(!nodes.contains("0/s"), "{nodes}");
    let memory = working(&outs, "cache.memory").join("\n");
    assert!(
        memory.contains("no backend QPS") && memory.contains("no [traffic]"),
        "{memory}"
    );
    // Tables with no [training] say why no devices are sized.
    let outs = outputs(&format!(
        "{META}[[embedding_table]]\nname = \"u\"\nrows = \"1B\"\ndim = 128\n"
    ));
    assert!(!outs.iter().any(|o| o.id == "embedding_tables.devices"));
    let all = working(&outs, "embedding_tables.memory").join("\n");
    assert!(
        all.contains("devices not sized") && all.contains("no [training]"),
        "{all}"
    );
    // "1 table", not "1 tables".
    assert!(all.contains("sum over 1 table ="), "{all}");
}
