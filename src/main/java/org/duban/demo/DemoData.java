package org.duban.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.duban.access.Roles;
import org.duban.account.AccountService;
import org.duban.account.Passwords;
import org.duban.common.DubanException;
import org.duban.common.ErrorCode;
import org.duban.common.sql.SqlStates;
import org.duban.group.GroupService;
import org.duban.importer.PlanDocument;
import org.duban.importer.PlanDocumentParser;
import org.duban.importer.PlanImporter;
import org.duban.unit.RegionRow;
import org.duban.unit.UnitNames;
import org.duban.unit.UnitRows;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Loads the Xiangning plan and the demo accounts into a database that lacks them, when
 * {@code duban.demo.enabled} is true (the default in dev mode and tests). Safe to run on every start
 * and from several instances at once: it only adds what is missing.
 */
@ApplicationScoped
public class DemoData {

    static final String PLAN_RESOURCE = "demo/xiangning-2022-60.yaml";
    static final String DEMO_PASSWORD = "demo";

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /**
     * The demo accounts: username, display name, roles, unit (by any of its names) or null, and the division code of
     * the region its ADMIN or LEADER role governs, or null.
     */
    private record DemoAccount(String username, String displayName, String[] roles, String unit, String governs) {
    }

    /** Where the demo county sits: its province and city above it, root first (the plan file names the county). */
    private static final List<DemoRegion> REGIONS_ABOVE = List.of(new DemoRegion("140000", "山西省"), new DemoRegion("141000", "临汾市"));

    private record DemoRegion(String code, String name) {
    }

    private static final String LEADER_ACCOUNT = "leader";
    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "督办办公室管理员", new String[] { Roles.ADMIN }, null, "141029"),
            new DemoAccount(LEADER_ACCOUNT, "县领导", new String[] { Roles.LEADER }, "乡宁县人民政府", "141029"),
            new DemoAccount("zrzyj", "县自然资源局联络员", new String[] { Roles.UNIT, Roles.LAND_EDITOR }, "乡宁县自然资源局", null),
            new DemoAccount("sfq", "示范区管委会联络员", new String[] { Roles.UNIT }, "乡宁生态文化旅游示范区管委会", null),
            new DemoAccount("linfen", "临汾市督查室管理员", new String[] { Roles.ADMIN }, null, "141000"),
            new DemoAccount("operator", "平台运维", new String[] { Roles.SYSTEM }, null, null));

    private final PlanImporter importer;
    private final AccountService accounts;
    private final GroupService groups;
    private final UnitRows units;
    private final Pool pool;
    private final Clock clock;

    DemoData(PlanImporter importer, AccountService accounts, GroupService groups, UnitRows units, Pool pool, Clock clock) {
        this.importer = importer;
        this.accounts = accounts;
        this.groups = groups;
        this.units = units;
        this.pool = pool;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event, @ConfigProperty(name = "duban.demo.enabled") boolean enabled)
            throws Throwable {
        if (!enabled) {
            return;
        }
        PlanDocument document = PlanDocumentParser.parse(resource(PLAN_RESOURCE));
        // bcrypt is slow on purpose: hash here, not on the event loop the import runs on, and only when an account is
        // missing; every later start of the service finds them all (a tenth of a second of start-up saved).
        String hash = VertxContextSupport.subscribeAndAwait(this::accountsMissing) ? Passwords.hash(DEMO_PASSWORD) : null;
        VertxContextSupport.subscribeAndAwait(() -> placeRegions(document)
                .chain(() -> loadPlan(document))
                .chain(() -> hash == null ? Uni.createFrom().voidItem() : addAccounts(document.region().code(), hash)
                        .onFailure(DemoData::loadedElsewhere).recoverWithNull())
                .chain(() -> groups.linkLeaderAccount(document.region().code(), LEADER_ACCOUNT)));
    }

    private Uni<Boolean> accountsMissing() {
        String[] usernames = ACCOUNTS.stream().map(DemoAccount::username).toArray(String[]::new);
        return pool.preparedQuery("select count(*) from account where username = any($1)").execute(Tuple.of(usernames))
                .map(rows -> rows.iterator().next().getLong(0) < usernames.length);
    }

    /** The province, the city and the county of the plan, each under the one before; only what is missing is added. */
    private Uni<Void> placeRegions(PlanDocument document) {
        List<DemoRegion> chain = new ArrayList<>(REGIONS_ABOVE);
        chain.add(new DemoRegion(document.region().code(), document.region().name()));
        Uni<Long> placed = Uni.createFrom().nullItem();
        for (DemoRegion wanted : chain) {
            placed = placed.chain(parentId -> units.regionByCode(pool, wanted.code()).chain(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(existing.id);
                }
                RegionRow region = new RegionRow();
                region.code = wanted.code();
                region.name = wanted.name();
                region.parentId = parentId;
                return units.insert(pool, region).map(done -> region.id);
            }));
        }
        return placed.replaceWithVoid().onFailure(DemoData::loadedElsewhere).recoverWithNull();
    }

    private Uni<Void> loadPlan(PlanDocument document) {
        return pool.preparedQuery("select count(*) from plan where document_number = $1")
                .execute(Tuple.of(document.plan().documentNumber()))
                .chain(rows -> {
                    if (rows.iterator().next().getLong(0) > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    return importer.importPlan(document, false, false)
                            .invoke(outcome -> LOG.infof("Demo data: imported %s with %d tasks",
                                    document.plan().documentNumber(), outcome.tasksCreated().size()))
                            .replaceWithVoid()
                            .onFailure(DemoData::loadedElsewhere).recoverWithNull();
                });
    }

    private Uni<Void> addAccounts(String regionCode, String passwordHash) {
        return units.regionByCode(pool, regionCode)
                .chain(region -> units.unitsInRegion(pool, region.id))
                .map(UnitNames::new)
                .chain(names -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (DemoAccount demo : ACCOUNTS) {
                        Long unitId = demo.unit() == null ? null : names.resolve(demo.unit(), "unit").id;
                        chain = chain.chain(() -> demo.governs() == null ? Uni.createFrom().<RegionRow> nullItem()
                                        : units.regionByCode(pool, demo.governs()))
                                .chain(governed -> accounts.addIfAbsent(demo.username(), demo.displayName(), passwordHash,
                                        demo.roles(), unitId, governed == null ? new Long[0] : new Long[] { governed.id }, false))
                                .replaceWithVoid();
                    }
                    return chain;
                });
    }

    /** Another instance imported the plan at the same moment: fine. */
    private static boolean loadedElsewhere(Throwable failure) {
        return failure instanceof DubanException e && e.code() == ErrorCode.CONFLICT
                || SqlStates.isUniqueViolation(failure);
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
