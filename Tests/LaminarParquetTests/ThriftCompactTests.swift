import Foundation
import LaminarTestSupport
import Testing
@testable import LaminarParquet

@Suite struct ThriftCompactTests {
    /// A struct exercising every value type, short and long field-id deltas, a nested struct, a list and a map.
    private func sampleMessage() -> [UInt8] {
        var writer = CompactWriter()
        writer.beginStruct()
        writer.writeBoolField(1, true)
        writer.writeI32Field(2, -123_456)
        writer.writeI64Field(3, .min)
        writer.writeStringField(4, "héllo")
        writer.writeDoubleField(5, -2.5)
        writer.writeFieldHeader(40, .struct)  // delta > 15: long form
        writer.beginStruct()
        writer.writeBoolField(1, false)
        writer.writeI64Field(2, 7)
        writer.endStruct()
        writer.writeFieldHeader(41, .list)
        writer.writeListHeader(.i32, count: 20)
        for value in 0..<20 { writer.writeI32(Int32(value) * 1000 - 5000) }
        writer.writeFieldHeader(42, .map)
        writer.writeMapHeader(keyType: .binary, valueType: .i64, count: 2)
        writer.writeString("a")
        writer.writeI64(1)
        writer.writeString("b")
        writer.writeI64(-1)
        writer.writeFieldHeader(43, .list)
        writer.writeListHeader(.booleanTrue, count: 2)
        writer.writeBool(true)
        writer.writeBool(false)
        writer.writeFieldHeader(30, .i32)  // ids may go down: negative delta uses the long form
        writer.writeI32(Int32.max)
        writer.endStruct()
        return writer.bytes
    }

    @Test func roundTripsEveryType() throws {
        var reader = CompactReader(sampleMessage())
        try reader.beginStruct()
        var seen: [Int16] = []
        while let (id, type) = try reader.readFieldHeader() {
            seen.append(id)
            switch id {
            case 1: #expect(try reader.readBool() == true)
            case 2: #expect(try reader.readI32() == -123_456)
            case 3: #expect(try reader.readI64() == .min)
            case 4: #expect(try reader.readString() == "héllo")
            case 5: #expect(try reader.readDouble() == -2.5)
            case 40:
                try reader.beginStruct()
                #expect(try reader.readFieldHeader()?.id == 1)
                #expect(try reader.readBool() == false)
                #expect(try reader.readFieldHeader()?.id == 2)
                #expect(try reader.readI64() == 7)
                #expect(try reader.readFieldHeader() == nil)
                reader.endStruct()
            case 41:
                let (elementType, count) = try reader.readListHeader()
                #expect(elementType == .i32 && count == 20)
                var values: [Int32] = []
                for _ in 0..<count { values.append(try reader.readI32()) }
                let expected: [Int32] = (0..<20).map { (value: Int) -> Int32 in Int32(value) * 1000 - 5000 }
                #expect(values == expected)
            case 42:
                let (keyType, valueType, count) = try reader.readMapHeader()
                #expect(keyType == .binary && valueType == .i64 && count == 2)
                #expect(try reader.readString() == "a")
                #expect(try reader.readI64() == 1)
                #expect(try reader.readString() == "b")
                #expect(try reader.readI64() == -1)
            case 43:
                let (_, count) = try reader.readListHeader()
                var flags: [Bool] = []
                for _ in 0..<count { flags.append(try reader.readBool()) }
                #expect(flags == [true, false])
            case 30: #expect(try reader.readI32() == .max)
            default: Issue.record("unexpected field \(id) of type \(type)")
            }
        }
        #expect(seen == [1, 2, 3, 4, 5, 40, 41, 42, 43, 30])
        #expect(reader.remaining == 0)
    }

    @Test func skipsWholeMessagesAndUnknownFields() throws {
        let message = sampleMessage()
        var reader = CompactReader(message)
        try reader.skip(.struct)
        #expect(reader.position == message.count)
    }

    @Test func everyTruncationThrowsInsteadOfTrapping() {
        let message = sampleMessage()
        for length in 0..<message.count {
            var reader = CompactReader(Array(message.prefix(length)))
            #expect(throws: ThriftError.self, "prefix of \(length) bytes") { try reader.skip(.struct) }
        }
    }

    @Test func hostileLengthsAndDepthsAreRejected() {
        var huge = CompactReader([0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00])  // binary field, length 2^31 - 1
        #expect(throws: ThriftError.self) { try huge.skip(.struct) }
        var longVarint = CompactReader([0x16] + [UInt8](repeating: 0xFF, count: 12))
        #expect(throws: ThriftError.varintTooLong(offset: 1)) { try longVarint.skip(.struct) }
        let deep = [UInt8](repeating: 0x1C, count: 200)  // struct field inside struct field, 200 levels
        var nested = CompactReader(deep)
        #expect(throws: ThriftError.self) { try nested.skip(.struct) }
        var badType = CompactReader([0x1E])
        #expect(throws: ThriftError.invalidType(offset: 0, code: 0x0E)) { try badType.skip(.struct) }
    }

    @Test func randomGarbageNeverTraps() {
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let length = Int(state >> 58)
            let seed = state
            let garbage: [UInt8] = (0..<length).map { index in
                UInt8(truncatingIfNeeded: (seed >> UInt64(index % 56)) &+ UInt64(index))
            }
            var reader = CompactReader(garbage)
            _ = try? reader.skip(.struct)
        }
    }

    /// Parquet footers are Thrift compact `FileMetaData`: skipping one written by Spark must consume it exactly.
    @Test func skipsRealParquetFooters() throws {
        let folder = InteropEnvironment.goldenTables.appendingPathComponent("delta/simple_table_with_checkpoint")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".parquet") }
        #expect(!files.isEmpty)
        for name in files {
            let data = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(Array(data.suffix(4)) == Array("PAR1".utf8))
            let lengthBytes = Array(data.suffix(8).prefix(4))
            var footerLength = 0
            for byte in lengthBytes.reversed() { footerLength = footerLength << 8 | Int(byte) }
            let footer = Array(data[(data.count - 8 - footerLength)..<(data.count - 8)])
            var reader = CompactReader(footer)
            try reader.skip(.struct)
            #expect(reader.position == footer.count, "\(name)")
        }
    }
}
