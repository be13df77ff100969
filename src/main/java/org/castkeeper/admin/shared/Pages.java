package org.castkeeper.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the admin templates, compiled to classes at build time (src/main/jte). */
final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {}

    /** The admin's "not found" page, with a way back; the caller sets the status. */
    static void notFound(Context ctx, String message) {
        render(ctx, "admin/notfound.jte", new NotFoundPage(message, AdminSecurity.csrfIfSignedIn(ctx)));
    }

    /** Set on a request once a page is rendered for it. */
    static final String RENDERED = "castkeeper.rendered";

    static void render(Context ctx, String template, Object page) {
        ctx.attribute(RENDERED, template);
        StringOutput out = new StringOutput();
        ENGINE.render(template, page, out);
        ctx.html(out.toString());
    }
}
