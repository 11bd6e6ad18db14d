/// Why a JSON text was rejected, and where.
///
/// `line` and `column` are 1-based and point at the offending byte (or just
/// past the last byte for an unexpected end of input). Lines end at LF, CRLF
/// or a lone CR; columns count Unicode scalars, so "æ" is one column, as an
/// editor shows it. A skipped byte order mark takes no column.
public struct JSONParseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// 1-based line of the offending byte.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the offending byte.
    public var column: Int
    /// What is wrong, in words a user can act on.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 7: expected ':' after object key`.
    public var description: String { "line \(line), column \(column): \(message)" }
}
