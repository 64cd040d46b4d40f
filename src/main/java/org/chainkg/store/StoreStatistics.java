package org.chainkg.store;

import org.apache.jena.query.text.TextIndexLucene;

/** What {@code chainkg stats} shows: the sources loaded (from their PROV records) and counts by kind. */
public final class StoreStatistics {
    /** One row per source graph: format, title, triples, when it was loaded, reader version, files. */
    public static final String SOURCES = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX schema: <https://schema.org/>
        SELECT ?graph ?format ?triples ?loaded ?reader_version ?files
        WHERE {
          {
            { SELECT ?graph (GROUP_CONCAT(?fname; separator=" ") AS ?files) WHERE {
                GRAPH ?graph { ?graph a ck:SourceGraph ; prov:wasDerivedFrom ?f . ?f dcterms:title ?fname }
              } GROUP BY ?graph }
            GRAPH ?graph {
              ?graph ck:sourceFormat ?format ; ck:tripleCount ?triples ; prov:wasGeneratedBy ?load .
              ?load prov:endedAtTime ?loaded ; prov:wasAssociatedWith ?agent .
              ?agent ck:readerVersion ?reader_version .
            }
          } UNION {
            # derived graphs: format "derived:NAME", no files (their inputs are graphs)
            GRAPH ?graph {
              ?graph a ck:DerivedGraph ; ck:tripleCount ?triples ; prov:wasGeneratedBy ?run .
              ?run prov:endedAtTime ?loaded ; prov:wasAssociatedWith ?agent .
              ?agent schema:softwareVersion ?reader_version ; dcterms:identifier ?name .
            }
            BIND(CONCAT("derived:", ?name) AS ?format)
            BIND("" AS ?files)
          }
        }
        ORDER BY ?graph
        """;

    /** Counts of the main kinds of thing in the union of all graphs (organisation rows count source nodes). */
    public static final String COUNTS = """
        PREFIX ck: <https://w3id.org/chainkg/ontology#>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?kind (COUNT(DISTINCT ?x) AS ?count)
        WHERE {
          VALUES (?kind ?class) {
            ("chains" ck:IndustrialChain) ("stages" ck:ChainStage) ("items" ck:ChainItem)
            ("organisations" org:Organization) ("firms" ck:Firm) ("research organisations" ck:ResearchOrganisation)
            ("countries" ck:Country) ("provision rows" ck:Provision)
            ("patents" ck:Patent) ("publications" ck:Publication) ("projects" ck:ResearchProject)
            ("canonical organisations" ck:CanonicalOrganisation)
          }
          # Source nodes only, except in the canonical row: canonical entities repeat their members' types.
          OPTIONAL { ?x a ?class FILTER(?class = ck:CanonicalOrganisation || NOT EXISTS { ?x a ck:CanonicalOrganisation }) }
        }
        GROUP BY ?kind
        ORDER BY ?kind
        """;

    /** Live documents in the Lucene text index. */
    public static long textDocuments(ChainStore store) {
        if (store.textIndex() instanceof TextIndexLucene lucene) {
            return lucene.getIndexWriter().getDocStats().numDocs;
        }
        return -1;
    }

    private StoreStatistics() {}
}
