import Foundation

/// The hourly rate of a service name as `--rates` gives it (SPEC §3: names
/// match after SPEC §2 normalisation), remembered per name: a run prices
/// hundreds of thousands of visits of a handful of services, and
/// normalising a name each time would dominate the import. Shared by the
/// threads reading reports, behind a lock.
///
/// The lock is an `NSLock` (a pthread mutex), not `Synchronization.Mutex`:
/// on Linux `Mutex` waits with raw futex calls that ThreadSanitizer does not
/// see, so CI's TSan job reported the cache as an access race although it
/// was locked. The state is only touched inside `lock.withLock`, which is
/// what makes the `@unchecked Sendable` true.
final class ServiceRates: @unchecked Sendable {
    let pricing: Pricing
    private let lock = NSLock()
    private var known: [String: Double?] = [:]

    init(_ pricing: Pricing) {
        self.pricing = pricing
    }

    /// The rate the rates give `name`, nil when they name it not (no default).
    func rate(named name: String) -> Double? {
        if let found = lock.withLock({ known[name] }) { return found }
        let rate = pricing.rates[Terminology.normalize(name)]
        lock.withLock { known[name] = rate }
        return rate
    }
}
