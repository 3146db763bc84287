#!/bin/sh
# Start-up levers of the command line, one at a time, on the one-cancel-cold workload: for each JVM setting, the
# median wall time, CPU time (user+sys) and peak RSS of N runs (GNU time), and the classes loaded (-Xlog:class+load).
# Usage, from the repository root after a build: benchmarks/levers.sh [runs (5)] [old jar to compare with]
# Needs /usr/bin/time and the benchmarks module compiled (for the loopback server's classpath).
set -eu
runs=${1:-5}
old=${2:-}
jar=$PWD/target/querystop.jar
jsa=$PWD/target/querystop.jsa
cp=$(cat "${CLASSPATH_FILE:-/dev/null}" 2>/dev/null || true)
[ -n "$cp" ] || cp=$(./mvnw -q -o -B -f benchmarks/pom.xml dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
cp=benchmarks/target/classes:$cp
export AWS_ACCESS_KEY_ID=AKIDQUERYSTOPBENCH01 AWS_SECRET_ACCESS_KEY=querystop-benchmark-secret-key-000000000
export AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
fifo=$(mktemp -u) && mkfifo "$fifo"
java -cp "$cp" io.querystop.benchmarks.LoopbackServerMain <"$fifo" >"$fifo.port" &
server=$!
exec 3>"$fifo" # holds the server's stdin open; closing it stops the server
trap 'exec 3>&-; wait $server; rm -f "$fifo" "$fifo.port" "$fifo.time"' EXIT
while [ ! -s "$fifo.port" ]; do sleep 0.1; done
endpoint=http://127.0.0.1:$(head -1 "$fifo.port")
id=f43ce17b-db01-4d37-a074-c7d5e11a8e1c

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
lever() { # name, then the java options
    name=$1; shift
    : >"$fifo.runs"
    i=0
    while [ $i -lt "$runs" ]; do
        /usr/bin/time -f "%e %U %S %M" -o "$fifo.time" java "$@" -jar "${JAR:-$jar}" --endpoint-url "$endpoint" \
            neptunedata cancel-gremlin-query --query-id $id >/dev/null
        cat "$fifo.time" >>"$fifo.runs"
        i=$((i + 1))
    done
    classes=$(java "$@" -Xlog:class+load -jar "${JAR:-$jar}" --endpoint-url "$endpoint" neptunedata \
        cancel-gremlin-query --query-id $id | grep -c 'class,load')
    printf '| %s | %s s | %s s | %s MB | %s |\n' "$name" "$(awk '{print $1}' "$fifo.runs" | median)" \
        "$(awk '{print $2 + $3}' "$fifo.runs" | median)" "$(awk '{print int($4 / 1024)}' "$fifo.runs" | median)" \
        "$classes"
}

echo "one cancel, cold: median of $runs runs; $(nproc) processors; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| java options (java -jar target/querystop.jar) | wall | CPU | peak RSS | classes loaded |"
echo "|---|---:|---:|---:|---:|"
if [ -n "$old" ]; then JAR=$old lever "(the jar before this change)"; fi
lever "(none: the JVM's defaults)"
lever "-XX:TieredStopAtLevel=1" -XX:TieredStopAtLevel=1
lever "-XX:+UseSerialGC" -XX:+UseSerialGC
lever "-Xmx256m" -Xmx256m
lever "-XX:-UsePerfData" -XX:-UsePerfData
if [ -f "$jsa" ]; then
    lever "-XX:SharedArchiveFile=target/querystop.jsa (its own flags differ: see below)" -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off
fi
launcher="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m ${jsa:+-XX:SharedArchiveFile=$jsa} -Xlog:cds=off"
# shellcheck disable=SC2086 # the option lists are meant to split into words
lever "all of the launcher's: target/querystop" $launcher
# shellcheck disable=SC2086
lever "the launcher's, with Netty's JFR events back on (-Dio.netty.jfr.enabled=true)" $launcher -Dio.netty.jfr.enabled=true
# shellcheck disable=SC2086
lever "the launcher's, with C2 (-XX:TieredStopAtLevel=4)" $launcher -XX:TieredStopAtLevel=4
# shellcheck disable=SC2086
lever "the launcher's, with G1 (-XX:+UseG1GC)" $launcher -XX:+UseG1GC
# shellcheck disable=SC2086
lever "the launcher's, compiling later (-XX:CompileThresholdScaling=2)" $launcher -XX:CompileThresholdScaling=2
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
