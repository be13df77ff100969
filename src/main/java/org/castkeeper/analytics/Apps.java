package org.castkeeper.analytics;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which app a request came from, by its User-Agent: a table of our own, written from what the apps send (each row
 * has a sample User-Agent, tested in AppsTest). The first row that matches wins; an unknown agent is "Unknown".
 */
final class Apps {
    private Apps() {}

    /** One app: its name, the pattern its User-Agent matches, and a User-Agent it really sends. */
    record App(String name, Pattern pattern, String sample) {}

    private static final String WEB = "Castkeeper web player";

    static final List<App> TABLE = List.of(
            app(
                    "Apple Podcasts",
                    "^(Podcasts/|AppleCoreMedia/.*(iPhone|iPad|Macintosh|Watch))|Apple ?Podcasts",
                    "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)"),
            app("Spotify", "Spotify", "Spotify/8.9.28 iOS/17.4 (iPhone15,2)"),
            app("Overcast", "Overcast", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"),
            app("Pocket Casts", "Pocket ?Casts", "Pocket Casts"),
            app("AntennaPod", "AntennaPod", "AntennaPod/3.4.0"),
            app("Castro", "Castro", "Castro 2024.3/1246 Like iTunes"),
            app("Podcast Addict", "Podcast ?Addict", "Podcast Addict - Dalvik/2.1.0 (Linux; U; Android 14)"),
            app(WEB, "^Mozilla/.*", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0"));

    private static App app(String name, String pattern, String sample) {
        return new App(name, Pattern.compile(pattern, Pattern.CASE_INSENSITIVE), sample);
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown";
        }
        for (App a : TABLE) {
            if (a.pattern().matcher(userAgent).find()) {
                return a.name().equals(WEB) ? browser(userAgent) : a.name();
            }
        }
        return "Unknown";
    }

    /**
     * The app, knowing the page that linked the file: a browser sent by a page (the show's own site with its
     * player, or a page embedding the episode) is a web player; a browser opening the file itself is a browser.
     */
    static String of(String userAgent, String referrer) {
        String app = of(userAgent);
        return app.startsWith("Browser") && referrer != null && !referrer.isBlank() ? "Web player" : app;
    }

    /** The podcast app the User-Agent names (not a browser), or null: such an agent is never taken for a bot. */
    static String podcastApp(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        for (App a : TABLE) {
            if (!a.name().equals(WEB) && a.pattern().matcher(userAgent).find()) {
                return a.name();
            }
        }
        return null;
    }

    /** A browser: on the show's site (our player), or another page that links the file. */
    private static String browser(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return ua.contains("mobile") ? "Browser (phone)" : "Browser";
    }
}
