//! Two or more headline numbers per built-in preset, each worked out by hand from the preset's
//! inputs in the comment beside it.

use napkin::estimate::{self, Output};
use napkin::presets;

fn outputs(id: &str) -> Vec<Output> {
    let p = presets::builtin()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no preset {id}"));
    estimate::explain(&p.load().unwrap()).1
}

/// Asserts `id` is within 0.1% of `expected` (the hand arithmetic keeps three or four figures).
fn near(outs: &[Output], id: &str, expected: f64) {
    let v = outs
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no output {id}"))
        .value;
    assert!(
        ((v - expected) / expected).abs() < 1e-3,
        "{id}: expected {expected}, got {v}"
    );
}

#[test]
fn visual_search() {
    let o = outputs("visual-search");
    // 600M searches/month ÷ (30 × 86,400 s) = 231.5/s × 2 peak = 463.0/s.
    near(&o, "traffic.peak_qps", 600e6 / (30.0 * 86_400.0) * 2.0);
    // binary 256-d: 32 B + 8 B list id = 40 B × 200B vectors = 8e12 B, + 2^21 binary centroids × 32 B = 67 MB.
    near(&o, "index.memory", 200e9 * 40.0 + 2_097_152.0 * 32.0);
    // ⌈8.0 TB ÷ (1 TiB × 0.7 = 769.7 GB)⌉ = ⌈10.39⌉ = 11 shards.
    near(&o, "index.shards", 11.0);
}

#[test]
fn street_view_blurring() {
    let o = outputs("street-view-blurring");
    // 40M images/day in a 12 h (43,200 s) window = 925.9/s ÷ (200 × 0.7 = 140) = 6.6 → 7, + 1 spare = 8.
    near(&o, "fleet.detect_and_blur.servers", 8.0);
    // 603M/day × 365 d = 220.1B per yearly run in 180 d (15,552,000 s) = 14,152/s ÷ 140 = 101.1 → 102, + 1 = 103.
    near(&o, "fleet.archive_reblur.servers", 103.0);
}

#[test]
fn youtube_video_search() {
    let o = outputs("youtube-video-search");
    // 1B DAU × 3 searches ÷ 86,400 × 2 = 69,444/s.
    near(&o, "traffic.peak_qps", 1e9 * 3.0 / 86_400.0 * 2.0);
    // DiskANN 768-d f32, R = 64: node 65 × 4 + 3,072 = 3,332 B, one per 4 KiB sector → 1B × 4,096 B.
    near(&o, "index.disk", 4.096e12);
    // text index: 1B videos × 100 terms × 4 B × 6 copies = 2.4e12 B.
    near(&o, "storage.text_index", 2.4e12);
}

#[test]
fn harmful_content_detection() {
    let o = outputs("harmful-content-detection");
    // 500M posts/day ÷ 86,400 × 2 = 11,574/s.
    near(&o, "traffic.peak_qps", 500e6 / 86_400.0 * 2.0);
    // hourly batch: 500M × 1 h ÷ 24 h = 20.83M per run in 30 min = 11,574/s ÷ 6,000 = 1.93 → 2, + 1 = 3.
    near(&o, "fleet.hourly_rescoring.servers", 3.0);
}

#[test]
fn video_recommendation() {
    let o = outputs("video-recommendation");
    // 1B DAU × 5 ÷ 86,400 × 2 = 115,741/s.
    near(&o, "traffic.peak_qps", 1e9 * 5.0 / 86_400.0 * 2.0);
    // IVF-PQ 32 B + 8 B id = 40 B × 10B = 4e11, + 2^19 lists × 1,024 B centroids = 536,870,912
    // + codebook 256 × 256 × 4 = 262,144 (the table 2^19 × 32 × 256 × 4 = 17 GB is not kept) = 400,537,133,056 B.
    near(&o, "index.memory", 4e11 + 536_870_912.0 + 262_144.0);
    // ⌈400.5 GB ÷ (256 GiB × 0.7 = 192.4 GB)⌉ = 3 shards; per region 38,580/s ÷ (5,000 × 0.6) = 12.9 → 13, + 1 = 14;
    // 3 × 14 × 3 regions = 126 nodes.
    near(&o, "index.nodes", 126.0);
}

#[test]
fn event_recommendation() {
    let o = outputs("event-recommendation");
    // 1M DAU × 5 ÷ 86,400 × 2 = 115.7/s.
    near(&o, "traffic.peak_qps", 1e6 * 5.0 / 86_400.0 * 2.0);
    // 30 GB + 722.7 GB + 3.65 TB + 438 GB = 4.8407 TB.
    near(&o, "storage.total", 30e9 + 722.7e9 + 3.65e12 + 438e9);
}

#[test]
fn ad_click_prediction() {
    let o = outputs("ad-click-prediction");
    // 750M DAU × 10 ÷ 86,400 × 2 = 173,611/s.
    near(&o, "traffic.peak_qps", 750e6 * 10.0 / 86_400.0 * 2.0);
    // 15B impressions/day × 1 KB × 90 d = 1.35e15 B.
    near(&o, "storage.log.impressions", 1.35e15);
    // 312e12 FLOP/s × 0.1 × 8 GPUs ÷ 40M FLOP = 6.24M items/s per server; per region 57.87M/s ÷ (6.24M × 0.6)
    // = 15.5 → 16, + 1 = 17 × 3 regions = 51.
    near(&o, "fleet.ranking.servers", 51.0);
}

#[test]
fn similar_listings() {
    let o = outputs("similar-listings");
    // 5M listings × 32 × 4 B = 640 MB (the book's derived number).
    near(&o, "storage.embeddings", 640e6);
    // HNSW M = 16: 128 + 128 + 64/15 + 12 = 272.27 B × 5M = 1.3613 GB.
    near(
        &o,
        "index.memory",
        5e6 * (128.0 + 128.0 + 64.0 / 15.0 + 12.0),
    );
}

#[test]
fn personalized_news_feed() {
    let o = outputs("personalized-news-feed");
    // the book: 2B DAU × 2 loads/day = 4B/day ÷ 86,400 = 46,296/s; × 2 = 92,593/s.
    near(&o, "traffic.avg_qps", 4e9 / 86_400.0);
    near(&o, "traffic.peak_qps", 4e9 / 86_400.0 * 2.0);
    // graph: 3B users × 190 friends × 8 B = 4.56e12 B.
    near(&o, "storage.graph", 4.56e12);
}

#[test]
fn people_you_may_know() {
    let o = outputs("people-you-may-know");
    // the book: 1B users × 1,000 connections × 8 B = 8e12 B; friends of friends 1,000² = 1M.
    near(&o, "storage.graph", 8e12);
    near(&o, "graph.friends_of_friends", 1e6);
    // 300M users × 1M pairs = 3e14 in 12 h = 6.944e9/s ÷ (50M × 0.7) = 198.4 → 199, + 1 = 200.
    near(&o, "fleet.fof_expansion.servers", 200.0);
}

#[test]
fn spam_detection() {
    let o = outputs("spam-detection");
    // 1.5B users × 50 messages ÷ 86,400 × 2 = 1,736,111/s.
    near(&o, "traffic.peak_qps", 1.5e9 * 50.0 / 86_400.0 * 2.0);
    // 312e12 × 0.3 × 8 ÷ 5e9 FLOP = 149,760/s per server; per region 578,704/s × 0.5 items = 289,352/s; ⌈289,352 ÷ 89,856⌉ = 4, + 1 = 5 × 3 regions = 15.
    near(&o, "fleet.content_classifier.servers", 15.0);
}

#[test]
fn fraud_detection() {
    let o = outputs("fraud-detection");
    // 348M transactions/day ÷ 86,400 × 3 = 12,083/s.
    near(&o, "traffic.peak_qps", 348e6 / 86_400.0 * 3.0);
    // failover over 2 regions: each carries 12,083/s; ⌈12,083 ÷ 12,000⌉ = 2, + 1 = 3 × 2 = 6.
    near(&o, "fleet.risk_scoring.servers", 6.0);
    // The feature store holds 1B profiles × 1 KB × 3 replicas = 3e12 B in RAM: a 256 GiB node
    // (2.749e11 B) × 0.7 = 1.924e11 B usable, ⌈3e12 ÷ 1.924e11⌉ = ⌈15.6⌉ = 16 nodes, more than
    // the 1 its 36k lookups/s need; (16 + 1) × 2 regions = 34.
    near(&o, "fleet.feature_lookup.servers", 34.0);
}

#[test]
fn twitter() {
    let o = outputs("twitter");
    // 150M × 2 ÷ 86,400 = 3,472/s; 30 TB/day of media.
    near(&o, "traffic.avg_qps", 3_472.2);
    near(&o, "storage.growth_per_day", 30e12);
}

// The ML sections (ml.md). Hand-worked in /work/wt/ml-presets.md's working, re-checked here.

#[test]
fn ad_click_prediction_ml() {
    let o = outputs("ad-click-prediction");
    // 15B × 0.01 = 150M positives + 15B × 0.99 × 0.025 = 371.25M negatives = 521.25M a day.
    near(&o, "sampling.examples_per_day", 5.2125e8);
    // 0.01 ÷ (0.01 + 0.99 × 0.025 = 0.03475) = 0.28777.
    near(&o, "sampling.positive_share", 0.01 / 0.03475);
    // 0.5 ÷ (0.5 + 0.5 ÷ 0.025 = 20) = 0.5 ÷ 20.5 = 0.024390.
    near(&o, "sampling.recalibrated", 0.5 / 20.5);
    // 521.25M/day × 300 s ÷ 86,400 s = 1,809,896 examples × 120M FLOPs = 2.171875e14.
    near(&o, "training.flops", 2.171875e14);
    // 2.171875e14 ÷ (312e12 × 0.1 = 3.12e13) = 6.9611 s; ÷ 8 devices = 0.87014 s.
    near(&o, "training.device_time", 6.961_138);
    near(&o, "training.wall_time", 0.870_142);
    // 6.9611 s ÷ 3,600 = 0.0019336 h × $2.79 = $0.0053949; × (30 d ÷ 5 min = 8,640 runs) = $46.61.
    near(&o, "training.cost", 0.005_394_88);
    near(&o, "training.cost_per_month", 46.61);
    // users: 750M × 64 × 4 B = 192 GB + 750M × 4 B (row-wise Adagrad) = 195 GB.
    near(&o, "embedding_tables.users", 1.95e11);
    // ads: 10M × 64 × 4 B = 2.56 GB × (1 + 1 Adagrad copy) = 5.12 GB; total 200.12 GB.
    near(&o, "embedding_tables.ads", 5.12e9);
    near(&o, "embedding_tables.memory", 2.0012e11);
    // ⌈200.12 GB ÷ (80 GB × 0.8 = 64 GB)⌉ = ⌈3.127⌉ = 4.
    near(&o, "embedding_tables.devices", 4.0);
    // Evan Miller, p = 0.01, δ = 1e-4: (1.959964 × √0.0198 + 0.841621 × √(0.0099 + 0.0101 × 0.9899))²
    // = (1.959964 × 0.1407125 + 0.841621 × 0.1410602)² = 0.3945106² = 0.1556386, ÷ 1e-8 = 15,563,864
    // (15,563,867 rounded up with exact quantiles; near() allows 0.1%).
    near(&o, "experiment.sample_size_per_arm", 15_563_864.0);
    // 2 × 15.5639M ÷ (750M × 0.01 = 7.5M a day) = 4.150 days.
    near(&o, "experiment.duration", 4.150 * 86_400.0);
}

#[test]
fn video_recommendation_ml() {
    let o = outputs("video-recommendation");
    // videos: 10B × 256 × 4 B = 10.24 TB + 10B × 4 B = 40 GB → 10.28 TB; users 1B × 1,028 B = 1.028 TB.
    near(&o, "embedding_tables.videos", 1.028e13);
    near(&o, "embedding_tables.memory", 1.1308e13);
    // ⌈11.308 TB ÷ 64 GB⌉ = ⌈176.69⌉ = 177 (≤ 192 devices).
    near(&o, "embedding_tables.devices", 177.0);
    // 6 × 20M × (10B/day × 7 d = 70B) = 8.4e18 FLOPs; ÷ (312e12 × 0.2) = 134,615 s = 37.39 h.
    near(&o, "training.flops", 8.4e18);
    near(&o, "training.device_time", 134_615.4);
    // 134,615 s ÷ 192 = 701.1 s; 37.393 h × $2.79 = $104.33; × 30 = $3,129.8.
    near(&o, "training.wall_time", 701.1);
    near(&o, "training.cost_per_month", 3_129.8);
    // H(1e7) = ln 1e7 + γ + 1/(2e7) = 16.695311; H(1e10) = 23.603067; hit = 0.707337.
    near(&o, "cache.hit_ratio", 0.707_337);
    // 1B × 5 ÷ 86,400 × 2 = 115,740.7/s × (1 − 0.707337) = 33,873/s.
    near(&o, "cache.backend_qps", 33_873.1);
    // 10M × 2,000 B = 20 GB.
    near(&o, "cache.memory", 2e10);
    // 2 × 7.849 × 120² ÷ 0.3² = 2,511,641 × (1 − 0.49) = 1,280,937; × 2 ÷ (1B × 0.001) = 2.562 d.
    near(&o, "experiment.sample_size_per_arm", 1_280_937.0);
    near(&o, "experiment.duration", 2.562 * 86_400.0);
}

#[test]
fn labelling_presets() {
    let o = outputs("street-view-blurring");
    // 1M × 3 boxes ÷ 30 d = 100k labels/day × 35 s = 3.5M s ÷ 21,600 s = 162.04 → 163.
    near(&o, "labelling.annotators", 163.0);
    // 1M × 3 × $0.012 = $36,000.
    near(&o, "labelling.cost", 36_000.0);
    let o = outputs("harmful-content-detection");
    // 10k/day × 1 × 30 s = 300,000 s ÷ 21,600 = 13.9 → 14; 10k × $0.04 = $400 a day.
    near(&o, "labelling.annotators", 14.0);
    near(&o, "labelling.cost", 400.0);
}

#[test]
fn sampling_presets() {
    let o = outputs("fraud-detection");
    // 348M × 0.001727 = 600,996 + 348M × 0.998273 × 0.02 = 6,947,980 → 7,548,976 a day.
    near(&o, "sampling.examples_per_day", 7_548_976.0);
    // 0.001727 ÷ 0.02169246 = 0.0796129; 0.5 ÷ (0.5 + 25) = 0.0196078.
    near(&o, "sampling.positive_share", 0.079_612_9);
    near(&o, "sampling.recalibrated", 0.5 / 25.5);
    let o = outputs("spam-detection");
    // No downsampling: 1B kept, share = the base rate 0.4499, a score stays 0.5.
    near(&o, "sampling.examples_per_day", 1e9);
    near(&o, "sampling.positive_share", 0.4499);
    near(&o, "sampling.recalibrated", 0.5);
}

#[test]
fn personalized_news_feed_feature_store() {
    let o = outputs("personalized-news-feed");
    // 5B × (140 B + 100 × 13 B = 1,440 B) = 7.2 TB one copy.
    near(&o, "feature_store.memory", 7.2e12);
    // 2B × 2 ÷ 86,400 × 2 = 92,592.6/s × 501 × 2 = 9.2778e7/s.
    near(&o, "feature_store.lookups", 9.277_778e7);
    // memory: ⌈7.2e12 ÷ (64 × 2^30 × 0.7 = 4.8104e10)⌉ = 150 × 2 copies = 300;
    // lookups: ⌈9.2778e7 ÷ 150k⌉ = ⌈618.5⌉ = 619; the larger: 619.
    near(&o, "feature_store.nodes", 619.0);
}
