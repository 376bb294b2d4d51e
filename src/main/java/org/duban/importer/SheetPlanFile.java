package org.duban.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.common.DubanException;
import org.duban.common.Mistakes;
import org.duban.plan.AssignmentRole;

/**
 * A task list read from a sheet, as a plan file (duban-plan/1) the importer takes: a task per row (a row that repeats
 * the code before it, as a ledger lists a recurring task's occurrences, is the same task), its parent found from its
 * code where the sheet gives none (the longest code of the list that begins it: (一)3 for (一)3(2)), its units with the
 * roles the cells mark (甲（牵头）、乙（配合）) or the columns say (牵头单位, 配合单位), its deadline a date or the words of a
 * document (9月底前, 每月5日前). Each task remembers its row, so that what the importer refuses names its cell.
 */
final class SheetPlanFile {

    private static final Pattern MARKED = Pattern.compile("^(.+?)[(（](牵头|配合|责任)[)）]$");

    private final TaskSheet sheet;
    /** The tasks as the plan file lists them, and the line each came from, by index. */
    private final List<Map<String, Object>> tasks = new ArrayList<>();
    private final List<TaskSheet.Line> rows = new ArrayList<>();

    private SheetPlanFile(TaskSheet sheet) {
        this.sheet = sheet;
    }

    /** {@code isSet}: whether a name is one of the region's unit sets (by name or alias) rather than a unit. */
    static SheetPlanFile of(TaskSheet sheet, Predicate<String> isSet) {
        SheetPlanFile file = new SheetPlanFile(sheet);
        file.read(isSet);
        return file;
    }

    List<Map<String, Object>> tasks() {
        return tasks;
    }

    private void read(Predicate<String> isSet) {
        Mistakes mistakes = new Mistakes();
        Map<String, TaskSheet.Line> byCode = new LinkedHashMap<>();
        int sequence = 0;
        for (TaskSheet.Line line : sheet.lines) {
            String title = line.text(TaskSheet.Field.TITLE);
            String code = line.text(TaskSheet.Field.CODE);
            if (title == null) {
                mistakes.note(DubanException.validation(cell(line, TaskSheet.Field.TITLE), "第" + line.rowNumber()
                        + "行没有任务（" + sheet.columns.get(TaskSheet.Field.TITLE) + "列）"));
                continue;
            }
            code = code == null ? String.valueOf(++sequence) : code;
            TaskSheet.Line earlier = byCode.get(code);
            if (earlier != null) {
                if (!title.equals(earlier.text(TaskSheet.Field.TITLE))) {
                    mistakes.note(DubanException.validation(cell(line, TaskSheet.Field.CODE), "编号 " + code + " 已用于第"
                            + earlier.rowNumber() + "行的另一项任务"));
                }
                continue;
            }
            byCode.put(code, line);
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("code", code);
            task.put("title", title);
            putIfPresent(task, "description", line.text(TaskSheet.Field.DESCRIPTION));
            deadline(task, line);
            List<Map<String, Object>> units = new ArrayList<>();
            units(units, line.text(TaskSheet.Field.LEAD_UNITS), AssignmentRole.LEAD, isSet);
            units(units, line.text(TaskSheet.Field.UNITS), null, isSet);
            units(units, line.text(TaskSheet.Field.ASSIST_UNITS), AssignmentRole.ASSIST, isSet);
            if (!units.isEmpty()) {
                task.put("units", units);
            }
            tasks.add(task);
            rows.add(line);
        }
        mistakes.throwIfAny();
        parents(byCode.keySet());
    }

    /** The deadline as words (时限要求) where the sheet gives them, else the date (or a text cell's words); and a note. */
    private static void deadline(Map<String, Object> task, TaskSheet.Line line) {
        String words = line.text(TaskSheet.Field.DEADLINE_WORDS);
        TaskSheet.Value date = line.values().get(TaskSheet.Field.DEADLINE);
        if (words != null) {
            task.put("deadline", words);
        } else if (date != null) {
            task.put("deadline", date.date() != null ? date.date().toString() : date.text());
        }
        putIfPresent(task, "deadlineNote", line.text(TaskSheet.Field.DEADLINE_NOTE));
    }

    private static void units(List<Map<String, Object>> units, String cell, AssignmentRole column, Predicate<String> isSet) {
        if (cell == null) {
            return;
        }
        for (String listed : cell.split("[、，,；;\\n]")) {
            String name = listed.strip();
            if (name.isEmpty()) {
                continue;
            }
            AssignmentRole role = column;
            Matcher marked = MARKED.matcher(name);
            if (marked.matches()) {
                name = marked.group(1).strip();
                role = AssignmentRole.fromWords(marked.group(2));
            }
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put(isSet.test(name) ? "unitSet" : "unit", name);
            if (role != null) {
                unit.put("role", role.name());
            }
            units.add(unit);
        }
    }

    /**
     * Each task's parent (the sheet's, or the longest other code that begins its own at a boundary), and the tasks put in
     * document order: a parent before its children, siblings by their codes' numbers ((一) before (二), 2 before 10),
     * otherwise as the sheet lists them. A ledger lists tasks by deadline; the plan file lists parents first.
     */
    private void parents(java.util.Set<String> codes) {
        Map<String, String> parentOf = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Map<String, Object> task = tasks.get(i);
            String code = (String) task.get("code");
            String parent = rows.get(i).text(TaskSheet.Field.PARENT);
            if (parent == null) {
                for (String other : codes) {
                    if (other.length() < code.length() && code.startsWith(other) && boundary(other, code.charAt(other.length()))
                            && (parent == null || other.length() > parent.length())) {
                        parent = other;
                    }
                }
            }
            if (parent != null) {
                task.put("parent", parent);
                parentOf.put(code, parent);
            }
        }
        Map<String, List<Integer>> children = new LinkedHashMap<>();
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            String parent = parentOf.get((String) tasks.get(i).get("code"));
            if (parent == null || !codes.contains(parent)) {
                roots.add(i);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(i);
            }
        }
        List<Map<String, Object>> ordered = new ArrayList<>();
        List<TaskSheet.Line> orderedRows = new ArrayList<>();
        java.util.Comparator<Integer> byCode = (a, b) -> CodeOrder.compare((String) tasks.get(a).get("code"),
                (String) tasks.get(b).get("code"));
        java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
        roots.sort(byCode);
        for (int r = roots.size() - 1; r >= 0; r--) {
            pending.push(roots.get(r));
        }
        while (!pending.isEmpty()) {
            int next = pending.pop();
            ordered.add(tasks.get(next));
            orderedRows.add(rows.get(next));
            List<Integer> below = new ArrayList<>(children.getOrDefault((String) tasks.get(next).get("code"), List.of()));
            below.sort(byCode);
            for (int c = below.size() - 1; c >= 0; c--) {
                pending.push(below.get(c));
            }
        }
        tasks.clear();
        tasks.addAll(ordered);
        rows.clear();
        rows.addAll(orderedRows);
    }

    /** (一) then 1, 1 then (1), 1 then .1: a new level begins; 1 then 2 (12) does not. */
    private static boolean boundary(String parent, char next) {
        char last = parent.charAt(parent.length() - 1);
        return Character.isDigit(last) != Character.isDigit(next) || !Character.isLetterOrDigit(next)
                || !Character.isLetterOrDigit(last) || Character.isIdeographic(last) != Character.isIdeographic(next);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The cell where a field of a line stands (its column even when empty), in the input's terms. */
    private String cell(TaskSheet.Line line, TaskSheet.Field field) {
        TaskSheet.Value value = line.values().get(field);
        if (value != null) {
            return value.reference();
        }
        String column = sheet.columns.get(field);
        return sheet.sheetName + "!" + (column == null ? "A" : column) + line.rowNumber();
    }

    /**
     * A mistake the importer found at a field of the plan file, at the cell it came from: tasks[3].units[0].unit is
     * the units cell of the fourth task's row, and its message says the sheet, row and column.
     */
    DubanException located(DubanException mistake) {
        String field = mistake.field();
        if (field == null || !field.startsWith("tasks[")) {
            return mistake;
        }
        int close = field.indexOf(']');
        int index = Integer.parseInt(field.substring("tasks[".length(), close));
        if (index >= rows.size()) {
            return mistake;
        }
        String rest = field.substring(close + 1);
        TaskSheet.Field column = rest.startsWith(".units") ? unitsColumn(rows.get(index))
                : rest.startsWith(".deadlineNote") ? TaskSheet.Field.DEADLINE_NOTE
                : rest.startsWith(".deadline") || rest.startsWith(".startDate") || rest.startsWith(".recurrence")
                        ? (rows.get(index).values().containsKey(TaskSheet.Field.DEADLINE_WORDS) ? TaskSheet.Field.DEADLINE_WORDS
                                : TaskSheet.Field.DEADLINE)
                : rest.startsWith(".title") ? TaskSheet.Field.TITLE
                : rest.startsWith(".description") ? TaskSheet.Field.DESCRIPTION
                : rest.startsWith(".deadlineNote") ? TaskSheet.Field.DEADLINE_NOTE
                : rest.startsWith(".parent") && rows.get(index).values().containsKey(TaskSheet.Field.PARENT) ? TaskSheet.Field.PARENT
                : TaskSheet.Field.CODE;
        TaskSheet.Line line = rows.get(index);
        String where = cell(line, column);
        TaskSheet.Value value = line.values().get(column);
        String header = value != null ? value.header() : null;
        String message = mistake.getMessage().startsWith(field + ": ") ? mistake.getMessage().substring(field.length() + 2)
                : mistake.getMessage();
        return new DubanException(mistake.code(), where + "（第" + line.rowNumber() + "行" + (header == null ? "" : "，" + header)
                + "）：" + message, where);
    }

    private static TaskSheet.Field unitsColumn(TaskSheet.Line line) {
        for (TaskSheet.Field field : List.of(TaskSheet.Field.UNITS, TaskSheet.Field.LEAD_UNITS, TaskSheet.Field.ASSIST_UNITS)) {
            if (line.values().containsKey(field)) {
                return field;
            }
        }
        return TaskSheet.Field.UNITS;
    }
}
