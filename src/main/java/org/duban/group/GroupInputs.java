package org.duban.group;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the leading-group mutations. In updates, a field left out (null) stays as it is. */
public final class GroupInputs {

    private GroupInputs() {
    }

    @Input("CreateLeadingGroupInput")
    public record CreateGroup(
            @NonNull @Id String regionId,
            @NonNull @NotBlank @Size(max = 300) String name,
            @Size(max = 100) String shortName,
            @Description("The unit hosting the group's office") @Id String officeUnitId,
            @Size(max = 50) String officeDirectorName,
            @Description("The account of the office director, if any") @Id String officeDirectorAccountId,
            @Description("Members in the order the document lists them") List<@Valid MemberInput> members) {
    }

    @Input("UpdateLeadingGroupInput")
    public record UpdateGroup(
            @Size(min = 1, max = 300) String name,
            @Description("An empty string removes it") @Size(max = 100) String shortName,
            @Description("An empty string removes it") @Id String officeUnitId,
            @Description("An empty string removes it") @Size(max = 50) String officeDirectorName,
            @Description("An empty string removes it") @Id String officeDirectorAccountId,
            @Description("Replaces all members, in this order") List<@Valid MemberInput> members,
            @Description("The version the change is based on; CONFLICT if the group changed since") Integer expectedVersion) {
    }

    @Input("LeadingGroupMemberInput")
    @Description("A person (name, title, unit) or members named by reference (title and a LISTED unit set).")
    public record MemberInput(
            @Size(max = 50) String personName,
            @Size(max = 200) String title,
            @Id String unitId,
            @Id String unitSetId,
            @NonNull MemberRole role,
            @Id String accountId) {
    }
}
