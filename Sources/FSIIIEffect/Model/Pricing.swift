/// How cost rows are priced: an amount as given; hours × the rate of the
/// service; else hours × the `--hourly-rate` default (SPEC §3).
package struct Pricing: Sendable {
    /// kr per hour, by normalised service name.
    package var rates: [String: Double]
    /// `--hourly-rate`, used for services without a rate.
    package var defaultRate: Double?

    package init(rates: [String: Double] = [:], defaultRate: Double? = nil) {
        self.rates = rates
        self.defaultRate = defaultRate
    }

    /// The hourly rate of a service, nil when neither the rates nor the default price it.
    package func rate(for service: String) -> Double? {
        rates[Terminology.normalize(service)] ?? defaultRate
    }
}
