/// Age band and sex of a citizen as covariates of the comparison, derived
/// from the CPR number inside the library; the number itself never leaves it.
extension CitizenRegistry {
    /// Sex by the parity of the CPR number's last digit (odd: male, even:
    /// female, CPR-kontoret); "unknown" when the id is not a CPR number.
    package func sexCategory(_ citizen: Int) -> String {
        guard birthDay(citizen) != nil else { return "unknown" }
        return withNormalizedID(citizen) { id in
            guard id.count == 10, let last = id.last, last >= 0x30, last <= 0x39 else { return "unknown" }
            return (last - 0x30) % 2 == 1 ? "male" : "female"
        }
    }

    /// "<65", "65-74", "75-84", "85+" at `day`, or "unknown" without a CPR birth date.
    package func ageBand(_ citizen: Int, on day: Day) -> String {
        guard let birth = birthDay(citizen) else { return "unknown" }
        let age = CitizenID.age(birth: birth, on: day)
        guard age >= 0 else { return "unknown" }
        switch age {
        case ..<65: return "<65"
        case 65..<75: return "65-74"
        case 75..<85: return "75-84"
        default: return "85+"
        }
    }
}
