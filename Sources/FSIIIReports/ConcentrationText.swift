import FSIIIEffect

/// The cost concentration (SPEC §12) in words: the one-sentence summary of
/// the HTML report and the short block of the table output.
package enum ConcentrationText {
    /// "5 % af borgerne står for 61 % af hjemmeplejeudgiften; 18 % af dem
    /// havde et rehabiliteringsforløb." nil when the top-5 % share is
    /// suppressed or undefined; the second half only when its figure is shown.
    package static func sentence(_ f: CostConcentration.Figures, language L: Language) -> String? {
        guard let share = f.top5Share else { return nil }
        var s = L == .da ? "5 % af borgerne står for \(L.percent(share)) af hjemmeplejeudgiften"
                         : "5% of the citizens account for \(L.percent(share)) of the home-care cost"
        if let course = f.top5WithCourseShare {
            s += L == .da ? "; \(L.percent(course)) af dem havde et rehabiliteringsforløb" : "; \(L.percent(course)) of them had a rehabilitation course"
        }
        return s + "."
    }

    /// The block under the table report: the shares, Gini, and the top 5 %
    /// against everyone else; one line per municipality.
    package static func block(_ c: CostConcentration, language L: Language, minCell: Int) -> String {
        func pct(_ x: Double?) -> String { x.map { L.percent($0) } ?? "–" }
        func num(_ x: Double?, _ d: Int = 2) -> String { x.map { L.number($0, digits: d) } ?? "–" }
        let header = L == .da
            ? ["Kommune", "Borgere", "Samlet udgift", "Top 1 %", "Top 5 %", "Top 10 %", "Gini", "Top 5 % m. forløb"]
            : ["Municipality", "Citizens", "Total cost", "Top 1%", "Top 5%", "Top 10%", "Gini", "Top 5% w. course"]
        let all = [(L.label(.total), c.overall)] + c.byMunicipality.map { ($0.name, $0.figures) }
        let rows: [[String]] = all.map { name, f in
            guard !f.suppressed else { return [name, SmallCellSuppression.maskedCount(minCell: minCell)] }
            return [name, String(f.citizens), num(f.totalCost, 0), pct(f.top1Share), pct(f.top5Share), pct(f.top10Share),
                    num(f.gini), pct(f.top5WithCourseShare)]
        }
        var out = (L == .da ? "Udgiftskoncentration (borgere med mindst én prissat udgiftsrække)\n"
                            : "Cost concentration (citizens with at least one priced cost row)\n")
        out += TextTable(header: header, rows: rows, rulesBefore: [1]).render()
        let f = c.overall
        if f.top5MeanChange != nil || f.othersMeanChange != nil || f.top5MeanSavings != nil || f.othersMeanSavings != nil {
            // Two short lines: the terminal report stays within 100 columns.
            out += L == .da
                ? "Top 5 %: gns. ændring \(num(f.top5MeanChange)), gns. besparelse \(num(f.top5MeanSavings, 0)) kr.\n"
                    + "Øvrige:  gns. ændring \(num(f.othersMeanChange)), gns. besparelse \(num(f.othersMeanSavings, 0)) kr.\n"
                : "Top 5%: mean change \(num(f.top5MeanChange)), mean savings \(num(f.top5MeanSavings, 0)) kr\n"
                    + "Others: mean change \(num(f.othersMeanChange)), mean savings \(num(f.othersMeanSavings, 0)) kr\n"
        }
        if let s = sentence(f, language: L) { out += s + "\n" }
        return out
    }
}
