//! `napkin inputs [SECTION]` and `calc --list-inputs`: every input napkin reads, or a scenario's
//! inputs with their values.

use super::{Format, Host};
use crate::report::inputs;
use crate::report::json::Layout;
use crate::scenario::Scenario;
use crate::scenario::schema::Section;
use crate::units::format::Style;
use std::io::Write;

#[derive(clap::Args, Debug)]
pub struct InputsArgs {
    /// Only this section's inputs, such as corpus or llm.
    #[arg(value_parser = section_parser())]
    pub section: Option<Section>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// The input sections by their keys (`traffic`, `corpus`, …), which the shell completes.
fn section_parser() -> impl clap::builder::TypedValueParser<Value = Section> {
    use clap::builder::TypedValueParser;
    let keys: Vec<&'static str> = inputs::sections().map(Section::key).collect();
    clap::builder::PossibleValuesParser::new(keys).map(|key: String| {
        inputs::sections()
            .find(|s| s.key() == key)
            .unwrap_or(Section::Traffic)
    })
}

fn layout(host: Host) -> Layout {
    if host.stdout_is_terminal {
        Layout::Pretty
    } else {
        Layout::Compact
    }
}

/// Every input of `section` (or of every section) with its kind, default and meaning.
pub fn catalogue(
    section: Option<Section>,
    format: Format,
    host: Host,
    out: &mut dyn Write,
) -> Result<(), String> {
    let docs = inputs::catalogue(section);
    let text = match format {
        Format::Text => inputs::catalogue_text(&docs),
        Format::Json => inputs::catalogue_json(&docs, layout(host)),
        Format::Markdown => inputs::catalogue_markdown(&docs),
    };
    super::write_doc(out, &text).map_err(|e| e.to_string())
}

/// Every input `s` has, with its value as written (or the default) and its source.
pub fn values(
    s: &Scenario,
    style: Style,
    format: Format,
    host: Host,
    out: &mut dyn Write,
) -> Result<(), String> {
    let values = inputs::values(s, style);
    let text = match format {
        Format::Text => inputs::values_text(&values),
        Format::Json => inputs::values_json(&values, layout(host)),
        Format::Markdown => inputs::values_markdown(&values),
    };
    super::write_doc(out, &text).map_err(|e| e.to_string())
}

pub fn run(args: &InputsArgs, host: Host, out: &mut dyn Write) -> Result<(), String> {
    catalogue(args.section, args.format, host, out)
}
