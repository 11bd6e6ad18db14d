import Dispatch
import Foundation

/// Sums over many rows, split into fixed blocks of rows that run on the
/// cores at once and are added up in block order: the blocks depend on the
/// row count alone, never on the number of threads, so every sum is the
/// same, bit for bit, on one core or many. With at most ``size`` rows there
/// is one block and the sum is the plain left-to-right sum.
enum RowBlocks {
    /// Rows per block.
    static let size = 1 << 15

    /// Threads: the active processor count, or `FSIII_THREADS` (as the
    /// import's workers).
    static let workers: Int = {
        if let s = ProcessInfo.processInfo.environment["FSIII_THREADS"], let n = Int(s), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `0..<count` in blocks of ``size``.
    static func ranges(_ count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// `body(k)` for k in `0..<count`, concurrently when there are several
    /// and more than one worker. Each call must write only its own data.
    static func run(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 || workers == 1 {
            for k in 0..<count { body(k) }
            return
        }
        withoutActuallyEscaping(body) { f in
            let box = Shared(f)
            DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
        }
    }

    /// `width` sums over `0..<count`: `accumulate(range, sums)` adds the
    /// rows of one block into its own zeroed `sums`; the blocks' sums are
    /// then added in block order.
    static func sums(_ count: Int, width: Int, _ accumulate: (Range<Int>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let blocks = ranges(count)
        guard blocks.count > 1 else {
            var sums = [Double](repeating: 0, count: width)
            sums.withUnsafeMutableBufferPointer { if let r = blocks.first { accumulate(r, $0.baseAddress!) } }
            return sums
        }
        var partial = [Double](repeating: 0, count: blocks.count * width)
        partial.withUnsafeMutableBufferPointer { buffer in
            let base = Shared(buffer.baseAddress!)
            run(blocks.count) { k in accumulate(blocks[k], base.value + k * width) }
        }
        var sums = Array(partial[0..<width])
        for k in 1..<blocks.count {
            for t in 0..<width { sums[t] += partial[k * width + t] }
        }
        return sums
    }
}

/// A value handed to the block threads, each of which touches only its
/// own part of it.
struct Shared<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
