package dev.picket.io.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.io.synth.AuditRecord.Principal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.picket.io.synth.AuditRecord.obj;

/**
 * The audit log of a busy, healthy cluster, as JSON lines: kubelets reporting status, renewing
 * leases, fetching secrets and projected tokens for their pods; controller and scheduler leader
 * election and their work; engineers running kubectl get/describe/logs and on-call shells in
 * application namespaces; Helm and Argo CD applying releases and reading their secrets;
 * cert-manager and admission operators maintaining webhooks; CNI, CSI and monitoring DaemonSets
 * (privileged, host namespaces, host paths) rolled out by their operators; CronJobs and their Jobs;
 * load-balancer health checks. Nothing in it is an attack, so detection rules must stay quiet on it.
 *
 * <p>Deterministic: the same size, seed and pace give the same lines. Time starts at
 * 2026-12-01T08:00:00Z and advances by exponentially distributed gaps, 40 ms on average unless a
 * slower pace is asked for (to spread a log over days, past the learning period of baselines).
 */
public final class BusyClusterAudit {
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    /** A busy cluster's API server answers about 25 requests a second. */
    public static final Duration BUSY_PACE = Duration.ofMillis(40);
    private static final String[] NODES = {"node-1", "node-2", "node-3", "node-4", "node-5", "node-6"};
    private static final String KCM = "kube-controller-manager/v1.30.2 (linux/amd64) kubernetes/3968350";
    private static final String KUBECTL = "kubectl/v1.30.2 (linux/amd64) kubernetes/3968350";
    private static final String HELM = "Helm/3.15.2";

    /** An application workload: namespace, deployment name, image repository in the organisation's registry. */
    private record App(String namespace, String name, String version) {
        String image() {
            return "registry.example.com/" + namespace + "/" + name + ":" + version;
        }

        String pod(Random random) {
            return name + "-7c9d8b6f4-" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26)) + "x9q";
        }
    }

    private static final List<App> APPS = List.of(
            new App("shop", "cart", "1.4.2"), new App("shop", "checkout", "5.2.1"), new App("shop", "catalog", "3.0.7"),
            new App("payments", "ledger", "2.9.0"), new App("search", "indexer", "0.18.3"));

    private static final Principal ONCALL = Principal.user("oncall-sam@example.com", KUBECTL, "10.20.0.15");
    private static final Principal DEVELOPER = Principal.user("dev-kate@example.com", KUBECTL, "10.20.0.31");
    private static final Principal HELM_CI = Principal.user("deploy-bot@example.com", HELM, "10.20.0.50");
    private static final Principal ADMIN = Principal.user("kubernetes-admin",
            "kubeadm/v1.30.2 (linux/amd64) kubernetes/3968350", "10.0.0.11");
    private static final Principal SCHEDULER = new Principal("system:kube-scheduler", List.of("system:authenticated"),
            "kube-scheduler/v1.30.2 (linux/amd64) kubernetes/3968350/leader-election", "10.0.0.11");
    private static final Principal CONTROLLER_MANAGER = new Principal("system:kube-controller-manager",
            List.of("system:authenticated"), KCM + "/leader-election", "10.0.0.11");
    private static final Principal ARGOCD = Principal.serviceAccount("argocd", "argocd-application-controller",
            "argocd-application-controller/v2.11.3 (linux/amd64) kubernetes/3968350", "10.244.2.18");
    private static final Principal CERT_MANAGER = Principal.serviceAccount("cert-manager", "cert-manager",
            "cert-manager/v1.15.1 (linux/amd64) kubernetes/3968350/controller", "10.244.2.11");
    private static final Principal CAINJECTOR = Principal.serviceAccount("cert-manager", "cert-manager-cainjector",
            "cainjector/v1.15.1 (linux/amd64) kubernetes/3968350", "10.244.2.12");
    private static final Principal INGRESS_ADMISSION = Principal.serviceAccount("ingress-nginx", "ingress-nginx-admission",
            "kube-webhook-certgen/v1.4.1 (linux/amd64) kubernetes/3968350", "10.244.3.21");
    private static final Principal TIGERA = Principal.serviceAccount("tigera-operator", "tigera-operator",
            "operator/v1.34.0 (linux/amd64) kubernetes/$Format", "10.0.0.23");
    private static final Principal EKS_ADDONS = new Principal("eks:addon-manager", List.of("system:authenticated"),
            "eks-addon-manager/v0.0.0 (linux/amd64) kubernetes/$Format", "10.0.0.5");
    private static final Principal PROMETHEUS_OPERATOR = Principal.serviceAccount("monitoring", "prometheus-operator",
            "PrometheusOperator/0.75.0", "10.244.4.7");
    private static final Principal KUBE_STATE_METRICS = Principal.serviceAccount("monitoring", "kube-state-metrics",
            "v2.12.0 (linux/amd64) kubernetes/3968350", "10.244.4.8");
    private static final Principal COREDNS = Principal.serviceAccount("kube-system", "coredns",
            "coredns/v1.11.1 (linux/amd64) kubernetes/3968350", "10.244.1.2");
    private static final Principal POSTGRES_OPERATOR = Principal.serviceAccount("db-operators", "postgres-operator",
            "postgres-operator/1.12.2 (linux/amd64) kubernetes/3968350", "10.244.4.30");
    private static final Principal LOAD_BALANCER = new Principal("system:anonymous", List.of("system:unauthenticated"),
            "ELB-HealthChecker/2.0", "10.0.0.5");

    private final Random random;
    private final Consumer<String> out;
    private final int limit;
    private final double meanGapMillis;
    private int written;
    private Instant now = START;

    private BusyClusterAudit(int limit, long seed, Duration meanGap, Consumer<String> out) {
        this.random = new Random(seed);
        this.out = out;
        this.limit = limit;
        this.meanGapMillis = meanGap.toMillis();
    }

    /** {@code n} audit events as JSON lines. */
    public static List<String> generate(int n, long seed) {
        List<String> lines = new ArrayList<>(n);
        generate(n, seed, lines::add);
        return lines;
    }

    /** {@code n} audit events, one JSON line each (with a trailing newline), to {@code out}. */
    public static void write(int n, long seed, Writer out) throws IOException {
        try {
            generate(n, seed, line -> {
                try {
                    out.write(line);
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@code n} audit events at the busy pace, one JSON text each, handed to {@code out} in time order. */
    public static void generate(int n, long seed, Consumer<String> out) {
        generate(n, seed, BUSY_PACE, out);
    }

    /** {@code n} audit events whose requests arrive {@code meanGap} apart on average. */
    public static void generate(int n, long seed, Duration meanGap, Consumer<String> out) {
        if (meanGap.toMillis() < 1) throw new IllegalArgumentException("meanGap must be at least 1 ms: " + meanGap);
        BusyClusterAudit cluster = new BusyClusterAudit(n, seed, meanGap, out);
        while (cluster.written < n) cluster.next();
    }

    /** One activity, chosen by how often it happens in a real cluster. */
    private void next() {
        int roll = random.nextInt(1000);
        if (roll < 220) kubeletStatus();
        else if (roll < 330) kubeletPodDependencies();
        else if (roll < 400) leaderElection();
        else if (roll < 470) controllerWork();
        else if (roll < 520) podScheduling();
        else if (roll < 600) systemWatches();
        else if (roll < 700) engineerReads();
        else if (roll < 720) onCallExec();
        else if (roll < 740) helmUpgrade();
        else if (roll < 765) argoCdSync();
        else if (roll < 780) certManager();
        else if (roll < 790) nodeAgentRollout();
        else if (roll < 810) cronJobRun();
        else if (roll < 880) healthChecks();
        else if (roll < 900) refusedRequest();
        else eventsAndEndpoints();
    }

    // --- kubelets ------------------------------------------------------------------------------

    private void kubeletStatus() {
        int i = random.nextInt(NODES.length);
        Principal kubelet = kubelet(i);
        if (random.nextBoolean()) {
            emit(new AuditRecord(kubelet, "update", "leases").in("kube-node-lease").named(NODES[i])
                    .body(obj("kind", "Lease", "apiVersion", "coordination.k8s.io/v1",
                            "metadata", obj("name", NODES[i], "namespace", "kube-node-lease"),
                            "spec", obj("holderIdentity", NODES[i], "leaseDurationSeconds", 40, "renewTime", AuditRecord.time(now)))));
        } else {
            emit(new AuditRecord(kubelet, "patch", "nodes").named(NODES[i]).sub("status")
                    .body(obj("status", obj("conditions", List.of(obj("type", "Ready", "status", "True",
                            "lastHeartbeatTime", AuditRecord.time(now), "reason", "KubeletReady"))))));
        }
    }

    /** A kubelet starting a pod: its secrets and config maps, a projected service-account token, its status. */
    private void kubeletPodDependencies() {
        int i = random.nextInt(NODES.length);
        App app = pick(APPS);
        String pod = app.pod(random);
        Principal kubelet = kubelet(i);
        emit(new AuditRecord(kubelet, "get", "secrets").in(app.namespace()).named(app.name() + "-credentials"));
        emit(new AuditRecord(kubelet, "watch", "configmaps").in(app.namespace())
                .query("allowWatchBookmarks=true&fieldSelector=metadata.name%3D" + app.name() + "-config&resourceVersion="
                        + resourceVersion() + "&timeout=9m12s&timeoutSeconds=552&watch=true"));
        emit(new AuditRecord(kubelet, "create", "serviceaccounts").in(app.namespace()).named(app.name()).sub("token")
                .body(obj("kind", "TokenRequest", "apiVersion", "authentication.k8s.io/v1",
                        "spec", obj("audiences", List.of("https://kubernetes.default.svc.cluster.local"),
                                "expirationSeconds", 3607,
                                "boundObjectRef", obj("kind", "Pod", "apiVersion", "v1", "name", pod, "uid", uuid().toString())))));
        emit(new AuditRecord(kubelet, "patch", "pods").in(app.namespace()).named(pod).sub("status")
                .body(obj("status", obj("phase", "Running", "conditions", List.of(obj("type", "Ready", "status", "True"))))));
    }

    // --- control plane -------------------------------------------------------------------------

    private void leaderElection() {
        Principal who = pick(List.of(CONTROLLER_MANAGER, SCHEDULER));
        String lease = who == SCHEDULER ? "kube-scheduler" : "kube-controller-manager";
        emit(new AuditRecord(who, "get", "leases").in("kube-system").named(lease));
        emit(new AuditRecord(who, "update", "leases").in("kube-system").named(lease)
                .body(obj("kind", "Lease", "apiVersion", "coordination.k8s.io/v1",
                        "metadata", obj("name", lease, "namespace", "kube-system"),
                        "spec", obj("holderIdentity", "cp-1_" + uuid(), "leaseDurationSeconds", 15, "renewTime", AuditRecord.time(now)))));
    }

    /** Controllers stamping pods and replica sets out of templates, and the garbage collector's sweeps. */
    private void controllerWork() {
        App app = pick(APPS);
        switch (random.nextInt(4)) {
            case 0 -> emit(new AuditRecord(controller("replicaset-controller"), "create", "pods").in(app.namespace())
                    .body(pod(app.pod(random), app.namespace(), obj("app", app.name()),
                            obj("containers", List.of(container(app.name(), app.image()))),
                            ownerReference("ReplicaSet", app.name() + "-7c9d8b6f4"))));
            case 1 -> emit(new AuditRecord(controller("deployment-controller"), "update", "deployments").in(app.namespace())
                    .named(app.name()).sub("status")
                    .body(obj("status", obj("replicas", 3, "readyReplicas", 3, "updatedReplicas", 3))));
            case 2 -> emit(new AuditRecord(controller("daemon-set-controller"), "create", "pods").in("calico-system")
                    .body(pod("calico-node-" + (char) ('a' + random.nextInt(26)) + "k2x9", "calico-system",
                            obj("k8s-app", "calico-node"), calicoNodeSpec(), ownerReference("DaemonSet", "calico-node"))));
            default -> emit(new AuditRecord(controller("generic-garbage-collector"), "list", "secrets")
                    .query("limit=500&resourceVersion=0"));
        }
    }

    private void podScheduling() {
        App app = pick(APPS);
        String pod = app.pod(random);
        emit(new AuditRecord(SCHEDULER, "create", "pods").in(app.namespace()).named(pod).sub("binding")
                .body(obj("kind", "Binding", "apiVersion", "v1", "metadata", obj("name", pod, "namespace", app.namespace()),
                        "target", obj("kind", "Node", "name", pick(List.of(NODES))))));
    }

    /** Long-lived watches of the cluster's own components, re-established as they time out. */
    private void systemWatches() {
        int choice = random.nextInt(6);
        Principal who = switch (choice) {
            case 0 -> COREDNS;
            case 1 -> ARGOCD;
            case 2 -> CERT_MANAGER;
            case 3 -> PROMETHEUS_OPERATOR;
            case 4 -> KUBE_STATE_METRICS;
            default -> controller("endpointslice-controller");
        };
        String resource = switch (choice) {
            case 0 -> "endpointslices";
            case 1 -> pick(List.of("secrets", "deployments", "services", "configmaps"));
            case 2 -> pick(List.of("secrets", "certificates"));
            case 3 -> "secrets";
            case 4 -> pick(List.of("secrets", "pods", "nodes", "deployments"));
            default -> "services";
        };
        AuditRecord watch = new AuditRecord(who, "watch", resource)
                .query("allowWatchBookmarks=true&resourceVersion=" + resourceVersion() + "&timeoutSeconds=" + (300 + random.nextInt(300))
                        + "&watch=true");
        if (who == PROMETHEUS_OPERATOR) watch.in("monitoring");
        emit(watch);
    }

    // --- people ----------------------------------------------------------------------------------

    /** kubectl get, describe and logs in the application namespaces, now and then a look at one of the team's secrets. */
    private void engineerReads() {
        Principal who = random.nextBoolean() ? ONCALL : DEVELOPER;
        App app = pick(APPS);
        String pod = app.pod(random);
        switch (random.nextInt(6)) {
            case 0 -> emit(new AuditRecord(who, "list", "pods").in(app.namespace()).query("limit=500"));
            case 1 -> {
                emit(new AuditRecord(who, "get", "pods").in(app.namespace()).named(pod));
                emit(new AuditRecord(who, "list", "events").in(app.namespace())
                        .query("fieldSelector=involvedObject.name%3D" + pod + "%2CinvolvedObject.namespace%3D"
                                + app.namespace() + "&limit=500"));
            }
            case 2 -> emit(new AuditRecord(who, "get", "pods").in(app.namespace()).named(pod).sub("log")
                    .query("container=" + app.name() + "&tailLines=200"));
            case 3 -> emit(new AuditRecord(who, "get", "deployments").in(app.namespace()).named(app.name()));
            case 4 -> emit(new AuditRecord(who, "create", "selfsubjectaccessreviews")
                    .body(obj("kind", "SelfSubjectAccessReview", "apiVersion", "authorization.k8s.io/v1",
                            "spec", obj("resourceAttributes", obj("namespace", app.namespace(), "verb", "delete", "resource", "pods")))));
            default -> emit(new AuditRecord(who, "get", "secrets").in(app.namespace()).named(app.name() + "-credentials"));
        }
    }

    /** An on-call shell or a diagnostic command in an application pod. */
    private void onCallExec() {
        App app = pick(APPS);
        List<String> command = pick(List.of(
                List.of("/bin/sh"), List.of("cat", "/app/config/application.yaml"),
                List.of("curl", "-s", "http://127.0.0.1:8080/healthz"), List.of("env"), List.of("ls", "-la", "/data"),
                List.of("sh", "-c", "ps aux | grep java"), List.of("jcmd", "1", "Thread.print")));
        boolean shell = command.size() == 1 && command.get(0).equals("/bin/sh");
        StringBuilder query = new StringBuilder();
        for (String arg : command) query.append("command=").append(URLEncoder.encode(arg, StandardCharsets.UTF_8)).append('&');
        query.append("container=").append(app.name()).append("&stderr=true");
        if (shell) query.append("&stdin=true");
        query.append("&stdout=true");
        if (shell) query.append("&tty=true");
        AuditRecord exec = new AuditRecord(ONCALL, "create", "pods").in(app.namespace()).named(app.pod(random)).sub("exec")
                .query(query.toString()).code(101);
        UUID id = uuid();
        Instant received = now;
        write(exec.event("ResponseStarted", received, 30, id));
        write(exec.event("ResponseComplete", received, 30_000 + random.nextInt(600_000), id));
        tick();
    }

    // --- deployment automation -------------------------------------------------------------------

    /** helm upgrade from CI: read the release history, roll the deployment, record the new release. */
    private void helmUpgrade() {
        App app = pick(APPS);
        int revision = 10 + random.nextInt(40);
        emit(new AuditRecord(HELM_CI, "list", "secrets").in(app.namespace())
                .query("labelSelector=name%3D" + app.name() + "%2Cowner%3Dhelm"));
        emit(new AuditRecord(HELM_CI, "get", "secrets").in(app.namespace()).named("sh.helm.release.v1." + app.name() + ".v" + revision));
        emit(new AuditRecord(HELM_CI, "patch", "deployments").in(app.namespace()).named(app.name())
                .query("fieldManager=helm")
                .body(obj("spec", obj("template", obj("metadata", obj("annotations", obj("checksum/config", uuid().toString())),
                        "spec", obj("containers", List.of(container(app.name(), app.image()))))))));
        emit(new AuditRecord(HELM_CI, "patch", "services").in(app.namespace()).named(app.name()).query("fieldManager=helm")
                .body(obj("spec", obj("type", "ClusterIP", "ports", List.of(obj("name", "http", "port", 80, "targetPort", 8080))))));
        if (random.nextInt(4) == 0) {
            emit(new AuditRecord(HELM_CI, "update", "cronjobs").in(app.namespace()).named(app.name() + "-report")
                    .body(cronJob(app.name() + "-report", app.namespace(), app.image(), List.of("/app/bin/report", "--daily"))));
        }
        emit(new AuditRecord(HELM_CI, "create", "secrets").in(app.namespace()).named("sh.helm.release.v1." + app.name() + ".v" + (revision + 1)));
    }

    /** Argo CD syncing: platform add-ons (node-exporter, sealed-secrets) and application image bumps. */
    private void argoCdSync() {
        switch (random.nextInt(3)) {
            case 0 -> emit(new AuditRecord(ARGOCD, "patch", "daemonsets").in("monitoring").named("node-exporter")
                    .query("fieldManager=argocd-controller").body(nodeExporter()));
            case 1 -> emit(new AuditRecord(ARGOCD, "patch", "deployments").in("kube-system").named("sealed-secrets-controller")
                    .query("fieldManager=argocd-controller")
                    .body(deployment("sealed-secrets-controller", "kube-system",
                            container("sealed-secrets-controller", "docker.io/bitnami/sealed-secrets-controller:0.27.0"))));
            default -> {
                App app = pick(APPS);
                emit(new AuditRecord(ARGOCD, "patch", "deployments").in(app.namespace()).named(app.name())
                        .query("fieldManager=argocd-controller")
                        .body(deployment(app.name(), app.namespace(), container(app.name(), app.image()))));
            }
        }
    }

    /** cert-manager renewing a certificate's secret, its CA injector and the ingress admission job refreshing webhook CA bundles. */
    private void certManager() {
        App app = pick(APPS);
        switch (random.nextInt(4)) {
            case 0 -> {
                emit(new AuditRecord(CERT_MANAGER, "get", "secrets").in(app.namespace()).named(app.name() + "-tls"));
                emit(new AuditRecord(CERT_MANAGER, "update", "secrets").in(app.namespace()).named(app.name() + "-tls"));
            }
            case 1 -> emit(new AuditRecord(CAINJECTOR, "patch", "validatingwebhookconfigurations").named("cert-manager-webhook")
                    .body(obj("webhooks", List.of(obj("name", "webhook.cert-manager.io",
                            "clientConfig", obj("caBundle", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"))))));
            case 2 -> emit(new AuditRecord(HELM_CI, "update", "validatingwebhookconfigurations").named("cert-manager-webhook")
                    .body(obj("kind", "ValidatingWebhookConfiguration", "apiVersion", "admissionregistration.k8s.io/v1",
                            "metadata", obj("name", "cert-manager-webhook"),
                            "webhooks", List.of(obj("name", "webhook.cert-manager.io",
                                    "clientConfig", obj("service", obj("name", "cert-manager-webhook", "namespace", "cert-manager",
                                            "path", "/validate", "port", 443)),
                                    "rules", List.of(obj("apiGroups", List.of("cert-manager.io", "acme.cert-manager.io"),
                                            "apiVersions", List.of("v1"), "operations", List.of("CREATE", "UPDATE"),
                                            "resources", List.of("*/*"))),
                                    "failurePolicy", "Fail", "sideEffects", "None")))));
            default -> emit(new AuditRecord(INGRESS_ADMISSION, "patch", "validatingwebhookconfigurations").named("ingress-nginx-admission")
                    .body(obj("webhooks", List.of(obj("name", "validate.nginx.ingress.kubernetes.io",
                            "clientConfig", obj("caBundle", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"),
                            "rules", List.of(obj("apiGroups", List.of("networking.k8s.io"), "apiVersions", List.of("v1"),
                                    "operations", List.of("CREATE", "UPDATE"), "resources", List.of("ingresses"))),
                            "failurePolicy", "Fail")))));
        }
    }

    /** Operators rolling out the node agents: privileged, on the host network, with host paths. */
    private void nodeAgentRollout() {
        switch (random.nextInt(4)) {
            case 0 -> emit(new AuditRecord(TIGERA, "update", "daemonsets").in("calico-system").named("calico-node")
                    .body(daemonSet("calico-node", "calico-system", calicoNodeSpec())));
            case 1 -> emit(new AuditRecord(EKS_ADDONS, "patch", "daemonsets").in("kube-system").named("ebs-csi-node")
                    .body(daemonSet("ebs-csi-node", "kube-system", obj(
                            "containers", List.of(container("ebs-plugin", "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.32.0",
                                    "securityContext", obj("privileged", true))),
                            "volumes", List.of(hostPath("kubelet-dir", "/var/lib/kubelet"), hostPath("device-dir", "/dev"))))));
            case 2 -> emit(new AuditRecord(EKS_ADDONS, "patch", "daemonsets").in("kube-system").named("aws-node")
                    .body(daemonSet("aws-node", "kube-system", obj(
                            "hostNetwork", true,
                            "containers", List.of(container("aws-node", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.2",
                                    "securityContext", obj("capabilities", obj("add", List.of("NET_ADMIN", "NET_RAW"))))),
                            "initContainers", List.of(container("aws-vpc-cni-init",
                                    "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.18.2",
                                    "securityContext", obj("privileged", true))),
                            "volumes", List.of(hostPath("cni-net-dir", "/etc/cni/net.d"), hostPath("run-dir", "/var/run/aws-node"))))));
            default -> emit(new AuditRecord(ADMIN, "update", "daemonsets").in("kube-system").named("kube-proxy")
                    .body(daemonSet("kube-proxy", "kube-system", obj(
                            "hostNetwork", true, "priorityClassName", "system-node-critical",
                            "containers", List.of(container("kube-proxy", "registry.k8s.io/kube-proxy:v1.30.2",
                                    "securityContext", obj("privileged", true))),
                            "volumes", List.of(hostPath("lib-modules", "/lib/modules"), hostPath("xtables-lock", "/run/xtables.lock"))))));
        }
    }

    /**
     * The CronJob controller starting a Job from a Helm-installed CronJob, and the Job controller its pod;
     * now and then the database operator (re)writing its backup CronJob.
     */
    private void cronJobRun() {
        App app = pick(APPS);
        if (random.nextInt(5) == 0) {
            emit(new AuditRecord(POSTGRES_OPERATOR, "update", "cronjobs").in("payments").named("ledger-db-backup")
                    .body(cronJob("ledger-db-backup", "payments", "ghcr.io/zalando/spilo-16:3.2-p3",
                            List.of("/scripts/backup.sh", "--target", "s3://backups-example/ledger"))));
            return;
        }
        String job = app.name() + "-report-" + (29000000 + random.nextInt(100000));
        emit(new AuditRecord(controller("cronjob-controller"), "create", "jobs").in(app.namespace())
                .body(obj("kind", "Job", "apiVersion", "batch/v1", "metadata", obj("name", job, "namespace", app.namespace(),
                                "ownerReferences", List.of(ownerReference("CronJob", app.name() + "-report"))),
                        "spec", obj("template", obj("spec", obj("restartPolicy", "OnFailure",
                                "containers", List.of(container("report", app.image(), "command", List.of("/app/bin/report", "--daily")))))))));
        emit(new AuditRecord(controller("job-controller"), "create", "pods").in(app.namespace())
                .body(pod(job + "-x7k2p", app.namespace(), obj("job-name", job),
                        obj("restartPolicy", "OnFailure", "containers", List.of(container("report", app.image()))),
                        ownerReference("Job", job))));
    }

    // --- background ------------------------------------------------------------------------------

    private void healthChecks() {
        emit(new AuditRecord(LOAD_BALANCER, "get", pick(List.of("/livez", "/readyz", "/healthz", "/version"))));
    }

    /** A developer trying something their role does not allow; refused requests are part of every day. */
    private void refusedRequest() {
        switch (random.nextInt(3)) {
            case 0 -> emit(new AuditRecord(DEVELOPER, "list", "secrets").in("kube-system").query("limit=500").code(403));
            case 1 -> emit(new AuditRecord(DEVELOPER, "delete", "pods").in("payments").named(pick(APPS).pod(random)).code(403));
            default -> emit(new AuditRecord(DEVELOPER, "get", "nodes").named(pick(List.of(NODES))).code(403));
        }
    }

    private void eventsAndEndpoints() {
        App app = pick(APPS);
        if (random.nextBoolean()) {
            emit(new AuditRecord(kubelet(random.nextInt(NODES.length)), "create", "events").in(app.namespace())
                    .body(obj("kind", "Event", "apiVersion", "v1", "metadata", obj("name", app.pod(random) + ".17d3c1f0a2b4c5d6",
                                    "namespace", app.namespace()),
                            "reason", pick(List.of("Pulled", "Created", "Started", "Killing")), "type", "Normal")));
        } else {
            emit(new AuditRecord(controller("endpointslice-controller"), "update", "endpointslices").in(app.namespace())
                    .named(app.name() + "-" + (char) ('a' + random.nextInt(26)) + "x8kq"));
        }
    }

    // --- objects ---------------------------------------------------------------------------------

    private static ObjectNode container(String name, String image, Object... more) {
        Object[] kv = new Object[4 + more.length];
        kv[0] = "name";
        kv[1] = name;
        kv[2] = "image";
        kv[3] = image;
        System.arraycopy(more, 0, kv, 4, more.length);
        return obj(kv);
    }

    private static ObjectNode hostPath(String name, String path) {
        return obj("name", name, "hostPath", obj("path", path));
    }

    private ObjectNode ownerReference(String kind, String name) {
        return obj("apiVersion", kind.equals("Job") || kind.equals("CronJob") ? "batch/v1" : "apps/v1", "kind", kind,
                "name", name, "uid", uuid().toString(), "controller", true, "blockOwnerDeletion", true);
    }

    private static ObjectNode pod(String name, String namespace, ObjectNode labels, ObjectNode spec, ObjectNode owner) {
        return obj("kind", "Pod", "apiVersion", "v1",
                "metadata", obj("name", name, "namespace", namespace, "labels", labels, "ownerReferences", List.of(owner)),
                "spec", spec);
    }

    private static ObjectNode deployment(String name, String namespace, ObjectNode container) {
        return obj("kind", "Deployment", "apiVersion", "apps/v1", "metadata", obj("name", name, "namespace", namespace),
                "spec", obj("replicas", 3, "selector", obj("matchLabels", obj("app", name)),
                        "template", obj("metadata", obj("labels", obj("app", name)), "spec", obj("containers", List.of(container)))));
    }

    private static ObjectNode daemonSet(String name, String namespace, ObjectNode podSpec) {
        return obj("kind", "DaemonSet", "apiVersion", "apps/v1", "metadata", obj("name", name, "namespace", namespace),
                "spec", obj("selector", obj("matchLabels", obj("k8s-app", name)),
                        "template", obj("metadata", obj("labels", obj("k8s-app", name)), "spec", podSpec)));
    }

    private static ObjectNode cronJob(String name, String namespace, String image, List<String> command) {
        return obj("kind", "CronJob", "apiVersion", "batch/v1", "metadata", obj("name", name, "namespace", namespace),
                "spec", obj("schedule", "15 2 * * *", "jobTemplate", obj("spec", obj("template", obj("spec", obj(
                        "restartPolicy", "OnFailure", "containers", List.of(container("report", image, "command", command))))))));
    }

    private static ObjectNode calicoNodeSpec() {
        return obj("hostNetwork", true, "serviceAccountName", "calico-node",
                "initContainers", List.of(container("install-cni", "docker.io/calico/cni:v3.28.0", "securityContext", obj("privileged", true))),
                "containers", List.of(container("calico-node", "docker.io/calico/node:v3.28.0", "securityContext", obj("privileged", true))),
                "volumes", List.of(hostPath("lib-modules", "/lib/modules"), hostPath("var-run-calico", "/var/run/calico"),
                        hostPath("cni-net-dir", "/etc/cni/net.d"), hostPath("cni-bin-dir", "/opt/cni/bin")));
    }

    private static ObjectNode nodeExporter() {
        return daemonSet("node-exporter", "monitoring", obj(
                "hostPID", true, "hostNetwork", true,
                "containers", List.of(container("node-exporter", "quay.io/prometheus/node-exporter:v1.8.1",
                        "args", List.of("--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"),
                        "securityContext", obj("runAsNonRoot", true, "runAsUser", 65534, "readOnlyRootFilesystem", true))),
                "volumes", List.of(hostPath("proc", "/proc"), hostPath("sys", "/sys"), hostPath("root", "/"))));
    }

    // --- plumbing --------------------------------------------------------------------------------

    private static Principal kubelet(int node) {
        return Principal.node(NODES[node], "10.0.0." + (21 + node));
    }

    private static Principal controller(String name) {
        return Principal.serviceAccount("kube-system", name, KCM + "/system:serviceaccount:kube-system:" + name, "10.0.0.11");
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String resourceVersion() {
        return Integer.toString(800_000 + random.nextInt(200_000));
    }

    /** A random (version 4) UUID drawn from the seeded generator. */
    private UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Writes one request as the API server does: sometimes with its RequestReceived copy first. */
    private void emit(AuditRecord request) {
        UUID id = uuid();
        if (random.nextInt(20) == 0) write(request.event("RequestReceived", now, 0, id));
        write(request.event("ResponseComplete", now, 2 + random.nextInt(60), id));
        tick();
    }

    private void write(JsonNode event) {
        if (written == limit) return;
        out.accept(event.toString());
        written++;
    }

    /** Requests arrive {@code meanGapMillis} apart on average (exponentially distributed gaps). */
    private void tick() {
        now = now.plusMillis(1 + (long) (-Math.log(1 - random.nextDouble()) * meanGapMillis));
    }
}
