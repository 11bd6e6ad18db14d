/// Small-cell suppression of group outputs (SPEC §10).
///
/// Rule: a group with fewer than `k` citizens (`--min-cell`, default 5) is
/// suppressed: its counts show as `<k` and its rates are empty. So that a
/// suppressed group cannot be recovered by subtracting the visible groups
/// from the total, when exactly one group is suppressed the next smallest
/// group (fewest citizens, then name) is suppressed too. The total is
/// suppressed when it has fewer than `k` citizens itself. `k ≤ 1` turns
/// suppression off.
///
/// A two-way table (`--by team,age-band`, groups with two `parts`) is read
/// beside its one-way margins (`--by team` and `--by age-band` publish each
/// team's and each band's figures), so the same rule holds along every
/// line of the table: within each value of either part, a lone suppressed
/// combination takes the next smallest one of that line with it, repeated
/// until no line has exactly one (each pass only adds suppressions, so it
/// ends).
package enum SmallCellSuppression {
    package static func apply(_ groups: inout [GroupFigures], total: inout GroupFigures, minCell k: Int) {
        for i in groups.indices { groups[i].suppressed = k > 1 && groups[i].citizens < k }
        total.suppressed = k > 1 && total.citizens < k
        guard k > 1 else { return }
        protectLone(&groups, among: Array(groups.indices))
        guard groups.contains(where: { $0.parts.count == 2 }) else { return }
        var changed = true
        while changed {
            changed = false
            for part in 0..<2 {
                var lines: [String: [Int]] = [:]
                for i in groups.indices where groups[i].parts.count == 2 { lines[groups[i].parts[part], default: []].append(i) }
                for line in lines.keys.sorted() where protectLone(&groups, among: lines[line]!) { changed = true }
            }
        }
    }

    /// When exactly one of `members` is suppressed, suppresses the next
    /// smallest (fewest citizens, then name); returns whether it did.
    @discardableResult
    static func protectLone(_ groups: inout [GroupFigures], among members: [Int]) -> Bool {
        guard members.count(where: { groups[$0].suppressed }) == 1 else { return false }
        let candidates = members.filter { !groups[$0].suppressed }
        guard let next = candidates.min(by: { (groups[$0].citizens, groups[$0].group) < (groups[$1].citizens, groups[$1].group) }) else { return false }
        groups[next].suppressed = true
        return true
    }

    /// How a suppressed count is shown: `<5`.
    package static func maskedCount(minCell k: Int) -> String { "<\(k)" }
}
