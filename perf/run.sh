#!/usr/bin/env bash
# The delivery-path benchmark (docs/performance.md). Builds the library, the benchmark WAR and the
# tools through the it-tests reactor (nothing is installed into ~/.m2), then runs:
#
#   perf/run.sh                      every scenario on Payara Micro and OpenLiberty (about 1.5 h)
#   perf/run.sh --quick              every scenario with small numbers, one repetition
#   perf/run.sh --smoke              tiny numbers on Payara Micro; exits 1 if a client missed events
#   perf/run.sh --servers payara --scenarios 1,2 --reps 3 --targets ceiling,plain,module
#   perf/run.sh --scenarios 1 --events 5000 --targets module   scenario 1 as a burst of 5,000 events
#   perf/run.sh --scenarios 3 --idle 10000,50000                  scenario 3 at other numbers
#   perf/run.sh jmh [JMH options]    scenario 6: JMH on the encoder and the in-memory store
#   perf/run.sh --servers payara --scenarios 7 --reps 1   scenario 7: two nodes on a redis-server it
#                                    starts on a free port, next to one node on the memory store
#   --payara-port P --liberty-port P --ceiling-port P     other ports than the defaults below
#   --profile DIR                    scenario 7: JFR recording of node A into DIR/node-a.jfr
#
# PERF_SKIP_BUILD=1 skips the build. The report is printed and written to
# perf/tools/target/perf-results.md; server logs are in perf/tools/target/perf-work/<server>.log.
# Ports: 28080 (Payara Micro; scenario 7's second node 28081), 28081 (OpenLiberty), 28090 (ceiling),
# all on 127.0.0.1, unless given.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Thousands of sockets on both sides: the servers inherit this limit from the runner.
ulimit -n "$(ulimit -Hn)"

liberty=true
if [[ " $* " == *" --smoke "* ]] || { [[ " $* " == *" --servers "* ]] && [[ "$*" != *liberty* ]]; }; then
  liberty=false
fi

if [ "${PERF_SKIP_BUILD:-}" != "1" ]; then
  profile=()
  if [ "$liberty" = true ] && [ "${1:-}" != "jmh" ]; then
    profile=(-Pperf-liberty)
  fi
  mvn -B -q -f it-tests/pom.xml -pl :resumable-sse-perf-tools,:resumable-sse-perf-jmh -am \
    -DskipTests "${profile[@]}" package
fi

if [ "${1:-}" = "jmh" ]; then
  shift
  exec java -cp "perf/jmh/target/classes:$(cat perf/jmh/target/classpath.txt)" \
    org.openjdk.jmh.Main -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
fi

exec java -Xmx2g \
  -Dperf.war=perf/app/target/perf.war \
  -Dperf.payaraJar=perf/tools/target/payara-micro.jar \
  -Dperf.wlp=perf/tools/target/liberty/wlp \
  -Dperf.workDir=perf/tools/target/perf-work \
  -cp perf/tools/target/perf-tools.jar \
  org.resumablesse.perf.runner.Runner --out perf/tools/target/perf-results.md "$@"
