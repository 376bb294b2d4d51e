package org.duban.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The real time, for what others check against real time: token expiry, verified by the JWT library against
 * the system clock. Business time (deadlines, reminders) is the unqualified {@link java.time.Clock}, which a
 * demo may start in the past (duban.clock.start) and tests move.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE })
public @interface WallClock {
}
