#!/usr/bin/env bash
# The whole benchmark, one command from the repository root (about 14 minutes on 2 cores):
# whole-process A/B of the reference service (none / JFR alone / Quadrant, 10 pairs, start-up timed on every launch),
# JMH of the agent's hot paths, and JMH of the woven JDK paths without the agent, with it unwoven and woven.
# Writes src/test/target/overhead.md, jmh.txt, advice-{none,agent-off,agent-on}.txt and tomcat-ab.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."
started=$(date +%s)
mvn -B -q clean install -DskipTests
AGENT="$(pwd)/agent/target/quadrant-agent.jar"
mvn -B verify -pl src/test -Dgroups=benchmark -Dquadrant.excludedGroups=none
cd src/test
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:$(cat target/classpath.txt)"
jmh() { java -cp "$CP" org.openjdk.jmh.Main -f 1 -w 1s -r 1s "$@"; }
# a full window is built and rendered in tens of milliseconds: it needs more warm-up than a single event does
{ jmh -wi 2 -i 3 'dev.quadrant.bench.jmh.HandlerBenchmark'; jmh -wi 5 -i 3 'dev.quadrant.bench.jmh.WindowBenchmark'; } | tee target/jmh.txt
# the advice's cost is "woven" minus "agent, instrument=off": the agent's JFR stream alone slows a two-thread hand-off
OUT="$(mktemp -d)"
jmh -wi 2 -i 4 'dev.quadrant.bench.jmh.AdviceBenchmark' | tee target/advice-none.txt
jmh -wi 2 -i 4 -jvmArgsAppend "-javaagent:$AGENT=out=$OUT/off,interval=60s,instrument=off" 'dev.quadrant.bench.jmh.AdviceBenchmark' | tee target/advice-agent-off.txt
jmh -wi 2 -i 4 -jvmArgsAppend "-javaagent:$AGENT=out=$OUT/on,interval=60s" 'dev.quadrant.bench.jmh.AdviceBenchmark' | tee target/advice-agent-on.txt
rm -rf "$OUT"
# the same three on embedded Tomcat (its own executor woven): service on CPU 1, load from CPU 0
SVC="target/test-classes:$(tr ':' '\n' < target/classpath.txt | grep -v 'quadrant-' | paste -sd:)"
taskset -c 0 java -cp "$CP" dev.quadrant.bench.TomcatAB "$AGENT" "$SVC" 3 10 | tee target/tomcat-ab.txt
echo "benchmark done in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
