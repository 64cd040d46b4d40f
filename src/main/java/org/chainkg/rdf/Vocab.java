package org.chainkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms reused from W3C and other standard vocabularies that Jena does not ship constants for. */
public final class Vocab {
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String VOID = "http://rdfs.org/ns/void#";

    public static final Node orgOrganization = NodeFactory.createURI(ORG + "Organization");
    public static final Node orgSubOrganizationOf = NodeFactory.createURI(ORG + "subOrganizationOf");

    public static final Node provEntity = NodeFactory.createURI(PROV + "Entity");
    public static final Node provActivity = NodeFactory.createURI(PROV + "Activity");
    public static final Node provSoftwareAgent = NodeFactory.createURI(PROV + "SoftwareAgent");
    public static final Node provWasGeneratedBy = NodeFactory.createURI(PROV + "wasGeneratedBy");
    public static final Node provWasDerivedFrom = NodeFactory.createURI(PROV + "wasDerivedFrom");
    public static final Node provWasRevisionOf = NodeFactory.createURI(PROV + "wasRevisionOf");
    public static final Node schemaSoftwareVersion = NodeFactory.createURI(SCHEMA + "softwareVersion");
    public static final Node provUsed = NodeFactory.createURI(PROV + "used");
    public static final Node provWasAssociatedWith = NodeFactory.createURI(PROV + "wasAssociatedWith");
    public static final Node provStartedAtTime = NodeFactory.createURI(PROV + "startedAtTime");
    public static final Node provEndedAtTime = NodeFactory.createURI(PROV + "endedAtTime");

    private Vocab() {}
}
