package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.javamodel.JavaMethodRef;
import dev.autocoder.workers.row.Metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cyclomatic complexity (PMD's CYCLO; for Python functions ruff's McCabe C901) of every method and constructor, in buckets 1-4, 5-9, 10-19, 20-49 and 50+.
 *
 * @param buckets   bucket label to number of methods, in bucket order
 * @param methods   number of methods and constructors
 * @param max       highest complexity, 0 without methods
 * @param mean      average complexity, 0 without methods
 * @param over10    methods with complexity above 10
 */
record ComplexityDistribution(Map<String, Integer> buckets, int methods, int max, double mean, int over10) {

    static ComplexityDistribution of(List<JavaMethodRef> methods) {
        return ofValues(methods.stream().map(m -> m.method().cyclomatic()).toList());
    }

    /** The distribution of the complexity of each method or function (Java's CYCLO, Python's McCabe from ruff). */
    static ComplexityDistribution ofValues(List<Integer> complexities) {
        Map<String, Integer> buckets = new LinkedHashMap<>();
        List.of("1_4", "5_9", "10_19", "20_49", "50_plus").forEach(b -> buckets.put(b, 0));
        int max = 0;
        long sum = 0;
        int over10 = 0;
        for (int cyclo : complexities) {
            buckets.merge(bucket(cyclo), 1, Integer::sum);
            max = Math.max(max, cyclo);
            sum += cyclo;
            over10 += cyclo > 10 ? 1 : 0;
        }
        double mean = complexities.isEmpty() ? 0 : (double) sum / complexities.size();
        return new ComplexityDistribution(buckets, complexities.size(), max, mean, over10);
    }

    private static String bucket(int cyclo) {
        if (cyclo < 5) {
            return "1_4";
        }
        if (cyclo < 10) {
            return "5_9";
        }
        if (cyclo < 20) {
            return "10_19";
        }
        return cyclo < 50 ? "20_49" : "50_plus";
    }

    List<Metric> metrics() {
        List<Metric> metrics = new java.util.ArrayList<>();
        metrics.add(Metric.of("methods", methods));
        metrics.add(Metric.of("cyclomatic_max", max));
        metrics.add(Metric.of("cyclomatic_mean", Math.round(mean * 100) / 100.0));
        metrics.add(Metric.of("methods_over_10", over10));
        buckets.forEach((bucket, count) -> metrics.add(Metric.of("cyclomatic_" + bucket, count)));
        return metrics;
    }
}
