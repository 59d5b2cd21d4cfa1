//! Named accelerators (`device = "H100"` in `[training]`): peak FLOP/s per precision, memory
//! and memory bandwidth, each with its public source. The data is `src/accelerators.toml`,
//! compiled in and read once; every FLOP rate is dense (no 2:4 sparsity).

use crate::units::{self, Kind};
use std::sync::OnceLock;
use toml::Value;

/// One figure of a device: its value in base units, as written, and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// As the table writes it ("80 GB", "989T/s").
    pub written: String,
    /// "public: NVIDIA A100 datasheet …", with any other marks after it.
    pub source: String,
}

/// One accelerator of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Accelerator {
    pub name: String,
    pub aliases: Vec<String>,
    pub vendor: String,
    pub architecture: String,
    pub memory: Figure,
    pub memory_bandwidth: Figure,
    pub fp32_flops: Option<Figure>,
    pub tf32_flops: Option<Figure>,
    pub fp16_flops: Option<Figure>,
    pub bf16_flops: Option<Figure>,
    pub fp8_flops: Option<Figure>,
    pub int8_ops: Option<Figure>,
}

impl Accelerator {
    /// The rate training runs at: BF16 (mixed precision), or FP16 where the part has no BF16
    /// (T4, V100); with the precision's name.
    pub fn training_flops(&self) -> Option<(&Figure, &'static str)> {
        self.bf16_flops
            .as_ref()
            .map(|f| (f, "BF16"))
            .or(self.fp16_flops.as_ref().map(|f| (f, "FP16")))
    }
}

const TABLE: &str = include_str!("accelerators.toml");

/// Every accelerator, in the table's order.
pub fn all() -> &'static [Accelerator] {
    static ALL: OnceLock<Vec<Accelerator>> = OnceLock::new();
    ALL.get_or_init(|| read(TABLE).unwrap_or_else(|e| panic!("src/accelerators.toml: {e}")))
}

/// The accelerator named `name` or one of its aliases, ignoring case ("h100", "A100").
pub fn find(name: &str) -> Option<&'static Accelerator> {
    let name = name.trim();
    all().iter().find(|a| {
        a.name.eq_ignore_ascii_case(name) || a.aliases.iter().any(|x| x.eq_ignore_ascii_case(name))
    })
}

/// The names a `device` may take, for messages: each name, with its bare alias where it has one.
pub fn names() -> Vec<&'static str> {
    let mut out = Vec::new();
    for a in all() {
        out.push(a.name.as_str());
        // Bare aliases such as "A100" and "H100" are names people write.
        out.extend(
            a.aliases
                .iter()
                .filter(|x| !x.contains(['-', ' ']))
                .map(String::as_str)
                .filter(|x| !x.contains("Tesla")),
        );
    }
    out
}

fn read(text: &str) -> Result<Vec<Accelerator>, String> {
    let root: toml::Table = text.parse().map_err(|e| format!("{e}"))?;
    let list = root
        .get("accelerator")
        .and_then(Value::as_array)
        .ok_or("no [[accelerator]] entries")?;
    list.iter()
        .map(|v| {
            let t = v.as_table().ok_or("an entry is not a table")?;
            let text = |k: &str| t.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let name = text("name");
            let fig =
                |k: &str, kind| figure(t.get(k), kind).map_err(|e| format!("{name}.{k}: {e}"));
            Ok(Accelerator {
                aliases: t
                    .get("aliases")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default(),
                vendor: text("vendor"),
                architecture: text("architecture"),
                memory: fig("memory", Kind::Size)?.ok_or(format!("{name} has no memory"))?,
                memory_bandwidth: fig("memory_bandwidth", Kind::DataRate)?
                    .ok_or(format!("{name} has no memory_bandwidth"))?,
                fp32_flops: fig("fp32_flops", Kind::Rate)?,
                tf32_flops: fig("tf32_flops", Kind::Rate)?,
                fp16_flops: fig("fp16_flops", Kind::Rate)?,
                bf16_flops: fig("bf16_flops", Kind::Rate)?,
                fp8_flops: fig("fp8_flops", Kind::Rate)?,
                int8_ops: fig("int8_ops", Kind::Rate)?,
                name,
            })
        })
        .collect()
}

/// `{ value = "80 GB", public = "…" }` as a [`Figure`]; absent is `None`.
fn figure(v: Option<&Value>, kind: Kind) -> Result<Option<Figure>, String> {
    let Some(v) = v else { return Ok(None) };
    let t = v
        .as_table()
        .ok_or("not a { value = …, public = … } table")?;
    let written = t.get("value").and_then(Value::as_str).ok_or("no value")?;
    let value = units::parse(written, kind).map_err(|e| e.to_string())?;
    let source: Vec<String> = ["public", "derived", "unverified"]
        .iter()
        .filter_map(|m| {
            t.get(*m)
                .and_then(Value::as_str)
                .map(|n| format!("{m}: {n}"))
        })
        .collect();
    if source.is_empty() {
        return Err("no source".into());
    }
    Ok(Some(Figure {
        value,
        written: written.to_string(),
        source: source.join("; "),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_device_reads_with_a_source_for_every_figure() {
        let names: Vec<&str> = all().iter().map(|a| a.name.as_str()).collect();
        for n in [
            "T4",
            "A10G",
            "L4",
            "L40S",
            "V100",
            "A100-40GB",
            "A100-80GB",
            "H100-SXM",
            "H100-PCIe",
        ] {
            assert!(names.contains(&n), "{n} missing from {names:?}");
        }
        for a in all() {
            assert!(
                a.training_flops().is_some(),
                "{} has no training rate",
                a.name
            );
            assert!(!a.memory.source.is_empty());
        }
    }

    #[test]
    fn bare_names_are_the_training_parts() {
        // "A100" is the 80 GB SXM part: 312 TFLOP/s dense BF16, 80 GB = 8e10 B.
        let a = find("A100").unwrap();
        assert_eq!(a.name, "A100-80GB");
        assert_eq!(a.training_flops().unwrap().0.value, 312e12);
        assert_eq!(a.memory.value, 80e9);
        // "h100" (any case) is the SXM part: 1,979 sparse ÷ 2 = 989 TFLOP/s written, 80 GB.
        let h = find("h100").unwrap();
        assert_eq!(h.name, "H100-SXM");
        assert_eq!(h.training_flops().unwrap().0.value, 989e12);
        assert_eq!(h.memory_bandwidth.value, 3.35e12);
        // T4 has no BF16: training runs at its FP16 65 TFLOP/s, 16 GB.
        let t4 = find("T4").unwrap();
        assert_eq!(
            t4.training_flops().unwrap(),
            (t4.fp16_flops.as_ref().unwrap(), "FP16")
        );
        assert_eq!(t4.training_flops().unwrap().0.value, 65e12);
        assert_eq!(t4.memory.value, 16e9);
        assert!(find("B200").is_none());
        assert!(names().contains(&"H100") && names().contains(&"A100"));
    }
}
