package org.minima.launcher.report;

import java.util.List;

import org.minima.api.Table;

/** The small pieces of HTML the report is made of, every text escaped. */
final class Html {

    /** Rows shown per table; the CSV file beside the page has them all. */
    static final int MAX_ROWS = 2000;

    private Html() {
    }

    static String escape(Object value) {
        String text = value == null ? "" : value.toString();
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** A sortable, filterable table with the id {@code id}, linking to its CSV file. */
    static String table(String id, Table table, String csv) {
        StringBuilder out = new StringBuilder();
        int rows = table.rows().size();
        out.append("<p>").append(link(csv, csv)).append(", ").append(rows).append(" rows")
                .append(rows > MAX_ROWS ? " (the first " + MAX_ROWS + " shown)" : "").append(" — click a column to sort")
                .append("</p>\n<input class=\"filter\" type=\"search\" placeholder=\"filter rows\" data-table=\"")
                .append(escape(id)).append("\">\n<div class=\"scroll\"><table class=\"data\" id=\"")
                .append(escape(id)).append("\"><thead><tr>");
        table.columns().forEach(column -> out.append("<th>").append(escape(column)).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        for (List<Object> row : table.rows().subList(0, Math.min(rows, MAX_ROWS))) {
            out.append("<tr>");
            row.forEach(value -> out.append("<td>").append(escape(value)).append("</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table></div>\n").toString();
    }

    /** A definition list of {@code pairs} (name, value, name, value, ...). */
    static String definitions(List<String> pairs) {
        StringBuilder out = new StringBuilder("<dl>");
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            out.append("<dt>").append(escape(pairs.get(i))).append("</dt><dd>").append(escape(pairs.get(i + 1)))
                    .append("</dd>");
        }
        return out.append("</dl>\n").toString();
    }
}
