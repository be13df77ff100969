package org.castkeeper.media;

/**
 * A single byte range from an HTTP Range header (RFC 9110 14.1.2), resolved against a file size.
 *
 * <p>{@link #parse} returns null when the header is absent, malformed, names another unit, or asks for several
 * ranges: the response is then the whole file with 200, which RFC 9110 allows. {@link #UNSATISFIABLE} means 416.
 */
public record ByteRange(long first, long last) {
    public static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * How many bytes a Range header asks for before the file's size is known: exact for "bytes=0-1" and "bytes=-500",
     * unbounded (Long.MAX_VALUE) for an open range or a header that is not one range.
     */
    public static long requestedLength(String header) {
        ByteRange range = parse(header, Long.MAX_VALUE);
        return range == null ? Long.MAX_VALUE : range.length();
    }

    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = h.substring(6).strip();
        if (spec.isEmpty() || spec.contains(",")) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        try {
            if (from.isEmpty()) {
                // Suffix range: the last N bytes ("bytes=-500"). Podcatchers use it to read an ID3v1 tag.
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    return suffix < 0 ? null : UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(from);
            Long last = to.isEmpty() ? null : Long.parseLong(to);
            if (first < 0 || (last != null && last < first)) {
                return null;
            }
            if (first >= size) {
                return UNSATISFIABLE;
            }
            return new ByteRange(first, last == null ? size - 1 : Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
