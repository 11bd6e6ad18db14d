import FSIIIEffect

/// The verdict of one cost-effectiveness comparison in words a manager
/// can read (issue 21), Danish or English: the quadrant, the ICER for a
/// trade-off, the break-even λ*, the probability of being cost-effective
/// at the configured λ, and the λ at which that probability first reaches
/// 50 % and 95 % (the figures of ``CostEffectivenessVerdict``).
package enum CostVerdictText {
    package static func sentence(_ v: CostEffectivenessVerdict, language L: Language) -> String {
        let da = L == .da
        let unit = da ? "kr. pr. point" : "kr per point"
        func kr(_ x: Double) -> String { L.number(x, digits: 0) }
        var parts: [String] = []
        switch v.quadrant {
        case .dominant: parts.append(da ? "Dominerende: ikke dyrere og mindst lige så effektiv som referencen"
                                        : "Dominant: no costlier and at least as effective as the reference")
        case .dominated: parts.append(da ? "Domineret: ikke billigere og højst lige så effektiv som referencen"
                                         : "Dominated: no cheaper and at most as effective as the reference")
        case .moreEffectiveMoreCostly: parts.append(da ? "Mere effektiv og dyrere end referencen" : "More effective and costlier than the reference")
        case .lessEffectiveLessCostly: parts.append(da ? "Mindre effektiv og billigere end referencen" : "Less effective and cheaper than the reference")
        case .noDifference: parts.append(da ? "Ingen forskel i udgift eller effekt fra referencen" : "No difference in cost or effect from the reference")
        }
        // An ICER outside the trade-off quadrants is not a price (Drummond et al. 2015, ch. 4).
        if v.quadrant.isTradeOff, let icer = v.icer { parts.append("ICER \(kr(icer)) \(unit)") }
        if let x = v.breakEven.wtp {
            let side = v.costEffectiveAboveBreakEven ? (da ? "højere" : "higher") : (da ? "lavere" : "lower")
            parts.append(da ? "nettogevinsten er 0 ved λ = \(kr(x)) \(unit), positiv ved \(side) λ"
                            : "net benefit is 0 at λ = \(kr(x)) \(unit), positive at \(side) λ")
        } else {
            switch v.breakEven.missing {
            case .costEffectiveAtEveryWTP: parts.append(da ? "omkostningseffektiv ved enhver betalingsvilje" : "cost-effective at any willingness to pay")
            case .costEffectiveAtNoWTP: parts.append(da ? "omkostningseffektiv ved ingen betalingsvilje" : "cost-effective at no willingness to pay")
            default: parts.append(da ? "ingen forskel i effekt, så nettogevinsten afhænger ikke af λ"
                                     : "no difference in effect, so the net benefit does not depend on λ")
            }
        }
        var out = parts.joined(separator: "; ") + "."
        if let p = v.probabilityCostEffective {
            out += da ? " Omkostningseffektiv med sandsynlighed \(L.percent(p)) ved λ = \(kr(v.wtp)) \(unit)"
                      : " Cost-effective with probability \(L.percent(p)) at λ = \(kr(v.wtp)) \(unit)"
            let pct50 = da ? "50 %" : "50%", pct95 = da ? "95 %" : "95%"
            func at(_ x: Double) -> String {
                x == 0 ? (da ? "allerede ved λ = 0 kr." : "already at λ = 0 kr") : (da ? "ved λ = \(kr(x)) kr." : "at λ = \(kr(x)) kr")
            }
            switch (v.wtp50.wtp, v.wtp95.wtp) {
            case let (x?, y?):
                out += da ? "; sandsynligheden når \(pct50) \(at(x)) og \(pct95) \(at(y))" : "; the probability reaches \(pct50) \(at(x)) and \(pct95) \(at(y))"
            case let (x?, nil):
                out += da ? "; sandsynligheden når \(pct50) \(at(x)), men aldrig \(pct95)" : "; the probability reaches \(pct50) \(at(x)) but never \(pct95)"
            default:
                out += da ? "; sandsynligheden når aldrig \(pct50)" : "; the probability never reaches \(pct50)"
            }
            // Danish "kr." already ends the sentence.
            if !out.hasSuffix(".") { out += "." }
        }
        return out
    }
}
