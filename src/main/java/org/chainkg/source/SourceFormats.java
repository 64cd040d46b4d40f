package org.chainkg.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.chainkg.source.eto.EtoChainReader;

/**
 * The one place where source formats are registered. Adding a format means adding a reader class and one line
 * here.
 */
public final class SourceFormats {
    private static final Map<String, Supplier<SourceReader>> READERS = new LinkedHashMap<>();
    static {
        register(EtoChainReader::new);
        register(org.chainkg.source.mapping.ChainMappingReader::new);
        register(org.chainkg.source.ror.RorReader::new);
        register(org.chainkg.source.cordis.CordisReader::new);
        register(org.chainkg.source.epo.EpoOpsReader::new);
        register(org.chainkg.source.openalex.OpenAlexReader::new);
        register(org.chainkg.source.uspto.UsptoXmlReader::new);
        register(org.chainkg.source.patentsview.PatentsViewReader::new);
        register(org.chainkg.source.ppubs.PpubsReader::new);
        register(org.chainkg.source.usgs.UsgsMcsReader::new);
        register(org.chainkg.source.iea.IeaMineralsReader::new);
        register(org.chainkg.source.pvice.PvIceReader::new);
        register(org.chainkg.source.mapping.CrossChainReader::new);
    }

    private static void register(Supplier<SourceReader> factory) {
        READERS.put(factory.get().format(), factory);
    }

    public static List<String> names() {
        return List.copyOf(READERS.keySet());
    }

    /** The reader for a format name, or an exception listing the known names. */
    public static SourceReader byName(String name) {
        Supplier<SourceReader> f = READERS.get(name);
        if (f == null)
            throw new IllegalArgumentException("unknown format '" + name + "' (known: " + String.join(", ", names()) + ")");
        return f.get();
    }

    /** The one reader that accepts these paths; fails when none or several do. */
    public static SourceReader detect(List<Path> paths) {
        List<SourceReader> found = READERS.values().stream().map(Supplier::get).filter(r -> r.accepts(paths)).toList();
        if (found.size() == 1)
            return found.get(0);
        if (found.isEmpty())
            throw new IllegalArgumentException("cannot tell the format of " + paths + "; name it with --format ("
                                               + String.join(", ", names()) + ")");
        throw new IllegalArgumentException("several formats could read " + paths + " ("
            + String.join(", ", found.stream().map(SourceReader::format).toList()) + "); name one with --format");
    }

    private SourceFormats() {}
}
