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
    public static final Node flaggedNegligible = term("flaggedNegligible");
    public static final Node volume = term("volume");
    public static final Node volumeText = term("volumeText");
    public static final Node worldTotal = term("worldTotal");
    public static final Node unit = term("unit");
    public static final Node basis = term("basis");
    public static final Node estimated = term("estimated");
    public static final Node SeriesFigure = term("SeriesFigure");
    public static final Node SeriesMeasure = term("SeriesMeasure");
    public static final Node series = term("series");
    public static final Node period = term("period");
    public static final Node resourceFor = term("resourceFor");
    public static final Node UpstreamRelation = term("UpstreamRelation");
    public static final Node upstreamElement = term("upstreamElement");
    public static final Node downstreamElement = term("downstreamElement");
    public static final Node tier = term("tier");
    public static final Node HistoricalFigure = term("HistoricalFigure");
    public static final Node ScenarioFigure = term("ScenarioFigure");
    public static final Node figureItem = term("figureItem");
    public static final Node figureProvider = term("figureProvider");
    public static final Node scenario = term("scenario");
    public static final Node ChainLink = term("ChainLink");
    public static final Node linkFrom = term("linkFrom");
    public static final Node linkTo = term("linkTo");
    public static final Node linkConfidence = term("linkConfidence");
    public static final Node proxy = term("proxy");
    public static final Node datasetKey = term("datasetKey");
    public static final Node release = term("release");

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
    public static final Node DerivedGraph = term("DerivedGraph");
    public static final Node DerivationRun = term("DerivationRun");
    public static final Node Deriver = term("Deriver");
    public static final Node recordCount = term("recordCount");

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

    // organisations.ttl: research outputs, projects and their links
    public static final Node assignee = term("assignee");
    public static final Node applicant = term("applicant");
    public static final Node inventorCountry = term("inventorCountry");
    public static final Node technology = term("technology");
    public static final Node cpcInventive = term("cpcInventive");
    public static final Node cpcAdditional = term("cpcAdditional");
    public static final Node topic = term("topic");
    public static final Node ipcSymbol = term("ipcSymbol");
    public static final Node cites = term("cites");
    public static final Node citesNonPatent = term("citesNonPatent");
    public static final Node patentKind = term("patentKind");
    public static final Node applicationNumber = term("applicationNumber");
    public static final Node familyId = term("familyId");
    public static final Node familyMember = term("familyMember");
    public static final Node affiliation = term("affiliation");
    public static final Node authorCountry = term("authorCountry");
    public static final Node doi = term("doi");
    public static final Node ror = term("ror");
    public static final Node pic = term("pic");
    public static final Node vatNumber = term("vatNumber");
    public static final Node active = term("active");
    public static final Node registryStatus = term("registryStatus");
    public static final Node sourceName = term("sourceName");
    public static final Node Participation = term("Participation");
    public static final Node participant = term("participant");
    public static final Node participation = term("participation");
    public static final Node organisation = term("organisation");
    public static final Node role = term("role");
    public static final Node activityType = term("activityType");
    public static final Node ecContribution = term("ecContribution");
    public static final Node sme = term("sme");
    public static final Node TechnologyScheme = term("TechnologyScheme");

    // analytics.ttl: organisation identity and research-to-chain links
    public static final Node CanonicalOrganisation = term("CanonicalOrganisation");
    public static final Node IdentityLink = term("IdentityLink");
    public static final Node canonical = term("canonical");
    public static final Node sourceNode = term("sourceNode");
    public static final Node canonicalOrganisation = term("canonicalOrganisation");
    public static final Node matchMethod = term("matchMethod");
    public static final Node confidence = term("confidence");
    public static final Node TechnologyMapping = term("TechnologyMapping");
    public static final Node relevantTo = term("relevantTo");
    public static final Node mappedTechnology = term("mappedTechnology");
    public static final Node mappedItem = term("mappedItem");
    public static final Node rationale = term("rationale");
    public static final Node OrganisationAlias = term("OrganisationAlias");
    public static final Node curatedKey = term("curatedKey");
    public static final Node CpcConcordanceEntry = term("CpcConcordanceEntry");
    public static final Node formerGroup = term("formerGroup");
    public static final Node successorGroup = term("successorGroup");
    public static final Node concordanceBasis = term("concordanceBasis");
    public static final Node TextLink = term("TextLink");
    public static final Node linkedOutput = term("linkedOutput");
    public static final Node linkedItem = term("linkedItem");
    public static final Node linkMethod = term("linkMethod");
    public static final Node score = term("score");
    public static final Node evidenceTerms = term("evidenceTerms");
    public static final Node assessedElement = term("assessedElement");
    public static final Node nearestStage = term("nearestStage");
    public static final Node bearsOn = term("bearsOn");
    public static final Node heldBy = term("heldBy");
    public static final Node outputYear = term("outputYear");
    public static final Node ResearchCapacity = term("ResearchCapacity");
    public static final Node researchOrganisation = term("researchOrganisation");
    public static final Node organisationCount = term("organisationCount");
    public static final Node organisationNames = term("organisationNames");
    public static final Node outputCount = term("outputCount");
    public static final Node firstYear = term("firstYear");
    public static final Node lastYear = term("lastYear");
    public static final Node countryOfInterest = term("countryOfInterest");
    public static final Node missingInput = term("missingInput");
    public static final Node Collaboration = term("Collaboration");
    public static final Node researchPartner = term("researchPartner");
    public static final Node firmPartner = term("firmPartner");
    public static final Node collaborationKind = term("collaborationKind");
    public static final Node sharedWork = term("sharedWork");
    public static final Node sharedCount = term("sharedCount");
    public static final Node sharedIdentifiers = term("sharedIdentifiers");

    private CK() {}
}
