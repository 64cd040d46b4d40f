package org.chainkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Terms of the chainkg ontology ({@code ontology/*.ttl}), namespace {@value #NS}.
 * One constant per term; {@code VocabularyTest} checks that every constant is declared in the ontology.
 */
public final class CK {
    public static final String NS = "https://w3id.org/chainkg/ontology#";

    private static Node term(String local) { return NodeFactory.createURI(NS + local); }

    // organisations.ttl
    public static final Node ResearchOrganisation = term("ResearchOrganisation");
    public static final Node University = term("University");
    public static final Node ResearchInstitute = term("ResearchInstitute");
    public static final Node Laboratory = term("Laboratory");
    public static final Node Firm = term("Firm");
    public static final Node ResearchOutput = term("ResearchOutput");
    public static final Node Patent = term("Patent");
    public static final Node Publication = term("Publication");
    public static final Node ResearchProject = term("ResearchProject");
    public static final Node Technology = term("Technology");
    public static final Node Country = term("Country");
    public static final Node country = term("country");

    // chain.ttl
    public static final Node IndustrialChain = term("IndustrialChain");
    public static final Node ChainElement = term("ChainElement");
    public static final Node ChainStage = term("ChainStage");
    public static final Node ChainItem = term("ChainItem");
    public static final Node Tool = term("Tool");
    public static final Node Material = term("Material");
    public static final Node Process = term("Process");
    public static final Node DesignResource = term("DesignResource");
    public static final Node FinalOutput = term("FinalOutput");
    public static final Node Provision = term("Provision");
    public static final Node UnattributedProvider = term("UnattributedProvider");
    public static final Node inChain = term("inChain");
    public static final Node inStage = term("inStage");
    public static final Node feedsInto = term("feedsInto");
    public static final Node subtypeOf = term("subtypeOf");
    public static final Node provider = term("provider");
    public static final Node item = term("item");
    public static final Node sharePercent = term("sharePercent");
    public static final Node shareKnown = term("shareKnown");
    public static final Node shareText = term("shareText");
    public static final Node year = term("year");
    public static final Node marketSize = term("marketSize");

    // analytics.ttl: provenance
    public static final Node SourceGraph = term("SourceGraph");
    public static final Node SourceLoad = term("SourceLoad");
    public static final Node SourceFile = term("SourceFile");
    public static final Node Reader = term("Reader");
    public static final Node sha256 = term("sha256");
    public static final Node rowCount = term("rowCount");
    public static final Node byteSize = term("byteSize");
    public static final Node tripleCount = term("tripleCount");
    public static final Node sourceFormat = term("sourceFormat");
    public static final Node readerVersion = term("readerVersion");
    public static final Node sourceLine = term("sourceLine");
    public static final Node sourceFile = term("sourceFile");

    // analytics.ttl: derived analytics
    public static final Node ConcentrationMeasure = term("ConcentrationMeasure");
    public static final Node hhi = term("hhi");
    public static final Node topCountry = term("topCountry");
    public static final Node topShare = term("topShare");
    public static final Node countryCount = term("countryCount");
    public static final Node firmCount = term("firmCount");
    public static final Node homeShare = term("homeShare");
    public static final Node supplyStatus = term("supplyStatus");
    public static final Node SupplyStatusScheme = term("SupplyStatusScheme");
    public static final Node Held = term("Held");
    public static final Node Negligible = term("Negligible");
    public static final Node Absent = term("Absent");
    public static final Node Chokepoint = term("Chokepoint");
    public static final Node BrokenSegment = term("BrokenSegment");

    private CK() {}
}
