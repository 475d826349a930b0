#!/usr/bin/env bash
# The gateway against its floors, same small upstream, one run on this machine, loopback only:
#   nginx    wrk -> nginx (reverse proxy, upstream keep-alive)                          -> upstream
#   bare     wrk -> Spring Cloud Gateway, same versions, one route, no filters, no security -> upstream
#   jwt      wrk -> the same + only Spring Security's resource server (RS256 JWT, iss, aud, exp)
#   gateway  wrk -> our gateway jar as configured for production (JWT, rate limiter, circuit breaker,
#                   retry, security headers, tracing at its production sampling), rate limit lifted
# bare and jwt are deploy/bench/floor-gateway (bench only, never shipped). The upstream is its own
# nginx answering a small JSON body (and the JWKS of a key this script makes).
# For each target: WARMUP of load (JIT, pools; not recorded), then DURATION closed loop with
# CONNECTIONS connections (saturation): req/s, p50, p99, and CPU per request = the target's
# utime+stime delta (/proc/<pid>/stat, its worker processes for nginx) over the measured window
# divided by the requests it answered. Then all four at half of the production gateway's saturating
# rate: Debian's wrk has no fixed-rate mode (wrk2's -R), so each connection waits DELAY_MS between
# requests (wrk's delay() hook) and connections = rate * DELAY_MS / 1000. That is a closed loop with
# think time (a stall lowers the offered rate instead of queueing), so its p99 is a lower bound.
#
# One command from a fresh clone (builds the two jars if missing; BUILD=1 rebuilds them):
#   deploy/bench/gateway-vs-nginx.sh
# Needs: wrk, nginx (Debian: apt-get install -y wrk nginx), openssl, curl, xxd, a JDK 17+ (JAVA=path/to/java;
# default Temurin 25 when installed), python3 for PROFILE_DIR. PROFILE_DIR=dir also records a JFR
# profile of each JVM target during an extra, unrecorded saturated run after its measured one, and
# prints where its samples go by component (jfr-breakdown.py) and its hot methods (jfr, JDK 21+).
# Ports: 28780-28787 on 127.0.0.1 (BASE_PORT to move them). Stops exactly the processes it started,
# by pid, on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE_PORT="${BASE_PORT:-28780}"
UPSTREAM_PORT=$((BASE_PORT))
NGINX_PORT=$((BASE_PORT + 1))
BARE_PORT=$((BASE_PORT + 2))
JWT_PORT=$((BASE_PORT + 3))
GATEWAY_PORT=$((BASE_PORT + 4))
GATEWAY_MANAGEMENT_PORT=$((BASE_PORT + 5))
BASELINE_PORT=$((BASE_PORT + 6))
BASELINE_MANAGEMENT_PORT=$((BASE_PORT + 7))
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-120s}"  # the JVMs JIT-compile for minutes on 2 cores; measured before that, half as fast
DELAY_MS="${DELAY_MS:-10}"
# BASELINE_JAR=another gateway jar (e.g. main's) adds target "baseline", run like "gateway"
TARGETS="${TARGETS:-nginx bare jwt gateway${BASELINE_JAR:+ baseline}}"
JVM_OPTS="${JVM_OPTS:--Xms256m -Xmx512m}"
# reactive stacks are deep: keep whole stacks so each sample can be charged to its component
[[ -n "${PROFILE_DIR:-}" ]] && JVM_OPTS="$JVM_OPTS -XX:FlightRecorderOptions:stackdepth=1024"
PATH_UNDER_TEST="/api/regions"
if [[ -z "${JAVA:-}" ]]; then
  JAVA=java
  [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
JAVA_BIN="$(dirname "$(command -v "$JAVA")")"

for tool in wrk nginx openssl curl xxd "$JAVA"; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt-get install -y wrk nginx)" >&2; exit 2; }
done
jar_of() { ls "$ROOT/$1"/target/"$2"-*.jar 2>/dev/null | grep -v original | head -1 || true; }
GATEWAY_JAR="$(jar_of gateway gateway)"
FLOOR_JAR="$(jar_of deploy/bench/floor-gateway floor-gateway)"
if [[ -z "$GATEWAY_JAR" || -z "$FLOOR_JAR" || "${BUILD:-0}" == 1 ]]; then
  echo "# building the gateway and floor-gateway jars (./mvnw package -DskipTests)" >&2
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl gateway,deploy/bench/floor-gateway -am package -DskipTests)
  GATEWAY_JAR="$(jar_of gateway gateway)"
  FLOOR_JAR="$(jar_of deploy/bench/floor-gateway floor-gateway)"
fi

WORK="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
declare -A PID=()  # target -> pid (nginx: the proxy's master), plus "upstream"
cleanup() {
  # only what this script started, by pid
  local name
  for name in "${!PID[@]}"; do
    if [[ "$name" == upstream || "$name" == nginx ]]; then
      kill -QUIT "${PID[$name]}" 2>/dev/null || true
    else
      kill "${PID[$name]}" 2>/dev/null || true
    fi
  done
  for name in "${!PID[@]}"; do wait "${PID[$name]}" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# --- a realm of our own: an RSA key, its JWKS, and one token signed with it -----------------
ISSUER="http://127.0.0.1:${UPSTREAM_PORT}/realms/bench"
JWKS_URI="http://127.0.0.1:${UPSTREAM_PORT}/certs"
openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
N="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)"
JWKS="$(printf '{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"bench","e":"AQAB","n":"%s"}]}' "$N")"
NOW="$(date +%s)"
HEADER="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
CLAIMS="$(printf '{"iss":"%s","sub":"bench-id","aud":["majorprojects-api"],"azp":"cli","iat":%d,"exp":%d,"preferred_username":"bench","name":"bench","realm_access":{"roles":["coordinator"]},"region":"360100"}' \
  "$ISSUER" "$NOW" "$((NOW + 7200))" | b64url)"
SIGNATURE="$(printf '%s.%s' "$HEADER" "$CLAIMS" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
TOKEN="$HEADER.$CLAIMS.$SIGNATURE"

# --- nginx: the upstream, and separately the reference proxy (so each one's CPU is its own) --
nginx_conf() { # name server-block
  mkdir -p "$WORK/$1/tmp"
  cat >"$WORK/$1/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/$1/nginx.pid;
error_log $WORK/$1/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/$1/tmp/body;
  proxy_temp_path $WORK/$1/tmp/proxy;
  fastcgi_temp_path $WORK/$1/tmp/fastcgi;
  uwsgi_temp_path $WORK/$1/tmp/uwsgi;
  scgi_temp_path $WORK/$1/tmp/scgi;
  keepalive_requests 1000000;
  $2
}
NGINX
}
nginx_conf upstream "server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location = /certs { default_type application/json; return 200 '$JWKS'; }
    location / { default_type application/json; return 200 '{\"code\":\"360000\",\"name\":\"Jiangxi\"}'; }
  }"
nginx_conf proxy "upstream backend { server 127.0.0.1:$UPSTREAM_PORT; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
  }"
nginx -p "$WORK/upstream" -c "$WORK/upstream/nginx.conf" -g 'daemon off;' &
PID[upstream]=$!
nginx -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" -g 'daemon off;' &
PID[nginx]=$!

# --- the JVM targets, all started now, each warmed up just before it is measured -------------
# shellcheck disable=SC2086
if [[ " $TARGETS " == *" bare "* ]]; then
  SERVER_PORT="$BARE_PORT" UPSTREAM_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
    "$JAVA" $JVM_OPTS -jar "$FLOOR_JAR" --spring.profiles.active=bare >"$WORK/bare.log" 2>&1 &
  PID[bare]=$!
fi
if [[ " $TARGETS " == *" jwt "* ]]; then
  SERVER_PORT="$JWT_PORT" UPSTREAM_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
    JWT_ISSUER_URI="$ISSUER" JWT_JWK_SET_URI="$JWKS_URI" \
    "$JAVA" $JVM_OPTS -jar "$FLOOR_JAR" --spring.profiles.active=jwt >"$WORK/jwt.log" 2>&1 &
  PID[jwt]=$!
fi
start_gateway() { # target jar port management-port
  # production configuration (application.yml, platform-defaults.yml) with the rate limit lifted
  SERVER_PORT="$3" MANAGEMENT_PORT="$4" \
    KEYCLOAK_ISSUER_URI="$ISSUER" KEYCLOAK_JWK_SET_URI="$JWKS_URI" \
    PROJECT_SERVICE_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
    ISSUE_SERVICE_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
    NOTIFICATION_SERVICE_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
    GATEWAY_RATE_LIMIT_PER_SECOND=10000000 GATEWAY_RATE_LIMIT_BURST=10000000 \
    "$JAVA" $JVM_OPTS -jar "$2" >"$WORK/$1.log" 2>&1 &
  PID[$1]=$!
}
[[ " $TARGETS " == *" gateway "* ]] && start_gateway gateway "$GATEWAY_JAR" "$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT"
[[ " $TARGETS " == *" baseline "* ]] && start_gateway baseline "$BASELINE_JAR" "$BASELINE_PORT" "$BASELINE_MANAGEMENT_PORT"
declare -A URL=(
  [nginx]="http://127.0.0.1:${NGINX_PORT}" [bare]="http://127.0.0.1:${BARE_PORT}"
  [jwt]="http://127.0.0.1:${JWT_PORT}" [gateway]="http://127.0.0.1:${GATEWAY_PORT}"
  [baseline]="http://127.0.0.1:${BASELINE_PORT}")
declare -A LABEL=(
  [nginx]="nginx reverse proxy" [bare]="bare Spring Cloud Gateway, one route"
  [jwt]="the same + resource server, RS256 JWT" [gateway]="our gateway jar (production configuration)"
  [baseline]="baseline gateway jar $(basename "${BASELINE_JAR:-}")")

status() { curl -s -o /dev/null -w '%{http_code}' "$@" || true; }
for target in $TARGETS; do
  for _ in $(seq 1 240); do
    [[ "$(status -H "Authorization: Bearer $TOKEN" "${URL[$target]}$PATH_UNDER_TEST")" == 200 ]] && break
    kill -0 "${PID[$target]}" 2>/dev/null || { tail -40 "$WORK/$target.log" >&2; exit 1; }
    sleep 1
  done
  code="$(status -H "Authorization: Bearer $TOKEN" "${URL[$target]}$PATH_UNDER_TEST")"
  [[ "$code" == 200 ]] || { echo "$target: expected 200 with the token, got $code" >&2; exit 1; }
  if [[ "$target" == jwt || "$target" == gateway || "$target" == baseline ]]; then # the token is checked: refused without, or forged
    code="$(status "${URL[$target]}$PATH_UNDER_TEST")"
    [[ "$code" == 401 ]] || { echo "$target: expected 401 without a token, got $code" >&2; exit 1; }
    code="$(status -H "Authorization: Bearer $HEADER.$CLAIMS.${SIGNATURE:0:-4}AAAA" "${URL[$target]}$PATH_UNDER_TEST")"
    [[ "$code" == 401 ]] || { echo "$target: expected 401 with a forged signature, got $code" >&2; exit 1; }
  fi
done

cat >"$WORK/paced.lua" <<'LUA'
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "10")
function delay() return pause end
LUA

ms() { # wrk's "1.23ms" / "456.00us" / "1.20s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'
}
CLK_TCK="$(getconf CLK_TCK)"
cpu_ticks() { # utime+stime of a pid and its children processes (nginx's worker), in clock ticks
  local total=0 p
  for p in "$1" $(ps --ppid "$1" -o pid= 2>/dev/null); do
    # fields after the ")" of the command: state is $1, utime $12, stime $13
    total=$((total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
load() { cut -d' ' -f1 /proc/loadavg; }
wrk_run() { # out connections url [lua]
  if [[ -n "${4:-}" ]]; then
    WRK_DELAY_MS="$DELAY_MS" wrk -t"$THREADS" -c"$2" -d"$DURATION" --latency -s "$4" \
      -H "Authorization: Bearer $TOKEN" "$3$PATH_UNDER_TEST" >"$1"
  else
    wrk -t"$THREADS" -c"$2" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$3$PATH_UNDER_TEST" >"$1"
  fi
}
declare -A RPS=() P50=() P99=() CPU=() ERR=() LOAD=()
measure() { # key target connections [lua]
  local out="$WORK/$1.txt" before after requests
  LOAD[$1]="$(load)"
  before="$(cpu_ticks "${PID[$2]}")"
  wrk_run "$out" "$3" "${URL[$2]}" "${4:-}"
  after="$(cpu_ticks "${PID[$2]}")"
  RPS[$1]="$(awk '/Requests\/sec/ { printf "%d", $2 }' "$out")"
  P50[$1]="$(ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  P99[$1]="$(ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  requests="$(awk '/requests in/ { print $1 }' "$out")"
  CPU[$1]="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%d", n ? t / hz / n * 1e6 : 0 }')"
  ERR[$1]="$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s ", $0 }' "$out")"
  ERR[$1]="${ERR[$1]:-none}"
}

echo "# $(date -u +%FT%TZ), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $("$JAVA" -version 2>&1 | head -1), JVM options: $JVM_OPTS; wrk $THREADS threads, $CONNECTIONS connections,"
echo "# warm-up $WARMUP per target (not recorded), $DURATION measured; gateway: TRACING_SAMPLING_PROBABILITY=${TRACING_SAMPLING_PROBABILITY:-its default}"
for target in $TARGETS; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" \
    "${URL[$target]}$PATH_UNDER_TEST" >/dev/null
  measure "sat_$target" "$target" "$CONNECTIONS"
  if [[ -n "${PROFILE_DIR:-}" && "$target" != nginx ]]; then
    mkdir -p "$PROFILE_DIR"
    "$JAVA_BIN/jcmd" "${PID[$target]}" JFR.start name=bench settings=profile \
      filename="$(cd "$PROFILE_DIR" && pwd)/$target.jfr" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $TOKEN" \
      "${URL[$target]}$PATH_UNDER_TEST" >/dev/null
    "$JAVA_BIN/jcmd" "${PID[$target]}" JFR.stop name=bench >/dev/null
  fi
done

ratio() { awk -v a="${RPS[$1]:-0}" -v b="${RPS[$2]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
echo
echo "| target (saturated, $CONNECTIONS connections) | load before | req/s | p50 ms | p99 ms | CPU per request µs | ÷ nginx | ÷ bare | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
for target in $TARGETS; do
  k="sat_$target"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${LABEL[$target]}" "${LOAD[$k]}" "${RPS[$k]}" \
    "${P50[$k]}" "${P99[$k]}" "${CPU[$k]}" "$(ratio "$k" sat_nginx)" "$(ratio "$k" sat_bare)" "${ERR[$k]}"
done

# half of the production gateway's saturating rate (of the slowest target measured, without it)
slowest="$(for t in $TARGETS; do echo "${RPS[sat_$t]} $t"; done | sort -n | head -1 | cut -d' ' -f2)"
[[ " $TARGETS " == *" gateway "* ]] && slowest=gateway
HALF=$((${RPS[sat_$slowest]} / 2))
PACED=$(((HALF * DELAY_MS + 500) / 1000))
((PACED >= THREADS)) || PACED=$THREADS
for target in $TARGETS; do measure "half_$target" "$target" "$PACED" "$WORK/paced.lua"; done
echo
echo "Half of the $slowest's saturating rate: ~$HALF req/s offered ($PACED connections, each pausing ${DELAY_MS} ms)"
echo
echo "| target (paced) | load before | req/s | p50 ms | p99 ms | p99 added over nginx ms | CPU per request µs | errors |"
echo "|---|---|---|---|---|---|---|---|"
for target in $TARGETS; do
  k="half_$target"
  added="$(awk -v a="${P99[$k]}" -v b="${P99[half_nginx]:-}" 'BEGIN { if (b != "") printf "%.2f", a - b; else print "-" }')"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "${LABEL[$target]}" "${LOAD[$k]}" "${RPS[$k]}" \
    "${P50[$k]}" "${P99[$k]}" "$added" "${CPU[$k]}" "${ERR[$k]}"
done

echo
if [[ -n "${RPS[sat_gateway]:-}" && -n "${RPS[sat_bare]:-}" ]]; then
  echo "target 1: gateway ÷ bare at saturation $(ratio sat_gateway sat_bare) (target >= 0.8)"
fi
if [[ -n "${P99[half_gateway]:-}" && -n "${P99[half_nginx]:-}" ]]; then
  awk -v g="${P99[half_gateway]}" -v n="${P99[half_nginx]}" -v e="${ERR[half_gateway]}" \
    'BEGIN { printf "target 2: gateway p99 added over nginx at half its rate %.2f ms (target <= 2 ms), errors: %s\n", g - n, e }'
fi
if [[ " $TARGETS " == *" gateway "* ]]; then
  echo "JWKS fetches by the gateway during the run: $(grep -c 'fetched .* signing key' "$WORK/gateway.log" || true) (one at the first request)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ -n "${PROFILE_DIR:-}" ]]; then
  for target in $TARGETS; do
    [[ -f "$PROFILE_DIR/$target.jfr" ]] || continue
    echo
    echo "## $target: where the CPU samples go (deploy/bench/jfr-breakdown.py), $PROFILE_DIR/$target.jfr"
    echo
    python3 "$ROOT/deploy/bench/jfr-breakdown.py" "$JAVA_BIN/jfr" "$PROFILE_DIR/$target.jfr" || true
    echo
    echo "## $target: JFR hot methods (top frames)"
    "$JAVA_BIN/jfr" view --width 160 hot-methods "$PROFILE_DIR/$target.jfr" 2>/dev/null | head -30 || true
  done
fi
