//! A plain little-endian encoding for the prepared search index: lengths
//! and numbers as `u64`, text as its bytes. Reading trusts nothing: every
//! length is checked against what is left, so a damaged index is an error,
//! never a panic or a huge allocation.

use std::io::{self, Read, Write};

/// How much is read at a time when numbers are decoded.
const CHUNK: usize = 64 * 1024;

pub struct Writer<W: Write> {
    out: W,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Writer<W> {
        Writer { out }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    pub fn u64(&mut self, n: u64) -> io::Result<()> {
        self.out.write_all(&n.to_le_bytes())
    }

    pub fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.u64(bytes.len() as u64)?;
        self.out.write_all(bytes)
    }

    /// A run of numbers of `size` bytes each (4 or 8), with its length.
    pub fn numbers(
        &mut self,
        size: usize,
        values: impl ExactSizeIterator<Item = u64>,
    ) -> io::Result<()> {
        self.u64(values.len() as u64)?;
        let mut buffer = Vec::with_capacity(CHUNK);
        for v in values {
            buffer.extend_from_slice(&v.to_le_bytes()[..size]);
            if buffer.len() >= CHUNK {
                self.out.write_all(&buffer)?;
                buffer.clear();
            }
        }
        self.out.write_all(&buffer)
    }
}

pub struct Reader<R: Read> {
    input: R,
    left: u64,
}

pub fn damaged(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("search index damaged: {what}"),
    )
}

impl<R: Read> Reader<R> {
    /// Reads at most `size` bytes from `input`.
    pub fn new(input: R, size: u64) -> Reader<R> {
        Reader { input, left: size }
    }

    /// What is left to read, and how many bytes of it.
    pub fn rest(self) -> (R, u64) {
        (self.input, self.left)
    }

    fn take(&mut self, n: u64) -> io::Result<()> {
        if n > self.left {
            return Err(damaged("a length beyond its end"));
        }
        self.left -= n;
        Ok(())
    }

    pub fn u64(&mut self) -> io::Result<u64> {
        self.take(8)?;
        let mut b = [0u8; 8];
        self.input.read_exact(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    pub fn bytes(&mut self) -> io::Result<Vec<u8>> {
        let n = self.u64()?;
        self.take(n)?;
        let mut out = vec![0u8; n as usize];
        self.input.read_exact(&mut out)?;
        Ok(out)
    }

    pub fn text(&mut self) -> io::Result<String> {
        String::from_utf8(self.bytes()?).map_err(|_| damaged("text that is not UTF-8"))
    }

    /// A run written by [`Writer::numbers`] with size 4.
    pub fn u32s(&mut self) -> io::Result<Vec<u32>> {
        self.run::<4, u32>(u32::from_le_bytes)
    }

    /// A run written by [`Writer::numbers`] with size 8.
    pub fn u64s(&mut self) -> io::Result<Vec<u64>> {
        self.run::<8, u64>(u64::from_le_bytes)
    }

    /// A run of numbers of `N` bytes each, read a chunk at a time (the
    /// size known when compiled, so each chunk converts in one tight loop).
    fn run<const N: usize, T>(&mut self, from: fn([u8; N]) -> T) -> io::Result<Vec<T>> {
        let n = self.u64()?;
        let bytes = n.checked_mul(N as u64).ok_or_else(|| damaged("a length"))?;
        self.take(bytes)?;
        let mut out = Vec::with_capacity(n as usize);
        let mut buffer = vec![0u8; CHUNK];
        let mut rest = bytes as usize;
        while rest > 0 {
            let part = &mut buffer[..rest.min(CHUNK)];
            self.input.read_exact(part)?;
            let values = part.chunks_exact(N);
            out.extend(values.map(|v| from(v.try_into().unwrap_or([0; N]))));
            rest -= part.len();
        }
        Ok(out)
    }

    /// Ends of consecutive runs: never decreasing, the last at most `total`.
    pub fn ends(&mut self, total: usize) -> io::Result<Vec<u32>> {
        let ends = self.u64s()?;
        let rising = ends.windows(2).all(|w| w[0] <= w[1]);
        let within = ends
            .last()
            .is_none_or(|&e| e as usize <= total && e <= u32::MAX as u64);
        match rising && within {
            true => Ok(ends.into_iter().map(|e| e as u32).collect()),
            false => Err(damaged("runs out of order")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_texts_come_back() {
        let mut w = Writer::new(Vec::new());
        w.u64(7).unwrap();
        w.bytes("Göteborg".as_bytes()).unwrap();
        let many: Vec<u64> = (0..100_000).map(|i| i * 3).collect();
        w.numbers(4, many.iter().copied()).unwrap();
        let data = w.into_inner();
        let mut r = Reader::new(&data[..], data.len() as u64);
        assert_eq!(r.u64().unwrap(), 7);
        assert_eq!(r.text().unwrap(), "Göteborg");
        let read: Vec<u64> = r.u32s().unwrap().into_iter().map(u64::from).collect();
        assert_eq!(read, many);
        assert!(r.u64().is_err(), "nothing is read past the end");
    }

    #[test]
    fn a_length_beyond_the_end_is_an_error() {
        let mut w = Writer::new(Vec::new());
        w.u64(u64::MAX).unwrap();
        let data = w.into_inner();
        let mut r = Reader::new(&data[..], data.len() as u64);
        assert!(r.bytes().is_err());
        let mut r = Reader::new(&data[..], data.len() as u64);
        assert!(r.u64s().is_err());
    }
}
