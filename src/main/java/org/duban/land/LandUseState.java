package org.duban.land;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;

/**
 * Where supplied land stands on a day, told by SQL's {@code parcel_use_state} (V12) from the parcel's facts; the
 * category follows: the two used states are 已用, the others 供而未用.
 */
public enum LandUseState {
    @Description("未交地: supplied, not yet handed over (交地) to the land user")
    NOT_HANDED_OVER(false),
    @Description("Handed over, construction not started and not yet due")
    AWAITING_START(false),
    @Description("逾期开工: the agreed construction start has passed")
    START_OVERDUE(false),
    @Description("疑似闲置: not started a year after the agreed start, not yet determined idle")
    SUSPECTED_IDLE(false),
    @Description("闲置: determined idle (闲置认定), with a disposal decided")
    IDLE(false),
    @Description("逾期竣工: started, the agreed completion has passed")
    COMPLETION_OVERDUE(false),
    @Description("Under construction, on time")
    UNDER_CONSTRUCTION(true),
    @Description("竣工: construction completed")
    COMPLETED(true);

    private final boolean used;

    LandUseState(boolean used) {
        this.used = used;
    }

    /** The states of used or of unused land, as an SQL list of literals. */
    static String sqlList(boolean used) {
        return Arrays.stream(values()).filter(state -> state.used == used).map(state -> "'" + state.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
