import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect
import FSIIIBytes
import FSIIITestSupport

/// Team names are data: whatever their Unicode, they become text in the
/// page, never markup. Each page is parsed as XML and compared with the page
/// for plain names: the same elements, the same attributes, no more.
@Suite("HTML escaping holds for every name: combining marks, controls, bidi, the classic payloads")
struct HTMLInjectionTests {
    /// Names that broke the page or would: tags behind combining marks or
    /// other prepended Unicode, controls XML forbids, bidi overrides,
    /// zero-width characters and the classic payloads.
    static let payloads = [
        "<\u{301}script>alert(1)<\u{301}/script>",
        "<\u{338}img src=x onerror=alert(1)>",
        "\u{301}<svg onload=alert(1)>",
        "\"><svg onload=alert(1)>",
        "'><script>alert(1)</script>",
        "\"\u{301} onmouseover=\"alert(1)",
        "javascript:alert(1)",
        "</style><script>alert(1)</script>",
        "]]><script>alert(1)</script>",
        "<!--",
        "--><script>alert(1)</script><!--",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&lt;script&gt;",
        "&#60;script&#62;",
        "Hold\u{0}NUL\u{1}\u{8}\u{B}\u{C}\u{1B}[31m\u{7F}\u{85}",
        "\u{202E}dloH\u{202C} \u{2066}x\u{2069}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}",
        "Hold\u{200B}\u{200D}\u{FEFF}zero width",
        // Noncharacters (the compiler refuses some as literals).
        String(String.UnicodeScalarView([0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE].compactMap(Unicode.Scalar.init))),
        "Hold Ærø 👩‍⚕️ ﷺ",
    ]

    /// The five-team funnel report of `HTMLFixtures` with the names of the
    /// three shown teams made from `name` (Hold B is above the limits and
    /// Hold C below, so both are labelled on the chart and named in the
    /// summary).
    static func page(_ name: String?) -> String {
        let base = HTMLFixtures.funnelReport(phi: 1)
        let names = name.map { ["Hold A": $0, "Hold B": "B " + $0, "Hold C": $0 + " C"] } ?? [:]
        var groups = base.groups
        for i in groups.indices { groups[i].group = names[groups[i].group] ?? groups[i].group }
        let report = HTMLFixtures.report(groups: groups, total: base.total, phi: base.phi, evaluation: base.evaluation)
        return HTMLReport.write(report, terminology: .builtIn, language: .en)
    }

    /// How often each element and each attribute name occurs.
    static func shape(_ root: ParsedElement) -> (elements: [String: Int], attributes: [String: Int]) {
        var elements: [String: Int] = [:], attributes: [String: Int] = [:]
        for e in root.all {
            elements[e.name, default: 0] += 1
            for a in e.attributes.keys { attributes[a, default: 0] += 1 }
        }
        return (elements, attributes)
    }

    /// What the page shows for `name`: the replaced characters as U+FFFD.
    static func shown(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { HTMLEscaping.replaced($0) ? "\u{FFFD}" : $0 }))
    }

    @Test("the page for a hostile name has exactly the elements and attributes of the page for plain names", arguments: payloads)
    func noNewMarkup(_ name: String) throws {
        let plain = try XMLTree.parse(Self.page(nil))
        let text = Self.page(name)
        let root = try XMLTree.parse(text)
        let (elements, attributes) = Self.shape(root)
        #expect(elements == Self.shape(plain).elements)
        #expect(attributes == Self.shape(plain).attributes)
        for e in root.all {
            #expect(!e.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "no event handler on <\(e.name)>")
            #expect(e.attributes["href"] == nil && e.attributes["src"] == nil, "the page links to nothing")
        }
        #expect(root.descendants("script").count == 1 && root.descendants("style").count == 1)
        // The name is text: the table heads its row with it, the chart names its point by it.
        let rows = root.withClass("groups", "sortable").first?.first("tbody")?.descendants("th").map(\.fullText) ?? []
        #expect(rows.contains(Self.shown(name)))
        #expect(root.descendants("g").contains { $0.attributes["data-group"] == Self.shown("B " + name) })
        #expect(root.descendants("text").contains { $0.text == Self.shown("B " + name) }, "the label of the point above the limits")
    }

    @Test("escaping works on Unicode scalars: < with a combining mark is still escaped")
    func combiningMarks() {
        #expect(HTMLEscaping.escape("<\u{301}b>") == "&lt;\u{301}b&gt;")
        #expect(HTMLEscaping.escape("\"\u{301}") == "&quot;\u{301}")
        #expect(HTMLEscaping.escape("&\u{301}") == "&amp;\u{301}")
        #expect(HTMLEscaping.escape("a\u{0}b\u{1B}c\u{202E}d\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
        #expect(HTMLEscaping.escape("tab\tline\nreturn\r") == "tab\tline\nreturn\r", "XML allows these three")
        #expect(HTMLEscaping.escape("e\u{301} \u{200B}\u{200D}") == "e\u{301} \u{200B}\u{200D}", "zero-width and combining characters are text")
    }

    /// The report of `CourseFiguresTests` read from a file whose team cells are `team` (raw bytes).
    static func page(teamBytes team: [UInt8]) throws -> (text: String, root: ParsedElement) {
        func replacing(_ text: String, _ marker: String) -> [UInt8] {
            var out: [UInt8] = []
            for (i, part) in text.components(separatedBy: marker).enumerated() {
                if i > 0 { out += Array(marker.dropLast(marker.hasSuffix(";") ? 3 : 2).utf8) + team + (marker.hasSuffix(";") ? [0x3B] : []) }
                out += Array(part.utf8)
            }
            return out
        }
        let d = Fixtures.dataset([.init("assessments.csv", .assessments, bytes: replacing(HandComputedCourses.assessments, ";T1;")),
                                  .init("courses.csv", .courses, bytes: replacing(HandComputedCourses.courses, ";T1"))])
        var o = ReportOptions()
        o.minCell = 0
        let text = HTMLReport.write(EffectReporter.report(d, options: o), terminology: d.terminology, language: .en)
        return (text, try XMLTree.parse(text))
    }

    // Names are stored with their controls written visibly (NameTable,
    // ControlEscaping), so the page shows `\u{1B}`; the page's own
    // escaping (U+FFFD) guards text that does not come through a name table.
    @Test("a team name read from a UTF-8 file with combining marks, controls and overrides becomes text")
    func fromUTF8File() throws {
        let name = "<\u{301}script>\u{1B}x\u{202E}y"
        let (text, root) = try Self.page(teamBytes: Array(name.utf8))
        #expect(!text.contains("<\u{301}script"))
        #expect(root.descendants("script").count == 1)
        let rows = root.withClass("groups", "sortable").first?.first("tbody")?.descendants("th").map(\.fullText) ?? []
        #expect(rows.contains(#"<\#u{301}script>\u{1B}x\u{202E}y"#))
    }

    @Test("a team name with bytes that are not UTF-8 is read as Windows-1252; its C1 controls are written visibly")
    func fromInvalidUTF8() throws {
        // 0x81 and 0x9D are unassigned in Windows-1252 and read as U+0081, U+009D; 0xE6 is æ.
        let (_, root) = try Self.page(teamBytes: [0x3C, 0x62, 0x3E, 0x81, 0x9D, 0xE6])
        let rows = root.withClass("groups", "sortable").first?.first("tbody")?.descendants("th").map(\.fullText) ?? []
        #expect(rows.contains(#"<b>\u{81}\u{9D}æ"#))
        #expect(root.descendants("b").isEmpty)
    }
}
