package org.duban.notify;

import static org.duban.common.Text.blankToNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.duban.access.Callers;
import org.duban.access.Roles;
import org.duban.common.DubanException;
import org.duban.common.IdKind;
import org.duban.common.Ids;
import org.duban.common.InputValidator;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@Authenticated
public class ChannelApi {

    /** A dot-atom before the @ and host labels after it (letters of any script): the addresses mail servers take. */
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+");

    private final ChannelStore store;
    private final InputValidator validator;
    private final Callers callers;

    ChannelApi(ChannelStore store, InputValidator validator, Callers callers) {
        this.store = store;
        this.validator = validator;
        this.callers = callers;
    }

    @Query
    @RolesAllowed({ Roles.ADMIN, Roles.LEADER })
    @Description("A unit's reminder channels (ADMIN, LEADER).")
    public Uni<@NonNull UnitChannels> unitChannels(@NonNull @Id String unitId) {
        long id = Ids.parse(unitId, IdKind.UNIT);
        return callers.current().chain(caller -> store.of(id, caller.overseenRegions().toArray(Long[]::new)))
                .map(found -> found.orElseThrow(() -> DubanException.notFound("Unit", unitId)));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Sets where a unit's reminders go (ADMIN): a webhook (Duban JSON, WeCom or DingTalk robot) and an e-mail "
            + "address. Reminders written from then on use them.")
    @Name("setUnitChannels")
    public Uni<@NonNull UnitChannels> setUnitChannels(@NonNull @Id String unitId, @NonNull UnitChannelsInput input) {
        validator.check("input", input);
        long id = Ids.parse(unitId, IdKind.UNIT);
        String url = blankToNull(input.webhookUrl());
        String secret = blankToNull(input.webhookSecret());
        String email = blankToNull(input.email());
        if (url != null) {
            requireHttpUrl(url.strip());
        }
        if (email != null && !EMAIL.matcher(email.strip()).matches()) {
            throw DubanException.validation("input.email", "not an e-mail address: " + email);
        }
        if (secret != null && url == null) {
            throw DubanException.validation("input.webhookSecret", "a secret without a webhookUrl signs nothing");
        }
        WebhookFormat format = input.webhookFormat() == null ? WebhookFormat.DUBAN : input.webhookFormat();
        return store.set(id, url == null ? null : url.strip(), secret, format, email == null ? null : email.strip())
                .map(found -> found.orElseThrow(() -> DubanException.notFound("Unit", unitId)));
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw DubanException.validation("input.webhookUrl", "not an http or https address: " + url);
    }
}
