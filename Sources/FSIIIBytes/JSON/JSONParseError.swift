/// Why a JSON text was rejected, and where.
///
/// `line` and `column` are 1-based and point at the offending byte (or just
/// past the last byte for an unexpected end of input). Lines end at LF, CRLF
/// or a lone CR; columns count Unicode scalars, so "æ" is one column, as an
/// editor shows it. A skipped byte order mark takes no column.
package struct JSONParseError: Error, CustomStringConvertible, Sendable, Equatable {
    /// 1-based line of the offending byte.
    package var line: Int
    /// 1-based column (in Unicode scalars) of the offending byte.
    package var column: Int
    /// What is wrong, in words a user can act on.
    package var message: String

    package init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 7: expected ':' after object key`.
    package var description: String { "line \(line), column \(column): \(message)" }
}
