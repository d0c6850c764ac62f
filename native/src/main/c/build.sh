#!/usr/bin/env bash
# Compiles the C kernels into OUT_DIR/libgranary.so (packaged as linux-x86-64/libgranary.so for JNA).
# SHA-NI code paths are compiled with per-function target attributes and chosen at run time, so one
# binary runs on every x86-64 CPU.
set -euo pipefail
out_dir=${1:?usage: build.sh OUT_DIR}
src_dir=$(cd "$(dirname "$0")" && pwd)
command -v gcc >/dev/null || { echo "building native kernels: gcc not found (apt-get install gcc)" >&2; exit 1; }
mkdir -p "$out_dir"
gcc -std=c11 -O3 -fPIC -shared -fvisibility=hidden -Wall -Wextra -Werror -D_GNU_SOURCE \
    -o "$out_dir/libgranary.so" "$src_dir"/*.c -lpthread
