//! Working on many places at once: split across the machine's cores when there are enough
//! places to pay for starting threads, with the results in journal order either way.

/// Below this many places the work stays on one thread: starting more costs more.
const PLACES_PER_THREAD: usize = 2048;

/// `work` done on each part of `items`, on up to as many threads as there are cores; the
/// results in order, or the error of the first part (in journal order) that failed.
pub(super) fn in_parts<P, T, E>(
    items: &mut [P],
    work: impl Fn(&mut [P]) -> Result<Vec<T>, E> + Sync,
) -> Result<Vec<T>, E>
where
    P: Send,
    T: Send,
    E: Send,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let part = items.len().div_ceil(threads).max(PLACES_PER_THREAD);
    if items.len() <= part {
        return work(items);
    }
    let parts: Vec<Result<Vec<T>, E>> = std::thread::scope(|scope| {
        let running: Vec<_> = items
            .chunks_mut(part)
            .map(|chunk| scope.spawn(|| work(chunk)))
            .collect();
        running
            .into_iter()
            .map(|thread| match thread.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    let mut all = Vec::with_capacity(items.len());
    for part in parts {
        all.append(&mut part?);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_results_keep_their_order_and_the_first_failure_in_order_is_the_one_told() {
        let mut items: Vec<usize> = (0..10_000).collect();
        let doubled = in_parts(&mut items, |part| {
            Ok::<_, usize>(part.iter().map(|n| n * 2).collect())
        });
        assert_eq!(doubled, Ok((0..10_000).map(|n| n * 2).collect::<Vec<_>>()));
        let failed = in_parts(&mut items, |part| {
            match part.iter().find(|n| **n % 3000 == 2999) {
                Some(n) => Err(*n),
                None => Ok(part.to_vec()),
            }
        });
        assert_eq!(failed, Err(2999));
    }
}
