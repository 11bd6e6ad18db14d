#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The allocator policy of a process that imports a large file.
///
/// An import allocates and frees a few dozen column-sized blocks (40–90 MB
/// each at ten million rows). glibc maps every block above 32 MB fresh
/// from the kernel and hands it back on free, so each one costs a page
/// fault per 4 KB on first write — at 10M rows some 1.6 GB of first
/// touches, about a fifth of the report's CPU time (BENCHMARKS.md). Kept in
/// the heap instead, a freed block is reused by the next one without
/// faults. This is a process-wide choice, so the library never makes it by
/// itself: the `fsiii` and `fsiii-bench` executables call
/// `reuseFreedBlocks()` first thing.
public enum ProcessMemory {
    /// The environment variable that keeps the C library's defaults
    /// (`FSIII_ALLOCATOR=system`), for comparison or on a machine short of
    /// memory.
    public static let environmentKey = "FSIII_ALLOCATOR"

    /// Asks glibc to serve blocks up to 256 MB from one heap shared by all
    /// threads and to keep freed memory for reuse (returned to the system
    /// when the process ends). Returns whether the policy is in force:
    /// false with `FSIII_ALLOCATOR=system` or another C library.
    @discardableResult
    public static func reuseFreedBlocks() -> Bool {
        if ProcessInfo.processInfo.environment[environmentKey] == "system" { return false }
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which the Glibc module leaves
        // out; it is looked up by name instead.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
        // One arena: blocks freed by one thread are reused by the others
        // (a column is often allocated on one core and freed on another).
        return mallopt(mmapThreshold, 256 << 20) == 1
            && mallopt(trimThreshold, Int32.max) == 1
            && mallopt(arenaMax, 1) == 1
        #else
        return false
        #endif
    }

    /// Hands the pages of freed blocks back to the system (glibc's
    /// `malloc_trim`), before a stage that would otherwise stack its peak on
    /// memory nothing uses any more. Costs a page fault per 4 KB when the
    /// space is reused, so it is called only where the peak is set.
    public static func returnFreed() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
