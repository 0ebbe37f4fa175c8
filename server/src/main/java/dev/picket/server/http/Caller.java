package dev.picket.server.http;

import io.javalin.http.Context;

/** Who made an authenticated request, as the authentication layer established it: what audit trails record. */
public final class Caller {
    /** The caller that presented the shared bearer token. */
    public static final String TOKEN = "token";
    private static final String ATTRIBUTE = "picket.caller";

    private Caller() {
    }

    static void set(Context ctx, String caller) {
        ctx.attribute(ATTRIBUTE, caller);
    }

    /** The caller of an authenticated request. */
    public static String of(Context ctx) {
        String caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) throw new IllegalStateException("no caller: " + ctx.path() + " is not authenticated");
        return caller;
    }
}
