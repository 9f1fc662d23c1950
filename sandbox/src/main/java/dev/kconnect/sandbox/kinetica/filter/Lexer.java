package dev.kconnect.sandbox.kinetica.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter expression into tokens: identifiers, numbers, 'strings' and operators. */
final class Lexer {
    private static final List<String> SYMBOLS = List.of(
            ">=", "<=", "==", "!=", "<>", "&&", "||", ">", "<", "=", "!", "(", ")", ",", "-", "+");

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        int start = at;
        if (at == text.length()) {
            return new Token(Token.Kind.END, "", start);
        }
        char c = text.charAt(at);
        if (c == '\'') {
            return new Token(Token.Kind.STRING, quoted('\''), start);
        }
        if (c == '"' || c == '`') {
            return new Token(Token.Kind.QUOTED, quoted(c), start);
        }
        if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
            return new Token(Token.Kind.NUMBER, number(), start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            return new Token(Token.Kind.IDENTIFIER, text.substring(start, at), start);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, at)) {
                at += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, start);
            }
        }
        throw new FilterException("unexpected character '" + c + "'", start);
    }

    private String quoted(char quote) {
        int start = at;
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == quote) {
                if (at < text.length() && text.charAt(at) == quote) {
                    value.append(quote);   // doubled quote escapes itself
                    at++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
        throw new FilterException("unterminated quote " + quote, start);
    }

    private String number() {
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
        }
        if (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
            throw new FilterException("malformed number", start);
        }
        return text.substring(start, at);
    }
}
