package org.duban.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as Word's lists draw them in the formats notices use. */
class ListNumbersTest {

    @Test
    void chineseCountingAsHeadingsWriteIt() {
        assertThat(ListNumbers.chinese(1)).isEqualTo("一");
        assertThat(ListNumbers.chinese(10)).isEqualTo("十");
        assertThat(ListNumbers.chinese(11)).isEqualTo("十一");
        assertThat(ListNumbers.chinese(20)).isEqualTo("二十");
        assertThat(ListNumbers.chinese(99)).isEqualTo("九十九");
        assertThat(ListNumbers.chinese(100)).isEqualTo("一百");
        assertThat(ListNumbers.chinese(105)).isEqualTo("一百零五");
        assertThat(ListNumbers.chinese(110)).isEqualTo("一百一十");
        assertThat(ListNumbers.chinese(1005)).isEqualTo("一千零五");
    }

    @Test
    void theOtherFormats() {
        assertThat(ListNumbers.format(3, "chineseCountingThousand")).isEqualTo("三");
        assertThat(ListNumbers.format(3, "decimalEnclosedCircleChinese")).isEqualTo("③");
        assertThat(ListNumbers.format(20, "decimalEnclosedCircle")).isEqualTo("⑳");
        assertThat(ListNumbers.format(21, "decimalEnclosedCircle")).isEqualTo("21");
        assertThat(ListNumbers.format(12, "decimalFullWidth")).isEqualTo("１２");
        assertThat(ListNumbers.format(3, "decimalZero")).isEqualTo("03");
        assertThat(ListNumbers.format(28, "lowerLetter")).isEqualTo("bb");
        assertThat(ListNumbers.format(4, "upperRoman")).isEqualTo("IV");
        assertThat(ListNumbers.format(14, "lowerRoman")).isEqualTo("xiv");
        assertThat(ListNumbers.format(2, "ideographTraditional")).isEqualTo("乙");
        assertThat(ListNumbers.format(7, "decimal")).isEqualTo("7");
        assertThat(ListNumbers.format(7, "bullet")).isEmpty();
    }
}
