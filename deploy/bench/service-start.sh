#!/usr/bin/env bash
# One service's start alone (issue 13, target 4: UP <= 2.5 s on Temurin 25): plain `java -jar` of
# the fat jar against ./platform's start (extracted jar, the JDK's AOT cache, sized JVM), the same
# environment for both, alternating, ROUNDS times each. The platform runs on its own ports and state
# directory (Mongo, Keycloak and the other services up; the measured service stopped); a first run
# starts it twice so that the AOT caches exist (./platform down writes them). Also prints how long
# that later `./platform up` took to everything healthy (issue 13, target 6: <= 30 s).
#
#   deploy/bench/service-start.sh                        # project-service, 3 rounds
#   SERVICE=issue-service ROUNDS=5 deploy/bench/service-start.sh
#
# For each start: wall time from launch to /actuator/health UP (polled every 100 ms), Spring's own
# "Started ... in" figure, the CPU seconds it had used by then (user + system: the figure least moved
# by other load on the machine) and RSS at UP. Needs the jars built and Temurin 25 (JAVA_HOME_25 to
# choose). Stops only what it started: the measured JVMs by pid, the platform with ./platform down.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVICE="${SERVICE:-project-service}"
ROUNDS="${ROUNDS:-3}"
export PLATFORM_HOME="${PLATFORM_HOME:-$ROOT/target/start-bench/platform}"
export GATEWAY_PORT="${GATEWAY_PORT:-28980}" PROJECT_SERVICE_PORT="${PROJECT_SERVICE_PORT:-28981}"
export ISSUE_SERVICE_PORT="${ISSUE_SERVICE_PORT:-28982}" NOTIFICATION_SERVICE_PORT="${NOTIFICATION_SERVICE_PORT:-28983}"
export GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-29980}" PROJECT_SERVICE_MANAGEMENT_PORT="${PROJECT_SERVICE_MANAGEMENT_PORT:-29981}"
export ISSUE_SERVICE_MANAGEMENT_PORT="${ISSUE_SERVICE_MANAGEMENT_PORT:-29982}" NOTIFICATION_SERVICE_MANAGEMENT_PORT="${NOTIFICATION_SERVICE_MANAGEMENT_PORT:-29983}"
export KEYCLOAK_PORT="${KEYCLOAK_PORT:-29990}" MONGO_PORT="${MONGO_PORT:-27980}" REDIS_PORT="${REDIS_PORT:-26379}"

case $SERVICE in
  gateway) mgmt=$GATEWAY_MANAGEMENT_PORT ;;
  project-service) mgmt=$PROJECT_SERVICE_MANAGEMENT_PORT ;;
  issue-service) mgmt=$ISSUE_SERVICE_MANAGEMENT_PORT ;;
  notification-service) mgmt=$NOTIFICATION_SERVICE_MANAGEMENT_PORT ;;
  *) echo "SERVICE must be one of gateway project-service issue-service notification-service" >&2; exit 2 ;;
esac

measured=""
cleanup() {
  if [[ -n "$measured" ]]; then kill "$measured" 2>/dev/null || true; wait "$measured" 2>/dev/null || true; fi
  "$ROOT/platform" down >/dev/null || true
}
trap cleanup EXIT INT TERM

if [[ ! -f "$PLATFORM_HOME/aot/$SERVICE.aot" ]]; then
  echo "# first run: a first start records the AOT caches (./platform down writes them)" >&2
  t0=$(date +%s)
  "$ROOT/platform" up >/dev/null
  echo "# ./platform up, first start: $(( $(date +%s) - t0 )) s" >&2
  "$ROOT/platform" down >/dev/null
fi
load_up=$(cut -d' ' -f1 /proc/loadavg)
t0=$(date +%s%N)
"$ROOT/platform" up >/dev/null
up_ms=$(( ($(date +%s%N) - t0) / 1000000 ))

# the service exactly as ./platform started it: its command line and environment
pid=$(cat "$PLATFORM_HOME/run/$SERVICE.pid")
mapfile -d '' tuned_cmd < "/proc/$pid/cmdline"
mapfile -d '' service_env < "/proc/$pid/environ"
"$ROOT/platform" stop "$SERVICE" >/dev/null
java="${tuned_cmd[0]}"
fat_jar=$(ls "$ROOT/$SERVICE"/target/"$SERVICE"-*.jar | grep -v original | head -1)
plain_cmd=("$java" -jar "$fat_jar")
log="$(mktemp /tmp/service-start.XXXXXX)"

# one start: prints "ms_to_up started_in_s cpu_s rss_mib"
start_once() {
  local t0 t1 started cpu rss
  t0=$(date +%s%N)
  env -i "${service_env[@]}" "$@" >"$log" 2>&1 &
  measured=$!
  until curl -sf "http://localhost:$mgmt/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$measured" 2>/dev/null || { echo "the service stopped; its log: $log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$measured/stat")
  rss=$(awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$measured/status")
  started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$log" | awk '{print $4}' | head -1)
  kill "$measured"; wait "$measured" 2>/dev/null || true; measured=""
  echo "$(( (t1 - t0) / 1000000 )) ${started:-?} $cpu $rss"
}

echo "# $SERVICE alone, $(basename "$(dirname "$(dirname "$java")")"), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | start | UP after s | Spring's Started in s | CPU s at UP | RSS at UP MiB | load |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for mode in plain tuned; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [[ $mode == plain ]]; then r=$(start_once "${plain_cmd[@]}"); else r=$(start_once "${tuned_cmd[@]}"); fi
    read -r ms started cpu rss <<<"$r"
    label=$([[ $mode == plain ]] && echo 'plain `java -jar`' || echo "./platform's start (AOT cache)")
    printf '| %s | %s | %d.%02d | %s | %s | %s | %s |\n' "$round" "$label" $((ms / 1000)) $(((ms % 1000) / 10)) "$started" "$cpu" "$rss" "$load"
  done
done
echo
echo "./platform up, a later start (Keycloak built, AOT caches written), to everything healthy: $((up_ms / 1000)).$(( (up_ms % 1000) / 100 )) s (load before: $load_up)"
echo "tuned command: ${tuned_cmd[*]}"
