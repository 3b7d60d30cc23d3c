import Foundation
import LaminarArrow

/// `lower`, `upper`, `length`, `trim`, `substr`, `concat`, `replace`, `left`, `right`, `starts_with`,
/// `contains`, `strpos`, `reverse`: DuckDB's names and semantics (1-based positions, characters not bytes).
enum StringFunctions {
    static var all: [ScalarFunction] {
        [
            map("lower") { $0.lowercased() },
            map("upper") { $0.uppercased() },
            map("trim") { String($0.trimmingCharacters(" ")) },
            map("ltrim") { String($0.drop { $0 == " " }) },
            map("rtrim") { String($0.reversed().drop { $0 == " " }.reversed()) },
            map("reverse") { String($0.reversed()) },
            length("length"), length("char_length"), length("character_length"),
            substring("substr"), substring("substring"),
            concat(),
            replace(),
            side("left", fromStart: true), side("right", fromStart: false),
            predicate("starts_with") { $0.hasPrefix($1) },
            predicate("ends_with") { $0.hasSuffix($1) },
            predicate("contains") { $1.isEmpty || $0.contains($1) },
            strpos(),
        ]
    }

    private static func stringArguments(_ count: Int) -> ScalarFunction.Resolver {
        { types in types.count == count ? (Array(repeating: .utf8, count: count), .utf8) : nil }
    }

    private static func map(_ name: String, _ transform: @escaping @Sendable (String) -> String) -> ScalarFunction {
        ScalarFunction(name, arity: 1...1, resolve: stringArguments(1)) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                FunctionLoops.mapStrings(try FunctionLoops.strings(args[0], rows: n), transform)
            }
        }
    }

    private static func length(_ name: String) -> ScalarFunction {
        ScalarFunction(name, arity: 1...1, resolve: { _ in ([.utf8], .int64) }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let input = try FunctionLoops.strings(args[0], rows: n)
                let builder = PrimitiveBuilder<Int64>(capacity: n)
                for row in 0..<n {
                    guard input.isValid(row) else { builder.appendNull(); continue }
                    builder.append(Int64(input.value(at: row).unicodeScalars.count))
                }
                return builder.finishTyped()
            }
        }
    }

    /// `substr(s, start[, length])`: positions count from 1; a start before 1 shortens the result as in DuckDB.
    private static func substring(_ name: String) -> ScalarFunction {
        ScalarFunction(name, arity: 2...3, resolve: { types in
            types.count == 2 ? ([.utf8, .int64], .utf8) : ([.utf8, .int64, .int64], .utf8)
        }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let text = try FunctionLoops.strings(args[0], rows: n)
                let starts = try FunctionLoops.int64s(args[1], rows: n)
                let lengths = args.count > 2 ? try FunctionLoops.int64s(args[2], rows: n) : nil
                let builder = StringBuilder(capacity: n)
                for row in 0..<n {
                    guard text.isValid(row), starts.isValid(row), lengths?.isValid(row) ?? true else {
                        builder.appendNull()
                        continue
                    }
                    let scalars = Array(text.value(at: row).unicodeScalars)
                    // Positions are any BIGINT the query gives: compute the range without overflowing.
                    let start = starts.value(at: row)
                    var from = start == .min ? start : start - 1
                    var end = Int64(scalars.count)
                    if let lengths {
                        let (sum, overflow) = from.addingReportingOverflow(lengths.value(at: row))
                        end = overflow ? (lengths.value(at: row) > 0 ? .max : .min) : sum
                    }
                    if from < 0 { from = 0 }
                    end = min(end, Int64(scalars.count))
                    var view = String.UnicodeScalarView()
                    if from < end { view.append(contentsOf: scalars[Int(from)..<Int(end)]) }
                    builder.append(String(view))
                }
                return builder.finishTyped()
            }
        }
    }

    /// `concat(a, b, ...)` skips nulls, as DuckDB and PostgreSQL do (`||` does not: the planner maps it
    /// to this function wrapped in a null check).
    private static func concat() -> ScalarFunction {
        ScalarFunction("concat", arity: 1...64, resolve: { types in
            (Array(repeating: .utf8, count: types.count), .utf8)
        }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                var parts: [StringArray] = []
                for arg in args { parts.append(try FunctionLoops.strings(arg, rows: n)) }
                let builder = StringBuilder(capacity: n)
                for row in 0..<n {
                    var text = ""
                    for part in parts where part.isValid(row) { text += part.value(at: row) }
                    builder.append(text)
                }
                return builder.finishTyped()
            }
        }
    }

    private static func replace() -> ScalarFunction {
        ScalarFunction("replace", arity: 3...3, resolve: stringArguments(3)) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let text = try FunctionLoops.strings(args[0], rows: n)
                let from = try FunctionLoops.strings(args[1], rows: n)
                let to = try FunctionLoops.strings(args[2], rows: n)
                let builder = StringBuilder(capacity: n)
                for row in 0..<n {
                    guard text.isValid(row), from.isValid(row), to.isValid(row) else {
                        builder.appendNull()
                        continue
                    }
                    let pattern = from.value(at: row)
                    let value = text.value(at: row)
                    builder.append(pattern.isEmpty ? value : value.replacingAll(pattern, with: to.value(at: row)))
                }
                return builder.finishTyped()
            }
        }
    }

    private static func side(_ name: String, fromStart: Bool) -> ScalarFunction {
        ScalarFunction(name, arity: 2...2, resolve: { _ in ([.utf8, .int64], .utf8) }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let text = try FunctionLoops.strings(args[0], rows: n)
                let counts = try FunctionLoops.int64s(args[1], rows: n)
                let builder = StringBuilder(capacity: n)
                for row in 0..<n {
                    guard text.isValid(row), counts.isValid(row) else { builder.appendNull(); continue }
                    let scalars = Array(text.value(at: row).unicodeScalars)
                    let wanted = counts.value(at: row)
                    let keep = wanted >= 0 ? min(Int(clamping: wanted), scalars.count)
                        : max(0, scalars.count - Int(clamping: wanted.magnitude))
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: fromStart ? scalars.prefix(keep) : scalars.suffix(keep))
                    builder.append(String(view))
                }
                return builder.finishTyped()
            }
        }
    }

    private static func predicate(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool) -> ScalarFunction {
        ScalarFunction(name, arity: 2...2, resolve: { _ in ([.utf8, .utf8], .boolean) }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let text = try FunctionLoops.strings(args[0], rows: n)
                let other = try FunctionLoops.strings(args[1], rows: n)
                let builder = BooleanBuilder(capacity: n)
                for row in 0..<n {
                    guard text.isValid(row), other.isValid(row) else { builder.appendNull(); continue }
                    builder.append(test(text.value(at: row), other.value(at: row)))
                }
                return builder.finishTyped()
            }
        }
    }

    /// `strpos(s, needle)`: 1-based character position of the first match, 0 when absent.
    private static func strpos() -> ScalarFunction {
        ScalarFunction("strpos", arity: 2...2, resolve: { _ in ([.utf8, .utf8], .int64) }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let text = try FunctionLoops.strings(args[0], rows: n)
                let needle = try FunctionLoops.strings(args[1], rows: n)
                let builder = PrimitiveBuilder<Int64>(capacity: n)
                for row in 0..<n {
                    guard text.isValid(row), needle.isValid(row) else { builder.appendNull(); continue }
                    let haystack = text.value(at: row)
                    let wanted = needle.value(at: row)
                    if wanted.isEmpty { builder.append(Int64(1)); continue }
                    if let range = haystack.range(of: wanted) {
                        builder.append(Int64(haystack.unicodeScalars[..<range.lowerBound].count + 1))
                    } else {
                        builder.append(Int64(0))
                    }
                }
                return builder.finishTyped()
            }
        }
    }
}

extension String {
    func trimmingCharacters(_ character: Character) -> Substring {
        var view = self[...]
        while view.first == character { view = view.dropFirst() }
        while view.last == character { view = view.dropLast() }
        return view
    }

    /// Replaces every non-overlapping occurrence, scanning left to right.
    func replacingAll(_ pattern: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: pattern) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
