import FSIIIEffect
import FSIIIBytes

/// The per-course export of `fsiii courses` (issue 6): one row per course
/// with the citizen's pseudonym (SPEC §10), team, dates, every figure of
/// SPEC §6 and, with cost data, the course's cost figures (SPEC §8).
/// No CPR number, name or raw id: the citizen is only its pseudonym, the
/// age only its band.
package enum CourseExport {
    static let effectColumns = [
        "pseudonym", "course_id", "team", "municipality", "start", "end", "days", "status", "age_band",
        "n", "baseline_sum", "follow_up_sum", "change", "mean_change", "improved", "unchanged", "worsened",
        "effectiveness", "outcome", "goals_set", "goals_met",
    ]
    static let costColumns = ["cost", "hours_before", "cost_before", "hours_after", "cost_after", "hours_change_per_week", "savings", "net_cost"]

    /// The column names, with the cost columns when cost data is given.
    package static func columns(costs: Bool) -> [String] { effectColumns + (costs ? costColumns : []) }

    /// One row per course, in the order the courses were given.
    package static func rows(_ report: EffectReport, dataset: Dataset, pseudonymizer: Pseudonymizer) -> [[(String, FieldValue)]] {
        var rows: [[(String, FieldValue)]] = []
        forEachRow(report, dataset: dataset, pseudonymizer: pseudonymizer) { rows.append($0) }
        return rows
    }

    /// Hands each course's row to `body` in course order, one at a time,
    /// so a writer can stream millions of rows without holding them.
    package static func forEachRow<E: Error>(_ report: EffectReport, dataset: Dataset, pseudonymizer: Pseudonymizer,
                                             _ body: ([(String, FieldValue)]) throws(E) -> Void) throws(E) {
        let costs = report.courseCosts
        var pseudonyms: [UInt32: String] = [:]
        for (i, r) in report.evaluation.results.enumerated() {
            let pseudonym = pseudonyms[r.citizen] ?? {
                let p = dataset.citizens.pseudonym(of: Int(r.citizen), pseudonymizer)
                pseudonyms[r.citizen] = p
                return p
            }()
            let course = r.course < dataset.courses.count ? dataset.courses[r.course] : nil
            let evaluable = r.isEvaluable
            func figure(_ x: Int) -> FieldValue { evaluable ? .integer(x) : .missing }
            var row: [(String, FieldValue)] = [
                ("pseudonym", .text(pseudonym)),
                ("course_id", .text(Echo.text(course?.id ?? ""))),
                ("team", .text(r.team == 0 ? EffectAnalysis.unknownGroup : dataset.teams.name(Int(r.team)))),
                ("municipality", .text(r.municipality == 0 ? "" : dataset.municipalities.name(Int(r.municipality)))),
                ("start", .day(r.start)),
                ("end", r.end.map { .day($0) } ?? .missing),
                ("days", .integer(r.days)),
                ("status", .text(r.notEvaluable?.rawValue ?? "evaluable")),
                ("age_band", .text(CaseMix.ageBands[CaseMix.ageBand(r.age)])),
                ("n", .integer(r.n)),
                ("baseline_sum", figure(r.baselineSum)),
                ("follow_up_sum", figure(r.followUpSum)),
                ("change", figure(r.change)),
                ("mean_change", evaluable ? .real(r.meanChange) : .missing),
                ("improved", figure(r.improved)),
                ("unchanged", figure(r.unchanged)),
                ("worsened", figure(r.worsened)),
                ("effectiveness", evaluable ? .real(r.effectiveness) : .missing),
                ("outcome", evaluable ? .text(r.outcome.rawValue) : .missing),
                ("goals_set", figure(r.goalsSet)),
                ("goals_met", figure(r.goalsMet)),
            ]
            if let costs {
                let c = costs[i]
                let closed = r.end != nil
                row += [
                    ("cost", closed ? .real(c.cost) : .missing),
                    ("hours_before", closed ? .real(c.hoursBefore) : .missing),
                    ("cost_before", closed ? .real(c.costBefore) : .missing),
                    ("hours_after", c.afterWindowComplete ? .real(c.hoursAfter) : .missing),
                    ("cost_after", c.afterWindowComplete ? .real(c.costAfter) : .missing),
                    ("hours_change_per_week", .real(c.hoursChangePerWeek)),
                    ("savings", .real(c.savings)),
                    ("net_cost", .real(c.netCost)),
                ]
            }
            try body(row)
        }
    }

    package static func csv(_ report: EffectReport, dataset: Dataset, pseudonymizer: Pseudonymizer, dialect: CSVDialect = .standard) -> String {
        var out = dialect.preamble + dialect.line(columns(costs: report.courseCosts != nil))
        forEachRow(report, dataset: dataset, pseudonymizer: pseudonymizer) { row in
            out += dialect.line(row.map { dialect.format($0.1) })
        }
        return out
    }

    package static func json(_ report: EffectReport, dataset: Dataset, pseudonymizer: Pseudonymizer) -> String {
        let courses = rows(report, dataset: dataset, pseudonymizer: pseudonymizer).map { row in
            JSONValue.object(JSONObject(row.map { ($0.0, ReportJSON.json($0.1)) }))
        }
        var root = JSONObject()
        root.append(key: "courses", value: .array(courses))
        return JSONWriter(pretty: true).write(.object(root)) + "\n"
    }
}

/// `fsiii courses --format xlsx`: the per-course export as a workbook,
/// the same columns as the CSV export with headers in `language`, rows
/// streamed one at a time (past 1,048,575 courses the sheet continues in
/// "Forløb (2)", …), and the "Om tallene" sheet of the report.
package enum CourseWorkbook {
    package static func write(_ report: EffectReport, dataset: Dataset, pseudonymizer: Pseudonymizer, language L: Language = .da,
                              to sink: ZipSink) throws(OutputError) {
        let book = XLSXWriter(sink: sink)
        let keys = CourseExport.columns(costs: report.courseCosts != nil)
        let columns = keys.map { key in
            WorkbookColumn(WorkbookHeaders.title(key, L),
                           format: ["pseudonym", "course_id", "team", "municipality", "status", "age_band", "outcome"].contains(key)
                                || ["n", "days", "baseline_sum", "follow_up_sum", "change", "improved", "unchanged", "worsened", "goals_set", "goals_met"].contains(key)
                               ? .general : WorkbookColumn.format(forKey: key),
                           width: key == "pseudonym" || key == "team" ? 18 : nil)
        }
        try book.beginSheet(L == .da ? "Forløb" : "Courses", columns: columns)
        var values: [FieldValue] = []
        values.reserveCapacity(keys.count)
        try CourseExport.forEachRow(report, dataset: dataset, pseudonymizer: pseudonymizer) { (row) throws(OutputError) in
            values.removeAll(keepingCapacity: true)
            for (_, v) in row { values.append(v) }
            try book.row(values)
        }
        try ReportWorkbook.about(book, report, L)
        try book.finish()
    }
}
