//! The known mistakes by name: each one's key in the history, its name and how to put it right.

/// A known mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlipKind {
    PeakFactor,
    Replication,
    Regions,
    Spares,
    Headroom,
    IvfIds,
    DtypeBytes,
    OptimizerState,
    /// Adam's two state copies where the table uses row-wise Adagrad's one float a row.
    AdamForRowwise,
    Arms,
    Cuped,
    Downsampling,
    Overhead,
    /// 10^5 s for a day: the napkin shortcut, not a mistake.
    NapkinDay,
    Thousand,
    PerDay,
    Bits,
    Binary,
    /// 2·N·D for 6·N·D: the forward pass alone.
    BackwardPass,
    /// A relative MDE taken as absolute, or the other way round.
    MdeMixup,
    Consensus,
    /// The KV cache without its 2: keys alone, or values alone.
    KeysAndValues,
    /// Attention (query) heads where the KV cache keeps the fewer KV heads.
    AttentionHeads,
    /// A dtype's bits taken for its bytes (16 for f16).
    DtypeBits,
    /// A mixture of experts' total parameters where a token's FLOPs use the active ones.
    TotalParams,
    /// A decode step that reads only the KV cache, not the weights.
    WeightsEveryStep,
}

impl SlipKind {
    pub const ALL: [SlipKind; 26] = [
        SlipKind::PeakFactor,
        SlipKind::Replication,
        SlipKind::Regions,
        SlipKind::Spares,
        SlipKind::Headroom,
        SlipKind::IvfIds,
        SlipKind::DtypeBytes,
        SlipKind::OptimizerState,
        SlipKind::AdamForRowwise,
        SlipKind::Arms,
        SlipKind::Cuped,
        SlipKind::Downsampling,
        SlipKind::Overhead,
        SlipKind::NapkinDay,
        SlipKind::Thousand,
        SlipKind::PerDay,
        SlipKind::Bits,
        SlipKind::Binary,
        SlipKind::BackwardPass,
        SlipKind::MdeMixup,
        SlipKind::Consensus,
        SlipKind::KeysAndValues,
        SlipKind::AttentionHeads,
        SlipKind::DtypeBits,
        SlipKind::TotalParams,
        SlipKind::WeightsEveryStep,
    ];

    /// Whether the slip is a fine shortcut rather than a mistake.
    pub fn is_fine(self) -> bool {
        self == SlipKind::NapkinDay
    }

    /// The stable name kept in the history: "peak_factor".
    pub fn key(self) -> &'static str {
        match self {
            SlipKind::PeakFactor => "peak_factor",
            SlipKind::Replication => "replication",
            SlipKind::Regions => "regions",
            SlipKind::Spares => "spares",
            SlipKind::Headroom => "headroom",
            SlipKind::IvfIds => "ivf_ids",
            SlipKind::DtypeBytes => "dtype_bytes",
            SlipKind::OptimizerState => "optimizer_state",
            SlipKind::AdamForRowwise => "adam_for_rowwise",
            SlipKind::Arms => "arms",
            SlipKind::Cuped => "cuped",
            SlipKind::Downsampling => "downsampling",
            SlipKind::Overhead => "overhead",
            SlipKind::NapkinDay => "napkin_day",
            SlipKind::Thousand => "thousand",
            SlipKind::PerDay => "per_day",
            SlipKind::Bits => "bits",
            SlipKind::Binary => "binary",
            SlipKind::BackwardPass => "backward_pass",
            SlipKind::MdeMixup => "mde_mixup",
            SlipKind::Consensus => "consensus",
            SlipKind::KeysAndValues => "keys_and_values",
            SlipKind::AttentionHeads => "attention_heads",
            SlipKind::DtypeBits => "dtype_bits",
            SlipKind::TotalParams => "total_params",
            SlipKind::WeightsEveryStep => "weights_every_step",
        }
    }

    /// The slip read back from the history.
    pub fn from_key(key: &str) -> Option<SlipKind> {
        SlipKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What the mistake is, in a few words: "forgot the peak factor".
    pub fn name(self) -> &'static str {
        match self {
            SlipKind::PeakFactor => "forgot the peak factor",
            SlipKind::Replication => "forgot the replication",
            SlipKind::Regions => "forgot the regions",
            SlipKind::Spares => "forgot the spares",
            SlipKind::Headroom => "forgot the memory headroom",
            SlipKind::IvfIds => "forgot the IVF list ids",
            SlipKind::DtypeBytes => "forgot the dtype's bytes",
            SlipKind::OptimizerState => "forgot the optimizer state",
            SlipKind::AdamForRowwise => "Adam's state for row-wise Adagrad",
            SlipKind::Arms => "forgot the arms",
            SlipKind::Cuped => "forgot CUPED",
            SlipKind::Downsampling => "forgot the downsampling",
            SlipKind::Overhead => "forgot the network overhead",
            SlipKind::NapkinDay => "10^5 s for a day",
            SlipKind::Thousand => "a k/M/B slip",
            SlipKind::PerDay => "per day for per second",
            SlipKind::Bits => "bits for bytes",
            SlipKind::Binary => "GB for GiB",
            SlipKind::BackwardPass => "forgot the backward pass",
            SlipKind::MdeMixup => "relative for absolute MDE",
            SlipKind::Consensus => "forgot the consensus labels",
            SlipKind::KeysAndValues => "forgot the 2 of K and V",
            SlipKind::AttentionHeads => "attention heads for KV heads",
            SlipKind::DtypeBits => "bits for bytes on the dtype",
            SlipKind::TotalParams => "total for active parameters",
            SlipKind::WeightsEveryStep => "forgot the weights each decode step reads",
        }
    }
}
