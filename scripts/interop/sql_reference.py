"""DuckDB as the reference for LaminarDB's SQL semantics tests.

Reads a job from the JSON file named on the command line:
``{"data_dir": ..., "queries": [sql, ...]}``. It writes the test table as ``data.csv`` and
``data.parquet`` into ``data_dir``, defines the views ``t_csv`` and ``t_parquet`` over them, runs
every query and prints ``{"results": [[row, ...] | {"error": message}, ...]}`` with each row in the
canonical text form that the Swift side produces too (see ``canonical``).
"""

from __future__ import annotations

import datetime
import decimal
import json
import sys

import duckdb
from laminar_interop import duckdb_connect

TABLE = """
CREATE TABLE t AS SELECT
    i::BIGINT AS id,
    CASE WHEN i % 7 = 3 THEN NULL ELSE 'n' || (i % 50) END AS name,
    ['a', 'b', 'c', 'd'][1 + (i % 4)] AS category,
    CASE WHEN i % 11 = 5 THEN NULL ELSE ((i * 37 % 1000) / 10.0)::DOUBLE END AS price,
    (i % 10)::BIGINT AS qty,
    ((i * 13 % 10000) / 100.0)::DECIMAL(10, 2) AS amount,
    i % 3 = 0 AS flag,
    DATE '2024-01-01' + (i % 20)::INTEGER AS day,
    TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 97) AS ts
FROM range(1, 1001) r(i)
"""

EPOCH = datetime.datetime(1970, 1, 1)


def number(value: float) -> str:
    if value != value:
        return "NaN"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return "%.10g" % value


def canonical(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, decimal.Decimal)):
        return number(float(value))
    if isinstance(value, datetime.datetime):
        delta = value.replace(tzinfo=None) - EPOCH
        return "ts:%d" % (delta.days * 86_400_000_000 + delta.seconds * 1_000_000 + delta.microseconds)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def main() -> None:
    with open(sys.argv[1]) as handle:
        job = json.load(handle)
    data_dir = job["data_dir"]
    con = duckdb_connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(TABLE)
    con.execute(f"COPY t TO '{data_dir}/data.csv' (HEADER, DELIMITER ',')")
    con.execute(f"COPY t TO '{data_dir}/data.parquet' (FORMAT PARQUET)")
    con.execute(f"CREATE VIEW t_csv AS SELECT * FROM read_csv('{data_dir}/data.csv')")
    con.execute(f"CREATE VIEW t_parquet AS SELECT * FROM read_parquet('{data_dir}/data.parquet')")
    results = []
    for query in job["queries"]:
        try:
            rows = con.execute(query).fetchall()
            results.append(["|".join(canonical(v) for v in row) for row in rows])
        except duckdb.Error as error:
            results.append({"error": str(error)})
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
