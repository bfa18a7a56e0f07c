#!/usr/bin/env bash
# The long host-safety runs, one command from the repository root (about 13 minutes on 2 cores; SOAK_MINUTES=6: 9):
# a busy service with the agent reporting every second for 10 minutes (heap after GC, native memory, threads),
# 50 attach/stop rounds, 5,500 threads on JDK 17 and 25, and the small-container figures (5 runs each way).
# Writes src/test/target/soak.md and prints every figure; docs/host-safety.md has the latest.
set -euo pipefail
cd "$(dirname "$0")/../../.."
started=$(date +%s)
MINUTES=${SOAK_MINUTES:-10}
mvn -B -q clean install -DskipTests
AGENT="$(pwd)/agent/target/quadrant-agent.jar"
cd src/test
mvn -B -q test-compile
java -cp target/test-classes dev.quadrant.bench.Soak --agent "$AGENT" --minutes "$MINUTES" --out target/soak.md
# 50 rounds instead of CI's 12; the many-threads and small-container tests print their figures
mvn -B -q surefire:test -Dtest='AttachCyclesTest,ManyThreadsTest,SmallContainerTest' -Dquadrant.attachRounds=50 -Dscenario.maxSeconds=300 \
  -DtrimStackTrace=false | grep -E "rounds in|5,500 threads|small container|Tests run|FAIL" || true
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$JDK25/bin/java" ]; then
  # the same many-threads run on the newest JDK, where thread states are read without a safepoint
  JAVA_HOME=$JDK25 mvn -B -q surefire:test -Dtest=ManyThreadsTest -Djvm="$JDK25/bin/java" | grep -E "5,500 threads|Tests run|FAIL" || true
fi
for i in 1 2 3 4 5; do mvn -B -q surefire:test -Dtest=SmallContainerTest | grep "small container" || true; done
echo "soak done in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
