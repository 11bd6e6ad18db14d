import Foundation
import FSIIIEffect

/// The HTML section of issue 18: with `--compare-to matched` the effect,
/// a chart of the mean change from baseline over time for the courses and
/// their matched controls (baseline, follow-up, 3, 6 and 12 months after
/// the end), its figures as a table, and the balance table; regression to
/// the mean and durability whenever the report has them.
enum ComparisonSection {
    static func write(_ report: EffectReport, _ L: Language) -> String {
        guard report.comparison != nil || report.durability != nil || report.regressionToTheMean != nil else { return "" }
        let da = L == .da
        var out = "<section aria-labelledby=\"comparison-heading\">\n<h2 id=\"comparison-heading\">"
            + (da ? "Virker rehabiliteringen? Sammenligning og varighed" : "Does rehabilitation work? Comparison and durability").htmlEscaped + "</h2>\n"
        if let c = report.comparison {
            if let p = c.problem {
                out += "<p>\(((da ? "Den matchede sammenligning er ikke mulig: " : "The matched comparison is not possible: ") + ComparisonText.problem(p, language: L)).htmlEscaped)</p>\n"
            } else {
                func n(_ x: Double?) -> String { x.map { L.number($0) } ?? "–" }
                func e(_ x: MatchedComparisonResult.Estimate?) -> String {
                    guard let x else { return "–" }
                    return L.number(x.effect) + (x.interval.map { " (\(L.number($0.low)) – \(L.number($0.high)))" } ?? "")
                }
                out += HTMLTable.simple(header: [da ? "Gns. ændring (point)" : "Mean change (points)", ""], rows: [
                    [da ? "Observeret (før/efter)" : "Observed (before/after)", n(c.naiveMeanChange)],
                    [da ? "Forventet uden rehabilitering (matchede kontroller)" : "Expected without rehabilitation (matched controls)", n(c.controlMeanChange)],
                    [da ? "Effekt med 95 % KI" : "Effect with 95% CI", e(c.effect)],
                    [da ? "Forventet ved regression mod middelværdien" : "Expected from regression to the mean", n(c.rtmExpected)],
                ], numericColumns: 1...1)
                if let chart = chart(report, c, L) { out += chart }
                out += HTMLTable.simple(header: [da ? "Kovariat" : "Covariate", da ? "SMD før" : "SMD before", da ? "SMD efter" : "SMD after"],
                                        rows: c.balance.map { [$0.covariate, L.number($0.smdBefore), $0.smdAfter.map { L.number($0) } ?? "–"] },
                                        numericColumns: 1...2, caption: da ? "Balance før og efter matchning (|SMD| < 0,1 er god balance)" : "Balance before and after matching (|SMD| < 0.1 is good balance)")
                out += "<p class=\"hint\">" + (da ? "Sammenligningen tager kun højde for de målte forhold; den er ikke et lodtrækningsforsøg."
                                                   : "The comparison accounts for the measured covariates only; it is not a randomised trial.").htmlEscaped + "</p>\n"
            }
        }
        let text = ComparisonText.write(EffectReportOutcomes(report).withoutComparison, language: L)
        if !text.isEmpty { out += "<pre>\(text.htmlEscaped)</pre>\n" }
        return out + "</section>\n"
    }

    /// The mean change from baseline (points) at baseline, follow-up and
    /// the horizons, courses against matched controls, as inline SVG.
    static func chart(_ report: EffectReport, _ c: MatchedComparisonResult, _ L: Language) -> String? {
        guard let t = c.treatedMeanChange, let k = c.controlMeanChange else { return nil }
        var treated: [(Double, Double)] = [(0, 0), (1, t)], controls: [(Double, Double)] = [(0, 0), (1, k)]
        for (i, h) in (report.durability?.horizons ?? []).enumerated() {
            if let m = h.meanChange { treated.append((Double(i + 2), m)) }
            if let m = h.control?.meanChange { controls.append((Double(i + 2), m)) }
        }
        let values = (treated + controls).map(\.1)
        let low = min(0, values.min() ?? 0), high = max(0.1, values.max() ?? 0.1)
        let x = LinearScale(domainLow: 0, domainHigh: 4, pixelLow: 60, pixelHigh: 460)
        let y = LinearScale(domainLow: low, domainHigh: high, pixelLow: 220, pixelHigh: 20)
        let labels = L == .da ? ["baseline", "opfølgning", "3 mdr.", "6 mdr.", "12 mdr."] : ["baseline", "follow-up", "3 mo", "6 mo", "12 mo"]
        var svg = "<svg role=\"img\" viewBox=\"0 0 520 260\" width=\"520\" height=\"260\" aria-label=\""
            + (L == .da ? "Gns. ændring fra baseline over tid: forløb mod matchede kontroller" : "Mean change from baseline over time: courses against matched controls").htmlEscaped + "\">\n"
        svg += "<line x1=\"60\" y1=\"\(SVGText.f(y(0)))\" x2=\"460\" y2=\"\(SVGText.f(y(0)))\" stroke=\"#999\"/>\n"
        for (i, label) in labels.enumerated() {
            svg += "<text x=\"\(SVGText.f(x(Double(i))))\" y=\"245\" text-anchor=\"middle\" font-size=\"11\">\(label.htmlEscaped)</text>\n"
        }
        for (series, color, name) in [(treated, "#1f5fa8", L == .da ? "forløb" : "courses"), (controls, "#c0504d", L == .da ? "kontroller" : "controls")] {
            let points = series.map { "\(SVGText.f(x($0.0))),\(SVGText.f(y($0.1)))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points)\"><title>\(name.htmlEscaped)</title></polyline>\n"
            if let last = series.last { svg += "<text x=\"\(SVGText.f(x(last.0) + 6))\" y=\"\(SVGText.f(y(last.1)))\" font-size=\"11\" fill=\"\(color)\">\(name.htmlEscaped)</text>\n" }
        }
        for v in [low, high] { svg += "<text x=\"54\" y=\"\(SVGText.f(y(v)))\" text-anchor=\"end\" font-size=\"11\">\(L.number(v))</text>\n" }
        return svg + "</svg>\n"
    }
}

/// A copy of a report without its comparison, for the RTM and durability text.
struct EffectReportOutcomes {
    var withoutComparison: EffectReport
    init(_ r: EffectReport) {
        withoutComparison = r
        withoutComparison.comparison = nil
    }
}

enum SVGText {
    static func f(_ x: Double) -> String { String(format: "%.1f", x) }
}
