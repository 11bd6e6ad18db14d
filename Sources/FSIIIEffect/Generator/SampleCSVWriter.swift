import Foundation

/// Writes generated data as the CSV files of SPEC §3, the way care systems
/// and Danish Excel produce them: `;` delimiters, mixed token styles and
/// date formats, Danish header names in the courses file, a costs file in
/// Windows-1252 and decimal commas.
public enum SampleCSVWriter {
    /// What was written.
    public struct Summary: Sendable {
        public var citizens = 0
        public var assessmentRows = 0
        public var courseRows = 0
        public var costRows = 0
        public var bytes = 0
    }

    /// Writes assessments.csv, courses.csv, costs.csv and rates.csv into `folder`.
    public static func write(_ generator: SampleGenerator, to folder: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func open(_ name: String) throws -> FileHandle {
            let path = (folder as NSString).appendingPathComponent(name)
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let h = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
            return h
        }
        let assessments = try open("assessments.csv"), courses = try open("courses.csv")
        let costs = generator.spec.costDetail == .none ? nil : try open("costs.csv")
        defer { try? assessments.close(); try? courses.close(); try? costs?.close() }
        var summary = Summary()
        assessments.write(Data("citizen;date;condition;level;team;municipality;goal;status;id\n".utf8))
        courses.write(Data(("\u{FEFF}borger;start;slut;hold;kommune;id;type\n").utf8))
        costs?.write(windows1252("cpr;dato;timer;ydelse;hold\r\n"))
        let total = generator.spec.citizens
        let block = 2048
        var next = 0
        while next < total {
            let blocks = Array(stride(from: next, to: min(total, next + block * Parallel.workers * 2), by: block))
            let texts = Parallel.map(0..<blocks.count) { b -> (a: [UInt8], c: [UInt8], k: [UInt8], counts: (Int, Int, Int)) in
                var a = [UInt8](), c = [UInt8](), k = [UInt8]()
                var counts = (0, 0, 0)
                for i in blocks[b]..<min(total, blocks[b] + block) {
                    let citizen = generator.citizen(i)
                    counts.0 += assessmentLines(citizen, generator: generator, into: &a)
                    counts.1 += courseLines(citizen, generator: generator, into: &c)
                    counts.2 += costLines(citizen, generator: generator, into: &k)
                }
                return (a, c, k, counts)
            }
            for t in texts {
                assessments.write(Data(t.a))
                courses.write(Data(t.c))
                costs?.write(Data(t.k))
                summary.assessmentRows += t.counts.0
                summary.courseRows += t.counts.1
                summary.costRows += t.counts.2
                summary.bytes += t.a.count + t.c.count + t.k.count
            }
            next = min(total, next + block * Parallel.workers * 2)
        }
        summary.citizens = total
        if costs != nil {
            var rates = "service;rate\n"
            for s in SampleNames.services { rates += "\(s.name);\(CSVDialect.excelDA.format(s.rate))\n" }
            try Data(rates.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("rates.csv")))
        }
        return summary
    }

    static func windows1252(_ text: String) -> Data {
        Data(text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : 0x3F })
    }

    static func append(_ s: String, _ out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    /// A date in one of the four formats, or as an ISO date-time in UTC that
    /// is the same date in Copenhagen.
    static func date(_ d: Day, style: UInt32, mixed: Bool) -> String {
        guard mixed else { return d.iso }
        switch style & 7 {
        case 4: return d.danish
        case 5: return d.danish.replacingOccurrences(of: "-", with: ".")
        case 6: return d.danish.replacingOccurrences(of: "-", with: "/")
        case 7: return d.iso + "T09:30:00Z"
        default: return d.iso
        }
    }

    static func assessmentLines(_ c: SampleCitizen, generator g: SampleGenerator, into out: inout [UInt8]) -> Int {
        let t = g.terminology
        let team = SampleNames.team(c.team), municipality = SampleNames.municipalities[c.municipality]
        let mixed = g.spec.mixedTokens
        for a in c.assessments {
            let concept = t[a.condition]
            let s = a.style
            var condition: String
            switch mixed ? (s >> 3) & 7 : 0 {
            case 4, 5: condition = concept.legacyKey ?? concept.legacyTreeCode
            case 6: condition = concept.uuid
            case 7: condition = concept.display.lowercased()
            default: condition = concept.display
            }
            var level: String
            if a.status == .resolved {
                level = (s >> 6) & 1 == 0 ? "0" : ""
            } else if let lc = t.levels.first(where: { $0.level.rawValue == a.level }) {
                switch mixed ? (s >> 7) & 7 : 0 {
                case 4: level = lc.legacyKey
                case 5: level = lc.label
                case 6: level = lc.uuid
                default: level = String(a.level)
                }
            } else {
                level = String(a.level)
            }
            var date = date(a.day, style: s >> 10, mixed: mixed)
            var citizen = c.id
            switch a.defect {
            case .badDate?: date = (s >> 13) & 1 == 0 ? "31-02-2024" : "i går"
            case .unknownCondition?: condition = concept.display + "g"
            case .badLevel?: level = (s >> 13) & 1 == 0 ? "x" : "2.5"
            case .missingCitizen?: citizen = ""
            case nil: break
            }
            let status: String
            switch a.status {
            case .active: status = ""
            case .resolved: status = "resolved"
            case .enteredInError: status = "entered-in-error"
            }
            append("\(citizen);\(date);\(condition);\(level);\(team);\(municipality);\(a.goal.map(String.init) ?? "");\(status);\(a.id)\n", &out)
        }
        return c.assessments.count
    }

    static func courseLines(_ c: SampleCitizen, generator g: SampleGenerator, into out: inout [UInt8]) -> Int {
        for (k, course) in c.courses.enumerated() {
            let style = UInt32(truncatingIfNeeded: c.index &* 31 &+ k)
            let start = date(course.start, style: style, mixed: g.spec.mixedTokens)
            let end = course.end.map { date($0, style: style >> 3, mixed: g.spec.mixedTokens) } ?? ""
            append("\(c.id);\(start);\(end);\(SampleNames.team(course.team));\(SampleNames.municipalities[c.municipality]);\(course.id);83a\n", &out)
        }
        return c.courses.count
    }

    static func costLines(_ c: SampleCitizen, generator g: SampleGenerator, into out: inout [UInt8]) -> Int {
        let team = SampleNames.team(c.team)
        let teamBytes = windows1252(team)
        for cost in c.costs {
            let hours = CSVDialect.excelDA.format((Double(cost.minutes) / 60 * 100).rounded() / 100)
            append("\(c.id);\(cost.day.iso);\(hours);", &out)
            out.append(contentsOf: windows1252(SampleNames.services[cost.service].name))
            out.append(0x3B)
            out.append(contentsOf: teamBytes)
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return c.costs.count
    }
}
