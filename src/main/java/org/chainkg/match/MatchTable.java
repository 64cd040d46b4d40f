package org.chainkg.match;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Match results as a table of SPARQL result rows, so that they print in every format named queries do (table, CSV,
 * TSV, SPARQL JSON) on the command line and over HTTP. Lists in a cell are separated by "; ".
 */
public final class MatchTable {
    /** The columns, in order. Features are between 0 and 1; score is their weighted sum. */
    public static final List<String> COLUMNS = List.of("rank", "id", "name", "kind", "country", "score", "text",
        "technology", "technology_broad", "need", "partners", "history", "geography", "popularity", "item_outputs",
        "shared_terms", "shared_codes", "chain_items", "shared_partners", "collaborated", "iri");

    public static RowSet rows(List<MatchResult> results) {
        List<Var> vars = COLUMNS.stream().map(Var::alloc).toList();
        List<Binding> rows = new ArrayList<>();
        for (MatchResult r : results) {
            Features f = r.features();
            Profile c = r.candidate();
            BindingBuilder b = BindingBuilder.create();
            b.add(Var.alloc("rank"), NodeFactory.createLiteralDT(Integer.toString(r.rank()), XSDDatatype.XSDinteger));
            b.add(Var.alloc("id"), NodeFactory.createLiteralString(c.key()));
            b.add(Var.alloc("name"), NodeFactory.createLiteralString(c.label()));
            b.add(Var.alloc("kind"), NodeFactory.createLiteralString(c.kind()));
            if (c.country() != null) b.add(Var.alloc("country"), NodeFactory.createLiteralString(c.country()));
            b.add(Var.alloc("score"), decimal(r.score()));
            b.add(Var.alloc("text"), decimal(f.text()));
            b.add(Var.alloc("technology"), decimal(f.technology()));
            b.add(Var.alloc("technology_broad"), decimal(f.technologyBroad()));
            b.add(Var.alloc("need"), decimal(f.need()));
            b.add(Var.alloc("partners"), decimal(f.partners()));
            b.add(Var.alloc("history"), decimal(f.history()));
            b.add(Var.alloc("geography"), decimal(f.geography()));
            b.add(Var.alloc("popularity"), decimal(f.popularity()));
            b.add(Var.alloc("item_outputs"), decimal(f.itemOutputs()));
            b.add(Var.alloc("shared_terms"), NodeFactory.createLiteralString(String.join("; ", r.sharedTerms())));
            b.add(Var.alloc("shared_codes"), NodeFactory.createLiteralString(String.join("; ", r.sharedCodes())));
            b.add(Var.alloc("chain_items"), NodeFactory.createLiteralString(String.join("; ", r.chainItems())));
            b.add(Var.alloc("shared_partners"), NodeFactory.createLiteralString(String.join("; ", r.sharedPartners())));
            b.add(Var.alloc("collaborated"), NodeFactory.createLiteralDT(Integer.toString(r.collaborated()), XSDDatatype.XSDinteger));
            b.add(Var.alloc("iri"), c.iri);
            rows.add(b.build());
        }
        return RowSetStream.create(vars, rows.iterator());
    }

    private static Node decimal(double v) {
        return NodeFactory.createLiteralDT(BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).toPlainString(), XSDDatatype.XSDdecimal);
    }

    private MatchTable() {}
}
