import Foundation
import Testing
@testable import FSIIIEffect
import FSIIIReports
import FSIIIBytes
import FSIIITestSupport

/// Issue 19 on the bundled sample data: the subgroups' course counts
/// recomputed here from the raw CSV files (CPR numbers, course dates and
/// cost rows read with this file's own small parser, not the library's),
/// and the two-way JSON contract.
@Suite("Subgroups on the sample data (issue 19)")
struct SubgroupSampleTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("SampleData")

    /// `(cpr digits or nil, start, end?)` of every course row of courses.csv.
    static func rawCourses() throws -> [(cpr: String?, start: Date, id: String)] {
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent("courses.csv")), as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let digits = f[0].filter(\.isNumber)
            return (f[0].count == 11 && digits.count == 10 ? digits : nil, day(String(f[1].prefix(10))), f[0])
        }
    }

    /// A date as the sample writes it: YYYY-MM-DD, or DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY.
    static func day(_ text: String) -> Date {
        var c = DateComponents()
        let p = text.split(whereSeparator: { "-./".contains($0) }).map { Int($0)! }
        (c.year, c.month, c.day) = p[0] > 31 ? (p[0], p[1], p[2]) : (p[2], p[1], p[0])
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal.date(from: c)!
    }

    /// Birth date by the CPR rules (century from the 7th digit).
    static func birth(_ cpr: String) -> Date {
        let d = cpr.map { Int(String($0))! }
        let yy = d[4] * 10 + d[5]
        let century = d[6] <= 3 ? 1900 : (d[6] == 4 || d[6] == 9) ? (yy <= 36 ? 2000 : 1900) : (yy <= 57 ? 2000 : 1800)
        return day(String(format: "%04d-%02d-%02d", century + yy, d[2] * 10 + d[3], d[0] * 10 + d[1]))
    }

    static func report(_ by: String) throws -> EffectReport {
        var o = ReportOptions()
        o.groupBy = try GroupingSpec(parsing: by)
        o.minCell = 0
        return EffectReporter.report(try DatasetLoader.load([InputPath(folder.path)], options: ImportOptions()), options: o)
    }

    /// Every course of a group: evaluable and not.
    static func counts(_ r: EffectReport) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: r.groups.map { ($0.group, $0.courses + $0.notEvaluable.total) })
    }

    @Test("--by age-band and --by sex count the courses a CPR reading by hand puts in each band")
    func ageAndSex() throws {
        let rows = try Self.rawCourses()
        var ages: [String: Int] = [:], sexes: [String: Int] = [:]
        let cal = Calendar(identifier: .gregorian)
        for r in rows {
            guard let cpr = r.cpr else {
                ages["unknown", default: 0] += 1
                sexes["unknown", default: 0] += 1
                continue
            }
            let age = cal.dateComponents([.year], from: Self.birth(cpr), to: r.start).year!
            ages[age < 67 ? "< 67" : age < 80 ? "67–79" : age < 90 ? "80–89" : "≥ 90", default: 0] += 1
            sexes[Int(String(cpr.last!))! % 2 == 1 ? "male" : "female", default: 0] += 1
        }
        #expect(Self.counts(try Self.report("age-band")) == ages)
        #expect(Self.counts(try Self.report("sex")) == sexes)
        #expect(rows.count == 115)
    }

    @Test("--by baseline-hours counts the courses whose 90 days before the start hold those hours per week")
    func baselineHours() throws {
        // costs.csv is Windows-1252: cpr;dato;timer;ydelse;hold, hours with a decimal comma.
        let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent("costs.csv")), as: UTF8.self)
        var hours: [String: [(Date, Double)]] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {  // CRLF is one Character
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            hours[f[0], default: []].append((Self.day(f[1]), Double(f[2].replacingOccurrences(of: ",", with: "."))!))
        }
        var expected: [String: Int] = [:]
        for r in try Self.rawCourses() {
            let from = r.start.addingTimeInterval(-90 * 86400)
            let h = (hours[r.id] ?? []).filter { $0.0 >= from && $0.0 < r.start }.reduce(0) { $0 + $1.1 }
            let perWeek = h / (90.0 / 7)
            let band = perWeek == 0 ? "0" : perWeek <= 2 ? "(0, 2]" : perWeek <= 5 ? "(2, 5]" : perWeek <= 10 ? "(5, 10]" : "> 10"
            expected[band, default: 0] += 1
        }
        let got = Self.counts(try Self.report("baseline-hours"))
        #expect(got == expected, "report \(got.sorted { $0.key < $1.key }), by hand \(expected.sorted { $0.key < $1.key })")
    }

    @Test("--by team,age-band: JSON names both parts, the combinations add up to each team")
    func twoWayJSON() throws {
        let two = try Self.report("team,age-band"), teams = try Self.report("team")
        let json = try JSONParser.parse(ReportJSON.write(two))
        #expect(json["by"]?.string == "team,age-band")
        var perTeam: [String: Int] = [:]
        for g in json["groups"]?.array ?? [] {
            let team = try #require(g["team"]?.string), band = try #require(g["age_band"]?.string)
            #expect(g["group"]?.string == team + " × " + band)
            perTeam[team, default: 0] += g["courses"]?.int ?? -1000
        }
        #expect(perTeam == Dictionary(uniqueKeysWithValues: teams.groups.map { ($0.group, $0.courses) }))
        #expect(json["total"]?["team"]?.isNull == true && two.total.courses == teams.total.courses)
        let csv = ReportCSV.write(two)
        #expect(csv.hasPrefix("group,team,age_band,courses,"))
        let html = HTMLReport.write(two, terminology: .builtIn, language: .en)
        #expect(html.contains("Team × Age band") && html.contains("Hold Amager × 67–79"))
    }

    @Test("--by sex with --compare-to matched: an effect per subgroup, from the subgroup's own matched courses")
    func effectPerSubgroup() throws {
        var o = ReportOptions()
        o.groupBy = GroupingSpec(.sex)
        o.matched.enabled = true
        o.comparison.bootstrap = 200
        let r = EffectReporter.report(try DatasetLoader.load([InputPath(Self.folder.path)], options: ImportOptions()), options: o)
        let c = try #require(r.comparison)
        #expect(Set(c.groups.keys) == ["male", "female"])
        // Each subgroup's matched treated add up to the overall matched count.
        #expect(c.groups.values.reduce(0) { $0 + $1.courses } == c.effect?.courses)
    }
}
