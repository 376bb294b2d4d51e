package org.duban.inspection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.inspections")
public interface InspectionSettings {

    /** How many working days before an inspection's window opens its plan's units are told. */
    @WithDefault("5")
    int noticeWorkingDays();
}
