package org.duban.dashboard;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much an item weighs in a unit's on-time rate: a lead unit answers for the task, an assisting one helps. */
@ConfigMapping(prefix = "duban.scoreboard")
public interface ScoreboardSettings {

    @WithDefault("1")
    BigDecimal leadWeight();

    @WithDefault("0.5")
    BigDecimal assistWeight();
}
