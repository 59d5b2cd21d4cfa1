//! Bandwidth at peak: ingress (requests and uploads), egress (responses), and the fan-out from
//! an index stage to every shard.

use super::storage::{DtypeFormula, dtype_bytes};
use super::traffic::uses_traffic;
use super::{Estimate, Section, Trace};
use crate::scenario::{Dtype, Scenario};
use crate::units::format::{Grouped, Human};
use crate::units::{Kind, SECONDS_PER_DAY, bytes_per_second};
use uom::si::frequency::hertz;
use uom::si::information::byte;

/// Bytes one shard returns per result: an 8-byte id and a 4-byte score.
pub const RESULT_BYTES: f64 = 12.0;

pub fn estimate<T: Trace>(s: &Scenario, e: &mut Estimate, t: &mut T) {
    let peak = e.peak_qps.get::<hertz>();
    let (request, response) = match s.requests() {
        Some(tr) => (
            tr.request_size.get::<byte>(),
            tr.response_size.get::<byte>(),
        ),
        None => (0.0, 0.0),
    };
    // Uploads peak with traffic; with no [traffic], by the default factor.
    let peak_factor = s.peak_factor();

    uses_traffic(s, t);
    if s.requests().is_some() {
        t.uses(format_args!("traffic.request_size"));
    }
    let requests = peak * request;
    t.step(
        requests,
        Kind::DataRate,
        format_args!(
            "requests: {} peak × {} = {}",
            Human::new(peak, Kind::Rate),
            Human::new(request, Kind::Size),
            Human::new(requests, Kind::DataRate)
        ),
    );
    let mut uploads = 0.0;
    for c in &s.corpora {
        if c.new_items_per_day.0 == 0.0 {
            continue;
        }
        if !c.uploaded {
            t.uses(format_args!("corpus.{}.uploaded", c.name));
            t.step(
                0.0,
                Kind::DataRate,
                format_args!(
                    "{}: stored from data already inside (uploaded = false), not ingress",
                    c.name
                ),
            );
            continue;
        }
        let size = c.item_size.get::<byte>();
        let up = c.new_items_per_day.0 * size / SECONDS_PER_DAY * peak_factor;
        t.uses(format_args!("corpus.{}.new_items_per_day", c.name));
        t.uses(format_args!("corpus.{}.item_size", c.name));
        if s.traffic.is_some() {
            t.uses(format_args!("traffic.peak_factor"));
        }
        t.step(
            up,
            Kind::DataRate,
            format_args!(
                "uploads to {}: {}/day × {} ÷ {} s × peak {}{} = {}",
                c.name,
                Human::new(c.new_items_per_day.0, Kind::Count),
                Human::new(size, Kind::Size),
                Grouped(SECONDS_PER_DAY),
                Grouped(peak_factor),
                if s.traffic.is_some() {
                    ""
                } else {
                    " (the default peak factor: no [traffic])"
                },
                Human::new(up, Kind::DataRate)
            ),
        );
        uploads += up;
    }
    let ingress = requests + uploads;
    t.step(
        ingress,
        Kind::DataRate,
        format_args!("total ingress = {}", Human::new(ingress, Kind::DataRate)),
    );
    t.output(
        Section::Bandwidth,
        format_args!("ingress"),
        format_args!("Ingress at peak"),
        Kind::DataRate,
        ingress,
    );

    uses_traffic(s, t);
    if s.requests().is_some() {
        t.uses(format_args!("traffic.response_size"));
    }
    let egress = peak * response;
    t.step(
        egress,
        Kind::DataRate,
        format_args!(
            "{} peak × {} = {}",
            Human::new(peak, Kind::Rate),
            Human::new(response, Kind::Size),
            Human::new(egress, Kind::DataRate)
        ),
    );
    t.output(
        Section::Bandwidth,
        format_args!("egress"),
        format_args!("Egress at peak"),
        Kind::DataRate,
        egress,
    );

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
            uses_traffic(s, t);
            t.uses(format_args!("embeddings.dim"));
            t.uses(format_args!("embeddings.dtype"));
            t.uses(format_args!("stage.{}.items_per_request", st.name));
            t.step(
                per_shard,
                Kind::Size,
                format_args!(
                    "per shard: {} B query ({}) + {} results × {} B (id + score) = {}",
                    Grouped(query),
                    DtypeFormula {
                        dtype: query_dtype,
                        dim: emb.dim,
                        pq_m: 0.0,
                        pq_nbits: 0.0
                    },
                    Human::new(k, Kind::Count),
                    Grouped(RESULT_BYTES),
                    Human::new(per_shard, Kind::Size)
                ),
            );
            t.step(
                fanout,
                Kind::DataRate,
                format_args!(
                    "{} peak × {} shards × {} = {}",
                    Human::new(peak, Kind::Rate),
                    Grouped(ix.shards),
                    Human::new(per_shard, Kind::Size),
                    Human::new(fanout, Kind::DataRate)
                ),
            );
            t.inherit(|id| id == "index.shards");
            t.output(
                Section::Bandwidth,
                format_args!("{}.fanout", st.name),
                format_args!("Fan-out to index shards: {}", st.name),
                Kind::DataRate,
                fanout,
            );
            out.fanout = bytes_per_second(fanout);
        }
    }

    e.ingress = bytes_per_second(ingress);
    e.egress = bytes_per_second(egress);
}
