import Foundation
import Synchronization
import Testing
@testable import FSIIIBytes

@Suite("BackgroundValue: a value worked out beside the caller")
struct BackgroundValueTests {
    @Test("the value is the work's, whether it is waited for before or after it is done, and as often as asked")
    func value() {
        let slow = BackgroundValue { () -> [Int] in
            Thread.sleep(forTimeInterval: 0.05)
            return (1...1000).map { $0 * $0 }
        }
        let fast = BackgroundValue { 42 }
        Thread.sleep(forTimeInterval: 0.01)
        #expect(fast.wait() == 42)
        #expect(slow.wait().reduce(0, +) == 333_833_500)   // Σ k² = n(n+1)(2n+1)/6
        #expect(slow.wait().count == 1000)
    }

    @Test("many at once, each waited for from another thread: every one gives its own value")
    func many() {
        let values = (0..<64).map { k in BackgroundValue { (0...k).reduce(0, +) } }
        let sums = Parallel.map(0..<64) { k in values[k].wait() }
        #expect(sums == (0..<64).map { $0 * ($0 + 1) / 2 })
    }

    /// Counts its live instances, so a test sees when the last reference goes.
    final class Tracked: Sendable {
        static let live = Mutex(0)
        let payload: [Int]
        init(_ payload: [Int]) { self.payload = payload; Self.live.withLock { $0 += 1 } }
        deinit { Self.live.withLock { $0 -= 1 } }
    }

    @Test("take hands the value over: the caller gets the work's value and the BackgroundValue holds it no longer")
    func take() {
        let before = Tracked.live.withLock { $0 }
        let background = BackgroundValue { () -> Tracked in
            Thread.sleep(forTimeInterval: 0.02)
            return Tracked(Array(1...100))
        }
        do {
            let taken = background.take()
            #expect(taken.payload.reduce(0, +) == 5050)
            #expect(Tracked.live.withLock { $0 } == before + 1)
        }
        // The only reference was the taken one: the value is freed though `background` lives on.
        #expect(Tracked.live.withLock { $0 } == before)
        withExtendedLifetime(background) {}
    }
}
