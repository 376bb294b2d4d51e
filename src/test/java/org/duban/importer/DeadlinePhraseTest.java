package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.duban.common.DubanException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conformance table of README's "Deadlines as documents write them", for a plan issued on 5 September 2022. */
class DeadlinePhraseTest {

    private static final LocalDate ISSUED = LocalDate.of(2022, 9, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // phrase,             start,      deadline,   recurrence
            "2022年9月15日前,       -,          2022-09-15, -",
            "9月15日前,             -,          2022-09-15, -",
            "9月15日,               -,          2022-09-15, -",
            "9月5日前,              -,          2022-09-05, -",
            "9月1日前,              -,          2023-09-01, -",
            "9月底前,               -,          2022-09-30, -",
            "9月底前完成,           -,          2022-09-30, -",
            "11月底前,              -,          2022-11-30, -",
            "2月底前,               -,          2023-02-28, -",
            "2023年12月底前,        -,          2023-12-31, -",
            "年底前,                -,          2022-12-31, -",
            "2023年底前,            -,          2023-12-31, -",
            "年内,                  -,          2022-12-31, -",
            "9月中下旬,             2022-09-11, 2022-09-30, -",
            "10月上旬,              2022-10-01, 2022-10-10, -",
            "10月中旬前,            -,          2022-10-20, -",
            "立即,                  -,          2022-09-05, -",
            "长期坚持,              -,          -,          -",
            "持续推进,              -,          -,          -",
            "每月5日前,             -,          -,          FREQ=MONTHLY;BYMONTHDAY=5",
            "每月底前,              -,          -,          FREQ=MONTHLY;BYMONTHDAY=-1",
            "每季度末,              2022-09-01, -,          FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1",
            "９月３０日前,          -,          2022-09-30, -",
    })
    void eachPhraseReadsAsDocumentsMeanIt(String phrase, LocalDate start, LocalDate deadline, String recurrence) {
        DeadlinePhrase.Reading reading = DeadlinePhrase.read(phrase, ISSUED, "tasks[0].deadline");
        assertThat(reading.startDate()).as("start").isEqualTo(start);
        assertThat(reading.deadline()).as("deadline").isEqualTo(deadline);
        assertThat(reading.recurrence()).as("recurrence").isEqualTo(recurrence);
        assertThat(reading.phrase()).isEqualTo(phrase);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "尽快", "13月底前", "2月30日前", "9月32日前", "下周" })
    void whatItCannotReadIsAMistakeAtItsPlace(String phrase) {
        assertThatThrownBy(() -> DeadlinePhrase.read(phrase, ISSUED, "tasks[2].deadline"))
                .isInstanceOf(DubanException.class).hasMessageStartingWith("tasks[2].deadline: ");
    }
}
