package io.maple.examples;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** Estimates pi with Spark; the first argument is the number of slices, a second one sleeps that many seconds. */
public final class SparkPi {

    private SparkPi() {
    }

    public static void main(String[] args) throws InterruptedException {
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        SparkSession spark = SparkSession.builder().appName("maple-spark-pi").getOrCreate();
        JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
        int n = 100_000 * slices;
        List<Integer> seeds = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            seeds.add(i);
        }
        long inside = jsc.parallelize(seeds, slices).filter(i -> {
            double x = Math.random() * 2 - 1;
            double y = Math.random() * 2 - 1;
            return x * x + y * y <= 1;
        }).count();
        System.out.println("Pi is roughly " + 4.0 * inside / n);
        if (args.length > 1) {
            Thread.sleep(Long.parseLong(args[1]) * 1000L);
        }
        spark.stop();
    }
}
