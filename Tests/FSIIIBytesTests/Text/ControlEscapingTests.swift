import Testing
@testable import FSIIIBytes

/// `ControlEscaping.escaped`: a name from outside stays one piece of one line
/// on standard error.
@Suite("Terminal text: names in messages cannot add lines or move the cursor")
struct ControlEscapingTests {
    @Test("a line break in a file name is written as \\n, so no fake accounting line can appear")
    func lineBreaks() {
        let name = "a.csv\nassessments: read 1 = accepted 1 + rejected 0\r\tx"
        #expect(ControlEscaping.escaped(name) == #"a.csv\nassessments: read 1 = accepted 1 + rejected 0\r\tx"#)
        #expect(!ControlEscaping.escaped(name).contains("\n"))
    }

    @Test("other controls, separators and bidirectional overrides become \\u{…}")
    func otherControls() {
        #expect(ControlEscaping.escaped("\u{1B}[31mred\u{7}") == #"\u{1B}[31mred\u{7}"#)
        #expect(ControlEscaping.escaped("a\u{0}b\u{7F}c\u{85}d") == #"a\u{0}b\u{7F}c\u{85}d"#)
        #expect(ControlEscaping.escaped("x\u{2028}y\u{2029}") == #"x\u{2028}y\u{2029}"#)
        #expect(ControlEscaping.escaped("\u{202E}vsc.stnemssessa") == #"\u{202E}vsc.stnemssessa"#)
        #expect(ControlEscaping.escaped("\u{2066}a\u{2069}") == #"\u{2066}a\u{2069}"#)
    }

    @Test("ordinary names, Danish letters, accents and other scripts are unchanged")
    func ordinaryText() {
        for name in ["vurderinger Østerbro.csv", "e\u{301}", "Hold 北京", "", "a\\b", "zero\u{200B}width"] {
            #expect(ControlEscaping.escaped(name) == name)
        }
    }
}
