package org.duban.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.duban.common.DubanException;

/**
 * Reads a rectification notice as governments publish it into a draft plan file (duban-plan/1): the heading, 文号,
 * issuer and date, 主送 and 抄送, the basis documents, the numbered tasks (一、 (一) 1. (1) ①) with their 整改时间 and
 * 责任单位/牵头单位/配合单位, and the annex's leading group. Every value keeps the span of text it came from; what it
 * cannot read is listed, and what the format needs but the notice does not say is listed as missing, never guessed.
 * Deterministic rules only: the same text gives the same draft.
 *
 * <p>Roles follow the text: 牵头单位 and 配合单位 say them; among 责任单位 the unit the task's text has lead (X牵头), or
 * the one its text opens with as the subject (X负责…, X要…), leads and the others assist; a task that names neither
 * takes the lead of the task before it with the same units; otherwise all are responsible.
 */
final class NoticeReader {

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^[\\p{IsHan}]{1,12}〔\\d{4}〕[\\d-]{1,20}号$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:印发)?$");
    private static final Pattern PLAN_IN_NOTICE = Pattern.compile("《([^》]{4,200}(?:方案|计划|清单))》");
    private static final Pattern BASIS = Pattern.compile("([^、，,《》]{0,60}?)《([^》]{1,200})》[（(]([^）)]{1,40}〔\\d{4}〕[^）)]{0,20}号)[）)]");
    private static final Pattern CHAPTER = Pattern.compile("^([一二三四五六七八九十]+)、\\s*(.+)$");
    private static final Pattern SECTION = Pattern.compile("^[(（]([一二三四五六七八九十]+)[)）]\\s*(.+)$");
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,3})[.．、](?!\\d)\\s*(.+)$");
    private static final Pattern SUB_ITEM = Pattern.compile("^[(（](\\d{1,3})[)）]\\s*(.+)$");
    private static final Pattern CIRCLED = Pattern.compile("^([①-⑳])\\s*(.+)$");
    private static final Pattern DEADLINE = Pattern.compile("^(?:整改时间|整改时限|完成时限|完成时间|时限要求)[：:]\\s*(.+?)[。.]?$");
    private static final Pattern UNITS = Pattern.compile("^(责任单位|牵头单位|配合单位|主办单位|协办单位|责任部门|牵头部门|配合部门)[：:]\\s*(.+?)[。.]?$");
    private static final Pattern OTHERS_UNNAMED = Pattern.compile("(等(?:相关|有关)?(?:部门|单位))$");
    private static final Pattern COPIED = Pattern.compile("^抄\\s*送[：:]\\s*(.+?)[。.]?$");
    private static final Pattern ANNEX_LIST = Pattern.compile("^附件[：:]\\s*(.+)$");
    private static final Pattern MEMBER = Pattern.compile("^(组[\\s\\u3000]*长|副[\\s\\u3000]*组[\\s\\u3000]*长|成[\\s\\u3000]*员)[：:][\\s\\u3000]*(.*)$");
    private static final Pattern OFFICE_UNIT = Pattern.compile("办公室设在([^，,。]+)");
    private static final Pattern OFFICE_DIRECTOR = Pattern.compile("办公室主任由([\\p{IsHan}]{2,4}?)(?:同志)?(?:担任|兼任)");
    private static final Pattern MONTHLY_REPORT = Pattern.compile("([^、，。《》]{2,40}?)月报告?制度");
    private static final Pattern LEADS = Pattern.compile("([\\p{IsHan}“”]{2,40}?)牵头");

    /** What the region knows: a unit's canonical name for a name as written (full, short or alias), and its sets. */
    interface Region {
        String code();

        String name();

        Optional<String> unit(String written);

        boolean isSet(String written);
    }

    /** The draft: the file's tree (for YAML), and where each value came from, what was not read and what is missing. */
    record Draft(Map<String, Object> document, List<DraftField> fields, List<UnreadText> unread, List<MissingField> missing,
            List<String> proposedUnits) {
    }

    private final List<NoticeText.Paragraph> paragraphs;
    private final Region region;
    private final Map<String, Object> plan = new LinkedHashMap<>();
    private final List<Map<String, Object>> tasks = new ArrayList<>();
    private final List<Map<String, Object>> groups = new ArrayList<>();
    private final Map<String, Map<String, Object>> proposedUnits = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> proposedSets = new LinkedHashMap<>();
    private final List<DraftField> fields = new ArrayList<>();
    private final List<UnreadText> unread = new ArrayList<>();
    private final List<MissingField> missing = new ArrayList<>();
    /** The codes of the tasks read so far at each level of numbering: the section, the item, the sub-item. */
    private final String[] openCodes = new String[4];
    private Map<String, Object> openTask;
    /** Tasks the notice implies rather than numbers (a monthly report): they need no units or deadline of their own. */
    private final Set<Map<String, Object>> derivedTasks = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The columns of the task table being read (code, task, units, assist, deadline), with their labels. */
    private Map<String, Integer> columns;
    private List<String> columnLabels;
    private int rowsWithoutNumber;
    private LocalDate issuedOn;

    private NoticeReader(String text, Region region) {
        this.paragraphs = NoticeText.paragraphs(text);
        this.region = region;
    }

    static Draft read(String text, Region region) {
        if (text == null || text.isBlank()) {
            throw DubanException.validation("text", "is empty");
        }
        if (text.length() > PlanDocumentParser.MAX_LENGTH) {
            throw DubanException.validation("text", "has " + text.length() + " characters; a notice has at most "
                    + PlanDocumentParser.MAX_LENGTH);
        }
        return new NoticeReader(text, region).read();
    }

    private Draft read() {
        int body = heading();
        int annex = body(body);
        annex(annex);
        roles();
        if (!groups.isEmpty() && groups.get(0).containsKey("members")) {
            plan.put("leadingGroups", List.of(groups.get(0).get("name")));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "duban-plan/1");
        document.put("region", new LinkedHashMap<>(Map.of("code", region.code(), "name", region.name())));
        if (!proposedUnits.isEmpty()) {
            document.put("units", new ArrayList<>(proposedUnits.values()));
        }
        if (!proposedSets.isEmpty()) {
            document.put("unitSets", new ArrayList<>(proposedSets.values()));
        }
        if (!groups.isEmpty()) {
            document.put("leadingGroups", groups);
        }
        document.put("plan", plan);
        document.put("tasks", tasks);
        return new Draft(document, fields, unread, missing, List.copyOf(proposedUnits.keySet()));
    }

    /** The notice around the plan: who issues it, its number, to whom, and the day; returns where the plan's text starts. */
    private int heading() {
        String planTitle = null;
        int titleAt = -1;
        for (int i = 0; i < paragraphs.size(); i++) {
            NoticeText.Paragraph p = paragraphs.get(i);
            String text = p.text();
            Matcher date = DATE.matcher(text);
            if (!plan.containsKey("documentNumber") && DOCUMENT_NUMBER.matcher(text).matches()) {
                set(plan, "documentNumber", text, "plan.documentNumber", p.all());
            } else if (!plan.containsKey("issuingUnit") && text.endsWith("文件") && text.length() <= 40) {
                set(plan, "issuingUnit", text.substring(0, text.length() - 2), "plan.issuingUnit", p.span(0, text.length() - 2));
            } else if (!plan.containsKey("addressees") && (text.endsWith("：") || text.endsWith(":")) && text.length() <= 200
                    && !MEMBER.matcher(text).find()) {
                plan.put("addressees", list(p, text.substring(0, text.length() - 1), "plan.addressees"));
            } else if (issuedOn == null && date.matches()) {
                issuedOn = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                        Integer.parseInt(date.group(3)));
                set(plan, "issuedOn", issuedOn.toString(), "plan.issuedOn", p.all());
            } else if (planTitle == null && PLAN_IN_NOTICE.matcher(text).find()) {
                Matcher named = PLAN_IN_NOTICE.matcher(text);
                named.find();
                planTitle = named.group(1);
                set(plan, "title", planTitle, "plan.title", p.span(named.start(1), named.end(1)));
            } else if (planTitle != null && text.equals(planTitle)) {
                titleAt = i;
                break;
            }
        }
        if (titleAt < 0) {
            // No notice around the plan: its title is the first line that names a plan, and its text follows.
            for (int i = 0; i < paragraphs.size() && titleAt < 0; i++) {
                String text = paragraphs.get(i).text();
                if (text.matches("^[^，。；]{4,200}(?:方案|计划|清单)$")) {
                    set(plan, "title", text, "plan.title", paragraphs.get(i).all());
                    titleAt = i;
                }
            }
        }
        if (!plan.containsKey("title")) {
            missing.add(new MissingField("plan.title", "no line names the plan (…方案, …计划, …清单)"));
        }
        if (!plan.containsKey("issuingUnit")) {
            missing.add(new MissingField("plan.issuingUnit", "no heading names the issuer (…文件)"));
        }
        if (issuedOn == null) {
            missing.add(new MissingField("plan.issuedOn", "no date (2022年9月5日) is written"));
        }
        return titleAt + 1;
    }

    /** The plan's text: its basis, its summary and its numbered tasks; returns where the annex starts. */
    private int body(int from) {
        boolean tasksChapter = !hasChapters(from);
        boolean beforeTasks = true;
        for (int i = from; i < paragraphs.size(); i++) {
            NoticeText.Paragraph p = paragraphs.get(i);
            String text = p.text();
            if (text.equals("附件") || COPIED.matcher(text).matches()) {
                return i;
            }
            if (ANNEX_LIST.matcher(text).matches()) {
                continue;
            }
            Matcher chapter = CHAPTER.matcher(text);
            if (chapter.matches()) {
                // 整改措施, 重点任务 hold tasks; 保障措施 and 工作要求 say how, and hold none
                tasksChapter = chapter.group(2).matches(".*(?:任务|整改|重点工作|工作措施|主要措施|具体措施).*")
                        && !chapter.group(2).matches(".*(?:保障|要求).*");
                beforeTasks &= !tasksChapter;
                closeTask();
                Arrays.fill(openCodes, null);
                continue;
            }
            if (text.startsWith("根据") || text.startsWith("按照") || text.startsWith("为贯彻")) {
                basis(p);
                continue;
            }
            if (!tasksChapter) {
                if (beforeTasks && !plan.containsKey("summary")) {
                    // the first chapter before the tasks (总体要求, 指导思想) says what the plan is for
                    set(plan, "summary", text, "plan.summary", p.all());
                } else {
                    unread.add(new UnreadText(p.all(), text, "outside the chapters of tasks"));
                }
                continue;
            }
            task(p);
        }
        return paragraphs.size();
    }

    private boolean hasChapters(int from) {
        return paragraphs.subList(from, paragraphs.size()).stream().anyMatch(p -> CHAPTER.matcher(p.text()).matches());
    }

    private void basis(NoticeText.Paragraph p) {
        List<Map<String, Object>> documents = new ArrayList<>();
        Matcher m = BASIS.matcher(p.text());
        while (m.find()) {
            String path = "plan.basisDocuments[" + documents.size() + "]";
            Map<String, Object> document = new LinkedHashMap<>();
            set(document, "number", m.group(3), path + ".number", p.span(m.start(3), m.end(3)));
            set(document, "title", m.group(2), path + ".title", p.span(m.start(2), m.end(2)));
            String issuer = m.group(1).replaceFirst("^(?:根据|按照|依据)", "").strip();
            if (!issuer.isEmpty()) {
                int start = m.end(1) - issuer.length();
                set(document, "issuer", issuer, path + ".issuer", p.span(start, m.end(1)));
            }
            documents.add(document);
        }
        if (!documents.isEmpty()) {
            plan.put("basisDocuments", documents);
        }
    }

    /** One paragraph of the chapters of tasks: a numbered heading opens a task, the rest belongs to the open one. */
    private void task(NoticeText.Paragraph p) {
        String text = p.text();
        Matcher m;
        if (NoticeText.TABLE_ROW.matcher(text).find()) {
            row(p);
        } else if ((m = SECTION.matcher(text)).matches()) {
            open(0, "(" + m.group(1) + ")", p, m);
        } else if ((m = SUB_ITEM.matcher(text)).matches() && openCodes[1] != null) {
            open(2, openCodes[1] + "(" + m.group(1) + ")", p, m);
        } else if ((m = ITEM.matcher(text)).matches()) {
            open(1, (openCodes[0] == null ? "" : openCodes[0]) + m.group(1), p, m);
        } else if ((m = CIRCLED.matcher(text)).matches() && openCodes[2] != null) {
            open(3, openCodes[2] + m.group(1), p, m);
        } else if ((m = DEADLINE.matcher(text)).matches() && openTask != null) {
            deadline(p, m);
        } else if ((m = UNITS.matcher(text)).matches() && openTask != null) {
            units(p, m);
        } else if (openTask != null) {
            describe(p, 0, text.length());
        } else {
            unread.add(new UnreadText(p.all(), text, "before the first numbered task"));
        }
    }

    /**
     * A row of a task table (任务清单): the header names the columns (序号, 整改任务, 责任单位 or 牵头单位, 配合单位,
     * 完成时限); each row after it is a task numbered by its 序号 within the open section.
     */
    private void row(NoticeText.Paragraph p) {
        List<int[]> cells = cells(p.text());
        List<String> texts = cells.stream().map(c -> p.text().substring(c[0], c[1])).toList();
        if (columns == null || header(texts) != null) {
            Map<String, Integer> header = header(texts);
            if (header == null) {
                unread.add(new UnreadText(p.all(), p.text(), "a table without a header naming its task and units columns"));
            } else {
                columns = header;
                columnLabels = texts;
            }
            return;
        }
        Integer codeColumn = columns.get("code");
        String number = codeColumn == null || codeColumn >= texts.size() ? "" : texts.get(codeColumn).replaceAll("[.．、\\s]", "");
        int[] codeCell = codeColumn == null || codeColumn >= cells.size() ? cells.get(0) : cells.get(codeColumn);
        String code = (openCodes[0] == null ? "" : openCodes[0]) + (number.isEmpty() ? String.valueOf(++rowsWithoutNumber) : number);
        int taskColumn = columns.get("task");
        if (taskColumn >= cells.size()) {
            unread.add(new UnreadText(p.all(), p.text(), "a row without its task"));
            return;
        }
        int[] task = cells.get(taskColumn);
        start(1, code, p, codeCell[0], codeCell[1], p.text().substring(task[0], task[1]), task[0]);
        for (String column : List.of("units", "assist")) {
            Integer at = columns.get(column);
            if (at != null && at < cells.size()) {
                assign(p, columnLabels.get(at), p.text().substring(cells.get(at)[0], cells.get(at)[1]), cells.get(at)[0]);
            }
        }
        Integer deadlineColumn = columns.get("deadline");
        if (deadlineColumn != null && deadlineColumn < cells.size()) {
            int[] cell = cells.get(deadlineColumn);
            deadline(p, p.text().substring(cell[0], cell[1]), cell[0], cell[1]);
        }
    }

    /** The columns a header row names, or null when it names no task and units columns. */
    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.length() > 8 || cell.matches("\\d+[.．、]?")) {
                // labels are short words; a long cell or a number is a row's
                return null;
            }
            String column = cell.matches("序号|编号") ? "code" : cell.matches(".*(?:配合|协办).*") ? "assist"
                    : cell.matches(".*(?:单位|部门).*") ? "units" : cell.matches(".*(?:时限|时间|期限).*") ? "deadline"
                    : cell.matches(".*(?:任务|措施|问题|内容|事项).*") ? "task" : null;
            if (column != null) {
                found.putIfAbsent(column, i);
            }
        }
        return found.containsKey("task") && found.containsKey("units") ? found : null;
    }

    /** A row's cells as [from, to) within its text, trimmed; the bars of a drawn table at either end part nothing. */
    private static List<int[]> cells(String row) {
        List<int[]> cells = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= row.length(); i++) {
            if (i == row.length() || row.charAt(i) == '\t' || row.charAt(i) == '|') {
                int start = from;
                int end = i;
                while (start < end && Character.isWhitespace(row.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(row.charAt(end - 1))) {
                    end--;
                }
                boolean edge = (from == 0 || i == row.length()) && start == end;
                if (!edge) {
                    cells.add(new int[] { start, end });
                }
                from = i + 1;
            }
        }
        return cells;
    }

    private void open(int level, String code, NoticeText.Paragraph p, Matcher m) {
        start(level, code, p, 0, m.start(2), m.group(2), m.start(2));
    }

    /** Opens the task numbered {@code code}: its number stands at [codeFrom, codeTo), its heading from headingFrom. */
    private void start(int level, String code, NoticeText.Paragraph p, int codeFrom, int codeTo, String heading, int headingFrom) {
        closeTask();
        for (int l = level; l < openCodes.length; l++) {
            openCodes[l] = null;
        }
        openCodes[level] = code;
        String path = "tasks[" + tasks.size() + "]";
        openTask = new LinkedHashMap<>();
        openTask.put("code", code);
        fields.add(new DraftField(path + ".code", code, p.span(codeFrom, Math.max(codeFrom + 1, codeTo))));
        String parent = null;
        for (int l = level - 1; l >= 0 && parent == null; l--) {
            parent = openCodes[l];
        }
        if (parent != null) {
            openTask.put("parent", parent);
        }
        int sentence = heading.indexOf('。');
        String title = sentence > 0 && sentence < 60 ? heading.substring(0, sentence) : heading.replaceFirst("[。]$", "");
        int titleFrom = headingFrom;
        if (title.length() > 60) {
            int clause = title.indexOf('，');
            title = clause > 4 && clause < 60 ? title.substring(0, clause) : title.substring(0, 60);
            missing.add(new MissingField(path + ".title", "the item is one long sentence: its title is its first words"));
        }
        set(openTask, "title", title, path + ".title", p.span(titleFrom, titleFrom + title.length()));
        tasks.add(openTask);
        openTask.put("@path", path);
        if (heading.length() > title.length() + 1) {
            describe(p, headingFrom, headingFrom + heading.length());
        }
    }

    private void describe(NoticeText.Paragraph p, int from, int to) {
        String more = p.text().substring(from, to);
        String path = openTask.get("@path") + ".description";
        Object before = openTask.get("description");
        openTask.put("description", before == null ? more : before + "\n" + more);
        fields.add(new DraftField(path, more, p.span(from, to)));
        Matcher monthly = MONTHLY_REPORT.matcher(more);
        if (monthly.find() && !openTask.containsKey("@monthly")) {
            openTask.put("@monthly", monthly.group(1).replaceFirst("^.*[、，]", ""));
        }
    }

    private void deadline(NoticeText.Paragraph p, Matcher m) {
        deadline(p, m.group(1), m.start(1), m.end(1));
    }

    private void deadline(NoticeText.Paragraph p, String written, int from, int to) {
        String phrase = written.replaceAll("\\s+", "").replaceFirst("[。.]$", "");
        if (phrase.isEmpty()) {
            return;
        }
        String path = openTask.get("@path") + ".deadline";
        try {
            DeadlinePhrase.read(phrase, issuedOn == null ? LocalDate.of(2000, 1, 1) : issuedOn, path);
            set(openTask, "deadline", phrase, path, p.span(from, to));
        } catch (DubanException e) {
            unread.add(new UnreadText(p.span(from, to), phrase, "not a deadline the format reads: " + e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    private void units(NoticeText.Paragraph p, Matcher m) {
        assign(p, m.group(1), m.group(2), m.start(2));
    }

    /** The units a label (责任单位, 牵头单位, 配合单位) lists; 甲（牵头）marks the lead within a list. */
    @SuppressWarnings("unchecked")
    private void assign(NoticeText.Paragraph p, String label, String written, int writtenFrom) {
        String role = label.startsWith("牵头") || label.startsWith("主办") ? "LEAD"
                : label.startsWith("配合") || label.startsWith("协办") ? "ASSIST" : null;
        List<Map<String, Object>> assignments = (List<Map<String, Object>>) openTask.computeIfAbsent("units",
                k -> new ArrayList<Map<String, Object>>());
        String listed = written.replaceFirst("[。.]$", "");
        int offset = writtenFrom;
        Matcher others = OTHERS_UNNAMED.matcher(listed);
        if (others.find()) {
            unread.add(new UnreadText(p.span(offset + others.start(1), offset + others.end(1)), others.group(1),
                    "the other units are not named"));
            listed = listed.substring(0, others.start(1));
        }
        int at = 0;
        for (String name : listed.split("[、，,；;]")) {
            int start = offset + listed.indexOf(name, at);
            at = listed.indexOf(name, at) + name.length();
            String unit = name.strip();
            String marked = null;
            Matcher mark = Pattern.compile("[(（](牵头|配合)[)）]$").matcher(unit);
            if (mark.find()) {
                marked = mark.group(1).equals("牵头") ? "LEAD" : "ASSIST";
                unit = unit.substring(0, mark.start());
            }
            if (unit.isEmpty()) {
                continue;
            }
            String path = openTask.get("@path") + ".units[" + assignments.size() + "]";
            Map<String, Object> assignment = new LinkedHashMap<>();
            boolean set = isSet(unit);
            set(assignment, set ? "unitSet" : "unit", unit, path + (set ? ".unitSet" : ".unit"), p.span(start, start + name.length()));
            if (marked != null || role != null) {
                assignment.put("role", marked != null ? marked : role);
            }
            assignments.add(assignment);
            propose(unit, set);
        }
    }

    /** A set when the region knows one by that name or the name speaks of many (各…, 相关…, …成员单位). */
    private boolean isSet(String name) {
        if (region.unit(name).isPresent()) {
            return false;
        }
        return region.isSet(name) || name.matches("^(?:各|相关|有关|涉及).+|.+成员单位$|^[县区市]直.+");
    }

    private void propose(String name, boolean set) {
        if (!set && region.unit(name).isEmpty() && !proposedUnits.containsKey(name)) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("name", name);
            unit.put("kind", kindOf(name));
            proposedUnits.put(name, unit);
            missing.add(new MissingField("units[" + (proposedUnits.size() - 1) + "]",
                    name + " is no unit of the region: proposed as new; give its full name, kind and parent"));
        } else if (set && !region.isSet(name) && !proposedSets.containsKey(name)) {
            Map<String, Object> proposed = new LinkedHashMap<>();
            proposed.put("name", name);
            String path = "unitSets[" + proposedSets.size() + "]";
            if (name.endsWith("成员单位")) {
                proposed.put("kind", "GROUP_MEMBERS");
                String group = name.substring(0, name.length() - "成员单位".length());
                proposed.put("group", group);
                proposeGroup(group);
            } else {
                proposed.put("kind", "LISTED");
                missing.add(new MissingField(path + ".units", name + " is no set of the region: list its units"));
            }
            proposedSets.put(name, proposed);
        }
    }

    private void proposeGroup(String name) {
        if (groups.stream().noneMatch(g -> name.equals(g.get("name")) || name.equals(g.get("shortName")))) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", name);
            groups.add(group);
            missing.add(new MissingField("leadingGroups[" + (groups.size() - 1) + "].members",
                    name + " is named, its members are not"));
        }
    }

    private static String kindOf(String name) {
        if (name.matches(".*(?:乡|镇|街道)(?:人民政府|政府|办事处)?$")) {
            return "TOWNSHIP";
        }
        if (name.endsWith("管委会") || name.endsWith("管理委员会")) {
            return "MANAGEMENT_COMMITTEE";
        }
        if (name.matches(".*(?:局|委|办|办公室|中心|站|所)$")) {
            return "DEPARTMENT";
        }
        return "OTHER";
    }

    /** A task that sets up a monthly report (月报告制度) reports every month: the report is its own recurring task. */
    @SuppressWarnings("unchecked")
    private void closeTask() {
        if (openTask == null) {
            return;
        }
        Map<String, Object> task = openTask;
        openTask = null;
        String about = (String) task.remove("@monthly");
        if (about == null) {
            return;
        }
        String path = "tasks[" + tasks.size() + "]";
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("code", task.get("code") + "-月报");
        report.put("parent", task.get("code"));
        report.put("title", "按月报送" + about + "进展（月报告制度）");
        report.put("@path", path);
        derivedTasks.add(report);
        List<Map<String, Object>> units = (List<Map<String, Object>>) task.get("units");
        if (units != null) {
            report.put("@sameUnitsAs", task);
        }
        tasks.add(report);
        missing.add(new MissingField(path + ".recurrence",
                "the notice sets up a monthly report (月报告制度) of " + task.get("code") + " but not its day"));
    }

    /** The annex: the leading group, its leader and members with their titles, its office and the office's director. */
    private void annex(int from) {
        closeTask();
        Map<String, Object> group = null;
        List<Map<String, Object>> members = null;
        String role = null;
        for (int i = from; i < paragraphs.size(); i++) {
            NoticeText.Paragraph p = paragraphs.get(i);
            String text = p.text();
            Matcher copied = COPIED.matcher(text);
            if (copied.matches()) {
                plan.put("copiedTo", list(p, copied.group(1), "plan.copiedTo"));
                continue;
            }
            if (text.equals("附件") || DATE.matcher(text).matches() || text.matches("^共印\\d+份$")
                    || text.equals(plan.get("issuingUnit"))) {
                continue;
            }
            if (group == null && text.matches(".+(?:领导小组|工作专班|小组|指挥部)$")) {
                String path = "leadingGroups[" + groups.size() + "]";
                group = new LinkedHashMap<>();
                set(group, "name", text, path + ".name", p.all());
                members = new ArrayList<>();
                group.put("members", members);
                groups.add(0, group);
                renumberGroupPaths();
                continue;
            }
            if (group == null) {
                unread.add(new UnreadText(p.all(), text, "after the plan's text and outside a leading group"));
                continue;
            }
            Matcher office = OFFICE_UNIT.matcher(text);
            Matcher director = OFFICE_DIRECTOR.matcher(text);
            if (office.find() || director.find()) {
                office.reset();
                if (office.find()) {
                    set(group, "officeUnit", office.group(1), "leadingGroups[0].officeUnit", p.span(office.start(1), office.end(1)));
                }
                director.reset();
                if (director.find()) {
                    set(group, "officeDirector", director.group(1), "leadingGroups[0].officeDirector",
                            p.span(director.start(1), director.end(1)));
                }
                continue;
            }
            Matcher member = MEMBER.matcher(p.raw().strip());
            String entry = p.raw().strip();
            if (member.matches()) {
                String label = member.group(1).replaceAll("[\\s\\u3000]+", "");
                role = label.equals("组长") ? "LEADER" : label.equals("副组长") ? "DEPUTY_LEADER" : "MEMBER";
                entry = member.group(2);
            } else if (role == null) {
                unread.add(new UnreadText(p.all(), text, "in the leading group, before its 组长 or 成员"));
                continue;
            }
            if (!entry.isBlank()) {
                members.add(member(entry, role, p, "leadingGroups[0].members[" + members.size() + "]"));
            }
        }
    }

    /** Groups proposed from the tasks were numbered before the annex's went first. */
    private void renumberGroupPaths() {
        List<MissingField> renumbered = new ArrayList<>();
        for (MissingField m : missing) {
            Matcher g = Pattern.compile("^leadingGroups\\[(\\d+)\\]").matcher(m.path());
            renumbered.add(g.find() ? new MissingField(g.replaceFirst("leadingGroups[" + (Integer.parseInt(g.group(1)) + 1) + "]"),
                    m.what()) : m);
        }
        missing.clear();
        missing.addAll(renumbered);
    }

    /** 贺 琦 县政府办公室副科级干部: the name, then the title; a title alone (涉及乡镇政府主要负责人) stands for units. */
    private Map<String, Object> member(String entry, String role, NoticeText.Paragraph p, String path) {
        String[] words = entry.strip().split("[\\s\\u3000]+");
        Map<String, Object> member = new LinkedHashMap<>();
        String title = words[words.length - 1];
        if (words.length > 1) {
            String name = String.join("", Arrays.copyOf(words, words.length - 1));
            set(member, "name", name, path + ".name", p.all());
        }
        set(member, "title", title, path + ".title", p.all());
        String unit = unitOfTitle(title);
        if (unit != null) {
            member.put("unit", unit);
        } else {
            String set = setOfTitle(title);
            if (set != null) {
                member.put("unitSet", set);
            } else {
                missing.add(new MissingField(path + ".unit", "no unit of the region begins the title " + title));
            }
        }
        member.put("role", role);
        return member;
    }

    /** The unit whose name is the longest start of the title: 县政府办公室副科级干部 is of 县政府办公室, not 县政府. */
    private String unitOfTitle(String title) {
        for (int end = title.length() - 1; end >= 2; end--) {
            Optional<String> unit = region.unit(title.substring(0, end));
            if (unit.isPresent()) {
                return unit.get();
            }
        }
        return null;
    }

    /** 涉及乡镇政府主要负责人: 涉及, 有关 and 相关 say one thing ("concerned"), so the set 相关乡镇政府. */
    private String setOfTitle(String title) {
        String concerned = title.replaceFirst("^(?:涉及|有关)", "相关");
        for (int end = concerned.length() - 1; end >= 2; end--) {
            String candidate = concerned.substring(0, end);
            if (region.isSet(candidate) || proposedSets.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Roles where the list leaves them to the text (责任单位 only): the unit the text has lead (X牵头), else the one it
     * opens with, else the lead of the task before it with the same units; all responsible when none of these says.
     */
    @SuppressWarnings("unchecked")
    private void roles() {
        Map<String, Object> previous = null;
        for (Map<String, Object> task : tasks) {
            Map<String, Object> same = (Map<String, Object>) task.remove("@sameUnitsAs");
            if (same != null) {
                List<Map<String, Object>> units = (List<Map<String, Object>>) same.get("units");
                units.stream().filter(u -> "LEAD".equals(u.get("role"))).findFirst()
                        .ifPresent(lead -> task.put("units", new ArrayList<>(List.of(new LinkedHashMap<>(lead)))));
            }
            List<Map<String, Object>> units = (List<Map<String, Object>>) task.get("units");
            String path = (String) task.remove("@path");
            boolean derived = derivedTasks.contains(task);
            if (units == null || units.isEmpty()) {
                if (!derived && !isSection(task)) {
                    missing.add(new MissingField(path + ".units", "the notice names no responsible unit for " + task.get("code")));
                }
            } else if (units.stream().anyMatch(u -> "LEAD".equals(u.get("role")))) {
                // beside a lead the notice names, the others assist
                units.forEach(u -> u.putIfAbsent("role", "ASSIST"));
            } else if (units.stream().noneMatch(u -> u.containsKey("role"))) {
                String lead = leadOf(task, units, previous);
                for (Map<String, Object> unit : units) {
                    unit.put("role", lead == null ? "RESPONSIBLE" : lead.equals(nameOf(unit)) ? "LEAD" : "ASSIST");
                }
            }
            if (!derived && !isSection(task) && !task.containsKey("deadline")) {
                missing.add(new MissingField(path + ".deadline", "the notice gives " + task.get("code") + " no deadline"));
            }
            if (!derived && units != null && !units.isEmpty()) {
                previous = task;
            }
        }
    }

    private boolean isSection(Map<String, Object> task) {
        return tasks.stream().anyMatch(t -> task.get("code").equals(t.get("parent")) && !derivedTasks.contains(t));
    }

    @SuppressWarnings("unchecked")
    private String leadOf(Map<String, Object> task, List<Map<String, Object>> units, Map<String, Object> previous) {
        String text = (String) task.getOrDefault("description", "");
        Matcher leads = LEADS.matcher(text);
        while (leads.find()) {
            for (Map<String, Object> unit : units) {
                if (leads.group(1).endsWith(nameOf(unit))) {
                    return nameOf(unit);
                }
            }
        }
        for (Map<String, Object> unit : units) {
            if (text.startsWith(nameOf(unit)) || region.unit(nameOf(unit)).filter(text::startsWith).isPresent()) {
                return nameOf(unit);
            }
        }
        if (previous != null) {
            List<Map<String, Object>> before = (List<Map<String, Object>>) previous.get("units");
            if (before.stream().map(NoticeReader::nameOf).toList().equals(units.stream().map(NoticeReader::nameOf).toList())) {
                return before.stream().filter(u -> "LEAD".equals(u.get("role"))).map(NoticeReader::nameOf).findFirst().orElse(null);
            }
        }
        return units.size() == 1 ? nameOf(units.get(0)) : null;
    }

    private static String nameOf(Map<String, Object> assignment) {
        return (String) (assignment.containsKey("unit") ? assignment.get("unit") : assignment.get("unitSet"));
    }

    private List<String> list(NoticeText.Paragraph p, String listed, String path) {
        List<String> names = new ArrayList<>();
        String text = p.text();
        int offset = text.indexOf(listed);
        int at = 0;
        for (String name : listed.split("[、，,]")) {
            String item = name.strip();
            if (item.isEmpty()) {
                continue;
            }
            int start = offset + listed.indexOf(name, at);
            at = listed.indexOf(name, at) + name.length();
            fields.add(new DraftField(path + "[" + names.size() + "]", item, p.span(start, start + name.length())));
            names.add(item);
        }
        return names;
    }

    private void set(Map<String, Object> target, String key, String value, String path, SourceSpan span) {
        target.put(key, value);
        fields.add(new DraftField(path, value, span));
    }
}
