package org.duban.signing;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

public final class SigningInputs {

    private SigningInputs() {
    }

    @Input("ReturnDecisionInput")
    public record ReturnDecisionInput(
            @NonNull ReturnDecision decision,
            @Id @Description("REASSIGNED: the unit of the plan's region that takes the returning unit's place and role") String toUnitId,
            @Description("The office's note, which the returning unit reads") String note) {
    }
}
