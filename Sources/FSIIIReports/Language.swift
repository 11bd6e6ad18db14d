import Foundation

/// The language of human-readable reports (`--lang`): labels and number
/// formatting. Danish by default: the readers are Danish municipalities.
public enum Language: String, Sendable, CaseIterable {
    case da, en

    /// A number with `digits` decimals: `0,49` in Danish, `0.49` in English,
    /// with thousands grouped (`12.345` / `12,345`).
    package func number(_ x: Double, digits: Int = 2) -> String {
        guard x.isFinite else { return "–" }
        var s = String(format: "%.\(digits)f", x)
        // A value that rounds to zero is shown without a sign ("0,00", not "-0,00").
        if s.hasPrefix("-") && !s.contains(where: { $0 >= "1" && $0 <= "9" }) { s.removeFirst() }
        var parts = s.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var whole = parts[0]
        let negative = whole.hasPrefix("-")
        if negative { whole.removeFirst() }
        var grouped = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(self == .da ? "." : ",") }
            grouped.append(ch)
        }
        whole = (negative ? "-" : "") + String(grouped.reversed())
        parts[0] = whole
        return parts.count > 1 ? whole + (self == .da ? "," : ".") + parts[1] : whole
    }

    /// A share as a percentage: `71 %` (Danish puts a space before %).
    package func percent(_ x: Double, digits: Int = 0) -> String {
        number(x * 100, digits: digits) + (self == .da ? " %" : "%")
    }

    package func label(_ key: LabelKey) -> String { self == .da ? key.danish : key.english }
}

/// Texts of the table and HTML reports, in both languages.
package enum LabelKey: Sendable {
    case team, municipality, month, area, condition, ageBand, sex, baselineLevel, baselineHours, courses, citizens, meanChange, ci95, improved, worsened, goals, oe, flag
    case total, costPerPoint, meanSavings, totalCost, suppressedNote, period, teams, rowsRead, rejected, superseded, removed, accepted
    case notEvaluable, phi, funnelTitle, trendTitle, conditionTitle, commonReasons, expectedCount, ratio, limits95, limits998
    case improvedShare, meanChangeByMonth, pChartLimits, within, highAlert, highAlarm, lowAlert, lowAlarm, costs, meanCost, mediansChange
    case costPerCourse, costPerImproved, meanNetCost
    // HTML report
    case reportTitle, summary, keyFigures, importTitle, input, methodTitle, chartData, hidden, expectedLevel, overallShare, overallMean
    case points, comparedConditions, sortHint, assessments, rates, fhirReports, evaluated, observed, expected, lowerLimit, upperLimit
    case outsidePChart, chartsTitle, madeWith, centreLine

    var danish: String {
        switch self {
        case .team: return "Team"
        case .municipality: return "Kommune"
        case .month: return "Måned"
        case .area: return "Område"
        case .condition: return "Tilstand"
        case .ageBand: return "Aldersgruppe"
        case .sex: return "Køn"
        case .baselineLevel: return "Udgangsniveau"
        case .baselineHours: return "Timer pr. uge før"
        case .courses: return "Forløb"
        case .citizens: return "Borgere"
        case .meanChange: return "Gns. ændring"
        case .ci95: return "95 % KI"
        case .improved: return "Forbedret"
        case .worsened: return "Forværret"
        case .goals: return "Mål nået"
        case .oe: return "O/F"
        case .flag: return "Signal"
        case .total: return "I alt"
        case .costPerPoint: return "Kr. pr. point"
        case .meanSavings: return "Gns. besparelse"
        case .totalCost: return "Samlet udgift"
        case .suppressedNote: return "Grupper med færre borgere end grænsen er skjult af hensyn til persondata"
        case .period: return "Periode"
        case .teams: return "Teams"
        case .rowsRead: return "Rækker læst"
        case .rejected: return "Afvist"
        case .superseded: return "Erstattet"
        case .removed: return "Fjernet"
        case .accepted: return "Godkendt"
        case .notEvaluable: return "Kan ikke vurderes"
        case .phi: return "Overspredning φ"
        case .funnelTitle: return "Tragtdiagram: observeret/forventet forbedring pr. team"
        case .trendTitle: return "Udvikling pr. måned (forløbets slutmåned)"
        case .conditionTitle: return "Gennemsnitlig ændring pr. funktionsevnetilstand"
        case .commonReasons: return "Hyppigste årsager til afviste rækker"
        case .expectedCount: return "Forventet antal forbedrede forløb"
        case .ratio: return "Observeret / forventet"
        case .limits95: return "95 %-grænser"
        case .limits998: return "99,8 %-grænser"
        case .improvedShare: return "Andel forbedrede forløb"
        case .meanChangeByMonth: return "Gennemsnitlig ændring (point)"
        case .pChartLimits: return "3-sigma-grænser (p-kort)"
        case .within: return "inden for grænserne"
        case .highAlert: return "over 95 %-grænsen"
        case .highAlarm: return "over 99,8 %-grænsen"
        case .lowAlert: return "under 95 %-grænsen"
        case .lowAlarm: return "under 99,8 %-grænsen"
        case .costs: return "Udgifter"
        case .meanCost: return "Gns. udgift pr. forløb"
        case .costPerCourse: return "Kr. pr. forløb"
        case .costPerImproved: return "Kr. pr. forbedret"
        case .meanNetCost: return "Gns. nettoudgift"
        case .mediansChange: return "Median ændring"
        // HTML report
        case .reportTitle: return "Effekt af rehabilitering (§ 83a)"
        case .summary: return "Sammenfatning"
        case .keyFigures: return "Nøgletal"
        case .importTitle: return "Indlæste data"
        case .input: return "Data"
        case .methodTitle: return "Sådan læses rapporten"
        case .chartData: return "Tallene bag diagrammet"
        case .hidden: return "skjult"
        case .expectedLevel: return "forventet niveau"
        case .overallShare: return "samlet andel"
        case .overallMean: return "samlet gennemsnit"
        case .points: return "point"
        case .comparedConditions: return "Sammenlignede tilstande"
        case .sortHint: return "Klik på en kolonneoverskrift for at sortere tabellen."
        case .assessments: return "Vurderinger"
        case .rates: return "Takster"
        case .fhirReports: return "KL Gateway-rapporter"
        case .evaluated: return "Vurderede forløb"
        case .observed: return "Observeret"
        case .expected: return "Forventet"
        case .lowerLimit: return "Nedre grænse"
        case .upperLimit: return "Øvre grænse"
        case .outsidePChart: return "uden for 3-sigma-grænserne"
        case .chartsTitle: return "Diagrammer"
        case .madeWith: return "Lavet med fsiii"
        case .centreLine: return "Samlet niveau (midterlinje)"
        }
    }

    var english: String {
        switch self {
        case .team: return "Team"
        case .municipality: return "Municipality"
        case .month: return "Month"
        case .area: return "Area"
        case .condition: return "Condition"
        case .ageBand: return "Age band"
        case .sex: return "Sex"
        case .baselineLevel: return "Baseline level"
        case .baselineHours: return "Hours per week before"
        case .courses: return "Courses"
        case .citizens: return "Citizens"
        case .meanChange: return "Mean change"
        case .ci95: return "95% CI"
        case .improved: return "Improved"
        case .worsened: return "Worsened"
        case .goals: return "Goals met"
        case .oe: return "O/E"
        case .flag: return "Flag"
        case .total: return "Total"
        case .costPerPoint: return "Kr per point"
        case .meanSavings: return "Mean savings"
        case .totalCost: return "Total cost"
        case .suppressedNote: return "Groups with fewer citizens than the limit are hidden to protect personal data"
        case .period: return "Period"
        case .teams: return "Teams"
        case .rowsRead: return "Rows read"
        case .rejected: return "Rejected"
        case .superseded: return "Superseded"
        case .removed: return "Removed"
        case .accepted: return "Accepted"
        case .notEvaluable: return "Not evaluable"
        case .phi: return "Overdispersion φ"
        case .funnelTitle: return "Funnel plot: observed/expected improvement per team"
        case .trendTitle: return "Trend by month of course end"
        case .conditionTitle: return "Mean change per functional condition"
        case .commonReasons: return "Most common reasons for rejected rows"
        case .expectedCount: return "Expected number of improved courses"
        case .ratio: return "Observed / expected"
        case .limits95: return "95% limits"
        case .limits998: return "99.8% limits"
        case .improvedShare: return "Share of courses improved"
        case .meanChangeByMonth: return "Mean change (points)"
        case .pChartLimits: return "3-sigma limits (p-chart)"
        case .within: return "within limits"
        case .highAlert: return "above the 95% limit"
        case .highAlarm: return "above the 99.8% limit"
        case .lowAlert: return "below the 95% limit"
        case .lowAlarm: return "below the 99.8% limit"
        case .costs: return "Costs"
        case .meanCost: return "Mean cost per course"
        case .costPerCourse: return "Kr per course"
        case .costPerImproved: return "Kr per improved"
        case .meanNetCost: return "Mean net cost"
        case .mediansChange: return "Median change"
        // HTML report
        case .reportTitle: return "Effect of rehabilitation (§ 83a)"
        case .summary: return "Summary"
        case .keyFigures: return "Key figures"
        case .importTitle: return "Data read"
        case .input: return "Input"
        case .methodTitle: return "How to read this report"
        case .chartData: return "Figures behind the chart"
        case .hidden: return "hidden"
        case .expectedLevel: return "expected level"
        case .overallShare: return "overall share"
        case .overallMean: return "overall mean"
        case .points: return "points"
        case .comparedConditions: return "Compared conditions"
        case .sortHint: return "Click a column heading to sort the table."
        case .assessments: return "Assessments"
        case .rates: return "Rates"
        case .fhirReports: return "KL Gateway reports"
        case .evaluated: return "Evaluated courses"
        case .observed: return "Observed"
        case .expected: return "Expected"
        case .lowerLimit: return "Lower limit"
        case .upperLimit: return "Upper limit"
        case .outsidePChart: return "outside the 3-sigma limits"
        case .chartsTitle: return "Charts"
        case .madeWith: return "Made with fsiii"
        case .centreLine: return "Overall level (centre line)"
        }
    }
}
