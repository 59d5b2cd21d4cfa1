//! Bandwidth at peak: ingress (requests and uploads), egress (responses), and the fan-out from
//! an index stage to every shard.

use super::storage::{DtypeFormula, dtype_bytes};
use super::traffic::{PEAK_QPS, reads_peak};
use super::{Estimate, In, Op, Out, Section, Trace};
use crate::scenario::schema::Section as S;
use crate::scenario::{Dtype, Scenario};
use crate::units::{Kind, SECONDS_PER_DAY, bytes_per_second};
use uom::si::frequency::hertz;
use uom::si::information::byte;

/// Bytes one shard returns per result: an 8-byte id and a 4-byte score.
pub const RESULT_BYTES: f64 = 12.0;

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let ingress = ingress(s, e, t);
    let egress = egress(s, e, t);
    fanout(s, e, t);
    e.ingress = bytes_per_second(ingress);
    e.egress = bytes_per_second(egress);
}

/// Requests and uploads coming in at peak.
fn ingress<T: Trace>(s: &Scenario, e: &Estimate, t: &mut T) -> f64 {
    let peak = e.peak_qps.get::<hertz>();
    let request = s.requests().map_or(0.0, |tr| tr.request_size.get::<byte>());
    // Uploads peak with traffic; with no [traffic], by the default factor.
    let peak_factor = s.peak_factor();
    reads_peak(s, t);
    if s.requests().is_some() {
        t.uses(In::of(S::Traffic, "request_size"));
    }
    let requests = peak * request;
    let mut terms = 0;
    if s.requests().is_some() {
        terms += 1;
        t.step(requests, Kind::DataRate, |w| {
            w.t("requests: ")
                .q(peak, Kind::Rate)
                .of(PEAK_QPS)
                .t(" peak")
                .op(Op::Times)
                .q(request, Kind::Size)
                .op(Op::Equals)
                .q(requests, Kind::DataRate);
        });
    }
    let mut uploads = 0.0;
    for c in &s.corpora {
        if c.new_items_per_day.0 == 0.0 {
            continue;
        }
        if !c.uploaded {
            t.uses(In::entry(S::Corpus, &c.name, "uploaded"));
            t.step(0.0, Kind::DataRate, |w| {
                w.show(&c.name)
                    .t(": stored from data already inside (uploaded")
                    .op(Op::Equals)
                    .t("false), not ingress");
            });
            continue;
        }
        let size = c.item_size.get::<byte>();
        let up = c.new_items_per_day.0 * size / SECONDS_PER_DAY * peak_factor;
        t.uses(In::entry(S::Corpus, &c.name, "new_items_per_day"));
        t.uses(In::entry(S::Corpus, &c.name, "item_size"));
        if s.traffic.is_some() {
            t.uses(In::of(S::Traffic, "peak_factor"));
        }
        t.step(up, Kind::DataRate, |w| {
            w.t("uploads to ")
                .show(&c.name)
                .t(": ")
                .q(c.new_items_per_day.0, Kind::Count)
                .t("/day")
                .op(Op::Times)
                .q(size, Kind::Size)
                .op(Op::Divide)
                .n(SECONDS_PER_DAY)
                .t(" s")
                .op(Op::Times)
                .t("peak ")
                .n(peak_factor)
                .t(if s.traffic.is_some() {
                    ""
                } else {
                    " (the default peak factor: no [traffic])"
                })
                .op(Op::Equals)
                .q(up, Kind::DataRate);
        });
        uploads += up;
        terms += 1;
    }
    let ingress = requests + uploads;
    match terms {
        0 => t.step(0.0, Kind::DataRate, |w| {
            w.t("no requests and no uploads come in");
        }),
        1 => {}
        _ => t.step(ingress, Kind::DataRate, |w| {
            w.t("total ingress")
                .op(Op::Equals)
                .q(ingress, Kind::DataRate);
        }),
    }
    t.output(
        Out::new(Section::Bandwidth, &["ingress"]),
        format_args!("Ingress at peak"),
        Kind::DataRate,
        ingress,
    )
}

/// Responses going out at peak.
fn egress<T: Trace>(s: &Scenario, e: &Estimate, t: &mut T) -> f64 {
    let peak = e.peak_qps.get::<hertz>();
    let response = s
        .requests()
        .map_or(0.0, |tr| tr.response_size.get::<byte>());
    reads_peak(s, t);
    if s.requests().is_some() {
        t.uses(In::of(S::Traffic, "response_size"));
    }
    let egress = peak * response;
    t.step(egress, Kind::DataRate, |w| {
        w.q(peak, Kind::Rate)
            .t(" peak")
            .op(Op::Times)
            .q(response, Kind::Size)
            .op(Op::Equals)
            .q(egress, Kind::DataRate);
    });
    t.output(
        Out::new(Section::Bandwidth, &["egress"]),
        format_args!("Egress at peak"),
        Kind::DataRate,
        egress,
    )
}

/// The queries an index stage sends to every shard and the results they return, at peak.
fn fanout<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let peak = e.peak_qps.get::<hertz>();
    if let (Some(ix), Some(emb)) = (&e.index, &s.embeddings) {
        // The query travels encoded as the stored vectors are (f32, f16, int8, binary); a PQ
        // index is searched with the raw f32 query.
        let query_dtype = if emb.dtype == Dtype::Pq {
            Dtype::F32
        } else {
            emb.dtype
        };
        let query = dtype_bytes(query_dtype, emb.dim, 0.0, 0.0);
        for (st, out) in s.stages.iter().zip(e.stages.iter_mut()) {
            if !st.index {
                continue;
            }
            let k = st.items_per_request.0;
            let per_shard = query + k * RESULT_BYTES;
            let fanout = peak * ix.shards * per_shard;
            reads_peak(s, t);
            t.uses(In::of(S::Embeddings, "dtype"));
            t.uses(In::entry(S::Stage, &st.name, "items_per_request"));
            t.step(per_shard, Kind::Size, |w| {
                w.t("per shard: ").n(query).t(" B query (");
                DtypeFormula {
                    dtype: query_dtype,
                    dim: emb.dim,
                    pq_m: 0.0,
                    pq_nbits: 0.0,
                }
                .write(w);
                w.t(")")
                    .op(Op::Plus)
                    .q(k, Kind::Count)
                    .t(" results")
                    .op(Op::Times)
                    .n(RESULT_BYTES)
                    .t(" B (id")
                    .op(Op::Plus)
                    .t("score)")
                    .op(Op::Equals)
                    .q(per_shard, Kind::Size);
            });
            t.step(fanout, Kind::DataRate, |w| {
                w.q(peak, Kind::Rate)
                    .of(PEAK_QPS)
                    .t(" peak")
                    .op(Op::Times)
                    .n(ix.shards)
                    .of(Out::new(Section::Index, &["shards"]))
                    .t(" shards")
                    .op(Op::Times)
                    .q(per_shard, Kind::Size)
                    .op(Op::Equals)
                    .q(fanout, Kind::DataRate);
            });
            let fanout = t.output(
                Out::new(Section::Bandwidth, &[&st.name, "fanout"]),
                format_args!("Fan-out to index shards: {}", st.name),
                Kind::DataRate,
                fanout,
            );
            out.fanout = bytes_per_second(fanout);
        }
    }
}
