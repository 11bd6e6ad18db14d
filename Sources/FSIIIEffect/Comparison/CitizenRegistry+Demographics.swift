/// Age band and sex of a citizen as covariates of the comparison, derived
/// from the CPR number inside the library; the number itself never leaves it.
extension CitizenRegistry {
    /// The sex categories, in the order of ``sexCode(_:)``.
    package static let sexLevels = ["female", "male", "unknown"]
    /// The age bands, in the order of ``ageBandCode(_:on:)``.
    package static let ageBandLevels = ["<65", "65-74", "75-84", "85+", "unknown"]

    /// Sex by the parity of the CPR number's last digit (odd: male, even:
    /// female, CPR-kontoret); "unknown" when the id is not a CPR number.
    package func sexCategory(_ citizen: Int) -> String { Self.sexLevels[Int(sexCode(citizen))] }

    /// ``sexCategory(_:)`` as its index in ``sexLevels``: 0 female, 1 male, 2 unknown.
    package func sexCode(_ citizen: Int) -> Int32 {
        guard birthDay(citizen) != nil else { return 2 }
        return withNormalizedID(citizen) { id in
            guard id.count == 10, let last = id.last, last >= 0x30, last <= 0x39 else { return 2 }
            return (last - 0x30) % 2 == 1 ? 1 : 0
        }
    }

    /// "<65", "65-74", "75-84", "85+" at `day`, or "unknown" without a CPR birth date.
    package func ageBand(_ citizen: Int, on day: Day) -> String { Self.ageBandLevels[Int(ageBandCode(citizen, on: day))] }

    /// ``ageBand(_:on:)`` as its index in ``ageBandLevels`` (4: unknown).
    package func ageBandCode(_ citizen: Int, on day: Day) -> Int32 {
        guard let birth = birthDay(citizen) else { return 4 }
        return Self.ageBandCode(age: CitizenID.age(birth: birth, on: day))
    }

    /// The code of the band of an age in whole years (4, unknown, for a negative one).
    static func ageBandCode(age: Int) -> Int32 {
        guard age >= 0 else { return 4 }
        switch age {
        case ..<65: return 0
        case 65..<75: return 1
        case 75..<85: return 2
        default: return 3
        }
    }
}
