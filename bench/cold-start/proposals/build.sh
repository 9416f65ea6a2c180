#!/bin/sh
# Builds copies of the function jars with a proposed change compiled in, for before/after measurement
# (docs/benchmarks-cold-start.md). Each change is a set of patches against shared/ (plus any new classes); they
# are applied to copies of the current sources, so nothing in shared/ is modified and no copy can drift from it.
# Usage, from the project root after the reactor build: bench/cold-start/proposals/build.sh
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
OUT=$HERE/../target/proposals
rm -rf "$OUT" && mkdir -p "$OUT"

# Copies the files a change patches, applies its patches, and lists the sources to compile.
sources_of() { # <change dir>
    work=$OUT/src-$1 && rm -rf "$work" && mkdir -p "$work"
    for p in "$HERE/$1"/*.patch; do
        [ -e "$p" ] || continue
        target=$(sed -n 's|^+++ b/||p' "$p" | head -n 1)
        mkdir -p "$work/$(dirname "$target")"
        cp "$ROOT/$target" "$work/$target"
        (cd "$work" && patch -s -p1 < "$p")
        echo "$work/$target"
    done
    ls "$HERE/$1"/*.java 2>/dev/null || true
}

patch_jar() { # <source jar> <name> <change dirs...>
    src=$1; name=$2; shift 2
    classes=$OUT/classes-$name && mkdir -p "$classes"
    for change in "$@"; do
        # shellcheck disable=SC2046
        javac -nowarn --release 17 -cp "$src" -d "$classes" $(sources_of "$change")
    done
    cp "$src" "$OUT/$name.jar"
    (cd "$classes" && zip -q -r "$OUT/$name.jar" .)
    echo "$OUT/$name.jar"
}
GET=$(ls "$ROOT"/functions/get-ticket/target/*-lambda.jar)
patch_jar "$GET" get-ticket-instance-reader instance-reader
patch_jar "$GET" get-ticket-fast-dates fast-dates
patch_jar "$GET" get-ticket-both instance-reader fast-dates
if ls "$ROOT"/functions/list-tickets/target/*-lambda.jar >/dev/null 2>&1; then
    LIST=$(ls "$ROOT"/functions/list-tickets/target/*-lambda.jar)
    patch_jar "$LIST" list-tickets-fast-dates fast-dates
fi
