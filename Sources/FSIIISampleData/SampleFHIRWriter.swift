import Foundation
import FSIIIEffect
import FSIIIBytes

/// Writes generated data as KL Gateway care delivery reports (SPEC §9):
/// `klgateway.ndjson`, one report per line, one report per citizen and day
/// with anything to report, timestamped at the end of that day in UTC — so
/// a citizen's conditions arrive as versions over time, re-assessments
/// included — and `rates.csv` to price the delivered minutes. Delivered
/// visits are sent once a month, with the report of the month's last day
/// (each visit dated by its own period), which keeps a citizen's years of
/// weekly home care to a few dozen reports.
///
/// The reports carry the same facts as `SampleCSVWriter`'s files:
/// - an assessment whose level differs from the condition's last is a new
///   Condition version (the first dated by `recordedDate`); one at an
///   unchanged level is a follow-up observation of the condition that day;
///   a goal is a Goal set that day; `resolved` is clinical status resolved;
/// - a row entered in error is a separate Condition id, re-sent the next
///   day with verification status entered-in-error; a superseded
///   duplicate and a deliberately unreadable row are left out;
/// - a course is a § 83a CarePlan, started on its first day and completed
///   on its last; the § 83 services are non-rehabilitation CarePlans;
/// - a cost row is a finished delivery encounter of its service's CarePlan
///   lasting the hours the CSV form writes (rounded to 0.01 h, so the visit
///   lasts a whole number of 36-second steps): both forms then price
///   exactly the same time.
package enum SampleFHIRWriter {
    package struct Summary: Sendable {
        package var citizens = 0
        package var reports = 0
        package var bytes = 0
    }

    /// The name of the reports file in the output folder.
    package static let fileName = "klgateway.ndjson"

    /// Writes `klgateway.ndjson` and `rates.csv` into `folder`, each through
    /// a temporary file renamed into place at the end (`OutputFile`).
    package static func write(_ generator: SampleGenerator, to folder: String) throws(OutputError) -> Summary {
        try OutputFile.createFolder(folder)
        let out = try OutputFile(path: (folder as NSString).appendingPathComponent(fileName))
        var summary = Summary()
        let total = generator.spec.citizens
        let block = 256
        var next = 0
        while next < total {
            let blocks = Array(stride(from: next, to: min(total, next + block * Parallel.workers * 2), by: block))
            let texts = Parallel.map(0..<blocks.count) { b -> (text: [UInt8], reports: Int) in
                var text = [UInt8]()
                var reports = 0
                for i in blocks[b]..<min(total, blocks[b] + block) {
                    reports += Self.reports(generator.citizen(i), generator: generator, into: &text)
                }
                return (text, reports)
            }
            for t in texts {
                try out.write(t.text)
                summary.reports += t.reports
                summary.bytes += t.text.count
            }
            next = min(total, next + block * Parallel.workers * 2)
        }
        summary.citizens = total
        var files = [out]
        if generator.spec.costDetail != .none {
            let rates = try OutputFile(path: (folder as NSString).appendingPathComponent("rates.csv"))
            try rates.write(SampleCSVWriter.ratesText)
            files.append(rates)
        }
        for file in files { try file.commit() }
        return summary
    }

    /// A citizen's resources over time: each resource's versions by day,
    /// and which resources each day's report carries.
    struct Timeline {
        var versions: [String: [(day: Day, resource: JSONValue)]] = [:]
        var needs: [Day: [String]] = [:]

        /// A new version of `key` from `day` on, reported that day.
        mutating func add(_ key: String, on day: Day, _ resource: JSONValue) {
            versions[key, default: []].append((day, resource))
            need(key, on: day)
        }

        /// `key` is reported on `day` (as its version of that day): reports are self-contained.
        mutating func need(_ key: String, on day: Day) {
            if needs[day]?.contains(key) != true { needs[day, default: []].append(key) }
        }

        func version(_ key: String, on day: Day) -> JSONValue? {
            versions[key]?.last { $0.day <= day }?.resource
        }
    }

    /// Appends the citizen's reports as NDJSON lines, oldest first; returns how many.
    static func reports(_ c: SampleCitizen, generator g: SampleGenerator, into out: inout [UInt8]) -> Int {
        let t = g.terminology
        let patient = "p\(c.index)"
        var timeline = Timeline()
        func level(_ value: UInt8) -> LevelConcept {
            t.levels.first { $0.level.rawValue == value } ?? t.levels[0]
        }

        // Assessments: drop unreadable rows; rows entered in error become
        // their own Condition ids, withdrawn the next day; of a condition's
        // rows on one day the last counts.
        let readable = c.assessments.enumerated().filter { $0.element.defect == nil }
        let removed = Set(readable.filter { $0.element.status == .enteredInError }.map(\.element.id))
        var last: [String: Int] = [:]
        for (k, a) in readable where a.status != .enteredInError && !removed.contains(a.id) { last["\(a.condition.rawValue)/\(a.day.rawValue)"] = k }
        let kept = readable.filter { last["\($0.element.condition.rawValue)/\($0.element.day.rawValue)"] == $0.offset }
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
        for (k, a) in readable where a.status != .enteredInError && removed.contains(a.id) {
            let id = "cf\(c.index)-\(k)", key = "Condition/" + id
            timeline.add(key, on: a.day, SampleFHIRResources.condition(id: id, patient: patient, concept: t[a.condition], level: level(a.level),
                                                                     resolved: false, recorded: a.day))
            timeline.add(key, on: a.day + 1, SampleFHIRResources.condition(id: id, patient: patient, concept: t[a.condition], level: level(a.level),
                                                                         resolved: false, recorded: a.day, enteredInError: true))
        }
        var current: [UInt8: (level: UInt8, recorded: Day)] = [:]
        var serial = 0
        for (_, a) in kept {
            let code = a.condition.rawValue
            let id = "c\(c.index)-\(code)", key = "Condition/" + id
            let value = a.status == .resolved ? 0 : a.level
            if let now = current[code], now.level == value {
                // Unchanged: a re-sent Condition adds nothing, a follow-up dates the assessment.
                serial += 1
                timeline.need(key, on: a.day)
                timeline.add("Observation/o\(c.index)-\(serial)", on: a.day,
                             SampleFHIRResources.followUp(id: "o\(c.index)-\(serial)", patient: patient, condition: id, day: a.day))
            } else {
                let recorded = current[code]?.recorded ?? a.day
                timeline.add(key, on: a.day, SampleFHIRResources.condition(id: id, patient: patient, concept: t[a.condition], level: level(value),
                                                                         resolved: a.status == .resolved, recorded: recorded))
                current[code] = (value, recorded)
            }
            if let goal = a.goal {
                serial += 1
                timeline.add("Goal/g\(c.index)-\(serial)", on: a.day,
                             SampleFHIRResources.goal(id: "g\(c.index)-\(serial)", patient: patient, condition: id, target: level(goal), start: a.day))
            }
        }

        // Courses: § 83a interventions from start to end.
        for (k, course) in c.courses.enumerated() {
            let concept = t.rehabilitation[course.intervention]
            let id = "rh\(c.index)-\(k + 1)", key = "CarePlan/" + id
            let service = SampleNames.services[2].name
            timeline.add(key, on: course.start, SampleFHIRResources.carePlan(id: id, patient: patient, code: concept.uuid, display: concept.display,
                                                                            service: service, start: course.start, end: nil))
            if let end = course.end {
                timeline.add(key, on: end, SampleFHIRResources.carePlan(id: id, patient: patient, code: concept.uuid, display: concept.display,
                                                                       service: service, start: course.start, end: end))
            }
        }

        // Costs: each a visit of its service's intervention, one after another through the day.
        let homeCare = [(id: "pp\(c.index)", code: "17312894-b23f-43d9-9723-b725ac25d872", display: "Personlig hygiejne"),
                        (id: "ph\(c.index)", code: "43608562-e356-4990-8b96-e35128bbdc4f", display: "Rengøring")]
        var clock: [Day: Int] = [:]  // seconds after midnight UTC of the next visit
        for (k, cost) in c.costs.enumerated() {
            let plan: String
            if cost.service < homeCare.count {
                let h = homeCare[cost.service]
                plan = h.id
                if timeline.versions["CarePlan/" + plan] == nil {
                    timeline.add("CarePlan/" + plan, on: cost.day,
                                 SampleFHIRResources.carePlan(id: plan, patient: patient, code: h.code, display: h.display,
                                                              service: SampleNames.services[cost.service].name, start: cost.day, end: nil))
                }
            } else {
                let course = c.courses.lastIndex { $0.start <= cost.day } ?? 0
                plan = "rh\(c.index)-\(course + 1)"
            }
            // Delivered visits are reported once a month, in the report of
            // the month's last day (or the citizen's last day in care).
            let reported = max(cost.day, min(monthEnd(cost.day), c.inCare.upperBound))
            timeline.need("CarePlan/" + plan, on: reported)
            // The hundredths of an hour SampleCSVWriter writes, as seconds.
            let seconds = Int((Double(cost.minutes) / 60 * 100).rounded()) * 36
            let from = min(clock[cost.day] ?? 6 * 3600, 24 * 3600 - 1 - seconds)
            clock[cost.day] = from + seconds + 1800
            let id = "e\(c.index)-\(k + 1)"
            timeline.add("Encounter/" + id, on: reported,
                         SampleFHIRResources.delivery(id: id, patient: patient, carePlan: plan, start: time(cost.day, from), end: time(cost.day, from + seconds)))
        }

        // One report per day, the Patient first, each resource as it is that day.
        let cpr = c.id.replacingOccurrences(of: "-", with: "")
        let patientResource = SampleFHIRResources.patient(id: patient, cpr: cpr, sor: String(380_000_000_000_000 + c.team),
                                                          team: SampleNames.team(c.team))
        let writer = JSONWriter(pretty: false)
        let days = timeline.needs.keys.sorted()
        for (n, day) in days.enumerated() {
            let resources = [patientResource] + (timeline.needs[day] ?? []).compactMap { timeline.version($0, on: day) }
            // 21:30 UTC is late on the same day in Copenhagen, summer and winter.
            let bundle = SampleFHIRResources.bundle(id: "r\(c.index)-\(n + 1)", timestamp: day.iso + "T21:30:00Z", resources: resources)
            out.append(contentsOf: writer.writeBytes(bundle))
            out.append(0x0A)
        }
        return days.count
    }

    /// The last day of `day`'s month.
    static func monthEnd(_ day: Day) -> Day {
        let c = day.civil
        return day + (Day.daysIn(month: c.month, year: c.year) - c.day)
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, `seconds` after midnight UTC.
    static func time(_ day: Day, _ seconds: Int) -> String {
        day.iso + "T" + Day.pad(seconds / 3600, 2) + ":" + Day.pad(seconds / 60 % 60, 2) + ":" + Day.pad(seconds % 60, 2) + "Z"
    }
}
