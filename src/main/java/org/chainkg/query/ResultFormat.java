package org.chainkg.query;

import java.io.OutputStream;
import java.util.Locale;

import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.query.ResultSet;

/** Output formats for query results: a text table for people, SPARQL 1.1 CSV/TSV/JSON for programs. */
public enum ResultFormat {
    TABLE, CSV, TSV, JSON;

    public static ResultFormat parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public void write(RowSet rows, OutputStream out) {
        ResultSet rs = ResultSet.adapt(rows);
        switch (this) {
            case TABLE -> ResultSetFormatter.out(out, rs);
            case CSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_CSV);
            case TSV -> ResultSetMgr.write(out, rs, ResultSetLang.RS_TSV);
            case JSON -> ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
        }
    }
}
