//! Values given for outputs: "if the index were 320 GB, how many shards and nodes?". A given
//! value replaces what the estimate computes for its output, and everything that reads the
//! output is worked out from it ([`super::explain_given`]).
//!
//! [`parse`] reads `index.memory=320GB` against the outputs of an estimate: the id must be one
//! of them, the value is read in the output's kind. Its errors are typed; the faces word them.

use super::{Output, OutputId};
use crate::scenario::InputPath;
use crate::scenario::diagnostic::nearest;
use crate::units::{self, Kind, ParseError};

/// Why a given value cannot be taken.
#[derive(Clone, Debug, PartialEq)]
pub enum GivenError {
    /// No `=` between the id and the value.
    NoEquals,
    /// The id names an input, which is set, not given.
    Input(InputPath),
    /// No output of the estimate has this id; the closest ids, best first.
    Unknown { id: String, near: Vec<String> },
    /// The value is not one of the output's kind.
    Value {
        id: OutputId,
        kind: Kind,
        error: ParseError,
    },
    /// The value is not a finite number, or below 0.
    OutOfRange { id: OutputId, kind: Kind },
}

/// Reads `id=value` against `outputs` (an estimate's, as [`super::explain`] gives them).
pub fn parse(outputs: &[Output], arg: &str) -> Result<(OutputId, f64), GivenError> {
    let (id, text) = arg.split_once('=').ok_or(GivenError::NoEquals)?;
    let (id, text) = (id.trim(), text.trim());
    let Some(o) = outputs.iter().find(|o| o.id == id) else {
        if let Ok(path) = id.parse::<InputPath>() {
            return Err(GivenError::Input(path));
        }
        let ids: Vec<String> = outputs.iter().map(|o| o.id.to_string()).collect();
        let near = nearest(id, ids.iter().map(String::as_str))
            .into_iter()
            .map(str::to_string)
            .collect();
        return Err(GivenError::Unknown {
            id: id.to_string(),
            near,
        });
    };
    let value = units::parse(text, o.kind).map_err(|error| GivenError::Value {
        id: o.id.clone(),
        kind: o.kind,
        error,
    })?;
    if !value.is_finite() || value < 0.0 {
        return Err(GivenError::OutOfRange {
            id: o.id.clone(),
            kind: o.kind,
        });
    }
    Ok((o.id.clone(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outputs() -> Vec<Output> {
        let p = crate::presets::builtin();
        let s = p
            .iter()
            .find(|p| p.id == "video-recommendation")
            .unwrap()
            .load()
            .unwrap();
        super::super::explain(&s).1
    }

    #[test]
    fn a_given_value_is_read_in_its_output_s_kind() {
        let o = outputs();
        let (id, v) = parse(&o, "index.memory=320GB").unwrap();
        assert_eq!((id.to_string(), v), ("index.memory".to_string(), 320e9));
        let (_, v) = parse(&o, "index.shards = 4").unwrap();
        assert_eq!(v, 4.0);
    }

    #[test]
    fn inputs_unknown_ids_and_wrong_units_are_refused() {
        let o = outputs();
        assert_eq!(
            parse(&o, "traffic.dau=5M"),
            Err(GivenError::Input("traffic.dau".parse().unwrap()))
        );
        match parse(&o, "index.memroy=1GB") {
            Err(GivenError::Unknown { near, .. }) => assert_eq!(near[0], "index.memory"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse(&o, "index.memory=3 ms"),
            Err(GivenError::Value {
                kind: Kind::Size,
                ..
            })
        ));
        assert_eq!(parse(&o, "index.memory"), Err(GivenError::NoEquals));
    }
}
