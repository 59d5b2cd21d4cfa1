//! The scenario loader, then the estimate and every report format: a text either loads, with
//! every report rendering (text, brief, JSON that parses back, Markdown, the ranges' percentiles,
//! each tornado, the engine comparison), or fails with located diagnostics that say what to write.
#![no_main]

use libfuzzer_sys::fuzz_target;
use napkin::report::{Report, engines, json, markdown, text, tornado};
use napkin::scenario::load_str;
use napkin::units::Style;
use napkin::whatif::montecarlo::{MonteCarlo, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(toml) = std::str::from_utf8(data) else {
        return;
    };
    let s = match load_str(toml, "f.toml") {
        Ok(s) => s,
        Err(e) => {
            assert!(!e.0.is_empty(), "an error with no diagnostic");
            for d in &e.0 {
                assert!(d.location.to_string().starts_with("f.toml"), "{d:?}");
                assert!(!d.problem.is_empty() && !d.help().is_empty(), "{d:?}");
            }
            assert!(e.to_string().contains("f.toml"));
            return;
        }
    };
    for style in [Style::Decimal, Style::Binary] {
        let mut r = match Report::build(&s, style) {
            Ok(r) => r,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                return;
            }
        };
        for o in &r.outputs {
            assert!(o.value.is_finite(), "{} = {}", o.id, o.value);
        }
        // Few samples: the fuzzer looks for inputs that break the sampler, not for precision.
        let options = Options {
            samples: 40,
            seed: 7,
        };
        if let Err(e) = r.sample(&s, &mut MonteCarlo::default(), options) {
            assert!(!e.to_string().is_empty());
            return;
        }
        assert!(!text::render(&r, text::Detail::Full).is_empty());
        assert!(!text::render(&r, text::Detail::Brief).is_empty());
        assert!(!markdown::render(&r).is_empty());
        for layout in [json::Layout::Compact, json::Layout::Pretty] {
            let written = json::render(&r, layout);
            serde_json::from_str::<serde_json::Value>(&written)
                .unwrap_or_else(|e| panic!("the JSON does not parse back: {e}\n{written}"));
        }
        if r.ranges.is_some() {
            for o in &r.outputs {
                let (o, spread) =
                    tornado::find(&r, &o.id.to_string()).expect("every output has a spread");
                assert!(
                    spread.p5 <= spread.p50 && spread.p50 <= spread.p95,
                    "{}: {spread:?}",
                    o.id
                );
                assert!(!tornado::text(&r, o, spread).is_empty());
                assert!(!tornado::markdown(&r, o, spread).is_empty());
                let written = tornado::json(&r, o, spread, json::Layout::Compact);
                serde_json::from_str::<serde_json::Value>(&written).unwrap_or_else(|e| {
                    panic!("the tornado's JSON does not parse back: {e}\n{written}")
                });
            }
        } else {
            assert!(tornado::find(&r, "traffic.peak_qps").is_err());
        }
        match engines::Comparison::new(&s, &r) {
            Ok(c) => {
                assert!(!engines::text(&c).is_empty());
                assert!(!engines::markdown(&c).is_empty());
                let written = engines::json(&c, json::Layout::Compact);
                serde_json::from_str::<serde_json::Value>(&written).unwrap_or_else(|e| {
                    panic!("the engines' JSON does not parse back: {e}\n{written}")
                });
            }
            // No index: the inputs to add, each with a value.
            Err(e) => assert!(
                e.add
                    .iter()
                    .all(|(path, value)| !path.is_empty() && !value.is_empty()),
                "{e:?}"
            ),
        }
    }
});
