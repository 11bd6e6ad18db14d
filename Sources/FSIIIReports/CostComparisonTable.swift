import FSIIIEffect

/// The second table of `fsiii report --format table` when cost data is
/// given (SPEC §8, §11): each group against the reference — ΔC, ΔE, ICER,
/// quadrant, INMB with its bootstrap interval and P(INMB > 0) — within 100
/// columns. With `--by area|condition` one line says it does not apply.
package enum CostComparisonTable {
    /// `groupHeader` heads the first column (the main table's: "Team", …).
    package static func write(_ c: CostComparisonReport, language L: Language = .da, minCell: Int = 5, groupHeader: String = "") -> String {
        let da = L == .da
        guard c.applies else {
            return da ? "Omkostningssammenligningen gælder kun forløbsgrupperinger (--by team, municipality, month eller en undergruppe), ikke --by \(c.grouping.rawValue).\n"
                      : "The cost comparison applies to course groupings only (--by team, municipality, month or a subgroup), not --by \(c.grouping.rawValue).\n"
        }
        let o = c.options
        let reference: String
        switch c.reference {
        case .allOtherCourses: reference = da ? "alle øvrige forløb" : "all other courses"
        case .group(let g): reference = g
        }
        var out = da ? "Sammenligning med \(reference) · λ = \(L.number(o.wtp, digits: 0)) kr. pr. point"
                     : "Compared with \(reference) · λ = \(L.number(o.wtp, digits: 0)) kr per point"
        if o.bootstrap > 0 { out += da ? " · bootstrap \(o.bootstrap), frø \(o.seed)" : " · bootstrap \(o.bootstrap), seed \(o.seed)" }
        out += "\n"
        if let problem = c.referenceProblem {
            let why = problem == .referenceSuppressed
                ? (da ? "er skjult (færre end \(minCell) borgere)" : "is suppressed (fewer than \(minCell) citizens)")
                : (da ? "har ingen forløb der kan vurderes" : "has no evaluable course")
            return out + (da ? "Referencen \(reference) \(why); vælg en anden med --reference.\n" : "The reference \(reference) \(why); choose another with --reference.\n")
        }
        let ci = da ? "95 % KI" : "95% CI"
        let header = [groupHeader, "ΔC kr", "ΔE", "ICER", da ? "Kvadrant" : "Quadrant", "INMB (\(ci))", "P(INMB>0)"]
        let rows: [[String]] = c.entries.map { e in
            guard let x = e.comparison else { return [e.group, "", "", "", note(e.status, minCell: minCell, da: da), "", ""] }
            var inmb = L.number(x.inmb, digits: 0)
            if let b = x.bootstrap { inmb += " (\(L.number(b.inmb.low, digits: 0)) – \(L.number(b.inmb.high, digits: 0)))" }
            // An ICER outside the trade-off quadrants is not a price (Drummond et al. 2015, ch. 4): the quadrant says it.
            let icer = x.quadrant.isTradeOff ? x.icer.map { L.number($0, digits: 0) } ?? "–" : "–"
            return [e.group, L.number(x.deltaCost, digits: 0), L.number(x.deltaEffect), icer,
                    label(x.quadrant, da: da), inmb, x.bootstrap.map { L.percent($0.probabilityINMBPositive) } ?? "–"]
        }
        out += TextTable(header: header, rows: rows, leftAligned: [0, 4]).render()
        out += da
            ? "ΔC, ΔE: forskel i gns. udgift pr. forløb (kr.) og i gns. ændring (point) mod referencen.\n"
                + "ICER = ΔC/ΔE i kr. pr. point, vist ved afvejning (bedre og dyrere / ringere og billigere).\n"
                + "INMB = λ·ΔE − ΔC: nettogevinst pr. forløb ved betalingsvilligheden λ.\n"
            : "ΔC, ΔE: difference in mean cost per course (kr) and in mean change (points) from the reference.\n"
                + "ICER = ΔC/ΔE in kr per point, shown for trade-offs (better and costlier / worse and cheaper).\n"
                + "INMB = λ·ΔE − ΔC: net monetary benefit per course at the willingness to pay λ.\n"
        if o.bootstrap > 0 {
            if o.intervalMethod == .bca {
                out += da ? "KI: BCa (skævheds- og accelerationskorrigeret) af \(o.bootstrap) bootstrap-gentagelser; P: andel med INMB > 0.\n"
                          : "CI: BCa (bias-corrected and accelerated) from \(o.bootstrap) bootstrap replicates; P: share with INMB > 0.\n"
                let fallback = c.entries.filter { !($0.comparison?.bootstrap?.percentileFallback.isEmpty ?? true) }.map(\.group)
                if !fallback.isEmpty {
                    out += ComparisonText.wrapped(da ? "BCa udefineret, percentil-KI vist: \(fallback.joined(separator: ", ")).\n"
                                                     : "BCa undefined, percentile CI shown: \(fallback.joined(separator: ", ")).\n")
                }
            } else {
                out += da ? "KI: 2,5- og 97,5-percentilerne af \(o.bootstrap) bootstrap-gentagelser; P: andel med INMB > 0.\n"
                          : "CI: 2.5 and 97.5 percentiles of \(o.bootstrap) bootstrap replicates; P: share with INMB > 0.\n"
            }
        }
        let verdicts = c.entries.compactMap { e in e.comparison.map { "\(e.group): " + CostVerdictText.sentence($0.verdict, language: L) } }
        if !verdicts.isEmpty {
            out += "\n" + (da ? "Vurdering" : "Verdict") + "\n"
            for v in verdicts { out += ComparisonText.wrapped(v + "\n") }
        }
        return out
    }

    /// The quadrant in words: which trade-off, or who dominates.
    static func label(_ q: CostEffectivenessQuadrant, da: Bool) -> String {
        switch q {
        case .dominant: return da ? "dominerende" : "dominant"
        case .dominated: return da ? "domineret" : "dominated"
        case .moreEffectiveMoreCostly: return da ? "bedre, dyrere" : "better, costlier"
        case .lessEffectiveLessCostly: return da ? "ringere, billigere" : "worse, cheaper"
        case .noDifference: return da ? "ingen forskel" : "no difference"
        }
    }

    /// Why a group has no figures.
    static func note(_ s: CostComparisonReport.Status, minCell: Int, da: Bool) -> String {
        switch s {
        case .compared: return ""
        case .suppressed: return SmallCellSuppression.maskedCount(minCell: minCell) + (da ? " borgere" : " citizens")
        case .reference: return "reference"
        case .noCourses: return da ? "ingen forløb" : "no courses"
        case .referenceSuppressed: return da ? "reference skjult" : "reference hidden"
        case .noReferenceCourses: return da ? "ingen ref.-forløb" : "no ref. courses"
        }
    }
}
