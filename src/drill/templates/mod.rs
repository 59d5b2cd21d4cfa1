//! The kinds of question, as data: which output each asks about, when it fits a scenario, and how
//! it is phrased. [`super::question`] turns a template and a scenario into a question; a question
//! states every input its output depends on (the estimate's trace lists them).

mod ml;
mod serving;

use super::skill::Skill;
use crate::estimate::OutputId;
use crate::scenario::{Dtype, IndexKind, Mode, Scenario, Stage};

/// A kind of question.
#[derive(Clone, Copy, Debug)]
pub struct Template {
    pub id: &'static str,
    pub skill: Skill,
    /// The output id asked about, with `*` for a corpus, stage or log name.
    pub output: &'static str,
    /// What the scenario must have for the question to fit.
    pub when: When,
    /// Inputs set (path, value) before the question is drawn: the case studies' own index is
    /// never flat, so the flat-index question asks what a flat index of their vectors would need.
    pub sets: &'static [(&'static str, &'static str)],
    /// The question; `{}` is the name `*` matched.
    pub ask: &'static str,
    /// What the answer may assume that the inputs do not say.
    pub assume: Assume,
    /// An input (with `*` for the matched name) the question states as a range, a 90%
    /// interval around its value; the question then asks for the output's p50.
    pub range: Option<&'static str>,
}

/// What a scenario must have for a template to fit it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Always,
    /// `*` names a corpus (not "total", "logs" or another storage output).
    Corpus,
    /// Traffic is given as daily active users.
    DauTraffic,
    /// Traffic is given as a rate.
    RateTraffic,
    /// The index is one of these kinds.
    Index(&'static [IndexKind]),
    /// The embeddings are floats or int8.
    RawEmbeddings,
    /// The embeddings are binary or PQ codes.
    CompressedEmbeddings,
    /// `*` names an online stage sized by one server's throughput.
    CpuStage,
    /// `*` names an online stage sized by FLOPs.
    GpuStage,
    /// `*` names a batch stage.
    BatchStage,
    /// `*` names an online stage.
    OnlineStage,
    /// The shard count is worked out, not given.
    ComputedShards,
    /// There is a latency budget.
    LatencyBudget,
}

/// What the answer may assume.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assume {
    Says(&'static str),
    /// How uploads arrive, if there are any: with the traffic peak, or at their daily average.
    Uploads,
    /// How a run's FLOPs are counted: 6 per parameter per example for a dense model given its
    /// parameters, or the FLOPs per example given.
    Flops,
}

impl Assume {
    /// The hint as it fits `s`: never one the question's own numbers contradict.
    pub fn text(self, s: &Scenario) -> &'static str {
        match self {
            Assume::Says(text) => text,
            Assume::Uploads => match (s.requests(), s.has_uploads()) {
                (_, false) => "",
                (None, true) => {
                    "There is no online traffic: uploads peak at napkin's default factor of 2 over their daily average."
                }
                (Some(_), true) => "Uploads peak with traffic.",
            },
            Assume::Flops => match s.training.as_ref().and_then(|t| t.params) {
                Some(_) => {
                    "Dense model: 6 FLOPs per parameter per example (2 forward, 4 backward)."
                }
                None => "The FLOPs per example given × examples × epochs.",
            },
        }
    }
}

impl When {
    /// Whether `s` has what the template needs, `name` being what `*` matched.
    pub fn fits(self, s: &Scenario, name: &str) -> bool {
        let stage = || s.stages.iter().find(|st| st.name == name);
        let online = |more: fn(&Stage) -> bool| {
            stage().is_some_and(|st| st.mode == Mode::Online && more(st))
        };
        let raw = || {
            s.embeddings
                .as_ref()
                .is_some_and(|e| matches!(e.dtype, Dtype::F32 | Dtype::F16 | Dtype::Int8))
        };
        match self {
            When::Always => true,
            When::Corpus => s.corpora.iter().any(|c| c.name == name),
            When::DauTraffic => s.traffic.as_ref().is_some_and(|t| t.dau.is_some()),
            When::RateTraffic => s.traffic.as_ref().is_some_and(|t| t.qps.is_some()),
            When::Index(kinds) => s.index.as_ref().is_some_and(|i| kinds.contains(&i.kind)),
            When::RawEmbeddings => raw(),
            When::CompressedEmbeddings => s.embeddings.is_some() && !raw(),
            When::CpuStage => online(|st| !st.index && st.per_server_throughput.is_some()),
            When::GpuStage => online(|st| !st.index && st.flops_per_item.is_some()),
            When::BatchStage => stage().is_some_and(|st| st.mode == Mode::Batch),
            When::OnlineStage => online(|_| true),
            When::ComputedShards => s.index.as_ref().is_some_and(|i| i.shards.is_none()),
            When::LatencyBudget => s.serving.latency_budget.is_some(),
        }
    }
}

impl Template {
    /// The name `*` stands for when output `id` is the one this template asks about ("" for a
    /// template without `*`), or None.
    pub fn names<'a>(&self, id: &'a OutputId) -> Option<&'a str> {
        let pattern = self
            .output
            .strip_prefix(id.section.key())?
            .strip_prefix('.')?;
        match pattern.split_once('*') {
            None => (pattern == id.name).then_some(""),
            Some((pre, post)) => {
                let name = id.name.strip_prefix(pre)?.strip_suffix(post)?;
                (!name.is_empty() && !name.contains('.')).then_some(name)
            }
        }
    }
}

const DAY: Assume = Assume::Says("A day has 86,400 s (≈10^5).");
const PEAK: Assume = Assume::Says("Size for peak traffic.");
const CEIL: Assume = Assume::Says("Round up to whole machines.");
const IN_SERIES: Assume = Assume::Says("The stages run one after another.");
const NOTHING: Assume = Assume::Says("");
const RANGE: Assume = Assume::Says(
    "A range is lognormal with the ends as its p5 and p95: its median is √(low × high), and a product's median is the product of the medians.",
);
const IVF: &[IndexKind] = &[IndexKind::IvfFlat, IndexKind::IvfSq8, IndexKind::IvfPq];

/// A template that sets no input.
const fn t(
    id: &'static str,
    skill: Skill,
    output: &'static str,
    when: When,
    ask: &'static str,
    assume: Assume,
) -> Template {
    Template {
        id,
        skill,
        output,
        when,
        sets: &[],
        ask,
        assume,
        range: None,
    }
}

/// "How much RAM does one copy of this index need on <engine>?", with the engine's overheads.
const fn engine(
    id: &'static str,
    output: &'static str,
    ask: &'static str,
    overheads: &'static str,
) -> Template {
    Template {
        id,
        skill: Skill::Memory,
        output,
        when: When::Always,
        sets: &[],
        ask,
        assume: Assume::Says(overheads),
        range: None,
    }
}

/// A template on the ML side (its slips are in [`super::slips`]).
const fn ml(id: &'static str, output: &'static str, ask: &'static str, assume: Assume) -> Template {
    Template {
        id,
        skill: Skill::Ml,
        output,
        when: When::Always,
        sets: &[],
        ask,
        assume,
        range: None,
    }
}

/// Every question template, in this order: the serving side (`serving.rs`), the ML side
/// (`ml.rs`), the ranged questions, then the generative side ([`super::genai::TEMPLATES`]).
pub const TEMPLATES: &[Template] = &join::<
    {
        serving::SERVING.len()
            + ml::ML.len()
            + serving::RANGES.len()
            + super::genai::TEMPLATES.len()
    },
>(&[
    serving::SERVING,
    ml::ML,
    serving::RANGES,
    super::genai::TEMPLATES,
]);

/// The `parts` one after another, as one array (a constant, so the list stays a `&'static`
/// slice).
const fn join<const N: usize>(parts: &[&[Template]]) -> [Template; N] {
    let mut out = [parts[0][0]; N];
    let (mut i, mut part, mut at) = (0, 0, 0);
    while i < N {
        while at == parts[part].len() {
            part += 1;
            at = 0;
        }
        out[i] = parts[part][at];
        at += 1;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {

    fn id(text: &str) -> OutputId {
        text.parse().unwrap()
    }

    use super::*;

    fn template(id: &str) -> &'static Template {
        TEMPLATES.iter().find(|t| t.id == id).unwrap()
    }

    #[test]
    fn output_patterns_name_one_thing() {
        let corpus = template("storage.corpus");
        assert_eq!(corpus.names(&id("storage.videos")), Some("videos"));
        assert_eq!(corpus.names(&id("storage.videos.growth_per_day")), None);
        assert_eq!(corpus.names(&id("storage.x.y")), None);
        let growth = template("storage.corpus_growth");
        assert_eq!(
            growth.names(&id("storage.videos.growth_per_day")),
            Some("videos")
        );
        assert_eq!(
            template("qps.peak").names(&id("traffic.peak_qps")),
            Some("")
        );
        assert_eq!(template("qps.peak").names(&id("traffic.avg_qps")), None);
    }

    #[test]
    fn there_are_at_least_thirty_templates_over_every_skill() {
        assert!(TEMPLATES.len() >= 30, "{}", TEMPLATES.len());
        for skill in Skill::ALL {
            assert!(TEMPLATES.iter().any(|t| t.skill == skill), "{skill:?}");
        }
        let mut ids: Vec<&str> = TEMPLATES.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), TEMPLATES.len(), "template ids are unique");
    }

    #[test]
    fn each_template_asks_about_its_skill_and_has_a_question_mark() {
        for t in TEMPLATES {
            assert!(
                t.id.starts_with(t.skill.id()),
                "{} under {:?}",
                t.id,
                t.skill
            );
            assert!(t.ask.ends_with('?'), "{}", t.id);
            assert_eq!(t.ask.contains("{}"), t.output.contains('*'), "{}", t.id);
        }
    }
}
