package org.castkeeper.auth;

import static org.castkeeper.db.generated.Tables.SERVER_SECRET;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;

/**
 * Known-device cookies (OWASP's "device cookies" against account lockout): after a successful sign-in the browser
 * gets a cookie naming the account and a random device id, signed with a secret every instance shares. A sign-in
 * that carries a valid one for the same account is throttled per device instead of per account, so that
 * attackers elsewhere cannot lock the real host out.
 */
public final class DeviceCookies {
    private static final String SECRET_NAME = "device-cookie";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final DSLContext db;
    private final Clock clock;
    private volatile byte[] key;

    public DeviceCookies(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new cookie value for {@code account}. */
    public String issue(String account) {
        String payload = B64.encodeToString(Accounts.normalise(account).getBytes(StandardCharsets.UTF_8)) + "."
                + Tokens.random().substring(0, 22);
        return payload + "." + sign(payload);
    }

    /** Whether {@code cookie} is one this server issued (to any account): its signature holds. */
    public boolean isGenuine(String cookie) {
        if (cookie == null) {
            return false;
        }
        int last = cookie.lastIndexOf('.');
        return last > 0 && Tokens.same(sign(cookie.substring(0, last)), cookie.substring(last + 1));
    }

    /** The device id when {@code cookie} is a valid cookie issued for {@code account}, else null. */
    public String deviceOf(String cookie, String account) {
        if (cookie == null) {
            return null;
        }
        int last = cookie.lastIndexOf('.');
        int first = cookie.indexOf('.');
        if (first < 0 || last <= first) {
            return null;
        }
        String payload = cookie.substring(0, last);
        if (!Tokens.same(sign(payload), cookie.substring(last + 1))) {
            return null;
        }
        String name;
        try {
            name = new String(B64D.decode(cookie.substring(0, first)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return name.equals(Accounts.normalise(account)) ? cookie.substring(first + 1, last) : null;
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Made by the first instance that needs it; every instance then reads the same one. */
    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            db.insertInto(SERVER_SECRET, SERVER_SECRET.NAME, SERVER_SECRET.VALUE, SERVER_SECRET.CREATED_AT)
                    .values(SECRET_NAME, Tokens.random(), clock.millis())
                    .onConflictDoNothing()
                    .execute();
            String value = db.select(SERVER_SECRET.VALUE)
                    .from(SERVER_SECRET)
                    .where(SERVER_SECRET.NAME.eq(SECRET_NAME))
                    .fetchSingle()
                    .value1();
            k = value.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }
}
