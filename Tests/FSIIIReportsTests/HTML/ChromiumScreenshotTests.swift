import Foundation
import Testing
@testable import FSIIIReports
@testable import FSIIIEffect

/// Renders the sample report in headless Chromium at 1280 × 800 and checks
/// that the screenshot is not blank. Runs where Chromium is installed
/// (`.ci/run` installs Debian's `chromium`); elsewhere it is skipped with
/// a message saying so.
///
/// "Not blank", honestly measured: the PNG must be 1280 × 800 and larger
/// than 20 kB (a blank page compresses to about 5 kB). Where python3 is
/// available (it is on CI), the PNG is decoded with its standard library
/// (zlib, the five PNG filters) and the test asserts at least 64 distinct
/// colours, at least 0.5 % dark pixels (luminance < 128: text, axes,
/// limit lines) and at least 500 pixels of the charts' blue (#0072B2 ± 40
/// per channel: markers, series and bars), so a page that loaded but drew
/// no chart fails too. For comparison, here the sample report measures
/// about 2,900 colours, 3 % dark pixels and 3,400 blue ones; a blank page
/// 1 colour, and a page with only a heading 0.05 % dark pixels.
@Suite("The sample report renders in headless Chromium")
struct ChromiumScreenshotTests {
    static let chromium: String? = {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        return ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"].lazy.compactMap(executable).first
    }()

    /// `name` found on PATH (or in /usr/bin), nil when absent.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program to completion or until `timeout`; returns its status and standard output.
    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-run-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }

    @Test("a 1280 × 800 screenshot of the sample report is not blank",
          .enabled(if: chromium != nil, "Chromium is not installed (apt-get install -y chromium): screenshot test skipped"),
          .enabled(if: SampleReport.shared != nil, "sample data could not be generated"))
    func screenshot() throws {
        let chromium = try #require(Self.chromium)
        let sample = try #require(SampleReport.shared)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fsiii-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html"), png = folder.appendingPathComponent("report.png")
        try Data(HTMLReport.write(sample.report, terminology: sample.dataset.terminology).utf8).write(to: page)
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        let result = try Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                                             "--user-data-dir=\(folder.path)/profile", "--window-size=1280,800",
                                             "--screenshot=\(png.path)", page.absoluteString], timeout: 120)
        #expect(result.status == 0, "chromium exit status")
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG file")
        try #require(bytes.count > 24)
        func uint32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(uint32(16) == 1280 && uint32(20) == 800, "IHDR size \(uint32(16)) × \(uint32(20))")
        #expect(bytes.count > 20_000, "\(bytes.count) bytes: a blank page is about 5 kB")
        guard let python = Self.executable("python3") else { return }
        let stats = try Self.run(python, ["-c", Self.pngStatistics, png.path], timeout: 120)
        let numbers = stats.output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        try #require(numbers.count == 3, "decoder output: \(stats.output)")
        let (colours, dark, blue) = (numbers[0], numbers[1], numbers[2])
        #expect(colours >= 64, "distinct colours: \(colours)")
        #expect(dark >= 0.005, "share of dark pixels: \(dark)")
        #expect(blue >= 500, "pixels of the charts' blue: \(blue)")
    }

    /// Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium
    /// writes) with Python's standard library only, and prints the number of
    /// distinct colours, the share of dark pixels and the count of #0072B2-ish pixels.
    static let pngStatistics = #"""
    import sys, zlib, struct
    data = open(sys.argv[1], 'rb').read()
    pos, idat, ihdr = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b'IHDR': ihdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT': idat += body
        elif kind == b'IEND': break
    w, h, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and ctype in (2, 6) and interlace == 0, 'unsupported PNG %r' % (ihdr,)
    bpp = 3 if ctype == 2 else 4
    raw, stride, prev, i = zlib.decompress(idat), w * bpp, bytearray(w * bpp), 0
    colours, dark, blue = set(), 0, 0
    for _ in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            colours.add((r, g, b))
            if 0.299 * r + 0.587 * g + 0.114 * b < 128: dark += 1
            if r < 40 and abs(g - 0x72) < 40 and abs(b - 0xB2) < 40: blue += 1
        prev = line
    print(len(colours), dark / (w * h), blue)
    """#
}
