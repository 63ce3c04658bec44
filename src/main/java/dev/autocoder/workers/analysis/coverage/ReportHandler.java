package dev.autocoder.workers.analysis.coverage;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.List;

/** Base of the SAX handlers of the XML report formats: collects the classes a report covers. */
abstract class ReportHandler extends DefaultHandler {

    private final CoverageFormat format;
    private final List<ClassCoverage> classes = new ArrayList<>();

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
