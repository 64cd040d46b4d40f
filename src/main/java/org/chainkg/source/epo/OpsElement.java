package org.chainkg.source.epo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of one OPS record (an {@code exchange-document} or a {@code family-member}) with its content, read
 * with StAX from the record's start tag to its end tag — never more than one record at a time. Each element
 * keeps the line where it starts and its path from the record, so that errors can name both.
 */
final class OpsElement {
    private final String name;
    private final long line;
    private final OpsElement parent;
    private final Map<String, String> attributes = new HashMap<>();
    /** Mixed content in document order: character data (String) and child elements (OpsElement). */
    private final List<Object> content = new ArrayList<>();

    private OpsElement(XMLStreamReader r, OpsElement parent) {
        this.name = r.getLocalName();
        this.line = r.getLocation().getLineNumber();
        this.parent = parent;
        for (int i = 0; i < r.getAttributeCount(); i++)
            attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }

    /** Reads the element the reader is on (a START_ELEMENT) and all its content; leaves the reader on its end tag. */
    static OpsElement read(XMLStreamReader r) throws XMLStreamException {
        OpsElement root = new OpsElement(r, null);
        Deque<OpsElement> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    OpsElement e = new OpsElement(r, open.peek());
                    open.peek().content.add(e);
                    open.push(e);
                }
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    open.peek().content.add(r.getText());
                default -> { /* comments and processing instructions carry no data */ }
            }
        }
        return root;
    }

    String name() { return name; }
    long line() { return line; }

    /** An attribute's value, or "" when absent. */
    String attr(String local) {
        return attributes.getOrDefault(local, "");
    }

    boolean hasAttr(String local) {
        return attributes.containsKey(local);
    }

    List<OpsElement> children(String local) {
        List<OpsElement> found = new ArrayList<>();
        for (Object o : content)
            if (o instanceof OpsElement e && e.name.equals(local)) found.add(e);
        return found;
    }

    /** All descendants with this name, in document order. */
    List<OpsElement> descendants(String local) {
        List<OpsElement> found = new ArrayList<>();
        for (Object o : content)
            if (o instanceof OpsElement e) {
                if (e.name.equals(local)) found.add(e);
                found.addAll(e.descendants(local));
            }
        return found;
    }

    /** The first child with this name, or null. */
    OpsElement child(String local) {
        for (Object o : content)
            if (o instanceof OpsElement e && e.name.equals(local)) return e;
        return null;
    }

    /** The first element down this chain of child names, or null. */
    OpsElement find(String... path) {
        OpsElement e = this;
        for (String p : path) {
            e = e.child(p);
            if (e == null) return null;
        }
        return e;
    }

    /** All character data of the element and its descendants, exactly as in the file. */
    String rawText() {
        StringBuilder sb = new StringBuilder();
        appendText(sb);
        return sb.toString();
    }

    private void appendText(StringBuilder sb) {
        for (Object o : content) {
            if (o instanceof String s) sb.append(s);
            else ((OpsElement) o).appendText(sb);
        }
    }

    /** The text with tags dropped, trimmed and runs of white space (including U+2002 and the like) made one space. */
    String text() {
        return collapse(rawText());
    }

    /** The text of a child, collapsed; "" when there is no such child. */
    String childText(String local) {
        OpsElement c = child(local);
        return c == null ? "" : c.text();
    }

    static String collapse(String s) {
        return s.replaceAll("[\\s\\u00A0\\u2000-\\u200B\\u3000]+", " ").trim();
    }

    /** Path from the record's element, e.g. "exchange-document/bibliographic-data/publication-reference". */
    String path() {
        return parent == null ? name : parent.path() + "/" + name;
    }
}
