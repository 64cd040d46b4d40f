package org.chainkg.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;



/**
 * A workbench page: reads its parameters, runs the named queries it shows, renders its template. A parameter that
 * does not fit (an unknown country, item, chain, highlight or language) is refused with 400 and the parameter named;
 * a query stopped by the timeout gets 503.
 */
public abstract class Page extends HttpServlet {
    protected final Tables tables;

    Page(Tables tables) {
        this.tables = tables;
    }

    /** Renders the page (template and model) for a request whose language is already known. */
    protected abstract void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Lang lang;
        try {
            lang = Lang.of(req);
        } catch (IllegalArgumentException e) {
            Html.error(resp, Lang.en(), 400, e.getMessage());
            return;
        }
        try {
            render(req, resp, lang);
        } catch (IllegalArgumentException e) {   // QueryParameterException too
            if (req.getRequestURI().startsWith("/fragment/")) Html.fragmentError(resp, lang, 400, e.getMessage());
            else Html.error(resp, lang, 400, e.getMessage());
        } catch (org.apache.jena.query.QueryCancelledException e) {
            Html.error(resp, lang, 503, lang.t("error.timeout"));
        }
    }

    /** A required parameter, refused when missing. */
    static String required(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException(name + ": the parameter is required");
        return v.trim();
    }
}
