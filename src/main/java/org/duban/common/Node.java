package org.duban.common;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;

/**
 * The main objects, found again from their global id alone by {@code node(id:)}: a client that keeps ids (a cache, a
 * bookmark, a push message) needs no per-type query. Implementors mark {@code id} {@link GlobalId}, so it leaves
 * sealed.
 */
@Interface("Node")
@Description("An object with a global id; node(id:) finds it again.")
public interface Node {

    /** The row key; the API writes it sealed (the implementor's component is {@link GlobalId}). */
    long id();

    /** SmallRye reads an interface's fields from its getters only; the records answer from their component. */
    @Id
    default long getId() {
        return id();
    }
}
