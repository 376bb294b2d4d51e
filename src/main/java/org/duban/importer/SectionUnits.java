package org.duban.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.common.DubanException;

/**
 * "以下均为责任单位": units a section names for what is under it ({@code unitsBelow}) are the units of every task
 * under it that has no sub-items and names none of its own ({@code units}); {@code moreUnits} adds to them. A
 * sub-section's own {@code unitsBelow} takes over for what is under it. Read in the file's order, where a parent
 * comes before its children (the importer says so when one does not).
 */
final class SectionUnits {

    /** A task as the file writes it, before the section's units reach it. */
    record Written(PlanDocument.Task task, boolean ownUnits, List<PlanDocument.Assignment> unitsBelow,
            List<PlanDocument.Assignment> moreUnits) {
    }

    private SectionUnits() {
    }

    static List<PlanDocument.Task> pass(List<Written> written) {
        Set<String> parents = new HashSet<>();
        written.forEach(w -> {
            if (w.task().parent() != null) {
                parents.add(w.task().parent());
            }
        });
        Map<String, List<PlanDocument.Assignment>> below = new HashMap<>();
        List<PlanDocument.Task> tasks = new ArrayList<>(written.size());
        for (Written w : written) {
            PlanDocument.Task task = w.task();
            List<PlanDocument.Assignment> inherited = task.parent() == null ? null : below.get(task.parent());
            List<PlanDocument.Assignment> passedOn = w.unitsBelow() != null ? w.unitsBelow() : inherited;
            if (passedOn != null) {
                below.put(task.code(), passedOn);
            }
            boolean leaf = !parents.contains(task.code());
            if (!leaf && !w.moreUnits().isEmpty()) {
                throw DubanException.validation(task.path() + ".moreUnits", "a section passes units on with unitsBelow");
            }
            if (w.ownUnits() || !leaf || (inherited == null && w.moreUnits().isEmpty())) {
                tasks.add(task);
                continue;
            }
            List<PlanDocument.Assignment> units = new ArrayList<>(inherited == null ? List.of() : inherited);
            units.addAll(w.moreUnits());
            tasks.add(task.withUnits(units));
        }
        return tasks;
    }
}
