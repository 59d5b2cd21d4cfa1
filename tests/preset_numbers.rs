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
