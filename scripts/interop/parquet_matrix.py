"""Reference side of the Parquet interop tests.

`generate DIR` writes one table with every type the writer supports, through pyarrow with each writer option
that changes the bytes (codecs, page versions, dictionary, DELTA_* and BYTE_STREAM_SPLIT encodings, INT96,
large strings, small pages and row groups) and through DuckDB, and prints the file names as JSON.

`compare ORIGINAL REWRITTEN [ORIGINAL REWRITTEN ...]` checks that pyarrow and DuckDB read the same rows from
each pair of files; LaminarParquet produced REWRITTEN by reading ORIGINAL and writing it back.
"""
import datetime
import decimal
import json
import math
import os
import random
import sys

import pyarrow as pa
import pyarrow.parquet as pq

from laminar_interop import duckdb_connect

ROWS = 3000


def _maybe(rng, value, null_rate=0.1):
    return None if rng.random() < null_rate else value


def reference_table(rows=ROWS, seed=7):
    rng = random.Random(seed)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "ζήτα", "😀 emoji"]
    epoch = datetime.datetime(1970, 1, 1)
    columns = {
        "i8": pa.array([_maybe(rng, rng.randint(-128, 127)) for _ in range(rows)], pa.int8()),
        "i16": pa.array([_maybe(rng, rng.randint(-32768, 32767)) for _ in range(rows)], pa.int16()),
        "i32": pa.array([_maybe(rng, rng.randint(-2**31, 2**31 - 1)) for _ in range(rows)], pa.int32()),
        "i64": pa.array([_maybe(rng, rng.randint(-2**63, 2**63 - 1)) for _ in range(rows)], pa.int64()),
        "i64_required": pa.array([i * 3 - 1000 for i in range(rows)], pa.int64()),
        "u8": pa.array([_maybe(rng, rng.randint(0, 255)) for _ in range(rows)], pa.uint8()),
        "u16": pa.array([_maybe(rng, rng.randint(0, 65535)) for _ in range(rows)], pa.uint16()),
        "u32": pa.array([_maybe(rng, rng.randint(0, 2**32 - 1)) for _ in range(rows)], pa.uint32()),
        "u64": pa.array([_maybe(rng, rng.randint(0, 2**64 - 1)) for _ in range(rows)], pa.uint64()),
        "f32": pa.array([_maybe(rng, rng.choice([rng.uniform(-1e6, 1e6), 0.0, -0.0, math.inf, math.nan]))
                         for _ in range(rows)], pa.float32()),
        "f64": pa.array([_maybe(rng, rng.uniform(-1e12, 1e12)) for _ in range(rows)], pa.float64()),
        "flag": pa.array([_maybe(rng, rng.random() < 0.3) for _ in range(rows)], pa.bool_()),
        "str_low": pa.array([_maybe(rng, rng.choice(words)) for _ in range(rows)], pa.string()),
        "str_high": pa.array([_maybe(rng, "id-%d-%s" % (rng.randint(0, 10**9), "x" * rng.randint(0, 40)))
                              for _ in range(rows)], pa.string()),
        "bin": pa.array([_maybe(rng, bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 12))))
                         for _ in range(rows)], pa.binary()),
        "fixed4": pa.array([_maybe(rng, bytes(rng.randint(0, 255) for _ in range(4))) for _ in range(rows)],
                           pa.binary(4)),
        "day": pa.array([_maybe(rng, datetime.date(1900, 1, 1) + datetime.timedelta(days=rng.randint(0, 80000)))
                         for _ in range(rows)], pa.date32()),
        "t_ms": pa.array([_maybe(rng, rng.randint(0, 86_399_999)) for _ in range(rows)], pa.time32("ms")),
        "t_us": pa.array([_maybe(rng, rng.randint(0, 86_399_999_999)) for _ in range(rows)], pa.time64("us")),
        "ts_ms": pa.array([_maybe(rng, rng.randint(-2**40, 2**40)) for _ in range(rows)], pa.timestamp("ms")),
        "ts_us_utc": pa.array([_maybe(rng, rng.randint(-2**50, 2**50)) for _ in range(rows)],
                              pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array([_maybe(rng, rng.randint(-2**60, 2**60)) for _ in range(rows)], pa.timestamp("ns")),
        "dec9": pa.array([_maybe(rng, decimal.Decimal(rng.randint(-10**9 + 1, 10**9 - 1)).scaleb(-2))
                          for _ in range(rows)], pa.decimal128(9, 2)),
        "dec18": pa.array([_maybe(rng, decimal.Decimal(rng.randint(-10**18 + 1, 10**18 - 1)).scaleb(-4))
                           for _ in range(rows)], pa.decimal128(18, 4)),
        "dec38": pa.array([_maybe(rng, decimal.Decimal(rng.randint(-10**38 + 1, 10**38 - 1)).scaleb(-10))
                           for _ in range(rows)], pa.decimal128(38, 10)),
        "ints": pa.array([_maybe(rng, [_maybe(rng, rng.randint(-100, 100)) for _ in range(rng.randint(0, 4))])
                          for _ in range(rows)], pa.list_(pa.int64())),
        "words": pa.array([_maybe(rng, [rng.choice(words) for _ in range(rng.randint(0, 3))]) for _ in range(rows)],
                          pa.list_(pa.string())),
        "point": pa.array([_maybe(rng, {"x": _maybe(rng, rng.randint(0, 1000)), "label": _maybe(rng, rng.choice(words))})
                           for _ in range(rows)], pa.struct([("x", pa.int32()), ("label", pa.string())])),
        "attrs": pa.array([_maybe(rng, [(key, _maybe(rng, rng.randint(0, 9)))
                                         for key in rng.sample(words, rng.randint(0, 3))]) for _ in range(rows)],
                          pa.map_(pa.string(), pa.int32())),
        "shapes": pa.array([_maybe(rng, [_maybe(rng, {"w": rng.uniform(0, 1), "ys": _maybe(rng, [rng.randint(0, 5)
                                                                                                   for _ in range(rng.randint(0, 2))])})
                                         for _ in range(rng.randint(0, 3))]) for _ in range(rows)],
                           pa.list_(pa.struct([("w", pa.float64()), ("ys", pa.list_(pa.int32()))]))),
        "outer": pa.array([_maybe(rng, {"inner": _maybe(rng, {"v": _maybe(rng, rng.randint(0, 9))})}) for _ in range(rows)],
                          pa.struct([("inner", pa.struct([("v", pa.int16())]))])),
    }
    schema = pa.schema([pa.field(name, array.type, nullable=(name != "i64_required")) for name, array in columns.items()])
    return pa.table(list(columns.values()), schema=schema)


VARIANTS = {
    "default": {},
    "plain_uncompressed": {"use_dictionary": False, "compression": "none"},
    "v2_zstd": {"data_page_version": "2.0", "compression": "zstd"},
    "gzip": {"compression": "gzip"},
    "brotli": {"compression": "brotli"},
    "lz4raw_v2": {"compression": "lz4", "data_page_version": "2.0"},
    "encodings": {"use_dictionary": False, "column_encoding": {
        "i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "i64_required": "DELTA_BINARY_PACKED",
        "str_high": "DELTA_LENGTH_BYTE_ARRAY", "str_low": "DELTA_BYTE_ARRAY", "bin": "DELTA_BYTE_ARRAY",
        "f32": "BYTE_STREAM_SPLIT", "f64": "BYTE_STREAM_SPLIT"}},
    # DuckDB 1.5 reads BYTE_STREAM_SPLIT only for FLOAT and DOUBLE; files named pyarrow-only skip DuckDB.
    "bss_wide.pyarrow-only": {"use_dictionary": False, "column_encoding": {
        "i32": "BYTE_STREAM_SPLIT", "i64": "BYTE_STREAM_SPLIT", "fixed4": "BYTE_STREAM_SPLIT",
        "dec18": "BYTE_STREAM_SPLIT"}},
    "encodings_v2": {"use_dictionary": False, "data_page_version": "2.0", "compression": "snappy", "column_encoding": {
        "i32": "DELTA_BINARY_PACKED", "str_high": "DELTA_BYTE_ARRAY", "f64": "BYTE_STREAM_SPLIT", "flag": "RLE"}},
    "int96": {"use_deprecated_int96_timestamps": True},
    "small_pages": {"data_page_size": 512, "row_group_size": 700, "write_batch_size": 64},
}


def generate(directory):
    table = reference_table()
    names = []
    for name, options in VARIANTS.items():
        path = os.path.join(directory, name + ".parquet")
        pq.write_table(table, path, **options)
        names.append(name + ".parquet")
    large = table.select(["str_high", "bin"]).cast(pa.schema([("str_high", pa.large_string()), ("bin", pa.large_binary())]))
    pq.write_table(large, os.path.join(directory, "large_strings.parquet"))
    names.append("large_strings.parquet")
    connection = duckdb_connect()
    connection.register("reference", table.drop_columns(["u64", "fixed4"]))
    path = os.path.join(directory, "duckdb.parquet")
    connection.execute(f"COPY (SELECT * FROM reference) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 1024)")
    names.append("duckdb.parquet")
    print(json.dumps(names))


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def _plain(column):
    """Timestamps as their integer ticks: nanosecond values do not fit Python's datetime."""
    if pa.types.is_timestamp(column.type):
        return column.cast(pa.int64())
    return column


def compare_pair(original, rewritten):
    expected = pq.read_table(original)
    actual = pq.read_table(rewritten)
    problems = []
    if expected.num_rows != actual.num_rows:
        problems.append(f"rows: {expected.num_rows} != {actual.num_rows}")
    if expected.column_names != actual.column_names:
        problems.append(f"columns: {expected.column_names} != {actual.column_names}")
    for name in expected.column_names:
        if name not in actual.column_names:
            continue
        want = _plain(expected.column(name)).to_pylist()
        got = _plain(actual.column(name)).to_pylist()
        for row, (a, b) in enumerate(zip(want, got)):
            if not _same(a, b):
                problems.append(f"pyarrow: column {name} row {row}: expected {a!r}, got {b!r}")
                break
    if "pyarrow-only" in original + rewritten:
        return problems
    connection = duckdb_connect()
    # DuckDB reads INT96 at microsecond precision, rounding down; compare our nanosecond columns the same way.
    def types(path):
        return dict(connection.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))").fetchall())
    theirs, ours = types(original), types(rewritten)
    def select(path, own, other):
        def floor_us(name):
            ns = f'epoch_ns("{name}")'
            return f'make_timestamp(({ns} - (({ns} % 1000) + 1000) % 1000) // 1000) AS "{name}"'
        columns = [floor_us(name) if own[name] == "TIMESTAMP_NS" and other.get(name) == "TIMESTAMP"
                   else f'"{name}"' for name in own]
        return f"SELECT {', '.join(columns)} FROM read_parquet('{path}')"
    for (first, first_types), (second, second_types) in (((original, theirs), (rewritten, ours)),
                                                         ((rewritten, ours), (original, theirs))):
        missing = connection.execute(
            f"SELECT count(*) FROM ({select(first, first_types, second_types)} EXCEPT ALL "
            f"{select(second, second_types, first_types)})").fetchone()[0]
        if missing:
            problems.append(f"duckdb: {missing} rows of {first} are not in {second}")
    return problems


def main(arguments):
    command = arguments[0]
    if command == "generate":
        generate(arguments[1])
    elif command == "compare":
        problems = []
        for original, rewritten in zip(arguments[1::2], arguments[2::2]):
            problems += [f"{os.path.basename(rewritten)}: {p}" for p in compare_pair(original, rewritten)]
        if problems:
            raise SystemExit("\n".join(problems))
        print("ok")
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
