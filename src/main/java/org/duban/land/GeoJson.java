package org.duban.land;

import org.duban.common.DubanException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a parcel outline: a GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude (RFC 7946),
 * every ring closed and of at least four positions, every position a longitude in [-180, 180] and a
 * latitude in [-90, 90]. Returns the geometry as compact JSON text; VALIDATION on {@code field} otherwise.
 */
public final class GeoJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJson() {
    }

    public static String validPolygon(String text, String field) {
        JsonNode geometry;
        try {
            geometry = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw DubanException.validation(field, "not JSON: " + e.getOriginalMessage());
        }
        if (geometry == null || !geometry.isObject()) {
            throw DubanException.validation(field, "must be a GeoJSON geometry object");
        }
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        switch (type) {
            case "Polygon" -> polygon(coordinates, field + ".coordinates");
            case "MultiPolygon" -> {
                requireArray(coordinates, field + ".coordinates", 1);
                for (int i = 0; i < coordinates.size(); i++) {
                    polygon(coordinates.get(i), field + ".coordinates[" + i + "]");
                }
            }
            default -> throw DubanException.validation(field, "type must be Polygon or MultiPolygon, was " + type);
        }
        return geometry.toString();
    }

    private static void polygon(JsonNode rings, String field) {
        requireArray(rings, field, 1);
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            String at = field + "[" + r + "]";
            requireArray(ring, at, 4);
            for (int p = 0; p < ring.size(); p++) {
                position(ring.get(p), at + "[" + p + "]");
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw DubanException.validation(at, "a ring must end where it starts");
            }
        }
    }

    private static void position(JsonNode position, String field) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw DubanException.validation(field, "a position is [longitude, latitude]");
        }
        double longitude = position.get(0).asDouble();
        double latitude = position.get(1).asDouble();
        if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) {
            throw DubanException.validation(field, "not a WGS 84 longitude/latitude: [" + longitude + ", " + latitude + "]");
        }
    }

    private static void requireArray(JsonNode node, String field, int minimum) {
        if (!node.isArray() || node.size() < minimum) {
            throw DubanException.validation(field, "must be an array of at least " + minimum);
        }
    }
}
