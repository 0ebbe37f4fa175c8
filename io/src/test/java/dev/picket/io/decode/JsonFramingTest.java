package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import org.junit.jupiter.api.Test;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

/** How JSON records are framed out of lines, and how framing recovers from bad input. */
class JsonFramingTest {
    private static final DecodeSettings RUNTIME = DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.RUNTIME);

    private static String event(String id) {
        return "{\"time\":\"2026-03-10T09:00:00Z\",\"category\":\"process_creation\",\"Image\":\"/bin/" + id + "\"}";
    }

    @Test
    void readsOneObjectPerLine() {
        Decoded d = Decoded.read(RUNTIME, event("a") + "\n" + event("b") + "\n");
        assertThat(d.errors).isEmpty();
        assertThat(d.events).extracting(e -> text(e, "Image")).containsExactly("/bin/a", "/bin/b");
        assertThat(d.events).extracting(e -> e.origin().line()).containsExactly(1L, 2L);
    }

    @Test
    void readsPrettyPrintedAndConcatenatedDocumentsAtTheirFirstLine() {
        String pretty = """
                {
                  "time": "2026-03-10T09:00:00Z",
                  "category": "file_access",
                  "TargetFilename": "/etc/shadow",
                  "container": {
                    "id": "4f1c"
                  }
                }
                {
                  "time": "2026-03-10T09:00:01Z",
                  "category": "file_access",
                  "TargetFilename": "/etc/passwd"
                }
                """;
        Decoded d = Decoded.read(RUNTIME, pretty);
        assertThat(d.errors).isEmpty();
        assertThat(d.events).extracting(e -> text(e, "TargetFilename")).containsExactly("/etc/shadow", "/etc/passwd");
        assertThat(d.events).extracting(e -> e.origin().line()).containsExactly(1L, 9L);
        assertThat(text(d.events.getFirst(), "container.id")).isEqualTo("4f1c");
    }

    @Test
    void malformedLineIsReportedWithItsColumnAndTheNextLineIsRead() {
        Decoded d = Decoded.read(RUNTIME, event("a") + "\n{\"time\": \"x\", category}\n" + event("c") + "\n");
        assertThat(d.events).extracting(e -> text(e, "Image")).containsExactly("/bin/a", "/bin/c");
        assertThat(d.errorTexts()).singleElement().asString()
                .startsWith("test.log:2: malformed JSON at column 15: Unexpected character");
    }

    @Test
    void parseErrorsQuoteNoMoreThanTheStartOfABadToken() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl";
        Decoded d = Decoded.read(RUNTIME, "{\"time\":\"2026-03-10T09:00:00Z\",\"category\":\"c\",\"token\":" + jwt + "}");
        assertThat(d.errorTexts()).singleElement().asString()
                .startsWith("test.log:1: malformed JSON at column")
                .doesNotContain("eyJzdWIi")
                .doesNotContain("c2lnbmF0dXJl");
    }

    @Test
    void lineCutShortIsReportedAndDoesNotSwallowTheNextRecord() {
        Decoded d = Decoded.read(RUNTIME, "{\"time\":\"2026-03-10T09:00:00Z\",\"category\":\n" + event("b") + "\n");
        assertThat(d.events).extracting(e -> text(e, "Image")).containsExactly("/bin/b");
        assertThat(d.errorTexts()).containsExactly(
                "test.log:1: JSON document starting here is truncated (input breaks off at line 2)");
    }

    @Test
    void documentLeftOpenAtTheEndIsReported() {
        Decoded d = Decoded.read(RUNTIME, event("a") + "\n{\n  \"time\": \"2026-03-10T09:00:00Z\",\n");
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly(
                "test.log:2: JSON document starting here is truncated (input breaks off at line 3)");
    }

    @Test
    void textThatIsNotAnObjectIsReportedPerLine() {
        Decoded d = Decoded.read(RUNTIME, event("a") + "\nE1205 12:00:01 oops\n[1, 2]\n\"text\"\n" + event("b"));
        assertThat(d.events).hasSize(2);
        assertThat(d.errorTexts()).containsExactly(
                "test.log:2: not a JSON object: starts with 'E'",
                "test.log:3: not a JSON object: starts with '['",
                "test.log:4: not a JSON object: starts with '\"'");
    }

    @Test
    void topLevelArrayInsideALineIsRejected() {
        Decoded d = Decoded.read(RUNTIME, event("a") + " [1]\n" + event("b"));
        assertThat(d.events).hasSize(2);
        assertThat(d.errorTexts()).containsExactly("test.log:1: not a JSON object: a top-level array");
    }

    @Test
    void eventListItemsAreDecodedOneByOneWithTheirOwnLines() {
        String list = """
                {
                  "kind": "EventList",
                  "apiVersion": "audit.k8s.io/v1",
                  "metadata": {},
                  "items": [
                    {
                      "auditID": "a1", "stage": "ResponseComplete", "verb": "get", "requestURI": "/api/v1/pods",
                      "stageTimestamp": "2026-03-10T09:00:00.000001Z"
                    },
                    {
                      "auditID": "a2", "stage": "ResponseComplete", "verb": "list", "requestURI": "/api/v1/secrets",
                      "stageTimestamp": "2026-03-10T09:00:01.000001Z"
                    }
                  ]
                }
                """;
        Decoded d = Decoded.read(list);
        assertThat(d.errors).isEmpty();
        assertThat(d.summary.format()).isEqualTo(InputFormat.AUDIT);
        assertThat(d.events).extracting(e -> text(e, "auditID")).containsExactly("a1", "a2");
        assertThat(d.events).extracting(e -> e.origin().line()).containsExactly(6L, 10L);
        assertThat(d.events).extracting(e -> text(e, "apiVersion")).containsOnly("audit.k8s.io/v1");
    }

    @Test
    void truncatedEventListKeepsEveryCompleteItem() {
        String list = """
                {"kind":"EventList","apiVersion":"audit.k8s.io/v1","items":[
                  {"auditID":"a1","verb":"get","requestURI":"/api","stageTimestamp":"2026-03-10T09:00:00Z"},
                  {"auditID":"a2","verb":"get","requestURI":"/api","stageTimestamp":"2026-03-10T09:00:01Z"},
                  {"auditID":"a3","verb":"get","requestURI":"/ap""";
        Decoded d = Decoded.read(list);
        assertThat(d.events).extracting(e -> text(e, "auditID")).containsExactly("a1", "a2");
        assertThat(d.errorTexts()).containsExactly("test.log:1: JSON list starting here is truncated "
                + "(input breaks off at line 4); its complete items were read");
    }

    @Test
    void eventListsOnePerLineAreEachStreamed() {
        String item = "{\"auditID\":\"%s\",\"verb\":\"get\",\"requestURI\":\"/api\",\"stageTimestamp\":\"2026-03-10T09:00:00Z\"}";
        String batch = "{\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1\",\"items\":[" + item.formatted("a") + ","
                + item.formatted("b") + "]}";
        Decoded d = Decoded.read(batch + "\n" + batch.replace("\"a\"", "\"c\"").replace("\"b\"", "\"d\"") + "\n");
        assertThat(d.errors).isEmpty();
        assertThat(d.events).extracting(e -> text(e, "auditID")).containsExactly("a", "b", "c", "d");
        assertThat(d.events).extracting(e -> e.origin().line()).containsExactly(1L, 1L, 2L, 2L);
    }

    @Test
    void listWhoseKindComesAfterItsItemsIsStillReadItemByItem() {
        String list = "{\"items\":[{\"auditID\":\"a\",\"verb\":\"get\",\"requestURI\":\"/api\",\"stageTimestamp\":\"2026-03-10T09:00:00Z\"},"
                + "{\"auditID\":\"b\",\"verb\":\"get\",\"requestURI\":\"/api\",\"stageTimestamp\":\"2026-03-10T09:00:01Z\"}],"
                + "\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1\"}";
        Decoded d = Decoded.read(list);
        assertThat(d.errors).isEmpty();
        assertThat(d.events).extracting(e -> text(e, "auditID")).containsExactly("a", "b");
        assertThat(d.events).extracting(e -> text(e, "apiVersion")).containsOnly("audit.k8s.io/v1");
    }

    @Test
    void anItemsFieldOfAnObjectThatIsNoListIsAnOrdinaryField() {
        Event e = Decoded.read(RUNTIME, "{\"time\":\"2026-03-10T09:00:00Z\",\"category\":\"c\",\"items\":[{\"k\":1},{\"k\":2}]}").only();
        assertThat(e.root().get("items")).hasSize(2);
    }

    @Test
    void eventListItemThatIsNotAnObjectIsReportedAndTheOthersRead() {
        String list = "{\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1\",\"items\":["
                + "{\"auditID\":\"a\",\"verb\":\"get\",\"requestURI\":\"/api\",\"stageTimestamp\":\"2026-03-10T09:00:00Z\"},"
                + "42]}";
        Decoded d = Decoded.read(list);
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly("test.log:1: list item is not a JSON object");
    }

    @Test
    void multiLineRecordLargerThanTheLimitIsSkippedAndReadingResumes() {
        StringBuilder big = new StringBuilder("{\n  \"time\": \"2026-03-10T09:00:00Z\",\n  \"category\": \"x\",\n");
        for (int i = 0; i < 50; i++) big.append("  \"f").append(i).append("\": \"").append("y".repeat(40)).append("\",\n");
        big.append("  \"end\": 1\n}\n");
        DecodeSettings small = RUNTIME.withMaxLineBytes(1000);
        Decoded d = Decoded.read(small, big + event("after") + "\n");
        assertThat(d.events).extracting(e -> text(e, "Image")).containsExactly("/bin/after");
        assertThat(d.errorTexts()).singleElement().asString()
                .isEqualTo("test.log:1: JSON record longer than 1000 bytes; skipped");
    }

    @Test
    void keepsUnknownFieldsAndNumbersOfEveryWidth() {
        Event e = Decoded.read(RUNTIME, "{\"time\":\"2026-03-10T09:00:00Z\",\"category\":\"c\",\"n\":7,\"big\":"
                + "18446744073709551616,\"l\":4294967296,\"f\":1.5,\"b\":true,\"z\":null,\"a\":[1,{\"k\":\"v\"}]}").only();
        assertThat(e.root().get("n").intValue()).isEqualTo(7);
        assertThat(e.root().get("l").longValue()).isEqualTo(4294967296L);
        assertThat(e.root().get("big").bigIntegerValue()).hasToString("18446744073709551616");
        assertThat(e.root().get("f").doubleValue()).isEqualTo(1.5);
        assertThat(e.root().get("b").booleanValue()).isTrue();
        assertThat(e.root().get("z").isNull()).isTrue();
        assertThat(text(e, "a.k")).isEqualTo("v");
    }
}
