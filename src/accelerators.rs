//! Named accelerators (`device = "H100"` in `[training]`, `[llm]` and `[diffusion]`): peak FLOP/s
//! per precision, memory and memory bandwidth, each with its public source. The data is `src/accelerators.toml`, which
//! the build turns into a table of strings (no run parses TOML); the figures are read once, by
//! napkin's unit reader, when a device is first asked for. Every FLOP rate is dense (no 2:4
//! sparsity).

use crate::units::{self, Kind};
use std::sync::OnceLock;

/// One figure of a device: its value in base units, as written, and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    /// As the table writes it ("80 GB", "989T/s").
    pub written: &'static str,
    /// "public: NVIDIA A100 datasheet …", with any other marks after it.
    pub source: &'static str,
}

/// One accelerator of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Accelerator {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub vendor: &'static str,
    pub architecture: &'static str,
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

/// A device as the build writes it from `src/accelerators.toml`: its names, and per figure (in
/// the order of [`Accelerator`]'s figures) the value as written and its source marks.
struct RawAccelerator {
    name: &'static str,
    aliases: &'static [&'static str],
    vendor: &'static str,
    architecture: &'static str,
    figures: [Option<(&'static str, &'static str)>; 8],
}

const TABLE: &[RawAccelerator] = include!(concat!(env!("OUT_DIR"), "/accelerators.rs"));

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
        out.push(a.name);
        // Bare aliases such as "A100" and "H100" are names people write.
        out.extend(
            a.aliases
                .iter()
                .filter(|x| !x.contains(['-', ' ']))
                .filter(|x| {
                    !x.contains("Tesla") && !x.starts_with("TPUv") && !x.contains("litepod")
                })
                .copied(),
        );
    }
    out
}

fn read(table: &[RawAccelerator]) -> Result<Vec<Accelerator>, String> {
    table
        .iter()
        .map(|raw| {
            let fig = |i: usize, kind| -> Result<Option<Figure>, String> {
                let Some((written, source)) = raw.figures[i] else {
                    return Ok(None);
                };
                let value =
                    units::parse(written, kind).map_err(|e| format!("{}: {e}", raw.name))?;
                Ok(Some(Figure {
                    value,
                    written,
                    source,
                }))
            };
            Ok(Accelerator {
                name: raw.name,
                aliases: raw.aliases,
                vendor: raw.vendor,
                architecture: raw.architecture,
                memory: fig(0, Kind::Size)?.ok_or(format!("{} has no memory", raw.name))?,
                memory_bandwidth: fig(1, Kind::DataRate)?
                    .ok_or(format!("{} has no memory_bandwidth", raw.name))?,
                fp32_flops: fig(2, Kind::Rate)?,
                tf32_flops: fig(3, Kind::Rate)?,
                fp16_flops: fig(4, Kind::Rate)?,
                bf16_flops: fig(5, Kind::Rate)?,
                fp8_flops: fig(6, Kind::Rate)?,
                int8_ops: fig(7, Kind::Rate)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_device_reads_with_a_source_for_every_figure() {
        let names: Vec<&str> = all().iter().map(|a| a.name).collect();
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
        assert!(names().contains(&"H100") && names().contains(&"A100"));
    }

    #[test]
    fn serving_parts_read_with_their_aliases() {
        // H200: the H100's die with 141 GB at 4.8 TB/s; 1,979 sparse ÷ 2 = 989 TFLOP/s.
        let h = find("h200").unwrap();
        assert_eq!((h.memory.value, h.memory_bandwidth.value), (141e9, 4.8e12));
        assert_eq!(h.training_flops().unwrap().0.value, 989e12);
        // B200: 1,440 GB ÷ 8 = 180 GB, 64 TB/s ÷ 8 = 8 TB/s, 2,250 TFLOP/s dense BF16.
        let b = find("B200").unwrap();
        assert_eq!((b.memory.value, b.memory_bandwidth.value), (180e9, 8e12));
        assert_eq!(b.training_flops().unwrap().0.value, 2250e12);
        assert_eq!(find("mi300x").unwrap().memory.value, 192e9);
        // TPU v4: 32 GiB = 34,359,738,368 B.
        assert_eq!(find("TPU v4").unwrap().memory.value, 34_359_738_368.0);
        // Names as written in any case, and the usual aliases.
        for name in ["TPU v5e", "tpu v5e", "tpu-v5e", "v5e"] {
            assert_eq!(find(name).unwrap().name, "TPU v5e", "{name}");
        }
        assert_eq!(find("Trillium").unwrap().name, "TPU v6e");
        assert_eq!(
            find("v6e").unwrap().training_flops().unwrap().0.value,
            918e12
        );
        assert_eq!(find("v5p").unwrap().memory_bandwidth.value, 2765e9);
        assert!(names().contains(&"TPU v5e") && names().contains(&"Trillium"));
        assert!(!names().contains(&"TPUv5e"));
    }
}
