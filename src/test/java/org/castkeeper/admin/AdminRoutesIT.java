package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walks every registered admin route and proves what it demands: a session, and a CSRF token to change anything. */
class AdminRoutesIT {
    @TempDir
    Path dir;

    TestServer server;
    Episode episode;
    AdminRoutes table;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        episode = server.publish("cbr-id3v23.mp3", "Existing", TestServer.START.minus(Duration.ofDays(1)));
        table = org.castkeeper.web.WebServer.adminRoutes(server.app());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String concrete(AdminRoute route) {
        return route.path()
                .replace("{id}", Integer.toString(episode.id()))
                .replace("{file}", "admin.css")
                .replace("{kind}", "audio");
    }

    /** The uploads answer every refusal in one JSON shape, the pages in plain words. */
    @Test
    void uploadsAnswerRefusalsAsJsonAndFormsAsText() throws Exception {
        AdminClient anonymous = new AdminClient(server);
        var upload = anonymous.raw("PUT", "/admin/upload", "audio/mpeg", "ID3");
        assertThat(upload.statusCode()).isEqualTo(401);
        assertThat(upload.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(upload.body())
                        .get("error")
                        .asText())
                .isEqualTo("Sign in first.");
        AdminClient host = new AdminClient(server).signedIn();
        var forged = host.rawWithHeaders(
                "PUT", "/admin/episodes/" + episode.id() + "/audio", "ID3", "X-CSRF-Token", "not-the-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).startsWith("{\"error\":\"This form has expired.");
        var form = anonymous.raw("POST", "/admin/settings", "application/x-www-form-urlencoded", "title=x");
        assertThat(form.statusCode()).isEqualTo(401);
        assertThat(form.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void theTableCoversTheAdminPages() {
        assertThat(table.routes())
                .extracting(AdminRoute::path)
                .contains("/admin", "/admin/login", "/admin/upload", "/admin/episodes/{id}", "/admin/settings");
        assertThat(table.routes())
                .filteredOn(r -> r.access() == Access.PUBLIC)
                .extracting(AdminRoute::path)
                .containsOnly("/admin/login", "/admin/setup", "/admin/assets/{file}");
    }

    @Test
    void everyHostRouteRefusesAnonymousRequests() throws Exception {
        AdminClient anonymous = new AdminClient(server);
        for (AdminRoute route : table.routes()) {
            if (route.access() != Access.HOST) {
                continue;
            }
            HttpResponse<String> r = anonymous.raw(
                    route.method().name(),
                    concrete(route),
                    "application/x-www-form-urlencoded",
                    route.changesState() ? "title=hacked" : null);
            assertThat(r.statusCode()).as(route.method() + " " + route.path()).isIn(303, 401);
            if (r.statusCode() == 303) {
                assertThat(r.headers().firstValue("Location"))
                        .as(route.path())
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
            }
        }
        assertThat(server.app().episodes().findById(episode.id()).orElseThrow().title())
                .isEqualTo("Existing");
    }

    @Test
    void everyStateChangingRouteRefusesARequestWithoutTheCsrfToken() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        for (AdminRoute route : table.routes()) {
            if (!route.changesState()) {
                continue;
            }
            for (String body : new String[] {"title=hacked", "_csrf=wrong&title=hacked"}) {
                HttpResponse<String> r =
                        host.raw(route.method().name(), concrete(route), "application/x-www-form-urlencoded", body);
                assertThat(r.statusCode())
                        .as(route.method() + " " + route.path() + " with " + body)
                        .isEqualTo(403);
            }
        }
        assertThat(server.app().episodes().findById(episode.id()).orElseThrow().title())
                .isEqualTo("Existing");
        assertThat(host.get("/admin").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void everyHostPageOpensForASignedInHost() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        for (AdminRoute route : table.routes()) {
            if (route.changesState()) {
                continue;
            }
            HttpResponse<String> r = host.get(concrete(route));
            assertThat(r.statusCode()).as(route.path()).isEqualTo(route.path().equals("/admin/login") ? 303 : 200);
            assertThat(r.headers().firstValue("Cache-Control")).as(route.path()).isPresent();
            assertHardened(route.path(), r);
        }
        for (String page : new String[] {"/admin/login", "/admin/setup", "/", "/episodes/existing", "/admin/nowhere"}) {
            assertHardened(page, new AdminClient(server).get(page));
        }
    }

    /** The headers every page carries: a strict content security policy, no sniffing, no framing. */
    static void assertHardened(String page, HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .as(page)
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains(
                                "script-src 'self'",
                                "style-src 'self'",
                                "media-src 'self'",
                                "frame-ancestors 'none'",
                                "form-action 'self'",
                                "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(page).hasValue("strict-origin-when-cross-origin");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
        assertThat(r.body())
                .as(page + " has no inline script or style")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("<style[ >]")
                .doesNotContainPattern("\\sstyle=\"")
                .doesNotContainPattern("\\son[a-z]+=\"");
    }
}
