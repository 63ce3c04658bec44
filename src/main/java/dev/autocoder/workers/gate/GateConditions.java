package dev.autocoder.workers.gate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate's conditions as data: the defaults (SonarQube's "Sonar way" in spirit), a list of
 * {@code metric operator threshold} texts ({@code autocoder.gate.conditions}), or a YAML file
 * ({@code autocoder.gate.conditions-file}, {@code gate --conditions}) holding a list of
 * {@code {metric, operator, threshold}}.
 */
final class GateConditions {

    /** No new critical/high finding in main code, no new secret, no new known-vulnerable dependency, duplication and coverage on new code. */
    public static final List<GateCondition> DEFAULTS = List.of(
            new GateCondition(GateMeasures.NEW_MAIN_CRITICAL_HIGH, "<=", 0),
            new GateCondition(GateMeasures.NEW_SECRETS, "<=", 0),
            new GateCondition(GateMeasures.NEW_VULNERABLE_DEPENDENCIES, "<=", 0),
            new GateCondition(GateMeasures.NEW_CODE_DUPLICATION, "<=", 3),
            new GateCondition(GateMeasures.NEW_CODE_COVERAGE, ">=", 80));

    private GateConditions() {
    }

    /** The conditions of the settings: the file when given, else the texts when given, else the defaults. */
    public static List<GateCondition> of(List<String> texts, Path file) {
        if (file != null) {
            return fromYaml(file);
        }
        if (texts != null && !texts.isEmpty()) {
            return texts.stream().filter(t -> !t.isBlank()).map(GateCondition::parse).toList();
        }
        return DEFAULTS;
    }

    static List<GateCondition> fromYaml(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            List<GateCondition> conditions = yaml.readValue(Files.readString(file), new TypeReference<>() {
            });
            if (conditions == null || conditions.isEmpty()) {
                throw new IllegalArgumentException("gate conditions file " + file + " holds no condition");
            }
            return List.copyOf(conditions);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("gate conditions file " + file + ": " + cause.getMessage(), e);
        }
    }
}
