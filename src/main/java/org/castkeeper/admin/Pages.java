package org.castkeeper.admin;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the admin templates, compiled to classes at build time (src/main/jte). */
final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    static void render(Context ctx, String template, Object page) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, page, out);
        ctx.html(out.toString());
    }
}
