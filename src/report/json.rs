//! `calc --format json`: the contract scripts rely on (described in docs/REFERENCE.md, "JSON").
//!
//! The object is a borrowed view of the [`Report`], written by serde_json; the fields below are
//! in the order the keys are written.

use super::Report;
use crate::estimate::{Dep, OutputId};
use crate::scenario::InputPath;
use serde::Serialize;

pub use super::json_out::Layout;

#[derive(Serialize)]
struct Document<'a> {
    scenario: Head<'a>,
    outputs: Vec<OutputJson<'a>>,
    warnings: Vec<WarningJson<'a>>,
    inputs: Vec<InputJson<'a>>,
    /// With ranged inputs: how they were sampled.
    #[serde(skip_serializing_if = "Option::is_none")]
    ranges: Option<RangesJson<'a>>,
    /// Outputs of parts the scenario has that its inputs cannot estimate (their `value` is 0),
    /// each with what it needs; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_estimated: Vec<MissingJson<'a>>,
}

#[derive(Serialize)]
struct MissingJson<'a> {
    id: &'a OutputId,
    needs: &'static str,
}

#[derive(Serialize)]
struct RangesJson<'a> {
    samples: usize,
    seed: u64,
    inputs: Vec<RangeJson<'a>>,
}

#[derive(Serialize)]
struct RangeJson<'a> {
    path: &'a InputPath,
    /// The 90% interval's ends and median, in the input's base unit.
    lo: f64,
    hi: f64,
    median: f64,
    distribution: &'static str,
}

#[derive(Serialize)]
struct SwingJson<'a> {
    input: &'a InputPath,
    low: f64,
    high: f64,
}

#[derive(Serialize)]
struct Head<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    chapter: Option<u32>,
}

#[derive(Serialize)]
struct OutputJson<'a> {
    id: &'a OutputId,
    label: &'a str,
    /// In the base unit `unit`.
    value: Number,
    unit: &'static str,
    display: String,
    napkin: Number,
    steps: Vec<StepJson>,
    inputs: &'a [InputPath],
    /// The inputs and earlier outputs it reads directly.
    depends_on: &'a [Dep],
    /// With `--given` on this output: what the estimate computed in its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    computed: Option<f64>,
    /// With ranged inputs: percentiles over the samples, in the base unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    p5: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p50: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p95: Option<f64>,
    /// With ranged inputs: the output with each at its p5 and p95, widest swing first.
    #[serde(skip_serializing_if = "Option::is_none")]
    sensitivity: Option<Vec<SwingJson<'a>>>,
}

#[derive(Serialize)]
struct StepJson {
    text: String,
    value: Number,
}

#[derive(Serialize)]
struct WarningJson<'a> {
    id: &'a str,
    subject: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct InputJson<'a> {
    path: &'a InputPath,
    /// As the report shows it.
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceJson<'a>>,
    given: bool,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    kind: &'a str,
    note: &'a str,
}

/// A number, or `null` when it is not finite (JSON has no NaN or infinity). [`Report::build`]
/// refuses outputs that are not finite, so only a step of working can be `null`.
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_finite() {
            s.serialize_f64(self.0)
        } else {
            s.serialize_none()
        }
    }
}

/// The report as one JSON object.
pub fn render(r: &Report, layout: Layout) -> String {
    let mut text = Vec::new();
    // Writing into memory cannot fail; only a failing `Serialize` impl or a non-string map key
    // could, and there is neither.
    write(r, layout, &mut text).expect("the report's JSON view always serializes");
    String::from_utf8(text).expect("serde_json writes UTF-8")
}

/// Writes the report's JSON to `out` as it is serialized, through a small buffer: a large
/// report is never held whole in memory a second time.
pub fn write(r: &Report, layout: Layout, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let document = Document {
        scenario: Head {
            id: &r.id,
            title: &r.title,
            chapter: r.chapter,
        },
        outputs: r
            .outputs
            .iter()
            .enumerate()
            .map(|(i, o)| OutputJson {
                id: &o.id,
                label: &o.label,
                value: Number(o.value),
                unit: o.kind.base_unit(),
                display: r.human(o.value, o.kind),
                napkin: Number(r.napkin(o.value, o.kind)),
                steps: o
                    .steps
                    .iter()
                    .map(|s| StepJson {
                        text: super::working::text(s, r.style),
                        value: Number(s.value),
                    })
                    .collect(),
                inputs: &o.inputs,
                depends_on: &o.depends_on,
                computed: o.computed,
                p5: r.spread(i).map(|sp| sp.p5),
                p50: r.spread(i).map(|sp| sp.p50),
                p95: r.spread(i).map(|sp| sp.p95),
                sensitivity: r.spread(i).zip(r.ranges.as_ref()).map(|(sp, ranges)| {
                    sp.sensitivity
                        .iter()
                        .map(|s| SwingJson {
                            input: &ranges.inputs[s.input].path,
                            low: s.low,
                            high: s.high,
                        })
                        .collect()
                }),
            })
            .collect(),
        warnings: r
            .warnings
            .iter()
            .map(|w| WarningJson {
                id: w.id,
                subject: &w.subject,
                message: &w.message,
            })
            .collect(),
        inputs: r
            .inputs
            .iter()
            .map(|i| InputJson {
                path: &i.path,
                value: &i.display,
                source: i.source.as_ref().map(|s| SourceJson {
                    kind: s.kind.label(),
                    note: &s.note,
                }),
                given: i.given,
            })
            .collect(),
        ranges: r.ranges.as_ref().map(|ranges| RangesJson {
            samples: ranges.options.samples,
            seed: ranges.options.seed,
            inputs: ranges
                .inputs
                .iter()
                .map(|input| RangeJson {
                    path: &input.path,
                    lo: input.interval.lo,
                    hi: input.interval.hi,
                    median: input.interval.median(),
                    distribution: input.interval.shape().name(),
                })
                .collect(),
        }),
        not_estimated: r
            .not_estimated()
            .map(|(o, needs)| MissingJson { id: &o.id, needs })
            .collect(),
    };
    let mut buffered = std::io::BufWriter::with_capacity(8 * 1024, out);
    super::json_out::write(&mut buffered, &document, layout)?;
    std::io::Write::flush(&mut buffered)
}

#[cfg(test)]
mod tests {
    use super::{Layout, render};
    use crate::report::Report;
    use crate::units::Style;

    #[test]
    fn both_layouts_hold_the_same_object_for_every_preset() {
        for preset in crate::presets::builtin() {
            let s = preset.load().unwrap();
            let r = Report::build(&s, Style::Decimal).unwrap();
            let compact = render(&r, Layout::Compact);
            let pretty = render(&r, Layout::Pretty);
            assert!(!compact.contains('\n'), "{}: one line", preset.id);
            assert!(pretty.starts_with("{\n  \"scenario\": {"), "{}", preset.id);
            let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
            let b: serde_json::Value = serde_json::from_str(&pretty).unwrap();
            assert_eq!(a, b, "{}", preset.id);
            assert_eq!(a["outputs"].as_array().unwrap().len(), r.outputs.len());
            assert_eq!(a["inputs"].as_array().unwrap().len(), r.inputs.len());
            assert_eq!(a["warnings"].as_array().unwrap().len(), r.warnings.len());
        }
    }

    #[test]
    fn keys_are_written_in_the_contract_order() {
        let mut s = crate::presets::builtin()
            .iter()
            .find(|p| p.id == "video-recommendation")
            .unwrap()
            .load()
            .unwrap();
        // Above 80% utilisation: a warning, so its keys are written too.
        crate::scenario::overrides::set(&mut s, "serving.target_utilization", "0.9").unwrap();
        let r = Report::build(&s, Style::Decimal).unwrap();
        let json = render(&r, Layout::Compact);
        // Each object's keys in order, as the reference's contract lists them. 1B DAU × 5 ÷ 86,400 s
        // = 57,870/s: "57.9k/s", napkin 60,000.
        let fragments = [
            "{\"scenario\":{\"id\":\"video-recommendation\",\"title\":\"Video Recommendation System\",\"chapter\":6},\"outputs\":[",
            "{\"id\":\"traffic.avg_qps\",\"label\":\"Average QPS\",\"value\":",
            ",\"unit\":\"1/s\",\"display\":\"57.9k/s\",\"napkin\":60000.0,\"steps\":[{\"text\":",
            "],\"inputs\":[\"traffic.dau\",",
            "]}],\"warnings\":[{\"id\":\"serving.high_utilization\",\"subject\":\"serving.target_utilization\",\"message\":",
            "}],\"inputs\":[{\"path\":\"traffic.dau\",\"value\":\"1B\",\"source\":{\"kind\":\"public\",\"note\":",
            "},\"given\":true}",
        ];
        let mut from = 0;
        for f in fragments {
            let at = json[from..]
                .find(f)
                .unwrap_or_else(|| panic!("{f} after {from}"));
            from += at + f.len();
        }
        assert!(json.ends_with("}]}"));
    }

    #[test]
    fn a_number_that_is_not_finite_is_written_as_null() {
        let s = crate::presets::builtin()[0].load().unwrap();
        let mut r = Report::build(&s, Style::Decimal).unwrap();
        let mut step = r.outputs[0].steps[0].clone();
        step.value = f64::INFINITY;
        r.outputs[0].steps[0].value = f64::NAN;
        r.outputs[0].steps.insert(1, step);
        let json = render(&r, Layout::Compact);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(v["outputs"][0]["steps"][0]["value"].is_null());
        assert!(v["outputs"][0]["steps"][1]["value"].is_null());
    }

    #[test]
    fn every_input_an_output_read_is_listed_with_its_value() {
        for preset in crate::presets::builtin() {
            let s = preset.load().unwrap();
            let r = Report::build(&s, Style::Decimal).unwrap();
            for o in &r.outputs {
                for path in &o.inputs {
                    assert!(
                        r.input(path).is_some(),
                        "{}: {} reads {path}",
                        preset.id,
                        o.id
                    );
                }
            }
        }
    }
}
