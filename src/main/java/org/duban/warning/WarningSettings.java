package org.duban.warning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.warnings")
public interface WarningSettings {

    /** YELLOW when the deadline is this many working days away or fewer and the work is not submitted. */
    @WithDefault("3")
    int yellowWithinWorkingDays();

    /** YELLOW when percent complete is more than this many points below the share of time passed. */
    @WithDefault("20")
    int pacePoints();
}
