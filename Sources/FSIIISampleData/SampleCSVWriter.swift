import Foundation
import FSIIIEffect
import FSIIIBytes

/// Writes generated data as the CSV files of SPEC §3, the way care systems
/// and Danish Excel produce them: `;` delimiters, mixed token styles and
/// date formats, Danish header names in the courses file, a costs file in
/// Windows-1252 and decimal commas.
package enum SampleCSVWriter {
    /// What was written.
    package struct Summary: Sendable {
        package var citizens = 0
        package var assessmentRows = 0
        package var courseRows = 0
        package var costRows = 0
        package var bytes = 0
    }

    /// Writes assessments.csv, courses.csv, costs.csv and rates.csv into
    /// `folder`, each through a temporary file renamed into place at the
    /// end (`OutputFile`): a full disk or an interrupted run leaves the
    /// folder's earlier files as they were and no half-written one.
    package static func write(_ generator: SampleGenerator, to folder: String) throws(OutputError) -> Summary {
        try OutputFile.createFolder(folder)
        func open(_ name: String) throws(OutputError) -> OutputFile {
            try OutputFile(path: (folder as NSString).appendingPathComponent(name))
        }
        let assessments = try open("assessments.csv"), courses = try open("courses.csv")
        let costs = generator.spec.costDetail == .none ? nil : try open("costs.csv")
        var summary = Summary()
        try assessments.write(Array("citizen;date;condition;level;team;municipality;goal;status;id\n".utf8))
        try courses.write(Array("\u{FEFF}borger;start;end;hold;kommune;id;type\n".utf8))
        try costs?.write(windows1252Bytes("cpr;dato;timer;ydelse;hold\r\n"))
        let total = generator.spec.citizens
        let tokens = Tokens(generator)
        let block = 2048
        var next = 0
        while next < total {
            let blocks = Array(stride(from: next, to: min(total, next + block * Parallel.workers * 2), by: block))
            let texts = Parallel.map(0..<blocks.count) { b -> (a: [UInt8], c: [UInt8], k: [UInt8], counts: (Int, Int, Int)) in
                var a = [UInt8](), c = [UInt8](), k = [UInt8]()
                var counts = (0, 0, 0)
                for i in blocks[b]..<min(total, blocks[b] + block) {
                    let citizen = generator.citizen(i)
                    counts.0 += assessmentLines(citizen, generator: generator, tokens: tokens, into: &a)
                    counts.1 += courseLines(citizen, generator: generator, tokens: tokens, into: &c)
                    counts.2 += costLines(citizen, generator: generator, tokens: tokens, into: &k)
                }
                return (a, c, k, counts)
            }
            for t in texts {
                try assessments.write(t.a)
                try courses.write(t.c)
                try costs?.write(t.k)
                summary.assessmentRows += t.counts.0
                summary.courseRows += t.counts.1
                summary.costRows += t.counts.2
                summary.bytes += t.a.count + t.c.count + t.k.count
            }
            next = min(total, next + block * Parallel.workers * 2)
        }
        summary.citizens = total
        var files = [assessments, courses]
        if let costs {
            files.append(costs)
            let rates = try open("rates.csv")
            try rates.write(ratesText)
            files.append(rates)
        }
        for file in files { try file.commit() }
        return summary
    }

    /// `rates.csv`: each service's rate in kr per hour, with a decimal comma.
    static var ratesText: String {
        "service;rate\n" + SampleNames.services.map { "\($0.name);\(SampleNames.rateCell($0.rate))\n" }.joined()
    }

    static func windows1252Bytes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 0x3F }
    }

    /// Cells that repeat, as bytes made once: token styles of every
    /// condition and level, team and service names in both encodings.
    final class Tokens: @unchecked Sendable {
        let display: [[UInt8]], lowercased: [[UInt8]], legacy: [[UInt8]], uuid: [[UInt8]]
        let levelDigit: [[UInt8]], levelKey: [[UInt8]], levelLabel: [[UInt8]], levelUUID: [[UInt8]]
        let teams: [[UInt8]], teamsCP1252: [[UInt8]], municipalities: [[UInt8]], services: [[UInt8]]

        init(_ g: SampleGenerator) {
            let t = g.terminology
            display = t.conditions.map { Array($0.display.utf8) }
            lowercased = t.conditions.map { Array($0.display.lowercased().utf8) }
            legacy = t.conditions.map { Array(($0.legacyKey ?? $0.legacyTreeCode).utf8) }
            uuid = t.conditions.map { Array($0.uuid.utf8) }
            func byLevel(_ f: (LevelConcept) -> String) -> [[UInt8]] {
                (0...9).map { n in t.levels.first { $0.level.rawValue == n }.map { Array(f($0).utf8) } ?? Array(String(n).utf8) }
            }
            levelDigit = (0...9).map { Array(String($0).utf8) }
            levelKey = byLevel(\.legacyKey)
            levelLabel = byLevel(\.label)
            levelUUID = byLevel(\.uuid)
            teams = (0..<g.spec.teamCount).map { Array(SampleNames.team($0).utf8) }
            teamsCP1252 = (0..<g.spec.teamCount).map { windows1252Bytes(SampleNames.team($0)) }
            municipalities = SampleNames.municipalities.map { Array($0.utf8) }
            services = SampleNames.services.map { windows1252Bytes($0.name) }
        }
    }

    @inline(__always) static func append(_ s: String, _ out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    /// A non-negative integer, zero-padded to `width` digits.
    @inline(__always) static func digits(_ value: Int, width: Int = 1, _ out: inout [UInt8]) {
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { b in
            var v = value, n = 0
            repeat {
                b[19 - n] = UInt8(0x30 + v % 10)
                v /= 10
                n += 1
            } while v > 0 || n < width
            out.append(contentsOf: b[(20 - n)...])
        }
    }

    /// A date in one of the four formats, or as an ISO date-time in UTC that
    /// is the same date in Copenhagen.
    static func date(_ d: Day, style: UInt32, mixed: Bool, _ out: inout [UInt8]) {
        let c = d.civil
        func iso() { digits(c.year, width: 4, &out); out.append(0x2D); digits(c.month, width: 2, &out); out.append(0x2D); digits(c.day, width: 2, &out) }
        func dmy(_ sep: UInt8) { digits(c.day, width: 2, &out); out.append(sep); digits(c.month, width: 2, &out); out.append(sep); digits(c.year, width: 4, &out) }
        guard mixed else { return iso() }
        switch style & 7 {
        case 4: dmy(0x2D)
        case 5: dmy(0x2E)
        case 6: dmy(0x2F)
        case 7: iso(); out.append(contentsOf: "T09:30:00Z".utf8)
        default: iso()
        }
    }

    static func assessmentLines(_ c: SampleCitizen, generator g: SampleGenerator, tokens k: Tokens, into out: inout [UInt8]) -> Int {
        let mixed = g.spec.mixedTokens
        var id = Array(c.id.utf8)
        for a in c.assessments {
            let s = a.style
            let ci = a.condition.index
            let condition: [UInt8]
            switch mixed ? (s >> 3) & 7 : 0 {
            case 4, 5: condition = k.legacy[ci]
            case 6: condition = k.uuid[ci]
            case 7: condition = k.lowercased[ci]
            default: condition = k.display[ci]
            }
            var level: [UInt8]
            if a.status == .resolved {
                level = (s >> 6) & 1 == 0 ? [0x30] : []
            } else {
                let l = Int(a.level)
                switch mixed ? (s >> 7) & 7 : 0 {
                case 4: level = k.levelKey[l]
                case 5: level = k.levelLabel[l]
                case 6: level = k.levelUUID[l]
                default: level = k.levelDigit[l]
                }
            }
            var dateBytes: [UInt8] = []
            date(a.day, style: s >> 10, mixed: mixed, &dateBytes)
            var conditionBytes = condition
            id = Array(c.id.utf8)
            switch a.defect {
            case .badDate?: dateBytes = Array(((s >> 13) & 1 == 0 ? "31-02-2024" : "i går").utf8)
            case .unknownCondition?: conditionBytes = k.display[ci] + [0x67]
            case .badLevel?: level = Array(((s >> 13) & 1 == 0 ? "x" : "2.5").utf8)
            case .missingCitizen?: id = []
            case nil: break
            }
            out.append(contentsOf: id); out.append(0x3B)
            out.append(contentsOf: dateBytes); out.append(0x3B)
            out.append(contentsOf: conditionBytes); out.append(0x3B)
            out.append(contentsOf: level); out.append(0x3B)
            out.append(contentsOf: k.teams[c.team]); out.append(0x3B)
            out.append(contentsOf: k.municipalities[c.municipality]); out.append(0x3B)
            if let goal = a.goal { digits(Int(goal), &out) }
            out.append(0x3B)
            switch a.status {
            case .active: break
            case .resolved: append("resolved", &out)
            case .enteredInError: append("entered-in-error", &out)
            }
            out.append(0x3B)
            append(a.id, &out)
            out.append(0x0A)
        }
        return c.assessments.count
    }

    static func courseLines(_ c: SampleCitizen, generator g: SampleGenerator, tokens k: Tokens, into out: inout [UInt8]) -> Int {
        let id = Array(c.id.utf8)
        for (n, course) in c.courses.enumerated() {
            let style = UInt32(truncatingIfNeeded: c.index &* 31 &+ n)
            out.append(contentsOf: id); out.append(0x3B)
            date(course.start, style: style, mixed: g.spec.mixedTokens, &out); out.append(0x3B)
            if let end = course.end { date(end, style: style >> 3, mixed: g.spec.mixedTokens, &out) }
            out.append(0x3B)
            out.append(contentsOf: k.teams[course.team]); out.append(0x3B)
            out.append(contentsOf: k.municipalities[c.municipality]); out.append(0x3B)
            append(course.id, &out)
            append(";83a\n", &out)
        }
        return c.courses.count
    }

    /// Hours with a decimal comma, rounded to hundredths and written the
    /// shortest way (`0,68`, `1,7`, `2`), as `CSVDialect.excelDA` would.
    static func hours(minutes: Int, _ out: inout [UInt8]) {
        let hundredths = Int((Double(minutes) / 60 * 100).rounded())
        digits(hundredths / 100, &out)
        let f = hundredths % 100
        if f == 0 { return }
        out.append(0x2C)
        if f % 10 == 0 { digits(f / 10, &out) } else { digits(f, width: 2, &out) }
    }

    static func costLines(_ c: SampleCitizen, generator g: SampleGenerator, tokens k: Tokens, into out: inout [UInt8]) -> Int {
        let id = Array(c.id.utf8)
        for cost in c.costs {
            out.append(contentsOf: id); out.append(0x3B)
            date(cost.day, style: 0, mixed: false, &out); out.append(0x3B)
            hours(minutes: cost.minutes, &out); out.append(0x3B)
            out.append(contentsOf: k.services[cost.service]); out.append(0x3B)
            out.append(contentsOf: k.teamsCP1252[c.team])
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return c.costs.count
    }
}
