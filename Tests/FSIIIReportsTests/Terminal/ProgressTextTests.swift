import Testing
@testable import FSIIIEffect
@testable import FSIIIReports

/// The progress line's text (issue 22): `NO_COLOR` and `TERM=dumb` get no
/// escape sequence, anything else the erase-line sequence.
@Suite("Progress line text")
struct ProgressTextTests {
    static let p = ImportProgress(bytesRead: 12_000_000, totalBytes: 340_000_000, rows: 51_234, seconds: 2, finished: false)
    static let done = ImportProgress(bytesRead: 340_000_000, totalBytes: 340_000_000, rows: 51_234, seconds: 3, finished: true)

    @Test("style: NO_COLOR set to anything but empty, or TERM=dumb, is plain")
    func style() {
        #expect(ProgressText.style(environment: [:]) == .ansi)
        #expect(ProgressText.style(environment: ["NO_COLOR": ""]) == .ansi)
        #expect(ProgressText.style(environment: ["NO_COLOR": "1"]) == .plain)
        #expect(ProgressText.style(environment: ["NO_COLOR": "0"]) == .plain, "no-color.org: any non-empty value")
        #expect(ProgressText.style(environment: ["TERM": "dumb"]) == .plain)
        #expect(ProgressText.style(environment: ["TERM": "xterm-256color"]) == .ansi)
    }

    @Test("ansi: the line after \\r, cleared by ESC [ K")
    func ansi() {
        #expect(ProgressText.text(Self.p, style: .ansi) == "\rreading: 12 of 340 MB, 51234 rows, 6 MB/s, 55 s left ")
        #expect(ProgressText.text(Self.done, style: .ansi) == "\r\u{1B}[K")
    }

    @Test("plain: no escape character; the line padded to 79 columns, cleared with 79 spaces")
    func plain() {
        let line = ProgressText.text(Self.p, style: .plain)
        #expect(!line.contains("\u{1B}"))
        #expect(line.hasPrefix("\rreading: 12 of 340 MB, 51234 rows, 6 MB/s, 55 s left "))
        #expect(line.count == 80 && line.hasSuffix(" "))
        #expect(ProgressText.text(Self.done, style: .plain) == "\r" + String(repeating: " ", count: 79) + "\r")
    }
}
