//! The generative side on the fast path: once the buffers exist, an estimate of a scenario with
//! `[llm]`, `[diffusion]` and language-model training allocates nothing, on the silent trace and
//! on the values trace the Monte Carlo and sweeps use.

use napkin::estimate::{self, Estimate};
use napkin::scenario::load_str;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the allocations of the thread that makes them.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn the_generative_estimate_allocates_nothing_once_warm() {
    let s = load_str(
        "[meta]\nid = \"t\"\ntitle = \"T\"\n[traffic]\nqps = \"1k/s\"\n\
         [llm]\nmodel = \"mixtral-8x7b\"\nprompt_tokens = 2000\noutput_tokens = 300\ndevice = \"TPU v5p\"\n\
         tensor_parallel = 4\nmax_batch = 128\nprice_per_device_hour = \"$4\"\nttft_target = \"1 s\"\n\
         [diffusion]\noutputs_per_day = \"1M\"\nsteps = 30\nflops_per_step = \"10T\"\ndevice = \"H200\"\n\
         price_per_device_hour = \"$3\"\noutput_size = \"1 MB\"\nretention = \"30 d\"\n\
         [training]\nparams = \"1B\"\ncompute_optimal = true\ndevice = \"B200\"\n",
        "t.toml",
    )
    .unwrap();
    let mut e = Estimate::default();
    let mut values = Vec::new();
    // Warm: the tables are read once, the buffers grow once.
    estimate::estimate_into(&s, &mut e);
    estimate::values_into(&s, &mut e, &mut values);
    let before = allocations();
    for _ in 0..100 {
        estimate::estimate_into(&s, &mut e);
        estimate::values_into(&s, &mut e, &mut values);
    }
    assert_eq!(allocations() - before, 0);
    assert!(e.llm.is_some() && e.diffusion.is_some() && e.total_devices > 0.0);
}
