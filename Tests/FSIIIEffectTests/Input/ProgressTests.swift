import Foundation
import Testing
@testable import FSIIIEffect

/// The library prints nothing unless asked (issue 17): progress goes to a
/// sink the caller gives in `ImportOptions.progress`, none by default.
@Suite("Progress goes to the caller's sink")
struct ProgressTests {
    /// The calls a sink received, from the meter's timer thread.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [ImportProgress] = []
        func record(_ p: ImportProgress) { lock.withLock { calls.append(p) } }
        var received: [ImportProgress] { lock.withLock { calls } }
    }

    @Test("by default an import has no progress sink")
    func defaultIsSilent() {
        #expect(ImportOptions().progress == nil)
        #expect(ImportOptions(hourlyRate: 400).progress == nil)
    }

    @Test("the meter hands its counts to the sink, then one finished call, then nothing")
    func meterCallsSink() async throws {
        let recorder = Recorder()
        let meter = ProgressMeter(totalBytes: 1000, delay: 0.01, interval: 0.01) { recorder.record($0) }
        meter.advance(bytes: 400, rows: 3)
        for _ in 0..<200 where recorder.received.isEmpty { try await Task.sleep(nanoseconds: 10_000_000) }
        meter.finish()
        let calls = recorder.received
        #expect(calls.count >= 2)
        let first = try #require(calls.first)
        #expect(first.bytesRead == 400 && first.rows == 3 && first.totalBytes == 1000 && !first.finished)
        #expect(calls.last?.finished == true)
        #expect(calls.dropLast().allSatisfy { !$0.finished })
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(recorder.received.count == calls.count, "no call after finish")
    }

    @Test("a meter whose sink was never called says nothing at the end")
    func quietWhenNeverCalled() {
        let recorder = Recorder()
        let meter = ProgressMeter(totalBytes: 10, delay: 60, interval: 1) { recorder.record($0) }
        meter.advance(bytes: 10)
        meter.finish()
        #expect(recorder.received.isEmpty)
    }

    @Test("rate = bytes read / seconds; time left = bytes left / rate")
    func rateAndTimeLeft() {
        let p = ImportProgress(bytesRead: 250, totalBytes: 1000, rows: 5, seconds: 0.5, finished: false)
        #expect(p.bytesPerSecond == 500)
        #expect(p.secondsLeft == 1.5)
        let start = ImportProgress(bytesRead: 0, totalBytes: 1000, rows: 0, seconds: 0, finished: false)
        #expect(start.bytesPerSecond == 0 && start.secondsLeft == 0)
    }
}
