#!/bin/sh
# Builds napkin as shipped on Linux with glibc, and prints the binary's path:
# - profile `dist` (LTO), glibc linked statically, not position independent: nothing to load or
#   relocate at start (needs glibc's libc.a);
# - then, when valgrind is installed, links it again with the functions `calc` runs laid out
#   together (lld's --symbol-ordering-file), so a start touches fewer pages of code: about 20 page
#   faults and a tenth of `calc`'s time. See benches/README.md.
set -eu
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
bin="target/$host/dist/napkin"
# --target keeps these flags off the build scripts and proc macros, which must stay dynamic.
export RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static"
cargo build --profile dist --target "$host" >&2

if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
  order="$PWD/target/$host/dist/hot-functions.txt"
  profile="$PWD/target/$host/dist/callgrind.out"
  : >"$order.all"
  for args in "calc video-recommendation --format json" "calc twitter --format json" "calc twitter" "--version"; do
    # shellcheck disable=SC2086 # the arguments are split on purpose
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$profile" "$bin" $args >/dev/null 2>&1
    callgrind_annotate --threshold=100 "$profile" | sed -n 's/^.*???:\([^ ]*\).*$/\1/p' >>"$order.all"
  done
  grep -v '^(below' "$order.all" | sort -u >"$order"
  rm -f "$order.all" "$profile"
  # Only the final link changes; if the linker cannot order symbols, the plain build stays.
  if ! cargo rustc --profile dist --target "$host" --bin napkin -- \
    -C "link-arg=-Wl,--symbol-ordering-file=$order" -C link-arg=-Wl,--no-warn-symbol-ordering >&2; then
    echo "note: the linker cannot order functions; $bin is the plain static build" >&2
  fi
else
  echo "note: without valgrind, $bin is not laid out by the functions calc runs (a tenth slower to start)" >&2
fi
echo "$bin"
