package org.chainkg.query;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Output formats for query results. For programs, the SPARQL 1.1 results formats as Jena writes them: {@link #CSV}
 * (plain values), {@link #TSV} (RDF term syntax: {@code "Chip design"@en}, {@code ?item} headers), {@link #JSON},
 * {@link #XML}. For people and spreadsheets: {@link #TABLE} (plain values in columns at most
 * {@value #MAX_CELL} characters wide, longer cells cut with …) and {@link #TSV_PLAIN} (plain values, column names
 * without {@code ?}; tabs and line breaks inside a value become spaces).
 */
public enum ResultFormat {
    TABLE, CSV, TSV, TSV_PLAIN, JSON, XML;

    /** Widest column of {@link #TABLE}, in characters. */
    public static final int MAX_CELL = 60;

    /** Parses a format name: table, csv, tsv (SPARQL TSV), tsv-plain, json, xml. */
    public static ResultFormat parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A {@code --format} of the command line: as {@link #parse}, but {@code tsv} means {@link #TSV_PLAIN} (for people and spreadsheets). */
    public static ResultFormat parseCommandLine(String s) {
        ResultFormat f = parse(s);
        return f == TSV ? TSV_PLAIN : f;
    }

    /** The names {@link #parse} accepts. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    public void write(RowSet rows, OutputStream out) {
        switch (this) {
            case TABLE -> table(rows, out);
            case TSV_PLAIN -> plainTsv(rows, out);
            case CSV -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_CSV);
            case TSV -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_TSV);
            case JSON -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_JSON);
            case XML -> ResultSetMgr.write(out, ResultSet.adapt(rows), ResultSetLang.RS_XML);
        }
    }

    /** A value as people read it: the IRI, the literal's lexical form, or _:label; "" when unbound. */
    static String plain(Node n) {
        if (n == null) return "";
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        return n.toString();
    }

    private static void plainTsv(RowSet rows, OutputStream out) {
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<Var> vars = rows.getResultVars();
        w.print(String.join("\t", vars.stream().map(Var::getVarName).toList()));
        w.print('\n');
        rows.forEachRemaining(b -> {
            List<String> cells = new ArrayList<>();
            for (Var v : vars) cells.add(plain(b.get(v)).replaceAll("[\t\r\n]+", " "));
            w.print(String.join("\t", cells));
            w.print('\n');
        });
        w.flush();
    }

    private static void table(RowSet rows, OutputStream out) {
        List<Var> vars = rows.getResultVars();
        List<String[]> cells = new ArrayList<>();
        int[] width = new int[vars.size()];
        String[] head = new String[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            head[i] = vars.get(i).getVarName();
            width[i] = length(head[i]);
        }
        rows.forEachRemaining((Binding b) -> {
            String[] row = new String[vars.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = cut(plain(b.get(vars.get(i))).replaceAll("\\s+", " "));
                width[i] = Math.max(width[i], length(row[i]));
            }
            cells.add(row);
        });
        PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        line(w, head, width);
        String[] rule = new String[width.length];
        for (int i = 0; i < rule.length; i++) rule[i] = "-".repeat(width[i]);
        line(w, rule, width);
        for (String[] row : cells) line(w, row, width);
        w.printf("(%d row%s)%n", cells.size(), cells.size() == 1 ? "" : "s");
        w.flush();
    }

    private static void line(PrintWriter w, String[] row, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) s.append("  ");
            s.append(row[i]);
            if (i < row.length - 1) s.append(" ".repeat(width[i] - length(row[i])));
        }
        w.print(s.toString().stripTrailing());
        w.print('\n');
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static String cut(String s) {
        if (length(s) <= MAX_CELL) return s;
        return s.substring(0, s.offsetByCodePoints(0, MAX_CELL - 1)) + "…";
    }
}
