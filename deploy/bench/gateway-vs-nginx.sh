#!/usr/bin/env bash
# Gateway vs nginx, same small upstream, one run on this machine, loopback only.
#   (a) wrk -> nginx (reverse proxy)           -> upstream
#   (b) wrk -> gateway (JWT validated, RS256)  -> upstream
# The upstream is an nginx server block answering a small JSON body (and the JWKS).
# 1. saturation: closed loop, CONNECTIONS connections, DURATION each  -> RPS and latency percentiles
# 2. half of nginx's saturating rate: Debian's wrk has no fixed-rate mode (wrk2's -R), so each
#    connection waits DELAY_MS between requests (wrk's delay() hook) and the connection count is
#    chosen so that connections * 1000 / DELAY_MS = the target rate. That is a closed loop with
#    think time, not wrk2's open loop: a stall lowers the offered rate instead of queueing
#    (coordinated omission), so the p99 it reports is a lower bound.
# Needs: wrk, nginx (Debian: apt-get install -y wrk nginx), openssl, curl, xxd, java 17+ (JAVA=path to
# choose one), the gateway jar
# (built with ./mvnw -B -ntp -pl platform-support,gateway package -DskipTests if missing).
# Starts one nginx and one gateway JVM, records their pids, and stops exactly those on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
UPSTREAM_PORT="${UPSTREAM_PORT:-24180}"
NGINX_PORT="${NGINX_PORT:-24181}"
GATEWAY_PORT="${GATEWAY_PORT:-24182}"
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-24183}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-120s}"  # the gateway JIT-compiles for minutes on 2 cores; measured before that, it is half as fast
DELAY_MS="${DELAY_MS:-10}"
PATH_UNDER_TEST="/api/regions"

for tool in wrk nginx openssl curl "${JAVA:-java}"; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt-get install -y wrk nginx)" >&2; exit 2; }
done
JAR="$(ls "$ROOT"/gateway/target/gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl platform-support,gateway package -DskipTests)
  JAR="$(ls "$ROOT"/gateway/target/gateway-*.jar | grep -v original | head -1)"
fi

WORK="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
NGINX_PID=""
GATEWAY_PID=""
cleanup() {
  # only what this script started, by pid
  [[ -n "$GATEWAY_PID" ]] && kill "$GATEWAY_PID" 2>/dev/null && wait "$GATEWAY_PID" 2>/dev/null || true
  [[ -n "$NGINX_PID" ]] && kill -QUIT "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# --- a realm of our own: an RSA key, its JWKS, and one token signed with it -----------------
ISSUER="http://127.0.0.1:${UPSTREAM_PORT}/realms/bench"
openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
N="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)"
JWKS="$(printf '{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"bench","e":"AQAB","n":"%s"}]}' "$N")"
NOW="$(date +%s)"
HEADER="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
CLAIMS="$(printf '{"iss":"%s","sub":"bench-id","aud":["majorprojects-api"],"azp":"cli","iat":%d,"exp":%d,"preferred_username":"bench","name":"bench","realm_access":{"roles":["coordinator"]},"region":"360100"}' \
  "$ISSUER" "$NOW" "$((NOW + 3600))" | b64url)"
SIGNATURE="$(printf '%s.%s' "$HEADER" "$CLAIMS" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
TOKEN="$HEADER.$CLAIMS.$SIGNATURE"

# --- nginx: the upstream and the reference proxy -------------------------------------------
mkdir -p "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$UPSTREAM_PORT; keepalive 128; }
  server {
    listen 127.0.0.1:$UPSTREAM_PORT;
    location = /certs { default_type application/json; return 200 '$JWKS'; }
    location / { default_type application/json; return 200 '{"code":"360000","name":"Jiangxi"}'; }
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!

# --- the gateway, as configured for production, with the rate limit lifted for the load -----
SERVER_PORT="$GATEWAY_PORT" MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" \
  KEYCLOAK_ISSUER_URI="$ISSUER" KEYCLOAK_JWK_SET_URI="http://127.0.0.1:${UPSTREAM_PORT}/certs" \
  PROJECT_SERVICE_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
  ISSUE_SERVICE_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
  NOTIFICATION_SERVICE_URL="http://127.0.0.1:${UPSTREAM_PORT}" \
  GATEWAY_RATE_LIMIT_PER_SECOND=10000000 GATEWAY_RATE_LIMIT_BURST=10000000 \
  "${JAVA:-java}" -Xms256m -Xmx512m -jar "$JAR" >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:${GATEWAY_MANAGEMENT_PORT}/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -40 "$WORK/gateway.log" >&2; exit 1; }
  sleep 1
done

check() { # the token is accepted, and refused when missing
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1$PATH_UNDER_TEST")"
  [[ "$code" == 200 ]] || {
    echo "expected 200 from $1, got $code" >&2
    grep -E -m 10 'ERROR|WARN|Exception|Caused by' "$WORK/gateway.log" >&2
    exit 1
  }
}
check "http://127.0.0.1:${NGINX_PORT}"
check "http://127.0.0.1:${GATEWAY_PORT}"
[[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${GATEWAY_PORT}$PATH_UNDER_TEST")" == 401 ]]

cat >"$WORK/paced.lua" <<'LUA'
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "10")
function delay() return pause end
LUA

ms() { # wrk's "1.23ms" / "456.00us" / "1.20s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'
}
run() { # name url connections [lua]
  local out="$WORK/$1.txt"
  if [[ -n "${4:-}" ]]; then
    WRK_DELAY_MS="$DELAY_MS" wrk -t"$THREADS" -c"$3" -d"$DURATION" --latency -s "$4" \
      -H "Authorization: Bearer $TOKEN" "$2$PATH_UNDER_TEST" >"$out"
  else
    wrk -t"$THREADS" -c"$3" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$2$PATH_UNDER_TEST" >"$out"
  fi
  local rps p50 p90 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' "$out")"
  p50="$(ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p90="$(ms "$(awk '$1 == "90%" {print $2}' "$out")")"
  p99="$(ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  errors="$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$out")"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$3" "$rps" "$p50" "$p90" "$p99" "${errors:-none}"
  eval "RPS_$1=$rps; P99_$1=$p99"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# gateway settings from the environment: SPRING_REACTOR_CONTEXT_PROPAGATION=${SPRING_REACTOR_CONTEXT_PROPAGATION:-limited (application.yml)} TRACING_SAMPLING_PROBABILITY=${TRACING_SAMPLING_PROBABILITY:-1.0 (default)}"
echo "# warm-up: $WARMUP through each (JIT, connection pools), not recorded"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:${NGINX_PORT}$PATH_UNDER_TEST" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:${GATEWAY_PORT}$PATH_UNDER_TEST" >/dev/null

echo
echo "| run | connections | requests/s | p50 ms | p90 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|---|"
run nginx_saturated "http://127.0.0.1:${NGINX_PORT}" "$CONNECTIONS"
run gateway_saturated "http://127.0.0.1:${GATEWAY_PORT}" "$CONNECTIONS"
HALF="$(awk -v r="$RPS_nginx_saturated" 'BEGIN { printf "%d", r / 2 }')"
PACED_CONNECTIONS="$(awk -v r="$HALF" -v d="$DELAY_MS" 'BEGIN { c = int(r * d / 1000 + 0.5); if (c < 1) c = 1; print c }')"
run nginx_half "http://127.0.0.1:${NGINX_PORT}" "$PACED_CONNECTIONS" "$WORK/paced.lua"
run gateway_half "http://127.0.0.1:${GATEWAY_PORT}" "$PACED_CONNECTIONS" "$WORK/paced.lua"
# the same at half of the gateway's own saturating rate: what the gateway adds at a load it can carry
GW_HALF="$(awk -v r="$RPS_gateway_saturated" 'BEGIN { printf "%d", r / 2 }')"
GW_PACED_CONNECTIONS="$(awk -v r="$GW_HALF" -v d="$DELAY_MS" 'BEGIN { c = int(r * d / 1000 + 0.5); if (c < 1) c = 1; print c }')"
run nginx_gwhalf "http://127.0.0.1:${NGINX_PORT}" "$GW_PACED_CONNECTIONS" "$WORK/paced.lua"
run gateway_gwhalf "http://127.0.0.1:${GATEWAY_PORT}" "$GW_PACED_CONNECTIONS" "$WORK/paced.lua"

echo
awk -v g="$RPS_gateway_saturated" -v n="$RPS_nginx_saturated" 'BEGIN { printf "ratio gateway/nginx at saturation: %.2f (target >= 0.8)\n", g / n }'
echo "half of nginx's saturating rate: ~$HALF requests/s offered ($PACED_CONNECTIONS connections, ${DELAY_MS} ms pause each)"
awk -v g="$P99_gateway_half" -v n="$P99_nginx_half" 'BEGIN { printf "added p99 at that rate: %.2f ms (target <= 2 ms)\n", g - n }'
echo "half of the gateway's saturating rate: ~$GW_HALF requests/s offered ($GW_PACED_CONNECTIONS connections)"
awk -v g="$P99_gateway_gwhalf" -v n="$P99_nginx_gwhalf" 'BEGIN { printf "added p99 at that rate: %.2f ms\n", g - n }'
echo "JWKS fetches by the gateway during the run: $(grep -c 'fetched .* signing key' "$WORK/gateway.log" || true) (one at the first request)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
