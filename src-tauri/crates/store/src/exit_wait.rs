//! The process does not exit while a dropped database is still closing.
//!
//! sqlx closes each connection of a pool that was dropped without `close().await` on the
//! connection's own worker thread, a little later. SQLCipher frees its global state (mutexes,
//! crypto provider) in an `atexit` handler. When a process returns from `main` while a worker is
//! still inside `sqlite3_close` (freeing the codec, checkpointing the WAL), the two race and the
//! process dies with SIGSEGV after all its work is done.
//!
//! So every connection carries a close signal: a collation whose destructor SQLite runs near the
//! end of `sqlite3_close`; on a worker thread the signal is held until that thread has ended.
//! When the last handle to a pool goes, its count of open connections is watched, and an exit
//! handler (registered after SQLCipher's, so it runs before it) waits until every watched count
//! is zero, or `EXIT_WAIT` at most. A pool still open at exit (never dropped) is not waited for:
//! its connections are idle on their threads and SQLCipher's handler does not race them.

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, Once, PoisonError};
use std::time::{Duration, Instant};

use sqlx::SqliteConnection;

/// Names of the sqlx worker threads of our connections.
const WORKER_PREFIX: &str = "xueji-db-";
/// The longest an exit waits for closing connections.
const EXIT_WAIT: Duration = Duration::from_secs(5);
/// The collation that carries the close signal; never used in SQL.
const SIGNAL_COLLATION: &str = "xueji_close_signal";

/// Open-connection counts of pools whose last handle was dropped.
static WATCHED: Mutex<Vec<Arc<AtomicUsize>>> = Mutex::new(Vec::new());
static CLOSED: Condvar = Condvar::new();
static REGISTER: Once = Once::new();

thread_local! {
    /// Signals of connections this worker thread closed, released when the thread ends.
    static ENDING: RefCell<Vec<Released>> = const { RefCell::new(Vec::new()) };
}

/// The worker thread name for connection `id`.
pub(crate) fn worker_name(id: u64) -> String {
    format!("{WORKER_PREFIX}{id}")
}

/// Counts the open connections of one pool. The pool's `after_connect` hook owns it, so it is
/// dropped with the pool, and from then on watched at exit.
#[derive(Debug, Default)]
pub(crate) struct OpenConnections(Arc<AtomicUsize>);

impl OpenConnections {
    /// Counts `conn` until SQLite has closed it and its worker thread has ended.
    pub(crate) async fn track(&self, conn: &mut SqliteConnection) -> sqlx::Result<()> {
        REGISTER.call_once(register_exit_handler);
        self.0.fetch_add(1, Ordering::SeqCst);
        let signal = CloseSignal(Arc::clone(&self.0));
        // On failure sqlx drops the closure at once, and with it the signal (uncounted again).
        conn.lock_handle()
            .await?
            .create_collation(SIGNAL_COLLATION, move |a, b| {
                let _keep = &signal;
                a.cmp(b)
            })
    }
}

impl Drop for OpenConnections {
    fn drop(&mut self) {
        let mut watched = WATCHED.lock().unwrap_or_else(PoisonError::into_inner);
        watched.retain(|count| count.load(Ordering::SeqCst) > 0);
        if self.0.load(Ordering::SeqCst) > 0 {
            watched.push(Arc::clone(&self.0));
        }
    }
}

/// Dropped by SQLite (with the collation) while it closes the connection.
struct CloseSignal(Arc<AtomicUsize>);

impl Drop for CloseSignal {
    fn drop(&mut self) {
        let released = Released(Arc::clone(&self.0));
        let on_worker = std::thread::current()
            .name()
            .is_some_and(|name| name.starts_with(WORKER_PREFIX));
        if on_worker {
            // The rest of `sqlite3_close` runs after this; the thread's end is after all of it.
            // When the thread-locals are already gone the thread is ending now, and the closure
            // (with `released`) is dropped at once.
            let _ = ENDING.try_with(move |ending| ending.borrow_mut().push(released));
        }
        // On any other thread the close finishes before this thread can exit the process;
        // `released` (when not kept) is dropped here.
    }
}

/// Uncounts a connection when dropped.
struct Released(Arc<AtomicUsize>);

impl Drop for Released {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
        let _watched = WATCHED.lock().unwrap_or_else(PoisonError::into_inner);
        CLOSED.notify_all();
    }
}

/// Waits until no watched pool has an open connection, or `limit` has passed.
/// Returns whether every watched connection closed.
pub(crate) fn wait_for_closing(limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    let mut watched = WATCHED.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        if watched
            .iter()
            .all(|count| count.load(Ordering::SeqCst) == 0)
        {
            return true;
        }
        let now = Instant::now();
        if now >= deadline {
            return false;
        }
        watched = CLOSED
            .wait_timeout(watched, deadline - now)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
}

extern "C" fn wait_at_exit() {
    // Never unwind out of an exit handler.
    let _ = std::panic::catch_unwind(|| wait_for_closing(EXIT_WAIT));
}

/// SQLCipher registers its handler when SQLite first initialises, before any connection exists;
/// ours is registered at the first connection, so it runs first (handlers run in reverse order).
#[allow(unsafe_code)]
fn register_exit_handler() {
    unsafe extern "C" {
        fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
    }
    // SAFETY: `atexit` is the C runtime's, takes a plain function with no arguments, and is
    // called once (under `REGISTER`); `wait_at_exit` never unwinds.
    unsafe {
        atexit(wait_at_exit);
    }
}
