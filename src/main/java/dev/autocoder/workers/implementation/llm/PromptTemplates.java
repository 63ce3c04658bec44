package dev.autocoder.workers.implementation.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompts of the language-model stages, kept as editable Markdown files: the built-in ones on the classpath
 * under {@value #RESOURCE_FOLDER}, each replaceable by a file of the same name in {@code autocoder.llm.prompts-dir}.
 * <p>
 * A prompt file holds an optional leading HTML comment, then a {@code # System} heading with the system message and a
 * {@code # User} heading with the user message template. {@code {{name}}} placeholders are filled by
 * {@link #render}; a placeholder without a value becomes {@value #MISSING}. All templates are read and checked when
 * this class is built, so a broken override stops start-up instead of a later iteration.
 */
public class PromptTemplates {

    static final String RESOURCE_FOLDER = "prompts/implementation/";
    static final String MISSING = "(not provided)";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    private static final Pattern SECTIONS = Pattern.compile(
            "\\A\\s*(?:<!--.*?-->\\s*)?^# System[ \\t]*\\R(.*?)^# User[ \\t]*\\R(.*)\\z", Pattern.DOTALL | Pattern.MULTILINE);

    private final Map<PromptStage, Prompt> templates = new EnumMap<>(PromptStage.class);

    /** @param overrideDir a folder with replacement prompt files, or null for the built-in prompts only */
    public PromptTemplates(Path overrideDir) {
        for (PromptStage stage : PromptStage.values()) {
            Path override = overrideDir == null ? null : overrideDir.resolve(stage.fileName());
            String source = override != null && Files.isRegularFile(override) ? override.toString()
                    : "classpath:" + RESOURCE_FOLDER + stage.fileName();
            String text = override != null && Files.isRegularFile(override) ? read(override) : builtIn(stage);
            templates.put(stage, parse(text, source));
        }
    }

    /** The stage's prompt with each {@code {{name}}} replaced by its value (values are inserted as they are). */
    public Prompt render(PromptStage stage, Map<String, String> values) {
        Prompt template = templates.get(stage);
        return new Prompt(fill(template.system(), values), fill(template.user(), values));
    }

    /** The template as read, placeholders unfilled. */
    public Prompt template(PromptStage stage) {
        return templates.get(stage);
    }

    static Prompt parse(String text, String source) {
        Matcher sections = SECTIONS.matcher(text.replace("\r\n", "\n"));
        if (!sections.matches()) {
            throw new IllegalStateException("prompt " + source + " must have a '# System' section followed by a '# User' section");
        }
        String system = sections.group(1).strip();
        String user = sections.group(2).strip();
        if (system.isEmpty() || user.isEmpty()) {
            throw new IllegalStateException("prompt " + source + " has an empty '# System' or '# User' section");
        }
        return new Prompt(system, user);
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            // one pass: a value that itself contains {{...}} is not expanded again
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? MISSING : value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private static String builtIn(PromptStage stage) {
        String resource = RESOURCE_FOLDER + stage.fileName();
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in prompt " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("prompt " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
