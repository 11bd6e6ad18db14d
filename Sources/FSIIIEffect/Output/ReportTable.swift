import Foundation

/// The terminal table of `fsiii report` (SPEC §11): readable at 100
/// columns — group, courses, mean change with its interval, improved share,
/// goal attainment, O/E ratio and a funnel flag marker; cost per point and
/// mean savings when cost data is given.
public enum ReportTable {
    public static func write(_ report: EffectReport, language: Language = .da) -> String {
        let L = language
        let minCell = report.options.minCell
        let costs = report.courseCosts != nil && !report.options.grouping.groupsPairs
        let groupLabel: LabelKey = [.team: .team, .municipality: .municipality, .month: .month, .area: .area, .condition: .condition][report.options.grouping]!
        var header = [L.label(groupLabel), L.label(.courses), "\(L.label(.meanChange)) (\(L.label(.ci95)))", L.label(.improved), L.label(.goals), L.label(.oe), ""]
        if costs { header += [L.label(.costPerPoint), L.label(.meanSavings)] }
        var rows: [[String]] = []
        for g in report.groups + [report.total] {
            let name = g.group == "Total" && rows.count == report.groups.count ? L.label(.total) : g.group
            if g.suppressed {
                var row = [name, SmallCellSuppression.maskedCount(minCell: minCell), "", "", "", "", ""]
                if costs { row += ["", ""] }
                rows.append(row)
                continue
            }
            var change = g.meanChange.map { L.number($0) } ?? "–"
            if let ci = g.meanChangeCI { change += " (\(L.number(ci.low)) – \(L.number(ci.high)))" }
            var row = [name, String(g.courses), change, g.improvedShare.map { L.percent($0) } ?? "–",
                       g.goalAttainment.map { L.percent($0) } ?? "–", g.ratio.map { L.number($0) } ?? "–", marker(g.funnelFlag)]
            if costs {
                row += [g.costs?.costPerPoint.map { L.number($0, digits: 0) } ?? "–", g.costs?.meanSavings.map { L.number($0, digits: 0) } ?? "–"]
            }
            rows.append(row)
        }
        let widths = header.indices.map { c in min(c == 0 ? 24 : 40, max(header[c].count, rows.map { $0[c].count }.max() ?? 0)) }
        func format(_ row: [String]) -> String {
            row.indices.map { c -> String in
                var cell = row[c]
                if cell.count > widths[c] { cell = String(cell.prefix(widths[c] - 1)) + "…" }
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 || c == 6 ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = format(header) + "\n"
        out += String(repeating: "─", count: min(100, widths.reduce(0, +) + 2 * (widths.count - 1))) + "\n"
        for (i, row) in rows.enumerated() {
            if i == rows.count - 1 { out += String(repeating: "─", count: min(100, widths.reduce(0, +) + 2 * (widths.count - 1))) + "\n" }
            out += format(row) + "\n"
        }
        out += "\n"
        if report.groups.contains(where: { $0.funnelFlag != nil && $0.funnelFlag != .within }) || !report.options.grouping.groupsPairs {
            out += "▲▲/▼▼ \(L.label(.highAlarm))/\(L.label(.lowAlarm)), ▲/▼ \(L.label(.highAlert))/\(L.label(.lowAlert)); \(L.label(.phi)) = \(L.number(report.phi))\n"
        }
        if report.groups.contains(where: \.suppressed) || report.total.suppressed {
            out += "\(SmallCellSuppression.maskedCount(minCell: minCell)): \(L.label(.suppressedNote)) (--min-cell \(minCell)).\n"
        }
        let ne = report.total.notEvaluable
        if ne.total > 0 {
            out += "\(L.label(.notEvaluable)): \(ne.total) (open \(ne.open), no_baseline \(ne.noBaseline), no_follow_up \(ne.noFollowUp), not_relevant \(ne.notRelevant))\n"
        }
        // SPEC §8: with cost data, a second table compares each group with the reference.
        if let comparison = report.costComparison { out += "\n" + CostComparisonTable.write(comparison, language: L, minCell: minCell, groupHeader: L.label(groupLabel)) }
        return out
    }

    static func marker(_ flag: FunnelFlag?) -> String {
        switch flag {
        case .highAlarm: return "▲▲"
        case .highAlert: return "▲"
        case .lowAlert: return "▼"
        case .lowAlarm: return "▼▼"
        default: return ""
        }
    }
}
