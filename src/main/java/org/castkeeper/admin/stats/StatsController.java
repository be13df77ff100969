package org.castkeeper.admin.stats;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.analytics.Stats;

/**
 * /admin/stats: downloads counted by the IAB guidelines, per day as a chart and a table, per episode, by app and
 * country, with the subscriber counts aggregators report; /admin/stats.csv the same per episode and day.
 */
public final class StatsController {
    private final Stats stats;
    private final boolean counting;
    private final Supplier<String> op3Url;

    /**
     * @param counting whether downloads are counted at all (analytics.enabled)
     * @param op3Url   the show's OP3 page when the feed uses OP3's prefix, else null
     */
    public StatsController(Stats stats, boolean counting, Supplier<String> op3Url) {
        this.stats = stats;
        this.counting = counting;
        this.op3Url = op3Url;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin/stats", Access.HOST, this::show),
                new AdminRoute(HandlerType.GET, "/admin/stats.csv", Access.HOST, this::csv));
    }

    void show(Context ctx) {
        int days = window(ctx);
        Stats.Report report = stats.report(days, null);
        Pages.render(
                ctx,
                "admin/stats.jte",
                new StatsPage(
                        AdminSecurity.session(ctx).csrfToken(),
                        days,
                        counting,
                        report,
                        StatsPage.chart(report.days()),
                        op3Url.get()));
    }

    /** Every episode's downloads per day in the window, as CSV a spreadsheet opens. */
    void csv(Context ctx) {
        int days = window(ctx);
        StringWriter out = new StringWriter();
        out.write("day,episode,title,downloads\r\n");
        for (Stats.EpisodeDay row : stats.perEpisodePerDay(days)) {
            out.write(row.day() + "," + cell(row.slug()) + "," + cell(row.title()) + "," + row.downloads() + "\r\n");
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"downloads-last-" + days + "-days.csv\"")
                .header("Cache-Control", "no-store")
                .result(out.toString());
    }

    private static int window(Context ctx) {
        String asked = ctx.queryParam("days");
        for (int w : StatsPage.WINDOWS) {
            if (String.valueOf(w).equals(asked)) {
                return w;
            }
        }
        return 30;
    }

    /**
     * A CSV cell: quoted when it holds a comma, quote or line break, and led by a quote mark when a spreadsheet
     * would take it for a formula (a title starting with "=" must not run as one).
     */
    static String cell(String text) {
        String s = text == null ? "" : text;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
