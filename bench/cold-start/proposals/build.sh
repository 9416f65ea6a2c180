#!/bin/sh
# Builds copies of the function jars with a proposed change compiled in, for before/after measurement
# (docs/benchmarks-cold-start.md). The sources here are full copies of shared classes with the change applied;
# nothing in shared/ is modified. Usage, from the project root after the reactor build: bench/cold-start/proposals/build.sh
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$HERE/../target/proposals
rm -rf "$OUT" && mkdir -p "$OUT"
patch_jar() { # <source jar> <name> <change dirs...>
    src=$1; name=$2; shift 2
    classes=$OUT/classes-$name && mkdir -p "$classes"
    for change in "$@"; do
        javac -nowarn --release 17 -cp "$src" -d "$classes" "$HERE/$change"/*.java
    done
    cp "$src" "$OUT/$name.jar"
    (cd "$classes" && zip -q -r "$OUT/$name.jar" .)
    echo "$OUT/$name.jar"
}
GET=$(ls functions/get-ticket/target/*-lambda.jar)
patch_jar "$GET" get-ticket-instance-reader instance-reader
patch_jar "$GET" get-ticket-fast-dates fast-dates
patch_jar "$GET" get-ticket-both instance-reader fast-dates
if ls functions/list-tickets/target/*-lambda.jar >/dev/null 2>&1; then
    LIST=$(ls functions/list-tickets/target/*-lambda.jar)
    patch_jar "$LIST" list-tickets-fast-dates fast-dates
fi
