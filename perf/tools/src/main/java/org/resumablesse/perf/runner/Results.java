package org.resumablesse.perf.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects every measured value by table (scenario and server), metric and target, and prints each
 * cell as {@code median [min-max]} over the repetitions. Records failed completeness checks. Not
 * thread-safe.
 */
final class Results {

    private final Map<String, Map<String, Map<String, List<Double>>>> tables =
            new LinkedHashMap<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void add(String table, String target, Map<String, Double> metrics) {
        if (!targets.contains(target)) {
            targets.add(target);
        }
        Map<String, Map<String, List<Double>>> rows =
                tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
        metrics.forEach(
                (metric, value) ->
                        rows.computeIfAbsent(metric, m -> new LinkedHashMap<>())
                                .computeIfAbsent(target, t -> new ArrayList<>())
                                .add(value));
    }

    void fail(String message) {
        failures.add(message);
        System.out.println("FAILED: " + message);
    }

    List<String> failures() {
        return failures;
    }

    /** All tables as Markdown. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        tables.forEach(
                (table, rows) -> {
                    List<String> columns =
                            targets.stream()
                                    .filter(
                                            t ->
                                                    rows.values().stream()
                                                            .anyMatch(r -> r.containsKey(t)))
                                    .toList();
                    out.append("\n### ").append(table).append("\n\n| metric |");
                    columns.forEach(c -> out.append(' ').append(c).append(" |"));
                    out.append("\n|---|");
                    columns.forEach(c -> out.append("---|"));
                    out.append('\n');
                    rows.forEach(
                            (metric, cells) -> {
                                out.append("| ").append(metric).append(" |");
                                columns.forEach(
                                        c ->
                                                out.append(' ')
                                                        .append(cell(cells.get(c)))
                                                        .append(" |"));
                                out.append('\n');
                            });
                });
        if (!failures.isEmpty()) {
            out.append("\nFailed checks:\n");
            failures.forEach(f -> out.append("- ").append(f).append('\n'));
        }
        return out.toString();
    }

    static String cell(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return "-";
        }
        List<Double> sorted = values.stream().sorted().toList();
        double median =
                sorted.size() % 2 == 1
                        ? sorted.get(sorted.size() / 2)
                        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        if (sorted.size() == 1) {
            return number(median);
        }
        return number(median)
                + " ["
                + number(sorted.get(0))
                + "-"
                + number(sorted.get(sorted.size() - 1))
                + "]";
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        String format =
                magnitude >= 100 || value == Math.rint(value)
                        ? "%.0f"
                        : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, value);
    }
}
