import FSIIIEffect

/// The issue 18 sections of `fsiii report --format table`, Danish or
/// English: the matched comparison (with `--compare-to matched`), regression
/// to the mean and durability (whenever estimable; why not otherwise).
public enum ComparisonText {
    /// Why the comparison has no estimate, in words.
    public static func problem(_ p: MatchedComparisonResult.Problem, language L: Language) -> String {
        let da = L == .da
        switch p {
        case .noTreated: return da ? "ingen forløb kan vurderes, så der er intet at sammenligne" : "no evaluable course, so nothing to compare"
        case .noCandidates:
            return da ? "ingen kandidater: ingen borger uden forløb har to vurderinger med den rette afstand nær forløbenes baseline (prøv --index-window-days, --spacing-tolerance eller --controls not-yet-treated)"
                      : "no candidates: no citizen without a course has two assessments at the right spacing near the courses' baselines (try --index-window-days, --spacing-tolerance or --controls not-yet-treated)"
        case .modelFailed(let why): return (da ? "propensitetsmodellen kunne ikke estimeres: " : "the propensity model could not be fitted: ") + why
        case .allUnmatched:
            return da ? "intet forløb fik en kontrol inden for caliperen; sammenligningen kan ikke laves" : "no course has a control within the caliper; the comparison cannot be made"
        }
    }

    public static func write(_ report: EffectReport, language L: Language = .da) -> String {
        var out = ""
        if let c = report.comparison { out += comparison(c, language: L) + "\n" }
        if let r = report.regressionToTheMean { out += regressionToTheMean(r, language: L) + "\n" }
        if let d = report.durability { out += durability(d, language: L) }
        return wrapped(out)
    }

    /// Lines longer than `width` broken at spaces (SPEC §11: readable at 100
    /// columns), the continuations indented by two. A break comes after the
    /// indentation, so each one moves on: a word longer than the width (a
    /// long team name) stays whole on a line of its own.
    static func wrapped(_ text: String, width: Int = 100) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            var indent = 0
            while rest.count > width, let space = rest.prefix(width + 1).lastIndex(of: " "),
                  rest.distance(from: rest.startIndex, to: space) > indent {
                out.append(String(rest[..<space]))
                rest = "  " + rest[rest.index(after: space)...]
                indent = 2
            }
            out.append(String(rest))
        }
        return out.joined(separator: "\n")
    }

    static func ci(_ e: MatchedComparisonResult.Estimate?, _ L: Language, percent: Bool = false) -> String {
        guard let e else { return "–" }
        func f(_ x: Double) -> String { percent ? L.number(x * 100, digits: 1) + (L == .da ? " %-point" : " pp") : L.number(x) }
        return f(e.effect) + (e.interval.map { " (\(f($0.low)) – \(f($0.high)))" } ?? "")
    }

    static func comparison(_ c: MatchedComparisonResult, language L: Language) -> String {
        let da = L == .da
        var out = da ? "Matchet sammenligning (propensitetsscore, 1:\(c.options.ratio) nærmeste nabo, caliper \(L.number(c.options.caliperWidth, digits: 1)) SD; kontroller: \(c.options.controls.rawValue))\n"
                     : "Matched comparison (propensity score, 1:\(c.options.ratio) nearest neighbour, caliper \(L.number(c.options.caliperWidth, digits: 1)) SD; controls: \(c.options.controls.rawValue))\n"
        out += da ? "Forløb \(c.treated), matchet \(c.matched), uden match \(c.unmatched) (ingen kandidat \(c.unmatchedNoCandidate), uden for caliper \(c.unmatchedOutsideCaliper)); kandidater: \(c.candidateCitizens) borgere, \(c.candidatePseudoCourses) pseudo-forløb; brugte kontroller \(c.controls)\n"
                  : "Courses \(c.treated), matched \(c.matched), unmatched \(c.unmatched) (no candidate \(c.unmatchedNoCandidate), outside the caliper \(c.unmatchedOutsideCaliper)); candidates: \(c.candidateCitizens) citizens, \(c.candidatePseudoCourses) pseudo-courses; controls used \(c.controls)\n"
        if let p = c.problem { return out + (da ? "Ikke muligt: " : "Not possible: ") + problem(p, language: L) + "\n" }
        func n(_ x: Double?) -> String { x.map { L.number($0) } ?? "–" }
        let rows: [[String]] = [
            [da ? "Observeret ændring (før/efter, alle forløb)" : "Observed change (before/after, all courses)", n(c.naiveMeanChange)],
            [da ? "Matchede forløb" : "Matched courses", n(c.treatedMeanChange)],
            [da ? "Forventet uden rehabilitering (kontroller)" : "Expected without rehabilitation (controls)", n(c.controlMeanChange)],
            [da ? "Effekt (forskel, 95 % KI)" : "Effect (difference, 95% CI)", ci(c.effect, L)],
            [da ? "Effekt på andel forbedrede" : "Effect on the improved share", ci(c.improvedShareEffect, L, percent: true)],
            [da ? "Forventet ved regression mod middelværdien" : "Expected from regression to the mean", n(c.rtmExpected)],
        ]
        out += aligned([[da ? "Gns. ændring (point)" : "Mean change (points)", ""]] + rows)
        let balance = c.balance.map { [$0.covariate, L.number($0.smdBefore), $0.smdAfter.map { L.number($0) } ?? "–"] }
        out += aligned([[da ? "Kovariat" : "Covariate", da ? "SMD før" : "SMD before", da ? "SMD efter" : "SMD after"]] + balance)
        let bad = c.imbalanced
        out += bad.isEmpty
            ? (da ? "Balance: alle |SMD| efter matchning < 0,1.\n" : "Balance: every |SMD| after matching < 0.1.\n")
            : (da ? "Ubalance (|SMD| ≥ 0,1 efter matchning): " : "Imbalance (|SMD| ≥ 0.1 after matching): ") + bad.joined(separator: ", ") + "\n"
        for note in c.notes { out += "· \(note)\n" }
        out += da ? "Sammenligningen tager højde for de målte forhold, ikke for umålte årsager til henvisning; den er ikke et forsøg. KI: bootstrap over borgere (\(c.bootstrap), frø \(c.seed)).\n"
                  : "The comparison accounts for the measured covariates, not for unmeasured reasons for referral; it is not a trial. CI: bootstrap over citizens (\(c.bootstrap), seed \(c.seed)).\n"
        return out
    }

    /// Rows with the first column padded (names here can be long) and the others right-aligned.
    static func aligned(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { k in rows.map { k < $0.count ? $0[k].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { k, cell in
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                return k == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func regressionToTheMean(_ r: RegressionToTheMeanEstimate, language L: Language) -> String {
        let da = L == .da, m = r.meanLevel
        guard let shift = m.expectedShift, let rho = m.correlation else {
            let why = m.pairs == 0
                ? (da ? "ingen gentagne vurderinger (to inden for \(RegressionToTheMeanEstimate.maximumSpacingDays) dage) af borgere uden forløb"
                      : "no repeat pairs (two assessments within \(RegressionToTheMeanEstimate.maximumSpacingDays) days) of citizens without a course")
                : (m.reason ?? "")
            return (da ? "Regression mod middelværdien kan ikke estimeres: " : "Regression to the mean cannot be estimated: ") + why + "\n"
        }
        let observed = m.observedMeanChange.map { L.number($0) } ?? "–"
        return da
            ? "Regression mod middelværdien (\(m.pairs) gentagne vurderinger af borgere uden forløb, ρ = \(L.number(rho))): forventet ændring alene herfra \(L.number(shift)) point mod observeret \(observed).\n"
            : "Regression to the mean (\(m.pairs) repeat assessments of citizens without a course, ρ = \(L.number(rho))): expected change from it alone \(L.number(shift)) points against \(observed) observed.\n"
    }

    static func durability(_ d: DurabilityResult, language L: Language) -> String {
        let da = L == .da
        let control = d.horizons.first?.control != nil
        var header = [da ? "Mdr." : "Months", da ? "Fulgt" : "Followed", da ? "Censureret" : "Censored",
                      da ? "Gns. ændring (95 % KI)" : "Mean change (95% CI)", da ? "Holdt" : "Kept", da ? "Timer/uge" : "Hours/week", da ? "Ud af hjemmepleje" : "Left home care"]
        if control { header += [da ? "Kontroller" : "Controls", da ? "Forskel" : "Difference"] }
        let rows: [[String]] = d.horizons.map { h in
            var change = h.meanChange.map { L.number($0) } ?? "–"
            if let ci = h.meanChangeCI { change += " (\(L.number(ci.low)) – \(L.number(ci.high)))" }
            var row = [String(h.months), String(h.followed), String(h.censored), change, h.keptShare.map { L.percent($0) } ?? "–",
                       h.hoursPerWeekChange.map { L.number($0, digits: 1) } ?? "–", h.leftHomeCareShare.map { L.percent($0) } ?? "–"]
            if let c = h.control {
                row += [c.meanChange.map { L.number($0) } ?? "–", h.meanChange.flatMap { t in c.meanChange.map { L.number(t - $0) } } ?? "–"]
            }
            return row
        }
        var out = (da ? "Varighed: ændring fra baseline 3, 6 og 12 måneder efter forløbets slutning\n" : "Durability: change from baseline 3, 6 and 12 months after the course ended\n")
        out += TextTable(header: header, rows: rows, leftAligned: []).render()
        out += da ? "Censureret: data slutter før tidspunktet (ikke en fejl). Holdt: niveau ikke ringere end ved opfølgning. Timer/uge: fald mod de 90 dage før start.\n"
                  : "Censored: the data ends before the horizon (not a failure). Kept: level no worse than at follow-up. Hours/week: decrease against the 90 days before the start.\n"
        return out
    }
}
