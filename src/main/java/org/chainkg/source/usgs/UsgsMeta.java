package org.chainkg.source.usgs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.chainkg.source.SourceDataException;

/** The FGDC metadata file of a USGS MCS commodity, read with the JDK's StAX parser (no DTDs, no external entities). */
final class UsgsMeta {
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** The text of the first {@code <title>} element (the data release's title), or null. */
    static String firstTitle(Path meta) {
        try (InputStream in = Files.newInputStream(meta)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("title"))
                        return r.getElementText().trim();
                }
                return null;
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new SourceDataException(meta.getFileName().toString(), line, null, "malformed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SourceDataException(meta.getFileName().toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private UsgsMeta() {}
}
