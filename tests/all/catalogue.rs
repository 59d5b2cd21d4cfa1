//! The catalogue of bad input: what napkin does with each, the documented behaviour (the README's
//! "Bad input" links here). Each case is a command line, with a file or standard input where it
//! needs one, the exit status (1 a scenario, evaluation or file error, 2 a usage error, 0 where
//! napkin goes on: a drill asks again after an answer it cannot read) and the words its message
//! must hold: where (the file's line and column, `--set`, the flag) and what to write instead.
//!
//! Each case runs the real binary in a directory of its own, so a file is named `bad.toml` in
//! messages, with its own (empty) config and data directories.

use std::path::Path;
use std::process::{Command, Stdio};

/// What the case's `bad.toml` is.
enum File {
    None,
    Text(&'static str),
    Bytes(&'static [u8]),
    /// Made by a function: too large to write out.
    Made(fn() -> Vec<u8>),
    Dir,
    Fifo,
    /// A symbolic link to this target.
    Link(&'static str),
}

struct Case {
    what: &'static str,
    args: &'static [&'static str],
    file: File,
    stdin: &'static [u8],
    code: i32,
    /// Words the message must hold: on standard error, or standard output for a drill's answers.
    words: &'static [&'static str],
}

const META: &str = "[meta]\nid = \"x\"\ntitle = \"X\"\n";

/// `META` and `body` as one `&'static str`.
macro_rules! scenario {
    ($body:expr) => {
        concat!("[meta]\nid = \"x\"\ntitle = \"X\"\n", $body)
    };
}

/// A drill of one QPS question (a rate) answered `answer`, then revealed.
const QPS_DRILL: &[&str] = &[
    "drill", "--plain", "--seed", "3", "--count", "1", "--skill", "qps",
];

fn huge_garbage() -> Vec<u8> {
    // 16 MiB of one word on one line: a TOML error at its first character, read in time.
    let mut text = META.as_bytes().to_vec();
    text.extend(std::iter::repeat_n(b'x', 16 << 20));
    text
}

fn too_many_corpora() -> Vec<u8> {
    let mut text = String::from(META);
    for i in 0..1_001 {
        text.push_str(&format!(
            "[[corpus]]\nname = \"c{i}\"\nitems = 1\nitem_size = \"1 KB\"\n"
        ));
    }
    text.into_bytes()
}

fn deep_nesting() -> Vec<u8> {
    let mut text = String::from(META);
    text.push_str("sources = ");
    text.push_str(&"[".repeat(100_000));
    text.push_str(&"]".repeat(100_000));
    text.into_bytes()
}

const CASES: &[Case] = &[
    // ── Scenario files: TOML syntax ──────────────────────────────────────────────────────────
    Case {
        what: "an unclosed table header",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic\ndau = 1\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:4:9",
            "invalid TOML",
            "help: check the quoting and brackets",
        ],
    },
    Case {
        what: "a value with a unit left unquoted",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndau = 500M\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:7",
            "invalid TOML",
            "values with units are strings: dau = \"500M\"",
        ],
    },
    Case {
        what: "a key given twice",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndau = \"1M\"\ndau = \"2M\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:6:1",
            "the key `dau` is given twice",
            "keep one of the two lines",
        ],
    },
    Case {
        what: "a section given twice",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndau = \"1M\"\n[traffic]\nqps = 5\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:6:2",
            "section [traffic] appears twice, first at line 4",
            "in one [traffic] section",
        ],
    },
    Case {
        what: "an empty file",
        args: &["calc", "bad.toml"],
        file: File::Text(""),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:1:1",
            "no [meta] section",
            "start the file with [meta]",
        ],
    },
    Case {
        what: "a section that is a value",
        args: &["calc", "bad.toml"],
        file: File::Text("traffic = 5\n[meta]\nid = \"x\"\ntitle = \"X\"\n"),
        stdin: b"",
        code: 1,
        words: &["bad.toml:1:", "traffic", "[traffic]"],
    },
    Case {
        what: "lists nested past any depth",
        args: &["calc", "bad.toml"],
        file: File::Made(deep_nesting),
        stdin: b"",
        code: 1,
        words: &["bad.toml:4:", "invalid TOML", "recursion", "help:"],
    },
    // ── Scenario files: unknown names ────────────────────────────────────────────────────────
    Case {
        what: "an unknown key",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndua = \"1M\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:1",
            "unknown key `dua` in [traffic]",
            "did you mean `dau`?",
        ],
    },
    Case {
        what: "an unknown section",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[trafic]\ndau = \"1M\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:4:2",
            "unknown section `trafic`",
            "did you mean `traffic`",
        ],
    },
    Case {
        what: "a single section written as a list",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[[traffic]]\ndau = \"1M\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:4:1",
            "expected a table, found an array",
            "write it as a section: [traffic]",
        ],
    },
    Case {
        what: "an unknown index kind",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[index]\nkind = \"annoy\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:8",
            "index.kind",
            "\"annoy\" is not one of",
            "write one of `flat`",
        ],
    },
    Case {
        what: "an unknown accelerator",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[training]\nparams = \"1B\"\nexamples = \"1B\"\ndevice = \"Z900\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:7:10",
            "\"Z900\" is not a known accelerator",
            "help: Known: T4",
        ],
    },
    // ── The generative side ──────────────────────────────────────────────────────────────────
    Case {
        what: "an unknown model",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[llm]\nmodel = \"llama-3-70b\"\nrequests_per_day = \"1M\"\nprompt_tokens = 1000\noutput_tokens = 200\ndevice = \"H100\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:9",
            "\"llama-3-70b\" is not a known model",
            "did you mean `llama-3.1-70b`",
            "Known: llama-3.1-8b",
        ],
    },
    Case {
        what: "an online stage without traffic, given by --set",
        args: &[
            "calc",
            "--set",
            "stage.s.mode=online",
            "--set",
            "stage.s.per_server_throughput=1k/s",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: stage.s.mode: an online stage needs [traffic]",
            "--set traffic.qps=10k/s",
            // Or a batch stage, which needs its items a day as well.
            "or --set stage.s.mode=batch --set stage.s.items_per_day=100M",
        ],
    },
    Case {
        what: "an unknown model given by --set",
        args: &["calc", "chatbot", "--set", "llm.model=gpt-9"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: llm.model: \"gpt-9\" is not a known model",
            "remove model and give params, layers, kv_heads and head_dim",
            "an empty value unsets: --set llm.model=",
        ],
    },
    Case {
        what: "weights that do not fit a replica",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[llm]\nparams = \"70B\"\nlayers = 80\nkv_heads = 8\nhead_dim = 128\nrequests_per_day = \"1M\"\nprompt_tokens = 1000\noutput_tokens = 200\ndevice = \"H100\"\ntensor_parallel = 1\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:13:19",
            "the weights do not fit",
            "140 GB",
            "the weights alone need 2 devices",
            "set tensor_parallel = 2 or more",
        ],
    },
    Case {
        what: "an [llm] without its model or tokens",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[llm]\ndevice = \"H100\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "[llm] needs params, layers, kv_heads, head_dim, prompt_tokens, output_tokens\n",
            "model = \"llama-3.1-70b\"",
        ],
    },
    Case {
        what: "more active parameters than parameters",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[llm]\nmodel = \"mixtral-8x7b\"\nactive_params = \"50B\"\nrequests_per_day = \"1M\"\nprompt_tokens = 1000\noutput_tokens = 200\ndevice = \"H100\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &["bad.toml:6:17", "more than the 46.7B parameters"],
    },
    Case {
        what: "a diffusion device napkin does not know",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[diffusion]\noutputs_per_day = \"1M\"\nsteps = 30\nflops_per_step = \"5T\"\ndevice = \"H10\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:8:10",
            "\"H10\" is not a known accelerator",
            "did you mean",
        ],
    },
    Case {
        what: "training tokens and examples both",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[training]\nparams = \"1B\"\nexamples = \"1B\"\ntokens = \"20B\"\ndevice = \"H100\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:7:10",
            "gives both examples and tokens",
            "the same input",
        ],
    },
    // ── Scenario files: wrong kinds and units ────────────────────────────────────────────────
    Case {
        what: "a size where a count belongs",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndau = \"2 GB\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:7",
            "traffic.dau",
            "is a size, but this field takes a count",
            "write a count such as 500M",
        ],
    },
    Case {
        what: "a size where a duration belongs",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[serving]\nlatency_budget = \"200 KB\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:18",
            "is a size, but this field takes a duration",
            "\"40 ms\"",
        ],
    },
    Case {
        what: "a unit napkin does not know",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\nqps = \"5 furlongs\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:7",
            "traffic.qps",
            "\"furlongs\" is not a unit for a rate",
            "write a rate such as \"50k/s\"",
        ],
    },
    Case {
        what: "a duration without its unit",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[serving]\nlatency_budget = 200\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:18",
            "serving.latency_budget",
            "has no unit of time",
            "\"40 ms\"",
        ],
    },
    Case {
        what: "a negative count",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndau = -5\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:7",
            "\"-5\" is negative",
            "no quantity here can be negative",
        ],
    },
    Case {
        what: "a fractional whole number",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[embeddings]\nvectors = \"1M\"\ndim = 2.5\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:6:7",
            "embeddings.dim",
            "not a whole number",
            "such as 32",
        ],
    },
    Case {
        what: "a boolean written as a string",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[[stage]]\nname = \"a\"\nper_server_throughput = 5\nindex = \"yes\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:7:9",
            "stage.a.index",
            "expected true or false",
            "write true or false",
        ],
    },
    Case {
        what: "a value too large for any computation",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndau = \"1e400\"\n")),
        stdin: b"",
        code: 1,
        words: &["bad.toml:5:7", "too large to compute with", "below 1e300"],
    },
    // ── Scenario files: out-of-range values ──────────────────────────────────────────────────
    Case {
        what: "a utilisation above 1",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[serving]\ntarget_utilization = 1.5\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:22",
            "1.5 is more than 1",
            "write a fraction such as 0.7, or \"1.5%\"",
        ],
    },
    Case {
        what: "a probability above 1",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[sampling]\nexamples_per_day = \"1B\"\npositive_rate = 1.5\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:6:17",
            "sampling.positive_rate",
            "1.5 is more than 1",
        ],
    },
    Case {
        what: "a probability of 0",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[sampling]\nexamples_per_day = \"1B\"\npositive_rate = 0\n"
        )),
        stdin: b"",
        code: 1,
        words: &["bad.toml:6:17", "strictly between 0 and 1", "such as 0.01"],
    },
    Case {
        what: "a probability of 100%",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[sampling]\nexamples_per_day = \"1B\"\npositive_rate = \"100%\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &["bad.toml:6:17", "strictly between 0 and 1", "such as 0.01"],
    },
    Case {
        what: "a keep rate of 0",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[sampling]\nexamples_per_day = \"1B\"\npositive_rate = 0.01\nnegative_keep_rate = 0\n"
        )),
        stdin: b"",
        code: 1,
        words: &["bad.toml:7:22", "keeps no negatives", "such as 0.025"],
    },
    Case {
        what: "a server throughput of 0",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[traffic]\nqps = 5\n[[stage]]\nname = \"a\"\nper_server_throughput = 0\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:8:25",
            "stage.a.per_server_throughput",
            "must be more than 0",
            "write a positive value",
        ],
    },
    Case {
        what: "a request rate of 0",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\nqps = 0\n")),
        stdin: b"",
        code: 1,
        words: &["bad.toml:5:7", "traffic.qps", "more than 0"],
    },
    Case {
        what: "a labelling deadline of 0",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[labelling]\nitems = \"1M\"\ndeadline = \"0 d\"\nseconds_per_label = 5\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:6:12",
            "a deadline of 0 leaves no time",
            "such as \"30 d\"",
        ],
    },
    Case {
        what: "a cache larger than its items",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[traffic]\nqps = 5\n[cache]\nitems = \"1M\"\ncached_items = \"2M\"\nitem_size = \"1 KB\"\n"
        )),
        stdin: b"",
        code: 1,
        // 2,000,000 and 1,000,000 written as napkin writes counts.
        words: &[
            "bad.toml:8:16",
            "the cache holds 2M items of only 1M",
            "at most items",
        ],
    },
    Case {
        what: "both effect sizes of an experiment",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[experiment]\nbaseline_rate = 0.05\nmde_relative = 0.05\nmde_absolute = 0.001\neligible_daily_users = \"1M\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:7:16",
            "gives both mde_relative and mde_absolute",
            "keep one",
        ],
    },
    Case {
        what: "an embedding table named like an output",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[[embedding_table]]\nname = \"memory\"\nrows = \"1M\"\ndim = 8\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:8",
            "cannot be named \"memory\"",
            "such as \"users\"",
        ],
    },
    Case {
        what: "embeddings without their dimension",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[embeddings]\nvectors = \"1M\"\n")),
        stdin: b"",
        code: 1,
        words: &["bad.toml", "[embeddings] has no dim", "add dim = "],
    },
    Case {
        what: "a stage beside one that does not come before it",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[traffic]\nqps = 5\n[[stage]]\nname = \"a\"\nper_server_throughput = 1\nparallel_with = \"b\"\n[[stage]]\nname = \"b\"\nper_server_throughput = 1\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:9:",
            "stage.a.parallel_with",
            "does not name an earlier online stage",
        ],
    },
    Case {
        what: "products too large to compute with",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[traffic]\ndau = \"1e300\"\nrequests_per_user_per_day = \"1e300\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:7",
            "traffic.dau",
            "too large to compute with",
            "check the inputs",
        ],
    },
    // ── Scenario files: list entries ─────────────────────────────────────────────────────────
    Case {
        what: "a stage without a name",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[[stage]]\nper_server_throughput = 5\n")),
        stdin: b"",
        code: 1,
        words: &["bad.toml:", "[[stage]] number 1 has no name", "add name = "],
    },
    Case {
        what: "two stages of one name",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[[stage]]\nname = \"a\"\nper_server_throughput = 5\n[[stage]]\nname = \"a\"\nper_server_throughput = 5\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:",
            "two [[stage]] entries are named \"a\"",
            "give each entry its own name",
        ],
    },
    Case {
        what: "a name that is a number",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[[stage]]\nname = 5\nper_server_throughput = 5\n"
        )),
        stdin: b"",
        code: 1,
        words: &["bad.toml:5:8", "a name must be a string", "quote it"],
    },
    // ── Scenario files: ranges ───────────────────────────────────────────────────────────────
    Case {
        what: "a range the wrong way round, in a file",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[traffic]\ndau = \"400M..100M\"\nrequests_per_user_per_day = 2\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:7",
            "traffic.dau",
            "runs from high to low",
            "write the low end first: \"100M..400M\"",
        ],
    },
    Case {
        what: "a range with no low end, in a file",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[traffic]\ndau = \"..400M\"\n")),
        stdin: b"",
        code: 1,
        words: &["bad.toml:5:7", "has no low end", "such as \"100M..400M\""],
    },
    Case {
        what: "a range whose ends are of two kinds, in a file",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[[stage]]\nname = \"a\"\nper_server_throughput = 5\nlatency = \"30ms..2GB\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:7:11",
            "the high end of \"30ms..2GB\"",
            "is a size, but this field takes a duration",
            "\"40 ms\"",
        ],
    },
    Case {
        what: "a fraction range past 1, in a file",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[serving]\ntarget_utilization = \"0.5..1.5\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:5:22",
            "the high end of \"0.5..1.5\"",
            "more than 1",
            "such as 0.7",
        ],
    },
    // ── Files that are not scenario files ────────────────────────────────────────────────────
    Case {
        what: "a file that is not UTF-8",
        args: &["calc", "bad.toml"],
        file: File::Bytes(b"[meta]\nid = \"\xff\xfe\"\n"),
        stdin: b"",
        code: 1,
        words: &["bad.toml: is not UTF-8 text", "saved as UTF-8"],
    },
    Case {
        what: "a directory",
        args: &["calc", "bad.toml"],
        file: File::Dir,
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml: is a directory",
            "give a scenario file (.toml) or a preset id",
        ],
    },
    Case {
        what: "a FIFO",
        args: &["calc", "bad.toml"],
        file: File::Fifo,
        stdin: b"",
        code: 1,
        words: &["bad.toml: is not a regular file", "give - and redirect it"],
    },
    Case {
        what: "a file that is not there",
        args: &["calc", "missing.toml"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &["missing.toml: no such file", "napkin presets list"],
    },
    Case {
        what: "a link to nothing",
        args: &["calc", "bad.toml"],
        file: File::Link("/nonexistent/scenario.toml"),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml: is a link to a file that does not exist",
            "point the link at a scenario file",
        ],
    },
    Case {
        what: "a huge file of nonsense (16 MiB on one line)",
        args: &["calc", "bad.toml"],
        file: File::Made(huge_garbage),
        stdin: b"",
        code: 1,
        words: &["bad.toml:4:", "invalid TOML", "help:"],
    },
    Case {
        what: "a huge file of 1,001 corpora",
        args: &["calc", "bad.toml"],
        file: File::Made(too_many_corpora),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:",
            "1001 [[corpus]] entries, more than the 1000",
            "merge entries",
        ],
    },
    Case {
        what: "an empty standard input",
        args: &["calc", "-"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "<stdin>:1:1",
            "no [meta] section",
            "start the file with [meta]",
        ],
    },
    Case {
        what: "a preset id misspelt",
        args: &["calc", "twiter"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &["no preset or file named `twiter`", "`twitter`"],
    },
    // ── --set ────────────────────────────────────────────────────────────────────────────────
    Case {
        what: "--set without =",
        args: &["calc", "twitter", "--set", "traffic.dau"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "`traffic.dau` is not section.key=value",
            "--set traffic.dau=200M",
        ],
    },
    Case {
        what: "--set without a section",
        args: &["calc", "twitter", "--set", "dau=5"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["`dau=5` is not section.key=value", "--set traffic.dau=200M"],
    },
    Case {
        what: "--set of an unknown input",
        args: &["calc", "twitter", "--set", "traffic.dua=5M"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: traffic.dua",
            "unknown input",
            "did you mean `traffic.dau`",
            "--list-inputs",
        ],
    },
    Case {
        what: "--set of an input by another word for it",
        args: &["calc", "--set", "index.type=flat"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: index.type",
            "unknown input",
            "did you mean `index.kind`?",
            "napkin inputs",
        ],
    },
    Case {
        what: "--set of a section by another word for it",
        args: &["calc", "--set", "ab_test.alpha=0.01"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &["--set: ab_test.alpha", "did you mean `experiment.alpha`?"],
    },
    Case {
        what: "--vary of an input by another word for it",
        args: &["sweep", "twitter", "--vary", "training.gpus=1..8"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--vary training.gpus=1..8",
            "did you mean `training.devices`?",
        ],
    },
    Case {
        what: "a key written in other words in a file",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[embeddings]\nvectors = \"1M\"\ndimension = 8\n")),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:6:1",
            "unknown key `dimension` in [embeddings]",
            "did you mean `dim`?",
        ],
    },
    Case {
        what: "--set of a stage the scenario lacks, and not its throughput",
        args: &["calc", "twitter", "--set", "stage.nope.latency=5ms"],
        file: File::None,
        stdin: b"",
        code: 1,
        // The --set adds the stage; what it still needs is said as --set too.
        words: &[
            "error: --set stage.nope.latency=5ms: the stage has no throughput",
            "add --set stage.nope.per_server_throughput=5k/s",
        ],
    },
    Case {
        what: "--set of a stage named close to one the scenario has",
        args: &["calc", "twitter", "--set", "stage.write-api.latency=5ms"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: stage.write-api.latency",
            "did you mean `stage.write_api.latency`",
        ],
    },
    Case {
        what: "--set of a new entry with a name no file could give",
        args: &["calc", "--set", "corpus.a.b.items=1"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: corpus.a.b.items",
            "cannot be named `a.b`",
            "corpus.a_b.items",
        ],
    },
    Case {
        what: "--set of a word where a number belongs",
        args: &["calc", "twitter", "--set", "traffic.dau=abc"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: traffic.dau",
            "\"abc\" does not start with a number",
            "such as 500M",
        ],
    },
    Case {
        what: "--set of an unknown choice",
        args: &["calc", "twitter", "--set", "index.kind=annoy"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: index.kind",
            "\"annoy\" is not one of",
            "write one of `flat`",
        ],
    },
    Case {
        what: "--set of a word where true or false belongs",
        args: &["calc", "twitter", "--set", "serving.region_failover=maybe"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: serving.region_failover",
            "\"maybe\" is not true or false",
            "write true or false",
        ],
    },
    Case {
        what: "--set of a throughput of 0",
        args: &[
            "calc",
            "twitter",
            "--set",
            "stage.write_api.per_server_throughput=0",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "stage.write_api.per_server_throughput",
            "must be more than 0",
        ],
    },
    Case {
        what: "a quick question missing an input",
        args: &["calc", "--set", "embeddings.vectors=1B"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set embeddings.vectors=1B",
            "[embeddings] has no dim",
            "--set embeddings.dim=",
        ],
    },
    Case {
        what: "a range the wrong way round",
        args: &["calc", "twitter", "--set", "traffic.dau=400M..100M"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: traffic.dau",
            "the range \"400M..100M\" runs from high to low",
            "write the low end first: \"100M..400M\"",
        ],
    },
    Case {
        what: "a range with no low end",
        args: &["calc", "twitter", "--set", "traffic.dau=..400M"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: traffic.dau",
            "the range \"..400M\" has no low end",
            "write both ends",
        ],
    },
    Case {
        what: "a range with no high end",
        args: &["calc", "twitter", "--set", "traffic.dau=400M.."],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &["--set: traffic.dau", "has no high end", "write both ends"],
    },
    Case {
        what: "a range from a duration to a size",
        args: &[
            "calc",
            "twitter",
            "--set",
            "stage.write_api.latency=30ms..2GB",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: stage.write_api.latency",
            "the high end of \"30ms..2GB\": \"2GB\" is a size, but this field takes a duration",
            "write a duration such as \"40 ms\"",
        ],
    },
    Case {
        what: "a fraction range past 1",
        args: &[
            "calc",
            "twitter",
            "--set",
            "serving.target_utilization=0.5..1.5",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: serving.target_utilization",
            "the high end of \"0.5..1.5\": \"1.5\" is more than 1",
            "write a fraction such as 0.7",
        ],
    },
    // ── calc's flags ─────────────────────────────────────────────────────────────────────────
    Case {
        what: "an unknown format",
        args: &["calc", "twitter", "--format", "yaml"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "invalid value 'yaml' for '--format <FORMAT>'",
            "possible values: text, json, markdown",
        ],
    },
    Case {
        what: "--samples 0",
        args: &[
            "calc",
            "twitter",
            "--set",
            "traffic.dau=100M..400M",
            "--samples",
            "0",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "invalid value '0' for '--samples <N>'",
            "0 is less than 1: write a whole number from 1 to 1,000,000",
        ],
    },
    Case {
        what: "--samples past the most",
        args: &["calc", "twitter", "--samples", "2000000"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "invalid value '2000000' for '--samples <N>'",
            "2000000 is more than 1,000,000: write a whole number from 1 to 1,000,000",
        ],
    },
    Case {
        what: "--samples below 0",
        args: &["calc", "twitter", "--samples", "-1"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "invalid value '-1' for '--samples <N>'",
            "from 1 to 1,000,000",
        ],
    },
    Case {
        what: "--tornado without ranges",
        args: &["calc", "twitter", "--tornado", "fleet.total_servers"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--tornado: the scenario has no ranges",
            "write an input as a range, such as --set traffic.dau=100M..400M",
        ],
    },
    Case {
        what: "--tornado of an unknown output",
        args: &[
            "calc",
            "twitter",
            "--set",
            "traffic.dau=100M..400M",
            "--tornado",
            "fleet.totl_servers",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--tornado: no output `fleet.totl_servers`",
            "did you mean `fleet.total_servers`",
        ],
    },
    Case {
        what: "--engines without an index",
        args: &["calc", "twitter", "--engines"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "has no [index] with [embeddings]",
            "--set embeddings.vectors=100M",
        ],
    },
    Case {
        what: "an unknown flag",
        args: &["calc", "twitter", "--bogus"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["unexpected argument '--bogus'"],
    },
    Case {
        what: "calc with nothing to estimate",
        args: &["calc"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "required arguments were not provided",
            "<SCENARIO>",
            "napkin calc --set",
        ],
    },
    Case {
        what: "the screen in a pipe",
        args: &["tui", "twitter"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "the interactive screen needs a terminal",
            "use `napkin calc <scenario>`",
        ],
    },
    // ── sweep and compare ────────────────────────────────────────────────────────────────────
    Case {
        what: "--vary without ..",
        args: &["sweep", "twitter", "--vary", "traffic.dau=100M"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["`traffic.dau=100M` has no span", "traffic.dau=100M..1B"],
    },
    Case {
        what: "--steps 0",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..400M",
            "--steps",
            "0",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "invalid value '0' for '--steps <STEPS>'",
            "0 is less than 2: write a whole number from 2 to 1,000",
        ],
    },
    Case {
        what: "--steps below 0",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..400M",
            "--steps",
            "-3",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "invalid value '-3' for '--steps <STEPS>'",
            "from 2 to 1,000",
        ],
    },
    Case {
        what: "--output of an unknown output",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..400M",
            "--output",
            "nope",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--output: nope",
            "no output `nope`",
            "--format csv` lists every output id",
        ],
    },
    Case {
        what: "--vary of a choice",
        args: &["sweep", "twitter", "--vary", "index.kind=flat..hnsw"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--vary index.kind=flat..hnsw",
            "not a quantity: a sweep steps a number",
            "compare two scenarios",
        ],
    },
    Case {
        what: "--vary the wrong way round",
        args: &["sweep", "twitter", "--vary", "traffic.dau=1B..100M"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--vary traffic.dau=1B..100M",
            "runs from high to low",
            "\"100M..1B\"",
        ],
    },
    Case {
        what: "--log from 0",
        args: &["sweep", "twitter", "--vary", "traffic.dau=0..1B", "--log"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--vary traffic.dau=0..1B",
            "must be more than 0",
            "write a positive low end",
        ],
    },
    Case {
        what: "three --vary",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=1..2",
            "--vary",
            "traffic.peak_factor=1..2",
            "--vary",
            "serving.regions=1..2",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["--vary is given 3 times", "one input, or two for a grid"],
    },
    Case {
        what: "--until without an operator",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..1B",
            "--until",
            "traffic.peak_qps",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "`traffic.peak_qps` is not a condition",
            "\"index.shards > 1\"",
        ],
    },
    Case {
        what: "--until with a threshold of another kind",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..1B",
            "--until",
            "traffic.peak_qps > 5 GB",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--until: traffic.peak_qps",
            "\"5 GB\" is a size, but this field takes a rate",
            "write a rate",
        ],
    },
    Case {
        what: "sweep in an unknown format",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..1B",
            "--format",
            "yaml",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["invalid value 'yaml'", "text, json, csv, markdown"],
    },
    Case {
        what: "compare of two standard inputs",
        args: &["compare", "-", "-"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "only one scenario can come from standard input",
            "give the other as a file or a preset id",
        ],
    },
    Case {
        what: "compare with a bad --set-b",
        args: &[
            "compare",
            "twitter",
            "twitter",
            "--set-b",
            "traffic.dau=abc",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &["--set-b: traffic.dau", "does not start with a number"],
    },
    // ── drill's flags ────────────────────────────────────────────────────────────────────────
    Case {
        what: "a drill of 0 questions",
        args: &["drill", "--plain", "--count", "0"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["invalid value '0' for '--count <COUNT>'", "from 1 to 1,000"],
    },
    Case {
        what: "an unknown skill",
        args: &["drill", "--plain", "--skill", "nope"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "invalid value 'nope' for '--skill <SKILL>'",
            "possible values: qps",
        ],
    },
    Case {
        what: "--only-case of an unknown preset",
        args: &["drill", "--plain", "--only-case", "nope"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &["--only-case: no preset named `nope`", "napkin presets list"],
    },
    Case {
        what: "--case with --count",
        args: &["drill", "--case", "twitter", "--count", "3"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["'--case <ID|FILE>' cannot be used with '--count <COUNT>'"],
    },
    // ── Answers: napkin says why and asks again; the drill goes on ──────────────────────────
    Case {
        what: "an answer that is a word",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"abc\n?\n",
        code: 0,
        words: &[
            "Could not read that: \"abc\" does not start with a number",
            "such as 500M",
            "Try again",
        ],
    },
    Case {
        what: "an answer of another dimension",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"2 GB\n?\n",
        code: 0,
        words: &[
            "Unit error: wrong dimension: \"2 GB\" is a size, but the question asks for a rate",
            "Try again",
        ],
    },
    Case {
        what: "a percentage for a rate",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"70%\n?\n",
        code: 0,
        words: &[
            "\"70%\" is a percentage, but the question asks for a rate",
            "Try again",
        ],
    },
    Case {
        what: "a size without its unit",
        args: &[
            "drill", "--plain", "--seed", "2", "--count", "1", "--skill", "storage",
        ],
        file: File::None,
        stdin: b"5\n?\n",
        code: 0,
        words: &[
            "\"5\" has no unit; write a size such as \"200 KB\"",
            "Try again",
        ],
    },
    Case {
        what: "an interval the wrong way round",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"400k..100k\n?\n",
        code: 0,
        words: &[
            "the interval 400k..100k is empty: write the low end first",
            "Try again",
        ],
    },
    Case {
        what: "an interval of equal ends",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"5k..5k\n?\n",
        code: 0,
        words: &["has equal ends: give the range you are 90% sure of, or one number"],
    },
    Case {
        what: "an interval with no low end",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"..5k\n?\n",
        code: 0,
        words: &["write an interval as two numbers with two dots between, such as 50k..200k"],
    },
    Case {
        what: "a negative answer",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"-5\n?\n",
        code: 0,
        words: &["\"-5\" is negative", "no quantity here can be negative"],
    },
    Case {
        what: "an answer of 0 where the truth is not",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"0\n",
        code: 0,
        words: &["You: 0 → a miss: the answer is not 0. 0 points."],
    },
    Case {
        what: "a negative answer",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"-5k/s\n?\n",
        code: 0,
        words: &["is negative", "Try again"],
    },
    Case {
        what: "an answer too large to compute with",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"1e400\n?\n",
        code: 0,
        words: &["\"1e400\" is too large to compute with", "below 1e300"],
    },
    // ── Hostile and damaged input (issue 20) ─────────────────────────────────────────────────
    Case {
        what: "a second [training]",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[training]\nparams = \"1B\"\n[traffic]\nqps = 5\n[training]\ntokens = \"1B\"\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:8:2",
            "section [training] appears twice, first at line 4",
            "help: give each input of [training] once, in one [training] section",
        ],
    },
    Case {
        what: "a name with a line break and an escape",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[[embedding_table]]\nname = \"a\\nb\\u001b[31m\"\nrows = 5\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "error: bad.toml:4:1: embedding_table.a\\nb\\u{1b}[31m: the name \"a\\nb\\u{1b}[31m\" has characters",
            "\n  help: use a name such as",
        ],
    },
    Case {
        what: "a number past f64 (1e309) for a fraction",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!(
            "[traffic]\nqps = 5\n[experiment]\nbaseline_rate = 0.05\nmde_relative = 0.05\neligible_daily_users = \"1M\"\nallocation = 1e309\n"
        )),
        stdin: b"",
        code: 1,
        words: &[
            "bad.toml:10:14",
            "experiment.allocation: the number is too large to compute with",
            "help: write a value below 1e300",
        ],
    },
    Case {
        what: "an experiment of 1e300 arms",
        args: &[
            "calc",
            "ad-click-prediction",
            "--set",
            "experiment.arms=1e300",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: experiment.arms: 1e300 arms is more than napkin sizes an experiment for (at most 1,000)",
            "help: write the arms of one test",
        ],
    },
    Case {
        what: "[sampling] without positive_rate",
        args: &["calc", "bad.toml"],
        file: File::Text(scenario!("[sampling]\nexamples_per_day = \"1B\"\n")),
        stdin: b"",
        code: 1,
        words: &[
            "sampling.positive_rate: [sampling] has no positive_rate",
            "help: add positive_rate = 0.01",
        ],
    },
    Case {
        what: "--set unsetting positive_rate",
        args: &[
            "calc",
            "fraud-detection",
            "--set",
            "sampling.positive_rate=",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "[sampling] has no positive_rate",
            "help: add --set sampling.positive_rate=0.01",
        ],
    },
    Case {
        what: "--set that breaks a built-in preset's own line",
        args: &["calc", "video-recommendation", "--set", "cache.items=1"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "error: --set on built-in preset video-recommendation: cache.cached_items: the cache holds 10M items of only 1",
        ],
    },
    Case {
        what: "--vary of cached_items where [cache] is missing",
        args: &["sweep", "twitter", "--vary", "cache.cached_items=1M..100M"],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "error: --vary cache.cached_items=1M..100M: cache.item_size",
            "[cache] needs item_size",
            "help: add --set cache.item_size=2KB",
        ],
    },
    Case {
        what: "a Zipf exponent of 1e300",
        args: &[
            "calc",
            "video-recommendation",
            "--set",
            "cache.zipf_s=1e300",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "--set: cache.zipf_s: a Zipf exponent of 1e300 is past any popularity napkin models (at most 10)",
            "help: write the popularity exponent s",
        ],
    },
    Case {
        what: "--samples in scientific notation past the most",
        args: &["calc", "twitter", "--samples", "1e9"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "'1e9' for '--samples <N>': 1e9 (1,000,000,000) is more than 1,000,000: write a whole number from 1 to 1,000,000",
        ],
    },
    Case {
        what: "--seed below 0",
        args: &["drill", "--plain", "--seed", "-1"],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &[
            "'-1' for '--seed <SEED>': -1 is negative: a seed is a whole number from 0 to 18,446,744,073,709,551,615",
        ],
    },
    Case {
        what: "--until with an operator napkin does not know (>>)",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..400M",
            "--until",
            "a >> 5",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["`a >> 5` is not a condition", "with >, >=, < or <="],
    },
    Case {
        what: "--until with an operator napkin does not know (==)",
        args: &[
            "sweep",
            "twitter",
            "--vary",
            "traffic.dau=100M..400M",
            "--until",
            "a == 5",
        ],
        file: File::None,
        stdin: b"",
        code: 2,
        words: &["`a == 5` is not a condition", "with >, >=, < or <="],
    },
    Case {
        what: "--only-case and --skill that no question fits",
        args: &[
            "drill",
            "--plain",
            "--only-case",
            "twitter",
            "--skill",
            "ml",
        ],
        file: File::None,
        stdin: b"",
        code: 1,
        words: &[
            "error: --only-case twitter --skill ml: no question of that skill comes from that case study",
            "help: try another --skill, or another --only-case",
        ],
    },
    Case {
        what: "an answer that is not UTF-8",
        args: QPS_DRILL,
        file: File::None,
        stdin: b"\xff\xfe5k\n?\n",
        code: 0,
        words: &[
            "That line is not UTF-8 text, so it cannot be read as an answer. Try again",
            "Revealed",
        ],
    },
];

/// Makes the case's `bad.toml` in `dir`.
fn make(dir: &Path, file: &File) {
    let path = dir.join("bad.toml");
    match file {
        File::None => {}
        File::Text(text) => std::fs::write(&path, text).unwrap(),
        File::Bytes(bytes) => std::fs::write(&path, bytes).unwrap(),
        File::Made(make) => std::fs::write(&path, make()).unwrap(),
        File::Dir => std::fs::create_dir(&path).unwrap(),
        File::Fifo => {
            let made = Command::new("mkfifo").arg(&path).status().unwrap();
            assert!(made.success(), "mkfifo");
        }
        File::Link(target) => std::os::unix::fs::symlink(target, &path).unwrap(),
    }
}

#[test]
fn every_bad_input_gets_its_exit_code_and_a_message_that_says_where_and_what_to_write() {
    assert!(CASES.len() >= 60, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        let dir = tempfile::tempdir().unwrap();
        make(dir.path(), &case.file);
        let mut child = Command::new(env!("CARGO_BIN_EXE_napkin"))
            .args(case.args)
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("NO_COLOR", "1")
            .env_remove("COMPLETE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().unwrap();
            stdin.write_all(case.stdin).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        // A drill that goes on says it on standard output; everything else on standard error.
        let message = if case.code == 0 { &stdout } else { &stderr };
        let missing: Vec<&str> = case
            .words
            .iter()
            .copied()
            .filter(|w| !message.contains(w))
            .collect();
        let panicked = stderr.contains("panicked");
        let went_on = case.code != 0 || stdout.contains("Session over");
        if code != Some(case.code) || !missing.is_empty() || panicked || !went_on {
            failures.push(format!(
                "{} (napkin {}): exit {code:?}, expected {}; missing {missing:?}\n  stderr: {}\n  stdout: {}",
                case.what,
                case.args.join(" "),
                case.code,
                stderr.trim_end(),
                stdout.chars().take(300).collect::<String>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn a_damaged_or_unreadable_history_is_said_and_never_rewritten() {
    // Two more bad inputs, the history itself: a damaged line and a device where the file
    // belongs. `napkin stats` warns with the file and line, and goes on.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("napkin")).unwrap();
    let path = data.join("napkin/history.jsonl");
    let text = "{\"ts\": 12, this is not json\n";
    std::fs::write(&path, text).unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_napkin"))
            .arg("stats")
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .unwrap()
    };
    let out = run();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("history.jsonl:1: skipped a line that is not a drill record"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let out = run();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("history.jsonl: not read: the history is not a regular file"),
        "{err}"
    );
}
