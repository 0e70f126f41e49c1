//! The `cc-number-events` binary, run as a user runs it: golden output on the fixture logs
//! (`tests/golden-cli/cases.json`, one `<name>.out` per case, shared with the npm bin's test
//! `tests/js/cli.test.mjs`), exit statuses, unreadable input, stdin, gzip and a closed pipe.
//!
//! `CLI_GOLDEN_UPDATE=1 cargo test --test cli` rewrites the `.out` files from this binary;
//! review the diff.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_cc-number-events");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn golden() -> PathBuf {
    root().join("tests/golden-cli")
}

struct Ran {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary from the crate's root (so names in its output are relative paths).
fn run(args: &[&str], stdin: Option<&Path>) -> Ran {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.stdin(match stdin {
        Some(p) => Stdio::from(fs::File::open(root().join(p)).unwrap()),
        None => Stdio::null(),
    });
    let out = cmd.output().unwrap();
    Ran {
        status: out.status.code().expect("killed by a signal"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn golden_output_and_exit_statuses() {
    let cases: Vec<Value> =
        serde_json::from_str(&fs::read_to_string(golden().join("cases.json")).unwrap()).unwrap();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let update = std::env::var_os("CLI_GOLDEN_UPDATE").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let args: Vec<&str> = case["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let stdin = case["stdin"].as_str().map(Path::new);
        let ran = run(&args, stdin);
        let status = case["status"].as_i64().unwrap() as i32;
        if ran.status != status {
            failures.push(format!(
                "{name}: exit status {} instead of {status}; stderr: {}",
                ran.status, ran.stderr
            ));
        }
        assert!(
            !ran.stderr.contains("panicked"),
            "{name}: panicked: {}",
            ran.stderr
        );
        if let Some(stderr) = case["stderr"].as_str() {
            if ran.stderr != stderr {
                failures.push(format!("{name}: stderr {:?}, not {stderr:?}", ran.stderr));
            }
        }
        if status == 2 {
            // Usage and input errors go to stderr; stdout holds only what other files gave.
            if ran.stderr.is_empty() {
                failures.push(format!("{name}: exit status 2 without a message"));
            }
            let has_out = case["args"].as_array().unwrap().len() > 2 && name.contains("among");
            if !has_out && !ran.stdout.is_empty() {
                failures.push(format!("{name}: stdout {:?} on a usage error", ran.stdout));
            }
            continue;
        }
        let file = golden().join(format!("{}.out", case["sameAs"].as_str().unwrap_or(name)));
        if update && case["sameAs"].is_null() {
            fs::write(&file, &ran.stdout).unwrap();
        }
        let want = fs::read_to_string(&file).unwrap_or_else(|_| panic!("{name}: no {file:?}"));
        if ran.stdout != want {
            failures.push(format!(
                "{name}: stdout differs from {}:\n--- got\n{}\n--- want\n{want}",
                file.display(),
                ran.stdout
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_golden_files_hold_what_the_crate_renders() {
    // The text and Markdown of mixed-day are the crate's own renderings, reviewed in
    // tests/fixtures/summarize/*.rendered: the binary prints them unchanged.
    let rendered =
        fs::read_to_string(root().join("tests/fixtures/summarize/mixed-day.ndjson.rendered"))
            .unwrap();
    let text = fs::read_to_string(golden().join("summarize-mixed-day-text.out")).unwrap();
    assert!(rendered.starts_with(text.trim_end()), "{text}");
    let markdown = fs::read_to_string(golden().join("summarize-mixed-day-markdown.out")).unwrap();
    assert!(rendered.contains(markdown.trim_end()));
    // And check's lines are the summary's broken items, with the file's name in front.
    let check = fs::read_to_string(golden().join("check-mixed-day.out")).unwrap();
    assert_eq!(check.lines().count(), 2);
    for line in check.lines() {
        assert!(line.starts_with("tests/fixtures/summarize/mixed-day.ndjson:10:"));
        let (place, rest) = line.split_once(": error ").unwrap();
        let (_, column) = place.rsplit_once(':').unwrap();
        let (code, message) = rest.split_once(": ").unwrap();
        assert!(rendered.contains(&format!("line 10:{column} {code}: {message}")));
    }
}

/// A log of `n` lines, each a valid Created event for its own number.
fn big_log(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                r#"{{"uuid":"{}","event":"/restapi/v1.0/account/37439510/phone-number?usageType=ContactCenterNumber","timestamp":"2023-04-18T09:00:00.000Z","subscriptionId":"9d38419f-645f-4ee3-a053-8cf1368c21c4","ownerId":"8475874957","body":{{"eventType":"Created","phoneNumberInfo":{{"id":"{}","phoneNumber":"+1202{:07}","usageType":"ContactCenterNumber"}}}}}}"#,
                1_000_000_000_000_000_000u64 + i as u64,
                100_000 + i,
                i
            ) + "\n"
        })
        .collect()
}

/// `big_log(n)` with one line in seven cut short and one in eleven repeated.
fn damaged_log(n: usize) -> String {
    let mut out = String::new();
    let mut previous = "";
    let log = big_log(n);
    for (i, line) in log.split_inclusive('\n').enumerate() {
        if i % 7 == 3 {
            out.push_str(&line[..line.len() / 2]);
            out.push('\n');
        } else if i % 11 == 5 {
            out.push_str(previous);
        } else {
            out.push_str(line);
        }
        previous = line;
    }
    out
}

/// `summarize --format json` of `file` on `threads` threads, in ranges of at least 64 KiB (the
/// binary cuts only logs of 64 MiB and more; smaller ranges give a small log several parts).
fn summary_on(threads: &str, file: &Path) -> String {
    let out = Command::new(BIN)
        .args(["summarize", "--format", "json"])
        .arg(file)
        .env("RAYON_NUM_THREADS", threads)
        .env("CC_NUMBER_EVENTS_MIN_RANGE", "65536")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_log_cut_into_parts_on_every_core_gives_the_one_pass_summary() {
    let dir = std::env::temp_dir().join(format!("cc-number-events-parts-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    // About 1 MB: eight ranges on four threads.
    let text = damaged_log(4_000);
    assert!(text.len() > 1 << 20);
    let ndjson = dir.join("log.ndjson");
    fs::write(&ndjson, &text).unwrap();
    let one = summary_on("1", &ndjson);
    assert!(one.starts_with(r#"{"events":4000,"#), "{}", &one[..200]);
    assert_eq!(summary_on("4", &ndjson), one);
    // The same log gzip-compressed: read through the decoder in one pass.
    let gz = dir.join("log.ndjson.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(text.as_bytes()).unwrap();
    fs::write(&gz, enc.finish().unwrap()).unwrap();
    assert_eq!(summary_on("4", &gz), one);
    // Items over several lines offer no place to cut: one pass, the same summary as ever.
    let pretty = dir.join("pretty.txt");
    fs::write(&pretty, text.replace(r#","event""#, ",\n  \"event\"")).unwrap();
    let pretty_one = summary_on("1", &pretty);
    assert!(pretty_one.starts_with(r#"{"events":4000,"#));
    assert_eq!(summary_on("4", &pretty), pretty_one);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = std::env::temp_dir().join(format!("cc-number-events-cli-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let log = dir.join("big.ndjson");
    fs::write(&log, big_log(20_000)).unwrap();
    for args in [
        vec!["summarize", "--format", "csv"],
        vec!["summarize", "--format", "markdown"],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .arg(&log)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, as `| head -1` does, then close the pipe.
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stdin_and_a_file_give_the_same_lines_but_for_the_name() {
    let file = run(
        &["check", "tests/fixtures/summarize/mixed-day.ndjson"],
        None,
    );
    let mut child = Command::new(BIN)
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Written in small pieces, as a slow pipe hands them over.
    let bytes = fs::read(root().join("tests/fixtures/summarize/mixed-day.ndjson")).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for piece in bytes.chunks(7) {
        stdin.write_all(piece).unwrap();
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        file.stdout
            .replace("tests/fixtures/summarize/mixed-day.ndjson", "<stdin>")
    );
}

#[test]
fn the_binary_uses_only_the_public_api() {
    // cli/ is a consumer of the crate, as a user's program is: no `__private`, no `#[doc(hidden)]`
    // helpers, and modules as short as the library's (tests/layers.rs).
    for entry in fs::read_dir(root().join("cli")).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        for hidden in [
            "__private",
            "summarize_tree",
            "validate_tree",
            "summarize_from",
        ] {
            assert!(!text.contains(hidden), "{}: uses {hidden}", path.display());
        }
        assert!(
            text.lines().count() <= 450,
            "{}: over 450 lines",
            path.display()
        );
    }
}
