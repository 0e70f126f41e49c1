//! Standard output that survives a reader going away (`... | head -1`), and the progress bar,
//! drawn on standard error only when it is a terminal.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Buffered standard output. Once the reader has gone (a closed pipe), what is left to write
/// is dropped silently: Rust ignores SIGPIPE, so every later write would fail the same way,
/// and the verdict (the exit status) still stands.
pub struct Out {
    w: BufWriter<Stdout>,
    closed: bool,
    failed: Option<io::Error>,
}

impl Out {
    pub fn new() -> Self {
        Out {
            w: BufWriter::with_capacity(1 << 16, io::stdout()),
            closed: false,
            failed: None,
        }
    }

    fn note(&mut self, r: io::Result<()>) {
        if let Err(e) = r {
            self.closed = true;
            if e.kind() != io::ErrorKind::BrokenPipe {
                self.failed.get_or_insert(e);
            }
        }
    }

    /// Writes `text` as it is.
    pub fn text(&mut self, text: &str) {
        if !self.closed {
            let r = self.w.write_all(text.as_bytes());
            self.note(r);
        }
    }

    /// Writes `text` and a line break.
    pub fn line(&mut self, text: &str) {
        self.text(text);
        self.text("\n");
    }

    /// Flushes, and returns an error other than a closed pipe (a full disk, say).
    pub fn finish(mut self) -> Option<io::Error> {
        if !self.closed {
            let r = self.w.flush();
            self.note(r);
        }
        self.failed
    }
}

/// A progress bar over `total` bytes read from disk, or `None` when standard error is not a
/// terminal (a CI log, a redirect): the bar would only litter it.
pub fn progress(total: Option<u64>, read: Arc<AtomicU64>) -> Option<Progress> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = match total {
        Some(n) => ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
        None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
    };
    let style = if total.is_some() {
        "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}"
    } else {
        "{spinner} {bytes} {bytes_per_sec}"
    };
    if let Ok(style) = ProgressStyle::with_template(style) {
        bar.set_style(style);
    }
    // The bar reads the shared counter itself, ten times a second, so the readers (on every
    // core) only add to an atomic.
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let ticker = {
        let (bar, stop) = (bar.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                bar.set_position(read.load(Ordering::Relaxed));
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    Some(Progress {
        bar,
        stop,
        ticker: Some(ticker),
    })
}

/// A running progress bar; cleared from the terminal when dropped.
pub struct Progress {
    bar: ProgressBar,
    stop: Arc<std::sync::atomic::AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.ticker.take() {
            let _ = t.join();
        }
        self.bar.finish_and_clear();
    }
}
