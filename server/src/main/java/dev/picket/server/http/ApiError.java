package dev.picket.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of every error answer: {@code {"error": "what is wrong"}}. */
public final class ApiError {
    private ApiError() {
    }

    public static ObjectNode of(String message) {
        return JsonNodeFactory.instance.objectNode().put("error", message);
    }
}
