package dev.picket.engine.sigma.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlReaderTest {

    @Test
    void everyNodeKnowsItsLine() throws Exception {
        List<YamlNode> docs = YamlReader.read("""
                title: t
                detection:
                    selection:
                        Image:
                            - /bin/sh
                            - /bin/bash
                    condition: selection
                """);
        YamlMap doc = (YamlMap) docs.get(0);
        assertThat(doc.line()).isEqualTo(1);
        YamlMap detection = (YamlMap) doc.get("detection");
        assertThat(doc.entry("detection").line()).isEqualTo(2);
        YamlMap.Entry image = ((YamlMap) detection.get("selection")).entry("Image");
        assertThat(image.line()).isEqualTo(4);
        assertThat(((YamlList) image.value()).items()).extracting(YamlNode::line).containsExactly(5, 6);
        assertThat(detection.entry("condition").value().line()).isEqualTo(7);
    }

    @Test
    void documentsAreSplitAndEmptyOnesLeftOut() throws Exception {
        List<YamlNode> docs = YamlReader.read("""
                ---
                title: a
                ---
                ---
                title: b
                """);
        assertThat(docs).hasSize(2);
        assertThat(docs.get(1).line()).isEqualTo(5);
    }

    @Test
    void scalarsKeepTheirTypeAndTheirTextAsWritten() throws Exception {
        YamlMap doc = (YamlMap) YamlReader.read("""
                hex: 0x17
                int: 4688
                quoted: '4688'
                yes: true
                nothing: null
                empty:
                """).get(0);
        YamlScalar hex = (YamlScalar) doc.get("hex");
        assertThat(hex.type()).isEqualTo(YamlScalar.Type.NUMBER);
        assertThat(hex.text()).isEqualTo("0x17");
        assertThat(((YamlScalar) doc.get("int")).value().intValue()).isEqualTo(4688);
        assertThat(((YamlScalar) doc.get("quoted")).type()).isEqualTo(YamlScalar.Type.STRING);
        assertThat(((YamlScalar) doc.get("yes")).type()).isEqualTo(YamlScalar.Type.BOOLEAN);
        assertThat(((YamlScalar) doc.get("nothing")).isNull()).isTrue();
        assertThat(((YamlScalar) doc.get("empty")).isNull()).isTrue();
    }

    @Test
    void theJsonViewIsTheWholeDocument() throws Exception {
        YamlMap doc = (YamlMap) YamlReader.read("a: {b: [1, x]}\nc: true\n").get(0);
        assertThat(doc.toJson().toString()).isEqualTo("{\"a\":{\"b\":[1,\"x\"]},\"c\":true}");
    }

    @Test
    void aSyntaxErrorKeepsTheDocumentsBeforeIt() {
        assertThatThrownBy(() -> YamlReader.read("title: a\n---\ntitle: [\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("not valid YAML: ").doesNotContain("\n");
                    assertThat(e.documentsBefore()).hasSize(1);
                });
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThatThrownBy(() -> YamlReader.read("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(YamlException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("duplicate key 'a' (first at line 1)");
                });
    }
}
