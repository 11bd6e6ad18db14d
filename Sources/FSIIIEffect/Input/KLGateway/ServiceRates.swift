import Synchronization

/// The hourly rate of a service name as `--rates` gives it (SPEC §3: names
/// match after SPEC §2 normalisation), remembered per name: a run prices
/// hundreds of thousands of visits of a handful of services, and
/// normalising a name each time would dominate the import. Shared by the
/// threads reading reports, behind a lock.
final class ServiceRates: Sendable {
    let pricing: Pricing
    private let known = Mutex<[String: Double?]>([:])

    init(_ pricing: Pricing) {
        self.pricing = pricing
    }

    /// The rate the rates give `name`, nil when they name it not (no default).
    func rate(named name: String) -> Double? {
        if let found = known.withLock({ $0[name] }) { return found }
        let rate = pricing.rates[Terminology.normalize(name)]
        known.withLock { $0[name] = rate }
        return rate
    }
}
