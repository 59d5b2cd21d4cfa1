//! The question generator: picks a case study and one of its outputs that a template asks about,
//! moves the inputs that output depends on around the preset's values, and states them as an
//! interviewer would. The templates themselves are data, in [`super::templates`].

use super::phrase::sentence;
pub use super::skill::Skill;
use super::templates::{TEMPLATES, Template};
use crate::estimate::{self, OutputId, Step};
use crate::presets::Preset;
use crate::report::Report;
use crate::scenario::schema::FieldKind;
use crate::scenario::{InputPath, Scenario, overrides, validate};
use crate::units::Kind;
use crate::units::format::{Human, Style};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A question, ready to ask.
#[derive(Clone, Debug)]
pub struct Question {
    /// [`generate`] with this seed (and the same presets and filter) asks this question again.
    pub seed: u64,
    pub case: String,
    pub case_title: String,
    pub template: &'static str,
    pub skill: Skill,
    pub output: OutputId,
    pub prompt: String,
    pub truth: f64,
    pub kind: Kind,
    pub steps: Vec<Step>,
    /// The scenario the question was drawn from, its inputs moved.
    pub scenario: Scenario,
    /// The input paths the question states.
    pub stated: Vec<InputPath>,
    /// Whether the question is a missed one asked again (with fresh numbers).
    pub review: bool,
}

/// Which questions a session may ask.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub case: Option<String>,
    pub skill: Option<Skill>,
    pub template: Option<String>,
}

impl Filter {
    fn allows(&self, t: &Template) -> bool {
        self.skill.is_none_or(|k| k == t.skill)
            && self.template.as_deref().is_none_or(|id| id == t.id)
    }
}

/// A case study to draw from: its preset id and scenario (with a template's `sets` applied).
struct Case {
    id: String,
    scenario: Scenario,
}

/// A template on one output of a case.
struct Choice {
    case: usize,
    template: &'static Template,
    output: OutputId,
    /// What the template's `*` matched.
    name: String,
}

/// The questions some presets offer within a filter, worked out once, so that a draw only builds
/// its own question.
pub struct Generator {
    cases: Vec<Case>,
    choices: Vec<Choice>,
}

impl Generator {
    pub fn new(presets: &[Preset], filter: &Filter) -> Generator {
        let (plain, setting): (Vec<&'static Template>, Vec<&'static Template>) = TEMPLATES
            .iter()
            .filter(|t| filter.allows(t))
            .partition(|t| t.sets.is_empty());
        let mut g = Generator {
            cases: Vec::new(),
            choices: Vec::new(),
        };
        for p in presets
            .iter()
            .filter(|p| filter.case.as_deref().is_none_or(|c| c == p.id))
        {
            let Ok(base) = p.load() else { continue };
            let variants: Vec<_> = setting
                .iter()
                .filter_map(|&t| Some((with_sets(&base, t.sets)?, t)))
                .collect();
            g.add(&p.id, base, &plain);
            for (s, t) in variants {
                g.add(&p.id, s, &[t]);
            }
        }
        g
    }

    /// Adds the choices `templates` offer on `scenario`, and the case if there are any.
    fn add(&mut self, id: &str, scenario: Scenario, templates: &[&'static Template]) {
        let Ok(report) = Report::build(&scenario, Style::Decimal) else {
            return;
        };
        let case = self.cases.len();
        let before = self.choices.len();
        for o in report
            .outputs
            .iter()
            .filter(|o| o.value > 0.0 && o.value.is_finite())
        {
            for &t in templates {
                if let Some(name) = t.names(&o.id)
                    && t.when.fits(&scenario, name)
                {
                    self.choices.push(Choice {
                        case,
                        template: t,
                        output: o.id.clone(),
                        name: name.to_string(),
                    });
                }
            }
        }
        if self.choices.len() > before {
            self.cases.push(Case {
                id: id.to_string(),
                scenario,
            });
        }
    }

    /// Whether no question fits.
    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
    }

    /// The question for `seed`, or None if none can be built.
    pub fn question(&self, seed: u64) -> Option<Question> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut left: Vec<&Choice> = self.choices.iter().collect();
        // Try the choices in a seeded order until one makes a question.
        while !left.is_empty() {
            let choice = left.swap_remove(rng.random_range(0..left.len()));
            if let Some(q) = build(seed, &mut rng, &self.cases[choice.case], choice) {
                return Some(q);
            }
        }
        None
    }
}

/// Draws the question for `seed` from `presets` within `filter`, or None if nothing fits.
pub fn generate(seed: u64, presets: &[Preset], filter: &Filter) -> Option<Question> {
    Generator::new(presets, filter).question(seed)
}

/// `base` with the inputs `sets` names set, if that is a valid scenario.
fn with_sets(base: &Scenario, sets: &[(&str, &str)]) -> Option<Scenario> {
    let mut s = base.clone();
    for (path, value) in sets {
        overrides::set(&mut s, path, value).ok()?;
    }
    validate::validate(&s).is_empty().then_some(s)
}

/// A round number near `x`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k.
fn nice(x: f64) -> f64 {
    let e = x.log10().floor();
    let m = x / 10f64.powf(e);
    let steps: [f64; 10] = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0];
    let best = steps
        .iter()
        .copied()
        .min_by(|a, b| (a.ln() - m.ln()).abs().total_cmp(&(b.ln() - m.ln()).abs()))
        .unwrap_or(1.0);
    best * 10f64.powf(e)
}

/// Moves one input around its preset value: counts, sizes and rates by up to 3× either way,
/// dimensions and links among the usual choices; the rest stay.
pub(super) fn perturb(rng: &mut ChaCha8Rng, s: &mut Scenario, path: &InputPath) {
    let Some((crate::scenario::schema::Value::Num(v), FieldKind::Quantity(kind))) =
        overrides::get(s, path)
    else {
        return;
    };
    let key = path.key;
    let text = match (kind, key) {
        (Kind::Integer, "dim") => {
            [64.0, 128.0, 256.0, 384.0, 512.0, 768.0, 1024.0][rng.random_range(0..7)].to_string()
        }
        (Kind::Integer, "hnsw_m") => {
            [8.0, 16.0, 24.0, 32.0, 48.0][rng.random_range(0..5)].to_string()
        }
        (Kind::Count | Kind::Size | Kind::Rate | Kind::DataRate, _)
            if v > 0.0 && !matches!(key, "items_per_request" | "redundancy" | "regions") =>
        {
            let factor = (rng.random_range(-1.0..1.0) * 3f64.ln()).exp();
            Human::new(nice(v * factor), kind).to_string()
        }
        (Kind::Count, "items_per_request") if v >= 10.0 => Human::new(
            nice(v * (rng.random_range(-1.0..1.0) * 2f64.ln()).exp()),
            kind,
        )
        .to_string(),
        (Kind::Duration, "latency") if v > 0.0 => Human::new(
            nice(v * (rng.random_range(-1.0..1.0) * 2f64.ln()).exp()),
            kind,
        )
        .to_string(),
        _ => return,
    };
    let mut trial = s.clone();
    if overrides::set_path(&mut trial, path, &text).is_ok() && validate::validate(&trial).is_empty()
    {
        *s = trial;
    }
}

/// The working of output `i`: the chain of steps, and with a range, the range's median first
/// and the p50 over the samples last.
fn range_steps(s: &Scenario, report: &Report, i: usize, ranged: Option<&InputPath>) -> Vec<Step> {
    let o = &report.outputs[i];
    let mut steps = super::chain::chain(&report.outputs, &o.id);
    let (Some(path), Some(sp)) = (ranged, report.spread(i)) else {
        return steps;
    };
    if let Some(r) = s.range(path) {
        let median = r.median();
        steps.insert(
            0,
            Step::words(
                format!(
                    "{path}: the median of {}..{} is √({} × {}) = {}",
                    report.human(r.lo, r.kind),
                    report.human(r.hi, r.kind),
                    report.human(r.lo, r.kind),
                    report.human(r.hi, r.kind),
                    report.human(median, r.kind)
                ),
                median,
                r.kind,
            ),
        );
    }
    let samples = report.ranges.as_ref().map_or(0, |r| r.options.samples);
    steps.push(Step::words(
        format!(
            "p50 over {} samples of the range = {} (at the median the result is {}; the two differ by sampling)",
            crate::units::format::Grouped(samples as f64),
            report.human(sp.p50, o.kind),
            report.human(o.value, o.kind)
        ),
        sp.p50,
        o.kind,
    ));
    steps
}

/// Restates the input at `path` (one of `used`, the inputs of the output asked about) as a range
/// from half to twice its value, in round numbers; returns the path.
fn state_as_range(s: &mut Scenario, path: &InputPath, used: &[InputPath]) -> Option<InputPath> {
    if !used.contains(path) {
        return None;
    }
    let (crate::scenario::schema::Value::Num(v), FieldKind::Quantity(kind)) =
        overrides::get(s, path)?
    else {
        return None;
    };
    let (lo, hi) = (nice(v / 2.0), nice(v * 2.0));
    if !(lo > 0.0 && lo < hi) {
        return None;
    }
    let text = format!("{}..{}", Human::new(lo, kind), Human::new(hi, kind));
    overrides::set_path(s, path, &text).ok()?;
    validate::validate(s).is_empty().then(|| path.clone())
}

/// Moves the inputs of the chosen output around their preset values and states the question.
fn build(seed: u64, rng: &mut ChaCha8Rng, case: &Case, choice: &Choice) -> Option<Question> {
    let template = choice.template;
    let mut s = case.scenario.clone();
    let (_, outs) = estimate::explain(&s);
    let mut used = outs
        .iter()
        .find(|o| o.id == choice.output)
        .map(|o| o.inputs.clone())
        .unwrap_or_default();
    if used.is_empty() {
        return None;
    }
    // State them in the file's order: traffic first, serving last.
    let order = overrides::paths(&s);
    used.sort_by_key(|p| order.iter().position(|q| q == p).unwrap_or(usize::MAX));
    for path in &used {
        perturb(rng, &mut s, path);
    }
    let ranged = match template.range {
        Some(pattern) => {
            let path = pattern.replace('*', &choice.name).parse().ok()?;
            Some(state_as_range(&mut s, &path, &used)?)
        }
        None => None,
    };
    let mut report = Report::build(&s, Style::Decimal).ok()?;
    let i = report.outputs.iter().position(|o| o.id == choice.output)?;
    // With a range, the answer is the output's median over the range.
    let truth = match ranged {
        Some(_) => {
            let mut mc = crate::whatif::montecarlo::MonteCarlo::default();
            report.sample(&s, &mut mc, Default::default()).ok()?;
            report.spread(i)?.p50
        }
        None => report.outputs[i].value,
    };
    let target = &report.outputs[i];
    if !(truth > 0.0 && truth.is_finite()) {
        return None;
    }
    let inputs: Vec<(&InputPath, String)> = used
        .iter()
        .filter_map(|path| {
            let input = report.input(path)?;
            Some(match (&ranged, s.range(path)) {
                (Some(p), Some(r)) if p == path => (
                    path,
                    format!(
                        "between {} and {}",
                        report.human(r.lo, r.kind),
                        report.human(r.hi, r.kind)
                    ),
                ),
                _ => (path, input.display.clone()),
            })
        })
        .collect();
    let ask = template.ask.replace("{}", &choice.name);
    let mut prompt = format!("{}: {}. {ask}", s.meta.title, sentence(&inputs));
    let assume = template.assume.text(&s);
    if !assume.is_empty() {
        prompt.push(' ');
        prompt.push_str(assume);
    }
    if used.iter().any(|p| p.key == "holds") {
        prompt.push_str(" A stage that keeps data in RAM needs, in each region, at least enough servers to hold all its copies.");
    }
    Some(Question {
        seed,
        case: case.id.clone(),
        case_title: s.meta.title.clone(),
        template: template.id,
        skill: template.skill,
        output: choice.output.clone(),
        prompt,
        truth,
        kind: target.kind,
        steps: range_steps(&s, &report, i, ranged.as_ref()),
        stated: used,
        scenario: s,
        review: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_numbers() {
        assert_eq!(nice(1.16e5), 1e5);
        assert_eq!(nice(2.8e3), 3e3);
        assert_eq!(nice(7.0), 8.0);
        // 0.42 is nearer 0.4 than 0.5 on a log scale (ln 1.05 < ln 1.19).
        assert_eq!(nice(0.42), 0.4);
    }
}
