package org.duban.account;

import static org.duban.common.sql.Rows.map;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.AuthPayload;
import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.sql.Batches;
import org.duban.unit.Region;
import org.duban.unit.Unit;
import org.duban.unit.UnitQueries;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class AccountApi {

    private final AccountQueries accounts;
    private final AccountService service;
    private final UnitQueries units;
    private final Callers callers;

    AccountApi(AccountQueries accounts, AccountService service, UnitQueries units, Callers callers) {
        this.accounts = accounts;
        this.service = service;
        this.units = units;
        this.callers = callers;
    }

    @Query
    @Description("The signed-in account.")
    public Uni<@NonNull User> me() {
        return callers.current().chain(caller -> userById(caller.accountId()));
    }

    @Query
    @RolesAllowed({ Roles.SYSTEM, Roles.ADMIN, Roles.LEADER })
    @Description("Accounts by username, optionally of one unit: those of units of the regions the caller oversees and those "
            + "governing any of them; every account for the platform's operator.")
    public Uni<@NonNull List<@NonNull User>> users(@Id String unitId) {
        Long unit = Ids.parseOptional(unitId, IdKind.UNIT);
        return callers.current().chain(caller -> accounts.users(unit,
                caller.is(Roles.SYSTEM) ? null : caller.overseenRegions().toArray(Long[]::new)));
    }

    @NonNull
    @Description("The regions the account's ADMIN and LEADER roles govern (each with every region below)")
    public Uni<List<List<@NonNull Region>>> regions(@Source List<User> users) {
        return accounts.governedRegions(Batches.keys(users, User::id)).chain(pairs -> units.regionsByIds(
                        pairs.stream().map(AccountQueries.Governed::regionId).distinct().toArray(Long[]::new))
                .map(regions -> users.stream().map(user -> pairs.stream().filter(pair -> pair.accountId() == user.id())
                        .flatMap(pair -> regions.stream().filter(region -> region.id() == pair.regionId())).toList()).toList()));
    }

    @Name("unit")
    public Uni<List<Unit>> unitOfUser(@Source List<User> users) {
        return units.unitsByIds(Batches.keys(users, User::unitId))
                .map(found -> Batches.single(users, User::unitId, found, Unit::id));
    }

    @Mutation
    @RolesAllowed({ Roles.SYSTEM, Roles.ADMIN })
    public Uni<@NonNull User> createUser(@NonNull AccountInputs.CreateUser input) {
        return callers.current().chain(caller -> service.create(input, caller)).chain(this::userById);
    }

    @Mutation
    @RolesAllowed({ Roles.SYSTEM, Roles.ADMIN })
    @Description("Changes an account; a new password signs it out everywhere. Role changes apply from the next request.")
    public Uni<@NonNull User> updateUser(@NonNull @Id String id, @NonNull AccountInputs.UpdateUser input) {
        return callers.current().chain(caller -> service.update(id, input, caller)).chain(this::userById);
    }

    @Mutation
    @RolesAllowed({ Roles.SYSTEM, Roles.ADMIN })
    @Description("The account can no longer sign in, and the tokens it holds stop working at once.")
    public Uni<@NonNull User> disableUser(@NonNull @Id String id) {
        return callers.current().chain(caller -> service.setEnabled(id, false, caller)).chain(this::userById);
    }

    @Mutation
    @RolesAllowed({ Roles.SYSTEM, Roles.ADMIN })
    @Description("Lets a disabled or locked account sign in again.")
    public Uni<@NonNull User> enableUser(@NonNull @Id String id) {
        return callers.current().chain(caller -> service.setEnabled(id, true, caller)).chain(this::userById);
    }

    @Mutation
    @Description("Changes the caller's own password. Every other session of the account ends; use the token returned.")
    public Uni<@NonNull AuthPayload> changePassword(@NonNull String oldPassword, @NonNull String newPassword) {
        return callers.current().chain(caller -> service.changePassword(caller.accountId(), oldPassword, newPassword));
    }

    private Uni<User> userById(long id) {
        return accounts.byId(id);
    }
}
