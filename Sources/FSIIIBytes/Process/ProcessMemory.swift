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
/// faults, and a heap marked for transparent huge pages is faulted in 2 MB
/// at a time. This is a process-wide choice, so the library never makes it
/// by itself: the `fsiii` and `fsiii-bench` executables call
/// `reuseFreedBlocks()` first thing.
package enum ProcessMemory {
    /// The environment variable that keeps the C library's defaults
    /// (`FSIII_ALLOCATOR=system`), for comparison or on a machine short of
    /// memory.
    package static let environmentKey = "FSIII_ALLOCATOR"

    /// Asks glibc to serve blocks up to 256 MB from one heap shared by all
    /// threads and to keep freed memory for reuse (returned to the system
    /// when the process ends, or by `returnFreed`), and marks the heap for
    /// huge pages. Call it on the main thread, before other threads
    /// allocate: only the main thread's allocations come from that heap.
    /// Returns whether the policy is in force: false with
    /// `FSIII_ALLOCATOR=system` or another C library.
    @discardableResult
    package static func reuseFreedBlocks() -> Bool {
        if ProcessInfo.processInfo.environment[environmentKey] == "system" { return false }
        #if canImport(Glibc)
        guard let mallopt = cFunction("mallopt", as: Mallopt.self) else { return false }
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
        // One arena: blocks freed by one thread are reused by the others
        // (a column is often allocated on one core and freed on another).
        guard mallopt(mmapThreshold, 256 << 20) == 1, mallopt(trimThreshold, Int32.max) == 1, mallopt(arenaMax, 1) == 1 else {
            return false
        }
        policy = true
        reserveHugePageHeap()
        return true
        #else
        return false
        #endif
    }

    /// Whether `reuseFreedBlocks` put its policy in force.
    nonisolated(unsafe) private static var policy = false
    /// Bytes of heap last marked for huge pages (0 when none could be).
    nonisolated(unsafe) private(set) static var hugePageHeap = 0

    /// The policy in force, for the `FSIII_STAGES=1` trace.
    static var summary: String {
        policy ? "freed blocks kept for reuse, \(hugePageHeap >> 20) MB of heap marked for huge pages" : "the C library's defaults"
    }

    #if canImport(Glibc)
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32

    /// A C library function by name: `mallopt` and `malloc_trim` are
    /// declared in <malloc.h>, which the Glibc module leaves out.
    private static func cFunction<F>(_ name: String, as type: F.Type) -> F? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: type) }
    }

    /// Grows the heap by 1.5 GB of address space (no memory: its pages are
    /// touched only when used) and marks it for transparent huge pages, as
    /// glibc's `glibc.malloc.hugetlb=1` tunable would: a column then faults
    /// in 2 MB at a time instead of 4 KB, and the hash tables' random reads
    /// miss the TLB far less (10M rows: 240K page faults -> 61K, 0.3-0.4 s
    /// less; BENCHMARKS.md). Only a hint: without huge pages nothing changes.
    private static func reserveHugePageHeap() {
        guard let mallopt = cFunction("mallopt", as: Mallopt.self) else { return }
        let topPad: Int32 = -2, reserve = 3 << 29, hugePage = 2 << 20
        // A block the top of the heap cannot hold makes glibc extend the
        // heap by the block and the top pad; freed, it stays there as free
        // space (below the trim threshold). malloc and free are called
        // through pointers: a pair the optimiser can see is removed.
        typealias Malloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
        typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void
        guard let malloc = cFunction("malloc", as: Malloc.self), let free = cFunction("free", as: Free.self),
              mallopt(topPad, Int32(reserve)) == 1 else { return }
        let before = sbrk(0)
        let probe = malloc(4 << 20)
        _ = mallopt(topPad, 128 << 10)   // glibc's default
        let end = sbrk(0)
        free(probe)
        // Only a heap that grew by the reserve is marked (not what lies
        // below it, if the break could not move).
        guard probe != nil, let before, let end, Int(bitPattern: end) - Int(bitPattern: before) >= reserve else { return }
        let top = Int(bitPattern: end)
        let start = (top - reserve + hugePage - 1) / hugePage * hugePage
        guard start < top, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        hugePageHeap = madvise(base, top - start, 14) == 0 ? top - start : 0   // MADV_HUGEPAGE
    }
    #endif

    /// Hands the pages of freed blocks back to the system (glibc's
    /// `malloc_trim`), before a stage that would otherwise stack its peak on
    /// memory nothing uses any more. Costs a page fault per 4 KB when the
    /// space is reused, so it is called only where the peak is set.
    ///
    /// Part of the policy, like the policy itself a process-wide act: in a
    /// process that did not call `reuseFreedBlocks()` (a program using the
    /// library, the tests) the C library's own trimming stands and nothing
    /// happens here. Without the policy glibc's heap may not even be the
    /// allocator in use: under AddressSanitizer, whose allocator replaces
    /// it, a `malloc_trim` on the idle glibc arenas beside concurrent imports
    /// once crashed in the ASan run of the KL Gateway regression tests.
    package static func returnFreed() {
        #if canImport(Glibc)
        guard policy else { return }
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let mallocTrim = cFunction("malloc_trim", as: MallocTrim.self) else { return }
        _ = mallocTrim(0)
        // The trim gave the heap's free top back: reserve it again.
        reserveHugePageHeap()
        #endif
    }
}
