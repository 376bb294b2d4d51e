package org.duban.plan;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;

/** A unit's part in a task, as notices write it: 牵头单位, 责任单位, 配合单位. */
public enum AssignmentRole {
    @Description("Leads the task (牵头单位): submits it and answers for it first")
    LEAD("牵头单位", "牵头"),
    @Description("Responsible (责任单位) beside others with no lead among them: each answers for the task and may submit it")
    RESPONSIBLE("责任单位", "责任"),
    @Description("Assists (配合单位): reports progress, the lead submits")
    ASSIST("配合单位", "配合");

    private final String label;
    private final String shortLabel;

    AssignmentRole(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** As a notice writes it, e.g. 牵头单位. */
    public String label() {
        return label;
    }

    /** A lead or a responsible unit: it submits the task and is scored as answering for it; an assisting one is not. */
    public boolean answersForTask() {
        return this != ASSIST;
    }

    /** The role by its name (LEAD) or as a notice writes it (牵头单位, 牵头); null for anything else. */
    public static AssignmentRole fromWords(String words) {
        for (AssignmentRole role : values()) {
            if (role.name().equals(words) || role.label.equals(words) || role.shortLabel.equals(words)) {
                return role;
            }
        }
        return null;
    }

    /**
     * The role of a unit named without one, among units given with {@code written} roles (null where none): the one unit
     * leads; beside a named lead, the others assist; with no lead named, all are responsible, as "责任单位：甲、乙" means,
     * and none is made lead for being written first.
     */
    public static AssignmentRole unwritten(List<AssignmentRole> written) {
        if (written.size() == 1) {
            return LEAD;
        }
        return written.contains(LEAD) ? ASSIST : RESPONSIBLE;
    }
}
