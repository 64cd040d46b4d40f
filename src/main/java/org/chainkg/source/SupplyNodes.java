package org.chainkg.source;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.chainkg.rdf.CK;
import org.chainkg.rdf.Iris;
import org.chainkg.rdf.TripleWriter;

/**
 * The chain nodes the production-statistics readers (USGS, IEA, PV_ICE) write alike: items of one chain
 * ({@code …/id/PREFIX/DATASET/item/ID}), country providers (the shared alpha-3 country IRIs, labelled with the name
 * the source writes) and unattributed residue providers ("Other countries", "Rest of world"), each written once.
 */
public final class SupplyNodes {
    private final TripleWriter out;
    private final String prefix, dataset;
    private final Node chain;
    private final Set<String> written = new HashSet<>();

    /** Writes the dataset's chain ({@code …/id/PREFIX/DATASET/chain}) with its labels and the source's credit. */
    public SupplyNodes(TripleWriter out, String prefix, String dataset, String labelEn, String labelZh, String credit) {
        this.out = out;
        this.prefix = prefix;
        this.dataset = dataset;
        this.chain = Iris.instance(prefix, dataset, "chain");
        out.type(chain, CK.IndustrialChain);
        out.text(chain, RDFS.label.asNode(), labelEn + " (dataset '" + dataset + "')", "en");
        out.text(chain, RDFS.label.asNode(), labelZh, "zh");
        out.text(chain, DCTerms.source.asNode(), credit);
    }

    public Node item(String id) { return Iris.instance(prefix, dataset, "item", id); }

    /** Writes an item of the chain (a material) with its id, English label and, if given, description. */
    public Node writeItem(String id, String label, String description) {
        Node it = item(id);
        out.type(it, CK.ChainItem, CK.ChainElement, CK.Material);
        out.text(it, DCTerms.identifier.asNode(), id);
        out.text(it, RDFS.label.asNode(), label, "en");
        if (description != null) out.text(it, DCTerms.description.asNode(), description, "en");
        out.add(it, CK.inChain, chain);
        return it;
    }

    /** The country node of an alpha-3 code; typed and labelled with {@code name} the first time. */
    public Node country(String alpha3, String name) {
        Node c = Iris.country(alpha3);
        if (written.add(alpha3)) {
            out.type(c, CK.Country);
            out.text(c, SKOS.notation.asNode(), alpha3);
            out.text(c, RDFS.label.asNode(), name, "en");
        }
        return c;
    }

    /** The unattributed provider of a residue or combined row of this dataset, never a supplier. */
    public Node residue(String name) {
        String id = Iris.slug(name.toLowerCase(java.util.Locale.ROOT));
        Node r = Iris.instance(prefix, dataset, "provider", id);
        if (written.add("residue:" + id)) {
            out.type(r, CK.UnattributedProvider);
            out.text(r, DCTerms.identifier.asNode(), id);
            out.text(r, RDFS.label.asNode(), name, "en");
        }
        return r;
    }
}
