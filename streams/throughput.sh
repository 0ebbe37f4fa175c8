#!/usr/bin/env bash
# Measures the Kafka Streams runner at 1, 2 and 4 partitions/threads against a broker started in
# the same JVM, and the in-process engine over the same generated events.
# Usage: streams/throughput.sh [EVENTS_PER_KIND]   (audit and runtime events each; default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl streams -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="streams/target/test-classes:streams/target/classes:$(cat streams/target/test-classpath.txt)"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$cp" dev.picket.streams.StreamsThroughput "$@"
