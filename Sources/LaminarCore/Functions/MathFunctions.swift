import Foundation
import LaminarArrow

/// `abs`, `round`, `floor`, `ceil`, `sqrt`, `power`, `ln`, `log10`, `log2`, `exp`, `sign`, `pi`.
///
/// Integer inputs keep an integer result where DuckDB keeps one (`abs`, `round`, `floor`, `ceil`, `sign`);
/// everything else computes in double precision.
enum MathFunctions {
    static var all: [ScalarFunction] {
        [
            integerPreserving("abs", integer: { $0 == .min ? nil : Swift.abs($0) }, double: { Swift.abs($0) }),
            integerPreserving("floor", integer: { $0 }, double: { $0.rounded(.down) }),
            integerPreserving("ceil", integer: { $0 }, double: { $0.rounded(.up) }),
            integerPreserving("ceiling", integer: { $0 }, double: { $0.rounded(.up) }),
            integerPreserving("sign", integer: { $0.signum() }, double: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }),
            round(),
            double("sqrt") { $0 < 0 ? nil : $0.squareRoot() },
            double("ln") { $0 <= 0 ? nil : Foundation.log($0) },
            double("log10") { $0 <= 0 ? nil : Foundation.log10($0) },
            double("log2") { $0 <= 0 ? nil : Foundation.log2($0) },
            double("exp") { Foundation.exp($0) },
            double("cbrt") { Foundation.cbrt($0) },
            power("power"), power("pow"),
            ScalarFunction("pi", arity: 0...0, resolve: { _ in ([], .float64) }) { _, _, _ throws(EngineError) in
                .scalar(.float64(Double.pi))
            },
        ]
    }

    private static func double(_ name: String, _ transform: @escaping @Sendable (Double) -> Double?) -> ScalarFunction {
        ScalarFunction(name, arity: 1...1, resolve: { _ in ([.float64], .float64) }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                FunctionLoops.mapDoubles(try FunctionLoops.doubles(args[0], rows: n), transform)
            }
        }
    }

    private static func integerPreserving(
        _ name: String, integer: @escaping @Sendable (Int64) -> Int64?, double: @escaping @Sendable (Double) -> Double
    ) -> ScalarFunction {
        ScalarFunction(name, arity: 1...1, resolve: { types in
            types[0].isInteger ? ([.int64], .int64) : ([.float64], .float64)
        }) { args, rows, types throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) -> any ArrowArray in
                if types[0] == .int64 {
                    let input = try FunctionLoops.int64s(args[0], rows: n)
                    let builder = PrimitiveBuilder<Int64>(capacity: n)
                    for row in 0..<n {
                        guard input.isValid(row) else { builder.appendNull(); continue }
                        guard let value = integer(input.value(at: row)) else {
                            throw .execution("\(name)(\(input.value(at: row))) is out of range for bigint")
                        }
                        builder.append(value)
                    }
                    return builder.finishTyped()
                }
                return FunctionLoops.mapDoubles(try FunctionLoops.doubles(args[0], rows: n), double)
            }
        }
    }

    /// `round(x[, digits])`, rounding half away from zero like DuckDB.
    private static func round() -> ScalarFunction {
        ScalarFunction("round", arity: 1...2, resolve: { types in
            if types.count == 1, types[0].isInteger { return ([.int64], .int64) }
            return types.count == 1 ? ([.float64], .float64) : ([.float64, .int64], .float64)
        }) { args, rows, types throws(EngineError) in
            if types[0] == .int64 { return args[0] }
            return try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let values = try FunctionLoops.doubles(args[0], rows: n)
                let digits = args.count > 1 ? try FunctionLoops.int64s(args[1], rows: n) : nil
                let builder = PrimitiveBuilder<Double>(capacity: n)
                for row in 0..<n {
                    guard values.isValid(row), digits?.isValid(row) ?? true else { builder.appendNull(); continue }
                    let scale = Foundation.pow(10.0, Double(digits?.value(at: row) ?? 0))
                    let value = values.value(at: row)
                    let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
                    builder.append(rounded.isFinite ? rounded : value)
                }
                return builder.finishTyped()
            }
        }
    }

    private static func power(_ name: String) -> ScalarFunction {
        ScalarFunction(name, arity: 2...2, resolve: { _ in ([.float64, .float64], .float64) }) { args, rows, _ throws(EngineError) in
            try FunctionLoops.run(args, rows: rows) { (n: Int) throws(EngineError) in
                let base = try FunctionLoops.doubles(args[0], rows: n)
                let exponent = try FunctionLoops.doubles(args[1], rows: n)
                let builder = PrimitiveBuilder<Double>(capacity: n)
                for row in 0..<n {
                    guard base.isValid(row), exponent.isValid(row) else { builder.appendNull(); continue }
                    builder.append(Foundation.pow(base.value(at: row), exponent.value(at: row)))
                }
                return builder.finishTyped()
            }
        }
    }
}
