//! Checks across fields that a single value cannot show: a missing required input, two ways of
//! giving traffic at once, an index with no embeddings. Each section's checks are in its row
//! ([`super::sections`]); this module runs them, and checks a range's ends as well as its median.

use super::Scenario;
use super::diagnostic::{Addition, Diagnostic, Subject};
use super::path::{InputPath, SectionPath};
use super::registry::{self, ROWS};
use super::schema::Section;
use crate::units::Human;

/// An input to add: its section, its key and its value as TOML writes it.
pub type Input<'a> = (&'a SectionPath, &'static str, &'static str);

/// The problems found so far, each located in the scenario's file.
pub struct Findings<'s> {
    pub s: &'s Scenario,
    out: Vec<Diagnostic>,
}

impl Findings<'_> {
    pub fn say(
        &mut self,
        at: impl Into<Subject>,
        problem: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.add(at, problem, &[], hint);
    }

    /// A problem fixed by adding inputs: `ways` holds the ways to fix it, `hint` the words after.
    pub fn add(
        &mut self,
        at: impl Into<Subject>,
        problem: impl Into<String>,
        ways: &[&[Input<'_>]],
        hint: impl Into<String>,
    ) {
        let subject = at.into();
        self.out.push(Diagnostic {
            location: self.s.provenance.locate(&subject),
            subject,
            problem: problem.into(),
            hint: hint.into(),
            add: ways
                .iter()
                .map(|way| {
                    way.iter()
                        .map(|&(section, key, value)| Addition {
                            section: section.clone(),
                            key,
                            value,
                        })
                        .collect()
                })
                .collect(),
            unset: None,
            see: None,
        });
    }

    /// A problem one fix of which takes the input `unset` out: two inputs that say the same
    /// thing (keep one), a name napkin does not know (give its figures instead).
    pub fn say_or_unset(
        &mut self,
        at: InputPath,
        problem: impl Into<String>,
        hint: impl Into<String>,
        unset: InputPath,
    ) {
        self.say(at, problem, hint);
        if let Some(d) = self.out.last_mut() {
            d.unset = Some(unset);
        }
    }

    /// A probability at `at` must lie strictly between 0 and 1; `example` is what to write.
    pub fn open_unit(&mut self, at: InputPath, x: f64, example: &str) {
        if x <= 0.0 || x >= 1.0 {
            let what = at.key;
            self.say(
                at,
                format!("{what} is {x}, but it must lie strictly between 0 and 1"),
                format!("write a probability such as {example}"),
            );
        }
    }
}

/// Everything that keeps `s` from being estimated, in file order; empty when it can be.
pub fn validate(s: &Scenario) -> Vec<Diagnostic> {
    let mut out = found(s);
    super::diagnostic::in_file_order(&mut out);
    out
}

/// [`validate`]'s problems in the order the checks find them.
fn found(s: &Scenario) -> Vec<Diagnostic> {
    let mut out = checks(s);
    if !out.is_empty() && !s.ranges.is_empty() {
        // A range's median is a value nobody wrote: say where it comes from.
        let medians: Vec<String> = s
            .ranges
            .iter()
            .map(|r| {
                let iv = r.interval;
                format!("{} = {}", r.path, Human::new(iv.median(), iv.kind))
            })
            .collect();
        for d in &mut out {
            d.problem = format!(
                "{} (with each range at its median: {})",
                d.problem,
                medians.join(", ")
            );
        }
    }
    if !out.is_empty() || s.ranges.is_empty() {
        return out;
    }
    // A range holds its median; each end must be a valid input too, with the others at theirs.
    let mut at_end = s.clone();
    for r in &s.ranges {
        let Some(at) = registry::resolve(s, &r.path) else {
            continue;
        };
        for (end, x) in [("low", r.interval.lo), ("high", r.interval.hi)] {
            at.set_number(&mut at_end, r.interval.fit(x));
            for mut d in checks(&at_end) {
                d.problem = format!(
                    "at the {end} end of the range {} = {}: {}",
                    r.path,
                    s.provenance.raw.get(&r.path).map_or("", String::as_str),
                    d.problem
                );
                out.push(d);
            }
        }
        at.set_number(&mut at_end, r.interval.median());
    }
    out
}

/// The checks of [`validate`] on the scenario's values as they stand (ranges at their medians).
fn checks(s: &Scenario) -> Vec<Diagnostic> {
    let mut f = Findings { s, out: Vec::new() };
    meta(&mut f);
    for row in ROWS {
        row.check(&mut f);
    }
    f.out
}

/// `[meta]`: an id in kebab-case and a title.
fn meta(f: &mut Findings) {
    let meta = |key| InputPath {
        section: Section::Meta,
        entry: None,
        key,
    };
    let id = &f.s.meta.id;
    if id.is_empty() {
        f.say(
            meta("id"),
            "the scenario has no id",
            "add id = \"my-scenario\" (kebab-case) to [meta]",
        );
    } else if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.starts_with('-')
        || id.ends_with('-')
    {
        let problem = format!("the id \"{id}\" is not kebab-case");
        f.say(
            meta("id"),
            problem,
            "use lower-case letters, digits and dashes, such as \"video-recommendation\"",
        );
    }
    if f.s.meta.title.trim().is_empty() {
        f.say(
            meta("title"),
            "the scenario has no title",
            "add title = \"…\" to [meta]",
        );
    }
}
