//! Every answer, one JSON object a line, appended under a file lock so two napkin processes at
//! once lose nothing. The file is only ever appended to; a line that cannot be read is skipped
//! with a warning and left where it is.

use super::skill::Skill;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// One answered question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Seconds since the Unix epoch.
    pub ts: i64,
    /// Regenerates the question (with the case and template).
    pub seed: u64,
    pub case: String,
    pub template: String,
    pub skill: Skill,
    pub truth: f64,
    pub answer: String,
    /// The value scored (an interval's geometric middle), if it could be.
    #[serde(default)]
    pub value: Option<f64>,
    /// log10(value ÷ truth).
    #[serde(default)]
    pub e: Option<f64>,
    #[serde(default)]
    pub points: Option<f64>,
    #[serde(default)]
    pub interval: Option<(f64, f64)>,
    #[serde(default)]
    pub interval_score: Option<f64>,
    #[serde(default)]
    pub hit: Option<bool>,
    #[serde(default)]
    pub unit_error: Option<String>,
    /// When the answer was a step of a case walk: the walk's start in milliseconds since the Unix
    /// epoch, which groups its steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub walk: Option<i64>,
    /// How the question was asked.
    #[serde(default)]
    pub mode: Mode,
    /// The known mistake the answer matched ([`super::slips::SlipKind::key`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip: Option<String>,
    /// In a walk, points for the method: the answer against what the earlier answers give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<f64>,
    /// In a walk, whether the answer is what the earlier answers give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<bool>,
}

/// How a question was asked: each practice is kept, and `napkin stats` counts them apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A drill question (`napkin drill`, the drill screen).
    #[default]
    Drill,
    /// A missed question asked again with fresh numbers.
    Review,
    /// A step of a case walk (`napkin drill --case`).
    Walk,
    /// A step of an interview (`napkin drill --case … --interview`), answered without feedback.
    Interview,
    /// A guess on the estimate screen.
    Guess,
}

impl Mode {
    pub const ALL: [Mode; 5] = [
        Mode::Drill,
        Mode::Review,
        Mode::Walk,
        Mode::Interview,
        Mode::Guess,
    ];

    /// The plural noun for a count of them: "drill answers", "guesses".
    pub fn answers(self) -> &'static str {
        match self {
            Mode::Drill => "drill answers",
            Mode::Review => "reviews",
            Mode::Walk => "walk steps",
            Mode::Interview => "interview steps",
            Mode::Guess => "guesses on the screen",
        }
    }
}

/// The largest value a record holds: the drill reads no answer from 1e300 on.
const MAX_VALUE: f64 = 1e300;
/// The largest |log10(answer ÷ truth)| of two values the drill can read (an f64 spans some 632
/// powers of ten).
const MAX_E: f64 = 650.0;

impl Record {
    /// The first number (by its field's name) outside what the drill could have written: a
    /// truth or answer that is not positive and below 1e300, an error past 650 powers of ten,
    /// points outside 0–100, an interval that does not run low to high, a negative interval
    /// score. None when every number is in range.
    pub fn out_of_range(&self) -> Option<&'static str> {
        let value = |v: f64| v.is_finite() && v > 0.0 && v < MAX_VALUE;
        let checks = [
            ("truth", value(self.truth)),
            ("value", self.value.is_none_or(value)),
            (
                "e",
                self.e.is_none_or(|e| e.is_finite() && e.abs() <= MAX_E),
            ),
            (
                "points",
                self.points.is_none_or(|p| (0.0..=100.0).contains(&p)),
            ),
            (
                "interval",
                self.interval
                    .is_none_or(|(lo, hi)| value(lo) && value(hi) && lo <= hi),
            ),
            (
                "interval_score",
                self.interval_score
                    .is_none_or(|s| s.is_finite() && (0.0..=20.0 * MAX_E * 2.0).contains(&s)),
            ),
            (
                "method",
                self.method.is_none_or(|p| (0.0..=100.0).contains(&p)),
            ),
        ];
        checks.iter().find(|(_, ok)| !ok).map(|(field, _)| *field)
    }
}

/// `$XDG_DATA_HOME/napkin/history.jsonl` (or `~/.local/share/napkin/history.jsonl`).
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.data_dir().join("napkin").join("history.jsonl"))
}

/// Why an answer was not written: something other than a regular file (a pipe, a device, a
/// directory) stands where the history belongs, so that a write would go nowhere it could be read
/// back from. [`is_not_regular`] tells it from other failures.
#[derive(Debug)]
pub struct NotRegular;

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "the history is not a regular file (a pipe, a device or a directory stands there)",
        )
    }
}

impl std::error::Error for NotRegular {}

/// Whether `e` is [`append`]'s refusal of something other than a regular file.
pub fn is_not_regular(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<NotRegular>())
}

fn not_regular() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, NotRegular)
}

/// Appends `record` as one line, holding an exclusive lock on the file while writing; when it
/// returns the line is in the file (written, not buffered), so a process killed right after
/// loses nothing. A last line left
/// torn (no final newline, as a crash mid-write leaves it) is ended first, under the same lock, so
/// the new record starts a line of its own. Something other than a regular file at `path` (a
/// FIFO, a link to `/dev/zero`) is refused with [`NotRegular`], as [`read`] refuses it.
pub fn append(path: &Path, record: &Record) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        // Said with the directory: "File exists" alone would not tell that a file stands where
        // the directory belongs.
        std::fs::create_dir_all(dir).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot create the directory {}: {e}", dir.display()),
            )
        })?;
    }
    let mut line = serde_json::to_string(record).map_err(std::io::Error::other)?;
    line.push('\n');
    // Checked before opening, as opening a FIFO for writing alone would wait for a reader, and
    // again on what was opened, in case the path changed in between.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(not_regular());
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .read(true)
        .append(true)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    file.lock()?;
    let result = ends_torn(&mut file).and_then(|torn| {
        if torn {
            line.insert(0, '\n');
        }
        file.write_all(line.as_bytes())?;
        file.flush()
    });
    file.unlock()?;
    result
}

/// Whether the file's last byte is something other than a newline.
fn ends_torn(file: &mut std::fs::File) -> std::io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(false);
    }
    let mut last = [0u8];
    file.seek(SeekFrom::End(-1))?;
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// Warnings about damaged lines that [`read`] gives one by one; past these it counts the rest.
pub const MAX_WARNINGS: usize = 20;

/// Every readable record in file order, and warnings about lines that are not one: one each for
/// the first [`MAX_WARNINGS`], then how many more. The file is only read; something other than a
/// regular file (a device, a pipe: reading one might never end) is not read, with a warning.
pub fn read(path: &Path) -> (Vec<Record>, Vec<String>) {
    let mut records = Vec::new();
    let mut warnings = Vec::new();
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            warnings.push(format!(
                "{}: not read: the history is not a regular file; point XDG_DATA_HOME at a directory for it",
                path.display()
            ));
            return (records, warnings);
        }
        Ok(_) => {}
        Err(_) => return (records, warnings),
    }
    let Ok(file) = std::fs::File::open(path) else {
        return (records, warnings);
    };
    let mut damaged = 0usize;
    for (i, line) in std::io::BufReader::new(file).split(b'\n').enumerate() {
        let Ok(bytes) = line else {
            warnings.push(format!(
                "{}: could not be read past line {}",
                path.display(),
                i + 1
            ));
            break;
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let why = match serde_json::from_slice::<Record>(&bytes) {
            Ok(r) => match r.out_of_range() {
                None => {
                    records.push(r);
                    continue;
                }
                Some(field) => format!("a record whose {field} is out of its range"),
            },
            Err(e) => format!("a line that is not a drill record ({e})"),
        };
        damaged += 1;
        if damaged <= MAX_WARNINGS {
            warnings.push(format!("{}:{}: skipped {why}", path.display(), i + 1));
        }
    }
    if let Some(more) = damaged.checked_sub(MAX_WARNINGS).filter(|&n| n > 0) {
        warnings.push(format!(
            "{}: … and {more} more damaged line{}",
            path.display(),
            if more == 1 { "" } else { "s" }
        ));
    }
    (records, warnings)
}

/// Now, in seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
