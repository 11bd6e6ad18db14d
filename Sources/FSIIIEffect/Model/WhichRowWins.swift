/// SPEC §4, "which row wins", as one rule applied to rows in input order
/// (a later file after an earlier one; within a file, a later line after an
/// earlier one):
///
/// - a row supersedes the alive row with the same record id, and the alive
///   row of the same citizen, condition and date (it is the newer version);
/// - an `entered-in-error` row removes the alive record with its id, or,
///   without an id, the alive row of its citizen, condition and date; it is
///   removed itself (it states a deletion, not a level);
/// - every row ends in exactly one bucket: alive, superseded or removed.
///
/// `AssessmentRules` applies it fast: it sorts the rows so that only those
/// that share an id or a key with another row, and removals, come here.
struct WhichRowWins<Key: Hashable, ID: Hashable> {
    /// The fate of each row given so far, by its index.
    private(set) var fate: [RowFate]
    private(set) var superseded = 0
    private(set) var removed = 0
    private var aliveByKey: [Key: Int] = [:]
    private var aliveByID: [ID: Int] = [:]

    /// Rules for `rowCount` rows, all alive until a later row says otherwise.
    init(rowCount: Int) {
        fate = [RowFate](repeating: .alive, count: rowCount)
    }

    /// Applies the rule to row `row`, which must come after every row given
    /// before it in input order. `key` is nil for a row without a citizen,
    /// condition and date (a removal by id); `id` nil for a row without one.
    mutating func take(row: Int, key: Key?, id: ID?, enteredInError: Bool) {
        if enteredInError {
            fate[row] = .removed
            removed += 1
            let target = id.map { aliveByID[$0] } ?? key.flatMap { aliveByKey[$0] }
            if let t = target, fate[t] == .alive {
                fate[t] = .removed
                removed += 1
            }
            return
        }
        if let key {
            if let t = aliveByKey[key], fate[t] == .alive { fate[t] = .superseded; superseded += 1 }
            aliveByKey[key] = row
        }
        if let id {
            if let t = aliveByID[id], fate[t] == .alive { fate[t] = .superseded; superseded += 1 }
            aliveByID[id] = row
        }
    }
}

/// Where a row ends under SPEC §4.
enum RowFate: UInt8 { case alive = 0, superseded = 1, removed = 2 }
