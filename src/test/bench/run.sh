#!/usr/bin/env bash
# The whole benchmark, one command from the repository root (about 15 minutes on 2 cores):
# whole-process A/B of the reference service (none / JFR / Quadrant, 10 pairs) and start-up, then JMH.
# Writes src/test/target/overhead.md and src/test/target/jmh.txt.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q install -DskipTests
mvn -B verify -pl src/test -Dgroups=benchmark -Dquadrant.excludedGroups=none
cd src/test
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main -f 1 -wi 3 -i 5 -w 1s -r 1s \
  'dev.quadrant.bench.jmh.*' | tee target/jmh.txt
