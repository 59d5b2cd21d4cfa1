#!/bin/sh
# Builds napkin as shipped on Linux (profile `dist`, glibc linked statically, not
# position-independent, so the loader has nothing to do) and times its start beside `true`
# with `benches/startup.rs`. Pass NAPKIN_STARTUP_ROUNDS to change the rounds (default 1000).
set -eu
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
# --target keeps these flags off the build scripts and proc macros, which must stay dynamic.
RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" \
  cargo build --profile dist --target "$host"
NAPKIN_BIN="target/$host/dist/napkin" cargo bench --bench startup
