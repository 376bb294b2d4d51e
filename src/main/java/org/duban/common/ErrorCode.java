package org.duban.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

/**
 * The value of {@code extensions.code} on every GraphQL error. Front-ends switch on these names, so they
 * only ever grow: features add codes here and nowhere else.
 */
@Enum("ErrorCode")
@Description("The code in extensions.code of every GraphQL error.")
public enum ErrorCode {
    @Description("The input is not acceptable; extensions.field names the offending field.")
    VALIDATION,
    @Description("No such object, or none the caller may see.")
    NOT_FOUND,
    @Description("The change collides with the current state: a duplicate, or the object changed meanwhile.")
    CONFLICT,
    @Description("A state change the rules forbid.")
    INVALID_TRANSITION,
    @Description("No valid token: sign in with the login mutation and send Authorization: Bearer <token>.")
    UNAUTHENTICATED,
    @Description("The caller's role may never perform this operation, or the object belongs to a region the caller oversees but does not administer.")
    FORBIDDEN,
    @Description("A dependency such as the database is down; retry later.")
    UNAVAILABLE,
    @Description("An unexpected fault; the message carries an incident id that the server log also has.")
    INTERNAL
}
