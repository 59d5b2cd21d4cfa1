#!/bin/sh
# Builds napkin as shipped on Linux (benches/dist.sh) and times its start beside `true` with
# benches/startup.rs. NAPKIN_STARTUP_ROUNDS sets the rounds (default 1000).
set -eu
cd "$(dirname "$0")/.."
bin=$(benches/dist.sh)
NAPKIN_BIN="$bin" cargo bench --bench startup
