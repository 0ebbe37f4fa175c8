package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegexLiteralsTest {

    @Test
    void alternativesOfLiteralsAreEachRequired() {
        assertThat(RegexLiterals.of("(release_agent|notify_on_release|/proc/sysrq-trigger)", false))
                .containsExactlyInAnyOrder("release_agent", "notify_on_release", "/proc/sysrq-trigger");
    }

    @Test
    void theLongestLiteralRunOfASequenceIsChosen() {
        assertThat(RegexLiterals.of("-t +cgroup( |$)", false)).containsExactly("cgroup");
        assertThat(RegexLiterals.of("^curl .*\\| *(ba)?sh", false)).containsExactly("curl ");
    }

    @Test
    void smallAlternationsJoinWithTheirNeighbours() {
        assertThat(RegexLiterals.of("/dev/(sd|vd)x", false)).containsExactlyInAnyOrder("/dev/sdx", "/dev/vdx");
    }

    @Test
    void caseInsensitiveLiteralsAreFolded() {
        assertThat(RegexLiterals.of("XMRig|Minerd", true)).containsExactlyInAnyOrder("xmrig", "minerd");
    }

    @Test
    void nothingIsRequiredWhenAPartMayBeAbsentOrTheSyntaxIsNotUnderstood() {
        assertThat(RegexLiterals.of("(abc)?[0-9]+", false)).isNull();
        assertThat(RegexLiterals.of("abc|.*", false)).isNull();
        assertThat(RegexLiterals.of("(?i)secret", false)).isNull();
        assertThat(RegexLiterals.of("(?P<x>abc)", false)).isNull();
        assertThat(RegexLiterals.of("(a)\\1", false)).isNull();
    }

    @Test
    void nonAsciiCaseInsensitiveLiteralsGiveNoLiterals() {
        assertThat(RegexLiterals.of("größe", true)).isNull();
        assertThat(RegexLiterals.of("größe", false)).containsExactly("größe");
    }

    @Test
    void ignoringCaseTheKelvinSignAndTheLongSStillReachTheRegex() {
        RegexTest test = new RegexTest(Pattern.compile("kubectl|base64", Pattern.CASE_INSENSITIVE));
        assertThat(test.test(TextNode.valueOf("run \u212Aubectl get pods"))).isTrue();
        assertThat(test.test(TextNode.valueOf("echo x | ba\u017Fe64 -d"))).isTrue();
        assertThat(test.test(TextNode.valueOf("run kubeadm"))).isFalse();
    }

    @Test
    void thePrefilterNeverRejectsAMatch() {
        List<String> regexes = List.of("( |^)(-t *1|--target[ =]1)( |$)|(-[a-zA-Z]*m|--mount)[ =]?/proc/1/ns/mnt",
                " /dev/(sd[a-z]|hd[a-z]|nvme[0-9]|mapper/|root( |$))", "(>|tee( +-a)?) *[^ ]*(release_agent|core_pattern)",
                "^[^ ]*sh -c [\"']?[^ ;&|<>$`]*(sendmail|msmtp)( [^;&|<>$`]*)?[\"']?$", "a{2,}b", "x+y?z");
        List<String> values = List.of("nsenter -t 1 -m bash", "nsenter --mount=/proc/1/ns/mnt sh", "mount /dev/sda1 /mnt",
                "mount /dev/root /x", "echo x > /sys/fs/cgroup/release_agent", "tee -a /proc/sys/kernel/core_pattern",
                "/bin/sh -c sendmail -t", "aab", "xxz", "xz", "plain text", "");
        for (String re : regexes) {
            for (int flags : new int[] {0, Pattern.CASE_INSENSITIVE}) {
                Pattern p = Pattern.compile(re, flags);
                RegexTest test = new RegexTest(p);
                for (String v : values) {
                    assertThat(test.test(TextNode.valueOf(v))).as(re + " on " + v).isEqualTo(p.matcher(v).find());
                    assertThat(test.test(TextNode.valueOf(v.toUpperCase()))).as(re + " on upper " + v)
                            .isEqualTo(p.matcher(v.toUpperCase()).find());
                }
            }
        }
    }
}
