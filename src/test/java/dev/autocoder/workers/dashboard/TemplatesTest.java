package dev.autocoder.workers.dashboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates escape every value: no template may use Mustache's unescaped forms. */
class TemplatesTest {

    @Test
    void noTemplateWritesAValueUnescaped() throws IOException, URISyntaxException {
        Path folder = Path.of(TemplatesTest.class.getClassLoader().getResource(Templates.FOLDER).toURI());
        List<Path> templates;
        try (Stream<Path> files = Files.list(folder)) {
            templates = files.filter(f -> f.toString().endsWith(".mustache")).toList();
        }
        assertThat(templates).hasSizeGreaterThanOrEqualTo(8);
        for (Path template : templates) {
            String text = Files.readString(template);
            assertThat(text).as(template.getFileName().toString()).doesNotContain("{{{").doesNotContain("{{&")
                    .doesNotContain("{{=");
        }
    }

    @Test
    void valuesAreHtmlEscaped() {
        String html = new Templates().render("message", new PageModels.Message("<b>t</b>", "404",
                "x<img src=x onerror=alert(1)>.java \"quoted\" 'single' & more", "/"));
        assertThat(html).contains("x&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;.java &quot;quoted&quot; &#39;single&#39; &amp; more")
                .doesNotContain("<img").doesNotContain("<b>t</b>");
    }
}
