package org.duban.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.duban.common.DubanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Targets as notices write them, read into the figure, its unit and its direction; README's NUMBER rows are these. */
class NumberTargetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "增长6.2%               | 增长6.2%      | 6.2  | %  | false",
            "不少于3.25亩           | 不少于3.25亩  | 3.25 | 亩 | false",
            "新增就业岗位不少于300个 | 新增就业岗位   | 300  | 个 | false",
            "控制在5%以内           | 控制在5%以内  | 5    | %  | true",
            "不超过10亩             | 不超过10亩    | 10   | 亩 | true",
            "供地率达到60%以上       | 供地率        | 60   | %  | false",
            "2023年新增300个        | 2023年新增    | 300  | 个 | false" })
    void readsTheFigureItsUnitAndWhetherItIsACeiling(String phrase, String label, String target, String unit, boolean atMost) {
        NumberTarget read = NumberTarget.read(phrase, null, "target");
        assertThat(read.label()).isEqualTo(label);
        assertThat(read.target()).isEqualByComparingTo(target);
        assertThat(read.unit()).isEqualTo(unit);
        assertThat(read.atMost()).isEqualTo(atMost);
    }

    @Test
    void aPhraseWithoutAFigureAndItsUnitIsAMistake() {
        for (String phrase : new String[] { "尽快完成", "300", "" }) {
            assertThatThrownBy(() -> NumberTarget.read(phrase, null, "tasks[0].measures[0].target"))
                    .isInstanceOf(DubanException.class).hasMessageStartingWith("tasks[0].measures[0].target: ");
        }
    }

    @Test
    void theShareDoneNeverReachesAHundredBeforeTheTargetIs() {
        NumberTarget floor = new NumberTarget("供地", new BigDecimal("3.25"), "亩", false);
        assertThat(floor.percent(null)).isEqualByComparingTo("0");
        assertThat(floor.percent(new BigDecimal("3.1"))).isEqualByComparingTo("95.38");
        assertThat(floor.percent(new BigDecimal("3.2499"))).isEqualByComparingTo("99.99");
        assertThat(floor.percent(new BigDecimal("4"))).isEqualByComparingTo("100");
        NumberTarget ceiling = new NumberTarget("闲置", new BigDecimal("5"), "亩", true);
        assertThat(ceiling.percent(new BigDecimal("5"))).isEqualByComparingTo("100");
        assertThat(ceiling.percent(new BigDecimal("5.01"))).isEqualByComparingTo("0");
    }
}
