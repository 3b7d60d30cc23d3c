import LaminarSQL
import Testing

/// Hostile input must only ever parse or throw; a crash fails the whole test process.
@Suite struct FuzzTests {
    /// Any outcome is fine as long as errors are well formed.
    func survive(_ sql: String) {
        do {
            let statements = try Parser.parseScript(sql)
            // Whatever parses must print to something that parses back the same.
            #expect(try Parser.parseScript(statements.sql) == statements, "\(sql)")
        } catch {
            #expect(error.location.line >= 1)
            #expect(error.location.column >= 1)
            #expect(!error.description.isEmpty)
        }
    }

    @Test func randomBytes() {
        var random = SeededGenerator(seed: 1)
        let alphabet = Array("SELECT FROM WHERE ( ) , ; ' \" -- /* */ * + - :: || < > = ! . 1 2.5e a b NOT IN AND OR CASE WHEN END \n\t".utf8)
        for _ in 0..<1500 {
            let length = Int.random(in: 0...60, using: &random)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                bytes.append(Bool.random(using: &random) ? UInt8.random(in: 0...255, using: &random) : alphabet.randomElement(using: &random) ?? 0)
            }
            survive(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func truncationsAndMutationsOfValidStatements() {
        var random = SeededGenerator(seed: 2)
        var generator = ASTGenerator(seed: 3)
        let seeds = [StatementTests.seed] + (0..<40).map { _ in generator.statement().sql }
        let junk = ["(", ")", "'", "\"", ",", ";", "SELECT", "NOT", "::", "--", "/*", "WITH", "=", "AS", "JOIN", "ü", "\0"]
        for text in seeds {
            let bytes = Array(text.utf8)
            for cut in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 40)) {
                survive(String(decoding: bytes[..<cut], as: UTF8.self))
            }
            for _ in 0..<40 {
                var mutated = bytes
                let position = Int.random(in: 0...mutated.count, using: &random)
                switch Int.random(in: 0...2, using: &random) {
                case 0 where position < mutated.count: mutated.remove(at: position)
                case 1: mutated.insert(contentsOf: Array((junk.randomElement(using: &random) ?? "(").utf8), at: position)
                default:
                    if position < mutated.count { mutated[position] = UInt8.random(in: 0...255, using: &random) }
                }
                survive(String(decoding: mutated, as: UTF8.self))
            }
        }
    }
}
