//! A reader that stops early (`napkin calc x | head -c1`): the Rust runtime ignores SIGPIPE, so
//! the next write fails with [`std::io::ErrorKind::BrokenPipe`], which ends the job with status 0.

use std::io::{self, Write};

/// Standard output that notes when its reader has gone: a write failed with a broken pipe.
pub(super) struct ReaderGone<'a> {
    inner: &'a mut dyn Write,
    pub gone: bool,
}

impl<'a> ReaderGone<'a> {
    pub fn new(inner: &'a mut dyn Write) -> Self {
        ReaderGone { inner, gone: false }
    }

    fn note<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &result {
            self.gone |= e.kind() == io::ErrorKind::BrokenPipe;
        }
        result
    }
}

impl Write for ReaderGone<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.note(result)
    }
    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.note(result)
    }
}

/// A writer for a face that writes as it goes (the plain drill): each write with its control
/// characters escaped, as [`super::write_doc`] escapes a whole document.
pub(super) struct Escaping<'a>(pub &'a mut dyn Write);

impl Write for Escaping<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Formatting writes whole strings; bytes that are not UTF-8 are shown as U+FFFD.
        let text = String::from_utf8_lossy(buf);
        write!(self.0, "{}", crate::scenario::diagnostic::Printable(&text))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::ReaderGone;
    use std::io::{self, Write};

    /// A writer whose reader has gone, or that fails for another reason.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_broken_pipe_is_noted_and_other_errors_are_not() {
        let mut closed = Failing(io::ErrorKind::BrokenPipe);
        let mut out = ReaderGone::new(&mut closed);
        assert!(writeln!(out, "report").is_err());
        assert!(out.gone);
        let mut full = Failing(io::ErrorKind::StorageFull);
        let mut out = ReaderGone::new(&mut full);
        assert!(out.write_all(b"report").is_err());
        assert!(!out.gone);
    }
}
