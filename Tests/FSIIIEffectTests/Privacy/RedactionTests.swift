import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes

/// SPEC §10 and docs/RULES.md "Personal data in outputs": what counts as a
/// CPR-shaped number, each case with the text written by hand.
@Suite("CPR-shaped numbers are masked")
struct RedactionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var masked: String
        var why: String
        var testDescription: String { why }
    }

    static let masked: [Case] = [
        Case(input: "0101401234", masked: "[fjernet]", why: "ten digits alone"),
        Case(input: "010140-12345", masked: "[fjernet]", why: "six and five: a CPR number and one digit more"),
        Case(input: "0101401-1234", masked: "[fjernet]", why: "seven and four: one digit before a CPR number"),
        Case(input: "3,9140654-0096", masked: "3,[fjernet]", why: "touching a decimal comma and more digits"),
        Case(input: "010140-1234", masked: "[fjernet]", why: "DDMMYY-XXXX"),
        Case(input: "Hold0101401234A", masked: "Hold[fjernet]A", why: "letters on both sides"),
        Case(input: "Hold 010140-1234 Nord", masked: "Hold [fjernet] Nord", why: "hyphen form inside a longer text"),
        Case(input: "010140 1234", masked: "[fjernet]", why: "a space as separator"),
        Case(input: "010140.1234", masked: "[fjernet]", why: "a full stop as separator"),
        Case(input: "010140/1234 og 010140_1234", masked: "[fjernet] og [fjernet]", why: "slash and underscore"),
        Case(input: "010140 – 1234", masked: "[fjernet]", why: "an en dash between spaces (three separators)"),
        Case(input: "010140\u{00A0}1234", masked: "[fjernet]", why: "a no-break space"),
        Case(input: "010140\u{2011}1234", masked: "[fjernet]", why: "a non-breaking hyphen"),
        Case(input: "123456789012345", masked: "[fjernet]", why: "a longer run may hide one"),
        Case(input: "/data/0101401234/assessments.csv", masked: "/data/[fjernet]/assessments.csv", why: "a folder in a path"),
        Case(input: "0101401234.csv", masked: "[fjernet].csv", why: "a file name"),
        Case(input: "assessments-010140-1234.csv", masked: "assessments-[fjernet].csv", why: "a hyphen before the number"),
        Case(input: "０１０１４０１２３４", masked: "[fjernet]", why: "full-width digits"),
        Case(input: "０１０１４０-1234", masked: "[fjernet]", why: "full-width and ASCII digits mixed"),
        Case(input: "٠١٠١٤٠١٢٣٤", masked: "[fjernet]", why: "Arabic-Indic digits"),
        Case(input: "hold ०१०१४०१२३४", masked: "hold [fjernet]", why: "Devanagari digits"),
        Case(input: "0101\u{200B}401234", masked: "[fjernet]", why: "a zero-width space inside"),
        Case(input: "01014\u{202E}01234", masked: "[fjernet]", why: "a bidi override inside"),
        Case(input: "0101\"401234", masked: "[fjernet]", why: "a quote inside (a doubled quote undone)"),
        Case(input: "0\u{20E3}101401234", masked: "[fjernet]", why: "a combining keycap"),
        Case(input: "a 0101401234 b 020250-4321 c", masked: "a [fjernet] b [fjernet] c", why: "two in one text"),
        Case(input: "12-010140-1234", masked: "12-[fjernet]", why: "digits before the six are another group"),
    ]

    static let kept: [Case] = [
        Case(input: "010140123", masked: "010140123", why: "nine digits"),
        Case(input: "2024-01-01", masked: "2024-01-01", why: "a date"),
        Case(input: "01-01-2024 12:30", masked: "01-01-2024 12:30", why: "a date and time"),
        Case(input: "0101-40-1234", masked: "0101-40-1234", why: "not the grouping of a CPR number"),
        Case(input: "01014-01234", masked: "01014-01234", why: "five and five"),
        Case(input: "01014-01234", masked: "01014-01234", why: "five and five"),
        Case(input: "010140-123", masked: "010140-123", why: "six and three"),
        Case(input: "010140,1234", masked: "010140,1234", why: "a decimal comma"),
        Case(input: "010140    1234", masked: "010140    1234", why: "more than three separators"),
        Case(input: "1ceef776-0cfa-4acd-b222-c5bb2424e0c1", masked: "1ceef776-0cfa-4acd-b222-c5bb2424e0c1", why: "an FSIII UUID"),
        Case(input: "Hold Nørrebro", masked: "Hold Nørrebro", why: "no digits"),
    ]

    @Test("CPR-shaped sequences become [fjernet]", arguments: masked)
    func masks(_ c: Case) {
        #expect(Redaction.mask(c.input) == c.masked)
        #expect(Redaction.containsIdentifier(c.input))
        let bytes = Array(c.input.utf8)
        #expect(bytes.withUnsafeBufferPointer { Redaction.containsIdentifier($0.baseAddress!, $0.count) }, "the byte check agrees")
    }

    @Test("numbers that are not CPR-shaped are kept", arguments: kept)
    func keeps(_ c: Case) {
        #expect(Redaction.mask(c.input) == c.masked)
        #expect(!Redaction.containsIdentifier(c.input))
        let bytes = Array(c.input.utf8)
        #expect(!bytes.withUnsafeBufferPointer { Redaction.containsIdentifier($0.baseAddress!, $0.count) })
    }

    @Test("a numbered placeholder replaces every CPR-shaped sequence of a name")
    func numbered() {
        #expect(Redaction.mask("0101401234/020250-4321", with: "[fjernet 3]") == "[fjernet 3]/[fjernet 3]")
        #expect(Redaction.mask("Hold", with: "[fjernet 3]") == "Hold")
    }

    @Test("a CPR number written with JSON escapes is masked once decoded")
    func jsonEscapes() throws {
        let value = try JSONParser.parse(#"{"id": "0101\u0034\u00301234"}"#)
        let id = try #require(value["id"]?.string)
        #expect(id == "0101401234")
        #expect(Redaction.mask("Condition/" + id) == "Condition/[fjernet]")
    }
}
