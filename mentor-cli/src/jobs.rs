//! `mentor triage --jobs N`: the forms assessed, and the `--json` report written, on N
//! threads, the report unchanged byte for byte (issue 15).
//!
//! The calling thread reads the file and cuts it into batches of [`BATCH`] records, which a
//! [`Pipeline`] deals to the workers in turn; each worker assesses its batches
//! ([`triage::assess`]: reading the form, validation, eligibility, priority). The calling
//! thread takes the batches back in the order it dealt them, so the queue receives every entry
//! in input order ([`Triage::extend`]): repeated applications, ranks and ties come out as with
//! one thread. The report is written the same way: its entries, in report order, are dealt in
//! batches to workers that render them as JSON Lines, and the calling thread writes the texts
//! in the order dealt. At most two batches per worker wait at any time, so memory stays that of
//! the queue.

use std::cell::RefCell;
use std::io;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::{self, Scope};

use chrono::{DateTime, Utc};
use mentor_core::Lang;
use mentor_core::policy::Policy;
use mentor_core::triage::{self, Entry, Triage};
use mentor_core::wire::Record;

use crate::render;

/// Items per batch: large enough that a batch costs far more to assess or render (several
/// milliseconds) than to hand over, small enough that the batches in flight hold little (about
/// 1 MB of text).
const BATCH: usize = 4096;

/// The threads `--jobs` asks for: `0` is every core the system gives this process.
pub fn threads(jobs: usize) -> usize {
    if jobs == 0 {
        thread::available_parallelism().map_or(1, usize::from)
    } else {
        jobs
    }
}

/// Assesses the records `read` hands over on `threads` workers, giving `queue` every entry in
/// input order. Returns what `read` returns.
///
/// # Errors
/// `read`'s own (the file could not be read): the entries of the records read before are in
/// the queue.
pub fn assess<E>(
    threads: usize,
    queue: &mut Triage<'_>,
    policy: &Policy,
    now: DateTime<Utc>,
    read: impl FnOnce(&mut dyn FnMut(Record)) -> Result<(), E>,
) -> Result<(), E> {
    thread::scope(|scope| {
        let mut pipeline = Pipeline::start(scope, threads, move |batch: Vec<Record>| {
            batch
                .iter()
                .map(|r| triage::assess(r, policy, now))
                .collect::<Vec<Entry>>()
        });
        let result = read(&mut |record| pipeline.push(record, &mut |entries| queue.extend(entries)));
        pipeline.finish(&mut |entries| queue.extend(entries));
        result
    })
}

/// Writes `entries` as JSON Lines ([`render::write_json_lines`]), rendered on `threads`
/// workers and written in order.
///
/// # Errors
/// The output's: the entries after the failure are not written.
pub fn write_json_lines(
    out: &mut dyn io::Write,
    entries: impl Iterator<Item = Entry>,
    lang: Lang,
    threads: usize,
) -> io::Result<()> {
    thread::scope(|scope| {
        let mut pipeline = Pipeline::start(scope, threads, move |batch: Vec<Entry>| {
            let mut text = Vec::new();
            // Writing into memory cannot fail.
            let _ = render::write_json_lines(&mut text, batch, lang);
            text
        });
        // The first failure stops the writing (a closed pipe: `mentor triage … | head`).
        let failure = RefCell::new(None);
        let mut write = |text: Vec<u8>| {
            if failure.borrow().is_none() {
                if let Err(e) = out.write_all(&text) {
                    *failure.borrow_mut() = Some(e);
                }
            }
        };
        for entry in entries {
            if failure.borrow().is_some() {
                break;
            }
            pipeline.push(entry, &mut write);
        }
        pipeline.finish(&mut write);
        failure.into_inner().map_or(Ok(()), Err)
    })
}

/// Workers doing `work` on batches of items, whose answers are taken back in the order the
/// batches were dealt. When the system gives no thread at all, the calling thread does the
/// work itself.
struct Pipeline<In, Out, W> {
    work: W,
    /// One batch may wait at each worker while it works on another.
    to_workers: Vec<SyncSender<Vec<In>>>,
    from_workers: Vec<Receiver<Out>>,
    batch: Vec<In>,
    dealt: usize,
    taken_back: usize,
}

impl<In: Send, Out: Send, W: Fn(Vec<In>) -> Out + Clone + Send> Pipeline<In, Out, W> {
    /// Starts `count` workers in `scope`, or as many as the system gives (a thread that cannot
    /// be started is not an error: the others share the work).
    fn start<'scope, 'env>(scope: &'scope Scope<'scope, 'env>, count: usize, work: W) -> Pipeline<In, Out, W>
    where
        In: 'scope,
        Out: 'scope,
        W: 'scope,
    {
        let (mut to_workers, mut from_workers) = (Vec::new(), Vec::new());
        for _ in 0..count.max(1) {
            let (give, batches) = mpsc::sync_channel::<Vec<In>>(1);
            let (done, take) = mpsc::channel();
            let worker_work = work.clone();
            let started = thread::Builder::new().spawn_scoped(scope, move || {
                for batch in batches {
                    if done.send(worker_work(batch)).is_err() {
                        break; // the caller stopped (an unreadable file, a closed output)
                    }
                }
            });
            if started.is_err() {
                break; // the system's limit of threads: the workers started share the work
            }
            to_workers.push(give);
            from_workers.push(take);
        }
        Pipeline {
            work,
            to_workers,
            from_workers,
            batch: Vec::with_capacity(BATCH),
            dealt: 0,
            taken_back: 0,
        }
    }

    /// Adds one item; a full batch goes to the next worker, and `take` receives the answers
    /// that are next in order.
    fn push(&mut self, item: In, take: &mut dyn FnMut(Out)) {
        self.batch.push(item);
        if self.batch.len() == BATCH {
            self.deal(take);
        }
    }

    /// Deals the last batch and hands `take` every answer still out, in order.
    fn finish(mut self, take: &mut dyn FnMut(Out)) {
        if !self.batch.is_empty() {
            self.deal(take);
        }
        self.to_workers.clear(); // the workers end once their last batch is done
        while self.taken_back < self.dealt {
            self.take_back(take);
        }
    }

    fn deal(&mut self, take: &mut dyn FnMut(Out)) {
        let count = self.to_workers.len();
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        if count == 0 {
            take((self.work)(batch));
            return;
        }
        if let Some(worker) = self.to_workers.get(self.dealt % count) {
            // A worker only stops when its channel closes: sending cannot fail before.
            let _ = worker.send(batch);
        }
        self.dealt += 1;
        // Two batches per worker in flight keep every worker busy while the caller goes on.
        if self.dealt - self.taken_back >= 2 * count {
            self.take_back(take);
        }
    }

    /// Waits for the oldest batch still out and hands its answer to `take`. A worker cannot
    /// fail to answer unless it panicked (a bug), and then the scope's end panics too.
    fn take_back(&mut self, take: &mut dyn FnMut(Out)) {
        let count = self.from_workers.len();
        if let Some(Ok(answer)) = self.from_workers.get(self.taken_back % count).map(Receiver::recv) {
            take(answer);
        }
        self.taken_back += 1;
    }
}
