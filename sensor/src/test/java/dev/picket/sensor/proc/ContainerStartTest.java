package dev.picket.sensor.proc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerStartTest {
    @Test
    void bindMountsAndSecretsAreListedButTheRootAndKernelFileSystemsAreNot() {
        String mountinfo = """
                1402 1180 0:215 / / rw,relatime - overlay overlay rw,upperdir=/u,workdir=/w
                1403 1402 0:217 / /proc rw,nosuid - proc proc rw
                1404 1402 0:218 / /dev rw,nosuid - tmpfs tmpfs rw,size=65536k
                1410 1402 254:0 /run/containerd/containerd.sock /run/containerd/containerd.sock rw,relatime - ext4 /dev/vda rw
                1411 1402 0:300 / /var/run/secrets/kubernetes.io/serviceaccount ro,relatime - tmpfs tmpfs rw,size=4096k
                1412 1402 0:40 / /sys/fs/cgroup ro,nosuid - cgroup2 cgroup2 rw
                """;
        assertThat(ContainerStart.mounts(mountinfo)).containsExactly(
                new ContainerStart.Mount("/", "/dev", "tmpfs", false),
                new ContainerStart.Mount("/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "ext4", false),
                new ContainerStart.Mount("/", "/var/run/secrets/kubernetes.io/serviceaccount", "tmpfs", true));
    }

    @Test
    void everyCapabilityMeansPrivileged() {
        assertThat(ContainerStart.privileged("Name:\tsh\nCapEff:\t000001ffffffffff\n", 40)).isTrue();
    }

    @Test
    void theDefaultContainerCapabilitiesAreNotPrivileged() {
        // Docker's default set: chown, dac_override, fowner, fsetid, kill, setgid, setuid, setpcap, net_bind_service, net_raw, sys_chroot, mknod, audit_write, setfcap
        assertThat(ContainerStart.privileged("CapEff:\t00000000a80425fb\n", 40)).isFalse();
        assertThat(ContainerStart.privileged("Name:\tsh\n", 40)).isNull();
    }
}
