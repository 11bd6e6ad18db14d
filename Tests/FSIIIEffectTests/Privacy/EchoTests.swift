import Testing
@testable import FSIIIEffect
@testable import FSIIIBytes

/// docs/RULES.md "Personal data in outputs": text repeated from the inputs
/// is masked, its control characters are written visibly, and its length
/// is bounded.
@Suite("Echoes of input text are safe and bounded")
struct EchoTests {
    @Test("line breaks, tab, ESC, C1 controls and bidi controls are written visibly")
    func controls() {
        #expect(ControlEscaping.escaped("a\nb\rc\td") == #"a\nb\rc\td"#)
        #expect(ControlEscaping.escaped("\u{1B}[31mred") == #"\u{1B}[31mred"#)
        #expect(ControlEscaping.escaped("x\u{0}y\u{7F}z\u{85}") == #"x\u{0}y\u{7F}z\u{85}"#)
        #expect(ControlEscaping.escaped("abc\u{202E}def\u{2066}g\u{2069}") == #"abc\u{202E}def\u{2066}g\u{2069}"#)
        #expect(ControlEscaping.escaped("line\u{2028}sep\u{200F}") == #"line\u{2028}sep\u{200F}"#)
        #expect(ControlEscaping.escaped(#"C:\data\Hold Ø"#) == #"C:\data\Hold Ø"#, "backslashes and letters are kept")
        #expect(!ControlEscaping.needsEscaping("Hold Nørrebro – Øst"))
        #expect(ControlEscaping.needsEscaping("é\u{9B}"), "a C1 control after a two-byte letter")
    }

    @Test("a cell quoted in a message is masked first, then cut after 60 characters")
    func quotedCell() {
        let long = String(repeating: "x", count: 55) + "0101401234" + String(repeating: "y", count: 100)
        let quoted = Echo.quoted(long)
        #expect(quoted == "\"" + String(repeating: "x", count: 55) + "[fjer…\"")
        #expect(Echo.quoted("kort") == "\"kort\"")
        #expect(Echo.quoted("a\nb") == #""a\nb""#)
        // A cut never splits an escape: 59 characters, then \u{1B} would make 65.
        #expect(Echo.quoted(String(repeating: "z", count: 59) + "\u{1B}") == "\"" + String(repeating: "z", count: 59) + "…\"")
    }

    @Test("a message: quoted parts at most 80 characters, the whole at most 500, controls escaped")
    func message() {
        let cell = String(repeating: "9x", count: 3000)
        let m = Echo.message("\"\(cell)\" is not a date; use YYYY-MM-DD")
        #expect(m == "\"" + String(repeating: "9x", count: 40) + "…\" is not a date; use YYYY-MM-DD")
        let unclosed = Echo.message("bad \"" + String(repeating: "q", count: 200))
        #expect(unclosed == "bad \"" + String(repeating: "q", count: 80) + "…")
        let plain = Echo.message(String(repeating: "w ", count: 400))
        #expect(plain.unicodeScalars.count == 501 && plain.hasSuffix("…"))
        #expect(Echo.message("x\nassessments: read 1 = accepted 1") == #"x\nassessments: read 1 = accepted 1"#)
        #expect(Echo.message("\"0101\"401234\" is not a level") == "\"[fjernet]\" is not a level", "masked before the quotes split it")
    }

    @Test("a problem stores its file, column, message and cells safely, however it is built or changed")
    func problem() {
        var p = ImportProblem(file: "/data/0101401234/a\nb.csv", line: 4, column: "Condition/010140-1234",
                              message: "refers to Patient/0202504321", reason: "bad reference",
                              cells: [String(repeating: "c", count: 2000), "x\u{1B}y"])
        #expect(p.file == #"/data/[fjernet]/a\nb.csv"#)
        #expect(p.column == "Condition/[fjernet]")
        #expect(p.message == "refers to Patient/[fjernet]")
        #expect(p.cells == [String(repeating: "c", count: 1024) + "…", #"x\u{1B}y"#])
        #expect(p.description == #"/data/[fjernet]/a\nb.csv:4: Condition/[fjernet]: refers to Patient/[fjernet]"#)
        p.message = "now 0101401234\n"
        p.file = "f\r.csv"
        p.cells[1] = "311299-4321"
        #expect(p.message == #"now [fjernet]\n"# && p.file == #"f\r.csv"# && p.cells[1] == "[fjernet]")
    }

    @Test("a file summary stores its path and unknown header cells safely")
    func fileSummary() {
        let f = FileSummary(path: "0101401234\n.csv", kind: .assessments, encoding: nil, delimiter: nil, rows: 0, bytes: 0,
                            unknownColumns: ["010140-1234", "\u{1B}]0;x"])
        #expect(f.path == #"[fjernet]\n.csv"#)
        #expect(f.unknownColumns == ["[fjernet]", #"\u{1B}]0;x"#])
    }

    @Test("standard error keeps the line feeds of a message and escapes every other control")
    func diagnostics() {
        #expect(Diagnostics.shown("a\u{1B}[2J\nb 0101401234\tc") == "a\\u{1B}[2J\nb [fjernet]\\tc")
        #expect(Diagnostics.shown("plain") == "plain")
    }

    @Test("an input failure's path and message are shown safely")
    func inputFailure() {
        let e = InputFailure(path: "/x/0101401234\nassessments: read 1", line: 0, message: "no such file or folder")
        #expect(e.description == #"/x/[fjernet]\nassessments: read 1: no such file or folder"#)
    }
}
