/// A stack with manually managed storage, from which the elements of a
/// finished array or object are *moved* into an exactly sized `Array`.
///
/// Appending to a fresh `Array` per container reallocates it at 1, 2, 4, 8 …
/// elements; parsing into one reused stack and moving each container out
/// once allocates every array exactly once. Non-copyable, so the storage
/// has one owner and is freed (elements included) when the parser ends,
/// also when it ends by throwing.
struct ScratchStack<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Moves the elements from `start` to the top into a new array and
    /// shrinks the stack to `start`.
    mutating func popArray(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        // Moved one by one into reserved capacity: no retain/release, and
        // (unlike `init(unsafeUninitializedCapacity:)`, which is not
        // specialised) no runtime metadata lookup per array.
        var array: [Element] = []
        array.reserveCapacity(moved)
        for index in start..<count {
            array.append((storage + index).move())
        }
        count = start
        return array
    }

    private mutating func grow() {
        storage = moved(storage, count: count, capacity: capacity * 2)
        capacity *= 2
    }
}
