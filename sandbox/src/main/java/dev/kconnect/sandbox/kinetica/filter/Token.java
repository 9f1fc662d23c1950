package dev.kconnect.sandbox.kinetica.filter;

import java.util.Locale;

/** A lexical token of a filter expression. */
record Token(Kind kind, String text, int position) {
    /** QUOTED is a "quoted" identifier: a column name that is never a keyword. */
    enum Kind { IDENTIFIER, QUOTED, NUMBER, STRING, SYMBOL, END }

    /** True for an unquoted identifier spelling the keyword, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && !text.isEmpty() && text.toLowerCase(Locale.ROOT).equals(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
