import LaminarTestSupport
import Testing
@testable import LaminarArrow

/// Random arrays and random slices, with every kernel checked against a plain Swift computation over `[T?]`.
@Suite struct PropertyTests {
    static let seeds: [UInt64] = Array(1...25)

    private func randomInts(_ rng: inout SeededGenerator, count: Int) -> [Int32?] {
        (0..<count).map { _ in
            Int.random(in: 0..<5, using: &rng) == 0 ? nil : Int32.random(in: -1000...1000, using: &rng)
        }
    }

    private func randomStrings(_ rng: inout SeededGenerator, count: Int) -> [String?] {
        (0..<count).map { _ in
            Int.random(in: 0..<6, using: &rng) == 0
                ? nil : String((0..<Int.random(in: 0...6, using: &rng)).map { _ in "abcé".randomElement(using: &rng) ?? "a" })
        }
    }

    /// A random sub-range, so kernels also see offsets that are not byte-aligned.
    private func randomSlice(_ count: Int, _ rng: inout SeededGenerator) -> Range<Int> {
        let start = Int.random(in: 0...count, using: &rng)
        return start..<Int.random(in: start...count, using: &rng)
    }

    @Test(arguments: seeds) func slicesAndKernelsMatchReference(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let count = Int.random(in: 0...300, using: &rng)
        let a = randomInts(&rng, count: count)
        let bb = randomInts(&rng, count: count)
        let range = randomSlice(a.count, &rng)
        let left = Int32Array(a).slice(range)
        let right = Int32Array(bb).slice(range)
        let refA = Array(a[range])
        let refB = Array(bb[range])

        #expect(left.values == refA)
        #expect(left.nullCount == refA.filter { $0 == nil }.count)

        let less = try Compute.compare(left, .less, right)
        #expect(less.values == zip(refA, refB).map { x, y in x.flatMap { x in y.map { x < $0 } } })

        let sum = try Compute.arithmetic(left, .add, right)
        #expect(sum.scalars == zip(refA, refB).map { x, y in
            if let x, let y { return ScalarValue.int32(x + y) }
            return ScalarValue.null
        })

        let mask = BooleanArray(refA.map { $0.map { $0 % 2 == 0 } })
        let filtered = try Compute.filter(left, mask: mask)
        #expect(filtered.scalars == refA.compactMap { $0 }.filter { $0 % 2 == 0 }.map { .int32($0) })

        let indices = (0..<refA.count).map { _ in Int.random(in: 0..<max(refA.count, 1), using: &rng) }.filter { $0 < refA.count }
        let taken = try Compute.take(left, indices: indices)
        #expect((taken as? Int32Array)?.values == indices.map { refA[$0] })

        let stats = Compute.statistics(left)
        let present = refA.compactMap { $0 }
        #expect(stats.min == present.min().map { .int32($0) })
        #expect(stats.max == present.max().map { .int32($0) })

        let widened = try Compute.cast(left, to: .int64)
        #expect(widened.scalars == refA.map { $0.map { .int64(Int64($0)) } ?? .null })
        let text = try Compute.cast(left, to: .utf8)
        #expect(try Compute.cast(text, to: .int32).scalars == left.scalars)

        let split = Int.random(in: 0...refA.count, using: &rng)
        let rejoined = try Compute.concatenate([left.slice(0..<split), left.slice(split..<refA.count)])
        #expect(Compute.equals(rejoined, left))

        let hashes = try Compute.hashRows([left])
        for i in 0..<refA.count { for j in 0..<refA.count where refA[i] == refA[j] { #expect(hashes[i] == hashes[j]) } }
    }

    @Test(arguments: seeds) func stringAndBooleanKernelsMatchReference(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed &* 7919)
        let count = Int.random(in: 0...200, using: &rng)
        let strings = randomStrings(&rng, count: count)
        let bools: [Bool?] = (0..<count).map { _ in
            Int.random(in: 0..<4, using: &rng) == 0 ? nil : Bool.random(using: &rng)
        }
        let range = randomSlice(count, &rng)
        let s = StringArray(strings).slice(range)
        let m = BooleanArray(bools).slice(range)
        let refS = Array(strings[range])
        let refM = Array(bools[range])

        #expect(s.values == refS)
        #expect(m.values == refM)
        #expect(m.trueCount == refM.filter { $0 == true }.count)
        let filtered = try Compute.filter(s, mask: m)
        #expect((filtered as? StringArray)?.values == zip(refS, refM).filter { $1 == true }.map(\.0))
        let greater = try Compute.compare(s, .greater, .utf8("b"))
        #expect(greater.values == refS.map { $0.map { Array($0.utf8).lexicographicallyPrecedes(Array("b".utf8)) == false && $0 != "b" } })
        let negated = Compute.not(m)
        #expect(negated.values == refM.map { $0.map { !$0 } })
        let stats = Compute.statistics(s)
        let present = refS.compactMap { $0 }
        #expect(stats.min == present.min { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { .utf8($0) })
        let taken = try Compute.take(s, indices: Array((0..<refS.count).reversed()))
        #expect((taken as? StringArray)?.values == refS.reversed())
    }
}
