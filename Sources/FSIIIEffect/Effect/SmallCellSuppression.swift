/// Small-cell suppression of group outputs (SPEC §10).
///
/// Rule: a group with fewer than `k` citizens (`--min-cell`, default 5) is
/// suppressed: its counts show as `<k` and its rates are empty. So that a
/// suppressed group cannot be recovered by subtracting the visible groups
/// from the total, when exactly one group is suppressed the next smallest
/// group (fewest citizens, then name) is suppressed too. The total is
/// suppressed when it has fewer than `k` citizens itself. `k ≤ 1` turns
/// suppression off.
package enum SmallCellSuppression {
    package static func apply(_ groups: inout [GroupFigures], total: inout GroupFigures, minCell k: Int) {
        for i in groups.indices { groups[i].suppressed = k > 1 && groups[i].citizens < k }
        total.suppressed = k > 1 && total.citizens < k
        guard k > 1 else { return }
        let suppressed = groups.indices.filter { groups[$0].suppressed }
        if suppressed.count == 1 {
            let candidates = groups.indices.filter { !groups[$0].suppressed }
            if let next = candidates.min(by: { (groups[$0].citizens, groups[$0].group) < (groups[$1].citizens, groups[$1].group) }) {
                groups[next].suppressed = true
            }
        }
    }

    /// How a suppressed count is shown: `<5`.
    package static func maskedCount(minCell k: Int) -> String { "<\(k)" }
}
