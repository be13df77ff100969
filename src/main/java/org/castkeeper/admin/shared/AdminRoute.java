package org.castkeeper.admin.shared;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One row of the admin route table. */
public record AdminRoute(HandlerType method, String path, Access access, Handler handler) {

    /** Whether the request changes state, and so must carry a CSRF token. */
    public boolean changesState() {
        return method != HandlerType.GET && method != HandlerType.HEAD;
    }
}
