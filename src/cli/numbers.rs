//! Reading the whole numbers of flags (`--samples`, `--steps`, `--count`, `--seed`): digits or a
//! whole number in scientific notation (`1e5`), with a message that says what is wrong with
//! anything else, rather than Rust's "invalid digit found in string", and the span it takes in
//! words ("from 1 to 1,000,000").

use crate::units::format::Grouped;

/// A parser of whole numbers from `lo` to `hi` for a flag of type `T`.
pub fn whole<T>(lo: i64, hi: i64) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync
where
    T: TryFrom<i64>,
{
    move |text| {
        let range = span(lo as f64, hi as f64);
        let n = read(text, &range)?;
        if n < lo as f64 {
            return Err(format!(
                "{} is less than {}: write a whole number {range}",
                shown(text, n),
                Grouped(lo as f64)
            ));
        }
        if n > hi as f64 {
            return Err(format!(
                "{} is more than {}: write a whole number {range}",
                shown(text, n),
                Grouped(hi as f64)
            ));
        }
        T::try_from(n as i64).map_err(|_| format!("{} is not {range}", shown(text, n)))
    }
}

/// "from 1 to 1,000,000": a flag's span as a person writes it.
fn span(lo: f64, hi: f64) -> String {
    format!("from {} to {}", Grouped(lo), Grouped(hi))
}

/// The largest seed, 2^64 − 1, in full: `Grouped` writes numbers this long with an exponent.
const MAX_SEED: &str = "18,446,744,073,709,551,615";

/// A parser of a seed: any whole number from 0 to 2^64 − 1.
pub fn seed(text: &str) -> Result<u64, String> {
    let range = format!("from 0 to {MAX_SEED}");
    if let Ok(n) = text.trim().parse::<u64>() {
        return Ok(n);
    }
    let n = read(text, &range)?;
    if n < 0.0 {
        return Err(format!(
            "{} is negative: a seed is a whole number {range}",
            shown(text, n)
        ));
    }
    if n >= u64::MAX as f64 {
        return Err(format!(
            "{} is more than {MAX_SEED}: write a whole number {range}",
            shown(text, n)
        ));
    }
    Ok(n as u64)
}

/// `text` as a whole number, or why it is not one; `range` is what the flag takes.
fn read(text: &str, range: &str) -> Result<f64, String> {
    let t = text.trim();
    let n = match t.parse::<i64>() {
        Ok(n) => n as f64,
        Err(_) => match t.parse::<f64>() {
            Ok(x) if x.is_finite() => x,
            Ok(_) => {
                return Err(format!(
                    "`{t}` is too large: write a whole number in {range}"
                ));
            }
            Err(_) => {
                return Err(format!(
                    "`{t}` is not a number: write a whole number in {range}, in digits (10000) or as 1e4"
                ));
            }
        },
    };
    if n.fract() != 0.0 {
        return Err(format!("{t} is not a whole number: write one in {range}"));
    }
    Ok(n)
}

/// The number as typed, with its value when typed in scientific notation: "1e9 (1,000,000,000)"
/// (a value too long to write in full is already in its shortest form: "1e30").
fn shown(text: &str, n: f64) -> String {
    let t = text.trim();
    let full = Grouped(n).to_string();
    if t.parse::<i64>().is_ok() || full == t {
        t.to_string()
    } else {
        format!("{t} ({full})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_in_digits_or_exponents_and_clear_refusals() {
        let samples = whole::<u32>(1, 1_000_000);
        assert_eq!(samples("10000"), Ok(10_000));
        assert_eq!(samples("1e5"), Ok(100_000));
        assert_eq!(
            samples("0").unwrap_err(),
            "0 is less than 1: write a whole number from 1 to 1,000,000"
        );
        assert_eq!(
            samples("-1").unwrap_err(),
            "-1 is less than 1: write a whole number from 1 to 1,000,000"
        );
        assert_eq!(
            samples("1e9").unwrap_err(),
            "1e9 (1,000,000,000) is more than 1,000,000: write a whole number from 1 to 1,000,000"
        );
        assert!(
            samples("2.5")
                .unwrap_err()
                .contains("2.5 is not a whole number")
        );
        assert!(
            samples("lots")
                .unwrap_err()
                .contains("`lots` is not a number")
        );
        assert!(samples("1e400").unwrap_err().contains("too large"));
        assert_eq!(seed("42"), Ok(42));
        assert_eq!(seed("18446744073709551615"), Ok(u64::MAX));
        assert!(seed("-1").unwrap_err().contains("-1 is negative"));
        // 2^64 − 1 = 18,446,744,073,709,551,615.
        assert_eq!(
            seed("1e30").unwrap_err(),
            "1e30 is more than 18,446,744,073,709,551,615: write a whole number from 0 to 18,446,744,073,709,551,615"
        );
    }
}
