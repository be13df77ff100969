package org.castkeeper.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Conditional requests and content negotiation, as RFC 9110 describes them, for the feed and the media. */
public final class HttpCaching {
    /**
     * RFC 9110's IMF-fixdate, e.g. "Sat, 05 Dec 2026 23:00:52 GMT": always two digits for the day, which the JDK's
     * RFC_1123_DATE_TIME leaves out for days 1 to 9 (and strict HTTP date parsers then refuse).
     */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HttpCaching() {}

    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** Null when the header is absent or not a date. */
    public static Instant parseHttpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * True when the client's copy is current: If-None-Match names one of {@code etags} (weak comparison), or, only
     * when If-None-Match is absent, If-Modified-Since is not before {@code lastModified}.
     */
    public static boolean notModified(Exchange exchange, Instant lastModified, String... etags) {
        String ifNoneMatch = exchange.header("If-None-Match");
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etags);
        }
        Instant since = parseHttpDate(exchange.header("If-Modified-Since"));
        return since != null && lastModified != null && !lastModified.isAfter(since);
    }

    static boolean matchesAny(String header, String... etags) {
        // Called on every poll: plain string work, no regular expressions, and no splitting for the usual
        // single validator.
        if (header.indexOf(',') < 0) {
            String tag = weakless(header.strip());
            if (tag.equals("*")) {
                return true;
            }
            for (String etag : etags) {
                if (weakless(etag).equals(tag)) {
                    return true;
                }
            }
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = weakless(candidate.strip());
            if (tag.equals("*")) {
                return true;
            }
            for (String etag : etags) {
                if (weakless(etag).equals(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String weakless(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** Whether Accept-Encoding allows gzip (present, and not with q=0). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        if (acceptEncoding.indexOf(';') < 0) {
            // The common case ("gzip, deflate, br"): no weights to read.
            return acceptEncoding.contains("gzip") || acceptEncoding.contains("*");
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip();
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                double q = 1;
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].strip();
                    if (p.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                if (q > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
