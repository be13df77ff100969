package org.castkeeper.admin.accounts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.auth.Accounts;
import org.castkeeper.auth.DeviceCookies;
import org.castkeeper.auth.LoginThrottle;
import org.castkeeper.auth.Session;
import org.castkeeper.auth.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signing in and out, and making the first account through the one-time setup link. */
public final class SignInController {
    private static final Logger LOG = LoggerFactory.getLogger(SignInController.class);

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final DeviceCookies devices;
    private final AdminSecurity security;

    public SignInController(Accounts accounts, LoginThrottle throttle, DeviceCookies devices, AdminSecurity security) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.devices = devices;
        this.security = security;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin/login", Access.PUBLIC, this::loginForm),
                new AdminRoute(HandlerType.POST, "/admin/login", Access.PUBLIC, this::login),
                new AdminRoute(HandlerType.GET, "/admin/setup", Access.PUBLIC, this::setupForm),
                new AdminRoute(HandlerType.POST, "/admin/setup", Access.PUBLIC, this::setup),
                new AdminRoute(HandlerType.POST, "/admin/logout", Access.HOST, this::logout));
    }

    void loginForm(Context ctx) {
        if (accounts.session(ctx.cookie(AdminSecurity.SESSION_COOKIE)).isPresent()) {
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
            return;
        }
        Pages.render(ctx, "admin/login.jte", new LoginPage(security.anonymousCsrf(ctx), "", null));
    }

    void login(Context ctx) {
        String username = orEmpty(ctx.formParam("username"));
        String password = orEmpty(ctx.formParam("password"));
        String address = ctx.ip();
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(
                username, address, devices.deviceOf(ctx.cookie(AdminSecurity.DEVICE_COOKIE), username));
        LoginThrottle.Decision decision = beginWhenChecksAllow(attempt);
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            LOG.warn(
                    "Sign-in refused without checking the password: account '{}' from {}: {}",
                    attempt.account(),
                    address,
                    decision.reason());
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds));
            Pages.render(
                    ctx,
                    "admin/login.jte",
                    new LoginPage(
                            security.anonymousCsrf(ctx),
                            username,
                            decision.busy()
                                    ? "Other sign-ins are being checked. Try again in a moment."
                                    : "Too many failed attempts. Wait " + waitInWords(seconds) + " and try again."));
            return;
        }
        Optional<User> user;
        try {
            user = accounts.authenticate(username, password);
        } catch (Accounts.Busy busy) {
            throttle.notChecked(attempt);
            LOG.warn(
                    "Sign-in for account '{}' from {} not checked: {} password checks already running",
                    attempt.account(),
                    address,
                    Accounts.HASHES_AT_ONCE);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "3");
            Pages.render(
                    ctx, "admin/login.jte", new LoginPage(security.anonymousCsrf(ctx), username, busy.getMessage()));
            return;
        } catch (RuntimeException unexpected) {
            throttle.notChecked(attempt);
            throw unexpected;
        }
        if (user.isEmpty()) {
            throttle.failed(attempt);
            LOG.warn("Sign-in failed: wrong name or password for account '{}' from {}", attempt.account(), address);
            ctx.status(HttpStatus.UNAUTHORIZED);
            Pages.render(
                    ctx,
                    "admin/login.jte",
                    new LoginPage(
                            security.anonymousCsrf(ctx), username, "That name and password do not match an account."));
            return;
        }
        throttle.succeeded(attempt);
        LOG.info("{} signed in from {}", user.get().username(), address);
        // A fresh session id at every sign-in: an id planted in the browser before sign-in is worth nothing.
        accounts.endSession(ctx.cookie(AdminSecurity.SESSION_COOKIE));
        Session session = accounts.startSession(user.get());
        security.signIn(ctx, session);
        if (attempt.device() == null) {
            security.rememberDevice(ctx, devices.issue(user.get().username()));
        }
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    /**
     * The throttle's decision, after waiting (up to {@link #WAIT_FOR_CHECKS}) while it is "busy": other attempts
     * for the same account, address or browser are being checked, and whether this one may go depends on how they
     * end. A burst of correct sign-ins thus all get in, one check after another.
     */
    private LoginThrottle.Decision beginWhenChecksAllow(LoginThrottle.Attempt attempt) {
        long deadline = System.nanoTime() + WAIT_FOR_CHECKS.toNanos();
        LoginThrottle.Decision decision = throttle.begin(attempt);
        while (decision.busy() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(CHECK_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return decision;
            }
            decision = throttle.begin(attempt);
        }
        return decision;
    }

    /** How long a sign-in waits for others' checks to end before it is told to try again. */
    static final java.time.Duration WAIT_FOR_CHECKS = java.time.Duration.ofSeconds(10);

    /**
     * How often a waiting sign-in asks again. Each asking is a short write transaction, so under a flood of
     * parallel guesses this bounds the database work the waiting adds (five a second per waiting request).
     */
    private static final java.time.Duration CHECK_POLL = java.time.Duration.ofMillis(200);

    private static String waitInWords(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    void logout(Context ctx) {
        security.signOut(ctx);
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    void setupForm(Context ctx) {
        String token = orEmpty(ctx.queryParam("token"));
        Pages.render(
                ctx,
                "admin/setup.jte",
                new SetupPage(security.anonymousCsrf(ctx), token, accounts.isSetupTokenValid(token), null));
    }

    void setup(Context ctx) {
        String token = orEmpty(ctx.formParam("token"));
        try {
            User user = accounts.createWithSetupToken(token, ctx.formParam("username"), ctx.formParam("password"));
            security.signIn(ctx, accounts.startSession(user));
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (Accounts.AccountException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Pages.render(
                    ctx,
                    "admin/setup.jte",
                    new SetupPage(
                            security.anonymousCsrf(ctx), token, accounts.isSetupTokenValid(token), e.getMessage()));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
