package org.castkeeper.admin.shared;

/** Who may use an admin route. */
public enum Access {
    /** Anyone: the sign-in and setup pages and their assets. State-changing requests still need a CSRF token. */
    PUBLIC,
    /** A signed-in host. */
    HOST
}
