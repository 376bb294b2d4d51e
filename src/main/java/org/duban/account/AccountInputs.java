package org.duban.account;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

/** The inputs of the account mutations. In updates, a field left out (null) stays as it is. */
public final class AccountInputs {

    private AccountInputs() {
    }

    @Input("CreateUserInput")
    public record CreateUser(
            @NonNull @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{2,31}", message = "must be 3 to 32 lower-case letters, digits, '_', '.' or '-'")
            String username,
            @NonNull @NotBlank @Size(max = 100) String displayName,
            @NonNull @Description("At least duban.auth.password-min-length characters (default 10), with a letter and a digit") String password,
            @Id @Description("Required for UNIT accounts") String unitId,
            @NonNull @Description("SYSTEM, ADMIN, LEADER, UNIT; LAND_EDITOR only together with UNIT") List<@NonNull String> roles,
            @Email @Size(max = 200) String email,
            @Size(max = 30) String mobile,
            @Id @Description("The regions its ADMIN and LEADER roles govern (each with every region below); by default its unit's")
            @Nullable List<@NonNull String> regionIds) {
    }

    @Input("UpdateUserInput")
    public record UpdateUser(
            @Size(min = 1, max = 100) String displayName,
            @Id @Description("An empty string removes the unit") String unitId,
            @Nullable List<@NonNull String> roles,
            @Description("An empty string removes the address") @Email @Size(max = 200) String email,
            @Description("An empty string removes the number") @Size(max = 30) String mobile,
            @Description("Sets a new password (e.g. when the user forgot it); signs the account out everywhere") String password,
            @Id @Description("Replaces the regions its ADMIN and LEADER roles govern") @Nullable List<@NonNull String> regionIds) {
    }
}
