package dev.daap.adapters.http.plan;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Amounts of money in JSON: strings of decimal digits ({@code "15.00"}), both ways, so that no client's JSON parser
 * reads them as floating point.
 */
public final class Amounts {
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");

    private Amounts() {}

    /** Null stays null; anything but plain decimal digits is an {@link IllegalArgumentException}. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a decimal amount as a string, such as \"15.00\"");
        }
        return new BigDecimal(text);
    }

    public static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
