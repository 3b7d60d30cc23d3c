#!/usr/bin/env bash
# Sets up what LaminarDB needs beyond the Swift toolchain; safe to run again and again.
#   1. Debian -dev packages for the compression codecs the Swift targets link against
#      (installed with apt-get only when dpkg-query says one is missing).
#   2. The Python interop environment in <repo>/.venv from scripts/requirements-interop.txt
#      (pip runs only when that file's sha256 differs from .venv/.requirements.sha256).
#
# Environment:
#   LAMINAR_SKIP_PYTHON=1   skip step 2
#   LAMINAR_PYTHON=PATH     interpreter to create the venv with (default: python3)
#
# Re-create the venv from scratch with: rm -rf .venv && scripts/bootstrap.sh
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd -P)"
REQUIREMENTS="$SCRIPT_DIR/requirements-interop.txt"
INTEROP_HELPER="$SCRIPT_DIR/interop/laminar_interop.py"
VENV_DIR="$REPO_ROOT/.venv"
STAMP="$VENV_DIR/.requirements.sha256"
PYTHON="${LAMINAR_PYTHON:-python3}"
SKIP_PYTHON="${LAMINAR_SKIP_PYTHON:-0}"

APT_PACKAGES=(
    libzstd-dev     # CZstd    (pkg-config: libzstd)
    libsnappy-dev   # CSnappy  (header snappy-c.h, no .pc file)
    zlib1g-dev      # CZlib    (pkg-config: zlib)
    liblz4-dev      # CLZ4     (pkg-config: liblz4)
    libbrotli-dev   # CBrotli  (pkg-config: libbrotlidec, libbrotlienc)
    libedit-dev     # CEditLine (pkg-config: libedit): line editing and history in `laminar sql`
    pkg-config      # SwiftPM resolves the system libraries' flags with it
    ca-certificates # pip over HTTPS
    curl            # readiness probes of test servers (moto_server)
)

log() { printf '[bootstrap] %s\n' "$*"; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

WORK_LOG="$(mktemp "${TMPDIR:-/tmp}/laminar-bootstrap.XXXXXX")"
trap 'rm -f "$WORK_LOG"' EXIT

# Runs a command with its output kept in $WORK_LOG; shows the tail of it if the command fails.
quietly() {
    if ! "$@" >"$WORK_LOG" 2>&1; then
        tail -n 40 "$WORK_LOG" >&2
        die "failed: $*"
    fi
}

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# One bootstrap at a time per checkout (parallel test runs may all call it).
if command -v flock >/dev/null 2>&1; then
    LOCK_FILE="${TMPDIR:-/tmp}/laminar-bootstrap-$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-16).lock"
    exec 9>"$LOCK_FILE"
    flock 9
fi

# --- 1. Debian packages ------------------------------------------------------------------
wanted=("${APT_PACKAGES[@]}")
if [[ "$SKIP_PYTHON" != "1" ]]; then
    # The venv needs an interpreter with venv + ensurepip (pyenv's has both; Debian's
    # python3 needs python3-venv for ensurepip).
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        [[ -z "${LAMINAR_PYTHON:-}" ]] || die "LAMINAR_PYTHON=$PYTHON not found"
        wanted+=(python3 python3-venv)
    elif ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        wanted+=(python3-venv)
    fi
fi

if command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for pkg in "${wanted[@]}"; do
        status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
        [[ "$status" == ii* ]] || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        log "installing Debian packages: ${missing[*]}"
        # env: sudo drops the caller's environment.
        quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
        quietly as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"
        log "Debian packages installed"
    else
        log "Debian packages: all ${#wanted[@]} present"
    fi
    if ! pkg-config --exists libzstd zlib liblz4 libbrotlidec libbrotlienc; then
        die "pkg-config cannot find libzstd/zlib/liblz4/libbrotli* after installing them"
    fi
else
    log "warning: no dpkg-query (not Debian?); install these yourself: ${APT_PACKAGES[*]}"
fi

# --- 2. Python interop venv --------------------------------------------------------------
if [[ "$SKIP_PYTHON" == "1" ]]; then
    log "LAMINAR_SKIP_PYTHON=1: skipping the Python interop environment"
    exit 0
fi

[[ -f "$REQUIREMENTS" ]] || die "missing $REQUIREMENTS"
want_hash="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
venv_python="$VENV_DIR/bin/python"

# The stamp's first line is the requirements' sha256, its second the venv's path: a venv's
# scripts (moto_server, pip) hard-code that path, so a moved checkout gets a new venv.
want_stamp="$(printf '%s\nvenv=%s' "$want_hash" "$VENV_DIR")"
venv_works() {
    [[ -x "$venv_python" ]] && "$venv_python" -c 'import sys' >/dev/null 2>&1 \
        && [[ "$(head -n1 "$VENV_DIR/bin/pip" 2>/dev/null)" == "#!$venv_python" ]]
}

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want_stamp" ]] && venv_works; then
    log "Python interop env up to date ($VENV_DIR)"
    exit 0
fi

start=$SECONDS
if ! venv_works; then
    command -v "$PYTHON" >/dev/null 2>&1 || die "no $PYTHON to create the venv with"
    # pyarrow, polars and fastavro at their pinned versions need Python >= 3.11.
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$PYTHON is older than 3.11; set LAMINAR_PYTHON to a newer one"
    log "creating $VENV_DIR with $("$PYTHON" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
    rm -rf "$VENV_DIR"
    quietly "$PYTHON" -m venv "$VENV_DIR"
fi

# No stamp while pip runs: an interrupted install must not look complete next time.
rm -f "$STAMP"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
log "upgrading pip"
quietly "$venv_python" -m pip install --quiet --upgrade pip
log "installing scripts/requirements-interop.txt (a first install takes about a minute)"
quietly "$venv_python" -m pip install --quiet -r "$REQUIREMENTS"
quietly "$venv_python" -m pip check
# Cheap smoke test: the packages import and every DuckDB extension file matches the engine.
quietly "$venv_python" -c 'import pyarrow, deltalake, pyiceberg.catalog.sql, hudi, duckdb, polars, fastavro, moto'
quietly "$venv_python" "$INTEROP_HELPER" paths
[[ -x "$VENV_DIR/bin/moto_server" ]] || die "moto_server missing from $VENV_DIR/bin"

printf '%s\n' "$want_stamp" >"$STAMP.tmp"
mv "$STAMP.tmp" "$STAMP"
log "Python interop env ready in $((SECONDS - start))s ($VENV_DIR)"
