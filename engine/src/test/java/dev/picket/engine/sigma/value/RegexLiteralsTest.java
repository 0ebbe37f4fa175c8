package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

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
    void caseInsensitiveLettersWithNonAsciiFoldsGiveNoLiterals() {
        assertThat(RegexLiterals.of("kubectl", true)).isNull(); // the Kelvin sign folds to k
        assertThat(RegexLiterals.of("kubectl", false)).containsExactly("kubectl");
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

    private static final List<String> PATTERNS = List.of(
            "(^|[ ;&|(])(ba|da|z|k|a)?sh +(-i|<&|>&)|0>&1|0<&[0-9]|[12]>&[3-9]",
            "^[^ ]*(busybox +)?nc( |$)",
            "( |^)(-[a-zA-Z]*[ec]|--exec|--sh-exec|--lua-exec)( |$|/)",
            "(mkfifo|mknod)[^|;&]*[;&|].*( |/)(nc|ncat|netcat|telnet|openssl s_client)( |$)",
            "base64 +(-[a-zA-Z]*d[a-zA-Z]*|--decode)[^|;&]*[|] *([^ |;&]*/)?(sudo +)?((ba|da|z|k|a|mk)?sh|python[0-9.]*|perl)( |$|;|&|[)])",
            "/proc/([0-9]+|self|[*])/environ",
            "( |^)(-o|--url)( +|=)[^ ]+:(3333|4444|5555|7777|14433|14444|45700)( |$)",
            "(^|/)(npm|npx|yarn|pnpm)(-cli[.]js|[.]js|[.]cjs)?( |$)",
            "( |^)(get|describe) +([^ ]+ +)*(pods?|po|secrets?|nodes?)([ ,/.]|$)",
            "a{2,}b+c?d{0,3}efg",
            "x(?:yz|yw)+q",
            "\\bcurl\\b.*\\|\\s*(ba)?sh");

    private static final String[] PIECES = {" ", "-", "|", "/", "sh", "bash", "nc", "ncat", "-e", "--exec", "mkfifo",
            "base64", "-d", "python3", "/proc/", "self", "/environ", "1", "2", ">&", "0>&1", "<&", "-o", ":3333",
            "npm", ".js", "mkfifo f; ", "base64 -d |", " -o pool", "/proc/self", "get pods", "xyz", "aab", "| sh", "get", "pods", "secrets", "a", "aa", "b", "c", "d", "efg", "x", "yz", "yw", "q", "curl", ";", "&"};

    /** The prefilter may only save work: on generated values it gives every one the regex's answer. */
    @Test
    void thePrefilterNeverChangesAnAnswerOnGeneratedValues() {
        Random random = new Random(42);
        for (String p : PATTERNS) {
            Pattern pattern = Pattern.compile(p);
            RegexTest filtered = new RegexTest(pattern);
            int matches = 0;
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(8); n >= 0; n--) text.append(PIECES[random.nextInt(PIECES.length)]);
                boolean expected = pattern.matcher(text).find();
                if (expected) matches++;
                assertThat(filtered.test(TextNode.valueOf(text.toString()))).as(p + " on '" + text + "'").isEqualTo(expected);
            }
            assertThat(matches).as(p + " matched some generated text").isPositive();
        }
    }
}
