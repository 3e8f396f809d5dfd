#!/usr/bin/env bash
# The session kernel in C (gcc -O2), JavaScript (Node) and WebAssembly (AssemblyScript -O3),
# on the same data and draws: prints ns per session for each part, alternating languages, and
# the checksums, which must agree (the three compute the same thing; the script fails if not). Needs gcc and the npm
# registry (for AssemblyScript, fetched by npx). docs/performance.md quotes a run.
#   bash bench/kernel/run.sh [users=2000] [sessions=1000000] [rounds=3]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
users="${1:-2000}" sessions="${2:-1000000}" rounds="${3:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -o "$tmp/session-kernel" "$here/session-kernel.c" -lm
npx --yes -p assemblyscript@0.28.20 asc "$here/session-kernel.as.ts" -O3 --runtime stub --initialMemory 300 -o "$tmp/session-kernel.wasm"
for round in $(seq "$rounds"); do
  for parts in 1 2 3; do
    lines="$("$tmp/session-kernel" "$users" "$sessions" "$parts"
      node "$here/session-kernel.mjs" "$users" "$sessions" "$parts"
      node "$here/session-kernel-wasm.mjs" "$tmp/session-kernel.wasm" "$users" "$sessions" "$parts")"
    echo "$lines"
    sums="$(echo "$lines" | sed -n 's/.*checksum \([0-9-]*\).*/\1/p' | sort -u | wc -l)"
    [ "$sums" = 1 ] || { echo "checksums differ for parts $parts: the kernels do not compute the same thing" >&2; exit 1; }
  done
done
