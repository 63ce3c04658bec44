package dev.autocoder.workers.analysis.coverage;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Base of the SAX handlers of the XML report formats: collects the classes a report covers. */
abstract class ReportHandler extends DefaultHandler {

    private final CoverageFormat format;
    private final List<ClassCoverage> classes = new ArrayList<>();
    private final Map<String, FileLines> lines = new LinkedHashMap<>();

    ReportHandler(CoverageFormat format) {
        this.format = format;
    }

    final CoverageFormat format() {
        return format;
    }

    final List<ClassCoverage> classes() {
        return classes;
    }

    /** One class the report describes; its source file is resolved later, against the checkout. */
    final void addClass(String packageName, String className, String declaredPath, CoverageCounts counts) {
        classes.add(new ClassCoverage(format, packageName, className, declaredPath, null, counts));
    }

    /** The lines of one source file; entries of the same file (nested classes) are merged. */
    final void addLines(String declaredPath, Collection<Integer> covered, Collection<Integer> missed) {
        lines.merge(declaredPath, FileLines.of(declaredPath, covered, missed), FileLines::merge);
    }

    final List<FileLines> lines() {
        return List.copyOf(lines.values());
    }

    List<String> sourceRoots() {
        return List.of();
    }

    static String required(Attributes attributes, String element, String name) throws SAXException {
        String value = attributes.getValue(name);
        if (value == null) {
            throw new SAXException("<" + element + "> has no " + name + " attribute");
        }
        return value;
    }

    static long number(Attributes attributes, String element, String name) throws SAXException {
        String value = required(attributes, element, name);
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed < 0) {
                throw new SAXException("<" + element + "> " + name + "=\"" + value + "\" is negative");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SAXException("<" + element + "> " + name + "=\"" + value + "\" is not a number");
        }
    }
}
