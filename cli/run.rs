//! The arguments (clap) and the two commands, run over every file on every core (rayon), with
//! their exit statuses: 0 all valid, 1 something invalid, 2 a usage or input error.

use crate::check::{check, CheckOptions, FileCheck};
use crate::input::{open, InputError, Source};
use crate::out::{progress, Out};
use crate::summarize::{Format, SummaryRequest};
use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

const EXAMPLES: &str = "\
Examples:
  cc-number-events check payload.json            file:line:column: severity code: message
  cc-number-events check --strict hooks/*.json   warnings fail the check too
  curl -s $URL | cc-number-events check -        read standard input
  cc-number-events summarize capture.ndjson.gz   gzip is read as it is
  cc-number-events summarize --format markdown day1.ndjson day2.ndjson > report.md
  cc-number-events summarize --format csv log.ndjson | head -5

Exit status: 0 when every file is valid, 1 when any is invalid (check), 2 for a usage error
or a file that cannot be read (missing, a directory, binary data).";

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
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Summarize(args) => run_summarize(args),
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

/// Reads one source whole.
fn read(source: &Source, counter: &Arc<AtomicU64>) -> Result<Vec<u8>, InputError> {
    open(source, counter.clone())?.read_all()
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
    let results: Vec<Result<FileCheck, InputError>> = sources
        .par_iter()
        .map(|s| read(s, &counter).map(|bytes| check(s.name(), &bytes, &options)))
        .collect();
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
    };
    let (sources, counter, bar) = sources(&args.files);
    let results: Vec<Result<String, InputError>> = sources
        .par_iter()
        .map(|s| read(s, &counter).map(|bytes| request.render(&request.summarize(&bytes))))
        .collect();
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
