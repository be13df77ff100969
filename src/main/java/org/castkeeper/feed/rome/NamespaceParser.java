package org.castkeeper.feed.rome;

import com.rometools.rome.io.ModuleParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What every Castkeeper module parser shares: the namespaces it reads (a namespace that moved keeps its old URI
 * in older feeds) and lenient readers for the text and numbers feeds really carry. A value that cannot be read is
 * left out (null), never guessed.
 */
public abstract class NamespaceParser implements ModuleParser {
    private final List<Namespace> namespaces;

    /** @param namespaces the current namespace first, then any older URI of the same one */
    protected NamespaceParser(Namespace... namespaces) {
        this.namespaces = List.of(namespaces);
    }

    @Override
    public final String getNamespaceUri() {
        return namespaces.get(0).getURI();
    }

    /** Whether {@code element} is an RSS item (else the channel). */
    protected static boolean isItem(Element element) {
        return element.getName().equals("item");
    }

    /** The children named {@code name} in any of this parser's namespaces, in document order. */
    protected final List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name) && namespaces.contains(child.getNamespace())) {
                found.add(child);
            }
        }
        return found;
    }

    protected final Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of the first such child, or null when it is absent or blank. */
    protected final String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : blankToNull(child.getTextTrim());
    }

    protected static String attribute(Element element, String name) {
        return blankToNull(element.getAttributeValue(name));
    }

    protected static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A whole number as feeds write it ("3", " 3 ", "3.0"); null for anything else. */
    protected static Integer wholeNumber(String s) {
        BigDecimal d = decimal(s);
        if (d == null || d.signum() < 0) {
            return null;
        }
        try {
            return d.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    protected static BigDecimal decimal(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Seconds as a decimal ("12.5") in milliseconds; null when unreadable. */
    protected static Long secondsAsMillis(String s) {
        BigDecimal d = decimal(s);
        return d == null || d.signum() < 0 ? null : d.movePointRight(3).longValue();
    }

    /** yes/no, true/false in any case; null for anything else. */
    protected static Boolean yesNo(String s) {
        return s == null ? null : YES_NO.get(s.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Map<String, Boolean> YES_NO =
            java.util.Map.of("yes", Boolean.TRUE, "true", Boolean.TRUE, "no", Boolean.FALSE, "false", Boolean.FALSE);
}
