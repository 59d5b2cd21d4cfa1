//! `--set` assignments applied to the built-in presets, as `napkin calc <preset> --set …` applies
//! them: the first byte picks the preset, each line after it is one `--set` argument. Every
//! assignment is taken or refused with a message naming `--set` and what to write; a scenario
//! that then validates shows each value taken so that it reads back the same when set again, and
//! is estimated and rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use napkin::presets::{self, Preset};
use napkin::report::{Report, input_text, json, markdown, text};
use napkin::scenario::{InputPath, Location, Scenario, overrides, validate::validate};
use napkin::units::Style;
use napkin::whatif::montecarlo::{MonteCarlo, Options};
use std::sync::OnceLock;

fn presets() -> &'static [(Preset, Scenario)] {
    static PRESETS: OnceLock<Vec<(Preset, Scenario)>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        presets::builtin()
            .into_iter()
            .map(|p| {
                let s = p.load().expect("a built-in preset loads");
                (p, s)
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let Ok(args) = std::str::from_utf8(rest) else {
        return;
    };
    let all = presets();
    let (_, base) = &all[usize::from(k) % all.len()];
    let mut s = base.clone();
    let mut taken = Vec::new();
    for arg in args.lines().take(8) {
        let Some((path, value)) = overrides::split_assignment(arg) else {
            continue;
        };
        match overrides::set(&mut s, path, value) {
            Ok(()) => taken.push(path.parse::<InputPath>().expect("a path set is a path")),
            Err(d) => assert!(
                d.location == Location::Override && !d.problem.is_empty() && !d.help().is_empty(),
                "{arg:?}: {d:?}"
            ),
        }
    }
    let errors = validate(&s);
    if !errors.is_empty() {
        for d in &errors {
            assert!(!d.problem.is_empty() && !d.help().is_empty(), "{d:?}");
        }
        return;
    }
    // In a scenario napkin estimates, what it shows of a value taken reads back as the same value
    // (README: "either reads back the same through `--set`"). Not before: a required input unset
    // (`--set log.x.event_size=`) is refused by the validation and never shown.
    for path in &taken {
        let Some(shown) = input_text(&s, path, Style::Decimal) else {
            continue;
        };
        let before = overrides::get(&s, path);
        let mut again = s.clone();
        overrides::set_path(&mut again, path, &shown)
            .unwrap_or_else(|d| panic!("{path} shown as {shown:?} does not read back: {d}"));
        assert_eq!(
            overrides::get(&again, path),
            before,
            "{path} shown as {shown:?}"
        );
    }
    let mut r = match Report::build(&s, Style::Decimal) {
        Ok(r) => r,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let options = Options {
        samples: 40,
        seed: 7,
    };
    if r.sample(&s, &mut MonteCarlo::default(), options).is_err() {
        return;
    }
    assert!(!text::render(&r, text::Detail::Full).is_empty());
    assert!(!markdown::render(&r).is_empty());
    let written = json::render(&r, json::Layout::Compact);
    serde_json::from_str::<serde_json::Value>(&written)
        .unwrap_or_else(|e| panic!("the JSON does not parse back: {e}\n{written}"));
});
