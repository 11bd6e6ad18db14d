/// The cost-effectiveness comparison of every group of a report with a
/// reference (SPEC §8): one entry per group, in the report's group order.
/// Course groupings only (`--by team|municipality|month`); with `--by
/// area|condition` it does not apply (`applies` is false, no entries).
///
/// A group's entry has no figures when the group is suppressed (SPEC §10),
/// is the reference, or has no evaluable course; every entry has none when
/// the reference group is suppressed (its figures would follow from the
/// differences) or has no evaluable course.
public struct CostComparisonReport: Sendable {
    /// What the groups are compared with: one named group, or for each group all other courses.
    public enum Reference: Sendable, Hashable {
        case group(String)
        case allOtherCourses

        /// The group's name, or "all other courses".
        public var name: String {
            switch self {
            case .group(let g): return g
            case .allOtherCourses: return "all other courses"
            }
        }
    }

    /// Why an entry has figures or not.
    public enum Status: String, Sendable, Hashable {
        case compared
        case suppressed
        case reference
        case noCourses = "no_courses"
        case referenceSuppressed = "reference_suppressed"
        case noReferenceCourses = "no_reference_courses"
    }

    /// The comparison of one group, in the report's group order.
    public struct Entry: Sendable {
        /// The group's name, as in `EffectReport.groups`.
        public package(set) var group: String
        /// Whether it was compared, and if not, why.
        public package(set) var status: Status
        /// Present exactly when `status` is `.compared`.
        public package(set) var comparison: CostEffectivenessComparison?
    }

    /// The report's `--by`.
    public package(set) var grouping: Grouping
    /// The options the comparison ran with (reference, λ, B, seed).
    public package(set) var options: CostComparisonOptions
    /// The reference R.
    public package(set) var reference: Reference
    /// False for `--by area|condition`: the unit there is not a course.
    public var applies: Bool { !grouping.groupsPairs }
    /// False when `--reference` names no group of the report (no entries then).
    public package(set) var referenceFound: Bool
    /// One entry per group of the report.
    public package(set) var entries: [Entry]

    /// `.referenceSuppressed` or `.noReferenceCourses` when no group could
    /// be compared because of the reference; nil otherwise.
    public var referenceProblem: Status? {
        let statuses = Set(entries.map(\.status)).subtracting([.reference])
        guard statuses.count == 1, let s = statuses.first, s == .referenceSuppressed || s == .noReferenceCourses else { return nil }
        return s
    }

    /// The acceptability curve of each entry over `grid` (nil for an entry
    /// without bootstrap replicates).
    public func acceptabilityCurves(grid: [Double]) -> [(group: String, probabilities: [Double]?)] {
        entries.map { e in (e.group, e.comparison?.replicates.flatMap { CostEffectiveness.ceac($0, grid: grid) }) }
    }
}

extension CostComparisonReport {
    /// The group named `name`: exactly, else the only group equal to it
    /// ignoring case and repeated white space.
    package static func resolveReference(_ name: String, in groups: [String]) -> String? {
        if groups.contains(name) { return name }
        func key(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let matches = groups.filter { key($0) == key(name) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Compares each group of `groups` (after suppression) with the
    /// reference. `samples` are the evaluable courses in course order, each
    /// with the index of its group in `groups`.
    static func make<Group: ComparedGroup>(samples: [(group: Int, sample: CourseSample)], groups: [Group], grouping: Grouping,
                                           options: CostComparisonOptions) -> CostComparisonReport {
        var report = CostComparisonReport(grouping: grouping, options: options, reference: .allOtherCourses,
                                          referenceFound: true, entries: [])
        guard !grouping.groupsPairs else { return report }
        var referenceIndex: Int?
        if let name = options.reference {
            guard let resolved = resolveReference(name, in: groups.map(\.group)),
                  let index = groups.firstIndex(where: { $0.group == resolved }) else {
                report.reference = .group(Echo.text(name))
                report.referenceFound = false
                return report
            }
            report.reference = .group(resolved)
            referenceIndex = index
        }
        var members = [[CourseSample]](repeating: [], count: groups.count)
        for s in samples { members[s.group].append(s.sample) }
        let referenceStatus: CostComparisonReport.Status? = referenceIndex.flatMap { r in
            groups[r].suppressed ? .referenceSuppressed : members[r].isEmpty ? .noReferenceCourses : nil
        }
        report.entries = groups.indices.map { k in
            let group = groups[k].group
            if k == referenceIndex { return Entry(group: group, status: .reference) }
            if let referenceStatus { return Entry(group: group, status: referenceStatus) }
            if groups[k].suppressed { return Entry(group: group, status: .suppressed) }
            if members[k].isEmpty { return Entry(group: group, status: .noCourses) }
            let r = referenceIndex.map { members[$0] } ?? samples.compactMap { $0.group == k ? nil : $0.sample }
            guard let comparison = CostEffectiveness.compare(a: members[k], r: r, wtp: options.wtp,
                                                             bootstrap: options.bootstrap, seed: options.seed,
                                                             intervals: options.intervalMethod) else {
                return Entry(group: group, status: .noReferenceCourses)
            }
            return Entry(group: group, status: .compared, comparison: comparison)
        }
        return report
    }
}

/// A group as the comparison sees it: its name and whether it is
/// suppressed (SPEC §10). Effect's group figures are these; Costs does not
/// know them.
protocol ComparedGroup {
    var group: String { get }
    var suppressed: Bool { get }
}

extension CostComparisonReport.Entry {
    init(group: String, status: CostComparisonReport.Status) {
        self.init(group: group, status: status, comparison: nil)
    }
}
