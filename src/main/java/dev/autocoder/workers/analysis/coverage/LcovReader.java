package dev.autocoder.workers.analysis.coverage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an LCOV tracefile ({@code lcov.info}): records from {@code SF:} to {@code end_of_record}, with
 * {@code DA:line,hits}, {@code BRDA:line,block,branch,taken} and the summaries {@code LF/LH/BRF/BRH}.
 * <p>
 * Line and branch counts come from the DA and BRDA details when a record has them (a branch whose taken count
 * is {@code -} was never reached: it counts as missed); the LF/LH and BRF/BRH summaries are used only for a
 * record without details. Records of the same source file are merged. Other keys (TN, FN, FNDA, VER, ...)
 * are ignored; a line that is not {@code KEY:value} is malformed.
 */
final class LcovReader {

    CoverageReport read(Path file, String path) throws IOException, MalformedReportException {
        Map<String, Record> records = new LinkedHashMap<>();
        Record current = null;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.equals("end_of_record")) {
                    if (current == null) {
                        throw new MalformedReportException("line " + lineNumber + ": end_of_record without SF");
                    }
                    current = null;
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new MalformedReportException("line " + lineNumber + ": not an LCOV KEY:value line");
                }
                String key = line.substring(0, colon);
                String value = line.substring(colon + 1);
                if (key.equals("SF")) {
                    current = records.computeIfAbsent(value.replace('\\', '/'), Record::new);
                } else if (current != null) {
                    current.add(key, value, lineNumber);
                } else if (!key.equals("TN") && !key.equals("VER")) {
                    throw new MalformedReportException("line " + lineNumber + ": " + key + " outside an SF record");
                }
            }
        }
        if (current != null) {
            throw new MalformedReportException("record of " + current.sourceFile + " has no end_of_record");
        }
        if (records.isEmpty()) {
            throw new MalformedReportException("no SF record");
        }
        List<ClassCoverage> classes = new ArrayList<>();
        List<FileLines> lines = new ArrayList<>();
        records.values().forEach(r -> {
            classes.add(r.toClassCoverage());
            if (!r.hitsByLine.isEmpty()) {
                lines.add(r.toFileLines());
            }
        });
        return new CoverageReport(path, CoverageFormat.LCOV, List.of(), classes, lines);
    }

    private static final class Record {
        private final String sourceFile;
        private final Map<Integer, Long> hitsByLine = new LinkedHashMap<>();
        private final Map<String, Long> takenByBranch = new LinkedHashMap<>();
        private long linesFound;
        private long linesHit;
        private long branchesFound;
        private long branchesHit;

        Record(String sourceFile) {
            this.sourceFile = sourceFile;
        }

        void add(String key, String value, int lineNumber) throws MalformedReportException {
            String[] parts = value.split(",");
            switch (key) {
                case "DA" -> {
                    expectParts(parts, 2, key, lineNumber);
                    hitsByLine.merge((int) number(parts[0], lineNumber), number(parts[1], lineNumber), Long::sum);
                }
                case "BRDA" -> {
                    expectParts(parts, 4, key, lineNumber);
                    long taken = parts[3].equals("-") ? 0 : number(parts[3], lineNumber);
                    takenByBranch.merge(parts[0] + "," + parts[1] + "," + parts[2], taken, Long::sum);
                }
                case "LF" -> linesFound = Math.max(linesFound, number(value, lineNumber));
                case "LH" -> linesHit = Math.max(linesHit, number(value, lineNumber));
                case "BRF" -> branchesFound = Math.max(branchesFound, number(value, lineNumber));
                case "BRH" -> branchesHit = Math.max(branchesHit, number(value, lineNumber));
                default -> {
                    // TN, FN, FNDA, FNF, FNH and newer keys carry nothing this perspective uses
                }
            }
        }

        ClassCoverage toClassCoverage() {
            long linesCovered = hitsByLine.isEmpty() ? Math.min(linesHit, linesFound)
                    : hitsByLine.values().stream().filter(h -> h > 0).count();
            long lines = hitsByLine.isEmpty() ? linesFound : hitsByLine.size();
            long branchesCovered = takenByBranch.isEmpty() ? Math.min(branchesHit, branchesFound)
                    : takenByBranch.values().stream().filter(t -> t > 0).count();
            long branches = takenByBranch.isEmpty() ? branchesFound : takenByBranch.size();
            int slash = sourceFile.lastIndexOf('/');
            String folder = slash < 0 ? "" : sourceFile.substring(0, slash);
            CoverageCounts counts = new CoverageCounts(linesCovered, lines - linesCovered, branchesCovered,
                    branches - branchesCovered);
            return new ClassCoverage(CoverageFormat.LCOV, folder, sourceFile.substring(slash + 1), sourceFile, null,
                    counts);
        }

        /** The DA lines: hits above zero covered, zero missed. */
        FileLines toFileLines() {
            return FileLines.of(sourceFile,
                    hitsByLine.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList(),
                    hitsByLine.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList());
        }

        private static void expectParts(String[] parts, int atLeast, String key, int lineNumber)
                throws MalformedReportException {
            if (parts.length < atLeast) {
                throw new MalformedReportException("line " + lineNumber + ": " + key + " needs " + atLeast + " fields");
            }
        }

        private static long number(String text, int lineNumber) throws MalformedReportException {
            try {
                long value = Long.parseLong(text.strip());
                if (value < 0) {
                    throw new MalformedReportException("line " + lineNumber + ": negative count " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new MalformedReportException("line " + lineNumber + ": '" + text + "' is not a number");
            }
        }
    }
}
