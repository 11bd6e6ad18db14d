/// Writes generated data as KL Gateway delivery reports (SPEC §9).
public enum SampleFHIRWriter {
    public struct Summary: Sendable {
        public var citizens = 0
        public var reports = 0
        public var bytes = 0
    }

    public static func write(_ generator: SampleGenerator, to folder: String) throws -> Summary {
        throw SampleWriterError(message: "KL Gateway output is not available in this build yet")
    }
}

struct SampleWriterError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
