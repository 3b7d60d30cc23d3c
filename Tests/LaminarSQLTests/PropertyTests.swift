import LaminarSQL
import Testing

@Suite struct PropertyTests {
    @Test(arguments: 0..<8)
    func randomStatementsRoundTrip(batch: Int) throws {
        var generator = ASTGenerator(seed: 0x5EED_0000 + UInt64(batch))
        for index in 0..<250 {
            let tree = generator.statement()
            let printed = tree.sql
            do {
                let reparsed = try Parser.parseStatement(printed)
                #expect(reparsed == tree, "batch \(batch) case \(index): \(printed)")
                #expect(reparsed.sql == printed)
            } catch {
                Issue.record("batch \(batch) case \(index) does not parse:\n\(error.description)\n\(printed)")
            }
        }
    }

    @Test func randomExpressionsRoundTrip() throws {
        var generator = ASTGenerator(seed: 42)
        for index in 0..<2000 {
            let tree = generator.expression()
            let printed = tree.sql
            do {
                #expect(try Parser.parseExpression(printed) == tree, "case \(index): \(printed)")
            } catch {
                Issue.record("case \(index) does not parse:\n\(error.description)\n\(printed)")
            }
        }
    }

    @Test func randomTypesRoundTrip() throws {
        var generator = ASTGenerator(seed: 7)
        for _ in 0..<500 {
            let type = generator.type()
            #expect(try Parser.parseType(type.sql) == type, "\(type.sql)")
        }
    }
}
