"""pyarrow side of the Parquet benchmark (issue 3): generate the 5-million-row, 8-column file and time pyarrow
reading it and writing it back with snappy, single-threaded, best of RUNS."""
import json
import os
import resource
import sys
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


def generate(path, rows):
    def uniform(seed):
        return pc.random(rows, initializer=seed)

    def integers(seed, low, high):
        return pc.cast(pc.floor(pc.add(pc.multiply(uniform(seed), high - low), low)), pa.int64())

    ids = pa.array(range(rows), pa.int64())
    regions = pa.array(["north", "south", "east", "west", "central", "overseas", "online", "wholesale"])
    order_keys = pc.binary_join_element_wise("ord-", pc.cast(integers(3, 0, 2**52), pa.string()), "-x", "")
    table = pa.table({
        "id": ids,
        "price": pc.multiply(uniform(1), 10_000.0),
        "region": pc.take(regions, integers(2, 0, 8)),
        "order_key": order_keys,
        "at": pc.cast(pc.add(pc.multiply(ids, 1_000), 1_700_000_000_000_000), pa.timestamp("us", tz="UTC")),
        "paid": pc.less(uniform(4), 0.5),
        "quantity": pc.if_else(pc.less(uniform(5), 0.2), pa.scalar(None, pa.int32()),
                               pc.cast(integers(6, 0, 1000), pa.int32())),
        # Unscaled cents reinterpreted as decimal(18, 2).
        "amount": pa.Array.from_buffers(pa.decimal128(18, 2), rows, [None, pc.cast(
            integers(7, -10**12, 10**12), pa.decimal128(38, 0)).buffers()[1]]),
    })
    pq.write_table(table, path, compression="snappy")


def cpu_seconds():
    """User plus system time of the process, all threads: pyarrow reads through I/O threads even with
    use_threads=False."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_pyarrow(path, output, runs):
    best_read = best_write = best_read_cpu = best_write_cpu = float("inf")
    rows = 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        table = pq.read_table(path, use_threads=False)
        best_read = min(best_read, time.perf_counter() - start)
        best_read_cpu = min(best_read_cpu, cpu_seconds() - start_cpu)
        rows = table.num_rows
        # LaminarParquet's file sink fsyncs on close, so pyarrow's file is synced too before the clock stops.
        start, start_cpu = time.perf_counter(), cpu_seconds()
        with open(output, "wb") as sink:
            pq.write_table(table, sink, compression="snappy")
            sink.flush()
            os.fsync(sink.fileno())
        best_write = min(best_write, time.perf_counter() - start)
        best_write_cpu = min(best_write_cpu, cpu_seconds() - start_cpu)
    print(json.dumps({"rows": rows, "file_bytes": os.path.getsize(path), "written_bytes": os.path.getsize(output),
                      "read_seconds": best_read, "write_seconds": best_write,
                      "read_cpu_seconds": best_read_cpu, "write_cpu_seconds": best_write_cpu}))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]))
    else:
        time_pyarrow(sys.argv[2], sys.argv[3], int(sys.argv[4]))
