package org.minima.launcher.folder;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Renders maps, lists, strings, numbers and booleans as indented JSON: enough for run records, no dependency. */
public final class Json {

    private Json() {
    }

    static String render(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, "");
        return out.append('\n').toString();
    }

    private static void append(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            appendMap(out, map, indent);
        } else if (value instanceof Collection<?> list) {
            appendList(out, list, indent);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            appendString(out, value.toString());
        }
    }

    private static void appendMap(StringBuilder out, Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + "  ";
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            out.append(inner);
            appendString(out, entry.getKey().toString());
            out.append(": ");
            append(out, entry.getValue(), inner);
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void appendList(StringBuilder out, Collection<?> list, String indent) {
        out.append('[');
        Iterator<?> items = list.iterator();
        while (items.hasNext()) {
            append(out, items.next(), indent);
            if (items.hasNext()) {
                out.append(", ");
            }
        }
        out.append(']');
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
