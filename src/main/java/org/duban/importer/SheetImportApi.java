package org.duban.importer;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.DubanException;
import org.duban.common.Found;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.duban.common.Mistakes;
import org.duban.common.WorkerThreads;
import org.duban.unit.Region;
import org.duban.unit.UnitQueries;
import org.duban.unit.UnitSet;
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

/** A task list from a spreadsheet (POST /imports/sheets first) imported as a plan, as importPlan imports a plan file. */
@GraphQLApi
@Authenticated
public class SheetImportApi {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    private final SheetUploads uploads;
    private final UnitQueries units;
    private final ImportApi imports;
    private final Callers callers;
    private final InputValidator validator;

    SheetImportApi(SheetUploads uploads, UnitQueries units, ImportApi imports, Callers callers, InputValidator validator) {
        this.uploads = uploads;
        this.units = units;
        this.imports = imports;
        this.callers = callers;
        this.validator = validator;
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Imports a task list uploaded as a spreadsheet (POST /imports/sheets) as a new plan, all or nothing, as importPlan"
            + " would: a task per row, its units, roles and deadline from their columns. Every mistake is an error of its own,"
            + " its field the cell (任务清单!F7) and its message the sheet, row and column. dryRun: checks and counts everything"
            + " and writes nothing.")
    public Uni<@NonNull ImportResult> importPlanSheet(@NonNull @Id String uploadId, @NonNull SheetInputs.Plan plan,
            SheetInputs.Columns columns, @DefaultValue("false") boolean dryRun) {
        validator.check("plan", plan);
        long upload = Ids.parse(uploadId, IdKind.SHEET_UPLOAD);
        long region = Ids.parse(plan.regionId(), IdKind.REGION);
        return callers.current().chain(caller -> {
            if (!caller.administers(region)) {
                throw DubanException.validation("plan.regionId", "a region you govern");
            }
            return uploads.content(upload, caller.accountId());
        }).chain(bytes -> units.regionsByIds(new Long[] { region }).map(found -> Found.one(found, "Region", plan.regionId()))
                .chain(found -> units.unitSets(region, new Long[] { region })
                        .chain(sets -> WorkerThreads.run(() -> file(bytes, found, sets, plan, columns)))))
                .chain(read -> imports.importPlan(read.yaml(), false, dryRun)
                        .onFailure(DubanException.class).transform(failure -> located((DubanException) failure, read.sheet())));
    }

    private record Read(String yaml, SheetPlanFile sheet) {
    }

    private static Read file(byte[] bytes, Region region, List<UnitSet> sets, SheetInputs.Plan plan, SheetInputs.Columns columns) {
        Set<String> setNames = new HashSet<>();
        sets.forEach(set -> {
            setNames.add(set.name());
            setNames.addAll(set.aliases());
        });
        try (var book = TaskSheet.open(bytes)) {
            TaskSheet sheet = TaskSheet.read(book, columns == null ? null : columns.sheet(), columns == null ? null : columns.headerRow(),
                    mapping(columns));
            SheetPlanFile tasks = SheetPlanFile.of(sheet, setNames::contains);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("format", "duban-plan/1");
            document.put("region", Map.of("code", region.code(), "name", region.name()));
            Map<String, Object> header = new LinkedHashMap<>();
            if (plan.documentNumber() != null && !plan.documentNumber().isBlank()) {
                header.put("documentNumber", plan.documentNumber().strip());
            }
            header.put("title", plan.title().strip());
            header.put("issuingUnit", plan.issuingUnit().strip());
            header.put("issuedOn", plan.issuedOn().toString());
            if (plan.summary() != null && !plan.summary().isBlank()) {
                header.put("summary", plan.summary().strip());
            }
            document.put("plan", header);
            document.put("tasks", tasks.tasks());
            return new Read(YAML.writeValueAsString(document), tasks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan file of maps, lists and text is always written", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<TaskSheet.Field, String> mapping(SheetInputs.Columns columns) {
        Map<TaskSheet.Field, String> mapping = new EnumMap<>(TaskSheet.Field.class);
        if (columns == null) {
            return mapping;
        }
        put(mapping, TaskSheet.Field.CODE, columns.code());
        put(mapping, TaskSheet.Field.PARENT, columns.parent());
        put(mapping, TaskSheet.Field.TITLE, columns.title());
        put(mapping, TaskSheet.Field.DESCRIPTION, columns.description());
        put(mapping, TaskSheet.Field.UNITS, columns.units());
        put(mapping, TaskSheet.Field.LEAD_UNITS, columns.leadUnits());
        put(mapping, TaskSheet.Field.ASSIST_UNITS, columns.assistUnits());
        put(mapping, TaskSheet.Field.DEADLINE, columns.deadline());
        put(mapping, TaskSheet.Field.DEADLINE_WORDS, columns.deadlineWords());
        put(mapping, TaskSheet.Field.DEADLINE_NOTE, columns.deadlineNote());
        return mapping;
    }

    private static void put(Map<TaskSheet.Field, String> mapping, TaskSheet.Field field, String column) {
        if (column != null && !column.isBlank()) {
            mapping.put(field, column);
        }
    }

    /** The importer's mistakes at the cells they came from; other failures as they are. */
    private static DubanException located(DubanException failure, SheetPlanFile sheet) {
        Mistakes mistakes = new Mistakes();
        List<DubanException> all = failure instanceof Mistakes.Found found ? found.all() : List.of(failure);
        for (DubanException mistake : all) {
            if (mistake.code() != org.duban.common.ErrorCode.VALIDATION) {
                return failure;
            }
            mistakes.note(sheet.located(mistake));
        }
        try {
            mistakes.throwIfAny();
        } catch (DubanException located) {
            return located;
        }
        return failure;
    }
}
