package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RegexLiteralsTest {

    @Test
    void aSequenceRequiresItsLongestPlainRun() {
        assertThat(RegexLiterals.of("/proc/([0-9]+|self)/environ")).containsExactly("/environ");
        assertThat(RegexLiterals.of("^curl .*\\| *sh$")).containsExactly("curl ");
        assertThat(RegexLiterals.of("ab*cd")).containsExactly("cd");
    }

    @Test
    void anAlternationRequiresOneOfItsBranches() {
        assertThat(RegexLiterals.of("(mkfifo|mknod)[^|;&]*")).containsExactlyInAnyOrder("mkfifo", "mknod");
        assertThat(RegexLiterals.of("base64 +(-d|--decode)")).containsExactly("base64");
    }

    @Test
    void nothingWhenSomeBranchRequiresNothing() {
        assertThat(RegexLiterals.of("nc|[0-9]+")).isNull();
        assertThat(RegexLiterals.of("(ab)?cd?")).isNull(); // only "c": too short to be worth it
        assertThat(RegexLiterals.of("(?i)secret")).isNull();
        assertThat(RegexLiterals.of("\\x41bc")).isNull();
        assertThat(RegexLiterals.of("")).isNull();
    }

    @Test
    void escapedPunctuationIsPlain() {
        assertThat(RegexLiterals.of("kubectl\\.exe")).containsExactly("kubectl.exe");
        assertThat(RegexLiterals.of("[.]/x[]a]yzw")).containsExactly("yzw");
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

    /** The prefilter may only save work: with or without it every value gets the same answer. */
    @Test
    void thePrefilterNeverChangesAnAnswer() {
        Random random = new Random(42);
        for (String p : PATTERNS) {
            Pattern pattern = Pattern.compile(p);
            RegexTest filtered = new RegexTest(pattern, false);
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
