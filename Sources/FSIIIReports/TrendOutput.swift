import FSIIIEffect
import FSIIIBytes
import FSIIIStatistics

/// The trend by month of course end in the JSON report and the table
/// (issue 21): the improved share's control chart (`--spc p|laney`) and the
/// Anhøj run rules on both series (improved share, mean change), with the
/// months that signal. Months are those of `MonthlyTrend`; a suppressed
/// month (SPEC §10) has null figures and no flags.
enum TrendOutput {
    /// The trend, or nil without evaluable courses or when the total is suppressed.
    static func trend(_ report: EffectReport) -> MonthlyTrend? {
        guard !report.total.suppressed else { return nil }
        return MonthlyTrend(report.evaluation, minCell: report.options.minCell, spc: report.options.spc)
    }

    /// `{chart, centre, sigma_z, note, series: [{series, centre, useful_points,
    /// longest_run, longest_run_limit, crossings, crossings_minimum,
    /// runs_signal, crossings_signal, outside_limits, signal}], months:
    /// [{month, courses, improved_share, lower_limit, upper_limit,
    /// mean_change, suppressed, outside_limits, share_in_long_run,
    /// change_in_long_run, signal}]}`; null without a trend.
    static func json(_ report: EffectReport) -> JSONValue {
        guard let t = trend(report) else { return .null }
        func rules(_ name: String, _ r: RunChartRules?, centre: Double, outside: [String]?) -> JSONValue {
            var o = JSONObject()
            o.append(key: "series", value: .string(name))
            o.append(key: "centre", value: .number(centre))
            o.append(key: "useful_points", value: .integer(r?.usefulObservations ?? 0))
            o.append(key: "longest_run", value: r.map { .integer($0.longestRun) } ?? .null)
            o.append(key: "longest_run_limit", value: r.map { .integer($0.longestRunLimit) } ?? .null)
            o.append(key: "crossings", value: r.map { .integer($0.crossings) } ?? .null)
            o.append(key: "crossings_minimum", value: r.map { .integer($0.crossingsLimit) } ?? .null)
            o.append(key: "runs_signal", value: .bool(r?.runsSignal ?? false))
            o.append(key: "crossings_signal", value: .bool(r?.crossingsSignal ?? false))
            o.append(key: "outside_limits", value: outside.map { .array($0.map { .string($0) }) } ?? .null)
            o.append(key: "signal", value: .bool((r?.signal ?? false) || !(outside ?? []).isEmpty))
            return .object(o)
        }
        let outside = t.shown.filter(t.outsideLimits).map(\.month)
        var root = JSONObject()
        root.append(key: "chart", value: .string(report.options.spc.rawValue))
        root.append(key: "centre", value: .number(t.chart.centre))
        root.append(key: "sigma_z", value: .number(t.chart.sigmaZ))
        root.append(key: "note", value: t.chart.note.map { .string($0) } ?? .null)
        root.append(key: "series", value: .array([
            rules("improved_share", t.shareRules, centre: t.overallShare, outside: outside),
            rules("mean_change", t.changeRules, centre: t.overallMeanChange, outside: nil),
        ]))
        root.append(key: "months", value: .array(t.months.indices.map { i in
            let m = t.months[i]
            var o = JSONObject()
            o.append(key: "month", value: .string(m.month))
            let shown = !m.isEmpty && !m.suppressed
            o.append(key: "courses", value: m.suppressed ? .null : .integer(m.courses))
            let l = t.limits(m)
            o.append(key: "improved_share", value: shown ? .number(m.improvedShare) : .null)
            o.append(key: "lower_limit", value: shown ? .number(l.low) : .null)
            o.append(key: "upper_limit", value: shown ? .number(l.high) : .null)
            o.append(key: "mean_change", value: shown ? .number(m.meanChange) : .null)
            o.append(key: "suppressed", value: .bool(m.suppressed))
            let out = t.outsideLimits(m), share = t.shareInLongRun[i], change = t.changeInLongRun[i]
            o.append(key: "outside_limits", value: .bool(out))
            o.append(key: "share_in_long_run", value: .bool(share))
            o.append(key: "change_in_long_run", value: .bool(change))
            o.append(key: "signal", value: .bool(out || share || change))
            return .object(o)
        }))
        return .object(root)
    }

    /// One short line (wrapped at 100 columns) when a series signals; nil otherwise.
    static func line(_ report: EffectReport, language L: Language) -> String? {
        guard let t = trend(report), t.shareSignal || t.changeSignal else { return nil }
        func parts(_ r: RunChartRules?) -> [String] {
            guard let r else { return [] }
            var p: [String] = []
            if r.runsSignal { p.append(L == .da ? "længste løb \(r.longestRun) > \(r.longestRunLimit)" : "longest run \(r.longestRun) > \(r.longestRunLimit)") }
            if r.crossingsSignal { p.append(L == .da ? "krydsninger \(r.crossings) < \(r.crossingsLimit)" : "crossings \(r.crossings) < \(r.crossingsLimit)") }
            return p
        }
        var share = parts(t.shareRules)
        let outside = t.shown.filter(t.outsideLimits).map(\.month)
        if !outside.isEmpty { share.append((L == .da ? "uden for grænserne: " : "outside the limits: ") + outside.joined(separator: ", ")) }
        let change = parts(t.changeRules)
        var items: [String] = []
        if !share.isEmpty { items.append((L == .da ? "andel forbedrede: " : "improved share: ") + share.joined(separator: ", ")) }
        if !change.isEmpty { items.append((L == .da ? "gns. ændring: " : "mean change: ") + change.joined(separator: ", ")) }
        let chart = report.options.spc == .laney ? "p′" : "p"
        let lead = L == .da ? "Udvikling pr. måned (\(chart)-kort, Anhøj-regler)" : "Trend by month (\(chart)-chart, Anhøj rules)"
        return ComparisonText.wrapped(lead + ": " + items.joined(separator: "; "))
    }
}
