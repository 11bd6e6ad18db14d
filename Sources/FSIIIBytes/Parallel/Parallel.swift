import Dispatch
import Foundation

/// Splits work over the machine's cores (DEVELOPERS.md: use both cores).
/// Results come back in index order, so merges are deterministic.
package enum Parallel {
    /// Number of worker threads: the active processor count, or the
    /// `FSIII_THREADS` environment variable (the benchmark's 1-vs-2 core runs).
    package static let workers: Int = {
        if let s = ProcessInfo.processInfo.environment["FSIII_THREADS"], let n = Int(s), n >= 1 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `transform` applied to each element of `range` concurrently.
    package static func map<T>(_ range: Range<Int>, _ transform: (Int) -> T) -> [T] {
        let n = range.count
        if n == 0 { return [] }
        if n == 1 || workers == 1 { return range.map(transform) }
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            let base = buffer.baseAddress!
            withoutActuallyEscaping(transform) { f in
                let box = UnsafeSendable(f)
                let out = UnsafeSendable(base)
                DispatchQueue.concurrentPerform(iterations: n) { i in
                    (out.value + i).initialize(to: box.value(range.lowerBound + i))
                }
            }
            initialized = n
        }
    }

    /// Splits `0..<count` into about `workers × 4` contiguous pieces.
    package static func chunks(_ count: Int, minimum: Int = 1 << 14) -> [Range<Int>] {
        if count == 0 { return [] }
        let pieces = max(1, min(workers * 4, count / max(1, minimum)))
        return (0..<pieces).map { k in (count * k / pieces)..<(count * (k + 1) / pieces) }
    }
}

/// Carries a value across a concurrency boundary where the caller proves
/// there is no data race (each task touches its own index).
package struct UnsafeSendable<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}

/// A value worked out on another thread while the caller goes on with
/// other work: for the steps of a run that do not depend on each other and
/// do not use both cores by themselves (the matched comparison's regression
/// to the mean and durability beside its serial matching and balance).
///
/// The hand-over is an `NSCondition` (a pthread mutex and condition
/// variable), which ThreadSanitizer sees, unlike a futex-based lock.
package final class BackgroundValue<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: T?

    /// Starts `work` on a global queue at once; with one worker
    /// (`FSIII_THREADS=1`, or one core) it runs here, before `init` returns,
    /// so a one-thread run stays on one thread.
    package init(_ work: @escaping @Sendable () -> T) {
        guard Parallel.workers > 1 else {
            value = work()
            return
        }
        DispatchQueue.global().async { [self] in
            let result = work()
            condition.lock()
            value = consume result   // moved, not copied: after `take` the value has no other owner here
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The value, waiting for it if `work` is still running. May be called
    /// more than once and from any thread.
    package func wait() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }

    /// The value, waiting for it as ``wait()`` does, handed over: this
    /// holds it no longer, so it is freed once the caller is done with it
    /// (for a large value kept only until its one use). Call it once, and
    /// neither it nor ``wait()`` after.
    package func take() -> T {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        defer { value = nil }
        return value!
    }
}
