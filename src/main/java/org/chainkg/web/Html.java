package org.chainkg.web;

import java.io.IOException;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletResponse;

/** Renders the precompiled JTE templates ({@code src/main/jte}, package {@code org.chainkg.web.templates}). */
public final class Html {
    private static final TemplateEngine ENGINE =
        TemplateEngine.createPrecompiled(null, ContentType.Html, Html.class.getClassLoader(), "org.chainkg.web.templates");

    private Html() {}

    /** Writes the template with its one parameter, {@code model}, as a 200 text/html page. */
    public static void page(HttpServletResponse resp, String template, Object model) throws IOException {
        render(resp, 200, template, model);
    }

    /** An error page in the request's language: status and message (HTTP 400 names the parameter). */
    public static void error(HttpServletResponse resp, Lang lang, int status, String message) throws IOException {
        render(resp, status, "error.jte", new ErrorView(lang, status, message));
    }

    /** An error as an HTML fragment (for htmx requests): one alert paragraph. */
    public static void fragmentError(HttpServletResponse resp, Lang lang, int status, String message) throws IOException {
        render(resp, status, "fragerror.jte", new ErrorView(lang, status, message));
    }

    private static void render(HttpServletResponse resp, int status, String template, Object model) throws IOException {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render(template, model, out);
        resp.setStatus(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(out.getContentLength());
        out.writeTo(resp.getOutputStream());
    }

    public record ErrorView(Lang lang, int status, String message) {}
}
