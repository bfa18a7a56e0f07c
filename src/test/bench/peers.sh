#!/usr/bin/env bash
# Quadrant beside the agents users already run (no agent, JFR alone, async-profiler, the OpenTelemetry agent), one command
# from the repository root, about 15 minutes: the reference service on CPU 0, wrk and the fixed-rate client on CPU 1.
# Writes src/test/target/peers.md. Options after the script's name go to dev.quadrant.bench.Peers (e.g. --rounds 5).
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v wrk >/dev/null || { echo "peers.sh needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "peers.sh needs two CPUs: the service on one, the load on the other" >&2; exit 1; }
started=$(date +%s)
mvn -B -q install -DskipTests
cd src/test
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.6 -DoutputDirectory=target/agents
CP="target/test-classes:$(cat target/classpath.txt)"
taskset -c 1 java -cp "$CP" dev.quadrant.bench.Peers --quadrant ../../agent/target/quadrant-agent.jar \
    --otel target/agents/opentelemetry-javaagent.jar --async-profiler target/agents/async-profiler-4.6.jar --out target/peers.md "$@"
echo "peers benchmark done in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
