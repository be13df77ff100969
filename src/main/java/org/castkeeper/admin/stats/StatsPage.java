package org.castkeeper.admin.stats;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.castkeeper.analytics.Stats;

/**
 * What the Stats page shows: the report, and the chart of downloads per day drawn as SVG by the template (no
 * script: the numbers are also in a table beneath it).
 *
 * @param days     the window in days (7, 30, 90 or 365)
 * @param counting whether downloads are counted (analytics.enabled)
 * @param op3Url   the show's page at OP3 when the show uses its prefix, or null
 */
public record StatsPage(String csrf, int days, boolean counting, Stats.Report report, Chart chart, String op3Url) {
    static final List<Integer> WINDOWS = List.of(7, 30, 90, 365);

    /** The chart's drawing, in a 720 × 240 box: bars, the top of the scale, and a few dates under it. */
    public record Chart(List<Bar> bars, int top, List<Tick> ticks) {}

    /** One day's bar; {@code label} is what a pointer over it (its title) says. */
    public record Bar(double x, double y, double width, double height, String label) {}

    /** A date under the chart; {@code anchor} is SVG's text-anchor (the last one ends at the chart's edge). */
    public record Tick(double x, String text, String anchor) {}

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    static final int LEFT = 40;

    static Chart chart(List<Stats.Day> days) {
        int max = days.stream().mapToInt(Stats.Day::downloads).max().orElse(0);
        int top = niceTop(max);
        double slot = (WIDTH - LEFT) / (double) Math.max(1, days.size());
        double width = Math.max(1, slot * 0.8);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        DateTimeFormatter tick = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        int every = Math.max(1, days.size() / 6);
        for (int i = 0; i < days.size(); i++) {
            Stats.Day d = days.get(i);
            double height = top == 0 ? 0 : HEIGHT * (double) d.downloads() / top;
            double x = LEFT + i * slot + (slot - width) / 2;
            bars.add(new Bar(
                    round(x),
                    round(HEIGHT - height),
                    round(width),
                    round(height),
                    d.day().format(label) + ": " + String.format(Locale.ENGLISH, "%,d", d.downloads())
                            + (d.downloads() == 1 ? " download" : " downloads")));
            if (i % every == 0 || i == days.size() - 1) {
                if (i == days.size() - 1 && i % every != 0 && i % every < every / 2) {
                    continue; // too close to the tick before it
                }
                boolean last = i == days.size() - 1 && days.size() > 1;
                ticks.add(new Tick(last ? WIDTH : round(x + width / 2), d.day().format(tick), last ? "end" : "middle"));
            }
        }
        return new Chart(bars, top, ticks);
    }

    /** A round number at or above {@code max} for the top of the scale: 1, 2, 5, 10, 20, 50 … */
    static int niceTop(int max) {
        if (max <= 0) {
            return 0;
        }
        int step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if ((long) step * m >= max) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public static String number(int n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    public static String day(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
    }

    /** A share as a whole percentage of {@code of}. */
    public static String percent(int n, int of) {
        return of == 0 ? "0 %" : Math.round(100.0 * n / of) + " %";
    }

    /** A country's name in English from its ISO code. */
    public static String country(String iso) {
        String name = Locale.of("", iso).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(iso) ? iso : name;
    }
}
