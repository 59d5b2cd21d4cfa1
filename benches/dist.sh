#!/bin/sh
# Builds napkin as shipped on Linux with glibc, and prints the binary's absolute path: profile
# `dist` (LTO, one codegen unit), glibc linked statically and not position independent, so there
# is nothing to load or relocate at start (needs glibc's libc.a: Debian's libc6-dev, Fedora's
# glibc-static). See benches/README.md.
set -eu
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
# --target keeps these flags off the build scripts and proc macros, which must stay dynamic.
export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static"
cargo build --profile dist --target "$host" >&2
echo "$PWD/target/$host/dist/napkin"
