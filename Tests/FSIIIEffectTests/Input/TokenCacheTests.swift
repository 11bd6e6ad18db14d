import Foundation
import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes

/// The token cache hashes only a few words of a cell; it must still tell
/// apart every cell, and spread the date-times that differ in the middle.
@Suite("Token cache")
struct TokenCacheTests {
    static func withSlice<T>(_ text: String, _ body: (ByteSlice) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer { body(ByteSlice(p: $0.baseAddress ?? emptyBytes, n: $0.count)) }
    }

    @Test("cells that agree in their first and last eight bytes keep their own values")
    func sameEnds() {
        var cache = TokenCache<Int32>()
        // 40 bytes, equal but for the middle; and every length from 0 to 17.
        let cells = (0..<200).map { "0123456789-\(String(format: "%03d", $0))-abcdefghijklmnopqrstuv" }
            + (0...17).map { String(repeating: "x", count: $0) }
        for (i, c) in cells.enumerated() {
            #expect(Self.withSlice(c) { cache.lookup($0) } == nil)
            Self.withSlice(c) { cache.remember($0, Int32(i)) }
        }
        for (i, c) in cells.enumerated() { #expect(Self.withSlice(c) { cache.lookup($0) } == Int32(i)) }
    }

    @Test("date-times that differ only in the day do not share a hash")
    func dateTimes() {
        let hashes = Set((1...28).map { d in Self.withSlice("2023-05-\(d < 10 ? "0" : "")\(d)T00:00:00Z") { TokenCache<Int32>.hash($0) } })
        #expect(hashes.count == 28)
    }

    @Test("after `limit` cells nothing more is remembered; the slow path still answers")
    func limit() {
        var cache = TokenCache<UInt8>(limit: 3)
        for (i, t) in ["a", "b", "c", "d"].enumerated() { Self.withSlice(t) { cache.remember($0, UInt8(i)) } }
        #expect(Self.withSlice("c") { cache.lookup($0) } == 2)
        #expect(Self.withSlice("d") { cache.lookup($0) } == nil)
        var slow = 0
        #expect(Self.withSlice("d") { s in cache.resolve(s) { _ in slow += 1; return 9 } } == 9)
        #expect(Self.withSlice("a") { s in cache.resolve(s) { _ in slow += 1; return 9 } } == 0)
        #expect(slow == 1)
    }
}

/// The repeat memo's short-string comparison against `memcmp`.
@Suite("Repeat memo")
struct RepeatMemoTests {
    @Test("equal exactly when memcmp says so, for every length 0–40 and a difference at every position")
    func equalBytes() {
        for n in 0...40 {
            let a = (0..<n).map { UInt8(0x30 + $0 % 40) }
            for position in -1..<n {
                var b = a
                if position >= 0 { b[position] ^= 0x20 }
                let same = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in
                    RepeatMemo.equal(x.baseAddress ?? emptyBytes, y.baseAddress ?? emptyBytes, n)
                } }
                #expect(same == (position < 0), "n \(n), difference at \(position)")
            }
        }
    }
}

/// Date cells: parsed outright when plain, through the cache otherwise;
/// the same day either way, and the same rejections.
@Suite("Date cells")
struct DateCellTests {
    @Test("every form gives the parser's day; bad dates are Int32.min", arguments: [
        ("2024-02-29", "2024-02-29"), ("29-02-2024", "2024-02-29"), ("29.02.2024", "2024-02-29"), ("29/02/2024", "2024-02-29"),
        ("1.2.2024", "2024-02-01"), ("2024-06-30T23:30:00Z", "2024-07-01"), ("2024-06-30T23:30:00+02:00", "2024-06-30"),
        ("2023-02-29", nil), ("31/04/2024", nil), ("2024-13-01", nil), ("2024-1-01", nil), ("i går", nil), ("", nil),
    ] as [(String, String?)])
    func days(cell: String, expected: String?) {
        var cache = TokenCache<Int32>()
        for _ in 0..<2 {   // the second time from the cache, where there is one
            let day = Array(cell.utf8).withUnsafeBufferPointer { cache.day(ByteSlice(p: $0.baseAddress ?? emptyBytes, n: $0.count)) }
            #expect(day == (expected.map { DateParser.parse($0)!.rawValue } ?? Int32.min))
            if let expected { #expect(Day(rawValue: day).iso == expected) }
        }
    }
}
