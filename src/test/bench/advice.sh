#!/usr/bin/env bash
# JMH of the woven JDK paths without the agent, with the agent but no weaving, and with weaving (about 5 minutes).
# Run from the repository root after `mvn -B -q install -DskipTests`; writes src/test/target/advice-*.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."
AGENT="$(pwd)/agent/target/quadrant-agent.jar"
OUT="$(mktemp -d)"
cd src/test
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:$(cat target/classpath.txt)"
run() {
  java -cp "$CP" org.openjdk.jmh.Main -f 2 -wi 4 -i 5 -w 1s -r 1s "$@" 'dev.quadrant.bench.jmh.AdviceBenchmark'
}
run | tee target/advice-none.txt
run -jvmArgsAppend "-javaagent:$AGENT=out=$OUT/off,interval=60s,instrument=off" | tee target/advice-agent-off.txt
run -jvmArgsAppend "-javaagent:$AGENT=out=$OUT/on,interval=60s" | tee target/advice-agent-on.txt
