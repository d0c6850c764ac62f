#!/usr/bin/env bash
# Compiles the C kernels into OUT_DIR/libgranary.so (packaged as linux-x86-64/libgranary.so for JNA).
# SHA-NI code paths are compiled with per-function target attributes and chosen at run time, so one
# binary runs on every x86-64 CPU.
#
# With MODE "asan" the same sources are compiled with AddressSanitizer into OUT_DIR/libgranary.so for
# the sanitized kernel test run (never packaged), and OUT_DIR/libasan.so is linked to gcc's ASan
# runtime, which that run preloads into the JVM: an instrumented library can only be dlopen'ed
# into a process whose first loaded library is the ASan runtime.
set -euo pipefail
out_dir=${1:?usage: build.sh OUT_DIR [release|asan]}
mode=${2:-release}
src_dir=$(cd "$(dirname "$0")" && pwd)
command -v gcc >/dev/null || { echo "building native kernels: gcc not found (apt-get install gcc)" >&2; exit 1; }
mkdir -p "$out_dir"
case "$mode" in
  release)
    gcc -std=c11 -O3 -fPIC -shared -fvisibility=hidden -Wall -Wextra -Werror -D_GNU_SOURCE \
        -o "$out_dir/libgranary.so" "$src_dir"/*.c -lpthread
    ;;
  asan)
    runtime=$(gcc -print-file-name=libasan.so)
    # gcc echoes the bare name back when it has no such file.
    if [ "$runtime" = libasan.so ] || [ ! -e "$runtime" ]; then
      echo "building native kernels with AddressSanitizer: gcc has no libasan.so (apt-get install libasan8, or set -Dgranary.asan.skip=true)" >&2
      exit 1
    fi
    gcc -std=c11 -O1 -g -fsanitize=address -fno-omit-frame-pointer -fPIC -shared -fvisibility=hidden \
        -Wall -Wextra -Werror -D_GNU_SOURCE \
        -o "$out_dir/libgranary.so" "$src_dir"/*.c -lpthread
    ln -sfn "$(readlink -f "$runtime")" "$out_dir/libasan.so"
    ;;
  *)
    echo "build.sh: unknown mode '$mode' (release or asan)" >&2
    exit 1
    ;;
esac
