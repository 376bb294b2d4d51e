package org.duban.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.audit.AuditTrail;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.WorkerThreads;
import org.duban.unit.RegionRow;
import org.duban.unit.UnitNames;
import org.duban.unit.UnitRow;
import org.duban.unit.UnitRows;
import org.duban.unit.UnitSetRow;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class NoticeApi {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    private final AuditTrail audit;
    private final UnitRows units;
    private final Callers callers;
    private final ImportApi imports;

    NoticeApi(AuditTrail audit, UnitRows units, Callers callers, ImportApi imports) {
        this.audit = audit;
        this.units = units;
        this.callers = callers;
        this.imports = imports;
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Reads a rectification notice as published (its text; POST /notices/text gives the text of a DOCX or text"
            + " file) into a draft plan file: every value with the text it"
            + " came from, what could not be read, what is missing, and the units the region lacks (see README). regionId:"
            + " the region whose units the notice names; by default the one the caller governs. dryRun false imports the"
            + " draft as importPlan would (all or nothing).")
    public Uni<@NonNull NoticeResult> importNotice(@NonNull String text, @Id String regionId,
            @DefaultValue("true") boolean dryRun) {
        return callers.current().chain(caller -> {
            long region = regionId != null ? Ids.parse(regionId, IdKind.REGION) : onlyRegion(caller.writableRegions());
            return audit.withTransaction(sql -> units.region(sql, region)
                    .onItem().ifNull().failWith(() -> DubanException.notFound("Region", regionId))
                    .chain(found -> units.unitsInRegion(sql, found.id)
                            .chain(unitRows -> units.setsInRegion(sql, found.id).map(sets -> known(found, unitRows, sets)))));
        }).chain(known -> WorkerThreads.run(() -> draft(text, known)))
                .chain(result -> dryRun ? Uni.createFrom().item(result) : imports.importPlan(result.draft(), false, false)
                        .map(imported -> new NoticeResult(result.draft(), result.fields(), result.unread(), result.missing(),
                                result.proposedUnits(), imported)));
    }

    private static long onlyRegion(List<Long> governed) {
        if (governed.size() != 1) {
            throw DubanException.validation("regionId", "say which region's units the notice names: you govern "
                    + governed.size() + " regions");
        }
        return governed.get(0);
    }

    private static NoticeResult draft(String text, NoticeReader.Region region) {
        NoticeReader.Draft draft = NoticeReader.read(text, region);
        try {
            return new NoticeResult(YAML.writeValueAsString(draft.document()), draft.fields(), draft.unread(), draft.missing(),
                    draft.proposedUnits(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft of maps, lists and text is always written", e);
        }
    }

    /** The region's units by any name they go by, and its sets by name and alias. */
    private static NoticeReader.Region known(RegionRow region, List<UnitRow> unitRows, List<UnitSetRow> sets) {
        UnitNames names = new UnitNames(unitRows);
        Set<String> setNames = new HashSet<>();
        sets.forEach(set -> {
            setNames.add(set.name);
            setNames.addAll(List.of(set.aliases));
        });
        return new NoticeReader.Region() {
            @Override
            public String code() {
                return region.code;
            }

            @Override
            public String name() {
                return region.name;
            }

            @Override
            public Optional<String> unit(String written) {
                return names.find(written).map(unit -> unit.name);
            }

            @Override
            public boolean isSet(String written) {
                return setNames.contains(written);
            }
        };
    }
}
