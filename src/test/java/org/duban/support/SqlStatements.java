package org.duban.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import jakarta.inject.Singleton;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;

/**
 * Records every SQL statement the reactive client sends, through Vert.x's tracing hook: whatever issues
 * it (a batched field, a root query, Hibernate Reactive), it is counted here.
 */
@Singleton
public class SqlStatements implements VertxOptionsCustomizer {

    private static final List<String> RECORDED = new ArrayList<>();

    public static synchronized void reset() {
        RECORDED.clear();
    }

    public static synchronized List<String> recorded() {
        return new ArrayList<>(RECORDED);
    }

    private static synchronized void record(String sql) {
        RECORDED.add(sql);
    }

    @Override
    public void accept(VertxOptions options) {
        options.setTracingOptions(new TracingOptions().setFactory(new VertxTracerFactory() {
            @Override
            public VertxTracer tracer(TracingOptions tracingOptions) {
                return new Recorder();
            }
        }));
    }

    private static final class Recorder implements VertxTracer<Object, Object> {
        @Override
        public <R> Object sendRequest(Context context, SpanKind kind, io.vertx.core.tracing.TracingPolicy policy, R request,
                String operation, BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
            if (kind == SpanKind.RPC && request != null) {
                Map<String, String> tags = tagExtractor.extract(request);
                String statement = tags.get("db.statement");
                if (statement != null) {
                    record(statement);
                }
            }
            return null;
        }
    }
}
