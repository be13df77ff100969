package org.castkeeper.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * At most {@code max} requests of one kind from one client address at a time, in flight and waiting together:
 * more are answered 429 at once. In front of a {@link RouteLimits} class, so that no one address can fill it. The
 * address is the one {@link ClientAddress} resolved (the client's own, behind a trusted proxy).
 *
 * <p>Written here rather than taken from Jetty: its DoSFilter is a servlet filter, and QoSHandler counts a class
 * of requests, not each client's.
 */
final class PerAddressLimit extends Handler.Wrapper {
    private final int max;
    private final Predicate<Request> applies;
    private final ConcurrentHashMap<String, AtomicInteger> inUse = new ConcurrentHashMap<>();

    PerAddressLimit(int max, Predicate<Request> applies) {
        this.max = max;
        this.applies = applies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!applies.test(request)) {
            return super.handle(request, response, callback);
        }
        String address = Request.getRemoteAddr(request);
        AtomicInteger count = inUse.computeIfAbsent(address, a -> new AtomicInteger());
        if (count.incrementAndGet() > max) {
            release(address, count);
            Response.writeError(
                    request,
                    response,
                    callback,
                    HttpStatus.TOO_MANY_REQUESTS_429,
                    "Too many requests at once from your address. Try again in a moment.");
            return true;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable done = () -> {
            if (released.compareAndSet(false, true)) {
                release(address, count);
            }
        };
        Callback counted = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                done.run();
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                done.run();
                super.failed(x);
            }
        };
        try {
            boolean handled = super.handle(request, response, counted);
            if (!handled) {
                done.run();
            }
            return handled;
        } catch (Throwable t) {
            done.run();
            throw t;
        }
    }

    private void release(String address, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            inUse.remove(address, count);
        }
    }

    /** Addresses with requests in flight or waiting now: for tests. */
    int addressesInUse() {
        return inUse.size();
    }
}
