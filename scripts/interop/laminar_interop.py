"""DuckDB with LaminarDB's interop extensions, loaded from pip packages only.

The extensions come from the duckdb-extension-{delta,iceberg,avro,parquet,httpfs} wheels pinned in
scripts/requirements-interop.txt. Each wheel holds one file,
``duckdb_extension_<name>/extensions/v<duckdb version>/<name>.duckdb_extension``, and this
module LOADs it by absolute path. Nothing is fetched from DuckDB's extension site (not
reachable here): auto-install and auto-load of known extensions are switched off, so a
missing extension fails loudly instead of hanging on the network. The wheels' files are
signed, so ``allow_unsigned_extensions`` is not needed.

Use it with the repo's venv interpreter, e.g.::

    .venv/bin/python scripts/interop/laminar_interop.py query \\
        "SELECT * FROM delta_scan('/tmp/t') ORDER BY 1"

or, from Python code that has this folder on sys.path::

    from laminar_interop import duckdb_connect
    rows = duckdb_connect().sql("SELECT * FROM delta_scan('/tmp/t')").fetchall()
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import duckdb

# Load order matters: iceberg needs avro (it reads Iceberg manifests with it) and would
# otherwise try to auto-install avro from the network during its own LOAD.
EXTENSIONS: tuple[str, ...] = ("parquet", "httpfs", "avro", "delta", "iceberg")

# Settings every connection gets: never reach for DuckDB's extension repository.
_OFFLINE_CONFIG: dict[str, Any] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}


def extension_path(name: str) -> Path:
    """Absolute path of ``<name>.duckdb_extension`` inside the installed pip package.

    Raises ``RuntimeError`` if the package is missing or was built for a different DuckDB
    release than the installed ``duckdb`` module (DuckDB would refuse to LOAD it anyway).
    """
    package = f"duckdb_extension_{name}"
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"pip package {package.replace('_', '-')} is not installed; "
            "run scripts/bootstrap.sh"
        )
    root = Path(next(iter(spec.submodule_search_locations))).resolve()
    wanted = root / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
    if wanted.is_file():
        return wanted
    found = sorted(str(p.relative_to(root)) for p in root.glob(f"extensions/*/{name}.duckdb_extension"))
    raise RuntimeError(
        f"{package} has no build for duckdb {duckdb.__version__} (has: {found or 'nothing'}); "
        "pin duckdb to the extensions' version in scripts/requirements-interop.txt"
    )


def duckdb_connect(database: str = ":memory:", read_only: bool = False,
                   config: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with parquet, httpfs, avro, delta and iceberg loaded from the pip packages."""
    con = duckdb.connect(database, read_only=read_only, config={**_OFFLINE_CONFIG, **(config or {})})
    try:
        for name in EXTENSIONS:
            quoted = str(extension_path(name)).replace("'", "''")
            con.execute(f"LOAD '{quoted}'")
    except BaseException:
        con.close()
        raise
    return con


def _main(argv: list[str]) -> int:
    usage = (
        "usage: laminar_interop.py paths            # JSON {name: absolute path}\n"
        "       laminar_interop.py check            # load all extensions, print their versions\n"
        "       laminar_interop.py query SQL        # JSON array of rows (arrays) on stdout"
    )
    if not argv or argv[0] in ("-h", "--help"):
        print(usage)
        return 0 if argv else 2
    command = argv[0]
    if command == "paths" and len(argv) == 1:
        print(json.dumps({name: str(extension_path(name)) for name in EXTENSIONS}, indent=2))
    elif command == "check" and len(argv) == 1:
        rows = duckdb_connect().execute(
            "SELECT extension_name, extension_version, install_mode FROM duckdb_extensions() "
            "WHERE loaded AND extension_name IN ('parquet', 'avro', 'delta', 'iceberg') ORDER BY 1"
        ).fetchall()
        loaded = {name for name, _, _ in rows}
        for row in rows:
            print(*row, sep="\t")
        missing = set(EXTENSIONS) - loaded
        if missing:
            print(f"not loaded: {sorted(missing)}", file=sys.stderr)
            return 1
        print(f"duckdb {duckdb.__version__}: all extensions loaded")
    elif command == "query" and len(argv) == 2:
        rows = duckdb_connect().execute(argv[1]).fetchall()
        print(json.dumps([list(row) for row in rows], default=str))
    else:
        print(usage, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))


def exit_cleanly(code: int = 0) -> None:
    """Flushes the output and exits without interpreter teardown.

    delta-rs (``deltalake``) with pyarrow, and DuckDB's delta extension, start native thread pools that
    abort the process ("terminate called without an active exception") when the interpreter unloads them;
    the work is done by then, so tests end their snippets here instead.
    """
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
