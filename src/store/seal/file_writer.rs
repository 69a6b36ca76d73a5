//! A journal's file written piece by piece, byte for byte as `to_bytes` writes it whole: the
//! header's fields, then each list, each record in it written out or copied as bytes.

use std::io;
use std::ops::Range;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

/// How deep a header's value sits in the file (in the journal's object), and a record (in a
/// list in the journal's object).
const HEADER_DEPTH: usize = 1;
pub(super) const RECORD_DEPTH: usize = 2;

/// `value` as `to_bytes` writes it `depth` levels deep: pretty JSON whose every line after
/// the first is indented for that depth.
pub(super) fn write_at<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    depth: usize,
) -> serde_json::Result<()> {
    let mut formatter = PrettyFormatter::new();
    for _ in 0..depth {
        // The formatter indents by how many arrays it has begun: beginning them into a sink
        // leaves it indenting as it would that deep.
        formatter
            .begin_array(&mut io::sink())
            .map_err(serde_json::Error::io)?;
    }
    value.serialize(&mut Serializer::with_formatter(out, formatter))
}

/// The file as it is written: `{`, each field in turn, and `}` with a final newline.
pub(super) struct FileWriter {
    out: Vec<u8>,
    fields: usize,
    records: usize,
}

impl FileWriter {
    /// A file about `bytes` long, so its memory is asked for once.
    pub fn with_capacity(bytes: usize) -> FileWriter {
        let mut out = Vec::with_capacity(bytes);
        out.push(b'{');
        FileWriter {
            out,
            fields: 0,
            records: 0,
        }
    }

    /// A header field.
    pub fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> serde_json::Result<()> {
        self.key(key)?;
        write_at(&mut self.out, value, HEADER_DEPTH)
    }

    /// The field holding a list, before its records.
    pub fn begin_list(&mut self, key: &str) -> serde_json::Result<()> {
        self.key(key)?;
        self.out.push(b'[');
        self.records = 0;
        Ok(())
    }

    /// The next record of the list, written out; returns where its bytes are in the file.
    pub fn record<T: Serialize>(&mut self, record: &T) -> serde_json::Result<Range<usize>> {
        self.next_record();
        let start = self.out.len();
        write_at(&mut self.out, record, RECORD_DEPTH)?;
        Ok(start..self.out.len())
    }

    /// The next record of the list, as bytes written before at the same depth; returns where
    /// they are in the file.
    pub fn record_bytes(&mut self, bytes: &[u8]) -> Range<usize> {
        self.next_record();
        let start = self.out.len();
        self.out.extend_from_slice(bytes);
        start..self.out.len()
    }

    pub fn end_list(&mut self) {
        match self.records {
            0 => self.out.push(b']'),
            _ => self.out.extend_from_slice(b"\n  ]"),
        }
    }

    /// The file's bytes, closed.
    pub fn finish(mut self) -> Vec<u8> {
        self.out.extend_from_slice(b"\n}\n");
        self.out
    }

    fn key(&mut self, key: &str) -> serde_json::Result<()> {
        let before: &[u8] = if self.fields == 0 { b"\n  " } else { b",\n  " };
        self.out.extend_from_slice(before);
        self.fields += 1;
        serde_json::to_writer(&mut self.out, key)?;
        self.out.extend_from_slice(b": ");
        Ok(())
    }

    fn next_record(&mut self) {
        let before: &[u8] = if self.records == 0 {
            b"\n    "
        } else {
            b",\n    "
        };
        self.out.extend_from_slice(before);
        self.records += 1;
    }
}
