package dev.ticketing.validation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The HTML forms of descriptions and comments ({@code description_HTML}, {@code comment_HTML}), as the live API's
 * clients send them. What is stored is sanitised: jsoup's {@link Safelist#relaxed()} keeps text formatting,
 * lists, tables, links and images and drops scripts, event handlers, styles and every other element or attribute,
 * so a client that renders it cannot be made to run anyone's script.
 */
public final class Html {

    private static final Safelist SAFE = Safelist.relaxed();

    private Html() {
    }

    /** {@code html} with only safe elements and attributes left. */
    public static String sanitize(String html) {
        Document.OutputSettings compact = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, compact);
    }

    /** The text a reader sees in {@code html}: the description or comment when only HTML is sent. */
    public static String text(String html) {
        return Jsoup.parse(html).text();
    }
}
