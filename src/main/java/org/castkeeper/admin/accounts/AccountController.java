package org.castkeeper.admin.accounts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Formats;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.auth.Accounts;
import org.castkeeper.auth.Session;

/** /admin/account: change your password, see every host account, add one. All accounts are equal. */
public final class AccountController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountController.class);

    private final Accounts accounts;
    private final Supplier<ZoneId> zone;

    public AccountController(Accounts accounts, Supplier<ZoneId> zone) {
        this.accounts = accounts;
        this.zone = zone;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin/account", Access.HOST, this::show),
                new AdminRoute(HandlerType.POST, "/admin/account/password", Access.HOST, this::changePassword),
                new AdminRoute(HandlerType.POST, "/admin/account/add", Access.HOST, this::add));
    }

    void show(Context ctx) {
        String done = ctx.queryParam("done");
        render(
                ctx,
                "password".equals(done)
                        ? "Password changed. Every other browser signed in as you is signed out."
                        : "added".equals(done) ? "Account added." : null,
                null);
    }

    void changePassword(Context ctx) {
        Session session = AdminSecurity.session(ctx);
        String next = ctx.formParam("new");
        if (next == null || !next.equals(ctx.formParam("again"))) {
            refuse(ctx, "The two new passwords differ, so nothing was changed.");
            return;
        }
        try {
            accounts.changePassword(session.user(), String.valueOf(ctx.formParam("current")), next, session.token());
            LOG.info("{} changed their password", session.user().username());
            ctx.redirect("/admin/account?done=password", HttpStatus.SEE_OTHER);
        } catch (Accounts.AccountException e) {
            refuse(ctx, e.getMessage());
        }
    }

    void add(Context ctx) {
        Session session = AdminSecurity.session(ctx);
        try {
            var made = accounts.create(
                    String.valueOf(ctx.formParam("username")), String.valueOf(ctx.formParam("password")));
            LOG.info("{} added the host account {}", session.user().username(), made.username());
            ctx.redirect("/admin/account?done=added", HttpStatus.SEE_OTHER);
        } catch (Accounts.AccountException e) {
            refuse(ctx, e.getMessage());
        }
    }

    private void refuse(Context ctx, String error) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, null, error);
    }

    private void render(Context ctx, String notice, String error) {
        Session session = AdminSecurity.session(ctx);
        List<List<String>> rows = accounts.list().stream()
                .map(a -> List.of(a.username(), Formats.dateTime(a.createdAt(), zone.get())))
                .toList();
        Pages.render(
                ctx,
                "admin/account.jte",
                new AccountPage(session.csrfToken(), session.user().username(), rows, notice, error));
    }
}
