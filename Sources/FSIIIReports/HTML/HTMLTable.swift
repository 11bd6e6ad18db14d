import Foundation
import FSIIIEffect

/// The tables of the HTML report: the group table of SPEC §7 (with the
/// cost columns of §8 when there is cost data), sortable by a few lines of
/// inline script (`HTMLStyle.sortScript`), and plain data tables for the
/// text alternatives of the charts and the import accounting.
///
/// A suppressed group (SPEC §10) keeps its name; its counts show as `<k`
/// and one merged cell says it is hidden: none of its figures is written,
/// not even as a sort key.
enum HTMLTable {
    /// One column of the group table: its header and how a group fills it.
    struct Column {
        var header: String
        /// The cell's text (already formatted) and its numeric sort key.
        var cell: (GroupFigures) -> (text: String, sort: Double?)
        var numeric = true
    }

    static func groupTable(_ report: EffectReport, language L: Language) -> String {
        let columns = groupColumns(report, language: L)
        let minCell = report.options.minCell
        let masked = SmallCellSuppression.maskedCount(minCell: minCell).htmlEscaped
        var out = "<div class=\"table-scroll\">\n<table class=\"groups sortable\">\n<caption class=\"visually-hidden\">\(HTMLPhrases.tableTitle(report.options.groupBy, L).htmlEscaped)</caption>\n<thead><tr>"
        out += "<th scope=\"col\"><button type=\"button\">\(HTMLPhrases.groupLabel(report.options.groupBy, L).htmlEscaped)</button></th>"
        for c in columns {
            out += "<th scope=\"col\" class=\"\(c.numeric ? "num" : "text")\"><button type=\"button\">\(c.header.htmlEscaped)</button></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        func row(_ g: GroupFigures, name: String) -> String {
            var r = "<tr\(g.suppressed ? " class=\"suppressed\"" : "")><th scope=\"row\">\(name.htmlEscaped)</th>"
            if g.suppressed {
                r += "<td class=\"num\">\(masked)</td><td class=\"num\">\(masked)</td>"
                r += "<td colspan=\"\(columns.count - 2)\" class=\"hidden-cell\">\(HTMLPhrases.suppressedCell(minCell, L).htmlEscaped)</td>"
            } else {
                for c in columns {
                    let (text, sort) = c.cell(g)
                    let key = sort.flatMap { $0.isFinite ? " data-sort=\"\(String(format: "%.6g", $0))\"" : nil } ?? ""
                    r += "<td class=\"\(c.numeric ? "num" : "text")\"\(key)>\(text)</td>"
                }
            }
            return r + "</tr>\n"
        }
        for g in report.groups { out += row(g, name: g.group) }
        out += "</tbody>\n<tfoot>\n" + row(report.total, name: L.label(.total)) + "</tfoot>\n</table>\n</div>\n"
        return out
    }

    /// The columns after the group name; cell texts are escaped here.
    static func groupColumns(_ report: EffectReport, language L: Language) -> [Column] {
        let pairs = report.options.grouping.groupsPairs
        func share(_ x: Double?) -> (String, Double?) { (x.map { HTMLPhrases.percent($0, L) } ?? "–", x) }
        func kr(_ x: Double?) -> (String, Double?) { (x.map { L.number($0, digits: 0) } ?? "–", x) }
        var columns = [
            Column(header: pairs ? L.label(.comparedConditions) : L.label(.courses)) { (String($0.courses), Double($0.courses)) },
            Column(header: L.label(.citizens)) { (String($0.citizens), Double($0.citizens)) },
            Column(header: "\(L.label(.meanChange)) (\(L.label(.ci95)))") { g in
                guard let m = g.meanChange else { return ("–", nil) }
                let ci = g.meanChangeCI.map { " <span class=\"ci\">(\(L.number($0.low)) – \(L.number($0.high)))</span>" } ?? ""
                return (L.number(m) + ci, m)
            },
            Column(header: L.label(.improved)) { share($0.improvedShare) },
            Column(header: L.label(.goals)) { share($0.goalAttainment) },
        ]
        if !pairs {
            columns.append(Column(header: L.label(.oe)) { g in (g.ratio.map { L.number($0) } ?? "–", g.ratio) })
            columns.append(Column(header: L.label(.flag), cell: { g in
                guard let flag = g.funnelFlag else { return ("", nil) }
                let text = "<span class=\"flag \(ChartMarker.cssClass(flag))\">\(ReportTable.marker(flag)) \(HTMLPhrases.flagText(flag, L).htmlEscaped)</span>"
                return (text, flagOrder(flag))
            }, numeric: false))
        }
        if report.courseCosts != nil && !pairs {
            columns.append(Column(header: L.label(.totalCost) + " (kr.)") { kr($0.costs?.totalCost) })
            columns.append(Column(header: L.label(.meanCost) + " (kr.)") { kr($0.costs?.meanCost) })
            columns.append(Column(header: L.label(.costPerPoint)) { kr($0.costs?.costPerPoint) })
            columns.append(Column(header: L.label(.meanSavings) + " (kr.)") { kr($0.costs?.meanSavings) })
        }
        return columns
    }

    /// Sorts flags from the best (above the 99.8 % limit) to the worst.
    static func flagOrder(_ flag: FunnelFlag) -> Double {
        switch flag {
        case .highAlarm: return 2
        case .highAlert: return 1
        case .within: return 0
        case .lowAlert: return -1
        case .lowAlarm: return -2
        }
    }

    /// A plain table: the first column heads its row; `numericColumns`
    /// are right-aligned. Cells are escaped here.
    static func simple(header: [String], rows: [[String]], numericColumns: ClosedRange<Int>, caption: String? = nil) -> String {
        func cls(_ c: Int) -> String { numericColumns.contains(c) ? "num" : "text" }
        var out = "<table class=\"data\">\n"
        if let caption { out += "<caption>\(caption.htmlEscaped)</caption>\n" }
        out += "<thead><tr>"
        for (c, h) in header.enumerated() { out += "<th scope=\"col\" class=\"\(cls(c))\">\(h.htmlEscaped)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (c, cell) in row.enumerated() {
                out += c == 0 ? "<th scope=\"row\">\(cell.htmlEscaped)</th>" : "<td class=\"\(cls(c))\">\(cell.htmlEscaped)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
