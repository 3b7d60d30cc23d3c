import LaminarArrow

/// Collects one schema column of a CSV batch and converts it to the column's type.
///
/// Strings go straight into a `StringBuilder`; int64 and float64, the bulk of numeric CSV data, are parsed
/// from the bytes as they arrive; every other type is gathered as text and converted once per batch by
/// `Compute.cast`, so the reader accepts exactly what SQL's `CAST` accepts. A fast-path miss falls back to
/// `Compute.cast` on that one value, which keeps the two paths' semantics identical.
final class CSVColumnBuilder {
    private enum Storage {
        case text(StringBuilder)
        case int64(PrimitiveBuilder<Int64>)
        case float64(PrimitiveBuilder<Double>)
    }

    let field: Field
    let source: String
    private let storage: Storage
    /// Bytes appended to a text builder; checked so the 32-bit offsets never overflow (which would trap).
    private var textBytes = 0

    init(field: Field, source: String, capacity: Int) {
        self.field = field
        self.source = source
        switch field.type {
        case .int64: storage = .int64(PrimitiveBuilder<Int64>(type: .int64, capacity: capacity))
        case .float64: storage = .float64(PrimitiveBuilder<Double>(type: .float64, capacity: capacity))
        default: storage = .text(StringBuilder(capacity: capacity))
        }
    }

    /// Whether `Compute.cast` can turn text into `type`; checked once, when the reader is created.
    static func supports(_ type: DataType) -> Bool {
        if type == .utf8 { return true }
        do {
            _ = try Compute.cast(StringArray([]), to: type)
            return true
        } catch {
            return false
        }
    }

    func append(_ value: UnsafeBufferPointer<UInt8>, line: Int) throws(FileFormatError) {
        switch storage {
        case .text(let builder):
            textBytes += value.count
            guard textBytes <= Int(Int32.max) else {
                throw FileFormatError(.tooLarge("more than 2 GiB of text in one batch; use a smaller batch size"),
                                      source: source, line: line, column: field.name)
            }
            builder.append(bytes: UnsafeRawBufferPointer(value))
        case .int64(let builder):
            if let parsed = ByteParsing.int64(ByteParsing.trimmed(value)) {
                builder.append(parsed)
            } else if case .int64(let parsed) = try castSingle(value, line: line) {
                builder.append(parsed)
            } else {
                throw conversionError(value, line: line)
            }
        case .float64(let builder):
            let trimmed = ByteParsing.trimmed(value)
            if ByteParsing.isDecimalLiteral(trimmed), let parsed = Double(String(decoding: trimmed, as: UTF8.self)) {
                builder.append(parsed)
            } else if case .float64(let parsed) = try castSingle(value, line: line) {
                builder.append(parsed)
            } else {
                throw conversionError(value, line: line)
            }
        }
    }

    func appendNull(line: Int) throws(FileFormatError) {
        guard field.isNullable else {
            throw FileFormatError(.unexpectedNull(expected: field.type.description), source: source, line: line,
                                  column: field.name)
        }
        switch storage {
        case .text(let builder): builder.appendNull()
        case .int64(let builder): builder.appendNull()
        case .float64(let builder): builder.appendNull()
        }
    }

    /// The column of the batch; `lines[row]` is where each row started, for conversion errors.
    func finish(lines: [Int]) throws(FileFormatError) -> any ArrowArray {
        switch storage {
        case .int64(let builder): return builder.finish()
        case .float64(let builder): return builder.finish()
        case .text(let builder):
            let strings = builder.finishTyped()
            textBytes = 0
            if field.type == .utf8 { return strings }
            do {
                return try Compute.cast(strings, to: field.type)
            } catch {
                throw translate(error, lines: lines)
            }
        }
    }

    /// One value through `Compute.cast`, for the rare text the fast paths do not read (`1e3` into int64,
    /// `infinity` into float64); its error, if any, is the one the whole-batch cast would give.
    private func castSingle(_ value: UnsafeBufferPointer<UInt8>, line: Int) throws(FileFormatError) -> ScalarValue {
        let text = String(decoding: value, as: UTF8.self)
        do {
            return try Compute.cast(StringArray([text]), to: field.type).scalar(at: 0)
        } catch {
            throw conversionError(value, line: line)
        }
    }

    private func conversionError(_ value: UnsafeBufferPointer<UInt8>, line: Int) -> FileFormatError {
        FileFormatError(.conversion(expected: field.type.description, found: ByteParsing.snippet(value)),
                        source: source, line: line, column: field.name)
    }

    private func translate(_ error: ArrowError, lines: [Int]) -> FileFormatError {
        if case .parse(let row, let value, let expected) = error {
            let shown = Array(value.utf8).withUnsafeBufferPointer { ByteParsing.snippet($0) }
            return FileFormatError(.conversion(expected: expected, found: shown), source: source,
                                   line: lines.indices.contains(row) ? lines[row] : nil, column: field.name)
        }
        return FileFormatError(.conversion(expected: field.type.description, found: error.description),
                               source: source, column: field.name)
    }
}
