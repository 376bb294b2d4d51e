package org.duban.importer;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.duban.common.DateBounds;
import org.duban.common.DubanException;
import org.duban.common.InputChecks;
import org.duban.common.Mistakes;
import org.duban.group.MemberRole;
import org.duban.land.LandDocument;
import org.duban.measure.MeasureKind;
import org.duban.measure.NumberTarget;
import org.duban.milestone.MilestoneInput;
import org.duban.milestone.MilestoneMeasure;
import org.duban.problem.ProblemInput;
import org.duban.plan.AssignmentRole;
import org.duban.plan.occurrence.RecurrenceRule;
import org.duban.unit.UnitKind;
import org.duban.unit.UnitSetKind;
import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a plan file (YAML, or JSON, which is YAML too) into a {@link PlanDocument}. Every mistake is a
 * VALIDATION error naming its path, e.g. {@code tasks[3].deadline: not a date: 2022-13-45}; unknown keys
 * are mistakes too, so that a misspelt {@code deadlin:} is not silently dropped. A mistake in one element (a task, a
 * unit) leaves the others to be read, and all mistakes are thrown together.
 */
public final class PlanDocumentParser {

    /** A plan of the largest county runs to a few hundred tasks: this leaves room and keeps one import bounded. */
    public static final int MAX_TASKS = 2_000;
    /** Characters of a document: a 2,000-task plan with long texts stays well within it. */
    public static final int MAX_LENGTH = 2_000_000;
    /** Decimals are read as BigDecimal: areas and rates stay exact from the file on. Aliases are few in a real file. */
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(loaderOptions())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_LENGTH);
        options.setNestingDepthLimit(20);
        return options;
    }

    private PlanDocumentParser() {
    }

    public static PlanDocument parse(String text) {
        if (text == null || text.isBlank()) {
            throw DubanException.validation("document", "is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw DubanException.validation("document", "has " + text.length() + " characters; a plan file has at most "
                    + MAX_LENGTH + ": split it");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw DubanException.validation("document", "not valid YAML"
                    + (location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw DubanException.validation("document", "cannot be read: " + e.getMessage());
        }
        if (root != null && root.path("tasks").size() > MAX_TASKS) {
            throw DubanException.validation("tasks", "has " + root.path("tasks").size() + " tasks; a plan file has at most "
                    + MAX_TASKS + ": split it");
        }
        Mistakes mistakes = new Mistakes();
        Node doc = new Node(root, "", mistakes);
        doc.allow("format", "region", "units", "unitSets", "leadingGroups", "plan", "tasks", "land", "inspections", "problems");
        String format = doc.text("format", false);
        if (format != null && !format.equals("duban-plan/1")) {
            throw DubanException.validation("format", "unknown format " + format + "; this service reads duban-plan/1");
        }
        // Each part is read on after a mistake in another, so that the file's writer learns all of them at once.
        PlanDocument.Region region = mistakes.check(() -> region(doc.object("region", true)));
        List<PlanDocument.Unit> units = doc.list("units", PlanDocumentParser::unit);
        List<PlanDocument.UnitSet> unitSets = doc.list("unitSets", PlanDocumentParser::unitSet);
        List<PlanDocument.Group> groups = doc.list("leadingGroups", PlanDocumentParser::group);
        PlanDocument.Plan plan = mistakes.check(() -> plan(doc.object("plan", true)));
        LocalDate issuedOn = plan == null ? null : plan.issuedOn();
        List<SectionUnits.Written> written = doc.list("tasks", task -> task(task, issuedOn));
        List<PlanDocument.Task> tasks = mistakes.check(() -> SectionUnits.pass(written));
        LandDocument land = doc.has("land") ? mistakes.check(() -> land(doc.object("land", true))) : LandDocument.EMPTY;
        List<PlanDocument.Inspection> inspections = doc.list("inspections", PlanDocumentParser::inspection);
        List<PlanDocument.Problem> problems = doc.list("problems", PlanDocumentParser::problem);
        mistakes.throwIfAny();
        return new PlanDocument(region, units, unitSets, groups, plan, tasks, land, inspections, problems);
    }

    private static PlanDocument.Region region(Node n) {
        n.allow("code", "name");
        return new PlanDocument.Region(n.text("code", true), n.text("name", true));
    }

    private static PlanDocument.Unit unit(Node n) {
        n.allow("name", "shortName", "aliases", "kind", "parent");
        return new PlanDocument.Unit(n.path, n.text("name", true), n.text("shortName", false), n.texts("aliases"),
                n.enumValue("kind", UnitKind.class, UnitKind.OTHER), n.text("parent", false));
    }

    private static PlanDocument.UnitSet unitSet(Node n) {
        n.allow("name", "aliases", "kind", "group", "units", "unitKind", "parent");
        UnitSetKind kind = n.enumValue("kind", UnitSetKind.class, null);
        if (kind == null) {
            throw DubanException.validation(n.at("kind"), "is required: " + List.of(UnitSetKind.values()));
        }
        UnitKind unitKind = n.enumValue("unitKind", UnitKind.class, null);
        if ((kind == UnitSetKind.UNITS_OF_KIND) != (unitKind != null)) {
            throw DubanException.validation(n.at("unitKind"), "a UNITS_OF_KIND set names a unit kind, and only it");
        }
        String group = n.text("group", kind == UnitSetKind.GROUP_MEMBERS);
        if (kind != UnitSetKind.GROUP_MEMBERS && group != null) {
            throw DubanException.validation(n.at("group"), "only a GROUP_MEMBERS set has a group");
        }
        List<String> units = n.texts("units");
        if (kind != UnitSetKind.LISTED && !units.isEmpty()) {
            throw DubanException.validation(n.at("units"), "only a LISTED set lists its units");
        }
        String parent = n.text("parent", false);
        if (parent != null && kind != UnitSetKind.UNITS_OF_KIND) {
            throw DubanException.validation(n.at("parent"), "only a UNITS_OF_KIND set has a parent unit");
        }
        return new PlanDocument.UnitSet(n.path, n.text("name", true), kind, group, units, unitKind, parent, n.texts("aliases"));
    }

    private static PlanDocument.Group group(Node n) {
        n.allow("name", "shortName", "officeUnit", "officeDirector", "members");
        return new PlanDocument.Group(n.path, n.text("name", true), n.text("shortName", false),
                n.text("officeUnit", false), n.text("officeDirector", false), n.list("members", PlanDocumentParser::member));
    }

    private static PlanDocument.Member member(Node n) {
        n.allow("name", "title", "unit", "unitSet", "role");
        PlanDocument.Member member = new PlanDocument.Member(n.path, n.text("name", false), n.text("title", false),
                n.text("unit", false), n.text("unitSet", false), n.enumValue("role", MemberRole.class, MemberRole.MEMBER));
        if (member.name() == null && member.unit() == null && member.unitSet() == null) {
            throw DubanException.validation(n.path, "name a person, a unit or a unit set");
        }
        return member;
    }

    private static PlanDocument.Plan plan(Node n) {
        n.allow("documentNumber", "title", "issuingUnit", "issuedOn", "summary", "basisDocuments", "leadingGroups", "copiedTo",
                "addressees", "answers");
        return new PlanDocument.Plan(n.text("documentNumber", false), n.text("title", true), n.text("issuingUnit", true),
                n.date("issuedOn", true), n.text("summary", false), n.list("basisDocuments", PlanDocumentParser::basis),
                n.texts("leadingGroups"), n.texts("copiedTo"), n.texts("addressees"), n.text("answers", false));
    }

    private static PlanDocument.BasisDocument basis(Node n) {
        n.allow("number", "title", "issuer");
        return new PlanDocument.BasisDocument(n.text("number", true), n.text("title", false), n.text("issuer", false));
    }

    private static SectionUnits.Written task(Node n, LocalDate issuedOn) {
        n.allow("code", "parent", "title", "description", "startDate", "deadline", "deadlineNote", "recurrence", "units",
                "unitsBelow", "moreUnits", "deliverables", "measures", "milestones", "answers");
        if (n.has("units") && n.has("moreUnits")) {
            throw DubanException.validation(n.at("moreUnits"), "a task with units of its own adds none: list them all in units");
        }
        LocalDate startDate = n.date("startDate", false);
        String recurrence = n.text("recurrence", false);
        String written = n.text("deadline", false);
        LocalDate deadline = null;
        String phrase = null;
        if (issuedOn == null && written != null && !DeadlinePhrase.isIsoDate(written)) {
            // the phrase is read from the plan's issue date, whose own mistake the file's writer hears of
            phrase = written;
        } else if (written == null || DeadlinePhrase.isIsoDate(written)) {
            deadline = n.date("deadline", false);
        } else {
            DeadlinePhrase.Reading reading = DeadlinePhrase.read(written, issuedOn, n.at("deadline"));
            phrase = reading.phrase();
            deadline = reading.deadline();
            if (reading.startDate() != null) {
                if (startDate != null) {
                    throw DubanException.validation(n.at("startDate"), "the deadline " + written + " sets the start; leave startDate out");
                }
                startDate = reading.startDate();
            }
            if (reading.recurrence() != null) {
                if (recurrence != null) {
                    throw DubanException.validation(n.at("recurrence"), "the deadline " + written + " recurs already; leave recurrence out");
                }
                recurrence = reading.recurrence();
            }
        }
        if (startDate != null && deadline != null && deadline.isBefore(startDate)) {
            throw DubanException.validation(n.at("deadline"), "before the start date " + startDate);
        }
        if (recurrence != null) {
            RecurrenceRule.parse(recurrence, n.at("recurrence"));
            if (deadline != null) {
                throw DubanException.validation(n.at("deadline"), "a recurring task is due on its occurrences, not on a deadline");
            }
        }
        PlanDocument.Task task = new PlanDocument.Task(n.path, n.text("code", true), n.text("parent", false),
                n.text("title", true), n.text("description", false), startDate, deadline, phrase, n.text("deadlineNote", false),
                recurrence, n.list("units", PlanDocumentParser::assignment), n.texts("deliverables"),
                n.list("measures", PlanDocumentParser::measure), n.list("milestones", PlanDocumentParser::milestone),
                n.text("answers", false));
        return new SectionUnits.Written(task, n.has("units"), n.has("unitsBelow") ? n.list("unitsBelow", PlanDocumentParser::assignment) : null,
                n.list("moreUnits", PlanDocumentParser::assignment));
    }

    private static PlanDocument.Problem problem(Node n) {
        n.allow("number", "text", "source", "tasks");
        return new PlanDocument.Problem(n.path, new ProblemInput(n.text("number", true), n.text("text", true),
                n.text("source", false), n.texts("tasks")));
    }

    private static MilestoneInput milestone(Node n) {
        n.allow("date", "title", "measure", "target");
        return new MilestoneInput(n.date("date", true), n.text("title", true),
                n.enumValue("measure", MilestoneMeasure.class, null), n.decimal("target"));
    }

    private static PlanDocument.Measure measure(Node n) {
        n.allow("kind", "year", "region", "zone", "round", "label", "target", "unit", "atMost");
        MeasureKind kind = n.enumValue("kind", MeasureKind.class, null);
        if (kind == null) {
            throw DubanException.validation(n.at("kind"), "is required: " + List.of(MeasureKind.values()));
        }
        return new PlanDocument.Measure(n.path, kind, n.integer("year"), n.text("region", false), n.text("zone", false),
                n.integer("round"), n.has("target") ? numberTarget(n) : null);
    }

    /** A target as a figure with its unit ({@code target: 3.25, unit: 亩}) or as the notice writes it ({@code 不少于3.25亩}). */
    private static NumberTarget numberTarget(Node n) {
        String label = n.text("label", false);
        if (n.json.get("target").isNumber()) {
            Boolean atMost = n.bool("atMost");
            BigDecimal target = n.decimal("target");
            String unit = n.text("unit", true);
            try {
                return new NumberTarget(label, target, unit, Boolean.TRUE.equals(atMost));
            } catch (DubanException e) {
                throw DubanException.validation(n.at(e.field()), e.getMessage());
            }
        }
        if (n.has("unit") || n.has("atMost")) {
            throw DubanException.validation(n.at("unit"), "a target written as words (不少于3.25亩) says its unit and direction itself");
        }
        return NumberTarget.read(n.text("target", true), label, n.at("target"));
    }

    private static PlanDocument.Inspection inspection(Node n) {
        n.allow("inspectingBody", "startsOn", "endsOn");
        LocalDate startsOn = n.date("startsOn", true);
        LocalDate endsOn = n.date("endsOn", true);
        if (endsOn.isBefore(startsOn)) {
            throw DubanException.validation(n.at("endsOn"), "before startsOn " + startsOn);
        }
        return new PlanDocument.Inspection(n.path, n.text("inspectingBody", true), startsOn, endsOn);
    }

    private static LandDocument land(Node n) {
        n.allow("quotas", "parcels", "regionalEvaluations");
        return new LandDocument(n.list("quotas", LandSectionParser::quota), n.list("parcels", LandSectionParser::parcel),
                n.list("regionalEvaluations", LandSectionParser::evaluation));
    }

    private static PlanDocument.Assignment assignment(Node n) {
        n.allow("unit", "unitSet", "role");
        String unit = n.text("unit", false);
        String unitSet = n.text("unitSet", false);
        if ((unit == null) == (unitSet == null)) {
            throw DubanException.validation(n.path, "name exactly one of unit and unitSet");
        }
        return new PlanDocument.Assignment(n.path, unit, unitSet, role(n));
    }

    /** A unit's role by its name (LEAD) or as the notice writes it (牵头单位, 责任单位, 配合单位, or 牵头, 责任, 配合). */
    private static AssignmentRole role(Node n) {
        String written = n.text("role", false);
        AssignmentRole role = written == null ? null : AssignmentRole.fromWords(written);
        if (written != null && role == null) {
            throw DubanException.validation(n.at("role"), "not one of " + List.of(AssignmentRole.values()) + " (or 牵头单位, 责任单位,"
                    + " 配合单位): " + written);
        }
        return role;
    }

    /** A node of the file with its path, and readers that report mistakes against that path. */
    static final class Node {

        final JsonNode json;
        final String path;
        private final Mistakes mistakes;

        Node(JsonNode json, String path, Mistakes mistakes) {
            this.json = json;
            this.path = path;
            this.mistakes = mistakes;
        }

        boolean has(String key) {
            JsonNode value = json.get(key);
            return value != null && !value.isNull();
        }

        Integer integer(String key) {
            String text = text(key, false);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw DubanException.validation(at(key), "not a whole number: " + text);
            }
        }

        BigDecimal decimal(String key) {
            JsonNode value = json.get(key);
            if (value != null && value.isNumber()) {
                return value.decimalValue();
            }
            String text = text(key, false);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw DubanException.validation(at(key), "not a number: " + text);
            }
        }

        Boolean bool(String key) {
            String text = text(key, false);
            if (text == null) {
                return null;
            }
            if (!text.equals("true") && !text.equals("false")) {
                throw DubanException.validation(at(key), "must be true or false: " + text);
            }
            return Boolean.valueOf(text);
        }

        /** A nested value as JSON text, for GeoJSON written as a YAML mapping or as a string. */
        String json(String key) {
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            return value.isTextual() ? value.asText() : value.toString();
        }

        String path() {
            return path;
        }

        String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        void allow(String... keys) {
            if (!json.isObject()) {
                throw DubanException.validation(path.isEmpty() ? "document" : path, "must be a mapping of keys to values");
            }
            Set<String> allowed = new HashSet<>(List.of(keys));
            for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    // the known keys are read on: an unknown one hides no other mistake
                    mistakes.note(DubanException.validation(at(name), "unknown key; expected one of " + List.of(keys)));
                }
            }
        }

        String text(String key, boolean required) {
            JsonNode value = json.get(key);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                if (required) {
                    throw DubanException.validation(at(key), "is required");
                }
                return null;
            }
            if (!value.isValueNode()) {
                throw DubanException.validation(at(key), "must be text");
            }
            return InputChecks.requireStorable(at(key), value.asText().strip());
        }

        LocalDate date(String key, boolean required) {
            String text = text(key, required);
            if (text == null) {
                return null;
            }
            try {
                return DateBounds.check(at(key), LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw DubanException.validation(at(key), "not a date: " + text + " (write YYYY-MM-DD)");
            }
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
            String text = text(key, false);
            if (text == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw DubanException.validation(at(key), "not one of " + List.of(type.getEnumConstants()) + ": " + text);
            }
        }

        Node object(String key, boolean required) {
            JsonNode value = json.get(key);
            if (value == null || value.isNull()) {
                if (required) {
                    throw DubanException.validation(at(key), "is required");
                }
                return new Node(YAML.createObjectNode(), at(key), mistakes);
            }
            return new Node(value, at(key), mistakes);
        }

        <T> List<T> list(String key, Function<Node, T> reader) {
            JsonNode value = json.get(key);
            List<T> result = new ArrayList<>();
            if (value == null || value.isNull()) {
                return result;
            }
            if (!value.isArray()) {
                throw DubanException.validation(at(key), "must be a list");
            }
            for (int i = 0; i < value.size(); i++) {
                Node item = new Node(value.get(i), at(key) + "[" + i + "]", mistakes);
                T read = mistakes.check(() -> reader.apply(item));
                if (read != null) {
                    result.add(read);
                }
            }
            return result;
        }

        List<String> texts(String key) {
            JsonNode value = json.get(key);
            List<String> result = new ArrayList<>();
            if (value == null || value.isNull()) {
                return result;
            }
            if (!value.isArray()) {
                throw DubanException.validation(at(key), "must be a list");
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item == null || !item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                    mistakes.note(DubanException.validation(at(key) + "[" + i + "]", "must be non-empty text"));
                    continue;
                }
                result.add(item.asText().strip());
            }
            return result;
        }
    }
}
