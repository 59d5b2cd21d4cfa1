//! Jobs shared between threads of rayon's pool: each thread takes the next job as it finishes
//! one, so that a core another process holds slows a run by about one job, where fixed halves
//! would wait for the slower half.

use std::sync::{Mutex, PoisonError};

/// Runs `work` on every job, with one state per thread (`states.len()` threads at most).
/// Returns when every job is done.
///
/// The first state's thread spawns the others' and, at the end, runs itself any of them no
/// thread has started yet (rayon's scope), which finds the queue empty: a helper that another
/// process keeps off its core is not waited for.
pub fn share<J: Send, S: Send>(
    jobs: impl Iterator<Item = J> + Send,
    states: &mut [S],
    work: impl Fn(&mut S, J) + Sync,
) {
    let queue = Mutex::new(jobs);
    // A job that panicked leaves the queue as it was: the others go on, and the panic is
    // raised again when the scope ends.
    let next = || queue.lock().unwrap_or_else(PoisonError::into_inner).next();
    let Some((mine, others)) = states.split_first_mut() else {
        return;
    };
    if others.is_empty() {
        while let Some(job) = next() {
            work(mine, job);
        }
        return;
    }
    let (next, work) = (&next, &work);
    rayon::scope(|scope| {
        for state in others {
            scope.spawn(move |_| {
                while let Some(job) = next() {
                    work(state, job);
                }
            });
        }
        while let Some(job) = next() {
            work(mine, job);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn every_job_is_done_once_whatever_thread_takes_it() {
        let mut done = vec![0_u32; 1_000];
        let mut states = vec![0_usize; 3];
        share(
            done.chunks_mut(7).enumerate(),
            &mut states,
            |count, (k, chunk)| {
                *count += 1;
                for (i, d) in chunk.iter_mut().enumerate() {
                    *d += (k * 7 + i) as u32;
                }
            },
        );
        assert!(done.iter().enumerate().all(|(i, &d)| d == i as u32));
        // ⌈1,000 ÷ 7⌉ = 143 jobs (the last of 6), each taken by one of the three threads.
        assert_eq!(states.iter().sum::<usize>(), 143);
    }

    #[test]
    fn one_state_does_every_job_on_this_thread() {
        let here = std::thread::current().id();
        let mut states = [Vec::new()];
        share(0..5, &mut states, |seen, job| {
            assert_eq!(std::thread::current().id(), here);
            seen.push(job);
        });
        assert_eq!(states[0], [0, 1, 2, 3, 4]);
    }
}
