//! The drill's answer reader: any text is read as an answer, a unit slip, or refused with what
//! to write; an answer read is a positive finite value or an interval low end first, and scoring
//! it against a truth gives finite numbers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use napkin::drill::answer::{Answer, read, slip};
use napkin::drill::score::{interval, score};
use napkin::units::Kind;

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

/// Truths of the sizes questions have: a fraction, a few servers, a QPS, a size in bytes.
const TRUTHS: [f64; 4] = [0.3, 7.0, 115_740.7, 2.87e18];

fuzz_target!(|data: &[u8]| {
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(k) % KINDS.len()];
    let text = String::from_utf8_lossy(rest);
    let reading = match read(&text, kind) {
        Ok(reading) => reading,
        Err(message) => {
            assert!(!message.is_empty(), "{text:?}");
            return;
        }
    };
    match reading.answer {
        None => assert!(
            reading.unit_error.as_ref().is_some_and(|e| !e.is_empty()),
            "{text:?}: no answer and no unit error"
        ),
        Some(Answer::Single(v)) => {
            assert!(v.is_finite() && v > 0.0, "{text:?} read as {v}");
            for truth in TRUTHS {
                let s = score(v, truth);
                assert!(
                    s.e.is_finite() && (0.0..=100.0).contains(&s.points),
                    "{text:?}: {s:?}"
                );
                if let Some((said, meant)) = slip(&text, v, truth) {
                    assert!(
                        !said.is_empty() && meant.is_finite() && meant > 0.0,
                        "{text:?}"
                    );
                }
            }
        }
        Some(Answer::Interval(lo, hi)) => {
            assert!(
                lo.is_finite() && hi.is_finite(),
                "{text:?} read as {lo}..{hi}"
            );
            assert!(0.0 < lo && lo < hi, "{text:?} read as {lo}..{hi}");
            for truth in TRUTHS {
                let s = interval(lo, hi, truth, 0.9);
                assert!(s.total.is_finite() && s.total >= 0.0, "{text:?}: {s:?}");
            }
        }
    }
});
