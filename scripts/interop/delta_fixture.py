"""Builds a Delta table with delta-rs for the source tests and prints what delta-rs reads from it, as JSON.

    delta_fixture.py <table>

The table: partitioned by `region`, change data feed on, written in several commits — appends, an update,
a delete, an append after a log checkpoint — so reads cover partitions, checkpoints, removes and cdc files.
Prints {"latest": n, "versions": {v: rows}, "changes": {"a-b": rows}} with rows as sorted
[id, name, region] lists (and [_commit_version, id, _change_type, name] for changes), for every version and
every version range.
"""

from __future__ import annotations

import json
import sys

import pyarrow as pa
from deltalake import DeltaTable, write_deltalake

from laminar_interop import exit_cleanly


def batch(ids, names, regions):
    return pa.table({"id": pa.array(ids, pa.int64()), "name": pa.array(names, pa.string()),
                     "region": pa.array(regions, pa.string())})


def main() -> None:
    path = sys.argv[1]
    config = {"delta.enableChangeDataFeed": "true"}
    write_deltalake(path, batch([1, 2, 3, 4], ["a", "b", "c", "d"], ["east", "west", "east", None]),
                    partition_by=["region"], configuration=config)
    write_deltalake(path, batch([5, 6], ["e", "f"], ["west", "east"]), mode="append")
    table = DeltaTable(path)
    table.update(updates={"name": "'b2'"}, predicate="id = 2")
    table = DeltaTable(path)
    table.delete(predicate="id = 3")
    table = DeltaTable(path)
    table.create_checkpoint()
    write_deltalake(path, batch([7, 8], ["g", "h"], ["north", "west"]), mode="append")
    table = DeltaTable(path)
    latest = table.version()
    versions = {}
    for version in range(latest + 1):
        data = DeltaTable(path, version=version).to_pyarrow_table()
        versions[version] = sorted([data.column("id")[i].as_py(), data.column("name")[i].as_py(), data.column("region")[i].as_py()]
                                   for i in range(data.num_rows))
    changes = {}
    for start in range(latest + 1):
        for end in range(start, latest + 1):
            feed = table.load_cdf(starting_version=start, ending_version=end).read_all()
            changes[f"{start}-{end}"] = sorted(
                [feed.column("_commit_version")[i].as_py(), feed.column("id")[i].as_py(),
                 feed.column("_change_type")[i].as_py(), feed.column("name")[i].as_py()] for i in range(feed.num_rows))
    print(json.dumps({"latest": latest, "versions": versions, "changes": changes}))
    exit_cleanly()


if __name__ == "__main__":
    main()
