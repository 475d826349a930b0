#!/usr/bin/env bash
# The soak (issue 15, "Load"): the whole platform started by ./platform on its own ports and state
# directory, then a realistic mix through the gateway with real tokens of the demo users at a fixed
# offered rate for DURATION seconds after WARMUP seconds, the demo users' live notification streams
# open all along, and every process's RSS, threads and open files sampled every 30 s
# (deploy/bench/Soak.java). Prints the table and the verdict; exits non-zero when a pass criterion
# fails. Stops only the platform it started (./platform down on its own PLATFORM_HOME).
#
#   deploy/bench/soak.sh                         # 40 req/s, 600 s warm-up, 600 s measured
#   RATE=60 WARMUP=120 DURATION=300 deploy/bench/soak.sh
#
# The warm-up is long because the embedded MongoDB's heap takes about 9 minutes at 40 req/s to fill
# to its -Xmx, and its RSS grows until then without being a leak (docs/benchmarks.md, runs 2-5).
#
# Needs the jars built (./mvnw -B -ntp install -DskipTests) and a JDK 21+ (Temurin 25 on this
# machine; JAVA=path/to/java to choose). Not part of ./mvnw verify: it takes 20+ minutes.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RATE="${RATE:-40}"
DURATION="${DURATION:-600}"
WARMUP="${WARMUP:-600}"
OUT="${OUT:-$ROOT/target/soak}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-*/bin/java 2>/dev/null | head -1 || true)}"
JAVA="${JAVA:-java}"

export PLATFORM_HOME="${PLATFORM_HOME:-$OUT/platform}"
export GATEWAY_PORT="${GATEWAY_PORT:-28980}"
export PROJECT_SERVICE_PORT="${PROJECT_SERVICE_PORT:-28981}"
export ISSUE_SERVICE_PORT="${ISSUE_SERVICE_PORT:-28982}"
export NOTIFICATION_SERVICE_PORT="${NOTIFICATION_SERVICE_PORT:-28983}"
export GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-29980}"
export PROJECT_SERVICE_MANAGEMENT_PORT="${PROJECT_SERVICE_MANAGEMENT_PORT:-29981}"
export ISSUE_SERVICE_MANAGEMENT_PORT="${ISSUE_SERVICE_MANAGEMENT_PORT:-29982}"
export NOTIFICATION_SERVICE_MANAGEMENT_PORT="${NOTIFICATION_SERVICE_MANAGEMENT_PORT:-29983}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-29990}"
export MONGO_PORT="${MONGO_PORT:-27980}"
# the local default store (H2 file, committed on every write), as a user's platform runs; its RSS
# grew under the soak's writes (docs/benchmarks.md, run 2), as the in-memory store's did (run 1)
export MONGO_STORE="${MONGO_STORE:-file}"
# the mix sends at most a few requests per second per user; the gateway's per-user limit stays on
mkdir -p "$OUT"

# ports below 32768: Linux hands out 32768-60999 to outgoing connections, which may hold a port
# the platform wants to listen on
cleanup() { "$ROOT/platform" down || true; }
trap cleanup EXIT INT TERM

"$ROOT/platform" up

echo "soak: load average before: $(cut -d' ' -f1-3 /proc/loadavg); rate $RATE/s, warm-up ${WARMUP}s, measured ${DURATION}s"
"$JAVA" "$ROOT/deploy/bench/Soak.java" "http://localhost:$GATEWAY_PORT" "http://localhost:$KEYCLOAK_PORT" \
  "$PLATFORM_HOME/run" "$RATE" "$DURATION" "$WARMUP" "$OUT/soak-report.md"
