package org.duban.supervisionnotice;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The office's ladder and its papers' numbering and reply time (duban.supervision-notices.*). */
@ConfigMapping(prefix = "duban.supervision-notices")
public interface SupervisionNoticeSettings {

    /**
     * The level of a unit's first notice on a task: unset, the colour of the task's warning (red, yellow; blue when
     * green or undated); or always this level.
     */
    Optional<SupervisionLevel> firstLevel();

    /** Each further notice to the same unit on the same task is at least one level above the last (red stays red). */
    @WithDefault("true")
    boolean stepUp();

    /** Working days after the day of issue by which the unit replies, unless the office says a date. */
    @WithDefault("3")
    int replyWorkingDays();

    /** How a notice's number is written: {year} and {serial} (numbered per region and year) are filled in. */
    @WithDefault("督办〔{year}〕{serial}号")
    String numberFormat();
}
