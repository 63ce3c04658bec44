package dev.autocoder.workers.analysis.coverage;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the coverage reports under a root and reads each into the common model. A {@code coverage.json} that is not
 * coverage.py's is no report and is passed over; a report that cannot be
 * read (malformed, over {@value #MAX_REPORT_BYTES} bytes, unreadable) is listed with its reason and the
 * others still count.
 */
final class CoverageReportLoader {

    /** Reports are streamed, but a file this large is not a coverage report worth the time. */
    public static final long MAX_REPORT_BYTES = 64L * 1024 * 1024;

    private final CoverageReportFinder finder = new CoverageReportFinder();
    private final XmlReportReader xmlReader = new XmlReportReader();
    private final LcovReader lcovReader = new LcovReader();
    private final CoveragePyJsonReader coveragePyReader;

    /** @param json the application's mapper ({@code AutocoderJson.MAPPER}): reads coverage.py's JSON */
    CoverageReportLoader(ObjectMapper json) {
        this.coveragePyReader = new CoveragePyJsonReader(json);
    }

    public FoundReports load(Path root) {
        List<String> paths;
        try {
            paths = finder.find(root);
        } catch (IOException e) {
            return new FoundReports(List.of(), List.of(new UnreadableReport(".", "could not walk the folder: "
                    + e.getClass().getSimpleName())));
        }
        List<CoverageReport> readable = new ArrayList<>();
        List<UnreadableReport> unreadable = new ArrayList<>();
        for (String path : paths) {
            try {
                readable.add(read(root.resolve(path), path));
            } catch (CoveragePyJsonReader.NotCoveragePy e) {
                // a coverage.json of another tool or a resource: not a report at all
            } catch (MalformedReportException e) {
                unreadable.add(new UnreadableReport(path, e.getMessage()));
            } catch (IOException e) {
                unreadable.add(new UnreadableReport(path, "could not be read: " + e.getClass().getSimpleName()));
            }
        }
        return new FoundReports(readable, unreadable);
    }

    CoverageReport read(Path file, String path) throws IOException, MalformedReportException {
        long size = Files.size(file);
        if (size > MAX_REPORT_BYTES) {
            throw new MalformedReportException("over " + MAX_REPORT_BYTES / (1024 * 1024) + " MiB (" + size
                    + " bytes); not read");
        }
        if (path.endsWith(".info")) {
            return lcovReader.read(file, path);
        }
        return path.endsWith(".json") ? coveragePyReader.read(file, path) : xmlReader.read(file, path);
    }
}
