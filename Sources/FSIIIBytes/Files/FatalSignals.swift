import Foundation
import Synchronization

/// What the program does when it is stopped from outside or when an input
/// file shrinks under it, so that neither leaves a half-written output
/// behind or ends in a crash report:
///
/// - **SIGINT, SIGTERM, SIGHUP** (Ctrl-C, `kill`, a closed terminal):
///   every temporary output file (`OutputFile`) is removed, then the
///   signal is raised again with its default action, so the shell sees the
///   usual "killed by signal" status (130 for Ctrl-C).
/// - **SIGBUS** in a memory-mapped input (`FileBytes`): reading a page of
///   a file that became shorter after it was mapped raises SIGBUS. The
///   handler prints `fsiii: FILE: the file became shorter while it was
///   being read …` on standard error, removes the temporary outputs and
///   exits with status 1 (inputs unusable, SPEC §11). A SIGBUS anywhere
///   else takes its default action.
/// - **SIGPIPE** and **SIGXFSZ** are ignored, so a write to a closed pipe
///   or past the file-size limit fails with `EPIPE` / `EFBIG`, which the
///   writers report (`OutputError`), instead of killing the process.
///
/// A signal handler may only call async-signal-safe functions (`unlink`,
/// `write`, `_exit`, `raise`), so the temporary files and the mappings are
/// kept in a fixed table of C strings and address ranges, filled and
/// emptied by the normal code under a lock, and only read by the handlers.
/// Installing the handlers costs nothing on the import's hot path: a file
/// is entered once when it is mapped and once when it is unmapped.
package enum FatalSignals {
    /// Installs the handlers; called once by the command line at start.
    /// Idempotent. Library users who want their own handling need not call it.
    package static func install() {
        table.installOnce()
    }

    /// A slot of the table, to be handed back with `remove`.
    struct Entry: Sendable {
        let index: Int
    }

    /// Enters a temporary file to delete when the process is interrupted;
    /// nil when the table is full (the file is then only removed by the
    /// normal error paths).
    static func addTemporaryFile(_ path: String) -> Entry? {
        table.add(kind: SignalTable.temporaryFile, path: path, message: nil, range: 0..<0)
    }

    /// Enters a mapped input of `count` bytes at `base`, with the message
    /// to print when it shrinks while it is read. `shownPath` is the file's
    /// name as messages may show it (the domain masks identifiers in it).
    static func addMapping(base: UnsafeRawPointer, count: Int, shownPath: String) -> Entry? {
        let start = UInt(bitPattern: base)
        let message = "fsiii: \(ControlEscaping.escaped(shownPath)): the file became shorter while it was being read "
            + "(is another program writing or replacing it?); nothing was written. Run again when the file is complete.\n"
        return table.add(kind: SignalTable.mapping, path: nil, message: message, range: start..<(start + UInt(count)))
    }

    static func remove(_ entry: Entry?) {
        if let entry { table.remove(entry.index) }
    }
}

/// The fixed table behind `FatalSignals`. Slots are claimed and released
/// under `lock`; each slot's state is an atomic written last when it is
/// filled and first when it is emptied, so a handler that reads it sees
/// either a complete entry or none.
private final class SignalTable: @unchecked Sendable {
    static let empty = 0, busy = 1, temporaryFile = 2, mapping = 3
    static let capacity = 1024

    struct Slot {
        var path: UnsafeMutablePointer<CChar>?
        var message: UnsafeMutablePointer<CChar>?
        var messageLength = 0
        var start: UInt = 0
        var end: UInt = 0
    }

    let states: UnsafeMutablePointer<Atomic<Int>>
    let slots: UnsafeMutablePointer<Slot>
    /// An `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`,
    /// whose futex waits ThreadSanitizer cannot see on Linux.
    let lock = NSLock()
    var installed = false  // only read and written under `lock`

    init() {
        states = .allocate(capacity: Self.capacity)
        slots = .allocate(capacity: Self.capacity)
        for i in 0..<Self.capacity {
            (states + i).initialize(to: Atomic(Self.empty))
            (slots + i).initialize(to: Slot())
        }
    }

    func installOnce() {
        lock.withLock {
            guard !installed else { return }
            installed = true
            signal(SIGPIPE, SIG_IGN)
            signal(SIGXFSZ, SIG_IGN)
            // A parent that started us from a thread blocking these (a Swift
            // program's `Process` run on a dispatch thread does) passes the
            // mask on; handled signals must get through.
            var handled = sigset_t()
            sigemptyset(&handled)
            for sig in [SIGINT, SIGTERM, SIGHUP, SIGBUS] { sigaddset(&handled, sig) }
            pthread_sigmask(SIG_UNBLOCK, &handled, nil)
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                var action = sigaction()
                setHandler(&action, interruptHandler)
                sigemptyset(&action.sa_mask)
                action.sa_flags = 0
                // A signal the caller ignores (`nohup`, a background job) stays ignored.
                var previous = sigaction()
                if sigaction(sig, nil, &previous) == 0, unsafeBitCast(handler(previous), to: UInt.self) == unsafeBitCast(SIG_IGN, to: UInt.self) { continue }
                sigaction(sig, &action, nil)
            }
            var action = sigaction()
            setInfoHandler(&action, busErrorHandler)
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            sigaction(SIGBUS, &action, nil)
        }
    }

    func add(kind: Int, path: String?, message: String?, range: Range<UInt>) -> FatalSignals.Entry? {
        lock.withLock { () -> FatalSignals.Entry? in
            for i in 0..<Self.capacity where states[i].load(ordering: .relaxed) == Self.empty {
                states[i].store(Self.busy, ordering: .relaxed)
                slots[i] = Slot(path: path.flatMap { strdup($0) }, message: message.flatMap { strdup($0) },
                                messageLength: message?.utf8.count ?? 0, start: range.lowerBound, end: range.upperBound)
                states[i].store(kind, ordering: .releasing)
                return FatalSignals.Entry(index: i)
            }
            return nil
        }
    }

    func remove(_ i: Int) {
        lock.withLock {
            states[i].store(Self.busy, ordering: .releasing)
            free(slots[i].path)
            free(slots[i].message)
            slots[i] = Slot()
            states[i].store(Self.empty, ordering: .releasing)
        }
    }

    /// From a handler: unlinks every temporary file.
    func removeTemporaryFiles() {
        for i in 0..<Self.capacity where states[i].load(ordering: .acquiring) == Self.temporaryFile {
            if let path = slots[i].path { unlink(path) }
        }
    }

    /// From a handler: the message of the mapping that holds `address`.
    func mappingMessage(containing address: UInt) -> (UnsafeMutablePointer<CChar>, Int)? {
        for i in 0..<Self.capacity where states[i].load(ordering: .acquiring) == Self.mapping {
            let s = slots[i]
            if address >= s.start && address < s.end, let message = s.message { return (message, s.messageLength) }
        }
        return nil
    }
}

private let table = SignalTable()

// The C structures differ by platform: glibc names the handler union
// `__sigaction_handler` and buries `si_addr` in `_sifields`; Darwin has
// `__sigaction_u` and a plain `si_addr`. (Linux is built and tested; the
// Darwin branch follows its <sys/signal.h> and is not built here.)
private func setHandler(_ action: inout sigaction, _ h: @escaping @convention(c) (Int32) -> Void) {
    #if canImport(Darwin)
    action.__sigaction_u.__sa_handler = h
    #else
    action.__sigaction_handler.sa_handler = h
    #endif
}

private func handler(_ action: sigaction) -> (@convention(c) (Int32) -> Void)? {
    #if canImport(Darwin)
    action.__sigaction_u.__sa_handler
    #else
    action.__sigaction_handler.sa_handler
    #endif
}

private func setInfoHandler(_ action: inout sigaction,
                            _ h: @escaping @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void) {
    #if canImport(Darwin)
    action.__sigaction_u.__sa_sigaction = h
    #else
    action.__sigaction_handler.sa_sigaction = h
    #endif
}

private func faultAddress(_ info: UnsafeMutablePointer<siginfo_t>?) -> UInt {
    #if canImport(Darwin)
    UInt(bitPattern: info?.pointee.si_addr)
    #else
    UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
    #endif
}

/// SIGINT, SIGTERM, SIGHUP: remove the temporary outputs, then die of the
/// signal as if there were no handler (it is blocked until we return).
private let interruptHandler: @convention(c) (Int32) -> Void = { sig in
    table.removeTemporaryFiles()
    signal(sig, SIG_DFL)
    raise(sig)
}

/// SIGBUS: a mapped input that shrank gets its message and exit status 1;
/// any other bus error takes the default action when we return.
private let busErrorHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, info, _ in
    let address = faultAddress(info)
    table.removeTemporaryFiles()
    if let (message, length) = table.mappingMessage(containing: address) {
        var offset = 0
        while offset < length {
            let n = write(2, message + offset, length - offset)
            if n <= 0 { break }
            offset += n
        }
        _exit(1)
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
