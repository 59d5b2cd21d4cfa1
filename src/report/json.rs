//! `calc --format json`: the contract scripts rely on (see the scenario spec in the README).

use super::Report;
use serde::Serialize;

#[derive(Serialize)]
struct Json<'a> {
    scenario: ScenarioJson<'a>,
    outputs: Vec<OutputJson<'a>>,
    warnings: &'a [crate::estimate::Warning],
    inputs: Vec<InputJson<'a>>,
}

#[derive(Serialize)]
struct ScenarioJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    chapter: Option<u32>,
}

#[derive(Serialize)]
struct OutputJson<'a> {
    id: &'a str,
    label: &'a str,
    value: f64,
    unit: &'static str,
    display: String,
    napkin: f64,
    steps: Vec<StepJson<'a>>,
    inputs: &'a [String],
}

#[derive(Serialize)]
struct StepJson<'a> {
    text: &'a str,
    value: f64,
}

#[derive(Serialize)]
struct InputJson<'a> {
    path: &'a str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a crate::scenario::Source>,
    /// false when the value is napkin's default.
    given: bool,
}

/// How the JSON object is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Indented, for a person at a terminal.
    Pretty,
    /// One line, for a pipe (the same object, a third fewer bytes to write and read).
    Compact,
}

/// The report as one JSON object.
pub fn render(r: &Report, layout: Layout) -> String {
    let doc = Json {
        scenario: ScenarioJson {
            id: &r.id,
            title: &r.title,
            chapter: r.chapter,
        },
        outputs: r
            .outputs
            .iter()
            .map(|o| OutputJson {
                id: &o.id,
                label: &o.label,
                value: o.value,
                unit: o.kind.base_unit(),
                display: r.human(o.value, o.kind),
                napkin: r.napkin(o.value, o.kind),
                steps: o
                    .steps
                    .iter()
                    .map(|s| StepJson {
                        text: &s.text,
                        value: s.value,
                    })
                    .collect(),
                inputs: &o.inputs,
            })
            .collect(),
        warnings: &r.warnings,
        inputs: r
            .inputs
            .iter()
            .map(|i| InputJson {
                path: &i.path,
                value: &i.display,
                source: i.source.as_ref(),
                given: i.given,
            })
            .collect(),
    };
    let text = match layout {
        Layout::Pretty => serde_json::to_string_pretty(&doc),
        Layout::Compact => serde_json::to_string(&doc),
    };
    text.expect("a report is plain data and always serialises")
}
