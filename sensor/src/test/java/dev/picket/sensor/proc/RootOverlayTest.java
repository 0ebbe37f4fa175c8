package dev.picket.sensor.proc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RootOverlayTest {
    @Test
    void theUpperDirOfAnOverlayRoot() {
        String mountinfo = """
                1402 1180 0:215 / / rw,relatime master:512 - overlay overlay rw,lowerdir=/var/lib/containerd/snapshots/12/fs:/var/lib/containerd/snapshots/11/fs,upperdir=/var/lib/containerd/snapshots/13/fs,workdir=/var/lib/containerd/snapshots/13/work
                1403 1402 0:217 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw
                """;
        assertThat(RootOverlay.upperDir(mountinfo)).isEqualTo("/var/lib/containerd/snapshots/13/fs");
    }

    @Test
    void escapedCharactersInThePathAreRestored() {
        String mountinfo = "5 1 0:5 / / rw - overlay overlay rw,lowerdir=/l,upperdir=/data/with\\040space/up,workdir=/w\n";
        assertThat(RootOverlay.upperDir(mountinfo)).isEqualTo("/data/with space/up");
    }

    @Test
    void aRootThatIsNoOverlayHasNoUpperDir() {
        assertThat(RootOverlay.upperDir("27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard\n")).isNull();
        // an overlay mounted elsewhere is not the root
        assertThat(RootOverlay.upperDir("27 1 254:0 / / rw - ext4 /dev/vda rw\n30 27 0:40 / /mnt rw - overlay overlay rw,upperdir=/u,workdir=/w\n")).isNull();
    }
}
