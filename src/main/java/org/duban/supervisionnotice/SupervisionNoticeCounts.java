package org.duban.supervisionnotice;

import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("SupervisionNoticeCounts")
@Description("Supervision notices by level (红黄牌): how often a unit was pressed blue, yellow and red")
public record SupervisionNoticeCounts(int blue, int yellow, int red) {

    public static final SupervisionNoticeCounts NONE = new SupervisionNoticeCounts(0, 0, 0);

    public static SupervisionNoticeCounts of(Map<SupervisionLevel, Integer> byLevel) {
        return byLevel == null ? NONE : new SupervisionNoticeCounts(byLevel.getOrDefault(SupervisionLevel.BLUE, 0),
                byLevel.getOrDefault(SupervisionLevel.YELLOW, 0), byLevel.getOrDefault(SupervisionLevel.RED, 0));
    }
}
