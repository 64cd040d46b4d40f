package org.chainkg.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /$/datasets} as the Fuseki console reads it (Fuseki's admin module, which an embedded server does not
 * have): the one dataset, {@code /chainkg}, with its query endpoints (and the update and upload endpoints when the
 * server accepts updates). Read-only: only GET; adding or removing datasets is not offered.
 */
final class ConsoleDatasets extends HttpServlet {
    private final String json;

    ConsoleDatasets(boolean allowUpdate) {
        String services = "{\"srv.type\":\"query\",\"srv.description\":\"SPARQL Query\",\"srv.endpoints\":[\"query\",\"sparql\",\"\"]},"
            + "{\"srv.type\":\"gsp-r\",\"srv.description\":\"Graph Store Protocol (Read)\",\"srv.endpoints\":[\"get\",\"data\"]}"
            + (allowUpdate ? ",{\"srv.type\":\"update\",\"srv.description\":\"SPARQL Update\",\"srv.endpoints\":[\"update\"]},"
                           + "{\"srv.type\":\"gsp-rw\",\"srv.description\":\"Graph Store Protocol\",\"srv.endpoints\":[\"data\"]}" : "");
        this.json = "{\"datasets\":[{\"ds.name\":\"/chainkg\",\"ds.state\":true,\"ds.services\":[" + services + "]}]}";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path != null && !path.equals("/") && !path.equals("/chainkg")) {
            resp.sendError(404);
            return;
        }
        resp.setContentType("application/json; charset=utf-8");
        String body = path != null && path.equals("/chainkg") ? json.substring("{\"datasets\":[".length(), json.length() - 2) : json;
        resp.getOutputStream().write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
