//! Work split across the machine's cores with scoped threads, results in input order, so a
//! build's output never depends on how many cores ran it.

/// A worker's stack. Pages are trees walked recursively (html5ever's DOM, the sanitiser), and a
/// page of 5,000 nested elements overflowed the default 2 MB and aborted the whole build. Only the
/// pages touched are committed; [`crate::html_page::MAX_DEPTH`] bounds what a page may need (about
/// 5 MB). Where a worker cannot start (address space limited), its range runs on the caller's
/// thread.
pub const WORKER_STACK: usize = 64 * 1024 * 1024;

/// `work` on `0..n` split into one contiguous range per available core (one range below
/// `min_chunk` items a core), the results in the order of the ranges.
pub fn chunks<R: Send>(
    n: usize,
    min_chunk: usize,
    work: impl Fn(std::ops::Range<usize>) -> R + Sync,
) -> Vec<R> {
    let threads =
        std::thread::available_parallelism().map_or(1, |t| t.get()).min(n.div_ceil(min_chunk.max(1))).max(1);
    let chunk = n.div_ceil(threads).max(1);
    let range = |t: usize| (t * chunk).min(n)..((t + 1) * chunk).min(n);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let work = &work;
                // Even one range runs on a worker of its own: the stack is then the same however
                // many cores run the build.
                std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(s, move || work(range(t)))
            })
            .collect();
        handles
            .into_iter()
            .enumerate()
            .map(|(t, h)| match h {
                Ok(h) => h.join().expect("a build worker panicked"),
                Err(_) => work(range(t)),
            })
            .collect()
    })
}

/// `f` of every item, in parallel, in the items' order.
pub fn map<T: Sync, R: Send>(items: &[T], min_chunk: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    chunks(items.len(), min_chunk, |range| items[range].iter().map(&f).collect::<Vec<R>>())
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u32> = (0..10_000).collect();
        assert_eq!(super::map(&items, 16, |i| i * 2), items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(super::map(&[] as &[u32], 16, |i| *i), Vec::<u32>::new());
    }
}
