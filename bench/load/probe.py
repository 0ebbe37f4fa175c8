#!/usr/bin/env python3
"""Event-to-alert latency under load: posts one attack event (an anonymous request listing pods)
every INTERVAL seconds for DURATION seconds, and polls GET /v1/alerts until its alert is stored.
Prints p50/p99/max latency and how many probes never raised an alert (they must be none)."""
import json, os, sys, time, urllib.request, uuid
from datetime import datetime, timezone, timedelta

base, token = sys.argv[1], os.environ["PICKET_TOKEN"]
duration, interval = float(sys.argv[2]), float(sys.argv[3])
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

def call(method, path, body=None):
    req = urllib.request.Request(base + path, data=body, headers=headers, method=method)
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, r.read()

def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"

latencies, missing = [], 0
end = time.time() + duration
while time.time() < end:
    at = datetime.now(timezone.utc).replace(microsecond=(datetime.now().microsecond // 1000) * 1000)
    event = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata", "auditID": str(uuid.uuid4()),
             "stage": "ResponseComplete", "requestURI": "/api/v1/pods?limit=500", "verb": "list",
             "user": {"username": "system:anonymous", "groups": ["system:unauthenticated"]},
             "sourceIPs": ["198.51.100.77"], "userAgent": "python-requests/2.32.3",
             "objectRef": {"resource": "pods", "apiVersion": "v1"},
             "responseStatus": {"metadata": {}, "code": 200},
             "requestReceivedTimestamp": stamp(at), "stageTimestamp": stamp(at),
             "annotations": {"authorization.k8s.io/decision": "allow"}}
    body = json.dumps({"kind": "EventList", "apiVersion": "audit.k8s.io/v1", "items": [event]}).encode()
    window = "&from=" + stamp(at) + "&to=" + stamp(at + timedelta(milliseconds=1))
    start = time.time()
    status, _ = call("POST", "/v1/audit", body)
    found = False
    while time.time() - start < 10:
        _, page = call("GET", "/v1/alerts?rule=audit-anonymous-api-access&limit=10" + window)
        if json.loads(page)["alerts"]:
            found = True
            break
        time.sleep(0.005)
    if found:
        latencies.append((time.time() - start) * 1000)
    else:
        missing += 1
    time.sleep(max(0.0, interval - (time.time() - start)))

latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))] if latencies else float("nan")
print("probes %d, alerts found %d, missing %d" % (len(latencies) + missing, len(latencies), missing))
print("event-to-alert latency p50 %.0f ms, p99 %.0f ms, max %.0f ms" % (pct(50), pct(99), latencies[-1] if latencies else float("nan")))
