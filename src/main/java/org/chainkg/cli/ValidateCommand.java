package org.chainkg.cli;

import java.util.concurrent.Callable;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.validation.Severity;
import org.chainkg.store.ChainStore;
import org.chainkg.validate.ShapesValidator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chainkg validate --db DIR}: checks the store against the SHACL shapes; exit 1 when any violation is
 * found (warnings are reported but do not fail).
 */
@Command(name = "validate", description = "Validate the store against the SHACL shapes in ontology/ (exit 1 on violations).")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin StoreOptions store;

    @Option(names = "--format", defaultValue = "text", description = "text (one line per result) or turtle (the SHACL report). Default: ${DEFAULT-VALUE}")
    String format;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Suggestions.choose(spec, "--format", format, java.util.List.of("text", "turtle"));
        try (ChainStore s = store.openExisting(common.quiet)) {
            ValidationReport report = new ShapesValidator().validate(s.dataset());
            long violations = report.getEntries().stream().filter(e -> e.severity() == Severity.Violation).count();
            long warnings = report.getEntries().size() - violations;
            if (format.equals("turtle")) {
                RDFDataMgr.write(System.out, report.getModel(), RDFFormat.TURTLE);
            } else {
                report.getEntries().forEach(e -> System.out.printf("%s\t%s\t%s\t%s%n",
                    e.severity().level().getLocalName(), ShLib.displayStr(e.focusNode()),
                    e.resultPath() == null ? "" : e.resultPath().toString(), e.message()));
            }
            if (!common.quiet)
                System.err.printf("%s: %d violation(s), %d warning(s)%n", violations == 0 ? "conforms" : "does not conform",
                              violations, warnings);
            return violations == 0 ? 0 : 1;
        }
    }
}
