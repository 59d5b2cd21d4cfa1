//! Reading the whole numbers of flags (`--samples`, `--steps`, `--count`, `--seed`): digits or a
//! whole number in scientific notation (`1e5`), with a message that says what is wrong with
//! anything else, rather than Rust's "invalid digit found in string".

/// A parser of whole numbers in `lo..=hi` for a flag of type `T`.
pub fn whole<T>(lo: i64, hi: i64) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync
where
    T: TryFrom<i64>,
{
    move |text| {
        let n = read(text, &format!("{lo}..={hi}"))?;
        if n < lo as f64 || n > hi as f64 {
            return Err(format!("{} is not in {lo}..={hi}", shown(text, n)));
        }
        T::try_from(n as i64).map_err(|_| format!("{} is not in {lo}..={hi}", shown(text, n)))
    }
}

/// A parser of a seed: any whole number from 0 to 2^64 − 1.
pub fn seed(text: &str) -> Result<u64, String> {
    let range = format!("0..={}", u64::MAX);
    if let Ok(n) = text.trim().parse::<u64>() {
        return Ok(n);
    }
    let n = read(text, &range)?;
    if n < 0.0 {
        return Err(format!(
            "{} is negative: a seed is a whole number in {range}",
            shown(text, n)
        ));
    }
    if n >= u64::MAX as f64 {
        return Err(format!("{} is not in {range}", shown(text, n)));
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

/// The number as typed, with its value when typed in scientific notation: "1e9 (1,000,000,000)".
fn shown(text: &str, n: f64) -> String {
    let t = text.trim();
    if t.parse::<i64>().is_ok() {
        t.to_string()
    } else {
        format!("{t} ({})", crate::units::format::Grouped(n))
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
        assert_eq!(samples("0").unwrap_err(), "0 is not in 1..=1000000");
        assert_eq!(samples("-1").unwrap_err(), "-1 is not in 1..=1000000");
        assert_eq!(
            samples("1e9").unwrap_err(),
            "1e9 (1,000,000,000) is not in 1..=1000000"
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
        assert!(seed("1e30").unwrap_err().contains("is not in 0..="));
    }
}
