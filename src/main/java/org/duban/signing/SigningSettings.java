package org.duban.signing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "duban.signing")
public interface SigningSettings {

    /** Working days after the day a task is assigned within which each responsible unit signs for it. */
    @WithDefault("2")
    int workingDays();
}
