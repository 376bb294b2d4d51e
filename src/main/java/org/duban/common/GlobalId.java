package org.duban.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an output field that carries row keys of one kind (a key, a list of keys, or digits in text): the API
 * writes each as that kind's global id ({@link Ids#of}), so records and queries keep plain keys. Read where
 * GraphQL reads plain properties (PlainFields); a test checks that every {@code @Id} of an output type has one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD })
public @interface GlobalId {
    IdKind value();
}
