package dev.quadrant.e2e.servers;

import java.util.Map;

/** The healthy services' one quick handler body: count a view, build a small JSON answer (a few microseconds). */
final class Catalog {
    private Catalog() {}

    static String product(String id, Map<String, Long> views) {
        String key = id == null ? "none" : Integer.toString(Math.floorMod(id.hashCode(), 200));
        views.merge(key, 1L, Long::sum);
        StringBuilder body = new StringBuilder("{\"id\":\"").append(key).append("\",\"related\":[");
        for (int i = 0; i < 20; i++) body.append('"').append(key).append('-').append(i).append("\",");
        return body.append("\"end\"],\"views\":").append(views.get(key)).append('}').toString();
    }
}
