package org.duban.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    /** The demo accounts: username, display name, roles, unit (by any of its names), or null. */
    private record DemoAccount(String username, String displayName, String[] roles, String unit) {
    }

    private static final String LEADER_ACCOUNT = "leader";
    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "督办办公室管理员", new String[] { Roles.ADMIN }, null),
            new DemoAccount(LEADER_ACCOUNT, "县领导", new String[] { Roles.LEADER }, "乡宁县人民政府"),
            new DemoAccount("zrzyj", "县自然资源局联络员", new String[] { Roles.UNIT, Roles.LAND_EDITOR }, "乡宁县自然资源局"),
            new DemoAccount("sfq", "示范区管委会联络员", new String[] { Roles.UNIT }, "乡宁生态文化旅游示范区管委会"));

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
        // bcrypt is slow on purpose: hash here, not on the event loop the import runs on.
        String hash = Passwords.hash(DEMO_PASSWORD);
        VertxContextSupport.subscribeAndAwait(() -> loadPlan(document)
                .chain(() -> addAccounts(document.region().code(), hash)
                        .onFailure(DemoData::loadedElsewhere).recoverWithNull())
                .chain(() -> groups.linkLeaderAccount(document.region().code(), LEADER_ACCOUNT)));
    }

    private Uni<Void> loadPlan(PlanDocument document) {
        return pool.preparedQuery("select count(*) from plan where document_number = $1")
                .execute(Tuple.of(document.plan().documentNumber()))
                .chain(rows -> {
                    if (rows.iterator().next().getLong(0) > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    return importer.importPlan(document, false)
                            .invoke(outcome -> LOG.infof("Demo data: imported %s with %d tasks",
                                    document.plan().documentNumber(), outcome.tasksCreated()))
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
                        chain = chain.chain(() -> accounts.addIfAbsent(demo.username(), demo.displayName(), passwordHash,
                                demo.roles(), unitId, false)).replaceWithVoid();
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
