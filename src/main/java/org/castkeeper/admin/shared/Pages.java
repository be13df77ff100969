package org.castkeeper.admin.shared;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the admin templates, compiled to classes at build time (src/main/jte). */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    /** The admin's "not found" page, with a way back; the caller sets the status. */
    public static void notFound(Context ctx, String message) {
        render(ctx, "admin/notfound.jte", new NotFoundPage(message, AdminSecurity.csrfIfSignedIn(ctx)));
    }

    /** Set on a request once a page is rendered for it. */
    public static final String RENDERED = "castkeeper.rendered";

    public static void render(Context ctx, String template, Object page) {
        ctx.attribute(RENDERED, template);
        StringOutput out = new StringOutput();
        ENGINE.render(template, page, out);
        ctx.html(out.toString());
    }
}
