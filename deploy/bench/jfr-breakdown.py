#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go, by component (bench only).

usage: jfr-breakdown.py JFR_TOOL RECORDING.jfr

Reads the jdk.ExecutionSample events (`jfr print --json`) and gives each sample to the component of
the frame nearest the leaf that belongs to a named component: JDK and Reactor frames are charged to
whoever called them (an RSA verify inside Nimbus is "JWT", a HashMap.get inside a Micrometer timer
is "observation"). Prints each component's share of the samples, largest first.
"""
import json
import subprocess
import sys
from collections import Counter

# first match wins; prefixes of "package.Class.method"
COMPONENTS = [
    ("our filters (rate limit, size, forwarded headers, security config)", ("cn.gov.jx.",)),
    ("JWT: Nimbus parse + RS256 verify + validators",
     ("com.nimbusds.", "org.springframework.security.oauth2.jwt.", "org.springframework.security.oauth2.jose.")),
    ("Spring Security (resource server, filter chain, headers, authorization)",
     ("org.springframework.security.",)),
    ("circuit breaker / time limiter (Resilience4j)",
     ("io.github.resilience4j.", "org.springframework.cloud.circuitbreaker.",
      "org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreaker")),
    ("retry filter", ("org.springframework.cloud.gateway.filter.factory.Retry", "reactor.util.retry.")),
    ("observation, metrics, tracing (Micrometer, Brave)",
     ("io.micrometer.", "brave.", "org.springframework.web.filter.reactive.ServerHttpObservationFilter",
      "org.springframework.web.server.adapter.HttpWebHandlerAdapter.lambda$handle",
      "org.springframework.cloud.gateway.filter.headers.observation.",
      "org.springframework.boot.micrometer.", "org.springframework.boot.actuate.")),
    ("Spring Cloud Gateway routing and its filters", ("org.springframework.cloud.gateway.",)),
    ("Spring WebFlux / Web", ("org.springframework.web.", "org.springframework.http.",
                              "org.springframework.core.", "org.springframework.util.")),
    ("Reactor Netty server + client", ("reactor.netty.",)),
    ("Netty (I/O, HTTP codec, buffers)", ("io.netty.",)),
    ("Reactor core operators", ("reactor.",)),
]
UNNAMED = "JDK / other (no named frame on the stack)"


def component(frame_name):
    for name, prefixes in COMPONENTS:
        if frame_name.startswith(prefixes):
            return name
    return None


def main():
    jfr, recording = sys.argv[1], sys.argv[2]
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "512", "--events",
                          "jdk.ExecutionSample", recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    shares = Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"]
        charged = UNNAMED
        for frame in frames:  # leaf first
            method = frame["method"]
            name = method["type"]["name"].replace("/", ".") + "." + method["name"]
            found = component(name)
            # Reactor core only when nothing more specific is on the stack below it
            if found and found != "Reactor core operators":
                charged = found
                break
            if found and charged == UNNAMED:
                charged = found
        shares[charged] += 1
    total = sum(shares.values()) or 1
    print(f"| component ({total} samples) | share |")
    print("|---|---|")
    for name, count in shares.most_common():
        print(f"| {name} | {100 * count / total:.1f} % |")


if __name__ == "__main__":
    main()
