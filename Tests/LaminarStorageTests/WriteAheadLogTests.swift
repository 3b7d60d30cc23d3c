import Foundation
import LaminarArrow
import LaminarStorage
import LaminarTestSupport
import Testing

@Suite struct WriteAheadLogTests {
    private let schema = Schema([Field(name: "id", type: .int64)])

    private func batch(_ ids: [Int64]) throws -> RecordBatch {
        try RecordBatch(schema: schema, columns: [Int64Array(values: ids)])
    }

    @Test func concurrentAppendsGetDistinctOrderedSequenceNumbersAndReplay() async throws {
        let directory = try TemporaryDirectory()
        let log = try WriteAheadLog(directory: directory.path, segmentBytes: 4096)
        let lsns = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for producer in 0..<8 {
                group.addTask {
                    var mine: [Int64] = []
                    for index in 0..<25 { mine.append(try await log.append(try batch([Int64(producer * 1000 + index)]))) }
                    return mine
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(lsns.sorted() == Array(1...200))
        #expect(log.lastLSN == 200)
        let reopened = try WriteAheadLog(directory: directory.path, segmentBytes: 4096)
        let records = try await reopened.records(after: 150)
        #expect(records.map(\.lsn) == Array(151...200))
        #expect(records.allSatisfy { $0.batch.rowCount == 1 })
    }

    @Test func aTornTailIsCutOffOnOpen() async throws {
        let directory = try TemporaryDirectory()
        let log = try WriteAheadLog(directory: directory.path)
        for value in 0..<3 { _ = try await log.append(try batch([Int64(value)])) }
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".log") })
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.file(segment)))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0x40, 0, 0, 0, 1, 2, 3, 4, 5, 6]))
        try handle.close()
        let reopened = try WriteAheadLog(directory: directory.path)
        #expect(reopened.lastLSN == 3)
        let next = try await reopened.append(try batch([99]))
        #expect(next == 4)
        let replayed = try await reopened.records(after: 0)
        #expect(replayed.map(\.lsn) == [1, 2, 3, 4])
        #expect(replayed.last?.batch.columns[0].scalar(at: 0) == .int64(99))
    }

    @Test func truncationDropsOnlySegmentsBehindTheCheckpoint() async throws {
        let directory = try TemporaryDirectory()
        let log = try WriteAheadLog(directory: directory.path, segmentBytes: 1)
        for value in 0..<10 { _ = try await log.append(try batch([Int64(value)])) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 10)
        try log.truncate(through: 6)
        let replayable = try await log.records(after: 0).map(\.lsn)
        #expect(replayable == [7, 8, 9, 10])
    }
}

@Suite struct WriteAheadLogConsumerTests {
    @Test func everyRecordedConsumerHoldsBackTruncationUntilForgotten() async throws {
        let directory = try TemporaryDirectory()
        let schema = Schema([Field(name: "id", type: .int64)])
        let log = try WriteAheadLog(directory: directory.path, segmentBytes: 1)
        for value in 0..<10 { _ = try await log.append(try RecordBatch(schema: schema, columns: [Int64Array(values: [Int64(value)])])) }
        try log.commit(consumer: "slow_sink", through: 3)
        try log.commit(consumer: "fast_sink", through: 8)
        #expect(try await log.records(after: 0).map(\.lsn) == Array(4...10))
        // A restarted process knows both consumers from disk, even before either is attached again.
        let reopened = try WriteAheadLog(directory: directory.path, segmentBytes: 1)
        try reopened.commit(consumer: "fast_sink", through: 9)
        #expect(try await reopened.records(after: 0).map(\.lsn) == Array(4...10))
        reopened.forget(consumer: "slow_sink")
        try reopened.commit(consumer: "fast_sink", through: 9)
        #expect(try await reopened.records(after: 0).map(\.lsn) == [10])
    }
}
