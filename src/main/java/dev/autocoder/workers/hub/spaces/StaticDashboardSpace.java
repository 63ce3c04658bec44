package dev.autocoder.workers.hub.spaces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.hub.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The free dashboard: a static Space ({@code sdk: static}) made of {@code spaces/static-dashboard/} as it is, whose
 * page reads the public datasets from the Hub in the browser. Only {@code config.json} changes at deploy time: it
 * gets the Hub endpoint and the owner of the datasets, never a token.
 */
public final class StaticDashboardSpace {

    public static final String FOLDER = "static-dashboard";
    public static final String NAME = "autocoder-static-dashboard";
    static final String CONFIG = "config.json";
    /** The page's files, uploaded unchanged. */
    static final List<String> PAGE_FILES = List.of("README.md", "index.html", "dashboard.js", "dashboard.css");

    private StaticDashboardSpace() {
    }

    /** The folder's files that are missing, as paths relative to the source (empty when all are there). */
    static List<String> missing(Path source) {
        Path folder = folder(source);
        List<String> missing = new ArrayList<>();
        for (String name : allFiles()) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing.add("spaces/" + FOLDER + "/" + name);
            }
        }
        return missing;
    }

    /** The files of the Space: the page's files and its config.json pointed at the endpoint and owner. */
    static List<FileUpload> files(Path source, URI endpoint, String owner, ObjectMapper json) {
        Path folder = folder(source);
        List<FileUpload> files = new ArrayList<>();
        try {
            for (String name : PAGE_FILES) {
                files.add(new FileUpload(name, Files.readAllBytes(folder.resolve(name))));
            }
            files.add(new FileUpload(CONFIG, config(Files.readAllBytes(folder.resolve(CONFIG)), endpoint, owner, json)));
        } catch (IOException e) {
            throw new SpacesDeployer.DeployException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * The folder's config.json (its workers, periods and limits) with the endpoint and owner set: what the page
     * reads before it calls the Hub.
     */
    public static byte[] config(byte[] template, URI endpoint, String owner, ObjectMapper json) {
        try {
            ObjectNode config = (ObjectNode) json.readTree(template);
            config.put("endpoint", endpoint.toString().replaceAll("/+$", ""));
            config.put("owner", owner);
            return json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(config);
        } catch (IOException | ClassCastException e) {
            throw new SpacesDeployer.DeployException("spaces/" + FOLDER + "/" + CONFIG + " is not a JSON object: "
                    + e.getMessage(), e);
        }
    }

    /** Where the Hub serves a static Space's page. */
    static String appUrl(String owner) {
        return "https://" + (owner + "-" + NAME).toLowerCase(Locale.ROOT).replace('_', '-') + ".static.hf.space";
    }

    static Path folder(Path source) {
        return source.resolve("spaces").resolve(FOLDER);
    }

    private static List<String> allFiles() {
        List<String> all = new ArrayList<>(PAGE_FILES);
        all.add(CONFIG);
        return all;
    }
}
