//! Practising like the interview: a case study walked in order, the slip named when an answer
//! matches a known mistake, and answers of the wrong unit asked again without the answer. Every
//! answer below is built by hand from the video-recommendation preset's numbers (1B DAU, 5
//! requests a day, peak 2×, 10B videos of 50 MB kept 3 times, 10B f32 vectors of 256 dimensions,
//! 3 regions, N+1 spares), with the arithmetic in a comment.

use crate::common;
use common::napkin_in;

use napkin::drill::coach::{self, Attempt};
use napkin::drill::question::Question;
use napkin::drill::slips::SlipKind;
use napkin::drill::walk::{self, Walk};
use napkin::presets;

fn video() -> Walk {
    let p = presets::builtin()
        .into_iter()
        .find(|p| p.id == "video-recommendation")
        .unwrap();
    walk::build(&p.id, &p.load().unwrap()).unwrap()
}

fn step<'a>(w: &'a Walk, output: &str) -> &'a Question {
    w.steps
        .iter()
        .find(|q| q.output == output)
        .unwrap_or_else(|| panic!("no step on {output}"))
}

/// The slip an answer to `output` is judged to match.
fn slip_of(output: &str, answer: &str) -> Option<SlipKind> {
    let w = video();
    match coach::attempt(step(&w, output), answer) {
        Attempt::Judged(j) => j.slip.map(|s| s.kind),
        other => panic!("{answer}: {other:?}"),
    }
}

#[test]
fn the_walk_goes_in_interview_order() {
    let w = video();
    let ids: Vec<String> = w.steps.iter().map(|q| q.output.to_string()).collect();
    assert_eq!(&ids[..2], ["traffic.avg_qps", "traffic.peak_qps"]);
    let pos = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    assert!(pos("traffic.peak_qps") < pos("storage.videos"));
    assert!(pos("storage.total") < pos("bandwidth.ingress"));
    assert!(pos("bandwidth.egress") < pos("index.memory"));
    assert!(pos("index.nodes") < pos("fleet.ranking.servers"));
    assert!(pos("fleet.total_servers") < pos("latency.total"));
    // The scenario's own numbers: 1B × 5 ÷ 86,400 = 57,870.4/s, as `napkin calc` shows.
    assert!((w.steps[0].truth - 5e9 / 86_400.0).abs() < 1e-6);
    // The first step states DAU and requests; the peak step only what is new, the peak factor.
    assert!(w.steps[0].prompt.contains("1B daily active users"));
    assert!(w.steps[1].prompt.contains("2×") && !w.steps[1].prompt.contains("1B"));
}

#[test]
fn the_working_is_the_whole_chain() {
    let w = video();
    let q = step(&w, "fleet.ranking.servers");
    let texts: Vec<String> = q
        .steps
        .iter()
        .map(|s| napkin::report::working::text(s, napkin::units::Style::Decimal))
        .collect();
    // average → peak → per region → items → per server → servers.
    assert!(texts[0].contains("1B DAU × 5"), "{texts:#?}");
    assert!(texts.iter().any(|t| t.contains("peak factor 2")));
    assert!(texts.iter().any(|t| t.contains("per region")));
    assert!(texts.last().unwrap().contains("3,864 servers"));
}

#[test]
fn forgot_the_peak_factor() {
    // 1B × 5 ÷ 86,400 = 57.9k/s: the average, not × 2.
    assert_eq!(
        slip_of("traffic.peak_qps", "57.9k"),
        Some(SlipKind::PeakFactor)
    );
}

#[test]
fn forgot_replication() {
    // 10B × 50 MB = 500 PB: one copy, not 3.
    assert_eq!(
        slip_of("storage.videos", "500 PB"),
        Some(SlipKind::Replication)
    );
}

#[test]
fn forgot_the_regions() {
    // re-ranking: ⌈38.6k/s × 100 ÷ (200k × 0.6)⌉ = 33, + 1 spare = 34 in one region (× 3 = 102).
    assert_eq!(
        slip_of("fleet.re_ranking.servers", "34"),
        Some(SlipKind::Regions)
    );
    // Index nodes: 3 shards × 14 replicas = 42 in one region (× 3 = 126).
    assert_eq!(slip_of("index.nodes", "42"), Some(SlipKind::Regions));
}

#[test]
fn forgot_the_spares() {
    // ranking: 1,287 servers a region without the N+1 spare, × 3 regions = 3,861 (not 3,864).
    assert_eq!(
        slip_of("fleet.ranking.servers", "3861"),
        Some(SlipKind::Spares)
    );
    // index: ⌈38.6k/s ÷ (5k/s × 0.6)⌉ = 13 replicas a region, without the spare (not 14).
    assert_eq!(slip_of("index.replicas", "13"), Some(SlipKind::Spares));
    // 3,800 is simply close to 3,864, not the spares slip.
    assert_eq!(slip_of("fleet.ranking.servers", "3800"), None);
}

#[test]
fn ten_to_the_five_is_the_napkin_shortcut() {
    // 5B req/day ÷ 10^5 s = 50k/s (exactly: ÷ 86,400 = 57.9k/s).
    let w = video();
    let Attempt::Judged(j) = coach::attempt(step(&w, "traffic.avg_qps"), "50k") else {
        panic!()
    };
    let slip = j.slip.clone().unwrap();
    assert_eq!(slip.kind, SlipKind::NapkinDay);
    assert!(slip.kind.is_fine());
    let text = coach::render(step(&w, "traffic.avg_qps"), &j);
    assert!(
        text.contains("Note: you used 10^5 s for a day: fine, that is the napkin shortcut"),
        "{text}"
    );
}

#[test]
fn bits_for_bytes() {
    // Egress 116k/s × 20 KB = 2.31 GB/s; in bits 2.31 × 8 = 18.5 G, written as bytes.
    assert_eq!(
        slip_of("bandwidth.egress", "18.5 GB/s"),
        Some(SlipKind::Bits)
    );
}

#[test]
fn gb_for_gib() {
    // One index copy: 10B × 40 B + 537 MB = 400,537,133,056 B = 373.0 GiB
    // (÷ 1,073,741,824), written as 373 GB: the number in GiB with the unit of GB. The unit is
    // named and the number scored as meant (373 GiB = 400.5 GB: on target).
    let w = video();
    let q = step(&w, "index.memory");
    let text = |answer: &str| {
        let Attempt::Judged(j) = coach::attempt(q, answer) else {
            panic!()
        };
        coach::render(q, &j)
    };
    let t = text("373 GB");
    assert!(
        t.contains("Unit error: GB is decimal (10^9); the number fits the binary unit (2^30)"),
        "{t}"
    );
    // "400.5 GiB" is the decimal number with a binary unit: 400.5 × 1.0737 = 430 GB.
    let t = text("400.5 GiB");
    assert!(
        t.contains("GiB is binary (2^30); the number fits the decimal unit"),
        "{t}"
    );
    // Without a unit to blame, 373 000 000 000 B (given in MB: 373,000 MB) is named by its
    // number: the GiB figure in GB.
    let Attempt::Judged(j) = coach::attempt(q, "373000 MB") else {
        panic!()
    };
    assert_eq!(j.slip.map(|s| s.kind), Some(SlipKind::Binary));
}

#[test]
fn a_thousand_off() {
    // 57,870/s written as 57.9 (per second): the k left off.
    assert_eq!(slip_of("traffic.avg_qps", "57.9"), Some(SlipKind::Thousand));
    // 1.5 EB written as 1.5 ZB would not read; 1,500 EB (a thousand too many) does.
    assert_eq!(
        slip_of("storage.videos", "1500 EB"),
        Some(SlipKind::Thousand)
    );
}

#[test]
fn per_day_for_per_second() {
    // 1B × 5 = 5B requests a day, given as the rate.
    assert_eq!(slip_of("traffic.avg_qps", "5B"), Some(SlipKind::PerDay));
    // Growth per day 5M × 50 MB × 3 = 750 TB/day; ÷ 86,400 = 8.68 GB: the per-second rate,
    // written as a day's, is a unit slip said as one and scored as meant.
    let w = video();
    match coach::attempt(step(&w, "storage.videos.growth_per_day"), "8.68 GB/day") {
        Attempt::Judged(j) => {
            let e = j.outcome.unit_error.unwrap();
            assert!(e.starts_with("per day for per second"), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn forgot_the_dtype_bytes() {
    // 10B vectors × 256 dims × 1 B = 2.56 TB; f32 takes 4 B a dimension: 10.24 TB.
    assert_eq!(
        slip_of("storage.embeddings", "2.56 TB"),
        Some(SlipKind::DtypeBytes)
    );
}

#[test]
fn right_answers_name_no_slip() {
    // 57,870/s, 1.5 EB, 3,864: the answers themselves.
    assert_eq!(slip_of("traffic.avg_qps", "57.87k"), None);
    assert_eq!(slip_of("storage.videos", "1.5 EB"), None);
    assert_eq!(slip_of("fleet.ranking.servers", "3864"), None);
}

/// `answer` to `output` is asked again, and the retry says neither the answer nor the working.
fn asked_again(output: &str, answer: &str) -> String {
    let w = video();
    let q = step(&w, output);
    match coach::attempt(q, answer) {
        Attempt::Retry(why) => {
            let truth = napkin::units::format::Human::new(q.truth, q.kind).to_string();
            assert!(!why.contains(&truth), "{why} reveals {truth}");
            assert!(!why.contains("Working"), "{why}");
            why
        }
        other => panic!("{answer}: {other:?}"),
    }
}

#[test]
fn unit_errors_are_asked_again() {
    // A size for a count of servers.
    assert!(asked_again("fleet.ranking.servers", "5 TB").contains("size"));
    // A duration for a rate.
    assert!(asked_again("traffic.avg_qps", "40 ms").contains("duration"));
    // 1k with no unit where a size is needed.
    assert!(asked_again("storage.videos", "1k").contains("no unit"));
    // A percentage for a count.
    assert!(asked_again("fleet.ranking.servers", "30%").contains("percentage"));
    // A plain number over 1 for a fraction: more than 1, not a size.
    let why = asked_again("latency.budget_used", "55");
    assert!(
        why.contains("more than 1") && !why.contains("size"),
        "{why}"
    );
}

#[test]
fn skip_and_reveal() {
    let w = video();
    let q = step(&w, "traffic.avg_qps");
    assert_eq!(coach::attempt(q, "  \n"), Attempt::Skip);
    assert_eq!(coach::attempt(q, "?"), Attempt::Reveal);
    let shown = coach::reveal(q);
    assert!(
        shown.contains("57.9k/s") && shown.contains("86,400"),
        "{shown}"
    );
}

#[test]
fn the_answer_is_shown_once_and_exact_reads_exact() {
    let w = video();
    // 3 shards: "Answer: 3", not "Answer: 3 (3)".
    let q = step(&w, "index.shards");
    assert_eq!(coach::answer_line(q), "Answer: 3");
    let Attempt::Judged(j) = coach::attempt(q, "3") else {
        panic!()
    };
    assert!(coach::render(q, &j).starts_with("You: 3 → exact. 100 points."));
}

#[test]
fn a_plain_walk_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    // Average 3k (19× low), then peak 6k: consistent with that average (× 2); a size for the
    // videos is asked again before 500 PB (forgot the 3 copies); the rest skipped.
    let out = napkin_in(dir.path())
        .args(["drill", "--case", "video-recommendation", "--plain"])
        .write_stdin("3k\n6k\n5\n500 PB\n?\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Step 1/"), "{out}");
    // 6k = 3k/s × 2: the peak follows from the average given.
    assert!(
        out.contains("Follows from your numbers: 3k/s average × peak factor 2 = 6k/s"),
        "{out}"
    );
    assert!(
        out.contains("because of your average QPS of 3k/s (napkin 57.9k/s)"),
        "{out}"
    );
    let videos = out.split("Storage: videos").nth(1).unwrap();
    let retry = videos.find("Try again").unwrap();
    assert!(!videos[..retry].contains("1.5 EB"), "{videos}");
    assert!(videos.contains("Slip: forgot replication"), "{videos}");
    assert!(out.contains("Revealed (not scored)"), "{out}");
    assert!(out.contains("Total: "), "{out}");
    // Kept in the history, and shown per case study by stats.
    let stats = napkin_in(dir.path()).arg("stats").assert().success();
    let text = String::from_utf8(stats.get_output().stdout.clone()).unwrap();
    assert!(text.contains("video-recommendation"), "{text}");
}

#[test]
fn case_and_its_filters_are_apart() {
    let dir = tempfile::tempdir().unwrap();
    napkin_in(dir.path())
        .args(["drill", "--case", "twitter", "--count", "3", "--plain"])
        .assert()
        .code(2);
    napkin_in(dir.path())
        .args([
            "drill",
            "--only-case",
            "twitter",
            "--count",
            "1",
            "--plain",
            "--seed",
            "1",
        ])
        .write_stdin("\n")
        .assert()
        .success();
}
