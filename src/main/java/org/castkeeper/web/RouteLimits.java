package org.castkeeper.web;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.QoSHandler;

/**
 * How many requests of each class of route may be handled at once, so that no client of the admin or the site
 * can take the worker threads that feed polls, media and /health need. Jetty's {@link QoSHandler} does the
 * counting: a request over its class's limit is suspended without holding a thread, resumed in turn, and answered
 * 503 when it has waited too long or too many are waiting. The podcatcher path never passes through here (see
 * {@link PodcatcherHandler}).
 *
 * <p>The host always gets in: admin requests from a signed-in host or a known device (a session seen valid lately,
 * a device cookie this server signed) have a class of their own, which anonymous requests, a sign-in form attacked
 * by thousands of slow clients included, cannot occupy. Anonymous admin requests are limited per client address
 * too ({@link PerAddressLimit}), in flight and waiting together.
 *
 * <p>Together the classes may hold at most half of the workers ({@link NetworkThreads#MAX_WORKERS}); the other
 * half are always there for podcatchers.
 */
final class RouteLimits {
    /** Audio uploads (PUT under /admin): each holds a worker for its whole length. */
    static final int UPLOADS = 8;
    /** Admin requests from a signed-in host or a known device. */
    static final int HOST = 16;
    /** Every other admin request, the sign-in form included. */
    static final int ADMIN = 16;
    /**
     * Anonymous admin requests from one address, in flight and waiting together: enough for a household behind
     * one NAT signing in at once (a burst of correct sign-ins all get in), far too few to fill the class.
     */
    static final int PER_ADDRESS = 8;
    /** The public show site: pages, chapters JSON, stylesheet. */
    static final int SITE = 60;
    /** How long a request waits for its turn before a 503. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** How many may wait at once in each class before new ones get a 503 at once. */
    static final int MAX_WAITING = 512;

    private RouteLimits() {}

    /**
     * The limiters, outermost first; each applies only to its own class of request.
     *
     * @param knownHost whether a request comes from a signed-in host or a known device
     */
    static List<Handler.Singleton> handlers(Predicate<Request> knownHost) {
        Predicate<Request> anonymousAdmin = r -> isAdmin(r) && !"PUT".equals(r.getMethod()) && !knownHost.test(r);
        return List.of(
                limit("uploads", UPLOADS, r -> isAdmin(r) && "PUT".equals(r.getMethod())),
                limit("host", HOST, r -> isAdmin(r) && !"PUT".equals(r.getMethod()) && knownHost.test(r)),
                new PerAddressLimit(PER_ADDRESS, anonymousAdmin),
                limit("admin", ADMIN, anonymousAdmin),
                limit("site", SITE, r -> !isAdmin(r)));
    }

    private static boolean isAdmin(Request request) {
        String path = Request.getPathInContext(request);
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    private static QoSHandler limit(String name, int maxAtOnce, Predicate<Request> applies) {
        QoSHandler qos = new QoSHandler() {
            @Override
            public String toString() {
                return "RouteLimits[" + name + "]";
            }
        };
        qos.setMaxRequestCount(maxAtOnce);
        qos.setMaxSuspend(MAX_WAIT);
        qos.setMaxSuspendedRequestCount(MAX_WAITING);
        qos.include(applies);
        return qos;
    }
}
