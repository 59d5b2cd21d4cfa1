#!/bin/sh
# Builds napkin as shipped on Linux with glibc, and prints the binary's absolute path:
# - profile `dist` (LTO), glibc linked statically, not position independent: nothing to load or
#   relocate at start (needs glibc's libc.a);
# - then, when valgrind is installed, links it again with the functions `calc` runs laid out
#   together (lld's --symbol-ordering-file), so a start touches fewer pages of code: about 20 page
#   faults and a tenth of `calc`'s time. See benches/README.md.
set -eu
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
dist="$PWD/target/$host/dist"
bin="$dist/napkin"
# --target keeps these flags off the build scripts and proc macros, which must stay dynamic.
export RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static"
cargo build --profile dist --target "$host" >&2

order="$dist/hot-functions.txt"
profile="$dist/callgrind.out"
rm -f "$order"
if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
  : >"$order"
  for args in "calc video-recommendation --format json" "calc twitter --format json" "calc twitter" "--version"; do
    # shellcheck disable=SC2086 # the arguments are split on purpose
    if valgrind --tool=callgrind --demangle=no --callgrind-out-file="$profile" "$bin" $args >/dev/null 2>&1; then
      # Function names only: no raw addresses, no recursion marks (name'2).
      callgrind_annotate --threshold=100 "$profile" |
        sed -n "s/^.*???:\([^ ]*\).*\$/\1/p" | sed "s/'[0-9]*\$//" | grep -v -e '^0x' -e '^(below' >>"$order" || true
    else
      echo "note: valgrind could not profile napkin $args" >&2
    fi
  done
  rm -f "$profile"
  sort -u "$order" -o "$order"
fi
if [ -s "$order" ]; then
  # Only the final link changes; if the linker cannot order symbols, the plain build stays.
  if ! cargo rustc --profile dist --target "$host" --bin napkin -- \
    -C "link-arg=-Wl,--symbol-ordering-file=$order" -C link-arg=-Wl,--no-warn-symbol-ordering >&2; then
    echo "note: the linker cannot order functions; this is the plain static build" >&2
  fi
else
  echo "note: no profile (valgrind missing, or built with debug info): the functions calc runs are not laid out together, a tenth slower to start" >&2
fi
echo "$bin"
