"""Reads a Delta table the way users would and prints what the tests compare, as JSON.

    delta_check.py read <table> [<writer_id>] [storage options as key=value ...]

prints, from delta-rs: version, rows (sorted, as lists), the history's operations and, when a writer id
is given, its transaction version; from DuckDB's delta_scan (local tables, and S3 through an S3 secret):
the same rows.
"""

from __future__ import annotations

import datetime
import decimal
import json
import sys

from deltalake import DeltaTable
from laminar_interop import exit_cleanly


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def rows_of(table) -> list:
    names = table.column_names
    columns = [table.column(name).to_pylist() for name in names]
    rows = [[plain(column[i]) for column in columns] for i in range(table.num_rows)]
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))


def main() -> None:
    table_uri = sys.argv[2]
    writer = sys.argv[3] if len(sys.argv) > 3 and "=" not in sys.argv[3] else None
    options = dict(arg.split("=", 1) for arg in sys.argv[3:] if "=" in arg)
    dt = DeltaTable(table_uri, storage_options=options or None)
    from laminar_interop import duckdb_connect

    con = duckdb_connect()
    if table_uri.startswith("s3://"):
        # delta_scan reads S3 through DuckDB's secrets; moto speaks plain HTTP with path-style URLs.
        endpoint = options.get("AWS_ENDPOINT_URL", "")
        use_ssl = not endpoint.startswith("http://")
        host = endpoint.split("://", 1)[-1]
        con.execute(
            "CREATE SECRET lake (TYPE s3, KEY_ID ?, SECRET ?, REGION ?, ENDPOINT ?, URL_STYLE 'path', USE_SSL ?)",
            [options.get("AWS_ACCESS_KEY_ID", ""), options.get("AWS_SECRET_ACCESS_KEY", ""),
             options.get("AWS_REGION", "us-east-1"), host, use_ssl])
    scanned = con.sql(f"SELECT * FROM delta_scan('{table_uri}')").arrow()
    if hasattr(scanned, "read_all"):
        scanned = scanned.read_all()
    readers = ["delta-rs", "duckdb"]
    if "deletionVectors" in (dt.protocol().reader_features or []):
        # delta-rs's pyarrow reader refuses deletion vectors; DuckDB's delta_scan (delta-kernel-rs) reads them.
        data = scanned
        readers = ["duckdb"]
    else:
        data = dt.to_pyarrow_table()
    result = {
        "version": dt.version(),
        "columns": data.column_names,
        "rows": rows_of(data),
        "operations": [entry.get("operation") for entry in reversed(dt.history())],
        "partition_columns": dt.metadata().partition_columns,
        "protocol": [dt.protocol().min_reader_version, dt.protocol().min_writer_version],
        "readers": readers,
    }
    if writer is not None:
        result["transaction_version"] = dt.transaction_version(writer)
    result["duckdb_columns"] = scanned.column_names
    result["duckdb_rows"] = rows_of(scanned.select(data.column_names))
    print(json.dumps(result, default=str))
    exit_cleanly()


if __name__ == "__main__":
    main()
