/// A follow-up (opfølgning) of a citizen's conditions, from a KL Gateway
/// follow-up observation (SPEC §9): kept with the course data so a course's
/// outcome can be read next to what the care team decided. An observation
/// about several conditions gives one entry per home-care condition (and
/// one with `condition` nil when it follows up none, e.g. an intervention).
package struct FollowUpObservation: Sendable, Hashable {
    package var citizen: UInt32
    package var day: Day
    package var result: FollowUpResult
    package var condition: ConditionCode?

    package init(citizen: UInt32, day: Day, result: FollowUpResult, condition: ConditionCode?) {
        self.citizen = citizen
        self.day = day
        self.result = result
        self.condition = condition
    }
}

/// The result of a follow-up observation (E1–E4 in the old model).
package enum FollowUpResult: UInt8, Sendable, CaseIterable {
    /// E1 "Fortsættes": the plan continues.
    case continues = 1
    /// E2 "Ændres inden for rammen".
    case changedWithinFrame = 2
    /// E3 "Afsluttes": the condition or intervention ends.
    case ends = 3
    /// E4 "Revisitation".
    case revisitation = 4

    /// The result of a `valueCodeableConcept` code (legacy key or FSIII UUID,
    /// CodeSystem-FSIII.json).
    init?(code: String) {
        switch code {
        case "E1", "9c90b0e5-9c0a-4b72-a18c-76cd6d6c6213": self = .continues
        case "E2", "c6e71993-5d72-409a-8ab9-ecc094968635": self = .changedWithinFrame
        case "E3", "59753987-c38d-41c5-b201-0eeff3032fef": self = .ends
        case "E4", "61b9a5c2-2ea7-45ad-82b8-53cbb513290e": self = .revisitation
        default: return nil
        }
    }
}
