//! `mentor triage --jobs N`: forms assessed on N threads, the report unchanged (issue 15).
//!
//! The file is read on the calling thread, which cuts it into batches of [`BATCH`] records
//! and deals them to the workers in turn; each worker assesses its batches
//! ([`triage::assess`]: reading the form, validation, eligibility, priority) and sends the
//! entries back. The calling thread takes the batches back in the order it dealt them, so the
//! queue receives every entry in input order ([`Triage::extend`]): repeated applications,
//! ranks and ties come out as with one thread, byte for byte. At most two batches per worker
//! wait at any time, so memory stays that of the queue.

use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::{self, Scope};

use chrono::{DateTime, Utc};
use mentor_core::policy::Policy;
use mentor_core::triage::{self, Entry, Triage};
use mentor_core::wire::Record;

/// Records per batch: large enough that a batch costs far more to assess (about 10 ms) than
/// to hand over, small enough that the batches in flight hold little (about 1 MB of text).
const BATCH: usize = 1024;

/// The threads `--jobs` asks for: `0` is every core the system gives this process.
pub fn threads(jobs: usize) -> usize {
    if jobs == 0 {
        thread::available_parallelism().map_or(1, usize::from)
    } else {
        jobs
    }
}

/// Workers assessing batches of records for one queue, in the order they were dealt.
pub struct Workers {
    /// One batch may wait at each worker while it assesses another.
    to_workers: Vec<SyncSender<Vec<Record>>>,
    from_workers: Vec<Receiver<Vec<Entry>>>,
    batch: Vec<Record>,
    dealt: usize,
    taken_back: usize,
}

impl Workers {
    /// Starts `count` workers (at least one) in `scope`, assessing under `policy` at `now`.
    pub fn start<'scope, 'env>(
        scope: &'scope Scope<'scope, 'env>,
        count: usize,
        policy: &'env Policy,
        now: DateTime<Utc>,
    ) -> Workers {
        let (mut to_workers, mut from_workers) = (Vec::new(), Vec::new());
        for _ in 0..count.max(1) {
            let (give, work) = mpsc::sync_channel::<Vec<Record>>(1);
            let (done, take) = mpsc::channel();
            scope.spawn(move || {
                for batch in work {
                    let entries = batch.iter().map(|r| triage::assess(r, policy, now)).collect();
                    if done.send(entries).is_err() {
                        break; // the reading stopped (an unreadable file): nothing to do
                    }
                }
            });
            to_workers.push(give);
            from_workers.push(take);
        }
        Workers {
            to_workers,
            from_workers,
            batch: Vec::with_capacity(BATCH),
            dealt: 0,
            taken_back: 0,
        }
    }

    /// Adds one record; a full batch goes to the next worker, and the queue receives the
    /// batches already assessed that are next in input order.
    pub fn push(&mut self, record: Record, queue: &mut Triage<'_>) {
        self.batch.push(record);
        if self.batch.len() == BATCH {
            self.deal(queue);
        }
    }

    /// Deals the last batch and waits for every entry, which the queue receives in input order.
    pub fn finish(mut self, queue: &mut Triage<'_>) {
        if !self.batch.is_empty() {
            self.deal(queue);
        }
        self.to_workers.clear(); // the workers end once their last batch is assessed
        while self.taken_back < self.dealt {
            self.take_back(queue);
        }
    }

    fn deal(&mut self, queue: &mut Triage<'_>) {
        let count = self.to_workers.len();
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        if let Some(worker) = self.to_workers.get(self.dealt % count) {
            // A worker only stops when its channel closes: sending cannot fail before.
            let _ = worker.send(batch);
        }
        self.dealt += 1;
        // Two batches per worker in flight keep every worker busy while the reading goes on.
        if self.dealt - self.taken_back >= 2 * count {
            self.take_back(queue);
        }
    }

    /// Waits for the oldest batch still out and gives its entries to the queue. A worker
    /// cannot fail to answer unless it panicked (a bug), and then the scope's end panics too.
    fn take_back(&mut self, queue: &mut Triage<'_>) {
        let count = self.from_workers.len();
        if let Some(Ok(entries)) = self.from_workers.get(self.taken_back % count).map(Receiver::recv) {
            queue.extend(entries);
        }
        self.taken_back += 1;
    }
}
