package org.castkeeper.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.castkeeper.auth.Accounts;
import org.castkeeper.auth.LoginThrottle;
import org.castkeeper.auth.Session;
import org.castkeeper.auth.User;

/** Signing in and out, and making the first account through the one-time setup link. */
final class SignInController {
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AdminSecurity security;

    SignInController(Accounts accounts, LoginThrottle throttle, AdminSecurity security) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.security = security;
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
        if (!throttle.allowed(username, ctx.ip())) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            Pages.render(ctx, "admin/login.jte", new LoginPage(security.anonymousCsrf(ctx), username,
                    "Too many failed attempts. Wait " + LoginThrottle.WINDOW.toMinutes() + " minutes and try again."));
            return;
        }
        Optional<User> user = accounts.authenticate(username, password);
        if (user.isEmpty()) {
            throttle.failed(username, ctx.ip());
            ctx.status(HttpStatus.UNAUTHORIZED);
            Pages.render(ctx, "admin/login.jte", new LoginPage(security.anonymousCsrf(ctx), username,
                    "That name and password do not match an account."));
            return;
        }
        throttle.succeeded(username);
        // A fresh session id at every sign-in: an id planted in the browser before sign-in is worth nothing.
        accounts.endSession(ctx.cookie(AdminSecurity.SESSION_COOKIE));
        Session session = accounts.startSession(user.get());
        security.signIn(ctx, session);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        security.signOut(ctx);
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    void setupForm(Context ctx) {
        String token = orEmpty(ctx.queryParam("token"));
        Pages.render(ctx, "admin/setup.jte", new SetupPage(security.anonymousCsrf(ctx), token,
                accounts.isSetupTokenValid(token), null));
    }

    void setup(Context ctx) {
        String token = orEmpty(ctx.formParam("token"));
        try {
            User user = accounts.createWithSetupToken(token, ctx.formParam("username"), ctx.formParam("password"));
            security.signIn(ctx, accounts.startSession(user));
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (Accounts.AccountException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Pages.render(ctx, "admin/setup.jte", new SetupPage(security.anonymousCsrf(ctx), token,
                    accounts.isSetupTokenValid(token), e.getMessage()));
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
