package org.resumablesse.it;

import java.util.Set;
import java.util.TreeSet;

/** Reads metric names and values from the Prometheus text the servers answer at /metrics. */
public final class PrometheusText {

    private PrometheusText() {}

    /** Every metric name that has at least one sample. */
    public static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(nameOf(line));
            }
        }
        return names;
    }

    /** The sum of every sample of this metric, whatever its tags; 0 when it has none. */
    public static double sum(String text, String name) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#") && nameOf(line).equals(name)) {
                sum += valueOf(line);
            }
        }
        return sum;
    }

    /** The sample value: the first token after the name and its labels (a timestamp may follow). */
    private static double valueOf(String line) {
        int labels = line.indexOf('{');
        int start = labels >= 0 ? line.indexOf('}', labels) + 1 : nameOf(line).length();
        return Double.parseDouble(line.substring(start).trim().split("\\s+")[0]);
    }

    private static String nameOf(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }
}
