package dev.autocoder.workers.dashboard;

import dev.autocoder.workers.dashboard.PageModels.FindingSection;
import dev.autocoder.workers.dashboard.PageModels.GroupLine;
import dev.autocoder.workers.dashboard.WorkerInsights.ScopeFindings;
import dev.autocoder.workers.dashboard.WorkerInsights.TopFindingGroup;
import dev.autocoder.workers.repository.Scope;
import dev.autocoder.workers.row.Plural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The finding groups as the pages list them: one section per scope with findings, main code first (shown open),
 * the others collapsed, each saying how many findings and groups it holds and whether the list is cut short.
 */
final class FindingSections {

    private FindingSections() {
    }

    static List<FindingSection> of(List<ScopeFindings> scopes, List<TopFindingGroup> shown, boolean withPerspective) {
        List<FindingSection> sections = new ArrayList<>();
        for (ScopeFindings scope : scopes) {
            List<GroupLine> lines = shown.stream().filter(g -> g.scope().equals(scope.scope()))
                    .map(g -> line(g, withPerspective)).toList();
            boolean main = Scope.MAIN.label().equals(scope.scope());
            sections.add(new FindingSection(scope.scope(), title(Scope.of(scope.scope())), summary(scope), main,
                    !lines.isEmpty(), lines, withPerspective));
        }
        return sections;
    }

    /** "14 findings in 2 groups", "57 findings in 12 groups, showing 10 of 12 groups", or, when rows list only some groups, so. */
    static String summary(ScopeFindings scope) {
        StringBuilder text = new StringBuilder(Plural.of(scope.findings(), "finding"));
        if (scope.groupsComplete()) {
            text.append(" in ").append(Plural.of(scope.groups(), "group"));
        } else if (scope.groups() == 0) {
            text.append("; the results list none of them");
        } else {
            text.append("; the results list only ").append(Plural.of(scope.groups(), "group")).append(" holding ")
                    .append(scope.groupedFindings()).append(" of them");
        }
        if (scope.groupsShown() < scope.groups()) {
            text.append(", showing ").append(scope.groupsShown()).append(" of ").append(Plural.of(scope.groups(), "group"));
        }
        return text.toString();
    }

    static String title(Scope scope) {
        return switch (scope) {
            case MAIN -> "Main code";
            case BUILD -> "Build files";
            case TEST -> "Test code";
            case FIXTURE -> "Test fixtures";
            case GENERATED -> "Generated code";
        };
    }

    private static GroupLine line(TopFindingGroup g, boolean withPerspective) {
        List<String> locations = g.locations();
        String where = places(locations) + (g.count() > locations.size() && !locations.isEmpty() ? ", …" : "");
        return new GroupLine(g.severity(), g.rule() == null ? "—" : g.rule(), g.count(), g.count() > 1, where,
                g.message() == null ? "" : g.message(), withPerspective ? g.perspectiveName() : "");
    }

    /**
     * The places once each, in order, with "× n" where several findings of the group share a line (PMD reports two
     * assignments in one operand as two findings at one place; listed twice it reads like a repeat).
     */
    static String places(List<String> locations) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        locations.forEach(place -> counts.merge(place, 1, Integer::sum));
        return counts.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
