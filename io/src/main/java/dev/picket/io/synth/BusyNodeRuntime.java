package dev.picket.io.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The runtime events (Picket's JSON lines) of busy, healthy nodes: web servers, JVM and Python
 * services, databases and sidecars starting helper processes, reading their configuration and
 * libraries, writing logs and temporary files, and talking to each other, to DNS and to the
 * cluster's API server the way operators do; plus node-level processes (kubelet probes, log
 * rotation). Each event carries its container, pod, namespace and node, and process events their
 * ancestry. Nothing in it is an attack.
 *
 * <p>Deterministic: the same size and seed give the same lines. Time starts at
 * 2026-12-01T08:00:00Z and advances about 2 ms per event.
 */
public final class BusyNodeRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final String[] NODES = {"node-1", "node-2", "node-3", "node-4", "node-5", "node-6"};

    /** A workload: where it runs and what it is made of. */
    private record Workload(String namespace, String pod, String container, String image, String app,
                            String mainImage, String mainCommandLine, String[] helpers, String[] reads,
                            String[] writes, String[] peers) {
    }

    private static final List<Workload> WORKLOADS = List.of(
            new Workload("shop", "frontend-5b6c7d8e9f-4kzpx", "nginx", "docker.io/library/nginx:1.25.4", "frontend",
                    "/usr/sbin/nginx", "nginx: worker process",
                    new String[] {"/usr/bin/curl -sf http://127.0.0.1:8080/healthz", "/bin/sh -c nginx -s reload"},
                    new String[] {"/etc/nginx/nginx.conf", "/etc/nginx/conf.d/default.conf", "/usr/share/nginx/html/index.html",
                            "/etc/ssl/certs/ca-certificates.crt", "/etc/nsswitch.conf", "/etc/resolv.conf"},
                    new String[] {"/var/log/nginx/access.log", "/var/cache/nginx/proxy_temp/3/01/0000000013"},
                    new String[] {"10.96.14.20:8080", "10.244.3.17:8080"}),
            new Workload("shop", "cart-7c9d8b6f4-qzx9q", "cart", "registry.example.com/shop/cart:1.4.2", "cart",
                    "/usr/lib/jvm/java-21-openjdk/bin/java",
                    "java -XX:MaxRAMPercentage=75 -Dspring.profiles.active=prod -jar /app/cart.jar",
                    new String[] {"/bin/sh -c /app/bin/healthcheck.sh", "/usr/bin/env bash /app/bin/healthcheck.sh"},
                    new String[] {"/app/cart.jar", "/app/config/application-prod.yaml", "/usr/lib/jvm/java-21-openjdk/lib/modules",
                            "/etc/ssl/certs/java/cacerts", "/etc/hosts", "/proc/self/cgroup"},
                    new String[] {"/tmp/tomcat.8080.4188457921/work/Tomcat/localhost/ROOT", "/app/logs/cart.log"},
                    new String[] {"10.96.33.5:6379", "10.96.40.12:5432", "10.96.14.22:8080"}),
            new Workload("payments", "ledger-6f8b7c5d4-m2k7w", "ledger", "registry.example.com/payments/ledger:2.9.0", "ledger",
                    "/usr/local/bin/python3.12", "python3 -m gunicorn ledger.wsgi:application --workers 4 --bind 0.0.0.0:8000",
                    new String[] {"/usr/local/bin/python3.12 -c import ledger.health; ledger.health.check()",
                            "/bin/sh -c alembic current"},
                    new String[] {"/usr/local/lib/python3.12/site-packages/ledger/__init__.py", "/app/ledger/settings.py",
                            "/etc/ledger/config.toml", "/usr/local/lib/python3.12/encodings/__init__.py", "/etc/localtime"},
                    new String[] {"/tmp/gunicorn-ledger.ctl", "/app/var/ledger.log"},
                    new String[] {"10.96.40.12:5432", "10.96.52.8:4317"}),
            new Workload("data", "postgres-0", "postgres", "docker.io/library/postgres:16.4", "postgres",
                    "/usr/lib/postgresql/16/bin/postgres", "postgres: checkpointer",
                    new String[] {"/usr/lib/postgresql/16/bin/pg_isready -U postgres -h 127.0.0.1",
                            "/bin/sh -c pg_isready -U postgres"},
                    new String[] {"/var/lib/postgresql/data/postgresql.conf", "/var/lib/postgresql/data/pg_hba.conf",
                            "/var/lib/postgresql/data/base/16384/2619"},
                    new String[] {"/var/lib/postgresql/data/pg_wal/000000010000000000000042",
                            "/var/lib/postgresql/data/pg_stat_tmp/global.tmp"},
                    new String[] {"10.96.52.8:4317"}),
            new Workload("search", "indexer-55d9c8b7f6-r8t2n", "indexer", "registry.example.com/search/indexer:0.18.3", "indexer",
                    "/app/indexer", "/app/indexer --config /etc/indexer/indexer.yaml --shards 8",
                    new String[] {"/bin/busybox wget -q -O- http://127.0.0.1:9090/ready"},
                    new String[] {"/etc/indexer/indexer.yaml", "/data/shards/3/segment-000184.idx"},
                    new String[] {"/data/shards/3/segment-000185.tmp", "/data/shards/3/segment-000185.idx"},
                    new String[] {"10.96.60.3:9200", "10.96.60.4:9200"}),
            new Workload("monitoring", "prometheus-k8s-0", "prometheus", "quay.io/prometheus/prometheus:v2.53.1", "prometheus",
                    "/bin/prometheus", "/bin/prometheus --config.file=/etc/prometheus/config_out/prometheus.env.yaml"
                    + " --storage.tsdb.path=/prometheus --storage.tsdb.retention.time=15d --web.enable-lifecycle",
                    new String[] {"/bin/sh -c wget -qO- http://localhost:9090/-/ready"},
                    new String[] {"/etc/prometheus/config_out/prometheus.env.yaml", "/etc/prometheus/rules/prometheus-k8s-rulefiles-0/kube.yaml"},
                    new String[] {"/prometheus/wal/00000311", "/prometheus/chunks_head/000042"},
                    new String[] {"10.0.0.21:10250", "10.0.0.22:9100", "10.244.3.17:8080"}),
            new Workload("istio-system", "istio-ingressgateway-7d9f8c6b5-xk2lp", "istio-proxy", "docker.io/istio/proxyv2:1.22.3",
                    "istio-ingressgateway", "/usr/local/bin/envoy",
                    "/usr/local/bin/envoy -c etc/istio/proxy/envoy-rev.json --drain-time-s 45 --proxy-log-level=warning",
                    new String[] {"/usr/local/bin/pilot-agent request GET /healthz/ready"},
                    new String[] {"/etc/istio/proxy/envoy-rev.json", "/var/run/secrets/istio/root-cert.pem", "/etc/certs/cert-chain.pem"},
                    new String[] {"/etc/istio/proxy/XDS", "/dev/stdout"},
                    new String[] {"10.96.0.15:15012", "10.244.1.9:8080", "10.244.2.14:8080"}));

    private static final String[] DNS = {"cart.shop.svc.cluster.local", "postgres.data.svc.cluster.local",
            "otel-collector.monitoring.svc.cluster.local", "api.stripe.com", "registry.example.com"};

    private final Random random;
    private final Consumer<String> out;
    private Instant now = START;

    private BusyNodeRuntime(long seed, Consumer<String> out) {
        this.random = new Random(seed);
        this.out = out;
    }

    /** {@code n} runtime events as JSON lines. */
    public static List<String> generate(int n, long seed) {
        List<String> lines = new ArrayList<>(n);
        generate(n, seed, lines::add);
        return lines;
    }

    /** {@code n} runtime events, one JSON text each, handed to {@code out} in time order. */
    public static void generate(int n, long seed, Consumer<String> out) {
        BusyNodeRuntime node = new BusyNodeRuntime(seed, out);
        for (int i = 0; i < n; i++) node.next();
    }

    /** One event, chosen by how often each kind occurs on a node running services. */
    private void next() {
        int roll = random.nextInt(100);
        if (roll < 10) hostProcess();
        else {
            Workload w = WORKLOADS.get(random.nextInt(WORKLOADS.size()));
            if (roll < 25) process(w);
            else if (roll < 55) fileAccess(w);
            else if (roll < 70) fileWrite(w);
            else if (roll < 90) connection(w);
            else dnsQuery(w);
        }
        now = now.plusNanos(500_000 + random.nextInt(3_000_000));
    }

    /** Probes and hooks the kubelet runs in the container: started by the runtime's shim, not by the service. */
    private void process(Workload w) {
        String command = pick(w.helpers);
        String image = command.substring(0, command.indexOf(' '));
        String shim = "/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id " + containerId(w).substring(0, 12)
                + " -address /run/containerd/containerd.sock";
        ObjectNode e = event("process_creation", w);
        process(e, image, command, pid());
        e.put("ParentProcessId", 900 + random.nextInt(100));
        e.put("ParentImage", "/usr/bin/containerd-shim-runc-v2");
        e.put("ParentCommandLine", shim);
        e.put("CurrentDirectory", "/");
        ArrayNode ancestors = e.putArray("Ancestors");
        ancestors.addObject().put("Image", "/usr/bin/containerd-shim-runc-v2").put("CommandLine", shim);
        ancestors.addObject().put("Image", "/sbin/init").put("CommandLine", "/sbin/init");
        e.put("ExeInUpperLayer", false);
        emit(e);
    }

    private void fileAccess(Workload w) {
        ObjectNode e = event("file_access", w);
        process(e, w.mainImage, w.mainCommandLine, 1);
        e.put("TargetFilename", pick(w.reads));
        e.put("FileOperation", random.nextInt(4) == 0 ? "read" : "open");
        e.putArray("OpenFlags").add("O_RDONLY").add("O_CLOEXEC");
        e.put("Result", "ok");
        emit(e);
    }

    private void fileWrite(Workload w) {
        ObjectNode e = event("file_event", w);
        process(e, w.mainImage, w.mainCommandLine, 1);
        e.put("TargetFilename", pick(w.writes));
        boolean create = random.nextInt(3) == 0;
        e.put("FileOperation", create ? "create" : "write");
        ArrayNode flags = e.putArray("OpenFlags").add("O_WRONLY");
        if (create) flags.add("O_CREAT").add("O_TRUNC");
        else flags.add("O_APPEND");
        e.put("Result", "ok");
        emit(e);
    }

    private void connection(Workload w) {
        ObjectNode e = event("network_connection", w);
        process(e, w.mainImage, w.mainCommandLine, 1);
        String peer = pick(w.peers);
        int colon = peer.indexOf(':');
        e.put("Initiated", true);
        e.put("Protocol", "tcp");
        e.put("SourceIp", "10.244." + (1 + random.nextInt(5)) + "." + (2 + random.nextInt(250)));
        e.put("SourcePort", 32768 + random.nextInt(28000));
        e.put("DestinationIp", peer.substring(0, colon));
        e.put("DestinationPort", Integer.parseInt(peer.substring(colon + 1)));
        emit(e);
    }

    private void dnsQuery(Workload w) {
        ObjectNode e = event("dns_query", w);
        process(e, w.mainImage, w.mainCommandLine, 1);
        e.put("QueryName", pick(DNS));
        e.putArray("QueryResults").add("10.96." + random.nextInt(64) + "." + (1 + random.nextInt(250)));
        emit(e);
    }

    /** Node processes outside containers: probes and housekeeping, no container or pod fields. */
    private void hostProcess() {
        ObjectNode e = JSON.createObjectNode();
        e.put("time", now.toString());
        e.put("category", "process_creation");
        e.put("node", pick(NODES));
        String[][] commands = {
                {"/usr/sbin/logrotate", "/usr/sbin/logrotate /etc/logrotate.conf", "/usr/lib/systemd/systemd", "/sbin/init"},
                {"/usr/sbin/iptables", "/usr/sbin/iptables -w 5 -W 100000 -S KUBE-KUBELET-CANARY -t mangle",
                        "/usr/bin/kubelet", "/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///run/containerd/containerd.sock"},
                {"/usr/bin/du", "du -s /var/lib/kubelet/pods/7c1f2e3d/volumes/kubernetes.io~empty-dir/cache",
                        "/usr/bin/kubelet", "/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml"}};
        String[] c = commands[random.nextInt(commands.length)];
        process(e, c[0], c[1], pid());
        e.put("ParentProcessId", 1000 + random.nextInt(2000));
        e.put("ParentImage", c[2]);
        e.put("ParentCommandLine", c[3]);
        e.put("CurrentDirectory", "/");
        e.putArray("Ancestors").addObject().put("Image", c[2]).put("CommandLine", c[3]);
        emit(e);
    }

    private ObjectNode event(String category, Workload w) {
        ObjectNode e = JSON.createObjectNode();
        e.put("time", now.toString());
        e.put("category", category);
        e.put("node", NODES[Math.floorMod(w.pod.hashCode(), NODES.length)]);
        ObjectNode container = e.putObject("container");
        container.put("id", containerId(w));
        container.put("name", w.container);
        container.put("image", w.image);
        container.put("privileged", false);
        ObjectNode k8s = e.putObject("k8s");
        k8s.put("namespace", w.namespace);
        k8s.put("pod", w.pod);
        k8s.putObject("labels").put("app.kubernetes.io/name", w.app).put("pod-template-hash", "5b6c7d8e9f");
        return e;
    }

    private static void process(ObjectNode e, String image, String commandLine, int pid) {
        e.put("ProcessId", pid);
        e.put("Image", image);
        e.put("CommandLine", commandLine);
        e.put("User", image.contains("postgres") ? "postgres" : image.startsWith("/app") ? "app" : "root");
    }

    /** A stable 64-hex container id per workload. */
    private static String containerId(Workload w) {
        String h = Integer.toHexString(w.pod.hashCode() | 0x10000000);
        return (h + h + h + h + h + h + h + h).substring(0, 64);
    }

    private int pid() {
        return 20 + random.nextInt(60_000);
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private void emit(ObjectNode event) {
        out.accept(event.toString());
    }
}
