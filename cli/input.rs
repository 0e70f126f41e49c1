//! Opening what the user named: a file or `-` (stdin), gzip-compressed or not, and refusing
//! with a clear message what is not text at all (a directory, another archive format, binary
//! data) before the crate sees a byte of it.

use flate2::read::MultiGzDecoder;
use std::fmt;
use std::fs::File;
use std::io::{self, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// How many leading bytes are looked at to recognise a compressed or binary file: git and
/// grep look at as many to call a file binary.
const SNIFF: usize = 8192;

/// Why a named input could not be read: the whole message, without the program's name.
#[derive(Debug)]
pub struct InputError {
    pub name: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl InputError {
    fn new(name: &str, message: impl Into<String>) -> Self {
        InputError {
            name: name.to_string(),
            message: message.into(),
        }
    }

    pub fn io(name: &str, e: &io::Error) -> Self {
        let what = match e.kind() {
            io::ErrorKind::NotFound => "no such file".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
            // Only the gzip decoder reports these: a cut-off or damaged download.
            io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => {
                "is not a readable gzip file (truncated or corrupt)".to_string()
            }
            _ => e.to_string(),
        };
        InputError::new(name, what)
    }
}

/// One input as the user named it.
#[derive(Clone, Debug)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn from_arg(arg: &Path) -> Self {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(arg.to_path_buf())
        }
    }

    /// The name used in messages and in `file:line:column` lines.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// Bytes on disk, for the progress bar (stdin's size is unknown).
    pub fn size(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
        }
    }
}

/// An opened input: decompressed text, read as it comes.
pub struct Opened {
    pub name: String,
    /// Bytes read from disk to recognise the input.
    sniffed: u64,
    /// Whether the input is gzip-compressed (read through the decoder).
    pub gzip: bool,
    reader: Box<dyn Read + Send>,
}

/// Counts the bytes read from disk (before decompression): what the progress bar shows.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Reads until `buf` is full or the input ends: a pipe hands over a few bytes at a time.
fn fill(r: &mut dyn Read, buf: &mut Vec<u8>, want: usize) -> io::Result<()> {
    let mut chunk = [0u8; SNIFF];
    while buf.len() < want {
        let n = r.read(&mut chunk[..(want - buf.len()).min(SNIFF)])?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(())
}

/// Other compressed or archive formats, by their magic bytes: named, so that the message says
/// what to do instead of calling them binary.
fn archive(head: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 6] = [
        (b"PK\x03\x04", "a zip archive"),
        (b"BZh", "bzip2-compressed"),
        (b"\xfd7zXZ\x00", "xz-compressed"),
        (b"\x28\xb5\x2f\xfd", "zstd-compressed"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"\x1f\x9d", "compress(1)-compressed"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, what)| *what)
}

/// Whether text starts with a UTF-16 byte order mark: the crate reports such input itself
/// (`input-utf16`), so it is not "binary" here even though it holds NUL bytes.
fn utf16_bom(head: &[u8]) -> bool {
    head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff")
}

/// Opens `source`, recognises gzip by its magic bytes (whatever the name), and refuses a
/// directory, another archive format or binary data. `progress` counts the bytes read from
/// disk.
pub fn open(source: &Source, progress: Arc<AtomicU64>) -> Result<Opened, InputError> {
    let name = source.name();
    let raw: Box<dyn Read + Send> = match source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File(path) => {
            let meta = std::fs::metadata(path).map_err(|e| InputError::io(&name, &e))?;
            if meta.is_dir() {
                return Err(InputError::new(&name, "is a directory, not a file"));
            }
            Box::new(File::open(path).map_err(|e| InputError::io(&name, &e))?)
        }
    };
    let mut raw: Box<dyn Read + Send> = Box::new(Counted {
        inner: raw,
        read: progress,
    });
    let mut head = Vec::with_capacity(SNIFF);
    fill(&mut raw, &mut head, SNIFF).map_err(|e| InputError::io(&name, &e))?;
    let gzip = head.starts_with(b"\x1f\x8b");
    let read_at_open = head.len() as u64;
    let mut text: Box<dyn Read + Send> = Box::new(Cursor::new(head).chain(raw));
    if gzip {
        text = Box::new(MultiGzDecoder::new(text));
    }
    let mut head = Vec::with_capacity(SNIFF);
    fill(&mut text, &mut head, SNIFF).map_err(|e| InputError::io(&name, &e))?;
    let inner = if gzip { " inside the gzip file" } else { "" };
    if let Some(what) = archive(&head) {
        return Err(InputError::new(
            &name,
            format!("is {what}{inner}, not a log or a payload; unpack it first (only gzip is read as it is)"),
        ));
    }
    if !utf16_bom(&head) {
        if let Some(at) = head.iter().position(|&b| b == 0) {
            return Err(InputError::new(
                &name,
                format!(
                    "is binary data{inner} (a NUL byte at offset {at}), not a log or a payload"
                ),
            ));
        }
    }
    Ok(Opened {
        name,
        sniffed: read_at_open,
        gzip,
        reader: Box::new(Cursor::new(head).chain(text)),
    })
}

impl Opened {
    /// Reads up to `limit` bytes: all of the input if it ends within them (`true`), or its
    /// first bytes, the rest left to [`Opened::reader`].
    pub fn head(&mut self, limit: usize) -> Result<(Vec<u8>, bool), InputError> {
        let mut out = Vec::new();
        let read = (&mut self.reader)
            .take(limit as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| self.error(&e))?;
        Ok((out, read <= limit))
    }

    /// Bytes read from disk to recognise the input.
    pub fn sniffed(&self) -> u64 {
        self.sniffed
    }

    /// The rest of the input.
    pub fn reader(&mut self) -> &mut dyn Read {
        &mut self.reader
    }

    /// What an error met while reading it means, for the user.
    pub fn error(&self, e: &io::Error) -> InputError {
        InputError::io(&self.name, e)
    }
}
