package dev.picket.io.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON object read from the input: either a top-level object, or one element of a Kubernetes
 * list's {@code items} array (an audit {@code EventList}).
 *
 * @param node the object; the decoder may complete it before wrapping it in an event
 * @param list for a list item, the enclosing object with the fields that preceded {@code items}
 *             (such as {@code kind} and {@code apiVersion}); null for a top-level object
 * @param line the line the object starts on
 */
record JsonRecord(ObjectNode node, ObjectNode list, long line) {
}
