package org.chainkg.source.uspto;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.chainkg.rdf.CountryCodes;
import org.chainkg.rdf.CpcSymbols;
import org.chainkg.source.SourceDataException;

/**
 * Parses one USPTO full-text XML document (us-patent-grant v4.x, us-patent-application v4.x, or a sequence-cwu
 * listing, which carries no bibliographic data) with StAX into a {@link PatentRecord}. External DTDs and entities
 * are never loaded; character references work. Only the bibliographic block and the abstract are read; the
 * description, claims and drawings are streamed past.
 * <p>
 * Assignees come only from {@code assignees/assignee} (law firms are {@code orgname}s under {@code agents} and
 * never become assignees); inventor countries from {@code inventors/inventor/addressbook/address/country} or,
 * in v4.0-v4.2, from applicants of {@code app-type="applicant-inventor"}.
 */
final class UsptoDocumentParser {
    static final String GRANT = "us-patent-grant";
    static final String APPLICATION = "us-patent-application";
    static final String SEQUENCE = "sequence-cwu";
    private static final XMLInputFactory FACTORY = factory();

    private final String file;
    private final long startLine;
    private final List<String> stack = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    /** Text of a mixed-content element (title, abstract, othercit): tags dropped. */
    private StringBuilder capture;
    private int captureDepth;
    private PatentRecord record;
    private Map<String, String> parts;
    private PatentRecord.Citation citation;
    private String[] assignee;
    private boolean inventor;

    private UsptoDocumentParser(String file, long startLine) {
        this.file = file;
        this.startLine = startLine;
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /**
     * Parses one document.
     * @return the patent record, or empty for a sequence listing (skipped: it has no bibliographic data)
     * @throws SourceDataException naming the line where the document starts and the element path
     */
    static Optional<PatentRecord> parse(String file, long startLine, Reader in) {
        return new UsptoDocumentParser(file, startLine).run(in);
    }

    private Optional<PatentRecord> run(Reader in) {
        boolean sequence = false;
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (stack.isEmpty()) sequence = root(r);
                        stack.add(r.getLocalName());
                        if (!sequence) start(r);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (capture != null) capture.append(r.getText());
                        else if (parts != null || citation != null || assignee != null || inventor || stack.size() <= 5)
                            text.append(r.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (!sequence) end();
                        stack.remove(stack.size() - 1);
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            if (r != null) try { r.close(); } catch (XMLStreamException ignored) { /* nothing to release */ }
        }
        if (record == null && !sequence)
            throw new SourceDataException(file, startLine, null, "the document has no root element (an empty or truncated document?)");
        if (sequence) return Optional.empty();
        check(record.docNumber, "publication-reference/document-id/doc-number");
        check(record.kind, "publication-reference/document-id/kind");
        check(record.date, "publication-reference/document-id/date");
        return Optional.of(record);
    }

    /** Checks the root element; true for a sequence listing. */
    private boolean root(XMLStreamReader r) {
        String name = r.getLocalName();
        if (name.equals(SEQUENCE)) return true;
        if (!name.equals(GRANT) && !name.equals(APPLICATION)) {
            String shown = r.getPrefix() == null || r.getPrefix().isEmpty() ? name : r.getPrefix() + ":" + name;
            throw new SourceDataException(file, startLine, shown, "the root element <" + shown + "> is not a USPTO patent "
                + "document (expected us-patent-grant, us-patent-application or sequence-cwu); is uspto-xml the right format for this file?");
        }
        record = new PatentRecord(startLine, name);
        String lang = r.getAttributeValue(null, "lang");
        if (lang != null && !lang.isBlank()) record.lang = lang.trim().toLowerCase(Locale.ROOT);
        return false;
    }

    private String path() {
        return String.join("/", stack);
    }

    private String name(int fromEnd) {
        int i = stack.size() - 1 - fromEnd;
        return i >= 0 ? stack.get(i) : "";
    }

    private boolean inBiblio() {
        return stack.size() >= 2 && stack.get(1).startsWith("us-bibliographic-data-");
    }

    private boolean within(String element) {
        for (int i = stack.size() - 2; i >= 2; i--)
            if (stack.get(i).equals(element)) return true;
        return false;
    }

    private void start(XMLStreamReader r) {
        text.setLength(0);
        String name = name(0);
        if (capture != null) {
            captureDepth++;
            if (name.equals("p") || name.equals("br") || name.equals("li")) capture.append(' ');
            return;
        }
        if (stack.size() == 2 && name.equals("abstract")) {
            startCapture();
            return;
        }
        if (!inBiblio()) return;
        String parent = name(1);
        switch (name) {
            case "invention-title" -> { if (stack.size() == 3) startCapture(); }
            case "classification-cpc" -> { if (parent.equals("main-cpc") || parent.equals("further-cpc")) parts = new HashMap<>(); }
            case "classification-ipcr" -> { if (parent.equals("classifications-ipcr")) parts = new HashMap<>(); }
            case "patcit" -> { if (within("us-references-cited") || within("references-cited")) citation = new PatentRecord.Citation("", "", "", path()); }
            case "othercit" -> { if (within("us-references-cited") || within("references-cited")) startCapture(); }
            case "assignee" -> { if (parent.equals("assignees")) assignee = new String[4]; }
            case "inventor" -> inventor = parent.equals("inventors");
            case "applicant", "us-applicant" -> inventor = "applicant-inventor".equals(r.getAttributeValue(null, "app-type"));
            default -> { }
        }
    }

    private void startCapture() {
        capture = new StringBuilder();
        captureDepth = 0;
    }

    private void end() {
        String name = name(0);
        if (capture != null) {
            if (captureDepth-- > 0) return;
            String value = collapse(capture.toString());
            capture = null;
            if (name.equals("abstract")) record.abstractText = value;
            else if (name.equals("invention-title")) record.title = value;
            else if (name.equals("othercit") && !value.isEmpty()) record.nonPatentCitations.add(value);
            return;
        }
        if (!inBiblio()) return;
        String value = text.toString().trim();
        text.setLength(0);
        if (parts != null) {
            if (name.equals("classification-cpc")) cpc();
            else if (name.equals("classification-ipcr")) ipcr();
            else parts.put(name, value);
        } else if (citation != null) {
            citation(name, value);
        } else if (assignee != null) {
            assignee(name, value);
        } else if (inventor) {
            if (name.equals("country") && name(1).equals("address")) record.inventorCountries.add(country(value));
            else if (name.equals("inventor") || name.endsWith("applicant")) inventor = false;
        } else {
            biblioLeaf(name, value);
        }
    }

    private void biblioLeaf(String name, String value) {
        String ref = name(2);
        boolean docId = name(1).equals("document-id") && stack.size() == 5;
        if (docId && ref.equals("publication-reference")) {
            switch (name) {
                case "country" -> record.country = value;
                case "doc-number" -> record.docNumber = value;
                case "kind" -> record.kind = value;
                case "date" -> record.date = date(value);
                default -> { }
            }
        } else if (docId && ref.equals("application-reference")) {
            if (name.equals("doc-number")) record.applicationNumber = value;
            else if (name.equals("date")) record.filingDate = date(value);
        } else if (name(1).equals("classification-ipc") && (name.equals("main-classification") || name.equals("further-classification"))) {
            record.ipc.add(CpcSymbols.normalise(value).orElseThrow(() -> error(
                "\"" + value + "\" is not an IPC symbol (expected a form like G06F015/16 or H01L 21/027)")));
        }
    }

    private void cpc() {
        String symbol = symbol("CPC");
        String value = parts.getOrDefault("classification-value", "");
        boolean main = name(1).equals("main-cpc");
        if (!main && !value.equals("I") && !value.equals("A"))
            throw error("classification-value \"" + value + "\" is neither I (inventive) nor A (additional)");
        record.cpc.add(new PatentRecord.Cpc(symbol, main || value.equals("I")));
        parts = null;
    }

    private void ipcr() {
        record.ipc.add(symbol("IPC"));
        parts = null;
    }

    private String symbol(String scheme) {
        String section = parts.getOrDefault("section", ""), cls = parts.getOrDefault("class", ""),
            subclass = parts.getOrDefault("subclass", ""), group = parts.getOrDefault("main-group", ""),
            subgroup = parts.getOrDefault("subgroup", "");
        return CpcSymbols.of(section, cls, subclass, group, subgroup).orElseThrow(() -> error(
            "section/class/subclass/main-group/subgroup \"" + section + "|" + cls + "|" + subclass + "|" + group + "|" + subgroup
            + "\" do not make a " + scheme + " symbol (expected e.g. H|01|L|21|027)"));
    }

    private void citation(String name, String value) {
        if (name.equals("patcit")) {
            if (citation.number().isEmpty())
                throw error("the patent citation has no document-id/doc-number");
            if (citation.country().isEmpty())
                throw error("the patent citation of " + citation.number() + " has no document-id/country");
            record.citations.add(citation);
            citation = null;
        } else if (name(1).equals("document-id") && name(2).equals("patcit")) {
            PatentRecord.Citation c = citation;
            citation = switch (name) {
                case "country" -> new PatentRecord.Citation(value, c.number(), c.kind(), c.path());
                case "doc-number" -> new PatentRecord.Citation(c.country(), value, c.kind(), c.path());
                case "kind" -> new PatentRecord.Citation(c.country(), c.number(), value, c.path());
                default -> c;
            };
        }
    }

    /** assignee = {orgname, last-name, first-name, country}. */
    private void assignee(String name, String value) {
        switch (name) {
            case "orgname" -> assignee[0] = value;
            case "last-name" -> assignee[1] = value;
            case "first-name" -> assignee[2] = value;
            case "country" -> { if (name(1).equals("address")) assignee[3] = value.isEmpty() ? null : country(value); }
            case "assignee" -> {
                String org = assignee[0] == null ? "" : assignee[0];
                String person = String.join(" ", assignee[2] == null ? "" : assignee[2], assignee[1] == null ? "" : assignee[1]).trim();
                if (org.isBlank() && person.isEmpty())
                    throw error("the assignee has neither an orgname nor a person's name");
                record.assignees.add(new PatentRecord.Assignee(org.isBlank() ? null : org, person.isEmpty() ? null : person, assignee[3]));
                assignee = null;
            }
            default -> { }
        }
    }

    /** ISO 3166 alpha-3 for a two-letter code. */
    private String country(String code) {
        return CountryCodes.alpha3(code).orElseThrow(() -> error(
            "\"" + code + "\" is not a two-letter ISO 3166 country code (e.g. US, JP, NL)"));
    }

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private String date(String value) {
        try {
            return LocalDate.parse(value, BASIC).toString();
        } catch (DateTimeParseException e) {
            throw error("\"" + value + "\" is not a date (expected YYYYMMDD, e.g. 20150106)");
        }
    }

    private void check(String value, String relative) {
        if (value.isEmpty())
            throw new SourceDataException(file, startLine, record.biblio() + "/" + relative,
                "is missing or empty (every patent document needs its publication number, kind and date)");
    }

    private SourceDataException error(String problem) {
        return new SourceDataException(file, startLine, path(), problem);
    }

    private SourceDataException malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) message = message.substring(at + "Message: ".length());
        String where = "";
        if (e.getLocation() != null && e.getLocation().getLineNumber() > 0)
            where = " at line " + (startLine + e.getLocation().getLineNumber() - 1) + ", column " + e.getLocation().getColumnNumber();
        String field = stack.isEmpty() ? null : path();
        return new SourceDataException(file, startLine, field, "malformed XML" + where + ": " + message.trim()
            + " (in the document that starts at line " + startLine + ")", e);
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
