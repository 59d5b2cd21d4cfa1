//! The quantity parser, plain values and ranges: whatever the text, `parse` and `parse_range`
//! return, and what they accept is a value the field can hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use napkin::units::{Human, Kind, Style, parse, parse::from_number, parse_range};

const KINDS: [Kind; 10] = [
    Kind::Count,
    Kind::Integer,
    Kind::Factor,
    Kind::Fraction,
    Kind::Size,
    Kind::SizePerDay,
    Kind::Duration,
    Kind::Rate,
    Kind::DataRate,
    Kind::Money,
];

/// What every accepted value of `kind` must be.
fn holdable(v: f64, kind: Kind, text: &str) {
    assert!(v.is_finite() && v >= 0.0, "{text:?} as {kind:?} gave {v}");
    match kind {
        Kind::Fraction => assert!(v <= 1.0, "{text:?} as a fraction gave {v}"),
        Kind::Integer => assert!(
            v >= 1.0 && v.fract() == 0.0,
            "{text:?} as a whole number gave {v}"
        ),
        _ => {}
    }
    // Whatever is accepted can be written back.
    for style in [Style::Decimal, Style::Binary] {
        assert!(!Human::styled(v, kind, style).to_string().is_empty());
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(k) % KINDS.len()];
    let text = String::from_utf8_lossy(rest);
    match parse(&text, kind) {
        Ok(v) => holdable(v, kind, &text),
        Err(e) => assert!(
            !e.problem.is_empty() && !e.hint.is_empty(),
            "{text:?}: {e:?}"
        ),
    }
    match parse_range(&text, kind) {
        None => assert!(
            !text.contains(".."),
            "{text:?} has `..` but was not read as a range"
        ),
        Some(Ok(r)) => {
            holdable(r.lo, kind, &text);
            holdable(r.hi, kind, &text);
            assert!(r.lo <= r.hi, "{text:?}: {r:?} runs from high to low");
            assert_eq!(r.kind, kind);
            // The median and every sample of the interval are values the field holds.
            let median = r.median();
            holdable(median, kind, &text);
            for z in [
                -8.0,
                -1.644_853_626_951_472_2,
                0.0,
                1.644_853_626_951_472_2,
                8.0,
            ] {
                holdable(r.at(z), kind, &text);
            }
            let (centre, spread) = r.params();
            assert!(
                !centre.is_nan() && !spread.is_nan() && spread >= 0.0,
                "{text:?}: {r:?}"
            );
        }
        Some(Err(e)) => assert!(
            !e.problem.is_empty() && !e.hint.is_empty(),
            "{text:?}: {e:?}"
        ),
    }
    // A bare TOML number, as the scenario reader hands it over.
    if rest.len() >= 8 {
        let x = f64::from_le_bytes(rest[..8].try_into().unwrap());
        if let Ok(v) = from_number(x, kind) {
            holdable(v, kind, &format!("{x}"));
        }
    }
});
