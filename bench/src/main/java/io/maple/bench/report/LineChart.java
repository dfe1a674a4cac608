package io.maple.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A PNG line chart (JFreeChart, headless): one line per series of (x, y) points. */
public final class LineChart {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, XYSeries> series = new LinkedHashMap<>();

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart point(String name, double x, double y) {
        series.computeIfAbsent(name, n -> new XYSeries(n, false)).add(x, y);
        return this;
    }

    /** Writes {@code dir/fileName}; log axes where the values span decades. */
    public String write(Path dir, String fileName, boolean logX, boolean logY) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        if (logX) {
            LogAxis x = new LogAxis(xLabel);
            x.setBase(10);
            x.setSmallestValue(1);
            plot.setDomainAxis(x);
        }
        if (logY) {
            LogAxis y = new LogAxis(yLabel);
            y.setBase(10);
            y.setSmallestValue(0.001);
            plot.setRangeAxis(y);
        }
        ChartUtils.saveChartAsPNG(dir.resolve(fileName).toFile(), chart, 900, 540);
        return fileName;
    }
}
