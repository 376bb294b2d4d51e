package org.duban.supervisionnotice;

import org.duban.warning.WarningLevel;

/**
 * The ladder (督办升级): a unit's first notice on a task takes the task's colour (or the configured first level); each
 * further one is stepped up from the last, so that a unit that let a yellow notice pass gets a red one.
 */
final class SupervisionLadder {

    private SupervisionLadder() {
    }

    static SupervisionLevel level(SupervisionNoticeSettings settings, WarningLevel warning, SupervisionLevel last) {
        SupervisionLevel first = settings.firstLevel().orElse(SupervisionLevel.of(warning));
        if (last == null) {
            return first;
        }
        SupervisionLevel stepped = settings.stepUp() ? last.next() : last;
        return stepped.compareTo(first) >= 0 ? stepped : first;
    }
}
