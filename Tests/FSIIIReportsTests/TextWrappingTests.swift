import Testing
@testable import FSIIIReports

/// `ComparisonText.wrapped`, which breaks the table output's long lines at
/// spaces (SPEC §11), and the hang the fuzz test found in it (CSVFuzz seed
/// 119611): a word longer than the width after the first break (a long
/// team name in a two-way group's line) was broken at the continuation's
/// own indentation, again and again.
@Suite("Wrapping the table's long lines")
struct TextWrappingTests {
    @Test("short lines stay as they are; long ones break at the last space that fits, continuations indented by two")
    func breaksAtSpaces() {
        #expect(ComparisonText.wrapped("a b c", width: 3) == "a b\n  c")
        #expect(ComparisonText.wrapped("one two three", width: 7) == "one two\n  three")
        #expect(ComparisonText.wrapped("fits\nin two", width: 6) == "fits\nin two")
        #expect(ComparisonText.wrapped("", width: 5) == "")
    }

    @Test("a word longer than the width stays whole, on the first line or after a break, and the wrapping ends")
    func longWords() {
        let word = String(repeating: "x", count: 30)
        #expect(ComparisonText.wrapped(word, width: 10) == word)
        #expect(ComparisonText.wrapped("ab \(word)", width: 10) == "ab\n  \(word)")
        #expect(ComparisonText.wrapped("ab \(word) cd", width: 10) == "ab\n  \(word) cd")
        // The fuzz case's shape: a line of many long words and a few short ones.
        let line = (0..<200).map { $0 % 3 == 0 ? "a" : String(repeating: "y", count: 150) }.joined(separator: " ")
        let wrapped = ComparisonText.wrapped(line)
        #expect(wrapped.replacingOccurrences(of: "\n  ", with: " ") == line)
    }
}
