package dev.picket.sensor.proc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupIdentityTest {
    private static final String ID = "3f1c2b4a5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";

    @Test
    void dockerWithTheSystemdDriver() {
        assertThat(CgroupIdentity.parse("0::/system.slice/docker-" + ID + ".scope\n"))
                .isEqualTo(new CgroupIdentity(ID, null));
    }

    @Test
    void containerdInAKubernetesPodWithTheSystemdDriver() {
        String line = "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1b2c3d4e_5f60_7182_93a4_b5c6d7e8f901.slice/cri-containerd-" + ID + ".scope";
        assertThat(CgroupIdentity.parse(line)).isEqualTo(new CgroupIdentity(ID, "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901"));
    }

    @Test
    void crioAndTheCgroupfsDriverOnCgroupV1() {
        assertThat(CgroupIdentity.parse("0::/kubepods.slice/kubepods-pod1b2c3d4e_5f60_7182_93a4_b5c6d7e8f901.slice/crio-" + ID + ".scope").containerId()).isEqualTo(ID);
        String v1 = "12:pids:/kubepods/besteffort/pod1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901/" + ID + "\n11:memory:/kubepods/besteffort/pod1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901/" + ID + "\n";
        assertThat(CgroupIdentity.parse(v1)).isEqualTo(new CgroupIdentity(ID, "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901"));
    }

    @Test
    void hostProcessesAndNearMissesAreNoContainer() {
        assertThat(CgroupIdentity.parse("0::/user.slice/user-0.slice/session-3.scope\n").host()).isTrue();
        assertThat(CgroupIdentity.parse("0::/\n")).isEqualTo(CgroupIdentity.HOST);
        // CRI-O's monitor process sits beside the container, not in it.
        assertThat(CgroupIdentity.parse("0::/system.slice/crio-conmon-" + ID + ".scope").host()).isTrue();
        // 63 hex digits, and a 64-character id with a non-hex letter
        assertThat(CgroupIdentity.parse("0::/docker/" + ID.substring(1)).host()).isTrue();
        assertThat(CgroupIdentity.parse("0::/docker/" + ID.substring(1) + "g").host()).isTrue();
    }
}
