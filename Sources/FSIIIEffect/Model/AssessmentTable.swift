/// The accepted assessments of an import, integer-coded and sorted by
/// citizen, condition and day: the engine finds a citizen's rows by offset
/// and a condition's history as one contiguous run.
package struct AssessmentTable: Sendable {
    /// Day number (`Day.rawValue`).
    package internal(set) var day: [Int32] = []
    /// `ConditionCode.rawValue`.
    package internal(set) var condition: [UInt8] = []
    /// Level 0–4 or 9.
    package internal(set) var level: [UInt8] = []
    /// Goal level, or 0xFF when the row has none.
    package internal(set) var goal: [UInt8] = []
    /// Index into the dataset's team table (0 = none given).
    package internal(set) var team: [UInt32] = []
    /// Index into the dataset's municipality table (0 = none given).
    package internal(set) var municipality: [UInt32] = []
    /// Position in input order (later files after earlier ones), for "latest" ties.
    package internal(set) var sequence: [UInt32] = []
    /// Rows of citizen `c` are `citizenStart[c] ..< citizenStart[c + 1]`.
    package internal(set) var citizenStart: [Int] = [0]

    package init() {}

    package var count: Int { day.count }

    /// Room for `n` rows in every column (not `citizenStart`), so a table
    /// built row by row grows once.
    package mutating func reserveRows(_ n: Int) {
        day.reserveCapacity(n)
        condition.reserveCapacity(n)
        level.reserveCapacity(n)
        goal.reserveCapacity(n)
        team.reserveCapacity(n)
        municipality.reserveCapacity(n)
        sequence.reserveCapacity(n)
    }

    /// The rows of one citizen.
    package func rows(ofCitizen c: Int) -> Range<Int> {
        c + 1 < citizenStart.count ? citizenStart[c]..<citizenStart[c + 1] : 0..<0
    }

    /// Goal at `row`, nil when none.
    package func goal(at row: Int) -> UInt8? { goal[row] == 0xFF ? nil : goal[row] }
}
