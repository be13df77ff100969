package org.castkeeper.distribution;

/**
 * One readiness check for one directory.
 *
 * @param fix     what to do about it, in one line; empty when the check passes
 * @param setting the show setting that fixes it (a key as in feed-config.yml, e.g. "owner.email"), or null when
 *                the fix lies elsewhere; the distribution page links to that field of the settings page
 */
public record Check(String name, Status status, String message, String fix, String setting) {

    public Check(String name, Status status, String message, String fix) {
        this(name, status, message, fix, null);
    }

    /** The same check, fixed by the show setting {@code key}. */
    Check at(String key) {
        return new Check(name, status, message, fix, key);
    }

    public enum Status {
        PASS,
        WARN,
        FAIL
    }

    static Check pass(String name, String message) {
        return new Check(name, Status.PASS, message, "");
    }

    static Check warn(String name, String message, String fix) {
        return new Check(name, Status.WARN, message, fix);
    }

    static Check fail(String name, String message, String fix) {
        return new Check(name, Status.FAIL, message, fix);
    }

    /** The same finding at another severity: what one directory refuses, another may only frown at. */
    Check as(Status severity) {
        return status == Status.PASS ? this : new Check(name, severity, message, fix, setting);
    }
}
