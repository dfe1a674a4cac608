package io.maple.runner.spark;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;

/** Runs a Scala script through the Scala 2.12 interpreter with {@code spark} bound to the session. */
final class ScalaJob {

    private ScalaJob() {
    }

    static void run(SparkSession spark, String code) {
        Settings settings = new Settings();
        settings.processArgumentString("-usejavacp");
        IMain interpreter = new IMain(settings, new PrintWriter(System.out, true));
        try {
            interpreter.bind("spark", SparkSession.class.getName(), spark,
                    scala.collection.immutable.List$.MODULE$.empty());
            Results.Result result = interpreter.interpret(code);
            if (result != Results.Success$.MODULE$) {
                throw new IllegalStateException("the scala script failed: " + result);
            }
        } finally {
            interpreter.close();
        }
    }
}
