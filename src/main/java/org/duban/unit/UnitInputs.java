package org.duban.unit;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The inputs of the unit mutations. In updates, a field left out (null) stays as it is. */
public final class UnitInputs {

    private UnitInputs() {
    }

    @Input("CreateRegionInput")
    public record CreateRegion(
            @NonNull @NotBlank @Pattern(regexp = "\\d{6,12}", message = "must be an administrative division code (6 to 12 digits)")
            String code,
            @NonNull @NotBlank @Size(max = 100) String name,
            @Id @Description("The region it belongs under, e.g. 临汾市 for 乡宁县; its code must lie within the parent's")
            String parentId) {
    }

    @Input("UpdateRegionInput")
    @Description("A field left out stays as it is")
    public record UpdateRegion(
            @Size(min = 1, max = 100) String name,
            @Id @Description("Places the region under another (an existing county under the city created after it); its code "
                    + "must lie within the parent's") String parentId) {
    }

    @Input("CreateUnitInput")
    public record CreateUnit(
            @NonNull @Id String regionId,
            @NonNull @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String shortName,
            @Description("Other names the unit goes by") List<String> aliases,
            @NonNull UnitKind kind,
            @Id String parentId) {
    }

    @Input("UpdateUnitInput")
    public record UpdateUnit(
            @Size(min = 1, max = 200) String name,
            @Description("An empty string removes the short name") @Size(max = 100) String shortName,
            @Description("Replaces all aliases") List<String> aliases,
            UnitKind kind,
            @Description("An empty string removes the parent") @Id String parentId,
            @Description("The version the change is based on; CONFLICT if the unit changed since") Integer expectedVersion) {
    }

    @Input("CreateUnitSetInput")
    public record CreateUnitSet(
            @NonNull @Id String regionId,
            @NonNull @NotBlank @Size(max = 200) String name,
            @NonNull UnitSetKind kind,
            @Description("Required for GROUP_MEMBERS: the group whose member units the set stands for") @Id String leadingGroupId,
            @Description("For LISTED: the units in the set") @Id List<String> unitIds,
            @Description("Required for UNITS_OF_KIND: the kind of unit, e.g. TOWNSHIP for 各乡镇政府") UnitKind unitKind,
            @Description("For UNITS_OF_KIND: only the units of the kind directly under this unit") @Id String parentUnitId,
            @Description("Other names documents write for the set") List<String> aliases) {
    }

    @Input("UpdateUnitSetInput")
    public record UpdateUnitSet(
            @Size(min = 1, max = 200) String name,
            @Description("For LISTED sets: replaces the units in the set") @Id List<String> unitIds,
            @Description("Replaces all aliases") List<String> aliases) {
    }
}
