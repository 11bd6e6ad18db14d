/// Numbers for keys in order of first appearance: 0 for the first key
/// seen, 1 for the next new one, and so on; a key seen again gets its
/// number back (levels of a coded covariate, domains of the groups).
struct FirstSeenNumbers<Key: Hashable> {
    /// The keys, in number order.
    private(set) var keys: [Key] = []
    private var numbers: [Key: Int32] = [:]

    /// The number of `key`: the next one when it is new.
    mutating func number(_ key: Key) -> Int32 {
        if let n = numbers[key] { return n }
        let n = Int32(keys.count)
        numbers[key] = n
        keys.append(key)
        return n
    }
}
