package org.chainkg.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a share comes from, {@code /provenance?chain=IRI&item=ID&line=N}: the provision row of the item at that
 * source line, the source file it was read from (name, SHA-256, size), the named graph and its load (reader, start
 * and end time), and the dataset's title, citation and licence: all from the load's PROV-O record.
 */
public final class ProvenancePage extends Page {
    static final String ROW = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?row ?graph ?provider ?share ?year ?source ?title ?citation ?license ?started ?ended ?reader ?release
               (COALESCE(?rfile, ?efile) AS ?file) (COALESCE(?rsha, ?esha) AS ?sha256) (COALESCE(?rbytes, ?ebytes) AS ?bytes) WHERE {
          ?el ck:inChain ?chain ; dcterms:identifier ?id .
          GRAPH ?graph { ?row ck:item ?el ; ck:sourceLine ?l ; ck:provider ?p FILTER(STR(?l) = ?line) }
          OPTIONAL { ?p rdfs:label ?provider FILTER(lang(?provider) = "en" || lang(?provider) = "") }
          OPTIONAL { ?row ck:sharePercent ?share } OPTIONAL { ?row ck:year ?year } OPTIONAL { ?row dcterms:source ?source }
          GRAPH ?graph {
            OPTIONAL { ?graph dcterms:title ?title } OPTIONAL { ?graph dcterms:bibliographicCitation ?citation }
            OPTIONAL { ?graph dcterms:license ?license }
            ?graph prov:wasGeneratedBy ?load .
            OPTIONAL { ?load prov:startedAtTime ?started } OPTIONAL { ?load prov:endedAtTime ?ended }
            OPTIONAL { ?load prov:wasAssociatedWith ?reader }
            OPTIONAL { ?graph ck:release ?release }
            # the file a supply row names (USGS, IEA, PV_ICE); ETO provision rows are read from provision.csv
            OPTIONAL { ?row ck:sourceFile ?rf . ?rf dcterms:title ?rfile ; ck:sha256 ?rsha OPTIONAL { ?rf ck:byteSize ?rbytes } }
            OPTIONAL { ?graph prov:wasDerivedFrom ?f . ?f dcterms:title ?efile ; ck:sha256 ?esha FILTER(?efile = "provision.csv")
                       OPTIONAL { ?f ck:byteSize ?ebytes } }
          }
        } LIMIT 1""";

    ProvenancePage(Tables tables) {
        super(tables);
    }

    public record View(Lang lang, String chain, String item, String line, Map<String, String> row, String switchUrl) {}

    @Override
    protected void render(HttpServletRequest req, HttpServletResponse resp, Lang lang) throws IOException {
        String chain = required(req, "chain"), item = required(req, "item"), line = required(req, "line");
        if (!line.matches("\\d{1,9}")) throw new IllegalArgumentException("line: '" + line + "' is not a line number");
        if (tables.lookup(ItemPage.ITEM, Map.of("chain", chain, "id", item)).isEmpty())
            throw new IllegalArgumentException("item: no item '" + item + "' in the chain " + chain);
        Table t = tables.lookup(ROW, Map.of("chain", chain, "id", item, "line", line));
        if (t.isEmpty()) throw new IllegalArgumentException("line: item " + item + " has no provision row at source line " + line);
        Html.page(resp, "provenance.jte", new View(lang, chain, item, line, t.rows().get(0), lang.switchUrl(req)));
    }
}
