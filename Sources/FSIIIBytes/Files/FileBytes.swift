import Foundation

/// The bytes of one input file as UTF-8, read once: memory-mapped when the
/// file is a regular file, read in large blocks otherwise. A mapped file
/// that another program truncates while it is read is reported by
/// `FatalSignals` (a message and exit status 1), not a crash. A file that is not
/// valid UTF-8 is re-encoded from Windows-1252 (SPEC §3); a byte-order mark is
/// skipped. Immutable after creation, so chunks of it are parsed on several
/// threads at once.
package final class FileBytes: @unchecked Sendable {
    /// The file's content as UTF-8, without byte-order mark.
    package let bytes: UnsafeBufferPointer<UInt8>
    package let encoding: TextEncoding
    /// The size of the file on disk, for throughput and progress.
    package let fileSize: Int
    private let release: () -> Void
    /// Whether `bytes` is a read-only file mapping whose pages can be dropped
    /// and read again.
    private let mapped: Bool
    /// Whether `bytes` are anonymous pages (a re-encoded file) that can be
    /// dropped once read for the last time; they read as zeros after.
    private let anonymous: Bool
    /// What the encoding check learnt on its one pass over a mapped file, so
    /// the chunk plan needs no pass of its own; nil for other inputs.
    package let census: Census?
    /// Whether `encoding` was checked when the file was opened. False only
    /// for a file opened with `checkEncoding: false`: it is taken as UTF-8
    /// unread, and its reader must check every byte as it scans (and open
    /// the file again, checked, when one is not UTF-8).
    package let encodingChecked: Bool

    /// Blocks of about 4 MB of `bytes` with their line ends (a CR LF split
    /// across two blocks counts in both: an upper bound), and whether any
    /// block holds a double quote.
    package struct Census {
        /// Block `k` is `cuts[k] ..< cuts[k + 1]`.
        package let cuts: [Int]
        package let lineEnds: [Int]
        package let hasQuote: Bool
    }

    /// Reads `path`; throws `InputFileError` when it cannot be opened or read.
    /// With `checkEncoding: false` a regular file is mapped without its
    /// encoding pass (see `encodingChecked`); other files are always checked.
    /// `shownPath` is how a message may name the file (the domain masks
    /// identifiers in file names, SPEC §10): the message printed when a
    /// mapped file shrinks while it is read.
    package convenience init(path: String, shownPath: String, checkEncoding: Bool = true) throws(InputFileError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try self.init(descriptor: fd, path: path, shownPath: shownPath, checkEncoding: checkEncoding)
    }

    /// Reads standard input to its end (`-` as a file name): a pipe is
    /// read into memory, a redirected regular file is mapped like any
    /// other. The descriptor stays open; `path` names it in errors.
    package convenience init(standardInputShownAs path: String) throws(InputFileError) {
        try self.init(descriptor: 0, path: path, shownPath: path, checkEncoding: true)
    }

    /// Reads the open descriptor `fd` (not closed here) from its start.
    private init(descriptor fd: Int32, path: String, shownPath: String, checkEncoding: Bool) throws(InputFileError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputFileError(path: path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputFileError(path: path, reason: "is a folder, not a file")
        }
        var base: UnsafePointer<UInt8>
        var count: Int
        var unmap: () -> Void
        if (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0 {
            count = Int(info.st_size)
            guard let m = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED else {
                throw InputFileError(path: path, reason: String(cString: strerror(errno)))
            }
            _ = madvise(m, count, MADV_SEQUENTIAL)
            base = UnsafePointer(m.assumingMemoryBound(to: UInt8.self))
            let mapped = m
            let mappedCount = count
            // A file that shrinks while mapped raises SIGBUS on the next
            // read of a page past its new end: FatalSignals names the file
            // and exits with status 1 instead of crashing.
            let fault = FatalSignals.addMapping(base: m, count: count, shownPath: shownPath)
            unmap = {
                FatalSignals.remove(fault)
                _ = munmap(mapped, mappedCount)
            }
        } else {
            var data = [UInt8]()
            var block = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let got = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if got < 0 { throw InputFileError(path: path, reason: String(cString: strerror(errno))) }
                if got == 0 { break }
                data.append(contentsOf: block[0..<got])
            }
            count = data.count
            let owned = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
            data.withUnsafeBufferPointer { if let b = $0.baseAddress { owned.initialize(from: b, count: count) } }
            base = UnsafePointer(owned)
            unmap = { owned.deallocate() }
        }
        fileSize = count
        let bom = TextEncoding.bomLength(base, count)
        let isMapped = (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0
        let unchecked = isMapped && !checkEncoding
        let census = isMapped && !unchecked ? TextEncoding.census(base + bom, count - bom) : nil
        encodingChecked = !unchecked
        if unchecked || (isMapped ? census != nil : TextEncoding.isValidUTF8Parallel(base + bom, count - bom)) {
            self.census = census
            encoding = bom > 0 ? .utf8WithBOM : .utf8
            bytes = UnsafeBufferPointer(start: base + bom, count: count - bom)
            release = unmap
            mapped = isMapped
            anonymous = false
        } else {
            // Re-encoded into anonymous pages, which the scan hands back as it
            // goes like a mapped file's (they are written once, read once).
            var anonymousSize = 0
            let (owned, convertedCount) = TextEncoding.windows1252ToUTF8Buffer(base, count, dropSource: isMapped) { size in
                anonymousSize = size
                guard let m = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), m != MAP_FAILED else {
                    anonymousSize = 0
                    return .allocate(capacity: size)
                }
                return m.assumingMemoryBound(to: UInt8.self)
            }
            unmap()
            encoding = .windows1252
            self.census = nil
            bytes = UnsafeBufferPointer(start: UnsafePointer(owned), count: convertedCount)
            let size = anonymousSize
            release = { if size > 0 { _ = munmap(owned, size) } else { owned.deallocate() } }
            mapped = false
            self.anonymous = size > 0
        }
    }

    /// Hands the pages of `range` (offsets into `bytes`) back to the system
    /// once they are read: the file stays mapped and the bytes stay valid (a
    /// later read faults them in again from the page cache), but they no
    /// longer count in the process's resident memory.
    package func release(_ range: Range<Int>) {
        guard mapped, let base = bytes.baseAddress, range.count >= 1 << 16 else { return }
        dropPages(base + range.lowerBound, range.count)
    }

    /// Hands the pages of `range` back for good: called by the scan on bytes
    /// it has read for the last time. A file mapping keeps them readable;
    /// a re-encoded file's anonymous pages are gone (they read as zeros).
    package func discard(_ range: Range<Int>) {
        guard mapped || anonymous, let base = bytes.baseAddress, range.count >= 1 << 16 else { return }
        dropPages(base + range.lowerBound, range.count)
    }

    /// Wraps bytes already in memory (tests, generated data, standard input).
    package init(utf8 data: [UInt8]) {
        let bom = data.withUnsafeBufferPointer { TextEncoding.bomLength($0.baseAddress ?? emptyBytes, $0.count) }
        let valid = data.withUnsafeBufferPointer { TextEncoding.isValidUTF8(($0.baseAddress ?? emptyBytes) + bom, $0.count - bom) }
        let source = valid ? Array(data[bom...]) : data.withUnsafeBufferPointer { TextEncoding.windows1252ToUTF8($0.baseAddress ?? emptyBytes, $0.count) }
        let owned = UnsafeMutablePointer<UInt8>.allocate(capacity: max(source.count, 1))
        source.withUnsafeBufferPointer { if let b = $0.baseAddress { owned.initialize(from: b, count: source.count) } }
        bytes = UnsafeBufferPointer(start: UnsafePointer(owned), count: source.count)
        encoding = valid ? (bom > 0 ? .utf8WithBOM : .utf8) : .windows1252
        fileSize = data.count
        release = { owned.deallocate() }
        mapped = false
        anonymous = false
        census = nil
        encodingChecked = true
    }

    deinit { release() }
}

extension TextEncoding {
    /// `isValidUTF8` over both cores for large files: the buffer is split
    /// at ASCII bytes, which never fall inside a multi-byte sequence.
    static func isValidUTF8Parallel(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let parts = n < 8 << 20 ? 1 : Parallel.workers
        let cuts = asciiCuts(p, n, parts: parts)
        return Parallel.map(0..<parts) { k in isValidUTF8(p + cuts[k], cuts[k + 1] - cuts[k]) }.allSatisfy { $0 }
    }

    /// One pass over a mapped file on both cores, in blocks of about 4 MB:
    /// checks that it is UTF-8 and counts each block's line ends and
    /// quotes, handing each block's pages back once done, so neither this
    /// pass nor the chunk plan makes the whole file resident (the scan
    /// faults pages in again from the page cache, a block at a time).
    /// nil when the bytes are not UTF-8.
    static func census(_ p: UnsafePointer<UInt8>, _ n: Int) -> FileBytes.Census? {
        let cuts = asciiCuts(p, n, parts: max(1, n >> 22))
        let blocks = cuts.count - 1
        let results = Parallel.map(0..<Parallel.workers) { w -> [(lines: Int, quote: Bool)]? in
            var out: [(lines: Int, quote: Bool)] = []
            for b in stride(from: w, to: blocks, by: Parallel.workers) {
                let start = cuts[b], count = cuts[b + 1] - cuts[b]
                guard let block = censusBlock(p + start, count) else { return nil }
                out.append(block)
                dropPages(p + start, count)
            }
            return out
        }
        var lineEnds = [Int](repeating: 0, count: blocks)
        var quote = false
        for (w, result) in results.enumerated() {
            guard let result else { return nil }
            for (i, r) in result.enumerated() {
                lineEnds[w + i * Parallel.workers] = r.lines
                quote = quote || r.quote
            }
        }
        return FileBytes.Census(cuts: cuts, lineEnds: lineEnds, hasQuote: quote)
    }

    /// One block of the census in one pass: nil when it is not UTF-8 (as
    /// `isValidUTF8`), else its line ends (as `CSVScanner.lineEnds`) and
    /// whether it holds a double quote. Sixty-four bytes a step in vector
    /// registers: per-lane counts of LF, CR and CR LF (a CR whose next byte
    /// is an LF) and a quote flag; a step that holds a byte ≥ 0x80 has its
    /// multi-byte sequences checked, skipping ASCII eight bytes at a time.
    static func censusBlock(_ p: UnsafePointer<UInt8>, _ n: Int) -> (lines: Int, quote: Bool)? {
        typealias V = SIMD16<UInt8>
        let raw = UnsafeRawPointer(p)
        let lfV = V(repeating: 0x0A), crV = V(repeating: 0x0D), quoteV = V(repeating: 0x22), highV = V(repeating: 0x80), one = V(repeating: 1)
        var i = 0, lines = 0
        var quotes = V()
        var checked = 0     // bytes before this offset are known to be valid UTF-8
        // A step reads 64 bytes, and one more for CR LF, and the check may
        // read a word from anywhere in the step: 72 bytes must remain.
        while i + 72 <= n {
            // Lane counters of at most 4 a step, flushed before they can overflow.
            var lf = V(), cr = V(), crlf = V()
            var steps = 0
            while steps < 63 && i + 72 <= n {
                var high = V()
                for k in 0..<4 {
                    let v = raw.loadUnaligned(fromByteOffset: i + 16 * k, as: V.self)
                    let next = raw.loadUnaligned(fromByteOffset: i + 16 * k + 1, as: V.self)
                    let isCR = unsafeBitCast(v .== crV, to: V.self)
                    lf &+= one & unsafeBitCast(v .== lfV, to: V.self)
                    cr &+= one & isCR
                    crlf &+= one & isCR & unsafeBitCast(next .== lfV, to: V.self)
                    quotes |= unsafeBitCast(v .== quoteV, to: V.self)
                    high |= v & highV
                }
                if high != V() && !(i > 0 && twoByteSequencesOnly(raw, i)) {
                    var j = max(i, checked)
                    while j < i + 64 {
                        let h = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self) & 0x8080_8080_8080_8080
                        if h == 0 { j += 8; continue }
                        j += h.trailingZeroBitCount >> 3
                        guard let length = utf8SequenceLength(p, j, n) else { return nil }
                        j += length
                    }
                    checked = j
                } else if high != V() {
                    // A lead byte in the last lane was checked with its continuation.
                    checked = i + 64 + (p[i + 63] >= 0xC2 ? 1 : 0)
                }
                i += 64
                steps += 1
            }
            for k in 0..<16 { lines += Int(lf[k]) + Int(cr[k]) - Int(crlf[k]) }
        }
        var quote = quotes != V()
        // A CR LF across the last step and the tail was counted as one less
        // in the step (its CR and the pair), so the tail counts the LF.
        var pendingCR = false
        while i < n {
            let b = p[i]
            if b == 0x0D { lines += 1 } else if b == 0x0A && !pendingCR { lines += 1 }
            if b == 0x22 { quote = true }
            pendingCR = b == 0x0D
            if b >= 0x80 && i >= checked {
                guard let length = utf8SequenceLength(p, i, n) else { return nil }
                checked = i + length
            }
            i += 1
        }
        return (lines, quote)
    }

    /// Whether the 64 bytes at `i` are valid UTF-8 made of ASCII and
    /// two-byte sequences only (Danish text: æ, ø, å) — checked in vector
    /// registers: every byte ≥ 0x80 is a lead C2–DF or a continuation
    /// 80–BF, and a byte is a continuation exactly when the byte before it
    /// is a lead (read one byte back and one ahead, so `i ≥ 1` and 65 bytes
    /// must be readable). False means "check byte by byte", not invalid.
    @inline(__always)
    private static func twoByteSequencesOnly(_ raw: UnsafeRawPointer, _ i: Int) -> Bool {
        typealias V = SIMD16<UInt8>
        let c2 = V(repeating: 0xC2), leadRange = V(repeating: 0xDF - 0xC2), top2 = V(repeating: 0xC0), cont = V(repeating: 0x80)
        var bad = SIMDMask<SIMD16<Int8>>(repeating: false)
        for k in 0..<4 {
            let v = raw.loadUnaligned(fromByteOffset: i + 16 * k, as: V.self)
            let before = raw.loadUnaligned(fromByteOffset: i + 16 * k - 1, as: V.self)
            let after = raw.loadUnaligned(fromByteOffset: i + 16 * k + 1, as: V.self)
            let isLead = (v &- c2) .<= leadRange
            let isCont = (v & top2) .== cont
            let isHigh = v .>= cont
            // High bytes are leads or continuations; a lead is followed by a
            // continuation; a continuation follows a lead.
            bad .|= isHigh .& .!(isLead .| isCont)
            bad .|= isLead .& .!((after & top2) .== cont)
            bad .|= isCont .& .!((before &- c2) .<= leadRange)
        }
        return !any(bad)
    }

    /// `parts + 1` offsets splitting `0..<n` into about equal parts, each cut
    /// moved forward to an ASCII byte.
    private static func asciiCuts(_ p: UnsafePointer<UInt8>, _ n: Int, parts: Int) -> [Int] {
        var cuts = [0]
        for k in 1..<max(parts, 1) {
            var c = max(n / parts * k, cuts[cuts.count - 1])
            while c < n && p[c] >= 0x80 { c += 1 }
            cuts.append(c)
        }
        cuts.append(n)
        return cuts
    }
}

/// Hands the whole pages inside `p ..< p + n` of a read-only file mapping
/// back to the system; the bytes stay readable from the page cache.
package func dropPages(_ p: UnsafePointer<UInt8>, _ n: Int) {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = Int(bitPattern: p), end = start + n
    let first = (start + page - 1) / page * page, last = end / page * page
    guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(pointer, last - first, MADV_DONTNEED)
}

/// A file that could not be read at all.
package struct InputFileError: Error, CustomStringConvertible, Sendable, Equatable {
    package var path: String
    package var reason: String
    package var description: String { "\(path): cannot read: \(reason)" }
}
