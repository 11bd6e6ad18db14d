@testable import FSIIIEffect
@testable import FSIIIBytes
@testable import FSIIIReports
@testable import FSIIISampleData
import FSIIIStatistics
import FSIIITestSupport

/// Mutates the bytes of a small CSV input the way hostile or broken exports
/// do: odd and extreme cells (huge, negative, NaN numbers, far dates,
/// date-times with extreme offsets, empty and very long cells, CPR numbers
/// in any column), swapped, renamed, duplicated and missing headers, stray
/// quotes, NULs, mixed encodings (Windows-1252 bytes, invalid UTF-8, byte
/// order marks in the middle), truncation, CR/LF mixtures and delimiter
/// swaps. Every choice comes from the case's `SeededGenerator`, so a case
/// is replayed from its seed alone.
struct CSVFuzzMutator {
    var random: SeededGenerator
    /// The longest odd cell, in bytes: the larger sample's files (thousands
    /// of rows) cap it, so a long cell down a whole column stays a file of a
    /// few MB, not hundreds. The cap takes no draw: a seed mutates the same
    /// way, only shorter.
    var longCellLimit = Int.max

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func below(_ n: Int) -> Int { random.index(below: max(n, 1)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }

    /// Cells a hostile file holds, as bytes (some are not UTF-8).
    static let oddCells: [[UInt8]] = [
        "", " ", "1e308", "-1e308", "1e309", "99999999999999999999", "-99999999999999999999", "NaN", "nan", "inf", "-inf",
        "-0", "0x1F", "1,5", "1.5.5", "-1", "-0,01", "4294967296", "9223372036854775808", "1e-400", "0.0000000001",
        "100000001", "10001", "600001", "100001", "12,345.67", "１２", "٣", "2,5e3", "+", "-", ".", "e5",
        "9999-12-31", "0001-01-01", "0000-00-00", "1849-12-31", "1850-01-01", "2149-12-31", "2150-01-01",
        "9999-12-31T23:00:00-14:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "1850-01-01T00:30:00+01:00",
        "2149-12-31T23:30:00Z", "2024-01-01T00:00:00+99:99", "2024-01-01T00:00:00-18:00", "2024-01-01T00:00:00+18:01",
        "2024-03-31T01:00:00Z", "2024-10-27T00:59:59Z", "2024-01-01T24:00:00Z", "2024-01-01T23:59:60.999999999999Z",
        "2024-01-01 10:00", "2024-01-01T10:00:00.", "2024-01-01T", "31.12.9999", "29.02.2023", "29.02.2024", "2024-13-01",
        "1.1.1", "01/01/0000", "32-01-2024", "1-1-2024", "24:00",
        "Vaske sig", "Vaske sigg", "J1.1", "Personlig_pleje", "B6", "9", "5", "B7", "Ikke relevant", "entered-in-error",
        "resolved", "fejlregistreret", "aktiv", "ACTIVE",
        "0101011234", "010101-1234", "311299-9999", "3112999999", "010101-12345", "0101011234 ", "x0101011234x",
        "\"", "\"\"", "\"abc\"def", "\"a;b\"", "\"multi\nline\"", "\r", "\n", ";", "\t", ",", ";;;;",
        "\u{00A0}", "\u{FEFF}", "\u{2013}", "ÆØÅæøå", "🙂", "\u{202E}evil", "\u{1B}[31m",
    ].map { Array($0.utf8) } + [
        [0x00], [0x41, 0x00, 0x42], [0xFF], [0xC3, 0x28], [0xE6, 0xF8, 0xE5], [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0x81, 0x8D, 0x8F, 0x90, 0x9D],
    ]

    /// Header names a file may wrongly carry: other kinds' columns,
    /// aliases, near misses, empty, long.
    static let headerNames = [
        "citizen", "cpr", "borger", "date", "dato", "condition", "tilstand", "level", "niveau", "team", "hold",
        "municipality", "kommune", "goal", "status", "id", "start", "end", "slut", "type", "hours", "timer",
        "minutes", "minutter", "amount", "beløb", "beloeb", "kr", "service", "ydelse", "rate", "takst", "timepris",
        "", " ", "CITIZEN", "Cpr-Nr", "citizen ", "unknown", "note", "0101011234", "\"citizen\"", "dato;dato",
    ]

    /// Applies one to four mutations.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + below(4)) { out = mutateOnce(out) }
        return out
    }

    mutating func mutateOnce(_ bytes: [UInt8]) -> [UInt8] {
        var lines = CSVFuzzMutator.lines(bytes)
        let delimiter = CSVFuzzMutator.delimiter(lines.first ?? [])
        switch below(24) {
        case 0, 1, 2, 3, 4:   // an odd cell in a data row
            guard lines.count > 1 else { return bytes }
            let r = 1 + below(lines.count - 1)
            var cells = split(lines[r], delimiter)
            cells[below(cells.count)] = oddCell()
            lines[r] = join(cells, delimiter)
        case 5:               // the same odd cell down a whole column
            let cell = oddCell()
            let column = below(split(lines.first ?? [], delimiter).count)
            for r in lines.indices.dropFirst() {
                var cells = split(lines[r], delimiter)
                if column < cells.count { cells[column] = cell }
                lines[r] = join(cells, delimiter)
            }
        case 6:               // two header names swapped
            var cells = split(lines.first ?? [], delimiter)
            guard cells.count > 1 else { return bytes }
            let a = below(cells.count), b = below(cells.count)
            cells.swapAt(a, b)
            lines[0] = join(cells, delimiter)
        case 7:               // a header name renamed
            var cells = split(lines.first ?? [], delimiter)
            cells[below(cells.count)] = Array(pick(CSVFuzzMutator.headerNames).utf8)
            lines[0] = join(cells, delimiter)
        case 8:               // a header name duplicated over another
            var cells = split(lines.first ?? [], delimiter)
            guard cells.count > 1 else { return bytes }
            cells[below(cells.count)] = cells[below(cells.count)]
            lines[0] = join(cells, delimiter)
        case 9:               // a column removed from the header only, or from every row
            let all = chance(50)
            let column = below(split(lines.first ?? [], delimiter).count)
            for r in (all ? Array(lines.indices) : [0]) {
                var cells = split(lines[r], delimiter)
                guard cells.count > 1 else { continue }
                cells.remove(at: min(cells.count - 1, column))
                lines[r] = join(cells, delimiter)
            }
        case 10:              // many unknown columns, sometimes over the limit
            let n = pick([3, 50, 1023, 1100, 5000])
            var extra: [UInt8] = []
            for k in 0..<n { extra += [delimiter] + Array("x\(k)".utf8) }
            lines[0] += extra
        case 11:              // truncated anywhere
            return Array(bytes.prefix(below(bytes.count + 1)))
        case 12:              // stray bytes inserted
            var out = bytes
            for _ in 0..<(1 + below(5)) {
                let b = pick([0x22, 0x22, delimiter, 0x0D, 0x0A, 0x00, 0xFF, 0xE6, 0x80, 0xEF, 0x2C, 0x09])
                out.insert(b, at: below(out.count + 1))
            }
            return out
        case 13:              // a range deleted
            guard !bytes.isEmpty else { return bytes }
            let a = below(bytes.count), n = 1 + below(min(200, bytes.count - a))
            return Array(bytes[..<a] + bytes[(a + n)...])
        case 14:              // lines duplicated, dropped or shuffled
            guard lines.count > 2 else { return bytes }
            switch below(3) {
            case 0: let r = 1 + below(lines.count - 1); lines.insert(lines[r], at: 1 + below(lines.count - 1))
            case 1: lines.remove(at: 1 + below(lines.count - 1))
            default: lines[1...].shuffle(using: &random)
            }
        case 15:              // line ends: CRLF, lone CR, or a mixture
            let style = below(3)
            return lines.enumerated().flatMap { i, line -> [UInt8] in
                var l = line
                if l.last == 0x0D { l.removeLast() }
                let end: [UInt8] = style == 0 ? [0x0D, 0x0A] : style == 1 ? [0x0D] : pick([[0x0A], [0x0D, 0x0A], [0x0D], [0x0A, 0x0A]])
                return l + (i == lines.count - 1 ? (chance(50) ? end : []) : end)
            }
        case 16:              // the delimiter swapped in the whole file, the header or one row
            let to = pick([UInt8(0x2C), 0x09, 0x3B, 0x7C].filter { $0 != delimiter })
            let scope = below(3)
            for r in lines.indices where scope == 0 || (scope == 1 && r == 0) || (scope == 2 && r == min(1, lines.count - 1)) {
                lines[r] = lines[r].map { $0 == delimiter ? to : $0 }
            }
        case 17:              // the whole file in Windows-1252, or a BOM at the start or in the middle
            switch below(3) {
            case 0: return CSVFuzzMutator.windows1252(bytes)
            case 1: return [0xEF, 0xBB, 0xBF] + bytes
            default:
                var out = bytes
                out.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: below(out.count + 1))
                return out
            }
        case 18:              // a very long field, quoted with line breaks or not
            guard lines.count > 1 else { return bytes }
            let r = 1 + below(lines.count - 1)
            var cells = split(lines[r], delimiter)
            let length = pick([300, 5000, 70_000, 200_000])
            let quoted = chance(50)
            var cell: [UInt8] = quoted ? [0x22] : []
            for k in 0..<length { cell.append(quoted && k % 997 == 996 ? 0x0A : UInt8(0x61 + k % 26)) }
            if quoted { cell.append(0x22) }
            cells[below(cells.count)] = cell
            lines[r] = join(cells, delimiter)
        case 19:              // a quote opened and never closed, early or late
            let r = chance(30) ? 0 : below(lines.count)
            var cells = split(lines[r], delimiter)
            let c = below(cells.count)
            cells[c] = [0x22] + cells[c]
            lines[r] = join(cells, delimiter)
        case 20:              // one line of many delimiters
            let n = pick([100, 1025, 20_000])
            lines.insert([UInt8](repeating: delimiter, count: n), at: below(lines.count + 1))
        case 21:              // blank lines, or only the header, or nothing
            switch below(3) {
            case 0: lines.insert([], at: below(lines.count + 1))
            case 1: lines = Array(lines.prefix(1))
            default: return pick([[], [0x0A], [0x0D, 0x0A, 0x0D, 0x0A], [0xEF, 0xBB, 0xBF]])
            }
        case 22:              // a cell copied into another column of its row (e.g. the CPR number into the team)
            guard lines.count > 1 else { return bytes }
            let r = 1 + below(lines.count - 1)
            var cells = split(lines[r], delimiter)
            guard cells.count > 1 else { return bytes }
            cells[below(cells.count)] = cells[below(cells.count)]
            lines[r] = join(cells, delimiter)
        default:              // many rows of one citizen, or many distinct long unknown tokens
            guard lines.count > 1 else { return bytes }
            let r = 1 + below(lines.count - 1)
            let column = below(split(lines[r], delimiter).count)
            for k in 0..<pick([50, 400]) {
                var cells = split(lines[r], delimiter)
                if chance(50) { cells[column] = Array("tok\(k)-".utf8) + [UInt8](repeating: 0x71, count: below(300)) }
                lines.append(join(cells, delimiter))
            }
        }
        return lines.enumerated().flatMap { i, line in i == lines.count - 1 ? line : line + [0x0A] }
    }

    mutating func oddCell() -> [UInt8] {
        if chance(10) {
            // A long cell: just over a message's quote, a cache key, or the field limit.
            let byte = pick([UInt8(0x41), 0x31, 0x2D, 0x20])
            return [UInt8](repeating: byte, count: min(longCellLimit, pick([81, 257, 1000, 65_536, 65_537])))
        }
        return pick(CSVFuzzMutator.oddCells)
    }

    /// Lines split at LF (a CR before it stays in the line).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }

    /// The header's most frequent delimiter, as the reader would guess.
    static func delimiter(_ header: [UInt8]) -> UInt8 {
        let counts = [UInt8(0x3B), 0x09, 0x2C].map { d in (d, header.count { $0 == d }) }
        return counts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : 0x3B } ?? 0x3B
    }

    func split(_ line: [UInt8], _ d: UInt8) -> [[UInt8]] {
        line.split(separator: d, omittingEmptySubsequences: false).map(Array.init)
    }

    func join(_ cells: [[UInt8]], _ d: UInt8) -> [UInt8] {
        Array(cells.joined(separator: [d]))
    }

    /// UTF-8 text as Windows-1252 (characters it lacks as `?`).
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.map { s in
            if s.value < 0x80 || (0xA0...0xFF).contains(s.value) { return UInt8(s.value) }
            return s == "€" ? 0x80 : s == "–" ? 0x96 : 0x3F
        }
    }
}
