package org.duban.supervisionnotice;

import org.duban.warning.WarningLevel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/** How hard a supervision notice presses (蓝黄红督办, the 红黄牌 of the scoreboard), in ascending order. */
@Enum("SupervisionLevel")
public enum SupervisionLevel {
    @Description("蓝色督办: a first notice on work falling behind")
    BLUE("蓝色督办"),
    @Description("黄色督办: work close to or behind its deadline, or a second notice")
    YELLOW("黄色督办"),
    @Description("红色督办: overdue work, or a notice after a yellow one")
    RED("红色督办");

    private final String words;

    SupervisionLevel(String words) {
        this.words = words;
    }

    /** As the paper writes it, e.g. 黄色督办. */
    public String words() {
        return words;
    }

    /** The level a task's warning colour calls for: red for red, yellow for yellow, blue otherwise. */
    static SupervisionLevel of(WarningLevel warning) {
        return warning == WarningLevel.RED ? RED : warning == WarningLevel.YELLOW ? YELLOW : BLUE;
    }

    /** One level up; red stays red. */
    SupervisionLevel next() {
        return this == RED ? RED : values()[ordinal() + 1];
    }
}
