package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Codes in the order documents number them. */
class CodeOrderTest {

    @Test
    void numbersCompareAsNumbersAndChineseNumeralsAsTheirs() {
        List<String> codes = new ArrayList<>(List.of("(一)10", "(十)", "(二)", "(一)2", "(一)", "(一)3(1)", "(一)3", "十二", "二十"));
        codes.sort(CodeOrder::compare);
        assertThat(codes).containsExactly("十二", "二十", "(一)", "(一)2", "(一)3", "(一)3(1)", "(一)10", "(二)", "(十)");
    }
}
