package org.castkeeper.admin.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.castkeeper.analytics.Stats;
import org.junit.jupiter.api.Test;

/** The Stats page's chart geometry and its CSV cells. */
class StatsPageTest {
    @Test
    void theScaleEndsOnARoundNumberAtOrAboveTheTallestDay() {
        assertThat(StatsPage.niceTop(0)).isZero();
        assertThat(StatsPage.niceTop(1)).isEqualTo(1);
        assertThat(StatsPage.niceTop(3)).isEqualTo(5);
        assertThat(StatsPage.niceTop(7)).isEqualTo(10);
        assertThat(StatsPage.niceTop(101)).isEqualTo(200);
        assertThat(StatsPage.niceTop(4321)).isEqualTo(5000);
    }

    @Test
    void eachDayIsABarAsTallAsItsShareOfTheScale() {
        LocalDate d = LocalDate.of(2026, 12, 1);
        StatsPage.Chart chart = StatsPage.chart(
                List.of(new Stats.Day(d, 10), new Stats.Day(d.plusDays(1), 5), new Stats.Day(d.plusDays(2), 0)));
        assertThat(chart.top()).isEqualTo(10);
        assertThat(chart.bars()).extracting(StatsPage.Bar::height).containsExactly(200.0, 100.0, 0.0);
        assertThat(chart.bars().get(0).label()).isEqualTo("1 Dec 2026: 10 downloads");
        assertThat(chart.bars().get(2).label()).isEqualTo("3 Dec 2026: 0 downloads");
        assertThat(chart.bars()).allSatisfy(b -> assertThat(b.x() + b.width()).isLessThanOrEqualTo(720));
    }

    @Test
    void csvCellsAreQuotedAndNeverRunAsFormulas() {
        assertThat(StatsController.cell("Plain")).isEqualTo("Plain");
        assertThat(StatsController.cell("Sleep, stress")).isEqualTo("\"Sleep, stress\"");
        assertThat(StatsController.cell("The \"why\"")).isEqualTo("\"The \"\"why\"\"\"");
        assertThat(StatsController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(StatsController.cell("-1")).isEqualTo("'-1");
    }
}
