package dev.autocoder.workers.gate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code autocoder.gate.*}: where new code starts and the gate's conditions. */
@Component
@ConfigurationProperties("autocoder.gate")
class GateProperties {

    /** {@code branch:<name>}, {@code commit:<sha>}, {@code days:<n>}; empty: the previous tag, else 30 days. */
    private String newCode = "";

    /** Conditions as {@code metric operator threshold}; empty: the defaults. */
    private List<String> conditions = new ArrayList<>();

    /** A YAML file of conditions ({@code - metric: … operator: … threshold: …}); wins over {@code conditions}. */
    private Path conditionsFile;

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public List<String> getConditions() {
        return conditions;
    }

    public void setConditions(List<String> conditions) {
        this.conditions = conditions;
    }

    public Path getConditionsFile() {
        return conditionsFile;
    }

    public void setConditionsFile(Path conditionsFile) {
        this.conditionsFile = conditionsFile;
    }
}
