package org.duban.common;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Closes when the service starts shutting down, so that background work (reminder runs, delivery claims)
 * takes on nothing new while in-flight requests finish. What was claimed and not finished is released by
 * its lease and taken by another instance.
 */
@ApplicationScoped
public class WorkGate {

    private volatile boolean open = true;

    /** Before any other shutdown observer: those that wait for work under way must not see new work start. */
    void close(@Observes @Priority(1) ShutdownEvent event) {
        open = false;
    }

    public boolean isOpen() {
        return open;
    }
}
