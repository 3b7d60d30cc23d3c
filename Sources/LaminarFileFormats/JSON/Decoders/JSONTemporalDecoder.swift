import LaminarArrow

/// Reads dates, times and timestamps from ISO 8601 strings (the `Temporal` parsers `CAST` uses) or from
/// integers, which are taken as days since the epoch for date32 and as ticks of the field's unit otherwise:
/// the form Arrow itself stores, and what `to_json` writers emit for epoch times.
final class JSONTemporalDecoder: JSONValueDecoder {
    private enum Storage {
        case days(PrimitiveBuilder<Int32>)
        case ticks(PrimitiveBuilder<Int64>)
    }

    let field: Field
    let path: String
    private let storage: Storage

    init(field: Field, path: String, days: PrimitiveBuilder<Int32>) {
        self.field = field
        self.path = path
        storage = .days(days)
    }

    init(field: Field, path: String, ticks: PrimitiveBuilder<Int64>) {
        self.field = field
        self.path = path
        storage = .ticks(ticks)
    }

    func decodeValue(_ scanner: inout JSONScanner) throws(FileFormatError) {
        let start = scanner.position
        let value: Int64?
        if scanner.peek == UInt8(ascii: "\"") {
            let string = try scanner.string()
            let text = scanner.withStringBytes(string.content, escaped: string.escaped) {
                String(decoding: $0, as: UTF8.self)
            }
            value = parse(text)
        } else if let kind = scanner.valueKindName, kind == "number" {
            let number = try scanner.number()
            value = number.isInteger ? ByteParsing.int64(UnsafeBufferPointer(rebasing: scanner.bytes[number.range])) : nil
        } else {
            throw mismatch(&scanner)
        }
        let range = start..<scanner.position
        switch storage {
        case .days(let builder):
            guard let days = value.flatMap({ Int32(exactly: $0) }) else { throw conversionError(scanner, range) }
            builder.append(days)
        case .ticks(let builder):
            guard let value else { throw conversionError(scanner, range) }
            builder.append(value)
        }
    }

    private func parse(_ text: String) -> Int64? {
        switch field.type {
        case .date32:
            if let days = Temporal.parseDate(text) { return Int64(days) }
            // A timestamp names its day, as a timestamp literal cast to DATE does in DuckDB and Spark.
            return Temporal.parseTimestamp(text, unit: .second).map {
                Temporal.floorDivide($0.ticks, Temporal.secondsPerDay).quotient
            }
        case .time64(let unit): return Temporal.parseTime(text, unit: unit)
        case .timestamp(let unit, _): return Temporal.parseTimestamp(text, unit: unit)?.ticks
        default: return nil
        }
    }

    func appendNullValue() {
        switch storage {
        case .days(let builder): builder.appendNull()
        case .ticks(let builder): builder.appendNull()
        }
    }
}
