package org.duban.supervision;

import java.util.List;

/** What goes on record with a status move besides the move itself. */
record StatusNote(String reason, String note, List<Long> evidenceIds, String overrideReason) {

    static StatusNote reason(String reason) {
        return new StatusNote(reason, null, List.of(), null);
    }
}
