package org.duban.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A bulletin's figures as the JSON kept with it: dates as ISO text, areas and rates as exact decimals. */
final class FiguresJson {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FiguresJson() {
    }

    static String write(BulletinFigures figures) {
        try {
            return JSON.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bulletin's figures are records of text, numbers and dates", e);
        }
    }

    static BulletinFigures read(String json) {
        try {
            return JSON.readValue(json, BulletinFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a bulletin's figures as stored no longer read", e);
        }
    }
}
