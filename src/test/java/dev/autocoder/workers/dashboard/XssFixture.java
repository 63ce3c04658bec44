package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.testsupport.FixtureRepository;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

/**
 * The fixture repository plus a file whose name is markup, {@code x<img src=x onerror=alert(1)>.java}. It
 * imports a package that imports it back, so the architecture perspective reports a package cycle whose
 * first file is that one: the name reaches the rows, the pages and the API through a real finding.
 */
final class XssFixture {

    static final String FILE_NAME = "x<img src=x onerror=alert(1)>.java";
    static final String FILE = "src/main/java/com/acme/a/" + FILE_NAME;
    /** The file name as the pages must show it: HTML-escaped (JMustache also escapes '='). */
    static final String ESCAPED_IN_HTML = "x&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;.java";
    /** The file name as the API writes it: '<' and '>' as unicode escapes. */
    static final String ESCAPED_IN_JSON = "x\\u003cimg src=x onerror=alert(1)\\u003e.java";

    private XssFixture() {
    }

    static FixtureRepository create(Path root) throws Exception {
        FixtureRepository fixture = FixtureRepository.create(root);
        fixture.write(FILE, "package com.acme.a;\n\nimport com.acme.b.B;\n\nclass A {\n    B b;\n}\n");
        fixture.write("src/main/java/com/acme/b/B.java", "package com.acme.b;\n\nimport com.acme.a.A;\n\npublic class B {\n    A a;\n}\n");
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent ident = new PersonIdent("Fixture", "fixture@example.org",
                    Date.from(Instant.parse("2026-11-12T10:00:00Z")), TimeZone.getTimeZone("UTC"));
            git.commit().setMessage("Add a and b").setAuthor(ident).setCommitter(ident).call();
        }
        return fixture;
    }
}
