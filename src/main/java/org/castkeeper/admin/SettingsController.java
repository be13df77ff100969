package org.castkeeper.admin;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.feed.CachedFeed;

/** The show settings page: the config's values, what to fix before submitting, the feed URL, the latest item. */
final class SettingsController {
    private final Castkeeper app;

    SettingsController(Castkeeper app) {
        this.app = app;
    }

    void show(Context ctx) {
        ShowSettings show = app.config().show();
        List<List<String>> values = new ArrayList<>();
        values.add(List.of("Title", show.title()));
        values.add(List.of("Description", show.description()));
        values.add(List.of("Author", show.author()));
        values.add(List.of("Language", show.language()));
        values.add(List.of("Categories", String.join("; ", show.categories().stream()
                .map(c -> c.subcategory() == null ? c.category() : c.category() + " › " + c.subcategory()).toList())));
        values.add(List.of("Explicit", String.valueOf(show.explicit())));
        values.add(List.of("Type", show.type()));
        values.add(List.of("Owner", show.owner().name() + " <" + show.owner().email() + ">"));
        values.add(List.of("Artwork", app.config().showArtwork().toString()));
        values.add(List.of("Copyright", show.copyright() == null ? "" : show.copyright()));
        values.add(List.of("Time zone", show.timeZone()));
        values.add(List.of("Public URL", app.config().server().baseUrl()));
        values.add(List.of("Episodes folder", app.config().episodesDir().toString()));
        Pages.render(ctx, "admin/settings.jte", new SettingsPage(AdminSecurity.session(ctx).csrfToken(),
                app.urls().feed(), app.config().source().toAbsolutePath().toString(), values, warnings(),
                latestItem()));
    }

    /** What directories will refuse or warn about, that the config loader accepts. */
    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!app.config().server().baseUrl().startsWith("https://")) {
            warnings.add("server.publicUrl is not https. Apple, Spotify and YouTube expect an https feed.");
        }
        String email = app.config().show().owner().email();
        if (email.endsWith("@example.com") || email.endsWith("@example.org")) {
            warnings.add("show.owner.email is a placeholder (" + email + "). Spotify and YouTube send their "
                    + "verification code to this address.");
        }
        if (app.config().show().description().getBytes(StandardCharsets.UTF_8).length > 4000) {
            warnings.add("show.description is longer than Apple's 4,000 bytes.");
        }
        return warnings;
    }

    private String latestItem() {
        CachedFeed feed = app.feed().page(1).orElse(null);
        if (feed == null) {
            return null;
        }
        String xml = new String(feed.xml(), StandardCharsets.UTF_8);
        int start = xml.indexOf("<item>");
        int end = xml.indexOf("</item>");
        return start < 0 || end < 0 ? null : xml.substring(start, end + "</item>".length());
    }
}
