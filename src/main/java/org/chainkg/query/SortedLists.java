package org.chainkg.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;

/**
 * The list columns of a named query (header {@code # Lists:}), put in order by chainkg rather than by the engine:
 * SPARQL leaves the order of GROUP_CONCAT's values open, and engines differ (an ordered sub-select inside OPTIONAL,
 * the usual trick, is honoured by Jena but not by Virtuoso 7). Each list column's items are sorted as text; a
 * column declared {@code NAME by KEY} is put in the order of KEY's items instead (paired lists such as stage ids and
 * stage names). Syntax: {@code # Lists: stage_id, stage by stage_id with "; ", subtype_of} (separator " " unless
 * given with {@code with "SEP"}).
 */
record SortedLists(List<ListColumn> columns) {
    record ListColumn(String name, String key, String separator) {}

    private static final Pattern ENTRY = Pattern.compile("\\s*(\\w+)(?:\\s+by\\s+(\\w+))?(?:\\s+with\\s+\"([^\"]*)\")?\\s*");

    static SortedLists parse(String header, String query) {
        List<ListColumn> out = new ArrayList<>();
        for (String part : header.split(",")) {
            Matcher m = ENTRY.matcher(part);
            if (!m.matches())
                throw new IllegalArgumentException("named query " + query + ": \"# Lists:\" entry \"" + part.trim()
                    + "\" is not COLUMN [by KEY] [with \"SEPARATOR\"]");
            out.add(new ListColumn(m.group(1), m.group(2), m.group(3) == null ? " " : m.group(3)));
        }
        return new SortedLists(out);
    }

    /** The rows with every list column in order. */
    RowSet apply(RowSet rows) {
        return CanonicalTerms.map(rows, this::sort);
    }

    private Binding sort(Binding row) {
        BindingBuilder b = BindingBuilder.create();
        java.util.Map<String, int[]> orders = new java.util.HashMap<>();
        java.util.Map<Var, Node> changed = new java.util.HashMap<>();
        for (ListColumn c : columns) {
            if (c.key() != null) continue;
            Node n = row.get(Var.alloc(c.name()));
            if (n == null || !n.isLiteral()) continue;
            List<String> items = split(n.getLiteralLexicalForm(), c.separator());
            Integer[] idx = new Integer[items.size()];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            java.util.Arrays.sort(idx, Comparator.comparing(items::get));
            orders.put(c.name(), java.util.Arrays.stream(idx).mapToInt(Integer::intValue).toArray());
            changed.put(Var.alloc(c.name()), literal(n, reorder(items, orders.get(c.name())), c.separator()));
        }
        for (ListColumn c : columns) {
            if (c.key() == null) continue;
            Node n = row.get(Var.alloc(c.name()));
            int[] order = orders.get(c.key());
            if (n == null || !n.isLiteral() || order == null) continue;
            List<String> items = split(n.getLiteralLexicalForm(), c.separator());
            if (items.size() == order.length) changed.put(Var.alloc(c.name()), literal(n, reorder(items, order), c.separator()));
        }
        row.forEach((v, n) -> b.add(v, changed.getOrDefault(v, n)));
        return b.build();
    }

    private static List<String> split(String s, String sep) {
        return s.isEmpty() ? List.of() : List.of(s.split(Pattern.quote(sep), -1));
    }

    private static List<String> reorder(List<String> items, int[] order) {
        List<String> out = new ArrayList<>(items.size());
        for (int i : order) out.add(items.get(i));
        return out;
    }

    private static Node literal(Node original, List<String> items, String sep) {
        String text = String.join(sep, items);
        return original.getLiteralLanguage().isEmpty() ? NodeFactory.createLiteralDT(text, original.getLiteralDatatype())
                                                       : NodeFactory.createLiteralLang(text, original.getLiteralLanguage());
    }
}
