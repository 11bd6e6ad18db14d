import Foundation
@testable import FSIIIStatistics
import FSIIITestSupport

/// The checked-in outputs of the peer implementations (R), made by the
/// scripts beside them in Fixtures/peers/ (rerun a script to regenerate its
/// JSON; the tests themselves never need R).
enum PeerFixture {
    /// Fixtures/peers/`name`, decoded.
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let url = Fixtures.fixtureFolder().appendingPathComponent("peers").appendingPathComponent(name)
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }
}

/// A normal N(0, 1) draw from the bootstrap's generator, by Box–Muller
/// (test data only).
extension SeededGenerator {
    mutating func uniformOpen() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    mutating func normal() -> Double {
        let u = uniformOpen(), v = uniformOpen()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
