package dev.autocoder.workers.dashboard;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mustache templates under {@code templates/autocoder/}, compiled once. JMustache HTML-escapes every
 * {@code {{value}}}; the templates never use the unescaped forms ({@code {{{ }}}} or {@code {{& }}}), a test
 * checks it. Partials ({@code {{> name}}}) load from the same folder.
 */
@Component
class Templates {

    static final String FOLDER = "templates/autocoder/";

    private final Mustache.Compiler compiler = Mustache.compiler()
            .escapeHTML(true)
            .nullValue("")
            .withLoader(name -> reader(name + ".mustache"));
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    public String render(String name, Object model) {
        return compiled.computeIfAbsent(name, n -> compiler.compile(reader(n + ".mustache"))).execute(model);
    }

    private static Reader reader(String file) {
        InputStream in = Templates.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no template " + FOLDER + file));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
