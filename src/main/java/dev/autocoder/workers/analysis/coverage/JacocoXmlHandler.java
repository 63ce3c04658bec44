package dev.autocoder.workers.analysis.coverage;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JaCoCo XML report ({@code report > [group >] package > class > counter}). Only the class-level
 * LINE and BRANCH counters are used: method counters repeat them, and package and report counters are sums
 * this perspective computes itself. Nested classes ({@code Outer$Inner}) are separate entries, as JaCoCo
 * reports them.
 * <p>
 * Line by line, {@code package > sourcefile > line nr= mi= ci= mb= cb=} gives each source file's coverable lines:
 * a line with instructions is covered when at least one of them ran ({@code ci > 0}), as JaCoCo's LINE counter
 * counts it (a partly covered line is covered).
 */
final class JacocoXmlHandler extends ReportHandler {

    private String packagePath;
    private String classPath;
    private String sourceFileName;
    private boolean inMethod;
    private long linesCovered;
    private long linesMissed;
    private long branchesCovered;
    private long branchesMissed;
    private String sourceFile;
    private final List<Integer> coveredLines = new ArrayList<>();
    private final List<Integer> missedLines = new ArrayList<>();

    JacocoXmlHandler() {
        super(CoverageFormat.JACOCO);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (qName) {
            case "package" -> packagePath = required(attributes, qName, "name");
            case "class" -> startClass(attributes);
            case "method" -> inMethod = true;
            case "counter" -> {
                if (classPath != null && !inMethod) {
                    count(attributes);
                }
            }
            case "sourcefile" -> {
                if (packagePath != null) {
                    sourceFile = required(attributes, qName, "name");
                    coveredLines.clear();
                    missedLines.clear();
                }
            }
            case "line" -> {
                if (sourceFile != null) {
                    line(attributes);
                }
            }
            default -> {
                // sessioninfo, group: not needed
            }
        }
    }

    private void line(Attributes attributes) throws SAXException {
        int number = (int) Math.min(Integer.MAX_VALUE, number(attributes, "line", "nr"));
        long missed = number(attributes, "line", "mi");
        long covered = number(attributes, "line", "ci");
        if (covered > 0) {
            coveredLines.add(number);
        } else if (missed > 0) {
            missedLines.add(number);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (qName) {
            case "method" -> inMethod = false;
            case "class" -> endClass();
            case "sourcefile" -> endSourceFile();
            case "package" -> packagePath = null;
            default -> {
            }
        }
    }

    private void endSourceFile() {
        if (sourceFile != null) {
            addLines(packagePath.isEmpty() ? sourceFile : packagePath + "/" + sourceFile, coveredLines, missedLines);
            sourceFile = null;
        }
    }

    private void startClass(Attributes attributes) throws SAXException {
        if (packagePath == null) {
            throw new SAXException("<class> outside a <package>");
        }
        classPath = required(attributes, "class", "name");
        sourceFileName = attributes.getValue("sourcefilename");
        inMethod = false;
        linesCovered = linesMissed = branchesCovered = branchesMissed = 0;
    }

    private void count(Attributes attributes) throws SAXException {
        String type = required(attributes, "counter", "type");
        if (type.equals("LINE")) {
            linesMissed = number(attributes, "counter", "missed");
            linesCovered = number(attributes, "counter", "covered");
        } else if (type.equals("BRANCH")) {
            branchesMissed = number(attributes, "counter", "missed");
            branchesCovered = number(attributes, "counter", "covered");
        }
    }

    private void endClass() {
        String className = classPath.substring(classPath.lastIndexOf('/') + 1);
        String outerName = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        // Older JaCoCo versions leave out sourcefilename; the outer class name is then the best guess.
        String fileName = sourceFileName != null ? sourceFileName : outerName + ".java";
        String declaredPath = packagePath.isEmpty() ? fileName : packagePath + "/" + fileName;
        CoverageCounts counts = new CoverageCounts(linesCovered, linesMissed, branchesCovered, branchesMissed);
        addClass(packagePath.replace('/', '.'), className, declaredPath, counts);
        classPath = null;
    }
}
