import Foundation
import LaminarTestSupport
import Testing

/// `laminar parquet` end to end: the built executable runs on files pyarrow writes, and its output is checked
/// against what pyarrow reads from the same file, rendered to JSON by the Python standard library (json, base64,
/// datetime, decimal) following the CLI's documented rules, so nothing on the expected side comes from our code.
@Suite(.serialized) struct ParquetCLITests {
    /// Top-level columns of the sample file, in schema order.
    static let columnNames = [
        "id", "i8", "u64", "f64", "f32", "dec", "day", "tod", "ts_utc", "ts_ntz", "ts_ns", "bin", "fixed", "text",
        "ints", "point", "tags", "codes", "flag",
    ]

    /// Writes the sample file (5 rows in row groups of 3, zstd) and prints, one line per row, the JSON that
    /// `laminar parquet cat` should print for it, computed from `pq.read_table`.
    static let sampleScript = #"""
        import base64, datetime, decimal, json, math, struct, sys
        import pyarrow as pa, pyarrow.parquet as pq

        path = sys.argv[1]
        utc = datetime.timezone.utc
        point = pa.struct([("x", pa.int32()), ("label", pa.string())])
        table = pa.table({
            "id": pa.array([1, -9223372036854775808, None, 4, 5], pa.int64()),
            "i8": pa.array([-128, 127, 0, None, 1], pa.int8()),
            "u64": pa.array([18446744073709551615, 0, None, 7, 9223372036854775808], pa.uint64()),
            "f64": pa.array([1.5, float("nan"), float("inf"), float("-inf"), None], pa.float64()),
            "f32": pa.array([0.1, None, -2.5, 3e38, 1e-7], pa.float32()),
            "dec": pa.array([decimal.Decimal("12.30"), decimal.Decimal("-0.05"), None,
                             decimal.Decimal("-99999999999999999999.99"), decimal.Decimal("0.00")],
                            pa.decimal128(22, 2)),
            "day": pa.array([datetime.date(2024, 1, 2), datetime.date(1969, 12, 31), None,
                             datetime.date(1, 1, 1), datetime.date(9999, 12, 31)], pa.date32()),
            "tod": pa.array([datetime.time(3, 4, 5, 123456), None, datetime.time(0, 0),
                             datetime.time(23, 59, 59, 999999), datetime.time(12, 0, 0, 1)], pa.time64("us")),
            "ts_utc": pa.array([datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=utc), None,
                                datetime.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=utc),
                                datetime.datetime(2000, 1, 1, tzinfo=utc),
                                datetime.datetime(1900, 6, 30, 12, 0, 0, 1, tzinfo=utc)],
                               pa.timestamp("us", tz="UTC")),
            "ts_ntz": pa.array([datetime.datetime(2024, 1, 2, 3, 4, 5, 123000), None,
                                datetime.datetime(1969, 12, 31, 23, 59, 59, 999000),
                                datetime.datetime(2000, 1, 1), datetime.datetime(2038, 1, 19, 3, 14, 8)],
                               pa.timestamp("ms")),
            "ts_ns": pa.array([1, 1_700_000_000_123_456_789, None, -1, -1_000], pa.timestamp("ns")),
            "bin": pa.array([b"\x00\xff\x10", b"", None, b"abcd", bytes(range(256))], pa.binary()),
            "fixed": pa.array([b"\x00\x01\x02\x03", b"abcd", None, b"\xff\xfe\xfd\xfc", b"    "], pa.binary(4)),
            "text": pa.array(['he said "hi",\nthen left', "tab\there back\\slash \x01\x1f", None,
                              "ünïcødé ✓ 🎉 \u2028", ""], pa.string()),
            "ints": pa.array([[1, None, 3], [], None, [4], [None]], pa.list_(pa.int32())),
            "point": pa.array([{"x": 1, "label": "a"}, None, {"x": None, "label": None},
                               {"x": 2, "label": "b,c"}, {"x": -3, "label": "\""}], point),
            "tags": pa.array([[("a", 1), ("b", None)], None, [], [("z", 3)], [("\n", -1)]],
                             pa.map_(pa.string(), pa.int64())),
            "codes": pa.array([[(1, "x")], None, [], [(2, None), (3, "y")], [(-5, "")]],
                              pa.map_(pa.int32(), pa.string())),
            "flag": pa.array([True, False, None, True, False]),
        })
        pq.write_table(table, path, row_group_size=3, compression="zstd")

        def shortest_float32(value):
            # The shortest decimal text that reads back as the same float32, as the CLI prints float columns.
            for digits in range(1, 10):
                text = "%.*g" % (digits, value)
                if struct.unpack("<f", struct.pack("<f", float(text)))[0] == value:
                    return float(text)
            return value

        def render(value, typ):
            if value is None:
                return None
            if pa.types.is_floating(typ):
                if math.isnan(value):
                    return "NaN"
                if math.isinf(value):
                    return "Infinity" if value > 0 else "-Infinity"
                return shortest_float32(value) if typ == pa.float32() else value
            if pa.types.is_decimal(typ):
                return format(value, "f")
            if pa.types.is_date(typ):
                return "%04d-%02d-%02d" % (value.year, value.month, value.day)
            if pa.types.is_time(typ):
                return value.isoformat(timespec="microseconds")
            if pa.types.is_timestamp(typ):
                text = "%04d-%02d-%02dT%s" % (value.year, value.month, value.day,
                                              value.time().isoformat(timespec="microseconds"))
                return text + ("Z" if typ.tz is not None else "")
            if pa.types.is_binary(typ) or pa.types.is_fixed_size_binary(typ):
                return base64.b64encode(value).decode("ascii")
            if pa.types.is_map(typ):
                if pa.types.is_string(typ.key_type):
                    return {k: render(v, typ.item_type) for k, v in value}
                return [{"key": render(k, typ.key_type), "value": render(v, typ.item_type)} for k, v in value]
            if pa.types.is_list(typ):
                return [render(item, typ.value_type) for item in value]
            if pa.types.is_struct(typ):
                return {f.name: render(value[f.name], f.type) for f in typ}
            return value

        def render_nanos(value, typ):
            # datetime stops at microseconds, so nanosecond columns are formatted from their integers: six
            # fraction digits when the value is whole microseconds, else nine.
            if value is None:
                return None
            seconds, nanos = divmod(value, 10**9)
            at = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds)
            fraction = "%06d" % (nanos // 1000) if nanos % 1000 == 0 else "%09d" % nanos
            text = "%04d-%02d-%02dT%02d:%02d:%02d.%s" % (at.year, at.month, at.day, at.hour, at.minute,
                                                         at.second, fraction)
            return text + ("Z" if typ.tz is not None else "")

        read = pq.read_table(path)
        nanos = {f.name for f in read.schema if pa.types.is_timestamp(f.type) and f.type.unit == "ns"}
        plain = pa.table({name: read.column(name).cast(pa.int64()) if name in nanos else read.column(name)
                          for name in read.column_names})
        for row in plain.to_pylist():
            obj = {f.name: (render_nanos if f.name in nanos else render)(row[f.name], f.type) for f in read.schema}
            print(json.dumps(obj, ensure_ascii=True, allow_nan=False))
        """#

    // MARK: Tests

    @Test func jsonLinesMatchWhatPyarrowReads() throws {
        let directory = try TemporaryDirectory()
        let (file, expected) = try Self.writeSample(in: directory)
        #expect(expected.count == 5)
        let result = try Self.laminar(["parquet", "cat", file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = Self.lines(result.stdout)
        #expect(lines.count == expected.count)
        for (index, (line, reference)) in zip(lines, expected).enumerated() {
            let ours = try Self.object(line)
            let theirs = try Self.object(reference)
            #expect(ours == theirs, "row \(index):\nlaminar: \(line)\npyarrow: \(reference)")
            #expect(Self.keyOrder(line, names: Self.columnNames) == Self.columnNames, "row \(index): \(line)")
        }
        // Spelling details an object comparison cannot see (JSONSerialization reads `true` and `1` alike, and
        // 2^64-1 as a double).
        let first = try #require(lines.first)
        #expect(first.contains(#""u64":18446744073709551615,"#))
        #expect(first.contains(#""flag":true}"#))
        #expect(first.contains(#""dec":"12.30""#))
        #expect(first.contains(#""text":"he said \"hi\",\nthen left""#))
        #expect(lines[1].contains(#""f64":"NaN""#))
        #expect(lines[1].contains(#""text":"tab\there back\\slash \u0001\u001f""#))
    }

    @Test func limitStopsAfterTheRowsItNeeds() throws {
        let directory = try TemporaryDirectory()
        let (file, expected) = try Self.writeSample(in: directory)
        let result = try Self.laminar(["parquet", "cat", "--limit", "2", file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = Self.lines(result.stdout)
        #expect(lines.count == 2)
        for (line, reference) in zip(lines, expected) { #expect(try Self.object(line) == Self.object(reference)) }

        // Wreck the second row group's first column chunk: a limit inside the first row group must not read
        // it, and reading everything must fail with a message rather than a crash.
        try InteropEnvironment.runPython("""
            import sys, pyarrow.parquet as pq
            column = pq.ParquetFile(sys.argv[1]).metadata.row_group(1).column(0)
            start = column.dictionary_page_offset or column.data_page_offset
            with open(sys.argv[1], "r+b") as f:
                f.seek(start)
                f.write(b"\\xff" * column.total_compressed_size)
            """, arguments: [file])
        let limited = try Self.laminar(["parquet", "cat", "--limit", "3", file])
        #expect(limited.status == 0, "stderr: \(limited.stderr)")
        #expect(Self.lines(limited.stdout).count == 3)
        let full = try Self.laminar(["parquet", "cat", file])
        #expect(full.status != 0)
        #expect(full.stderr.contains(file) && full.stderr.contains("row group 1"), "stderr: \(full.stderr)")
        #expect(Self.lines(full.stderr).count == 1, "stderr: \(full.stderr)")
    }

    @Test func columnsSelectAndOrder() throws {
        let directory = try TemporaryDirectory()
        let (file, expected) = try Self.writeSample(in: directory)
        let picked = ["text", "id", "point"]
        let result = try Self.laminar(["parquet", "cat", "--columns", picked.joined(separator: ","), file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = Self.lines(result.stdout)
        #expect(lines.count == expected.count)
        for (line, reference) in zip(lines, expected) {
            let ours = try Self.object(line)
            let theirs = try Self.object(reference)
            #expect(Set(ours.allKeys.compactMap { $0 as? String }) == Set(picked))
            for name in picked { #expect((ours[name] as? NSObject) == (theirs[name] as? NSObject), "\(name)") }
            #expect(Self.keyOrder(line, names: picked) == picked, "\(line)")
        }
    }

    @Test func csvHasAHeaderAndOneRecordPerRow() throws {
        let directory = try TemporaryDirectory()
        let (file, _) = try Self.writeSample(in: directory)
        let csvFile = directory.file("out.csv")
        let result = try Self.laminar(["parquet", "cat", "--format", "csv", file])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: csvFile))
        // Python's csv module parses our output; the text column (quotes, commas, newlines, the empty string)
        // must come back as pyarrow reads it, with null as an empty field.
        let report = try InteropEnvironment.runPython("""
            import csv, json, sys, pyarrow.parquet as pq
            with open(sys.argv[2], newline="", encoding="utf-8") as f:
                records = list(csv.reader(f, strict=True))
            texts = pq.read_table(sys.argv[1]).column("text").to_pylist()
            header = records[0]
            column = header.index("text")
            print(json.dumps({
                "header": header,
                "records": len(records) - 1,
                "widths": sorted({len(r) for r in records}),
                "text_matches": [r[column] for r in records[1:]] == [t if t is not None else "" for t in texts],
            }))
            """, arguments: [file, csvFile])
        struct Report: Decodable {
            let header: [String]
            let records: Int
            let widths: [Int]
            let textMatches: Bool
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let parsed = try decoder.decode(Report.self, from: Data(report.utf8))
        #expect(parsed.header == Self.columnNames)
        #expect(parsed.records == 5)
        #expect(parsed.widths == [Self.columnNames.count])
        #expect(parsed.textMatches, "\(result.stdout)")
    }

    @Test func schemaAndMetaDescribeTheFile() throws {
        let directory = try TemporaryDirectory()
        let (file, _) = try Self.writeSample(in: directory)
        let schema = try Self.laminar(["parquet", "schema", file])
        #expect(schema.status == 0, "stderr: \(schema.stderr)")
        #expect(schema.stdout.contains("optional binary text (STRING);"))
        #expect(schema.stdout.contains("optional int64 ts_utc (TIMESTAMP(MICROS,true));"))
        #expect(schema.stdout.contains("ts_utc: timestamp[us, tz=UTC]"))
        let meta = try Self.laminar(["parquet", "meta", file])
        #expect(meta.status == 0, "stderr: \(meta.stderr)")
        #expect(meta.stdout.contains("rows: 5"))
        #expect(meta.stdout.contains("row groups: 2"))
        #expect(meta.stdout.contains("column ts_utc"))
        #expect(meta.stdout.contains("codec: ZSTD"))
        // Bounds of the first row group, decoded: rows 0-2 of `day` and `dec` (see `sampleScript`).
        #expect(meta.stdout.contains("min 1969-12-31, max 2024-01-02"))
        #expect(meta.stdout.contains("min -0.05, max 12.30"))
    }

    @Test func aFileThatIsNotParquetFailsWithAMessageNamingIt() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("notes.parquet")
        try Data("just some text, long enough to hold a footer\n".utf8).write(to: URL(fileURLWithPath: file))
        for command in [["cat"], ["schema"], ["meta"]] {
            let result = try Self.laminar(["parquet"] + command + [file])
            #expect(result.status != 0)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(file), "stderr: \(result.stderr)")
            #expect(result.stderr.contains("not a Parquet file"), "stderr: \(result.stderr)")
            #expect(Self.lines(result.stderr).count == 1, "stderr: \(result.stderr)")
        }
    }

    // MARK: Helpers

    struct MissingExecutable: Error, CustomStringConvertible {
        let description: String
    }

    /// The `laminar` executable SwiftPM built next to this test bundle (`swift build --build-tests` builds it).
    static func executable() throws -> URL {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL { candidates.append(bundle.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(InteropEnvironment.repositoryRoot.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("laminar")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw MissingExecutable(description: "no laminar executable in \(candidates.map(\.path)); "
                                + "build it with `swift build --build-tests`")
    }

    static func laminar(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try InteropEnvironment.run(executable(), arguments: arguments, timeout: 120)
    }

    static func writeSample(in directory: TemporaryDirectory) throws -> (file: String, expected: [String]) {
        let file = directory.file("sample.parquet")
        let output = try InteropEnvironment.runPython(sampleScript, arguments: [file])
        return (file, lines(output))
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    static func object(_ line: String) throws -> NSDictionary {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? NSDictionary, "not a JSON object: \(line)")
    }

    /// The top-level keys of a JSON object line in the order they appear, for names that occur nowhere else.
    static func keyOrder(_ line: String, names: [String]) -> [String] {
        names.compactMap { name in line.range(of: "\"\(name)\":").map { (name, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }
}
