package dev.autocoder.workers.analysis.coverage;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Cobertura XML report ({@code coverage > sources, packages > package > classes > class > lines > line}),
 * as written by the Cobertura Maven plugin, coverage.py, Istanbul and others. A line counts as covered when
 * its hits are above zero; branch lines ({@code branch="true"}) add the covered and total conditions of their
 * {@code condition-coverage="50% (1/2)"}. The per-method line lists repeat the class's lines and are skipped.
 * Each class's lines are also kept line by line, per {@code filename} (nested classes of one file merged).
 */
final class CoberturaXmlHandler extends ReportHandler {

    private static final Pattern CONDITIONS = Pattern.compile("\\((\\d+)/(\\d+)\\)");

    private final List<String> sourceRoots = new ArrayList<>();
    private StringBuilder sourceText;
    private String packageName = "";
    private String className;
    private String fileName;
    private boolean inMethods;
    private final Map<Integer, Long> hitsByLine = new TreeMap<>();
    private final Map<Integer, long[]> conditionsByLine = new TreeMap<>();

    CoberturaXmlHandler() {
        super(CoverageFormat.COBERTURA);
    }

    @Override
    List<String> sourceRoots() {
        return sourceRoots;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (qName) {
            case "source" -> sourceText = new StringBuilder();
            case "package" -> packageName = attributes.getValue("name") == null ? "" : attributes.getValue("name");
            case "class" -> {
                className = required(attributes, qName, "name");
                fileName = required(attributes, qName, "filename");
                inMethods = false;
                hitsByLine.clear();
                conditionsByLine.clear();
            }
            case "methods" -> inMethods = true;
            case "line" -> {
                if (className != null && !inMethods) {
                    line(attributes);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (sourceText != null) {
            sourceText.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (qName) {
            case "source" -> {
                if (!sourceText.toString().isBlank()) {
                    sourceRoots.add(sourceText.toString().strip());
                }
                sourceText = null;
            }
            case "methods" -> inMethods = false;
            case "class" -> endClass();
            case "package" -> packageName = "";
            default -> {
            }
        }
    }

    private void line(Attributes attributes) throws SAXException {
        int number = (int) Math.min(Integer.MAX_VALUE, number(attributes, "line", "number"));
        long hits = number(attributes, "line", "hits");
        hitsByLine.merge(number, hits, Math::max);
        String conditionCoverage = attributes.getValue("condition-coverage");
        if ("true".equals(attributes.getValue("branch")) && conditionCoverage != null) {
            Matcher matcher = CONDITIONS.matcher(conditionCoverage);
            if (!matcher.find()) {
                throw new SAXException("<line number=\"" + number + "\"> condition-coverage=\"" + conditionCoverage
                        + "\" has no (covered/total)");
            }
            long covered = Long.parseLong(matcher.group(1));
            long total = Long.parseLong(matcher.group(2));
            if (covered > total) {
                throw new SAXException("<line number=\"" + number + "\"> covers more conditions than it has");
            }
            conditionsByLine.merge(number, new long[]{covered, total}, (a, b) -> a[1] >= b[1] ? a : b);
        }
    }

    private void endClass() {
        long linesCovered = hitsByLine.values().stream().filter(h -> h > 0).count();
        long linesMissed = hitsByLine.size() - linesCovered;
        long branchesCovered = conditionsByLine.values().stream().mapToLong(c -> c[0]).sum();
        long branchesTotal = conditionsByLine.values().stream().mapToLong(c -> c[1]).sum();
        // Java reports name classes fully qualified; the package is already in packageName.
        String name = !packageName.isEmpty() && className.startsWith(packageName + ".")
                ? className.substring(packageName.length() + 1) : className;
        addClass(packageName, name, fileName.replace('\\', '/'),
                new CoverageCounts(linesCovered, linesMissed, branchesCovered, branchesTotal - branchesCovered));
        addLines(fileName.replace('\\', '/'),
                hitsByLine.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList(),
                hitsByLine.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList());
        className = null;
    }
}
