//! The coach follows the candidate's own numbers: a walk's step is judged against napkin's
//! number and against what the candidate's earlier answers give (the estimate worked again with
//! them given), and a slip is named when a variant of the working, worked out, gives the answer.
//! Every expected number is worked by hand in a comment.

use napkin::drill::coach::{self, Attempt, Judged};
use napkin::drill::question::Question;
use napkin::drill::slips::SlipKind;
use napkin::drill::walk::{self, Row, Walk};
use napkin::presets;
use napkin::scenario::load_str;

fn preset_walk(id: &str) -> Walk {
    let p = presets::builtin().into_iter().find(|p| p.id == id).unwrap();
    walk::build(&p.id, &p.load().unwrap()).unwrap()
}

fn file_walk(toml: &str) -> Walk {
    let s = load_str(
        &format!("[meta]\nid = \"t\"\ntitle = \"T\"\n{toml}"),
        "t.toml",
    )
    .unwrap();
    walk::build("t", &s).unwrap()
}

fn step<'a>(w: &'a Walk, output: &str) -> &'a Question {
    w.steps
        .iter()
        .find(|q| q.output == output)
        .unwrap_or_else(|| panic!("no step on {output}"))
}

fn judged(w: &Walk, output: &str, answer: &str) -> Judged {
    match coach::attempt(step(w, output), answer) {
        Attempt::Judged(j) => *j,
        other => panic!("{answer}: {other:?}"),
    }
}

/// A walk run in plain text on `answers`, one a line (an empty line skips a step).
fn transcript(w: &Walk, answers: &[&str]) -> (String, Vec<Row>) {
    let mut input = answers.join("\n").into_bytes();
    input.push(b'\n');
    let mut out = Vec::new();
    let rows = walk::run(w, None, &mut input.as_slice(), &mut out, &mut Vec::new()).unwrap();
    (String::from_utf8(out).unwrap(), rows)
}

/// The transcript from step `label` to the next step.
fn at<'a>(text: &'a str, label: &str) -> &'a str {
    let from = text
        .find(&format!("] {label}\n"))
        .unwrap_or_else(|| panic!("no step {label}:\n{text}"));
    let rest = &text[from..];
    let to = rest[1..].find("\nStep ").map_or(rest.len(), |i| i + 1);
    &rest[..to]
}

#[test]
fn a_video_walk_follows_the_candidates_numbers() {
    // video-recommendation: nine steps skipped, then index memory 320 GB, shards 2, replicas 13,
    // nodes 78.
    let w = preset_walk("video-recommendation");
    let mut answers = vec![""; 9];
    answers.extend(["320 GB", "2", "13", "78", ""]);
    let (text, rows) = transcript(&w, &answers);
    // 256 GiB = 274.9 GB × 70% = 192.4 GB a node: ⌈320 ÷ 192.4⌉ = ⌈1.66⌉ = 2 shards follow
    // from 320 GB (napkin: ⌈401 ÷ 192.4⌉ = 3).
    let shards = at(&text, "Index shards");
    assert!(
        shards.contains(
            "Follows from your numbers: ⌈320 GB ÷ (275 GB node × 70% usable)⌉ = ⌈320 GB ÷ 192 GB⌉ = 2 shards"
        ),
        "{shards}"
    );
    // 116k/s ÷ 3 regions = 38.6k/s; ⌈38.6k ÷ (5k × 0.6)⌉ = ⌈12.9⌉ = 13: the spare forgotten.
    let replicas = at(&text, "Index replicas per region");
    assert!(replicas.contains("Slip: forgot the spares"), "{replicas}");
    // 2 × 13 × 3 = 78: what the candidate's shards and replicas give.
    let nodes = at(&text, "Index nodes");
    assert!(
        nodes.contains("Follows from your numbers: 2 shards × 13 replicas × 3 regions = 78 nodes"),
        "{nodes}"
    );
    assert!(
        nodes.contains(
            "your index shards of 2 (napkin 3) and your index replicas per region of 13 (napkin 14)"
        ),
        "{nodes}"
    );
    assert!(!nodes.contains("Likely slip"), "{nodes}");
    // The summary: the nodes score full marks for method, not for value (78 vs 126).
    let row = rows.iter().find(|r| r.label == "Index nodes").unwrap();
    assert_eq!((row.follows, row.method), (Some(true), Some(100.0)));
    assert!(row.points.unwrap() < 80.0, "{row:?}");
    assert!(
        text.contains("Where an early number sent you off (your method was right): Index shards"),
        "{text}"
    );
    assert!(
        text.contains("forgot the spares (Index replicas per region)"),
        "{text}"
    );
}

#[test]
fn replicas_that_do_not_follow_from_the_candidates_peak_say_what_it_gives() {
    // similar-listings: peak 1.2k/s (the peak factor forgotten: 1.16k/s × 2 = 2.31k/s), then
    // replicas 1. From 1.2k/s: ⌈1.2k ÷ (5k × 0.6 = 3k)⌉ = ⌈0.4⌉ = 1, + 1 spare = 2.
    let w = preset_walk("similar-listings");
    let mut answers = vec!["", "1.2k/s"];
    answers.extend(vec![""; 9]);
    answers.extend(["1", ""]);
    let (text, _) = transcript(&w, &answers);
    let peak = at(&text, "Peak QPS");
    assert!(peak.contains("Slip: forgot the peak factor"), "{peak}");
    let replicas = at(&text, "Index replicas per region");
    assert!(
        replicas.contains(
            "Your numbers give 2: ⌈1.2k/s ÷ (5k/s per replica × 60% utilisation)⌉ = 1 replica; 1 + 1 spare (N+1) = 2 replicas per region"
        ),
        "{replicas}"
    );
    assert!(replicas.contains("Slip: forgot the spares"), "{replicas}");
    assert!(!replicas.contains("Consistent"), "{replicas}");
}

/// The slip `answer` to `output` of `w` is named, and the step it names.
fn slip(w: &Walk, output: &str, answer: &str) -> (Option<SlipKind>, Option<String>) {
    let j = judged(w, output, answer);
    (j.slip.as_ref().map(|s| s.kind), j.slip.and_then(|s| s.step))
}

const INDEX: &str = "[embeddings]\nvectors = \"100M\"\ndim = 256\n[index]\nkind = \"flat\"\nnode_memory = \"64 GB\"\nmemory_headroom = 0.5\n";

#[test]
fn the_memory_headroom_forgotten() {
    // 100M × 256 × 4 B = 102.4 GB; 64 GB × 50% = 32 GB usable: ⌈3.2⌉ = 4 shards; the whole
    // 64 GB gives ⌈1.6⌉ = 2.
    let w = file_walk(INDEX);
    let (kind, step) = slip(&w, "index.shards", "2");
    assert_eq!(kind, Some(SlipKind::Headroom));
    assert!(step.unwrap().starts_with("Index shards: "));
}

#[test]
fn the_ivf_list_ids_forgotten() {
    // 1B vectors, PQ m = 32: 32 B codes + 8 B ids = 40 B a vector; nlist = 4 × √1e9 = 126,491
    // → 131,072 lists × 128 × 4 B = 67.1 MB of centroids, a 128 × 256 × 4 B = 131 KB codebook
    // (the precomputed table, 131,072 × 32 × 256 × 4 B = 4.3 GB, is over 2 GiB and not kept):
    // 40 GB + 67 MB = 40.07 GB. Without the ids: 32 GB + 67 MB = 32.07 GB.
    let w = file_walk(
        "[embeddings]\nvectors = \"1B\"\ndim = 128\n[index]\nkind = \"ivf_pq\"\npq_m = 32\nnode_memory = \"64 GB\"\n",
    );
    assert!((step(&w, "index.memory").truth - 40.0673e9).abs() < 1e6);
    let (kind, step) = slip(&w, "index.memory", "32 GB");
    assert_eq!(kind, Some(SlipKind::IvfIds));
    assert!(step.unwrap().contains("8 B list id"));
}

#[test]
fn adam_for_row_wise_adagrad() {
    // 1B rows × 128 × 4 B = 512 GB; row-wise Adagrad adds 1B × 4 B = 4 GB: 516 GB. Adam's two
    // copies would make 3 × 512 = 1.536 TB.
    let w = file_walk(
        "[[embedding_table]]\nname = \"users\"\nrows = \"1B\"\ndim = 128\noptimizer = \"rowwise_adagrad\"\n",
    );
    assert_eq!(
        slip(&w, "embedding_tables.memory", "1.5 TB").0,
        Some(SlipKind::AdamForRowwise)
    );
    // 512 GB: the weights alone, the state forgotten.
    assert_eq!(
        slip(&w, "embedding_tables.memory", "512 GB").0,
        Some(SlipKind::OptimizerState)
    );
}

const AB: &str = "[experiment]\nbaseline_rate = 0.1\nmde_relative = 0.05\narms = 3\neligible_daily_users = \"10M\"\ncorrection = \"bonferroni\"\n";

#[test]
fn the_arms_forgotten() {
    // Bonferroni over 3 arms: 68,848 per arm (tests/all/engine.rs works it); 68,848 × 3 ÷ 10M a day
    // = 0.0206544 d = 29.74 min; one arm's sample: 68,848 ÷ 10M = 0.0068848 d = 9.91 min.
    let w = file_walk(AB);
    let (kind, step) = slip(&w, "experiment.duration", "9.9 min");
    assert_eq!(kind, Some(SlipKind::Arms));
    assert!(step.unwrap().starts_with("Experiment duration: "));
}

#[test]
fn cuped_forgotten() {
    // σ = 60, δ = 1% of 30 = 0.3: 627,911 per arm; with CUPED at ρ = 0.7, × 0.51 = 320,235.
    let w = file_walk(
        "[experiment]\nbaseline_mean = 30\nstddev = 60\nmde_relative = 0.01\neligible_daily_users = \"1M\"\ncuped_correlation = 0.7\n",
    );
    assert_eq!(
        slip(&w, "experiment.sample_size_per_arm", "628k").0,
        Some(SlipKind::Cuped)
    );
}

#[test]
fn the_downsampling_forgotten() {
    // 1B examples a day, 1% positive, 10% of negatives kept: 10M + 990M × 0.1 = 109M kept; the
    // raw count is 1B.
    let w = file_walk(
        "[sampling]\nexamples_per_day = \"1B\"\npositive_rate = 0.01\nnegative_keep_rate = 0.1\n",
    );
    let q = step(&w, "sampling.examples_per_day");
    assert!((q.truth - 1.09e8).abs() < 1.0, "{}", q.truth);
    assert_eq!(
        slip(&w, "sampling.examples_per_day", "1B").0,
        Some(SlipKind::Downsampling)
    );
}

#[test]
fn the_network_overhead_forgotten_is_named_not_matched_to_its_step() {
    // Two online stages of 10 ms and 6 ms and 20 ms of overhead: 36 ms; 16 ms leaves out the
    // overhead, and the 20 ms overhead step is not "your answer".
    let w = file_walk(
        "[traffic]\nqps = \"1k/s\"\n[serving]\noverhead = \"20 ms\"\n[[stage]]\nname = \"a\"\nper_server_throughput = \"1k/s\"\nlatency = \"10 ms\"\n[[stage]]\nname = \"b\"\nper_server_throughput = \"1k/s\"\nlatency = \"6 ms\"\n",
    );
    let q = step(&w, "latency.total");
    assert!((q.truth - 0.036).abs() < 1e-12, "{}", q.truth);
    let j = judged(&w, "latency.total", "16 ms");
    assert_eq!(j.slip.as_ref().map(|s| s.kind), Some(SlipKind::Overhead));
    let text = coach::render(q, &j);
    assert!(!text.contains("your answer matches this step"), "{text}");
    assert!(text.contains("Slip: forgot the network overhead"), "{text}");
}

#[test]
fn units_as_a_person_means_them() {
    let w = preset_walk("video-recommendation");
    // Growth per day: 5M new videos × 50 MB × 3 copies = 750 TB/day; 8.68 GB/s × 86,400 s =
    // 750 TB a day: read per day, the conversion said, and exact.
    let j = judged(&w, "storage.videos.growth_per_day", "8.68 GB/s");
    assert!(j.outcome.score.unwrap().points > 99.0, "{j:?}");
    let text = coach::render(step(&w, "storage.videos.growth_per_day"), &j);
    assert!(
        text.contains("Read as asked: 8.68 GB/s read as 750 TB/day (× 86,400 s a day)."),
        "{text}"
    );
    // A bare size on the per-day question is asked again: per what?
    match coach::attempt(step(&w, "storage.videos.growth_per_day"), "750 TB") {
        Attempt::Retry(why) => assert!(why.contains("per what?"), "{why}"),
        other => panic!("{other:?}"),
    }
    // 10B × 256 × 4 B = 10.24 TB at rest; "10.24 Tb" (terabits, 1.28 TB) is the right number
    // with bits for bytes: named, scored as meant, and halved for the slip: 50 points, never
    // full marks.
    let j = judged(&w, "storage.embeddings", "10.24 Tb");
    assert!(
        j.outcome
            .unit_error
            .as_deref()
            .unwrap()
            .contains("bits for bytes")
    );
    assert_eq!(j.outcome.score.unwrap().points, 50.0);
    // An output that is 0 (a guess on the screen may ask one): 0 is exact, anything else a miss.
    let mut zero = step(&w, "storage.embeddings").clone();
    zero.truth = 0.0;
    let j = match coach::attempt(&zero, "0") {
        Attempt::Judged(j) => j,
        other => panic!("{other:?}"),
    };
    assert_eq!(j.outcome.score.unwrap().points, 100.0);
    let j = match coach::attempt(&zero, "5 TB") {
        Attempt::Judged(j) => j,
        other => panic!("{other:?}"),
    };
    assert_eq!(j.outcome.score.unwrap().points, 0.0);
    assert!(coach::render(&zero, &j).contains("a miss: the answer is 0"));
}

#[test]
fn an_interview_gives_no_feedback_then_a_scorecard_kept_in_the_history() {
    use napkin::drill::history::{self, Mode};
    use napkin::drill::interview;
    use std::cell::Cell;
    let w = preset_walk("twitter");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history.jsonl");
    // A clock that moves 40 s each time it is read: read at the start (0 s), then as each step
    // is asked and answered (step 1 at 40 and 80 s, step 2 at 120 and 160 s, step 3 at 200 and
    // 240 s, step 4 asked at 280 s when the input ends), and at the end: 320 s = 05:20.
    let t = Cell::new(-40.0);
    let now = || {
        t.set(t.get() + 40.0);
        t.get()
    };
    // 150M × 2 ÷ 86,400 = 3,472/s; "3.5k/s" is 1.008× high. "?" reveals nothing; "7k/s" is
    // the peak (6,944/s × 1.008); the third step skipped; then the input ends.
    let mut input: &[u8] = b"3.5k/s\n?\n7k/s\n\n";
    let mut out = Vec::new();
    let rows = interview::run(
        &w,
        Some(&path),
        Some(240.0),
        &mut input,
        &mut out,
        &mut Vec::new(),
        &now,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.contains("Answer:") && !text.contains("Working:"),
        "{text}"
    );
    assert!(text.contains(interview::NO_REVEAL), "{text}");
    assert!(
        text.contains("Step 2/9 [QPS] Peak QPS   [02:00 of 04:00]"),
        "{text}"
    );
    assert!(text.contains("SCORECARD"), "{text}");
    assert!(text.contains("Time: 05:20 of 04:00, 01:20 over."), "{text}");
    assert_eq!(rows[0].seconds, Some(40.0));
    // 7k/s = 2 × 3.5k/s: it follows from the candidate's average.
    assert_eq!(rows[1].follows, Some(true));
    let (records, _) = history::read(&path);
    assert_eq!(records.len(), 2);
    assert!(
        records
            .iter()
            .all(|r| r.mode == Mode::Interview && r.walk.is_some())
    );
    let stats = napkin::drill::stats::report(&records, history::now());
    assert!(stats.contains("(2 interview steps)"), "{stats}");
    assert!(stats.contains("1 interview: last"), "{stats}");
}
