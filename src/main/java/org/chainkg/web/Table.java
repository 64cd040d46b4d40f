package org.chainkg.web;

import java.util.List;
import java.util.Map;

/** The rows of one query: its columns in order, and each row as column -> value ("" when unbound). */
public record Table(String query, Map<String, String> params, List<String> columns, List<Map<String, String>> rows) {
    public boolean isEmpty() { return rows.isEmpty(); }
}
