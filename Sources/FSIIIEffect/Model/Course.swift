/// A rehabilitation course (forløb): one citizen, `start` to `end` (both
/// inclusive; nil while open), delivered by one team (SPEC §1).
package struct Course: Sendable, Hashable {
    package var citizen: UInt32
    package var start: Day
    package var end: Day?
    /// Index into the dataset's team table; 0 when the course names none
    /// (its team then comes from the assessments, SPEC §5).
    package var team: UInt32
    package var municipality: UInt32
    /// The record id of the course, "" when none.
    package var id: String
    /// The course type as given (e.g. "83a"), "" when none.
    package var type: String

    package init(citizen: UInt32, start: Day, end: Day?, team: UInt32 = 0, municipality: UInt32 = 0, id: String = "", type: String = "") {
        self.citizen = citizen
        self.start = start
        self.end = end
        self.team = team
        self.municipality = municipality
        self.id = id
        self.type = type
    }

    /// `end − start + 1` (SPEC §6); nil while open.
    package var days: Int? { end.map { $0 - start + 1 } }
}
