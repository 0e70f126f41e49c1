//! The arguments (clap) and the two commands, run over every file on every core (rayon), with
//! their exit statuses: 0 all valid, 1 something invalid, 2 a usage or input error.

use crate::check::{check_source, CheckOptions, FileCheck};
use crate::input::{InputError, Source};
use crate::out::{progress, Out};
use crate::reconcile::{found_something, instant, ReconcileRequest};
use crate::summarize::{Format, SummaryRequest};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const EXAMPLES: &str = "\
Examples:
  cc-number-events check payload.json            file:line:column: severity code: message
  cc-number-events check --strict hooks/*.json   warnings fail the check too
  curl -s $URL | cc-number-events check -        read standard input
  cc-number-events summarize capture.ndjson.gz   gzip is read as it is
  cc-number-events summarize --format markdown day1.ndjson day2.ndjson > report.md
  cc-number-events summarize --format csv log.ndjson | head -5
  cc-number-events summarize --no-timelines --format json weeks.ndjson.gz
  cc-number-events reconcile --before monday.json --after tuesday.json \
      --after-time 2023-04-19T08:00:00Z log.ndjson  what the log missed, against the lists

Exit status: 0 when every file is valid, 1 when any is invalid (check) or anything is found
(reconcile), 2 for a usage error or a file that cannot be read (missing, a directory, binary
data).";

/// Check and summarize RingCentral Contact Center phone-number event notifications: WebHook
/// bodies, WebSocket frames and logs of them (NDJSON, JSON arrays, concatenated JSON), plain
/// or gzip-compressed.
#[derive(Parser)]
#[command(name = "cc-number-events", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate payloads and logs; one line per problem, exit status 1 if any is invalid.
    ///
    /// A file that holds one notification (a WebHook body, a WebSocket frame, an APNS wrapper)
    /// is checked as one payload, every warning listed. Anything else is read as a log (NDJSON,
    /// a JSON array, concatenated JSON) whose items are each checked: every issue of a broken
    /// item is listed, located in the file; warnings of valid items are counted in a note.
    Check(CheckArgs),
    /// Summarize logs: counts, duplicates, order, net effect per account, each number's
    /// timeline.
    Summarize(SummarizeArgs),
    /// Reconcile a log against RingCentral's phone-number lists (the REST responses of
    /// `GET /restapi/v1.0/account/~/phone-number?usageType=ContactCenterNumber` or of the v2
    /// list, as saved): missed notifications, then drift; exit status 1 if anything is found.
    Reconcile(ReconcileArgs),
}

#[derive(Args)]
#[command(after_help = EXAMPLES)]
struct ReconcileArgs {
    /// The log of notifications (`-` for standard input).
    #[arg(value_name = "LOG")]
    log: PathBuf,
    /// The phone-number list as it is now (or when the log ends).
    #[arg(long, value_name = "FILE", required = true)]
    after: PathBuf,
    /// The phone-number list as it was when the log began.
    #[arg(long, value_name = "FILE")]
    before: Option<PathBuf>,
    /// When `--after` was taken: later notifications are not counted against it.
    #[arg(long, value_name = "TIME", value_parser = instant)]
    after_time: Option<cc_number_events::Instant>,
    /// When `--before` was taken: earlier notifications are already in it.
    #[arg(long, value_name = "TIME", value_parser = instant)]
    before_time: Option<cc_number_events::Instant>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Unknown members and undocumented values make a notification invalid.
    #[arg(long)]
    strict: bool,
}

#[derive(Args)]
#[command(after_help = EXAMPLES)]
struct CheckArgs {
    /// Files to check (`-` for standard input); `.gz` files are read as they are.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Unknown members and undocumented values are errors, and any warning fails the check.
    #[arg(long)]
    strict: bool,
    /// One JSON object per file and line (NDJSON) instead of the problem lines.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
#[command(after_help = EXAMPLES)]
struct SummarizeArgs {
    /// Logs to summarize (`-` for standard input), each on its own; `.gz` files are read as
    /// they are.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format. Several files: a `==> FILE <==` line before each (json: one line each).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Unknown members and undocumented values make an item invalid.
    #[arg(long)]
    strict: bool,
    /// Leave every timeline out: counts, problems and the net effect stay, and memory stays
    /// small whatever the log's size.
    #[arg(long)]
    no_timelines: bool,
    /// Keep only the last N entries of each number's timeline.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    last: Option<u64>,
    /// List only the numbers the log changes (added, removed, changed, transient).
    #[arg(long)]
    changed_only: bool,
    /// Stop reading after N items (default: read them all; memory grows with the items).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    max_items: Option<u64>,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Summarize(args) => run_summarize(args),
        Command::Reconcile(args) => run_reconcile(args),
    }
}

/// The sources named, with a progress bar over their bytes on a terminal.
fn sources(files: &[PathBuf]) -> (Vec<Source>, Arc<AtomicU64>, Option<crate::out::Progress>) {
    let sources: Vec<Source> = files.iter().map(|f| Source::from_arg(f)).collect();
    let total = sources
        .iter()
        .map(Source::size)
        .try_fold(0u64, |sum, s| s.map(|n| sum + n));
    let read = Arc::new(AtomicU64::new(0));
    let bar = progress(total, read.clone());
    (sources, read, bar)
}

/// `f` of every source, in their order, several at a time: one reader thread per core, each
/// handing the blocks of a large log to the rayon pool (parts.rs). The readers are threads of
/// their own, not rayon workers, because they wait for the parts they hand out.
fn each<R: Send>(sources: &[Source], f: impl Fn(&Source) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = sources.iter().map(|_| Mutex::new(None)).collect();
    let readers = rayon::current_num_threads().clamp(1, sources.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..readers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = sources.get(i) else { break };
                let r = f(source);
                *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            });
        }
    });
    // Every slot was filled: each index was taken by exactly one reader.
    results
        .into_iter()
        .filter_map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

fn report_input_error(e: &InputError) {
    eprintln!("cc-number-events: {e}");
}

fn finish(out: Out, code: u8) -> ExitCode {
    if let Some(e) = out.finish() {
        eprintln!("cc-number-events: cannot write the output: {e}");
        return ExitCode::from(2);
    }
    ExitCode::from(code)
}

fn run_check(args: CheckArgs) -> ExitCode {
    let options = CheckOptions {
        strict: args.strict,
    };
    let (sources, counter, bar) = sources(&args.files);
    let results: Vec<Result<FileCheck, InputError>> =
        each(&sources, |s| check_source(s, counter.clone(), &options));
    drop(bar);
    let mut out = Out::new();
    let (mut invalid, mut unreadable) = (false, false);
    for r in &results {
        match r {
            Ok(c) => {
                invalid |= !c.valid;
                if args.json {
                    out.line(&serde_json::to_string(c).unwrap_or_default());
                } else {
                    for line in c.lines() {
                        out.line(&line);
                    }
                }
            }
            Err(e) => {
                unreadable = true;
                report_input_error(e);
            }
        }
    }
    finish(out, if unreadable { 2 } else { u8::from(invalid) })
}

fn run_summarize(args: SummarizeArgs) -> ExitCode {
    let request = SummaryRequest {
        format: args.format,
        strict: args.strict,
        no_timelines: args.no_timelines,
        last_entries: args.last.map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        changed_only: args.changed_only,
        max_items: args
            .max_items
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
    };
    let (sources, counter, bar) = sources(&args.files);
    let results: Vec<Result<String, InputError>> =
        each(&sources, |s| request.summarize(s, counter.clone()));
    drop(bar);
    let mut out = Out::new();
    let several = sources.len() > 1 && request.format != Format::Json;
    let mut unreadable = false;
    for (i, (source, r)) in sources.iter().zip(&results).enumerate() {
        match r {
            Ok(text) => {
                if several {
                    if i > 0 {
                        out.line("");
                    }
                    out.line(&format!("==> {} <==", source.name()));
                }
                out.text(text);
            }
            Err(e) => {
                unreadable = true;
                report_input_error(e);
            }
        }
    }
    finish(out, if unreadable { 2 } else { 0 })
}

fn run_reconcile(args: ReconcileArgs) -> ExitCode {
    let request = ReconcileRequest {
        format: args.format,
        strict: args.strict,
        before_time: args.before_time,
        after_time: args.after_time,
    };
    let before = args.before.as_deref().map(Source::from_arg);
    let (log, after) = (Source::from_arg(&args.log), Source::from_arg(&args.after));
    let read = Arc::new(AtomicU64::new(0));
    match request.run(before.as_ref(), &log, &after, read) {
        Ok((r, text)) => {
            let mut out = Out::new();
            out.text(&text);
            finish(out, u8::from(found_something(&r)))
        }
        Err(e) => {
            report_input_error(&e);
            ExitCode::from(2)
        }
    }
}
